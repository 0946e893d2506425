/**
 * SQL of the price-quality analysis (docs/sources.md §4-§6): the base table, one row per estate for the analysed
 * period with what does not depend on the settings: the estate, its age, the fee in force, and the indicator means
 * of the period and the one before. Built once per period and data; the only part that reads the raw scores.
 * Everything that depends on the settings is computed from it in domain/district-fit.ts (analysis-run.ts runs both).
 */
import { sqlString } from '../engine/engine';
import type { IndicatorSystem } from '../domain/indicator-system';
import { SATISFACTION_CODE } from '../domain/indicator-system';
import { applicableColumnsSql, FEE_M2_SQL, feeInForceSql, scoreColumn } from './quality-sql';

/** The analysis's private in-memory database: its working table stays out of the user's table list. */
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
export function prevColumn(i: number): string {
	return `p${i}`;
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

/**
 * (Re)builds {@link BASE_TABLE} for a period (null: no scores at all) and the period before it (null: none), its
 * neighbour in the sorted list of periods with scores.
 * Columns: estate_id, estate_type and building_type (what analysis-detail.ts compares peers by; the rest of an
 * estate's own columns is read from estates), age (= period year − build year), the fee in force for the period's
 * year (fee_m2, fee_raw, fee_unit, fee_converted, fee_year, collection_rate), s0 … s(n−1) and sat for the period,
 * p0 … p(n−1) and psat for the period before. Rows in no particular order (readers sort by estate_id).
 */
export function baseTableSql(codes: readonly string[], period: string | null, prevPeriod: string | null): string {
	const year = period === null ? undefined : periodYear(period);
	// Two steps, measured ~3× faster than one GROUP BY estate with 24 FILTER aggregates over the raw scores
	// (city: 0.85 s instead of 2.5 s in wasm): first one mean per estate and slot over just the two periods' rows
	// (inspection indicators from non-survey sources, satisfaction from any), then a pivot of those few hundred
	// thousand means into columns. The slot is an integer (the indicator's place in the columns, + n for the period
	// before), so the grouping has one text key instead of three and the pivot compares integers: measured 10-20 %
	// less time for the whole statement, planning included, in wasm (docs/performance.md, branch `keys`).
	const all = [...codes, SATISFACTION_CODE];
	const n = all.length;
	const slot = `list_position([${all.map(sqlString).join(', ')}], s.indicator) - 1${period === null || prevPeriod === null ? '' : ` + CASE WHEN s.period = ${sqlString(period)} THEN 0 ELSE ${n} END`}`;
	const pivot = (p: string | null, offset: number, col: (i: number) => string, sat: string) =>
		[...codes.map((_, i) => col(i)), sat].map((name, i) => (p === null ? `NULL::DOUBLE AS ${name}` : `max(c.m) FILTER (WHERE c.k = ${offset + i}) AS ${name}`));
	return `
CREATE OR REPLACE TABLE ${BASE_TABLE} AS
WITH cell AS (
	SELECT s.estate_id, ${slot} AS k, avg(s.score) AS m
	FROM scores s
	WHERE s.score IS NOT NULL AND ${periodFilter(period, prevPeriod)}
	  AND (s.indicator = ${sqlString(SATISFACTION_CODE)} OR s.source <> 'satisfaction')
	GROUP BY ALL
),
sc AS (
	SELECT c.estate_id, ${[...pivot(period, 0, scoreColumn, 'sat'), ...pivot(prevPeriod, n, prevColumn, 'psat')].join(',\n\t\t')}
	FROM cell c GROUP BY c.estate_id
),
fee AS (${feeInForceSql(year)})
SELECT e.estate_id, e.estate_type, e.building_type,
	${year === undefined ? 'NULL::INTEGER' : `${year} - e.build_year`} AS age,
	${FEE_M2_SQL} AS fee_m2, f.fee AS fee_raw, f.fee_unit,
	coalesce(f.fee_unit = 'per_household_month', false) AS fee_converted, f.fee_year, f.collection_rate,
	${applicableColumnsSql(codes, 'sc', 'e')}, sc.sat, ${applicableColumnsSql(codes, 'sc', 'e', prevColumn)}, sc.psat
FROM estates e
LEFT JOIN sc ON sc.estate_id = e.estate_id
LEFT JOIN fee f ON f.estate_id = e.estate_id`;
}
