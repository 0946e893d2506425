/**
 * SQL text of the price-quality analysis (domain.md sections 4-6), as pure functions of the settings: no engine
 * here, so each step can be read and tested on its own. analysis-run.ts runs them.
 *
 * Two layers:
 * - {@link baseTableSql}: what does not depend on the settings, one row per estate for the analysed period: the
 *   estate, its age, the fee in force, and the indicator means of the period and the one before. Built once per
 *   period and data; the only part that reads the raw scores.
 * - {@link peerRowsSql} and {@link resultSql}: everything that does depend on the settings, as projections of that
 *   one table, with the settings as columns of an arguments table (see SqlArgs) so they can be prepared once.
 *
 * Every rule mirrors a domain function and its order of operations, so the SQL agrees with the TypeScript domain
 * path to the last bit where it can (tests/unit/queries/analysis-agreement.test.ts): inspectionScore, compositeQ,
 * gradeFromQ, applyRedLines, guidePrice, qpr, bandClass, expectedFee, percentileRank.
 */
import { sqlString } from '../engine/engine';
import { BAND_EPSILON, type Bands } from '../domain/fit';
import type { GuidePriceCatalogue } from '../domain/catalogues';
import { GRADES } from '../domain/grades';
import type { IndicatorSystem } from '../domain/indicator-system';
import type { PeerModel } from '../domain/regression';
import { BUILDING_TYPES, type BuildingType } from '../domain/vocabulary';
import {
	applicableColumnsSql,
	blendSql,
	currentFeeSql,
	indicatorMeansSql,
	inspectionSql,
	qualityModelOf,
	scoreColumn,
	weightedSumsSql,
	type SqlValues
} from './quality-sql';

/** The analysis's private in-memory database (see prepared-sql.ts for why it has one). */
export const ANALYSIS_DB = 'zhijia_analysis';
/** Table of the settings-independent analysis inputs, one row per estate. */
export const BASE_TABLE = `${ANALYSIS_DB}.base`;

/** Indicator codes of a system in its own order: the column order of the base table. */
export function systemCodes(system: IndicatorSystem): string[] {
	return system.indicators.map((i) => i.code);
}

/** The calendar year of a period 'YYYYQn' or 'YYYY-MM'. */
export function periodYear(period: string): number {
	return Number(period.slice(0, 4));
}

/** Column of the i-th indicator's mean in the period before. */
function prevColumn(i: number): string {
	return `p${i}`;
}

/**
 * (Re)builds {@link BASE_TABLE} for a period (null: no scores at all) and the period before it (null: none).
 * Columns: the estate's own, age (= period year − build year), period, the fee in force for the period's year
 * (fee_m2, fee_raw, fee_unit, fee_converted, fee_year, collection_rate), s0 … s(n−1) and sat for the period,
 * p0 … p(n−1) and psat for the period before.
 */
export function baseTableSql(codes: readonly string[], period: string | null, prevPeriod: string | null): string {
	const periods = [period, prevPeriod].filter((p): p is string => p !== null);
	const where = periods.length === 0 ? 'false' : `s.period IN (${periods.map(sqlString).join(', ')})`;
	const year = period === null ? undefined : periodYear(period);
	const inPeriod = (p: string | null) => (p === null ? 'false' : `s.period = ${sqlString(p)}`);
	// One pass over the scores, grouped by estate, gives both periods' columns side by side (measured ~5× faster
	// in wasm than pivoting by estate and period and joining the result twice).
	const means = [
		...indicatorMeansSql(codes, inPeriod(period), scoreColumn, 'sat'),
		...indicatorMeansSql(codes, inPeriod(prevPeriod), prevColumn, 'psat')
	];
	return `
CREATE OR REPLACE TABLE ${BASE_TABLE} AS
WITH sc AS (
	SELECT s.estate_id, ${means.join(',\n\t\t')}
	FROM scores s WHERE s.score IS NOT NULL AND (${where}) GROUP BY s.estate_id
),
fee AS (${currentFeeSql(year)})
SELECT e.estate_id, e.name, e.subdistrict, e.estate_type, e.building_type, e.firm, e.build_year,
	${year === undefined ? 'NULL::INTEGER' : `${year} - e.build_year`} AS age,
	e.chargeable_area_m2, e.households, e.has_elevator,
	${period === null ? 'NULL::VARCHAR' : sqlString(period)} AS period,
	fee.fee_m2, fee.fee_raw, fee.fee_unit, coalesce(fee.fee_converted, false) AS fee_converted,
	fee.fee_year, fee.collection_rate,
	${applicableColumnsSql(codes, 'sc', 'e')}, sc.sat, ${applicableColumnsSql(codes, 'sc', 'e', prevColumn)}, sc.psat
FROM estates e
LEFT JOIN sc ON sc.estate_id = e.estate_id
LEFT JOIN fee ON fee.estate_id = e.estate_id
ORDER BY e.estate_id`;
}

/** The settings the per-run SQL depends on. */
export interface RunSettings {
	system: IndicatorSystem;
	catalogue: GuidePriceCatalogue;
	bands: Bands;
}

/** gradeFromQ: the first threshold that `q` reaches, else 5; null without Q. */
function gradeSql(q: string, thresholds: readonly number[], v: SqlValues): string {
	const arms = thresholds.map((t, i) => `WHEN ${q} >= ${v.num(t)} THEN ${i + 1}`).join(' ');
	return `CASE WHEN ${q} IS NULL THEN NULL ${arms} ELSE 5 END`;
}

/**
 * applyRedLines over the score columns: a score strictly below the floor caps the grade at max(grade, capGrade);
 * a missing score neither passes nor fails. No elevator filter is needed because the base table has no elevator
 * score for estates without elevators, which is the domain's rule. Returns the capped grade and the codes of the
 * breaches that made it worse (cappedBy), joined by ','.
 */
function redLineSql(system: IndicatorSystem, raw: string, v: SqlValues): { grade: string; cappedBy: string } {
	const codes = systemCodes(system);
	const lines = system.redLines
		.map((line) => ({ line, col: codes.indexOf(line.indicator) }))
		.filter((l) => l.col >= 0)
		.map(({ line, col }) => ({
			code: v.text(line.indicator),
			breach: `${scoreColumn(col)} < ${v.num(line.floor)}`,
			cap: `(${v.num(line.capGrade)})::INTEGER`
		}));
	if (lines.length === 0) return { grade: raw, cappedBy: 'NULL::VARCHAR' };
	// greatest() skips NULLs, so lines not breached drop out.
	const caps = lines.map((l) => `CASE WHEN ${l.breach} THEN ${l.cap} END`).join(', ');
	const named = lines.map((l) => `CASE WHEN ${l.breach} AND ${l.cap} > ${raw} THEN ${l.code} END`).join(', ');
	return {
		grade: `CASE WHEN ${raw} IS NULL THEN NULL ELSE greatest(${raw}, ${caps}) END`,
		cappedBy: `nullif(concat_ws(',', ${named}), '')`
	};
}

/** guidePrice: the catalogue's price for (building type, grade) over the full grid, null where it has none. */
function guideSql(catalogue: GuidePriceCatalogue, v: SqlValues): string {
	const arms = BUILDING_TYPES.map((bt) => {
		const grades = GRADES.map((g) => {
			const row = catalogue.rows.find((r) => r.building_type === bt && r.grade === g);
			return `WHEN ${g} THEN ${v.num(row ? row.price : null)}`;
		}).join(' ');
		return `WHEN ${sqlString(bt)} THEN CASE grade ${grades} END`;
	}).join(' ');
	return `CASE building_type ${arms} END`;
}

/** bandClass, both edges inclusive with BAND_EPSILON (edges computed in JavaScript, as the domain does). */
function bandSql(bands: Bands, v: SqlValues): string {
	return `CASE WHEN qpr IS NULL THEN NULL
		WHEN qpr < ${v.num(bands.low - BAND_EPSILON)} THEN 'price_above_quality'
		WHEN qpr > ${v.num(bands.high + BAND_EPSILON)} THEN 'quality_above_price'
		ELSE 'matched' END`;
}

/** Every per-estate column that depends on the settings, as stacked projections of the base table. */
function fitSelectSql(s: RunSettings, v: SqlValues): string {
	const model = qualityModelOf(s.system);
	const codes = systemCodes(s.system);
	const cur = weightedSumsSql(model, codes, scoreColumn, v);
	const prev = weightedSumsSql(model, codes, prevColumn, v);
	const red = redLineSql(s.system, 'grade_uncapped', v);
	return `
SELECT *, ${bandSql(s.bands, v)} AS band FROM (
SELECT *, CASE WHEN guide_price >= 0 AND fee_m2 > 0 THEN guide_price / fee_m2 END AS qpr FROM (
SELECT *, ${guideSql(s.catalogue, v)} AS guide_price FROM (
SELECT *, ${red.grade} AS grade, ${red.cappedBy} AS capped_by FROM (
SELECT *, ${gradeSql('q', s.system.gradeThresholds, v)} AS grade_uncapped, q - q_prev AS q_change FROM (
SELECT *, ${blendSql(model, 'inspection', 'satisfaction', v)} AS q, ${blendSql(model, 'inspection_prev', 'psat', v)} AS q_prev FROM (
SELECT *, ${inspectionSql('num', 'den')} AS inspection, ${inspectionSql('pnum', 'pden')} AS inspection_prev, sat AS satisfaction FROM (
SELECT *, ${cur.num} AS num, ${cur.den} AS den, ${prev.num} AS pnum, ${prev.den} AS pden FROM ${BASE_TABLE}${v.join}
)))))))`;
}

/**
 * The regression's input: building type, fee, Q and age of every estate, in estate order. At city scale that is
 * about 13,000 × 3 numbers (~300 KB): small enough to fetch so the fit runs in the domain's own fitPeerModel, which
 * keeps its fall-backs, tolerances, R² and explanations in one place instead of a copy in SQL. Expected fees,
 * residuals and percentiles then go back to SQL with the coefficients. (Plain rows, because ordered list()
 * aggregates were measured slower in wasm; the base table is stored in estate order and projections keep it.)
 */
export function peerRowsSql(s: RunSettings, v: SqlValues): string {
	return `SELECT building_type, fee_m2, q, age FROM (${fitSelectSql(s, v)})`;
}

/** expectedFee for one building type's model: the median ignores Q and age, the OLS models need their terms. */
function expectedSql(model: PeerModel | undefined, v: SqlValues): string {
	const method = v.text(model?.method ?? 'none');
	const [b0, bq, ba] = [model?.coef?.intercept, model?.coef?.q, model?.coef?.age].map((x) => v.num(x ?? null));
	return `CASE ${method}
		WHEN 'median' THEN ${b0}
		WHEN 'ols_q' THEN CASE WHEN q IS NOT NULL THEN ${b0} + ${bq} * q END
		WHEN 'ols_q_age' THEN CASE WHEN q IS NOT NULL AND age IS NOT NULL THEN ${b0} + ${bq} * q + ${ba} * age END END`;
}

/** The columns of an analysis row, in order. */
export const RESULT_COLUMNS = [
	'estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'firm', 'build_year', 'age',
	'chargeable_area_m2', 'households', 'has_elevator', 'period',
	'inspection', 'satisfaction', 'q', 'q_prev', 'q_change', 'grade_uncapped', 'grade', 'capped_by',
	'fee_m2', 'fee_raw', 'fee_unit', 'fee_converted', 'fee_year', 'collection_rate',
	'guide_price', 'qpr', 'band', 'expected_fee', 'residual', 'residual_pct'
] as const;

/**
 * One row per estate, ordered by estate_id: the settings-dependent columns, plus expected_fee from the fitted
 * models, residual = fee − expected, and residual_pct: the share of the building type's residuals ≤ this one,
 * 0-100, ties sharing the higher rank (percentileRank). The count ≤ is n − (rank from the top) + 1, and the
 * percentage 100 · count ÷ n in the domain's order; rank() is measured ~3× faster than a RANGE count in wasm.
 */
export function resultSql(s: RunSettings, models: Readonly<Record<BuildingType, PeerModel>>, v: SqlValues): string {
	const expected = BUILDING_TYPES.map((bt) => `WHEN ${sqlString(bt)} THEN ${expectedSql(models[bt], v)}`).join(' ');
	return `
SELECT ${RESULT_COLUMNS.join(', ')} FROM (
SELECT *, CASE WHEN residual IS NOT NULL THEN
		100 * (count(*) OVER w - rank() OVER (w ORDER BY residual DESC) + 1) / count(*) OVER w END AS residual_pct FROM (
SELECT *, fee_m2 - expected_fee AS residual FROM (
SELECT *, CASE building_type ${expected} END AS expected_fee FROM (${fitSelectSql(s, v)})
))
WINDOW w AS (PARTITION BY building_type, residual IS NULL)
)
ORDER BY estate_id`;
}
