/**
 * SQL of the price-quality analysis (docs/sources.md §4-§6): the base table, one row per estate for the analysed
 * period with what does not depend on the settings (the estate, its age, the fee in force), built once per period and
 * data, and the score rows of the period and the one before, the only part that reads the raw scores.
 * Everything that depends on the settings is computed from it in domain/district-fit.ts (analysis-run.ts runs both).
 */
import { sqlString } from '../engine/engine';
import type { IndicatorSystem } from '../domain/indicator-system';
import { SATISFACTION_CODE } from '../domain/indicator-system';
import { FEE_M2_SQL, feeInForceSql } from './quality-sql';

/** The analysis's private in-memory database: its working table stays out of the user's table list. */
export const ANALYSIS_DB = 'zhijia_analysis';
/** Table of the settings-independent analysis inputs, one row per estate. */
export const BASE_TABLE = `${ANALYSIS_DB}.base`;

/** Indicator codes of a system in its own order: the slot order of the score rows (scoreRowsSql). */
export function systemCodes(system: IndicatorSystem): string[] {
	return system.indicators.map((i) => i.code);
}

/** The calendar year of a period 'YYYYQn' or 'YYYY-MM'. */
export function periodYear(period: string): number {
	return Number(period.slice(0, 4));
}

/**
 * The score rows of the period and the one before. The two are neighbours in the sorted list of periods with
 * scores (analysis-run.ts choosePeriod), so no period lies between them and a range selects exactly their rows;
 * DuckDB evaluates a range inside the table scan, where an IN list is checked on every row after it.
 */
function periodFilter(period: string | null, prevPeriod: string | null): string {
	if (period === null) return 'false';
	if (prevPeriod === null) return `s.period = ${sqlString(period)}`;
	return `s.period >= ${sqlString(prevPeriod)} AND s.period <= ${sqlString(period)}`;
}

/** Slots of the score rows: the codes in order, then satisfaction, for the period; the same + n for the one before. */
export function slotCount(codes: readonly string[]): number {
	return codes.length + 1;
}

/** Each estate's place in estate_id order, from 0: the row index of every column the analysis reads. */
const NUMBERED_ESTATES = `SELECT *, (row_number() OVER (ORDER BY estate_id) - 1)::INTEGER AS ix FROM estates`;

/**
 * The score rows that apply for a period (null: no scores at all) and the period before it (null: none), its
 * neighbour in the sorted list of periods with scores, as three numbers each: ix (the estate's place, from
 * {@link BASE_TABLE}, which must be built first), k (the slot: the indicator's place among the codes then
 * satisfaction, + n for the period before) and m (the score). Inspection indicators count from non-survey sources
 * only, satisfaction from any; scores of estates not in the estates table, and of indicators outside the system, are
 * left out. The reader (analysis-cells.ts) takes each slot's mean while it pivots the rows into columns.
 * Why not the means in SQL: a city's two periods have one row per estate and slot (300,460 rows, 300,460 means), and
 * DuckDB-wasm's grouping, storing and reading back the means took 62-81 ms where these rows take 34-50 (session 32).
 * The source test is written as NOT (survey AND not satisfaction), so DuckDB compares the indicator only on survey
 * rows; the equivalent OR makes two comparisons on nearly every row and took 20 ms more of 60-85 in wasm (city).
 */
export function scoreRowsSql(codes: readonly string[], period: string | null, prevPeriod: string | null): string {
	const all = [...codes, SATISFACTION_CODE].map(sqlString).join(', ');
	const n = slotCount(codes);
	const slot = `list_position([${all}], s.indicator) - 1${period === null || prevPeriod === null ? '' : ` + CASE WHEN s.period = ${sqlString(period)} THEN 0 ELSE ${n} END`}`;
	return `
SELECT b.ix, (${slot})::INTEGER AS k, s.score AS m
FROM scores s JOIN ${BASE_TABLE} b ON b.estate_id = s.estate_id
WHERE s.indicator IN (${all}) AND s.score IS NOT NULL AND ${periodFilter(period, prevPeriod)}
  AND NOT (s.source = 'satisfaction' AND s.indicator <> ${sqlString(SATISFACTION_CODE)})`;
}

/**
 * (Re)builds {@link BASE_TABLE} for a period (null: no scores at all): one row per estate with what does not depend
 * on the settings besides the scores. Columns: estate_id, ix (its place in estate_id order, as in
 * {@link scoreRowsSql}; the estate's own columns are read from estates), age (= period year − build year), and the
 * fee in force for the period's year (fee_m2, fee_raw, fee_unit, fee_converted, fee_year, collection_rate).
 */
export function baseTableSql(period: string | null): string {
	const year = period === null ? undefined : periodYear(period);
	return `
CREATE OR REPLACE TABLE ${BASE_TABLE} AS
WITH fee AS (${feeInForceSql(year)})
SELECT e.estate_id, e.ix,
	${year === undefined ? 'NULL::INTEGER' : `${year} - e.build_year`} AS age,
	${FEE_M2_SQL} AS fee_m2, f.fee AS fee_raw, f.fee_unit,
	coalesce(f.fee_unit = 'per_household_month', false) AS fee_converted, f.fee_year, f.collection_rate
FROM (${NUMBERED_ESTATES}) e
LEFT JOIN fee f ON f.estate_id = e.estate_id`;
}
