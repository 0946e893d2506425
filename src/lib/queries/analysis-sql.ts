/**
 * SQL of the price-quality analysis (docs/sources.md §4-§6): the base table, one row per estate for the analysed
 * period with what does not depend on the settings (the estate, its age, the fee in force), and the cell table, the
 * indicator means of the period and the one before. Built once per period and data; the cell table is the only part
 * that reads the raw scores.
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

/** Indicator codes of a system in its own order: the slot order of the cell table. */
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

/** Table of the score means that apply, one row per estate and slot: ix (the estate's place), k (the slot), m. */
export const CELL_TABLE = `${ANALYSIS_DB}.cell`;

/** Slots of the cell table: the codes in order, then satisfaction, for the period; the same + n for the one before. */
export function slotCount(codes: readonly string[]): number {
	return codes.length + 1;
}

/** Each estate's place in estate_id order, from 0: the row index of every column the analysis reads. */
const NUMBERED_ESTATES = `SELECT *, (row_number() OVER (ORDER BY estate_id) - 1)::INTEGER AS ix FROM estates`;

/**
 * (Re)builds {@link CELL_TABLE} for a period (null: no scores at all) and the period before it (null: none), its
 * neighbour in the sorted list of periods with scores: the mean of each estate's scores per slot (inspection
 * indicators from non-survey sources, satisfaction from any), for estates in the estates table. The elevator mean
 * of an estate without elevators is still there: its readers leave it out (the domain ignores it), which costs
 * nothing in a reader and a filter over every cell here. Likewise the scores of an indicator outside the system
 * are kept with a null slot (one cell per estate and period), which readers skip.
 * The source test is written as NOT (survey AND not satisfaction), so DuckDB compares the indicator only on survey
 * rows; the equivalent OR makes two comparisons on nearly every row and took 20 ms more of 60-85 in wasm (city).
 * The slot is an integer (the indicator's place, + n for the period before) and the estate its place, so the grouping
 * has one text key instead of three, and the pivot into columns is done by the reader (analysis-run.ts) in one pass
 * over three typed arrays: the same pivot as 24 FILTER aggregates in SQL cost a third of the statement in wasm.
 */
export function cellTableSql(codes: readonly string[], period: string | null, prevPeriod: string | null): string {
	const all = [...codes, SATISFACTION_CODE];
	const n = slotCount(codes);
	const slot = `list_position([${all.map(sqlString).join(', ')}], s.indicator) - 1${period === null || prevPeriod === null ? '' : ` + CASE WHEN s.period = ${sqlString(period)} THEN 0 ELSE ${n} END`}`;
	return `
CREATE OR REPLACE TABLE ${CELL_TABLE} AS
SELECT e.ix, c.k::INTEGER AS k, c.m
FROM (
	SELECT s.estate_id, ${slot} AS k, avg(s.score) AS m
	FROM scores s
	WHERE s.score IS NOT NULL AND ${periodFilter(period, prevPeriod)}
	  AND NOT (s.source = 'satisfaction' AND s.indicator <> ${sqlString(SATISFACTION_CODE)})
	GROUP BY ALL
) c JOIN (SELECT estate_id, ix FROM (${NUMBERED_ESTATES})) e ON e.estate_id = c.estate_id`;
}

/**
 * (Re)builds {@link BASE_TABLE} for a period (null: no scores at all): one row per estate with what does not depend
 * on the settings besides the scores. Columns: estate_id, ix (its place in estate_id order, as in
 * {@link CELL_TABLE}), estate_type, building_type and has_elevator (what analysis-detail.ts needs; the rest of an
 * estate's own columns is read from estates), age (= period year − build year), and the fee in force for the
 * period's year (fee_m2, fee_raw, fee_unit, fee_converted, fee_year, collection_rate).
 */
export function baseTableSql(period: string | null): string {
	const year = period === null ? undefined : periodYear(period);
	return `
CREATE OR REPLACE TABLE ${BASE_TABLE} AS
WITH fee AS (${feeInForceSql(year)})
SELECT e.estate_id, e.ix, e.estate_type, e.building_type, e.has_elevator,
	${year === undefined ? 'NULL::INTEGER' : `${year} - e.build_year`} AS age,
	${FEE_M2_SQL} AS fee_m2, f.fee AS fee_raw, f.fee_unit,
	coalesce(f.fee_unit = 'per_household_month', false) AS fee_converted, f.fee_year, f.collection_rate
FROM (${NUMBERED_ESTATES}) e
LEFT JOIN fee f ON f.estate_id = e.estate_id`;
}
