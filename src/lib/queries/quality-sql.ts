/**
 * The one SQL definition of quality Q (docs/sources.md §5) and of the fee in force, shared by the overview, the
 * analysis and the subsidies. Q is built in two steps so a weight change never re-reads the raw scores:
 * 1. indicator means, one column per indicator ({@link indicatorMeansSql}, {@link indicatorScoresSql}), with the
 *    elevator score dropped for estates without elevators, as the domain ignores it ({@link applicableColumnsSql});
 * 2. weights and blend applied to those columns ({@link weightedSumsSql}, {@link inspectionSql},
 *    {@link blendSql}), in the same order of operations as the domain's inspectionScore / compositeQ, so SQL and
 *    TypeScript agree to the last bit.
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

/** A DOUBLE literal, or SQL NULL for null. */
function numSql(x: number | null): string {
	return x === null ? 'NULL::DOUBLE' : sqlDouble(x);
}

/** Column name of the i-th indicator in the wide score rows (codes may be any text; positions are safe names). */
export function scoreColumn(i: number): string {
	return `s${i}`;
}

/**
 * Aggregate expressions (over scores aliased s) for the mean of each indicator among the rows meeting `condition`:
 * `col(i)` for the i-th code (non-survey sources) and `sat` for owner satisfaction.
 */
export function indicatorMeansSql(codes: readonly string[], condition: string, col: (i: number) => string, sat: string): string[] {
	const where = condition === 'true' ? '' : `${condition} AND `;
	return [
		...codes.map(
			(code, i) => `avg(s.score) FILTER (WHERE ${where}s.indicator = ${sqlString(code)} AND s.source <> 'satisfaction') AS ${col(i)}`
		),
		`avg(s.score) FILTER (WHERE ${where}s.indicator = ${sqlString(SATISFACTION_CODE)}) AS ${sat}`
	];
}

/**
 * SQL (a SELECT) for the mean score of each indicator, one row per estate and period that has any score:
 * columns estate_id, period, s0 … s(n−1) (the `codes` in order, from non-survey sources) and sat (the owner
 * satisfaction mean). No estate data: the elevator column still holds scores of estates without elevators, see
 * {@link applicableColumnsSql}. `where` filters the score rows (alias s), e.g. a period list.
 */
export function indicatorScoresSql(codes: readonly string[], where = 'true'): string {
	return `
SELECT s.estate_id, s.period,
	${indicatorMeansSql(codes, 'true', scoreColumn, 'sat').join(',\n\t')}
FROM scores s
WHERE s.score IS NOT NULL AND (${where})
GROUP BY s.estate_id, s.period`;
}

/**
 * The select list that turns wide score columns (of `from`) into the ones that apply to the estate (of `estate`):
 * the elevator score of an estate without elevators is dropped, as the domain ignores it. Gating after the
 * aggregation joins one row per estate and period instead of one per score.
 * `col(i)` names the column of the i-th code (the same name in and out).
 */
export function applicableColumnsSql(
	codes: readonly string[],
	from: string,
	estate: string,
	col: (i: number) => string = scoreColumn
): string {
	const cols = codes.map((code, i) =>
		code === ELEVATOR_CODE ? `CASE WHEN ${estate}.has_elevator THEN ${from}.${col(i)} END AS ${col(i)}` : `${from}.${col(i)}`
	);
	return cols.join(', ');
}

/**
 * SQL (a SELECT) like {@link indicatorScoresSql} with the scores that apply to each estate (estates without
 * elevators have no elevator score), for estates in the estates table. Columns: estate_id, period, s0 … s(n−1), sat.
 */
export function applicableScoresSql(codes: readonly string[], where = 'true'): string {
	return `
SELECT sc.estate_id, sc.period, ${applicableColumnsSql(codes, 'sc', 'e')}, sc.sat
FROM (${indicatorScoresSql(codes, where)}) sc JOIN estates e ON e.estate_id = sc.estate_id`;
}

/**
 * Expressions for the weighted sums over score columns: num = Σ w·score and den = Σ w over the scores present
 * (system order, starting from 0 as the domain does: coalescing an absent term to 0 adds exactly nothing), and
 * count = how many positively weighted indicators have a score. `col(i)` names the i-th code's column.
 * @throws Error when no weight is positive (the domain refuses such a system too).
 */
export function weightedSumsSql(
	model: QualityModel,
	codes: readonly string[],
	col: (i: number) => string
): { num: string; den: string; count: string } {
	const weights = codes.map((code) => Number(model.weights[code] ?? 0));
	if (!weights.some((w) => w > 0)) throw new Error('The indicator system has no indicator with a positive weight.');
	// A zero weight is left out: it adds exactly 0.
	const terms = weights
		.map((w, i) => ({ w, c: col(i) }))
		.filter((t) => t.w > 0)
		.map((t) => ({ ...t, p: numSql(t.w) }));
	return {
		num: terms.map((t) => `coalesce(${t.p} * ${t.c}, 0)`).join(' + '),
		den: terms.map((t) => `(CASE WHEN ${t.c} IS NOT NULL THEN ${t.p} ELSE 0 END)`).join(' + '),
		count: terms.map((t) => `(${t.c} IS NOT NULL AND ${t.p} > 0)::INTEGER`).join(' + ')
	};
}

/** The inspection score from the sums: the weighted mean, clamped to 0-100 (float rounding only); null without weight. */
export function inspectionSql(num: string, den: string): string {
	return `CASE WHEN ${den} > 0 THEN least(100, greatest(0, ${num} / ${den})) END`;
}

/**
 * Q from the inspection and satisfaction columns: the blend with shares computed in JavaScript (as compositeQ
 * does), the inspection score alone without satisfaction, null without an inspection score.
 */
export function blendSql(model: QualityModel, inspection: string, satisfaction: string): string {
	const { inspection: a, satisfaction: b } = model.blend;
	if (!(a >= 0 && b >= 0 && a + b > 0)) throw new RangeError(`blend weights must be ≥ 0 and not both 0, got ${a} / ${b}`);
	return `CASE WHEN ${inspection} IS NULL THEN NULL
	     WHEN ${satisfaction} IS NULL THEN ${inspection}
	     ELSE least(100, greatest(0, ${numSql(a / (a + b))} * ${inspection} + ${numSql(b / (a + b))} * ${satisfaction})) END`;
}

/**
 * SQL (a SELECT) for Q over wide score rows: `source` is a table or a parenthesised SELECT with the columns of
 * {@link applicableScoresSql} for `codes` (the same list, same order). The inspection score is the weighted mean
 * over the indicators present, so a missing one (the elevator of an estate without elevators) spreads its weight
 * over the others in proportion; Q blends it with satisfaction.
 * Columns: estate_id, period, inspection, satisfaction, q, indicators (how many weighted indicators were scored).
 */
export function qualitySelectSql(model: QualityModel, codes: readonly string[], source: string): string {
	const { num, den, count } = weightedSumsSql(model, codes, scoreColumn);
	return `
SELECT estate_id, period, inspection, satisfaction, ${blendSql(model, 'inspection', 'satisfaction')} AS q, indicators
FROM (
	SELECT estate_id, period, sat AS satisfaction, ${inspectionSql('num', 'den')} AS inspection, indicators
	FROM (SELECT *, ${num} AS num, ${den} AS den, ${count} AS indicators FROM ${source})
)`;
}

/**
 * SQL (a SELECT) for Q per estate and period straight from the scores table. `where` filters the score rows (alias
 * s) before anything is grouped, e.g. to the one period a caller shows.
 * Columns: estate_id, period, inspection, satisfaction, q, indicators (how many scored).
 */
export function qualityByPeriodSql(model: QualityModel, where = 'true'): string {
	const codes = Object.keys(model.weights);
	return qualitySelectSql(model, codes, `(${applicableScoresSql(codes, where)})`);
}

/**
 * A fee row in yuan per m² per month (fees aliased f, estates e): a per-household fee divided by the mean unit area,
 * fee ÷ (area ÷ households), the same operations as the domain's feePerM2Month.
 */
export const FEE_M2_SQL = `CASE WHEN f.fee_unit = 'per_household_month'
	     THEN f.fee / (e.chargeable_area_m2 / nullif(e.households, 0))
	     ELSE f.fee END`;

/**
 * SQL (a SELECT) for each estate's fee row in force, as charged. Without `year`: its latest fee year. With `year`:
 * its latest fee year ≤ `year`, or its earliest fee when all are later. Columns: estate_id, fee_year, fee, fee_unit,
 * collection_rate, for every estate_id in fees (known estate or not).
 * (arg_max rather than a row_number() window: ~20× faster in DuckDB-wasm on a city's fee history.)
 */
export function feeInForceSql(year?: number): string {
	let key = 'year';
	if (year !== undefined) {
		if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${year}`);
		// Years up to `year` rank by recency above every later year, which rank by earliness (−year < any year).
		key = `CASE WHEN year <= ${year} THEN year ELSE -year END`;
	}
	return `
	SELECT estate_id, r.year AS fee_year, r.fee AS fee, r.fee_unit AS fee_unit, r.collection_rate AS collection_rate
	FROM (
		SELECT estate_id, arg_max({'year': year, 'fee': fee, 'fee_unit': fee_unit, 'collection_rate': collection_rate}, ${key}) AS r
		FROM fees GROUP BY estate_id
	)`;
}

/**
 * SQL (a SELECT) for each estate's fee in force ({@link feeInForceSql}), in yuan per m² per month. A fee charged
 * per household is divided by the mean unit area (chargeable area ÷ households) and flagged as converted.
 * Columns: estate_id, fee_year, fee_raw, fee_unit, fee_m2, fee_converted, collection_rate.
 */
export function currentFeeSql(year?: number): string {
	return `
SELECT f.estate_id, f.fee_year, f.fee AS fee_raw, f.fee_unit, ${FEE_M2_SQL} AS fee_m2,
	f.fee_unit = 'per_household_month' AS fee_converted,
	f.collection_rate
FROM (${feeInForceSql(year)}
) f JOIN estates e ON e.estate_id = f.estate_id`;
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
