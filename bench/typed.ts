/**
 * The floor: the same analysis hand-written over typed arrays on one core, as fast as plain JavaScript allows, to
 * show how far the engines are from what the machine can do. Same rules as the SQL (src/lib/queries/analysis-sql.ts
 * and quality-sql.ts) and the domain, checked by the bench against the wasm engine's result:
 * - scores: a byte-level CSV parser into dictionary-coded columns (the import floor);
 * - raw → pre-aggregate: one pass over the score rows, summing per estate, period slot (analysed, previous) and
 *   indicator; the pre-aggregate is the estate × slot × indicator mean;
 * - pre-aggregate → fit: weighted inspection score, Q, grade, red lines, guide price, QPR, band, the peer regression
 *   (the domain's fitPeerModel), expected fee, residual, percentile; then the ranking by Q.
 */
import { ELEVATOR_CODE, SATISFACTION_CODE } from '../src/lib/domain/indicator-system';
import { BAND_EPSILON } from '../src/lib/domain/fit';
import { expectedFee, fitPeerModel, type PeerModel, type PeerRow } from '../src/lib/domain/regression';
import { countAtMost } from '../src/lib/domain/stats';
import type { AnalysisSettings } from '../src/lib/queries/analysis';

/** Score rows as dictionary-coded columns. */
export interface ScoreColumns {
	n: number;
	estate: Int32Array;
	period: Uint16Array;
	indicator: Uint16Array;
	source: Uint8Array;
	score: Float64Array;
	dict: { estate: string[]; period: string[]; indicator: string[]; source: string[] };
}

/** A growable dictionary of short byte strings, keyed by a 32-bit FNV hash of the bytes (fine for a bench). */
class Dict {
	readonly values: string[] = [];
	private readonly byHash = new Map<number, number>();
	code(buf: Uint8Array, start: number, end: number): number {
		let h = 0x811c9dc5;
		for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], 0x01000193);
		let c = this.byHash.get(h);
		if (c === undefined) {
			c = this.values.length;
			this.values.push(new TextDecoder().decode(buf.subarray(start, end)));
			this.byHash.set(h, c);
		}
		return c;
	}
}

/**
 * Parses a canonical scores CSV (estate_id,period,indicator,score,source; no quotes, as the generator writes) into
 * typed columns. Rows of one estate and period are usually adjacent, so the previous row's codes are reused when the
 * bytes match.
 */
export function parseScoresCsv(buf: Uint8Array): ScoreColumns {
	let rows = 0;
	for (let i = 0; i < buf.length; i++) if (buf[i] === 10) rows++;
	rows -= 1; // header
	const estate = new Int32Array(rows);
	const period = new Uint16Array(rows);
	const indicator = new Uint16Array(rows);
	const source = new Uint8Array(rows);
	const score = new Float64Array(rows);
	const d = { estate: new Dict(), period: new Dict(), indicator: new Dict(), source: new Dict() };
	let i = buf.indexOf(10) + 1;
	let r = 0;
	let prevE = -1, prevEStart = 0, prevELen = 0, prevP = -1, prevPStart = 0, prevPLen = 0;
	const same = (a: number, b: number, len: number) => {
		for (let k = 0; k < len; k++) if (buf[a + k] !== buf[b + k]) return false;
		return true;
	};
	while (i < buf.length && r < rows) {
		let j = i;
		while (buf[j] !== 44) j++;
		estate[r] = prevE >= 0 && j - i === prevELen && same(i, prevEStart, prevELen) ? prevE : (prevE = d.estate.code(buf, i, j));
		prevEStart = i;
		prevELen = j - i;
		i = j + 1;
		j = i;
		while (buf[j] !== 44) j++;
		period[r] = prevP >= 0 && j - i === prevPLen && same(i, prevPStart, prevPLen) ? prevP : (prevP = d.period.code(buf, i, j));
		prevPStart = i;
		prevPLen = j - i;
		i = j + 1;
		j = i;
		while (buf[j] !== 44) j++;
		indicator[r] = d.indicator.code(buf, i, j);
		i = j + 1;
		let v = 0;
		let scale = 0;
		for (; buf[i] !== 44; i++) {
			const c = buf[i];
			if (c === 46) scale = 1;
			else {
				v = v * 10 + (c - 48);
				if (scale) scale *= 10;
			}
		}
		score[r] = scale ? v / scale : v;
		i++;
		j = i;
		while (j < buf.length && buf[j] !== 10 && buf[j] !== 13) j++;
		source[r] = d.source.code(buf, i, j);
		while (j < buf.length && (buf[j] === 10 || buf[j] === 13)) j++;
		i = j;
		r++;
	}
	return {
		n: r,
		estate,
		period,
		indicator,
		source,
		score,
		dict: { estate: d.estate.values, period: d.period.values, indicator: d.indicator.values, source: d.source.values }
	};
}

/** The estates and fees the analysis needs, as typed columns in estate_id order. */
export interface EstateColumns {
	ids: string[];
	index: Map<string, number>;
	high: Uint8Array;
	elevator: Uint8Array;
	buildYear: Float64Array;
	area: Float64Array;
	households: Float64Array;
	/** Fee rows: estate index, year, fee, per-household flag. */
	fees: { estate: Int32Array; year: Int32Array; fee: Float64Array; perHousehold: Uint8Array };
}

/** Reads estates.csv and fees.csv text (canonical, unquoted) into {@link EstateColumns}. Not timed: 13k rows. */
export function readEstates(estatesCsv: string, feesCsv: string): EstateColumns {
	const lines = estatesCsv.trim().split('\n').slice(1).map((l) => l.split(','));
	lines.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
	const ids = lines.map((l) => l[0]);
	const index = new Map(ids.map((id, i) => [id, i]));
	const num = (s: string) => (s === '' ? NaN : Number(s));
	const fl = feesCsv.trim().split('\n').slice(1).map((l) => l.split(',')).filter((l) => index.has(l[0]));
	return {
		ids,
		index,
		high: Uint8Array.from(lines, (l) => (l[4] === 'high' ? 1 : 0)),
		elevator: Uint8Array.from(lines, (l) => (l[8] === 'true' ? 1 : 0)),
		buildYear: Float64Array.from(lines, (l) => num(l[5])),
		area: Float64Array.from(lines, (l) => num(l[6])),
		households: Float64Array.from(lines, (l) => num(l[7])),
		fees: {
			estate: Int32Array.from(fl, (l) => index.get(l[0])!),
			year: Int32Array.from(fl, (l) => Number(l[1])),
			fee: Float64Array.from(fl, (l) => Number(l[2])),
			perHousehold: Uint8Array.from(fl, (l) => (l[3] === 'per_household_month' ? 1 : 0))
		}
	};
}

/** Per estate: the fee in force for `year` in 元/㎡·月 (latest year ≤ year, else the earliest), NaN without one. */
export function feeInForce(e: EstateColumns, year: number): Float64Array {
	const n = e.ids.length;
	const best = new Int32Array(n).fill(-1);
	const key = (y: number) => (y <= year ? -y : 100000 + y); // smaller is better, as the SQL's ORDER BY
	const f = e.fees;
	for (let r = 0; r < f.estate.length; r++) {
		const i = f.estate[r];
		if (best[i] < 0 || key(f.year[r]) < key(f.year[best[i]])) best[i] = r;
	}
	const out = new Float64Array(n).fill(NaN);
	for (let i = 0; i < n; i++) {
		const r = best[i];
		if (r < 0) continue;
		out[i] = f.perHousehold[r] ? f.fee[r] / (e.area[i] / e.households[i]) : f.fee[r];
	}
	return out;
}

/** Estate × slot (0 = analysed period, 1 = the one before) × column (system codes, then satisfaction) means. */
export interface PreAggregate {
	codes: string[];
	width: number;
	means: Float64Array;
	period: string;
	prevPeriod: string | null;
	feeM2: Float64Array;
	age: Float64Array;
}

/**
 * Raw score rows → pre-aggregate for the latest period (or `period`) and the one before: one pass, with the SQL's
 * rules (inspection indicators from non-survey sources, the elevator only where there are elevators, satisfaction
 * from any source).
 */
export function aggregateTyped(s: ScoreColumns, e: EstateColumns, codes: readonly string[], period: string | null): PreAggregate {
	const periods = [...s.dict.period].sort();
	const p = period ?? periods.at(-1)!;
	const pp = periods[periods.indexOf(p) - 1] ?? null;
	const pCode = s.dict.period.indexOf(p);
	const ppCode = pp === null ? -2 : s.dict.period.indexOf(pp);
	const width = codes.length + 1;
	const column = Int32Array.from(s.dict.indicator, (ind) => (ind === SATISFACTION_CODE ? codes.length : codes.indexOf(ind)));
	const elevatorCol = codes.indexOf(ELEVATOR_CODE);
	const survey = s.dict.source.indexOf('satisfaction');
	const estateOf = Int32Array.from(s.dict.estate, (id) => e.index.get(id) ?? -1);
	const n = e.ids.length;
	const sum = new Float64Array(n * 2 * width);
	const count = new Uint32Array(n * 2 * width);
	const { estate, period: per, indicator, source, score } = s;
	for (let r = 0; r < s.n; r++) {
		const pc = per[r];
		const slot = pc === pCode ? 0 : pc === ppCode ? 1 : -1;
		if (slot < 0) continue;
		const c = column[indicator[r]];
		if (c < 0) continue;
		if (c < codes.length && source[r] === survey) continue;
		const i = estateOf[estate[r]];
		if (i < 0 || (c === elevatorCol && !e.elevator[i])) continue;
		const k = (i * 2 + slot) * width + c;
		sum[k] += score[r];
		count[k]++;
	}
	const means = new Float64Array(sum.length);
	for (let k = 0; k < sum.length; k++) means[k] = count[k] > 0 ? sum[k] / count[k] : NaN;
	const year = Number(p.slice(0, 4));
	return { codes: [...codes], width, means, period: p, prevPeriod: pp, feeM2: feeInForce(e, year), age: Float64Array.from(e.buildYear, (b) => year - b) };
}

/** The fit of every estate: what the ranking and the fit-class counts show. */
export interface TypedFit {
	q: Float64Array;
	/** 0 none, 1 matched, 2 price above quality, 3 quality above price. */
	band: Uint8Array;
	residualPct: Float64Array;
	/** Estate indices by Q, best first (no Q last, then by id). */
	ranking: Uint32Array;
	models: PeerModel[];
}

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/** Pre-aggregate → fit and ranking for the settings (weights, blend, thresholds, red lines, catalogue, bands). */
export function fitTyped(pre: PreAggregate, e: EstateColumns, s: AnalysisSettings): TypedFit {
	const n = e.ids.length;
	const w = pre.codes.map((code) => s.system.indicators.find((i) => i.code === code)?.weight ?? 0);
	const { inspection: bi, satisfaction: bs } = s.system.blend;
	const a = bi / (bi + bs);
	const b = bs / (bi + bs);
	const t = s.system.gradeThresholds;
	const lines = s.system.redLines.map((l) => ({ col: pre.codes.indexOf(l.indicator), floor: l.floor, cap: l.capGrade })).filter((l) => l.col >= 0);
	const price = new Float64Array(12).fill(NaN); // [high][grade]
	for (const r of s.catalogue.rows) price[(r.building_type === 'high' ? 6 : 0) + r.grade] = r.price;
	const low = s.bands.low - BAND_EPSILON;
	const high = s.bands.high + BAND_EPSILON;
	const sat = pre.width - 1;

	const qOf = (base: number): number => {
		let num = 0;
		let den = 0;
		for (let k = 0; k < pre.codes.length; k++) {
			const v = pre.means[base + k];
			if (v === v) {
				num += w[k] * v;
				den += w[k];
			}
		}
		if (!(den > 0)) return NaN;
		const insp = clamp100(num / den);
		const sv = pre.means[base + sat];
		return sv === sv ? clamp100(a * insp + b * sv) : insp;
	};

	const q = new Float64Array(n);
	const qpr = new Float64Array(n);
	const band = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const base = i * 2 * pre.width;
		const qi = qOf(base);
		q[i] = qi;
		if (qi !== qi) {
			qpr[i] = NaN;
			continue;
		}
		let grade = qi >= t[0] ? 1 : qi >= t[1] ? 2 : qi >= t[2] ? 3 : qi >= t[3] ? 4 : 5;
		for (const l of lines) if (pre.means[base + l.col] < l.floor && l.cap > grade) grade = l.cap;
		const guide = price[(e.high[i] ? 6 : 0) + grade];
		const fee = pre.feeM2[i];
		const r = guide >= 0 && fee > 0 ? guide / fee : NaN;
		qpr[i] = r;
		band[i] = r !== r ? 0 : r < low ? 2 : r > high ? 3 : 1;
	}

	const models: PeerModel[] = [];
	const residual = new Float64Array(n).fill(NaN);
	const residualPct = new Float64Array(n).fill(NaN);
	for (const type of [0, 1]) {
		const rows: PeerRow[] = [];
		const members: number[] = [];
		for (let i = 0; i < n; i++) {
			if (e.high[i] !== type) continue;
			members.push(i);
			const age = pre.age[i];
			rows.push({ fee: pre.feeM2[i], q: q[i], age: age === age ? age : null });
		}
		const model = fitPeerModel(rows);
		models.push(model);
		const sorted: number[] = [];
		for (const i of members) {
			const age = pre.age[i];
			const x = expectedFee(model, q[i] === q[i] ? q[i] : null, age === age ? age : null);
			if (x !== null && pre.feeM2[i] === pre.feeM2[i]) sorted.push((residual[i] = pre.feeM2[i] - x));
		}
		sorted.sort((x, y) => x - y);
		for (const i of members) {
			const r = residual[i];
			if (r === r) residualPct[i] = (100 * countAtMost(sorted, r)) / sorted.length;
		}
	}

	const ranking = new Uint32Array(n);
	for (let i = 0; i < n; i++) ranking[i] = i;
	ranking.sort((x, y) => {
		const qx = q[x] === q[x] ? q[x] : -1;
		const qy = q[y] === q[y] ? q[y] : -1;
		return qy - qx || x - y;
	});
	return { q, band, residualPct, ranking, models };
}
