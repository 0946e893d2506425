/**
 * The one SQL definition of quality Q (domain.md section 5) and of the fee in force, shared by the overview and
 * the analysis. Q is built in two steps so a weight change never re-reads the raw scores:
 * 1. {@link indicatorScoresSql}: one row per estate and period, one column per indicator (the mean score), the
 *    elevator column empty for estates without elevators (the indicator does not apply there);
 * 2. {@link qualitySelectSql}: weights and blend applied to those columns, in the same order of operations as the
 *    domain's inspectionScore / compositeQ, so SQL and TypeScript agree to the last bit.
 */
import { sqlString } from '../engine/engine';
import { ELEVATOR_CODE, SATISFACTION_CODE } from '../domain/indicator-system';

/** What the quality SQL needs of an indicator system: a weight per inspection indicator and the blend. */
export interface QualityModel {
	weights: Record<string, number>;
	blend: { inspection: number; satisfaction: number };
}

/**
 * A DOUBLE literal that DuckDB reads back as exactly the same float: a plain `0.6` would be a DECIMAL, and a
 * long decimal can be rounded twice on its way to DOUBLE; a string cast is parsed correctly rounded.
 */
export function sqlDouble(x: number): string {
	if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
	return `'${String(x)}'::DOUBLE`;
}

/** Column name of the i-th indicator in the wide score rows (codes may be any text; positions are safe names). */
export function scoreColumn(i: number): string {
	return `s${i}`;
}

/**
 * SQL (a SELECT) for the mean score of each indicator, one row per estate and period that has any score:
 * columns estate_id, period, s0 … s(n−1) (the `codes` in order, from non-survey sources) and sat (the owner
 * satisfaction mean). An elevator score of an estate without elevators is left out, as the domain ignores it.
 * `where` filters the score rows (alias s), e.g. a period list.
 */
export function indicatorScoresSql(codes: readonly string[], where = 'true'): string {
	const cols = codes.map((code, i) => {
		const applies = code === ELEVATOR_CODE ? ' AND e.has_elevator' : '';
		return `avg(s.score) FILTER (WHERE s.indicator = ${sqlString(code)} AND s.source <> 'satisfaction'${applies}) AS ${scoreColumn(i)}`;
	});
	return `
SELECT s.estate_id, s.period,
	${[...cols, `avg(s.score) FILTER (WHERE s.indicator = ${sqlString(SATISFACTION_CODE)}) AS sat`].join(',\n\t')}
FROM scores s JOIN estates e ON e.estate_id = s.estate_id
WHERE s.score IS NOT NULL AND (${where})
GROUP BY s.estate_id, s.period`;
}

/** The positive weights in column order (zero weights add nothing, as in the domain). */
function weightedTerms(model: QualityModel, codes: readonly string[]): { col: string; w: string }[] {
	const terms = codes
		.map((code, i) => ({ i, w: Number(model.weights[code] ?? 0) }))
		.filter((t) => t.w > 0)
		.map((t) => ({ col: scoreColumn(t.i), w: sqlDouble(t.w) }));
	if (terms.length === 0) throw new Error('The indicator system has no indicator with a positive weight.');
	return terms;
}

/**
 * SQL (a SELECT) for Q over wide score rows: `source` is a table or a parenthesised SELECT with the columns of
 * {@link indicatorScoresSql} for `codes` (the same list, same order). The inspection score is the weighted mean over the
 * indicators present, so a missing one (the elevator of an estate without elevators) spreads its weight over the
 * others in proportion; Q blends it with satisfaction, or is the inspection score alone without satisfaction, and
 * is null without an inspection score. Sums run in the system's indicator order and the blend shares are computed
 * in JavaScript, exactly as the domain does.
 * Columns: estate_id, period, inspection, satisfaction, q, indicators (how many weighted indicators were scored),
 * and the source's s0 … s(n−1).
 */
export function qualitySelectSql(model: QualityModel, codes: readonly string[], source: string): string {
	const terms = weightedTerms(model, codes);
	const { inspection: a, satisfaction: b } = model.blend;
	if (!(a >= 0 && b >= 0 && a + b > 0)) throw new RangeError(`blend weights must be ≥ 0 and not both 0, got ${a} / ${b}`);
	// The domain starts both sums at 0 and adds term by term; coalescing an absent term to 0 adds exactly nothing.
	const num = terms.map((t) => `coalesce(${t.w} * ${t.col}, 0)`).join(' + ');
	const den = terms.map((t) => `(CASE WHEN ${t.col} IS NOT NULL THEN ${t.w} ELSE 0 END)`).join(' + ');
	const count = terms.map((t) => `(${t.col} IS NOT NULL)::INTEGER`).join(' + ');
	const cols = codes.map((_, i) => scoreColumn(i)).join(', ');
	return `
SELECT estate_id, period, inspection, satisfaction,
	CASE WHEN inspection IS NULL THEN NULL
	     WHEN satisfaction IS NULL THEN inspection
	     ELSE least(100, greatest(0, ${sqlDouble(a / (a + b))} * inspection + ${sqlDouble(b / (a + b))} * satisfaction)) END AS q,
	indicators, ${cols}
FROM (
	SELECT estate_id, period, ${cols}, sat AS satisfaction,
		CASE WHEN den > 0 THEN least(100, greatest(0, num / den)) END AS inspection, indicators
	FROM (SELECT *, ${num} AS num, ${den} AS den, ${count} AS indicators FROM ${source})
)`;
}

/**
 * SQL (a SELECT) for Q per estate and period straight from the scores table (the overview's query).
 * Columns: estate_id, period, inspection, satisfaction, q, indicators (how many scored), s0 … s(n−1).
 */
export function qualityByPeriodSql(model: QualityModel): string {
	const codes = Object.keys(model.weights);
	return qualitySelectSql(model, codes, `(${indicatorScoresSql(codes)})`);
}

/**
 * A fee row in yuan per m² per month (fees aliased f, estates e): a per-household fee divided by the mean unit area,
 * fee ÷ (area ÷ households), the same operations as the domain's feePerM2Month.
 */
export const FEE_M2_SQL = `CASE WHEN f.fee_unit = 'per_household_month'
	     THEN f.fee / (e.chargeable_area_m2 / nullif(e.households, 0))
	     ELSE f.fee END`;

/**
 * SQL (a SELECT) for each estate's fee in force, in yuan per m² per month. Without `year`: its latest fee year.
 * With `year`: its latest fee year ≤ `year`, or its earliest fee when all are later. A fee charged per household is
 * divided by the mean unit area (chargeable area ÷ households) and flagged as converted.
 * Columns: estate_id, fee_year, fee_raw, fee_unit, fee_m2, fee_converted, collection_rate.
 */
export function currentFeeSql(year?: number): string {
	let order = 'f.year DESC';
	if (year !== undefined) {
		if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
		order = `(f.year <= ${year}) DESC, CASE WHEN f.year <= ${year} THEN -f.year ELSE f.year END`;
	}
	return `
SELECT f.estate_id, f.year AS fee_year, f.fee AS fee_raw, f.fee_unit, ${FEE_M2_SQL} AS fee_m2,
	f.fee_unit = 'per_household_month' AS fee_converted,
	f.collection_rate
FROM fees f JOIN estates e ON e.estate_id = f.estate_id
QUALIFY row_number() OVER (PARTITION BY f.estate_id ORDER BY ${order}) = 1`;
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
