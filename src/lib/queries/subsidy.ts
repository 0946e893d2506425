/**
 * The relocation-housing subsidy plan (docs/sources.md §7) computed in DuckDB for the whole portfolio: every relocation estate
 * (estate_type = 'relocation') in every plan year, with
 * - Q per estate and year: the mean of the year's period Q from quality-sql's qualityByPeriodSql;
 * - ticket figures per estate and year (year opened): opened, closed, closed within the category limit, median hours;
 * - collection rate of the year and the fee in force, from fees;
 * - the assessment score, base subsidy, reward and their statuses;
 * then the money step in TypeScript: amounts in fen and the yearly budget cap (see loadSubsidyPlan).
 *
 * The formulas, and their order of operations, are those of src/lib/domain/subsidy (plan.ts, assessment.ts,
 * policy.ts); rows come back in the domain's PlanRow shape, checked with zod. A test holds SQL and TypeScript
 * together to 1e-9 on random districts and policies.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { DEFAULT_INDICATOR_SYSTEM } from '../domain/indicator-system';
import { BUILDING_TYPES, FEE_UNITS } from '../domain/vocabulary';
import {
	SUBSIDY_TICKET_CATEGORIES,
	applyBudget,
	capAt,
	planRowSchema,
	requestRow,
	sortPlanRows,
	taperAt,
	timeLimitsTable,
	yearTotals,
	type EstatePlanInput,
	type Plan,
	type PlanRow,
	type Policy,
	type YearTotal
} from '../domain/subsidy';
import { FEE_M2_SQL, qualityByPeriodSql, qualityModelOf, sqlDouble, type QualityModel } from './quality-sql';

/** The quality model of the app's default indicator system. */
export function defaultQualityModel(): QualityModel {
	return qualityModelOf(DEFAULT_INDICATOR_SYSTEM);
}

const d = (x: number | null): string => (x === null ? 'NULL::DOUBLE' : sqlDouble(x));

/** The plan years with their per-year settings, as a VALUES list (columns year_index, year, taper, cap, share, sched_multi, sched_high). */
function planYearsSql(policy: Policy): string {
	const o = policy.ownerFee;
	const rows = policy.years.map((year, i) => {
		const share = o.mode === 'share_of_target' ? o.shares[i] : null;
		const multi = o.mode === 'schedule' ? o.fee.multi[i] : null;
		const high = o.mode === 'schedule' ? o.fee.high[i] : null;
		return `(${i}, ${year}, ${d(taperAt(policy, i))}, ${d(capAt(policy, i))}, ${d(share)}, ${d(multi)}, ${d(high)})`;
	});
	return `SELECT * FROM (VALUES ${rows.join(', ')}) AS v(year_index, year, taper, cap, share, sched_multi, sched_high)`;
}

function byType(multi: string, high: string): string {
	return `CASE building_type WHEN 'multi' THEN ${multi} ELSE ${high} END`;
}

function gradeSql(policy: Policy): string {
	if (policy.target.mode !== 'by_grade') return 'NULL::INTEGER';
	const [t1, t2, t3, t4] = policy.target.thresholds;
	return `CASE WHEN q IS NULL THEN NULL::INTEGER WHEN q >= ${d(t1)} THEN 1 WHEN q >= ${d(t2)} THEN 2 WHEN q >= ${d(t3)} THEN 3 WHEN q >= ${d(t4)} THEN 4 ELSE 5 END`;
}

/**
 * A fee (≥ 0) rounded to 0.01 元/㎡·月 with the very operations of the domain's roundFee (money.ts):
 * floor(fee × 100 + 0.5 + 1e-7) ÷ 100, so SQL and TypeScript round every fee alike.
 */
function feeRoundSql(x: string): string {
	return `(floor((${x}) * ${d(100)} + ${d(0.5)} + ${d(1e-7)}) / ${d(100)})`;
}

function targetSql(policy: Policy): string {
	const t = policy.target;
	if (t.mode === 'by_building_type') return feeRoundSql(byType(d(t.fee.multi), d(t.fee.high)));
	if (t.mode === 'current_fee') return feeRoundSql('current_fee');
	const ladder = (fees: readonly number[]) => `CASE grade ${fees.map((f, i) => `WHEN ${i + 1} THEN ${d(f)}`).join(' ')} END`;
	return `CASE WHEN grade IS NULL THEN NULL::DOUBLE ELSE ${feeRoundSql(byType(ladder(t.fee.multi), ladder(t.fee.high)))} END`;
}

function ownerSql(policy: Policy): string {
	const o = policy.ownerFee;
	if (o.mode === 'schedule') return feeRoundSql(byType('sched_multi', 'sched_high'));
	if (o.mode === 'share_of_target') return feeRoundSql('share * target_fee');
	return `CASE WHEN target_fee IS NULL OR current_fee IS NULL THEN NULL::DOUBLE
		ELSE ${feeRoundSql(`least(current_fee + year_index * ${d(o.stepPerYear)}, greatest(current_fee, target_fee))`)} END`;
}

/** Score: weighted mean of Q and the ticket parts, the ticket parts left out without tickets (as assessmentScore). */
function scoreSql(policy: Policy): string {
	const w = policy.assessment.weights;
	const denAll = w.q + w.handling + w.onTime + w.median;
	const hundred = d(100);
	const withTickets =
		denAll > 0
			? `least(${hundred}, greatest(${d(0)}, (${d(w.q)} * coalesce(q, ${d(0)}) + ${d(w.handling)} * (${hundred} * handling_rate) + ${d(w.onTime)} * (${hundred} * on_time_rate) + ${d(w.median)} * median_score) / ${d(denAll)}))`
			: 'NULL::DOUBLE';
	const withoutTickets = w.q > 0 ? `least(${hundred}, greatest(${d(0)}, (${d(w.q)} * q) / ${d(w.q)}))` : 'NULL::DOUBLE';
	return `CASE ${w.q > 0 ? 'WHEN q IS NULL THEN NULL::DOUBLE' : ''}
		WHEN opened > 0 THEN ${withTickets}
		ELSE ${withoutTickets} END`;
}

function rewardFactorSql(policy: Policy): string {
	const { threshold, span } = policy.reward;
	const inner =
		span > 0
			? `least(${d(1)}, greatest(${d(0)}, (score - ${d(threshold)}) / ${d(span)}))`
			: `CASE WHEN score >= ${d(threshold)} THEN ${d(1)} ELSE ${d(0)} END`;
	return `CASE WHEN score IS NULL THEN NULL::DOUBLE ELSE ${inner} END`;
}

/** The columns the SQL computes: a plan row without its money in fen and the budget's outcome. */
const requestFactsSchema = planRowSchema.omit({
	base_fen: true,
	reward_fen: true,
	request_fen: true,
	request: true,
	cap_fen: true,
	priority_rank: true,
	funding: true,
	funded_share: true,
	base_paid_fen: true,
	base_paid: true,
	reward_paid_fen: true,
	reward_paid: true,
	paid_fen: true,
	paid: true,
	cut_fen: true,
	cut: true,
	cut_share: true
});
const FACT_COLUMNS = Object.keys(requestFactsSchema.shape);

/**
 * SQL (a SELECT) for the request facts of every relocation estate in every plan year (a plan row before money in
 * fen and the budget: base and reward in yuan at full precision), plus a column latest_data_year. Ordered by year
 * and estate id. Q is computed for relocation estates only (their scores are picked before the grouping): a city's
 * plan took 4.3-5.0 s in wasm with Q for every estate, 2.4-3.1 s this way (docs/performance.md, session 11).
 */
export function subsidyPlanSql(policy: Policy, model: QualityModel = defaultQualityModel()): string {
	const lag = policy.assessment.lag;
	const limits = timeLimitsTable(policy.assessment.timeLimitsHours);
	const limitRows = SUBSIDY_TICKET_CATEGORIES.map((c) => `(${sqlString(c)}, ${d(limits[c] * 3600)})`).join(', ');
	const floor = policy.collectionFloor;
	const rate = byType(d(policy.reward.rate.multi), d(policy.reward.rate.high));
	return `
WITH
rel AS (
	SELECT estate_id, name, building_type, chargeable_area_m2 AS area_m2, households
	FROM estates WHERE estate_type = 'relocation'
),
quality AS (${qualityByPeriodSql(model, 's.estate_id IN (SELECT estate_id FROM rel)')}),
q_year AS (
	SELECT qu.estate_id, CAST(substr(qu.period, 1, 4) AS INTEGER) AS year, avg(qu.q) AS q
	FROM quality qu
	WHERE qu.q IS NOT NULL
	GROUP BY qu.estate_id, CAST(substr(qu.period, 1, 4) AS INTEGER)
),
latest AS (SELECT max(year) AS y FROM q_year),
limits AS (SELECT * FROM (VALUES ${limitRows}) AS v(category, limit_s)),
tk AS (
	SELECT t.estate_id, CAST(year(t.opened_at) AS INTEGER) AS year, t.closed_at IS NOT NULL AS is_closed,
		CAST(date_diff('second', t.opened_at, t.closed_at) AS DOUBLE) AS secs,
		coalesce(l.limit_s, ${d(limits.other * 3600)}) AS limit_s
	FROM tickets t JOIN rel ON rel.estate_id = t.estate_id
	LEFT JOIN limits l ON l.category = t.category
),
t_year AS (
	SELECT estate_id, year, CAST(count(*) AS INTEGER) AS opened,
		CAST(count(*) FILTER (WHERE is_closed) AS INTEGER) AS closed,
		CAST(count(*) FILTER (WHERE is_closed AND secs <= limit_s) AS INTEGER) AS on_time,
		median(secs / 3600) AS median_hours
	FROM tk GROUP BY estate_id, year
),
fee_year AS (
	SELECT f.estate_id, f.year, avg(${FEE_M2_SQL}) AS fee_m2, avg(f.collection_rate) AS collection_rate
	FROM fees f JOIN estates e ON e.estate_id = f.estate_id
	WHERE e.estate_type = 'relocation'
	GROUP BY f.estate_id, f.year
),
py AS (${planYearsSql(policy)}),
grid AS (
	SELECT r.estate_id, r.name, r.building_type, r.area_m2, py.year_index, py.year, py.taper, py.cap, py.share,
		py.sched_multi, py.sched_high, latest.y AS latest_data_year,
		CASE WHEN latest.y IS NOT NULL AND py.year - ${lag} > latest.y THEN latest.y ELSE py.year - ${lag} END AS data_year,
		coalesce(latest.y IS NOT NULL AND py.year - ${lag} > latest.y, false) AS projected
	FROM rel r CROSS JOIN py CROSS JOIN latest
),
fee_now AS (
	SELECT g.estate_id, g.year, fy.fee_m2 AS current_fee
	FROM grid g JOIN fee_year fy ON fy.estate_id = g.estate_id
	QUALIFY row_number() OVER (
		PARTITION BY g.estate_id, g.year
		ORDER BY (fy.year <= g.data_year) DESC, CASE WHEN fy.year <= g.data_year THEN -fy.year ELSE fy.year END) = 1
),
facts AS (
	SELECT g.*, qy.q,
		coalesce(ty.opened, 0) AS opened, coalesce(ty.closed, 0) AS closed, coalesce(ty.on_time, 0) AS on_time,
		ty.median_hours, cy.collection_rate, fn.current_fee
	FROM grid g
	LEFT JOIN q_year qy ON qy.estate_id = g.estate_id AND qy.year = g.data_year
	LEFT JOIN t_year ty ON ty.estate_id = g.estate_id AND ty.year = g.data_year
	LEFT JOIN fee_year cy ON cy.estate_id = g.estate_id AND cy.year = g.data_year
	LEFT JOIN fee_now fn ON fn.estate_id = g.estate_id AND fn.year = g.year
),
rates AS (
	SELECT *,
		CASE WHEN opened > 0 THEN CAST(closed AS DOUBLE) / opened END AS handling_rate,
		CASE WHEN opened > 0 THEN CAST(on_time AS DOUBLE) / opened END AS on_time_rate,
		CASE WHEN opened = 0 THEN NULL::DOUBLE
		     WHEN median_hours IS NULL THEN ${d(0)}
		     WHEN median_hours <= ${d(policy.assessment.medianTargetHours)} THEN ${d(100)}
		     ELSE (${d(100)} * ${d(policy.assessment.medianTargetHours)}) / median_hours END AS median_score
	FROM facts
),
scored AS (SELECT *, ${scoreSql(policy)} AS score, ${gradeSql(policy)} AS grade FROM rates),
targeted AS (SELECT *, ${targetSql(policy)} AS target_fee FROM scored),
owned AS (SELECT *, ${ownerSql(policy)} AS owner_fee FROM targeted),
gapped AS (
	SELECT *, CASE WHEN target_fee IS NULL OR owner_fee IS NULL THEN ${d(0)} ELSE ${feeRoundSql(`greatest(${d(0)}, target_fee - owner_fee)`)} END AS gap
	FROM owned
),
based AS (
	SELECT *, gap * area_m2 * 12 * taper AS base,
		CASE WHEN target_fee IS NULL THEN 'no_target' WHEN owner_fee IS NULL THEN 'no_owner_fee'
		     WHEN gap = 0 THEN 'no_gap' WHEN taper = 0 THEN 'taper_zero' ELSE 'ok' END AS base_status,
		${rate} AS reward_rate,
		${rewardFactorSql(policy)} AS reward_factor,
		CASE WHEN score IS NULL THEN NULL::BOOLEAN ELSE score >= ${d(policy.reward.threshold)} END AS meets_threshold,
		${floor <= 0 ? 'true' : `coalesce(collection_rate >= ${d(floor)}, false)`} AS collection_ok
	FROM gapped
),
statused AS (
	SELECT *,
		CASE WHEN reward_rate = 0 THEN 'no_rate'
		     WHEN score IS NULL THEN 'no_score'
		     WHEN NOT meets_threshold THEN 'below_threshold'
		     WHEN NOT collection_ok AND collection_rate IS NULL THEN 'collection_unknown'
		     WHEN NOT collection_ok THEN 'collection_below_floor'
		     ELSE 'paid' END AS reward_status
	FROM based
),
rewarded AS (
	SELECT *, CASE WHEN reward_status = 'paid' THEN reward_rate * reward_factor * area_m2 * 12 ELSE ${d(0)} END AS reward
	FROM statused
),
plan AS (SELECT * FROM rewarded)
SELECT ${FACT_COLUMNS.join(', ')}, latest_data_year
FROM plan
ORDER BY year, estate_id`;
}

let runs = 0;

/**
 * The plan for every relocation estate: the facts and the formulas in DuckDB (rows checked with zod), then the money
 * step once in TypeScript (domain plan.ts): amounts rounded to the fen, the budget cap applied in fen with the
 * largest-remainder rule, totals summed from the rows' fen. One implementation of the money step means the app, the
 * command line and the reference cannot disagree by a fen (docs/sources.md §15).
 */
export async function loadSubsidyPlan(engine: Engine, policy: Policy, model: QualityModel = defaultQualityModel()): Promise<Plan> {
	const table = `subsidy_plan_${++runs}`;
	await engine.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS ${subsidyPlanSql(policy, model)}`);
	try {
		const facts = await engine.parse(`SELECT * FROM ${table} ORDER BY year, estate_id`, requestFactsSchema);
		const rows: PlanRow[] = sortPlanRows(applyBudget(policy, facts.map(requestRow)));
		const totals: YearTotal[] = yearTotals(policy, rows);
		const [latest] = await engine.parse(
			`SELECT CAST(max(latest_data_year) AS INTEGER) AS y FROM ${table}`,
			z.object({ y: z.number().int().nullable() })
		);
		return { policyId: policy.id, latestDataYear: latest?.y ?? null, rows, totals };
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
	}
}

// ---------------------------------------------------------------------------------------------------
// Raw inputs for the TypeScript plan (single-estate explanation)
// ---------------------------------------------------------------------------------------------------

const EstateRow = z.object({
	estate_id: z.string(),
	name: z.string(),
	building_type: z.enum(BUILDING_TYPES),
	area_m2: z.number().positive(),
	households: z.number().int().positive()
});
const QualityRow = z.object({ estate_id: z.string(), period: z.string(), q: z.number().nullable() });
const TicketRow = z.object({ estate_id: z.string(), category: z.string(), opened_at: z.string(), closed_at: z.string().nullable() });
const FeeRow = z.object({
	estate_id: z.string(),
	year: z.number().int(),
	fee: z.number(),
	fee_unit: z.enum(FEE_UNITS),
	collection_rate: z.number().nullable()
});

/**
 * The raw facts of relocation estates (all, or the given ids) for the TypeScript plan: estate data, Q per period
 * (from the same quality SQL), tickets with timestamps as canonical text, fee rows.
 */
export async function loadEstatePlanInputs(
	engine: Engine,
	model: QualityModel = defaultQualityModel(),
	estateIds?: readonly string[]
): Promise<EstatePlanInput[]> {
	const idFilter = estateIds === undefined ? '' : ` AND estate_id IN (${estateIds.length > 0 ? estateIds.map(sqlString).join(', ') : 'NULL'})`;
	const rel = `SELECT estate_id FROM estates WHERE estate_type = 'relocation'${idFilter}`;
	const estates = await engine.parse(
		`SELECT estate_id, name, building_type, chargeable_area_m2 AS area_m2, households FROM estates
		 WHERE estate_type = 'relocation'${idFilter} ORDER BY estate_id`,
		EstateRow
	);
	const quality = await engine.parse(
		`SELECT estate_id, period, q FROM (${qualityByPeriodSql(model, `s.estate_id IN (${rel})`)}) ORDER BY estate_id, period`,
		QualityRow
	);
	const ts = (c: string) => `strftime(${c}, '%Y-%m-%d %H:%M:%S')`;
	const tickets = await engine.parse(
		`SELECT estate_id, category, ${ts('opened_at')} AS opened_at, ${ts('closed_at')} AS closed_at FROM tickets
		 WHERE estate_id IN (${rel}) ORDER BY estate_id, opened_at`,
		TicketRow
	);
	const fees = await engine.parse(
		`SELECT estate_id, year, fee, fee_unit, collection_rate FROM fees WHERE estate_id IN (${rel}) ORDER BY estate_id, year`,
		FeeRow
	);
	const group = <T extends { estate_id: string }>(rows: T[]) => {
		const m = new Map<string, T[]>();
		for (const r of rows) {
			const list = m.get(r.estate_id);
			if (list) list.push(r);
			else m.set(r.estate_id, [r]);
		}
		return m;
	};
	const qBy = group(quality);
	const tBy = group(tickets);
	const fBy = group(fees);
	return estates.map((e) => ({
		...e,
		quality: (qBy.get(e.estate_id) ?? []).map(({ period, q }) => ({ period, q })),
		tickets: (tBy.get(e.estate_id) ?? []).map(({ category, opened_at, closed_at }) => ({ category, opened_at, closed_at })),
		fees: (fBy.get(e.estate_id) ?? []).map(({ year, fee, fee_unit, collection_rate }) => ({ year, fee, fee_unit, collection_rate }))
	}));
}

/** Plans for two or three policy variants over the same data (for comparePlans). */
export async function loadSubsidyVariants(
	engine: Engine,
	policies: readonly Policy[],
	model: QualityModel = defaultQualityModel()
): Promise<Plan[]> {
	const out: Plan[] = [];
	for (const p of policies) out.push(await loadSubsidyPlan(engine, p, model));
	return out;
}
