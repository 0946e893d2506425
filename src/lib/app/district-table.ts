/**
 * The district page's estates as columns: the filters, the fit-class counts and the order by Q run over typed
 * arrays, and an estate's row object is built only when something shows it (the ranking's 20 rows, the scatter).
 * Why: a weight change must re-rank a city within a frame, and building 2,000-13,000 rows of 34 fields, then
 * filtering, counting and sorting them, was most of that time. The rows, counts and orders are the same as the
 * ones the row path gave (the same sortRows, the same tests).
 */
import { BAND_OF } from '../domain/district-fit';
import type { BandClass } from '../domain/fit';
import { rowOf, type AnalysisColumns, type EstateFit } from '../queries/analysis';
import { sortRows } from '../components/sort-rows';

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

/** The estates' own columns, per run's estates (cached: a weight change keeps the same estates). */
type OwnColumns = Pick<DistrictTable, 'id' | 'subdistrict' | 'estateType' | 'buildingType' | 'firm'>;
const ownCache = new WeakMap<object, OwnColumns>();

function ownColumns(own: AnalysisColumns['own']): OwnColumns {
	let c = ownCache.get(own);
	if (!c) {
		c = {
			id: own.map((e) => e.estate_id),
			subdistrict: own.map((e) => e.subdistrict),
			estateType: own.map((e) => e.estate_type),
			buildingType: own.map((e) => e.building_type),
			firm: own.map((e) => e.firm)
		};
		ownCache.set(own, c);
	}
	return c;
}

/** Rows built on demand, each once. */
function memo(n: number, build: (i: number) => EstateFit): (i: number) => EstateFit {
	const rows: (EstateFit | undefined)[] = new Array(n);
	return (i) => (rows[i] ??= build(i));
}

const orNull = (x: number) => (x === x ? x : null);

/** A live run's columns. */
export function tableOfColumns(c: AnalysisColumns): DistrictTable {
	const n = c.own.length;
	const { fit } = c;
	const row = memo(n, (i) => rowOf(c, i));
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
		...ownColumns(c.own),
		q: fit.q,
		grade: fit.grade,
		band: fit.band,
		row,
		value: (i, key) => {
			const f = fromFit[key];
			if (f) return f(i);
			const own = c.own[i] as Partial<EstateFit>;
			return key in own ? own[key] : row(i)[key];
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
	if (!subdistrict && !type && !building && !firm && !grade && !band) return Int32Array.from({ length: t.n }, (_, i) => i);
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

/** Estate indices in id order (code-unit order, as sortRows breaks ties; equal ids in estate order), per id column. */
const idOrders = new WeakMap<readonly string[], Int32Array>();

function idOrder(id: readonly string[]): Int32Array {
	let order = idOrders.get(id);
	if (!order) {
		// A live run's estates come in id order already (ORDER BY estate_id): then no sort at all.
		let sorted = true;
		for (let i = 1; sorted && i < id.length; i++) sorted = !(id[i] < id[i - 1]);
		const at = Array.from({ length: id.length }, (_, i) => i);
		if (!sorted) at.sort((a, b) => (id[a] < id[b] ? -1 : id[a] > id[b] ? 1 : a - b));
		order = Int32Array.from(at);
		idOrders.set(id, order);
	}
	return order;
}

/**
 * The estates of `index` by a numeric column (NaN or null: missing, last either way), ties by estate id: the order
 * sortRows gives, without a comparator. The keys are sorted as a Float64Array (native numeric sort), then each
 * estate, taken in id order, goes to the next free place of its key, found by binary search.
 */
function orderByNumbers(t: DistrictTable, index: Int32Array, value: (i: number) => number | null, descending: boolean): number[] {
	const m = index.length;
	const sign = descending ? -1 : 1;
	// As sortRows' keys: direction applied, missing as +∞; + 0 makes −0 equal to 0 in the native sort as in a - b.
	const key = new Float64Array(t.n);
	const member = new Uint8Array(t.n);
	for (let j = 0; j < m; j++) {
		const i = index[j];
		const v = value(i);
		key[i] = v === null || v !== v ? Infinity : sign * v + 0;
		member[i] = 1;
	}
	const sorted = new Float64Array(m);
	for (let j = 0; j < m; j++) sorted[j] = key[index[j]];
	sorted.sort();
	const taken = new Int32Array(m);
	const out: number[] = new Array(m);
	for (const i of idOrder(t.id)) {
		if (member[i] === 0) continue;
		const k = key[i];
		let lo = 0;
		let hi = m;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (sorted[mid] < k) lo = mid + 1;
			else hi = mid;
		}
		out[lo + taken[lo]++] = i;
	}
	return out;
}

/**
 * The estates of `index` ordered by a column (missing values last, ties by estate id): the same order as
 * sortRows over their rows (numeric columns without its comparator, see orderByNumbers).
 */
export function orderBy(t: DistrictTable, index: Int32Array, key: keyof EstateFit, descending: boolean): number[] {
	if (key === 'q') return orderByNumbers(t, index, (i) => t.q[i], descending);
	const value = (i: number) => t.value(i, key) as number | string | null;
	const values = Array.from(index, value);
	if (values.every((v) => v === null || typeof v === 'number')) {
		const at = new Float64Array(t.n);
		index.forEach((i, j) => (at[i] = values[j] ?? NaN));
		return orderByNumbers(t, index, (i) => at[i], descending);
	}
	return sortRows(Array.from(index), value, (i) => t.id[i], descending);
}
