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

/**
 * The estates of `index` ordered by a column (missing values last, ties by estate id): the same order as
 * sortRows over their rows, by the same function.
 */
export function orderBy(t: DistrictTable, index: Int32Array, key: keyof EstateFit, descending: boolean): number[] {
	const value =
		key === 'q' ? (i: number) => (t.q[i] === t.q[i] ? t.q[i] : null) : (i: number) => t.value(i, key) as number | string | null;
	return sortRows(Array.from(index), value, (i) => t.id[i], descending);
}
