/**
 * SQL of the price-quality analysis (domain.md sections 4-6): the base table, one row per estate for the analysed
 * period with what does not depend on the settings: the estate, its age, the fee in force, and the indicator means
 * of the period and the one before. Built once per period and data; the only part that reads the raw scores.
 * Everything that depends on the settings is computed from it in domain/district-fit.ts (analysis-run.ts runs both).
 */
import { sqlString } from '../engine/engine';
import type { IndicatorSystem } from '../domain/indicator-system';
import { applicableColumnsSql, currentFeeSql, indicatorMeansSql, scoreColumn } from './quality-sql';

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
