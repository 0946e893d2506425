/**
 * The district page's estates as columns: the filters, the fit-class counts and the order by Q run over typed
 * arrays, and an estate's row object is built only when something shows it (the ranking's 20 rows, the scatter).
 * Why: a weight change must re-rank a city within a frame, and building 2,000-13,000 rows of 34 fields, then
 * filtering, counting and sorting them, was most of that time. The rows, counts and orders are the same as the
 * ones the row path gave (the same sortRows, the same tests).
 */
import { BAND_OF, fitForRow } from '../domain/district-fit';
import type { BandClass } from '../domain/fit';
import { rowOf, type AnalysisColumns, type EstateFit } from '../queries/analysis';
import { sortRows } from '../components/sort-rows';
import { unpackAnalysis } from '../snapshot/analysis-columns-packed';
import type { DistrictSnapshot } from '../snapshot/views';

/** One district analysis as columns, in estate order; `row(i)` builds (once) estate i's analysis row. */
export interface DistrictTable {
	n: number;
	period: string | null;
	id: readonly string[];
	subdistrict: readonly (string | null)[];
	estateType: readonly string[];
	buildingType: readonly string[];
	firm: readonly (string | null)[];
	/** NaN without Q. */
	q: Float64Array;
	/** 0 without a grade. */
	grade: Uint8Array;
	/** Index into BAND_OF (0: none). */
	band: Uint8Array;
	row(i: number): EstateFit;
	/** A field of estate i as its row has it (from the columns where they hold it, without building the row). */
	value(i: number, key: keyof EstateFit): unknown;
}

/** Rows built on demand, each once. */
function memo(n: number, build: (i: number) => EstateFit): (i: number) => EstateFit {
	const rows: (EstateFit | undefined)[] = new Array(n);
	return (i) => (rows[i] ??= build(i));
}

const orNull = (x: number) => (x === x ? x : null);

/** A live run's columns. */
export function tableOfColumns(c: AnalysisColumns): DistrictTable {
	const { n, fit, own } = c;
	// A row holds the previous period's Q (q_prev, q_change), which the ranking does not show: the row reads its
	// estate's own (qPrevAt) instead of making the fit compute it for every estate on each weight change.
	const row = memo(n, (i) => rowOf({ ...c, fit: fitForRow(fit, i) }, i));
	// The ranking's columns that the fit holds; anything else from the estate's own fields or its row.
	const fromFit: Partial<Record<keyof EstateFit, (i: number) => unknown>> = {
		q: (i) => orNull(fit.q[i]),
		grade: (i) => (fit.grade[i] === 0 ? null : fit.grade[i]),
		guide_price: (i) => orNull(fit.guide[i]),
		qpr: (i) => orNull(fit.qpr[i]),
		band: (i) => BAND_OF[fit.band[i]],
		expected_fee: (i) => orNull(fit.expected[i]),
		residual: (i) => orNull(fit.residual[i])
	};
	return {
		n,
		period: c.period,
		id: own.estate_id,
		subdistrict: own.subdistrict,
		estateType: own.estate_type,
		buildingType: own.building_type,
		firm: own.firm,
		q: fit.q,
		grade: fit.grade,
		band: fit.band,
		row,
		value: (i, key) => {
			const f = fromFit[key];
			if (f) return f(i);
			const column = (own as Partial<Record<keyof EstateFit, readonly unknown[]>>)[key];
			return column ? column[i] : row(i)[key];
		}
	};
}

/** Rows already built (a start-up snapshot's). */
export function tableOfRows(rows: readonly EstateFit[], period: string | null): DistrictTable {
	const n = rows.length;
	return {
		n,
		period,
		id: rows.map((e) => e.estate_id),
		subdistrict: rows.map((e) => e.subdistrict),
		estateType: rows.map((e) => e.estate_type),
		buildingType: rows.map((e) => e.building_type),
		firm: rows.map((e) => e.firm),
		q: Float64Array.from(rows, (e) => e.q ?? NaN),
		grade: Uint8Array.from(rows, (e) => e.grade ?? 0),
		band: Uint8Array.from(rows, (e) => BAND_OF.indexOf(e.band)),
		row: (i) => rows[i],
		value: (i, key) => rows[i][key]
	};
}

/** A start-up snapshot's estates: a visit's packed run (as a live run's), or the build's rows. */
export function tableOfSnapshot(s: DistrictSnapshot): DistrictTable {
	return 'packed' in s ? tableOfColumns(unpackAnalysis(s.packed)) : tableOfRows(s.result.estates, s.result.period);
}

/** The district page's filters ('' = any; band 'none' = no fit class). */
export interface DistrictFilters {
	subdistrict: string;
	type: string;
	building: string;
	firm: string;
	grade: string;
	band: string;
}

const BAND_KEYS: readonly string[] = BAND_OF.map((b) => b ?? 'none');

/** The estates the filters let through, in estate order. */
export function filterTable(t: DistrictTable, f: DistrictFilters): Int32Array {
	const { subdistrict, type, building, firm, grade, band } = f;
	if (!subdistrict && !type && !building && !firm && !grade && !band) {
		const all = new Int32Array(t.n);
		for (let i = 0; i < t.n; i++) all[i] = i;
		return all;
	}
	// A filter value no estate can have matches none (as comparing the rows' fields did).
	const g = grade ? (['1', '2', '3', '4', '5'].includes(grade) ? Number(grade) : -1) : 0;
	const b = band ? BAND_KEYS.indexOf(band) : 0;
	const out: number[] = [];
	for (let i = 0; i < t.n; i++) {
		if (subdistrict && t.subdistrict[i] !== subdistrict) continue;
		if (type && t.estateType[i] !== type) continue;
		if (building && t.buildingType[i] !== building) continue;
		if (firm && t.firm[i] !== firm) continue;
		if (grade && t.grade[i] !== g) continue;
		if (band && t.band[i] !== b) continue;
		out.push(i);
	}
	return Int32Array.from(out);
}

/** The fit classes in the order of the tiles. */
export const BANDS: readonly (BandClass | null)[] = ['matched', 'price_above_quality', 'quality_above_price', null];

/** How many of the estates in `index` fall in each fit class, in the order of {@link BANDS}. */
export function bandCounts(t: DistrictTable, index: Int32Array): { band: BandClass | null; n: number }[] {
	const n = new Array<number>(BAND_OF.length).fill(0);
	for (const i of index) n[t.band[i]]++;
	return BANDS.map((band) => ({ band, n: n[BAND_OF.indexOf(band)] }));
}

/** Estate indices in id order (code-unit order, as sortRows breaks ties; equal ids in estate order) and each one's place in it. */
interface IdOrder {
	order: Int32Array;
	rankOf: Int32Array;
}
const idOrders = new WeakMap<readonly string[], IdOrder>();

function idOrder(id: readonly string[]): IdOrder {
	let o = idOrders.get(id);
	if (!o) {
		// A live run's estates come in id order already (ORDER BY estate_id): then no sort at all.
		let sorted = true;
		for (let i = 1; sorted && i < id.length; i++) sorted = !(id[i] < id[i - 1]);
		const at = Array.from({ length: id.length }, (_, i) => i);
		if (!sorted) at.sort((a, b) => (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : a - b));
		const order = Int32Array.from(at);
		const rankOf = new Int32Array(id.length);
		order.forEach((i, r) => (rankOf[i] = r));
		o = { order, rankOf };
		idOrders.set(id, o);
	}
	return o;
}

/**
 * Working columns of {@link orderByNumbers}, kept from one order to the next: every weight change orders a city's
 * estates again, and three fresh columns of them were ~0.3 MB of memory touched for the first time (~1 ms on the
 * bench machine, docs/performance.md, session 23). Safe to share: orderByNumbers runs to its end in one call and
 * gives none of them out. Each starts at offset 0 of its own buffer.
 */
const scratchColumns = new Map<string, Float64Array>();
function scratch(name: 'packed' | 'key' | 'keyOf', n: number): Float64Array {
	let c = scratchColumns.get(name);
	if (!c || c.length < n) scratchColumns.set(name, (c = new Float64Array(n)));
	return c.subarray(0, n);
}

/**
 * The estates of `index` by a numeric column (`values`, by estate; NaN: missing, last either way), ties by estate
 * id: the order sortRows gives, without a comparator. Each key becomes an unsigned 64-bit integer in the same order
 * (the usual flip of a double's bits) whose lowest bits are replaced by the estate's place in id order, and those are
 * sorted natively (BigUint64Array). Keys that differ only in the replaced bits (or not at all) end up next to each
 * other with equal upper bits: such a run is put in exact order (key, then id) by a comparator, rarely needed.
 */
function orderByNumbers(t: DistrictTable, index: Int32Array, values: Float64Array, descending: boolean): number[] {
	const m = index.length;
	const sign = descending ? -1 : 1;
	const { order, rankOf } = idOrder(t.id);
	const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, t.n))));
	const low = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
	const packed = scratch('packed', m);
	const words = new Uint32Array(packed.buffer, 0, 2 * m);
	// As sortRows' keys: direction applied, missing as +∞; + 0 makes −0 equal to 0 as a - b does.
	const key = scratch('key', m);
	for (let j = 0; j < m; j++) {
		const v = values[index[j]];
		packed[j] = key[j] = v !== v ? Infinity : sign * v + 0;
		let lo = words[2 * j];
		let hi = words[2 * j + 1];
		if (hi >>> 31) {
			hi = ~hi >>> 0;
			lo = ~lo >>> 0;
		} else hi = (hi | 0x80000000) >>> 0;
		words[2 * j] = ((lo & ~low) | rankOf[index[j]]) >>> 0;
		words[2 * j + 1] = hi;
	}
	new BigUint64Array(packed.buffer, 0, m).sort();
	// Back from places in id order to estates; the exact key of each, for the runs of equal upper bits (only the
	// estates of `index` are written and read).
	const keyOf = scratch('keyOf', t.n);
	for (let j = 0; j < m; j++) keyOf[index[j]] = key[j];
	const out: number[] = new Array(m);
	for (let j = 0; j < m; j++) out[j] = order[words[2 * j] & low];
	for (let j = 0; j < m; ) {
		let e = j + 1;
		const hi = words[2 * j + 1];
		const lo = words[2 * j] & ~low;
		while (e < m && words[2 * e + 1] === hi && (words[2 * e] & ~low) === lo) e++;
		let mixed = false;
		for (let x = j + 1; x < e; x++) mixed ||= keyOf[out[x]] !== keyOf[out[j]];
		if (mixed) {
			const run = out.slice(j, e).sort((a, b) => keyOf[a] - keyOf[b] || rankOf[a] - rankOf[b]);
			for (let x = j; x < e; x++) out[x] = run[x - j];
		}
		j = e;
	}
	return out;
}

/** The last order made, for the same table, estates, column and direction asked again. */
let lastOrder: { t: DistrictTable; index: Int32Array; key: keyof EstateFit; descending: boolean; order: readonly number[] } | null = null;

/**
 * The estates of `index` ordered by a column (missing values last, ties by estate id): the same order as
 * sortRows over their rows (numeric columns without its comparator, see orderByNumbers). The last order is kept:
 * the district page makes the ranking's first order by Q in a task of its own, before the ranking mounts and asks
 * for it (a city's sort and the ranking's first rows were one long task together).
 */
export function orderBy(t: DistrictTable, index: Int32Array, key: keyof EstateFit, descending: boolean): readonly number[] {
	const last = lastOrder;
	if (last && last.t === t && last.index === index && last.key === key && last.descending === descending) return last.order;
	const order = orderUncached(t, index, key, descending);
	lastOrder = { t, index, key, descending, order };
	return order;
}

function orderUncached(t: DistrictTable, index: Int32Array, key: keyof EstateFit, descending: boolean): number[] {
	if (key === 'q') return orderByNumbers(t, index, t.q, descending);
	const value = (i: number) => t.value(i, key) as number | string | null;
	const values = Array.from(index, value);
	if (values.every((v) => v === null || typeof v === 'number')) {
		const at = new Float64Array(t.n);
		index.forEach((i, j) => (at[i] = values[j] ?? NaN));
		return orderByNumbers(t, index, at, descending);
	}
	return sortRows(Array.from(index), value, (i) => t.id[i], descending);
}
