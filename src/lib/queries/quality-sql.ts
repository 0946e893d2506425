import { sqlString } from '../engine/engine';

/** What the quality SQL needs of an indicator system: a weight per inspection indicator and the blend. */
export interface QualityModel {
	weights: Record<string, number>;
	blend: { inspection: number; satisfaction: number };
}

/** A VALUES list of (indicator, weight); only positive weights take part. */
function weightRows(model: QualityModel): string {
	const rows = Object.entries(model.weights)
		.filter(([, w]) => w > 0)
		.map(([code, w]) => `(${sqlString(code)}, ${Number(w)}::DOUBLE)`);
	if (rows.length === 0) throw new Error('The indicator system has no indicator with a positive weight.');
	return rows.join(', ');
}

/**
 * SQL (a SELECT) for Q per estate and period: the inspection score is the weighted mean over the indicators the
 * estate has, so a missing elevator score spreads its weight over the others in proportion; Q blends it with the
 * mean owner-satisfaction score, or is the inspection score alone where satisfaction is missing.
 * Columns: estate_id, period, inspection, satisfaction, q, indicators (how many scored).
 */
export function qualityByPeriodSql(model: QualityModel): string {
	const { inspection: a, satisfaction: b } = model.blend;
	return `
WITH w(indicator, weight) AS (VALUES ${weightRows(model)}),
insp AS (
	SELECT s.estate_id, s.period, sum(w.weight * s.score) / sum(w.weight) AS inspection, count(*)::INTEGER AS indicators
	FROM scores s JOIN w ON s.indicator = w.indicator
	WHERE s.source <> 'satisfaction' AND s.score IS NOT NULL
	GROUP BY s.estate_id, s.period
),
sat AS (
	SELECT estate_id, period, avg(score) AS satisfaction
	FROM scores WHERE indicator = 'satisfaction' AND score IS NOT NULL
	GROUP BY estate_id, period
)
SELECT i.estate_id, i.period, i.inspection, sat.satisfaction,
	CASE WHEN sat.satisfaction IS NULL THEN i.inspection
	     ELSE (${Number(a)} * i.inspection + ${Number(b)} * sat.satisfaction) / ${Number(a) + Number(b)} END AS q,
	i.indicators
FROM insp i LEFT JOIN sat ON sat.estate_id = i.estate_id AND sat.period = i.period`;
}

/**
 * SQL (a SELECT) for each estate's fee in force: its latest fee year, in yuan per m² per month. A fee charged per
 * household is divided by the mean unit area (chargeable area ÷ households) and flagged as converted.
 */
export function currentFeeSql(): string {
	return `
SELECT f.estate_id, f.year AS fee_year, f.fee AS fee_raw, f.fee_unit,
	CASE WHEN f.fee_unit = 'per_household_month'
	     THEN f.fee / (e.chargeable_area_m2 / nullif(e.households, 0))
	     ELSE f.fee END AS fee_m2,
	f.fee_unit = 'per_household_month' AS fee_converted,
	f.collection_rate
FROM fees f JOIN estates e ON e.estate_id = f.estate_id
QUALIFY row_number() OVER (PARTITION BY f.estate_id ORDER BY f.year DESC) = 1`;
}

/** The part of an indicator system the SQL uses (structural, so any system object with these fields fits). */
export function qualityModelOf(system: {
	indicators: readonly { code: string; weight: number }[];
	blend: { inspection: number; satisfaction: number };
}): QualityModel {
	return {
		weights: Object.fromEntries(system.indicators.map((i) => [i.code, i.weight])),
		blend: { ...system.blend }
	};
}
