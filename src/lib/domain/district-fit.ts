/**
 * The settings-dependent part of the price-quality analysis for a whole district at once, over columns: from
 * each estate's indicator means (this period and the one before), fee in force and age, to Q, grade with red
 * lines, guide price, QPR, band, the peer models, expected fee, residual and its percentile (docs/sources.md §4-§6).
 *
 * Why columns and not assessQuality per estate: a weight change must re-rank a city's 13,000 estates within a
 * frame or two, and the per-estate path builds explanations nobody reads at that moment. The arithmetic is the
 * same as the domain functions', step for step and in the same order (inspectionScore, compositeQ, gradeFromQ,
 * applyRedLines, guidePrice, qpr, bandClass, fitPeerModel, expectedFee, percentileRank), which
 * tests/unit/queries/analysis-agreement.test.ts checks estate by estate against those functions.
 * Missing values are NaN (grades and bands 0), in and out.
 */
import { BAND_EPSILON, type BandClass, type Bands } from './fit';
import { guidePrice, type GuidePriceCatalogue } from './catalogues';
import { GRADES, type Grade } from './grades';
import type { IndicatorSystem } from './indicator-system';
import { fitPeerColumnsSteps, fitPeerModel, type PeerModel } from './regression';
import { sortDoubles } from './stats';
import { runAllSteps } from './steps';
import { BUILDING_TYPES, type BuildingType } from './vocabulary';

/** What the fit needs of each estate, whatever the settings; index i is the same estate in every column. */
export interface FitInput {
	/** Indicator codes, in the order of `current` and `previous`. */
	codes: readonly string[];
	/** Mean score of each indicator in the period (NaN: none, or the indicator does not apply to the estate). */
	current: readonly Float64Array[];
	/** Owner-satisfaction mean in the period (NaN: no survey). */
	satisfaction: Float64Array;
	/** The same for the period before. */
	previous: readonly Float64Array[];
	previousSatisfaction: Float64Array;
	/** Fee in force in 元/㎡·月 (NaN: none). */
	feeM2: Float64Array;
	/** Years since built (NaN: unknown). */
	age: Float64Array;
	buildingType: readonly BuildingType[];
}

/** Settings the fit depends on. */
export interface FitSettings {
	system: IndicatorSystem;
	catalogue: GuidePriceCatalogue;
	bands: Bands;
}

/**
 * The fit of every estate, column by column. Numbers are NaN where undefined and grades and bands 0 where there
 * are none: typed arrays keep a city's re-run free of a hundred thousand boxed numbers.
 */
export interface DistrictFit {
	inspection: Float64Array;
	q: Float64Array;
	/** Computed when first read: the district ranking does not show it, so a weight change does not pay for it. */
	readonly qPrev: ArrayLike<number>;
	/** qPrev[i] alone, without computing the other estates' (for the few rows a page builds). */
	qPrevAt(i: number): number;
	/** 1-5, 0 without Q. */
	gradeUncapped: Uint8Array;
	grade: Uint8Array;
	/** Red-line codes that made the grade worse, in the system's order, joined by ','. */
	cappedBy: (string | null)[];
	guide: Float64Array;
	qpr: Float64Array;
	/** Index into {@link BAND_OF}: 0 none. */
	band: Uint8Array;
	expected: Float64Array;
	residual: Float64Array;
	/** Share of the building type's residuals ≤ this one, 0-100. */
	residualPct: Float64Array;
	models: Record<BuildingType, PeerModel>;
}

/**
 * The fit as one estate's row reads it: every column the same, and the previous period's Q of estate i alone (a
 * plain object, so building a few rows never computes qPrev for every estate).
 */
export function fitForRow(fit: DistrictFit, i: number): DistrictFit {
	const { inspection, q, gradeUncapped, grade, cappedBy, guide, qpr, band, expected, residual, residualPct, models, qPrevAt } = fit;
	const qPrev: ArrayLike<number> = { length: i + 1, [i]: qPrevAt(i) };
	return { inspection, q, qPrev, qPrevAt, gradeUncapped, grade, cappedBy, guide, qpr, band, expected, residual, residualPct, models };
}

/** The band class of each code in {@link DistrictFit.band}. */
export const BAND_OF: readonly (BandClass | null)[] = [null, 'matched', 'price_above_quality', 'quality_above_price'];


/** Inspection score of estate i from one period's columns: the weighted mean over the indicators present, clamped. */
function inspectionAt(i: number, weights: Float64Array, cols: readonly Float64Array[]): number {
	let num = 0;
	let den = 0;
	for (let k = 0; k < cols.length; k++) {
		const v = cols[k][i];
		if (v === v) {
			num += weights[k] * v;
			den += weights[k];
		}
	}
	return den > 0 ? Math.min(100, Math.max(0, num / den)) : NaN;
}

/** Q from the inspection score, blended with satisfaction when there is a survey. */
const blendQ = (insp: number, s: number, a: number, b: number) =>
	insp !== insp ? NaN : s !== s ? insp : Math.min(100, Math.max(0, a * insp + b * s));

/** Q from one period's columns, estates [from, to), into `inspection` and `q`. */
function qualityInto(inspection: Float64Array, q: Float64Array, from: number, to: number, weights: Float64Array, a: number, b: number, cols: readonly Float64Array[], sat: Float64Array): void {
	for (let i = from; i < to; i++) {
		const insp = inspectionAt(i, weights, cols);
		inspection[i] = insp;
		q[i] = blendQ(insp, sat[i], a, b);
	}
}

/** Q from one period's columns, every estate. */
function qualityOf(input: FitInput, weights: Float64Array, a: number, b: number, cols: readonly Float64Array[], sat: Float64Array) {
	const n = input.feeM2.length;
	const inspection = new Float64Array(n);
	const q = new Float64Array(n);
	qualityInto(inspection, q, 0, n, weights, a, b, cols, sat);
	return { inspection, q };
}

/**
 * Estates per step of Q and of the grades: a city's first fit runs in code not yet optimised, on a machine whose
 * cores the engine's compiler shares, where a block of 2,048 estates' Q took 20-75 ms of one task; a warm fit does a
 * block in well under a millisecond, so a weight change pays nothing for the smaller blocks (runSteps keeps it whole).
 */
export const FIT_BLOCK = 512;

/** The fit of every estate under `s`. Throws like the domain functions on settings they refuse. */
export function fitDistrict(input: FitInput, s: FitSettings): DistrictFit {
	return runAllSteps(fitDistrictSteps(input, s));
}

/**
 * {@link fitDistrict} as steps: the generator pauses after each {@link FIT_BLOCK} estates of Q, after the result's
 * columns are allocated, after the peer groups, before each block of the grades and bands, and before and inside each
 * building type's regression, so a page can end its task there. A city's first fit runs in code not yet optimised
 * and takes several times a warm one's 10 ms; in one task it held the page for 40-70 ms.
 */
export function* fitDistrictSteps(input: FitInput, s: FitSettings): Generator<void, DistrictFit, void> {
	const n = input.feeM2.length;
	const weights = Float64Array.from(input.codes, (code) => s.system.indicators.find((i) => i.code === code)?.weight ?? 0);
	if (!weights.some((w) => w > 0)) throw new RangeError('The indicator system has no indicator with a positive weight.');
	const { inspection: wi, satisfaction: ws } = s.system.blend;
	if (!Number.isFinite(wi) || !Number.isFinite(ws) || wi < 0 || ws < 0 || !(wi + ws > 0)) {
		throw new RangeError(`blend weights must be finite, ≥ 0 and not both 0, got ${wi} / ${ws}`);
	}
	if (!(s.bands.low > 0) || !(s.bands.high >= s.bands.low) || !Number.isFinite(s.bands.high)) {
		throw new RangeError(`bands must satisfy 0 < low ≤ high, got ${s.bands.low}-${s.bands.high}`);
	}
	const [a, b] = [wi / (wi + ws), ws / (wi + ws)];
	const cur = { inspection: new Float64Array(n), q: new Float64Array(n) };
	for (let from = 0; from < n; from += FIT_BLOCK) {
		qualityInto(cur.inspection, cur.q, from, Math.min(n, from + FIT_BLOCK), weights, a, b, input.current, input.satisfaction);
		yield;
	}
	let prevQ: Float64Array | undefined;

	// The result's columns, and then the peer groups, each a step of their own: memory touched for the first time
	// and a first visit's code not yet optimised made this one step of 55-68 ms (the columns' first touch costs
	// 2-3 ms even warm, in Node).
	const nan = () => new Float64Array(n).fill(NaN);
	const [guide, qpr, expected, residual, residualPct] = [nan(), nan(), nan(), nan(), nan()];
	yield;
	const groups = peerGroups(input);
	yield;
	const out: DistrictFit = {
		inspection: cur.inspection,
		q: cur.q,
		get qPrev() {
			return (prevQ ??= qualityOf(input, weights, a, b, input.previous, input.previousSatisfaction).q);
		},
		qPrevAt: (i) => (prevQ ? prevQ[i] : blendQ(inspectionAt(i, weights, input.previous), input.previousSatisfaction[i], a, b)),
		gradeUncapped: new Uint8Array(n),
		grade: new Uint8Array(n),
		cappedBy: new Array(n).fill(null),
		guide,
		qpr,
		band: new Uint8Array(n),
		expected,
		residual,
		residualPct,
		models: { multi: fitPeerModel([]), high: fitPeerModel([]) }
	};
	const grading = gradeSetup(input, s);
	for (let from = 0; from < n; from += FIT_BLOCK) {
		yield;
		gradeRange(input, grading, groups.typeIndex, out, from, Math.min(n, from + FIT_BLOCK));
	}
	for (const [t, bt] of BUILDING_TYPES.entries()) {
		yield;
		out.models[bt] = yield* peerFitSteps(groups.groups[t], cur.q, out);
	}
	return out;
}

/** Each building type's estates and their fee and age: they do not depend on the settings (cached per input). */
interface PeerGroup {
	members: Int32Array;
	fee: Float64Array;
	age: Float64Array;
}
const groupCache = new WeakMap<FitInput, { typeIndex: Int8Array; groups: PeerGroup[] }>();

function peerGroups(input: FitInput): { typeIndex: Int8Array; groups: PeerGroup[] } {
	let g = groupCache.get(input);
	if (!g) {
		// Plain loops: this runs once per input, in code not yet optimised, where an iterator and a callback per
		// estate cost several milliseconds for a city.
		const n = input.buildingType.length;
		const typeIndex = new Int8Array(n);
		const sizes = new Int32Array(BUILDING_TYPES.length);
		for (let i = 0; i < n; i++) {
			const t = BUILDING_TYPES.indexOf(input.buildingType[i]);
			typeIndex[i] = t;
			if (t >= 0) sizes[t]++;
		}
		const groups = BUILDING_TYPES.map((_, t) => ({ members: new Int32Array(sizes[t]), fee: new Float64Array(sizes[t]), age: new Float64Array(sizes[t]) }));
		const filled = new Int32Array(BUILDING_TYPES.length);
		for (let i = 0; i < n; i++) {
			const t = typeIndex[i];
			if (t < 0) continue;
			const group = groups[t];
			const j = filled[t]++;
			group.members[j] = i;
			group.fee[j] = input.feeM2[i];
			group.age[j] = input.age[i];
		}
		g = { typeIndex, groups };
		groupCache.set(input, g);
	}
	return g;
}

/** What grading needs besides the estates, worked out once per fit. */
interface Grading {
	thresholds: readonly number[];
	lines: { code: string; col: Float64Array; floor: number; cap: number }[];
	/** Guide price by building type and grade (index: building type × 6 + grade). */
	price: (number | null)[];
	low: number;
	high: number;
}

function gradeSetup(input: FitInput, s: FitSettings): Grading {
	// Red lines on indicators of the system; an elevator line never bites an estate without elevators because its
	// elevator column is NaN there (the indicator does not apply), and a missing score neither passes nor fails.
	const lines = s.system.redLines
		.map((l) => ({ code: l.indicator, col: input.current[input.codes.indexOf(l.indicator)], floor: l.floor, cap: l.capGrade }))
		.filter((l) => l.col !== undefined);
	const price: (number | null)[] = [];
	BUILDING_TYPES.forEach((bt, b) => GRADES.forEach((g) => (price[b * 6 + g] = guidePrice(s.catalogue, bt, g).price)));
	return { thresholds: s.system.gradeThresholds, lines, price, low: s.bands.low - BAND_EPSILON, high: s.bands.high + BAND_EPSILON };
}

/** Grade (with red lines), guide price, QPR and band of estates [from, to) with a Q, into `out`. */
function gradeRange(input: FitInput, { thresholds, lines, price, low, high }: Grading, typeIndex: Int8Array, out: DistrictFit, from: number, to: number): void {
	// The columns as locals: the loop's loads and stores then do not go through the result object.
	const { q: qs, gradeUncapped, grade: grades, cappedBy, guide: guides, qpr, band } = out;
	const fees = input.feeM2;
	for (let i = from; i < to; i++) {
		const q = qs[i];
		if (q !== q) continue;
		let raw = 5;
		for (let t = 0; t < thresholds.length; t++) {
			if (q >= thresholds[t]) {
				raw = t + 1;
				break;
			}
		}
		let grade = raw;
		let capped: string[] | null = null;
		for (const l of lines) {
			if (l.col[i] < l.floor && l.cap > grade) grade = l.cap;
			if (l.col[i] < l.floor && l.cap > raw) (capped ??= []).push(l.code);
		}
		gradeUncapped[i] = raw;
		grades[i] = grade;
		if (capped) cappedBy[i] = capped.join(',');
		const guide = price[typeIndex[i] * 6 + grade] ?? null;
		if (guide === null) continue;
		guides[i] = guide;
		const fee = fees[i];
		if (Number.isFinite(guide) && guide >= 0 && fee > 0 && Number.isFinite(fee)) {
			const r = guide / fee;
			qpr[i] = r;
			band[i] = r < low ? 2 : r > high ? 3 : 1;
		}
	}
}

/** Members per step of the residuals and of their ranks (a city's multi-storey type has 8,000). */
export const PEER_BLOCK = 2048;

/**
 * One building type's peer regression over typed columns (no object per estate), then each member's expected
 * fee, residual and the residual's percentile rank within the type, into `out`. In steps (the fit's own four, the
 * residuals and the ranks {@link PEER_BLOCK} members at a time, their order): for a city's 8,000 multi-storey
 * estates in code not yet optimised, all of it in one task took 50-90 ms of a first visit, and the fit alone 40-70 ms.
 */
function* peerFitSteps({ members, fee, age }: PeerGroup, allQ: Float64Array, out: DistrictFit): Generator<void, PeerModel, void> {
	const { expected, residual, residualPct } = out;
	const m = members.length;
	// A missing fee or Q stays NaN so the model counts the estate as dropped.
	const q = new Float64Array(m);
	for (let j = 0; j < m; j++) q[j] = allQ[members[j]];
	const model = yield* fitPeerColumnsSteps({ fee, q, age });
	yield;
	const residuals = new Float64Array(m);
	let k = 0;
	// expectedFee's arithmetic, its model's terms chosen once: an estate lacking a term the model uses has none.
	const c = model.coef;
	const useQ = model.method === 'ols_q' || model.method === 'ols_q_age';
	const useAge = model.method === 'ols_q_age';
	if (c && model.method !== 'none') {
		for (let j = 0; j < m; j++) {
			if (j > 0 && j % PEER_BLOCK === 0) yield;
			if ((useQ && !Number.isFinite(q[j])) || (useAge && !Number.isFinite(age[j]))) continue;
			const x = useAge ? c.intercept + c.q * q[j] + c.age * age[j] : useQ ? c.intercept + c.q * q[j] : c.intercept;
			const i = members[j];
			expected[i] = x;
			if (fee[j] === fee[j]) residuals[k++] = residual[i] = fee[j] - x;
		}
	}
	yield;
	// percentileRank for every member at once: the count of residuals ≤ r by binary search in sorted order.
	// Sorted where they are (nothing reads them unsorted after this): no second column of them.
	const sorted = sortDoubles(residuals.subarray(0, k));
	yield;
	for (let j = 0; j < m; j++) {
		if (j > 0 && j % PEER_BLOCK === 0) yield;
		const r = residual[members[j]];
		if (r !== r) continue;
		let lo = 0;
		let hi = k;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid] <= r) lo = mid + 1;
			else hi = mid;
		}
		residualPct[members[j]] = (100 * lo) / k;
	}
	return model;
}
