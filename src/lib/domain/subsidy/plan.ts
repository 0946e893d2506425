/**
 * The subsidy plan: per relocation estate and plan year, the base subsidy, the assessment reward, the reasons
 * either is reduced or withheld, and the yearly budget cap; per year, totals against the budget; across policy
 * variants, a comparison.
 *
 * This is the single-estate explanation and the reference implementation. The portfolio is computed in DuckDB by
 * src/lib/queries/subsidy.ts with the same formulas, in the same order of operations, into the same
 * {@link PlanRow} shape; tests/unit/queries/subsidy-agreement.test.ts holds the two together to 1e-9.
 *
 * Which data year: the reward of plan year Y rests on the assessment of data year Y − lag. Plan years usually lie
 * ahead of the data, so a data year after the last year with any quality score (across the portfolio) is replaced
 * by that last year, and the row is marked `projected`.
 */
import { z } from 'zod';
import { formatFigure } from '../format';
import { allocateLargestRemainder, fenToYuan, roundFee, sumFen, toFen } from '../money';
import type { Bilingual } from '../provenance';
import type { BuildingType, FeeUnit } from '../vocabulary';
import { assessmentScore, ticketStats, ticketYear, type AssessmentScore, type TicketLike } from './assessment';
import {
	assessmentSettingsOf,
	capAt,
	ownerFeeAt,
	rewardFactor,
	rewardRate,
	taperAt,
	targetFee,
	targetGrade,
	BUDGET_RULE_LABELS,
	type Policy
} from './policy';

// ---------------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------------

/** One fee row of an estate, as in the fees table. */
export interface FeeRowInput {
	year: number;
	fee: number;
	fee_unit: FeeUnit;
	collection_rate: number | null;
}

/** Everything the plan needs about one relocation estate (raw facts; the plan derives the rest). */
export interface EstatePlanInput {
	estate_id: string;
	name: string;
	building_type: BuildingType;
	/** Chargeable area, ㎡. */
	area_m2: number;
	households: number;
	/** Q per score period ('YYYYQn' or 'YYYY-MM'); periods without Q may be listed with null. */
	quality: readonly { period: string; q: number | null }[];
	tickets: readonly TicketLike[];
	fees: readonly FeeRowInput[];
}

// ---------------------------------------------------------------------------------------------------
// The plan row (shared with the SQL)
// ---------------------------------------------------------------------------------------------------

/** Why the base subsidy is what it is. */
export const BASE_STATUSES = ['ok', 'no_target', 'no_owner_fee', 'no_gap', 'taper_zero'] as const;
export type BaseStatus = (typeof BASE_STATUSES)[number];

/** Why the reward is what it is (the first that applies, in this order). */
export const REWARD_STATUSES = ['paid', 'no_rate', 'no_score', 'below_threshold', 'collection_unknown', 'collection_below_floor'] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** Reward statuses that mean the estate failed a condition of the reward. */
export const WITHHELD_STATUSES: readonly RewardStatus[] = ['no_score', 'below_threshold', 'collection_unknown', 'collection_below_floor'];

/** What the budget did to a request. */
export const FUNDING_STATUSES = ['full', 'pro_rata', 'partial', 'unfunded', 'nothing_requested'] as const;
export type Funding = (typeof FUNDING_STATUSES)[number];

const num = z.number();
const numOrNull = z.number().nullable();
const count = z.number().int().min(0);

const fen = z.number().int();
const fenOrNull = z.number().int().nullable();

/**
 * One estate in one plan year. Money in integer fen (`*_fen`, the figures every sum is built from; docs/sources.md
 * §15) with the same amount in yuan beside it (fen ÷ 100, for display); fees in 元/㎡·月, rates 0-1, scores 0-100.
 */
export const planRowSchema = z.object({
	estate_id: z.string(),
	name: z.string(),
	building_type: z.enum(['multi', 'high']),
	area_m2: num,
	year: z.number().int(),
	/** Position of the year in the policy's years (0 = first). */
	year_index: count,
	/** Year whose Q, tickets and collection are used. */
	data_year: z.number().int(),
	/** True when the data year was moved back to the last year with data. */
	projected: z.boolean(),
	q: numOrNull,
	opened: count,
	closed: count,
	on_time: count,
	handling_rate: numOrNull,
	on_time_rate: numOrNull,
	median_hours: numOrNull,
	score: numOrNull,
	collection_rate: numOrNull,
	/** Fee in force in the data year (latest fee year up to it, else the earliest), 元/㎡·月. */
	current_fee: numOrNull,
	/** Grade reached by Q under a by-grade target; null otherwise. */
	grade: z.number().int().min(1).max(5).nullable(),
	target_fee: numOrNull,
	owner_fee: numOrNull,
	/** max(0, target − owner-paid), 0 when either is unknown. */
	gap: num,
	taper: num,
	base_status: z.enum(BASE_STATUSES),
	base_fen: fen,
	base: num,
	reward_rate: num,
	reward_factor: numOrNull,
	/** score ≥ threshold; null without a score. */
	meets_threshold: z.boolean().nullable(),
	/** Collection rate ≥ floor (true when the policy sets no floor). */
	collection_ok: z.boolean(),
	reward_status: z.enum(REWARD_STATUSES),
	reward_fen: fen,
	reward: num,
	/** base + reward, before the budget. */
	request_fen: fen,
	request: num,
	cap_fen: fenOrNull,
	cap: numOrNull,
	/** Order in which the budget funds the year's requests (priority rules only). */
	priority_rank: z.number().int().min(1).nullable(),
	funding: z.enum(FUNDING_STATUSES),
	/** paid ÷ request; null when nothing was requested. */
	funded_share: numOrNull,
	base_paid_fen: fen,
	base_paid: num,
	reward_paid_fen: fen,
	reward_paid: num,
	paid_fen: fen,
	paid: num,
	/** 削减额: request − paid, what the budget took away. */
	cut_fen: fen,
	cut: num,
	/** 削减比例: cut ÷ request; null when nothing was requested. */
	cut_share: numOrNull
});
export type PlanRow = z.infer<typeof planRowSchema>;

/** One plan year's totals against the budget. */
export const yearTotalSchema = z.object({
	year: z.number().int(),
	estates: count,
	requested_fen: fen,
	requested: num,
	base_fen: fen,
	base: num,
	reward_fen: fen,
	reward: num,
	cap_fen: fenOrNull,
	cap: numOrNull,
	paid_fen: fen,
	paid: num,
	base_paid_fen: fen,
	base_paid: num,
	reward_paid_fen: fen,
	reward_paid: num,
	/** requested − paid (the year's 削减额). */
	shortfall_fen: fen,
	shortfall: num,
	/** The requests exceed the cap. */
	binding: z.boolean(),
	/** Estates with a reward before the budget. */
	rewarded: count,
	/** Estates whose reward was withheld (failed a threshold). */
	withheld: count,
	unfunded: count,
	/** The estate funded in part under a priority rule, if any. */
	partial_estate_id: z.string().nullable()
});
export type YearTotal = z.infer<typeof yearTotalSchema>;

/** A computed plan. */
export interface Plan {
	policyId: string;
	/** Last year with a quality score in the portfolio (null without any). */
	latestDataYear: number | null;
	/** Sorted by year, then estate id. */
	rows: PlanRow[];
	/** One per plan year, in order. */
	totals: YearTotal[];
}

// ---------------------------------------------------------------------------------------------------
// Facts of one estate in one data year
// ---------------------------------------------------------------------------------------------------

/** Fee in 元/㎡·月 as the SQL computes it: a per-household fee ÷ (area ÷ households). */
export function feeM2(row: FeeRowInput, area: number, households: number): number | null {
	if (row.fee_unit === 'per_m2_month') return row.fee;
	return households === 0 ? null : row.fee / (area / households);
}

function meanOf(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let s = 0;
	for (const v of values) s += v;
	return s / values.length;
}

/** Mean Q of an estate's score periods in a year; null without any. */
export function qOfYear(estate: EstatePlanInput, year: number): number | null {
	return meanOf(estate.quality.filter((p) => p.q !== null && Number(p.period.slice(0, 4)) === year).map((p) => p.q as number));
}

/** Fee rows by year, duplicates averaged (as the SQL groups them). */
function feeYears(estate: EstatePlanInput): { year: number; fee_m2: number | null; collection_rate: number | null }[] {
	const years = [...new Set(estate.fees.map((f) => f.year))].sort((a, b) => a - b);
	return years.map((year) => {
		const rows = estate.fees.filter((f) => f.year === year);
		const fees = rows.map((f) => feeM2(f, estate.area_m2, estate.households)).filter((x): x is number => x !== null);
		const coll = rows.map((f) => f.collection_rate).filter((x): x is number => x !== null);
		return { year, fee_m2: meanOf(fees), collection_rate: meanOf(coll) };
	});
}

/** Fee in force in a year: the latest fee year up to it, else the earliest fee year. */
export function feeInForce(estate: EstatePlanInput, year: number): number | null {
	const ys = feeYears(estate);
	if (ys.length === 0) return null;
	const upTo = ys.filter((f) => f.year <= year);
	return (upTo.length > 0 ? upTo[upTo.length - 1] : ys[0]).fee_m2;
}

/** Collection rate of a year (null without a fee row or rate for it). */
export function collectionOf(estate: EstatePlanInput, year: number): number | null {
	return feeYears(estate).find((f) => f.year === year)?.collection_rate ?? null;
}

/** Last year with a quality score across the estates (null without any). */
export function latestDataYearOf(estates: readonly EstatePlanInput[]): number | null {
	let y: number | null = null;
	for (const e of estates) for (const p of e.quality) if (p.q !== null) y = Math.max(y ?? -Infinity, Number(p.period.slice(0, 4)));
	return y;
}

/** Data year of a plan year: year − lag, moved back to the last data year when beyond it. */
export function dataYearFor(policy: Policy, year: number, latestDataYear: number | null): { dataYear: number; projected: boolean } {
	const d = year - policy.assessment.lag;
	return latestDataYear !== null && d > latestDataYear ? { dataYear: latestDataYear, projected: true } : { dataYear: d, projected: false };
}

/** The assessment of an estate in a data year (score with its inputs). */
export function assessEstateYear(policy: Policy, estate: EstatePlanInput, dataYear: number): AssessmentScore {
	const settings = assessmentSettingsOf(policy);
	const tickets = estate.tickets.filter((t) => ticketYear(t) === dataYear);
	return assessmentScore(qOfYear(estate, dataYear), ticketStats(tickets, settings.timeLimitsHours), settings);
}

// ---------------------------------------------------------------------------------------------------
// Requests (before the budget)
// ---------------------------------------------------------------------------------------------------

/**
 * An estate's rows for every plan year, before the budget (funding as if uncapped). Operations in the SQL's order:
 * base = ((gap × area) × 12) × taper; reward = ((rate × factor) × area) × 12.
 */
export function planEstateRequests(policy: Policy, estate: EstatePlanInput, latestDataYear: number | null): PlanRow[] {
	return policy.years.map((year, i) => {
		const { dataYear, projected } = dataYearFor(policy, year, latestDataYear);
		const a = assessEstateYear(policy, estate, dataYear);
		const current = feeInForce(estate, dataYear);
		const collection = collectionOf(estate, dataYear);
		const target = targetFee(policy, estate.building_type, a.q, current);
		const owner = ownerFeeAt(policy, i, estate.building_type, target, current);
		// Both fees are whole fen per ㎡; rounding their difference removes binary noise (0.4 − 0.1 = 0.30000000000000004).
		const gap = target === null || owner === null ? 0 : roundFee(Math.max(0, target - owner));
		const taper = taperAt(policy, i);
		const base = gap * estate.area_m2 * 12 * taper;
		const baseStatus: BaseStatus =
			target === null ? 'no_target' : owner === null ? 'no_owner_fee' : gap === 0 ? 'no_gap' : taper === 0 ? 'taper_zero' : 'ok';

		const rate = rewardRate(policy, estate.building_type);
		const factor = rewardFactor(policy, a.score);
		const meets = a.score === null ? null : a.score >= policy.reward.threshold;
		const floor = policy.collectionFloor;
		const collectionOk = floor <= 0 || (collection !== null && collection >= floor);
		const rewardStatus: RewardStatus =
			rate === 0
				? 'no_rate'
				: a.score === null
					? 'no_score'
					: !meets
						? 'below_threshold'
						: !collectionOk && collection === null
							? 'collection_unknown'
							: !collectionOk
								? 'collection_below_floor'
								: 'paid';
		const reward = rewardStatus === 'paid' ? rate * (factor as number) * estate.area_m2 * 12 : 0;
		return requestRow({
			estate_id: estate.estate_id,
			name: estate.name,
			building_type: estate.building_type,
			area_m2: estate.area_m2,
			year,
			year_index: i,
			data_year: dataYear,
			projected,
			q: a.q,
			opened: a.tickets.opened,
			closed: a.tickets.closed,
			on_time: a.tickets.onTime,
			handling_rate: a.tickets.handlingRate,
			on_time_rate: a.tickets.onTimeRate,
			median_hours: a.tickets.medianHours,
			score: a.score,
			collection_rate: collection,
			current_fee: current,
			grade: targetGrade(policy, a.q),
			target_fee: target,
			owner_fee: owner,
			gap,
			taper,
			base_status: baseStatus,
			base,
			reward_rate: rate,
			reward_factor: factor,
			meets_threshold: meets,
			collection_ok: collectionOk,
			reward_status: rewardStatus,
			reward,
			cap: capAt(policy, i)
		});
	});
}

/** Money fields of a plan row: set by {@link requestRow} and the budget, never by the formulas. */
type MoneyKey =
	| 'base_fen'
	| 'reward_fen'
	| 'request_fen'
	| 'request'
	| 'cap_fen'
	| 'priority_rank'
	| 'funding'
	| 'funded_share'
	| 'base_paid_fen'
	| 'base_paid'
	| 'reward_paid_fen'
	| 'reward_paid'
	| 'paid_fen'
	| 'paid'
	| 'cut_fen'
	| 'cut'
	| 'cut_share';

/** What the formulas give for one estate and year: base, reward and cap in yuan at full precision. */
export type RequestFacts = Omit<PlanRow, MoneyKey>;

/** A row's budget outcome in fen: what is paid, split into base and reward. */
function withPaid(r: PlanRow, funding: Funding, paidFen: number, rank: number | null): PlanRow {
	// The paid sum is shared between base and reward by the largest-remainder rule, so the two add up to it.
	const [basePaid, rewardPaid] =
		paidFen === r.request_fen ? [r.base_fen, r.reward_fen] : r.request_fen > 0 ? allocateLargestRemainder(paidFen, [r.base_fen, r.reward_fen]) : [0, 0];
	const cut = r.request_fen - paidFen;
	return {
		...r,
		priority_rank: rank,
		funding,
		funded_share: r.request_fen > 0 ? paidFen / r.request_fen : null,
		base_paid_fen: basePaid,
		base_paid: fenToYuan(basePaid),
		reward_paid_fen: rewardPaid,
		reward_paid: fenToYuan(rewardPaid),
		paid_fen: paidFen,
		paid: fenToYuan(paidFen),
		cut_fen: cut,
		cut: fenToYuan(cut),
		cut_share: r.request_fen > 0 ? cut / r.request_fen : null
	};
}

/**
 * A request row from the formulas' figures: base and reward each rounded once to the fen (docs/sources.md §15 rule
 * 1), the request their sum, the cap in fen; funded in full until the budget says otherwise. The yuan fields are
 * the fen ÷ 100, so they print with at most two decimals.
 */
export function requestRow(facts: RequestFacts): PlanRow {
	const baseFen = toFen(facts.base);
	const rewardFen = toFen(facts.reward);
	const requestFen = baseFen + rewardFen;
	const capFen = facts.cap === null ? null : toFen(facts.cap);
	const row: PlanRow = {
		...facts,
		base_fen: baseFen,
		base: fenToYuan(baseFen),
		reward_fen: rewardFen,
		reward: fenToYuan(rewardFen),
		request_fen: requestFen,
		request: fenToYuan(requestFen),
		cap_fen: capFen,
		cap: capFen === null ? null : fenToYuan(capFen),
		priority_rank: null,
		funding: 'full',
		funded_share: null,
		base_paid_fen: 0,
		base_paid: 0,
		reward_paid_fen: 0,
		reward_paid: 0,
		paid_fen: 0,
		paid: 0,
		cut_fen: 0,
		cut: 0,
		cut_share: null
	};
	return withPaid(row, requestFen > 0 ? 'full' : 'nothing_requested', requestFen, null);
}

// ---------------------------------------------------------------------------------------------------
// The budget
// ---------------------------------------------------------------------------------------------------

/** Compare estate ids by code point (the order DuckDB gives VARCHAR). */
export function compareIds(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
		if (d !== 0) return d;
	}
	return x.length - y.length;
}

/**
 * Funding order under a priority rule: largest gap (元/㎡·月) first, or lowest assessment score first (no score
 * last); ties by estate id.
 */
export function priorityOrder(rule: 'largest_gap_first' | 'lowest_score_first', rows: readonly PlanRow[]): PlanRow[] {
	const out = [...rows];
	out.sort((a, b) => {
		if (rule === 'largest_gap_first') {
			if (a.gap !== b.gap) return b.gap - a.gap;
		} else if (a.score !== b.score) {
			if (a.score === null) return 1;
			if (b.score === null) return -1;
			return a.score - b.score;
		}
		return compareIds(a.estate_id, b.estate_id);
	});
	return out;
}

/**
 * One year's rows with the cap applied (rows of other years are not allowed), all in integer fen:
 * - no cap, or requests within it: everything is paid;
 * - pro rata: the cap is shared among the requests in proportion to them by the largest-remainder rule, so the
 *   amounts paid add up to the cap exactly (docs/sources.md §15);
 * - priority: requests are funded in order while the running sum stays within the cap; the first that does not
 *   fit gets what is left ('partial'), the rest nothing ('unfunded').
 * What an estate is paid is split between base and reward by the largest-remainder rule.
 */
export function applyBudgetToYear(policy: Policy, rows: readonly PlanRow[]): PlanRow[] {
	if (rows.length === 0) return [];
	const cap = rows[0].cap_fen;
	const rule = policy.budget.rule;
	const full = (r: PlanRow) => withPaid(r, r.request_fen > 0 ? 'full' : 'nothing_requested', r.request_fen, null);
	if (rule === 'pro_rata') {
		const total = sumFen(rows.map((r) => r.request_fen));
		if (cap === null || total <= cap) return rows.map(full);
		const paid = allocateLargestRemainder(cap, rows.map((r) => r.request_fen));
		return rows.map((r, i) => withPaid(r, r.request_fen > 0 ? 'pro_rata' : 'nothing_requested', paid[i], null));
	}
	const ordered = priorityOrder(rule, rows);
	let prev = 0;
	const funded = new Map<PlanRow, PlanRow>();
	ordered.forEach((r, k) => {
		let funding: Funding;
		let paid: number;
		if (r.request_fen === 0) {
			funding = 'nothing_requested';
			paid = 0;
		} else if (cap === null || prev + r.request_fen <= cap) {
			funding = 'full';
			paid = r.request_fen;
		} else if (prev < cap) {
			funding = 'partial';
			paid = cap - prev;
		} else {
			funding = 'unfunded';
			paid = 0;
		}
		funded.set(r, withPaid(r, funding, paid, k + 1));
		prev += r.request_fen;
	});
	return rows.map((r) => funded.get(r) as PlanRow);
}

/** All rows with each year's cap applied. */
export function applyBudget(policy: Policy, rows: readonly PlanRow[]): PlanRow[] {
	const out: PlanRow[] = [];
	for (const year of policy.years) out.push(...applyBudgetToYear(policy, rows.filter((r) => r.year === year)));
	return out;
}

/** Per-year totals of budgeted rows, one per plan year: sums of the rows' fen, so they equal the rows exactly. */
export function yearTotals(policy: Policy, rows: readonly PlanRow[]): YearTotal[] {
	return policy.years.map((year, i) => {
		const rs = rows.filter((r) => r.year === year);
		const sum = (f: (r: PlanRow) => number) => sumFen(rs.map(f));
		const requested = sum((r) => r.request_fen);
		const capYuan = capAt(policy, i);
		const cap = capYuan === null ? null : toFen(capYuan);
		const paid = sum((r) => r.paid_fen);
		const base = sum((r) => r.base_fen);
		const reward = sum((r) => r.reward_fen);
		const basePaid = sum((r) => r.base_paid_fen);
		const rewardPaid = sum((r) => r.reward_paid_fen);
		return {
			year,
			estates: rs.length,
			requested_fen: requested,
			requested: fenToYuan(requested),
			base_fen: base,
			base: fenToYuan(base),
			reward_fen: reward,
			reward: fenToYuan(reward),
			cap_fen: cap,
			cap: cap === null ? null : fenToYuan(cap),
			paid_fen: paid,
			paid: fenToYuan(paid),
			base_paid_fen: basePaid,
			base_paid: fenToYuan(basePaid),
			reward_paid_fen: rewardPaid,
			reward_paid: fenToYuan(rewardPaid),
			shortfall_fen: requested - paid,
			shortfall: fenToYuan(requested - paid),
			binding: cap !== null && requested > cap,
			rewarded: rs.filter((r) => r.reward_fen > 0).length,
			withheld: rs.filter((r) => WITHHELD_STATUSES.includes(r.reward_status)).length,
			unfunded: rs.filter((r) => r.funding === 'unfunded').length,
			partial_estate_id: rs.find((r) => r.funding === 'partial')?.estate_id ?? null
		};
	});
}

/** Sort rows by year, then estate id. */
export function sortPlanRows(rows: readonly PlanRow[]): PlanRow[] {
	return [...rows].sort((a, b) => a.year - b.year || compareIds(a.estate_id, b.estate_id));
}

/** The whole plan for a portfolio of relocation estates. */
export function planPortfolio(policy: Policy, estates: readonly EstatePlanInput[], latestDataYear = latestDataYearOf(estates)): Plan {
	const requests = estates.flatMap((e) => planEstateRequests(policy, e, latestDataYear));
	const rows = sortPlanRows(applyBudget(policy, requests));
	return { policyId: policy.id, latestDataYear, rows, totals: yearTotals(policy, rows) };
}

/** Rows whose reward was withheld because a condition failed (threshold, collection, no score). */
export function failingRows(plan: Plan): PlanRow[] {
	return plan.rows.filter((r) => WITHHELD_STATUSES.includes(r.reward_status));
}

// ---------------------------------------------------------------------------------------------------
// Reasons and the single-estate explanation
// ---------------------------------------------------------------------------------------------------

export const REASON_CODES = [
	'projected',
	'no_target',
	'no_owner_fee',
	'no_gap',
	'taper_zero',
	'no_score',
	'below_threshold',
	'partial_reward',
	'collection_unknown',
	'collection_below_floor',
	'capped_pro_rata',
	'partial_funding',
	'unfunded'
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Readonly<Record<ReasonCode, Bilingual>> = {
	projected: { zh: '沿用最近一年的考核数据（预测）', en: 'Uses the last year with data (projection)' },
	no_target: { zh: '目标费未知（缺少 Q 或现行收费）', en: 'Target fee unknown (no Q or no fee in force)' },
	no_owner_fee: { zh: '业主缴费标准未知（缺少现行收费）', en: 'Owner-paid fee unknown (no fee in force)' },
	no_gap: { zh: '业主缴费已达目标费：无基础补贴', en: 'Owners already pay the target fee: no base subsidy' },
	taper_zero: { zh: '本年度基础补贴已退坡为零', en: 'Base subsidy tapered to zero this year' },
	no_score: { zh: '没有考核得分：不发奖励', en: 'No assessment score: no reward' },
	below_threshold: { zh: '考核得分未达门槛：不发奖励', en: 'Score below the threshold: no reward' },
	partial_reward: { zh: '考核得分未达满额：部分奖励', en: 'Score below full-reward level: part of the reward' },
	collection_unknown: { zh: '收缴率未知：暂停奖励', en: 'Collection rate unknown: reward withheld' },
	collection_below_floor: { zh: '收缴率低于底线：暂停奖励', en: 'Collection below the floor: reward withheld' },
	capped_pro_rata: { zh: '预算不足：按比例削减', en: 'Budget short: cut pro rata' },
	partial_funding: { zh: '预算用尽：部分拨付', en: 'Budget ran out: funded in part' },
	unfunded: { zh: '预算用尽：未拨付', en: 'Budget ran out: not funded' }
};

/** Every reason that applies to a row, in a fixed order. */
export function rowReasons(row: PlanRow): ReasonCode[] {
	const out: ReasonCode[] = [];
	if (row.projected) out.push('projected');
	if (row.base_status !== 'ok') out.push(row.base_status);
	if (row.reward_rate > 0) {
		if (row.score === null) out.push('no_score');
		else if (row.meets_threshold === false) out.push('below_threshold');
		else if (row.reward_status === 'paid' && (row.reward_factor ?? 0) < 1) out.push('partial_reward');
		if (!row.collection_ok) out.push(row.collection_rate === null ? 'collection_unknown' : 'collection_below_floor');
	}
	if (row.funding === 'pro_rata') out.push('capped_pro_rata');
	if (row.funding === 'partial') out.push('partial_funding');
	if (row.funding === 'unfunded') out.push('unfunded');
	return out;
}

const f2 = (x: number) => formatFigure(x, 2);
const f4 = (x: number) => formatFigure(x, 4);
const pct = (x: number) => `${formatFigure(100 * x, 1)}%`;

/**
 * Step-by-step explanation of one row with its figures (both languages): data year, assessment, target and
 * owner-paid fee, base subsidy, reward, budget.
 */
export function explainRow(policy: Policy, row: PlanRow): Bilingual[] {
	const steps: Bilingual[] = [];
	const lag = policy.assessment.lag;
	steps.push({
		zh: `${row.year} 年按 ${row.data_year} 年的考核数据计算（滞后 ${lag} 年${row.projected ? '；此后年份尚无数据，沿用最近一年' : ''}）。`,
		en: `${row.year} uses the assessment of ${row.data_year} (lag ${lag}${row.projected ? '; no data yet for later years, the last year is reused' : ''}).`
	});
	const w = policy.assessment.weights;
	const tickets =
		row.opened > 0
			? {
					zh: `工单 ${row.opened} 件，已结 ${row.closed} 件（处置率 ${pct(row.handling_rate as number)}），按时 ${row.on_time} 件（及时率 ${pct(row.on_time_rate as number)}）${row.median_hours === null ? '' : `，结单中位 ${f2(row.median_hours)} 小时`}`,
					en: `${row.opened} tickets, ${row.closed} closed (handling ${pct(row.handling_rate as number)}), ${row.on_time} on time (on-time ${pct(row.on_time_rate as number)})${row.median_hours === null ? '' : `, median ${f2(row.median_hours)} h to close`}`
				}
			: { zh: '无工单', en: 'no tickets' };
	steps.push({
		zh: `考核：Q ${row.q === null ? '缺失' : f2(row.q)}；${tickets.zh}；权重 Q ${w.q} / 处置 ${w.handling} / 及时 ${w.onTime} / 时长 ${w.median} → 得分 ${row.score === null ? '无' : f2(row.score)}。`,
		en: `Assessment: Q ${row.q === null ? 'missing' : f2(row.q)}; ${tickets.en}; weights Q ${w.q} / handling ${w.handling} / on-time ${w.onTime} / time ${w.median} → score ${row.score === null ? 'none' : f2(row.score)}.`
	});
	const t = policy.target;
	const targetHow: Bilingual =
		t.mode === 'by_building_type'
			? { zh: '按建筑类型', en: 'by building type' }
			: t.mode === 'by_grade'
				? { zh: `按 Q 所达等级（${row.grade ?? '—'} 级）`, en: `by the grade Q reaches (grade ${row.grade ?? '—'})` }
				: { zh: '取现行收费', en: 'the fee in force' };
	const o = policy.ownerFee;
	const ownerHow: Bilingual =
		o.mode === 'schedule'
			? { zh: '按年度缴费表', en: 'from the yearly schedule' }
			: o.mode === 'share_of_target'
				? { zh: `目标费的 ${pct(o.shares[row.year_index])}`, en: `${pct(o.shares[row.year_index])} of the target fee` }
				: {
						zh: `现行 ${row.current_fee === null ? '—' : f4(row.current_fee)} 每年加 ${o.stepPerYear}，至目标为止`,
						en: `fee in force ${row.current_fee === null ? '—' : f4(row.current_fee)} plus ${o.stepPerYear} a year, up to the target`
					};
	if (row.target_fee === null || row.owner_fee === null) {
		steps.push({
			zh: `基础补贴：${REASON_LABELS[row.base_status === 'no_owner_fee' ? 'no_owner_fee' : 'no_target'].zh}，为 0。`,
			en: `Base subsidy: ${REASON_LABELS[row.base_status === 'no_owner_fee' ? 'no_owner_fee' : 'no_target'].en}, so 0.`
		});
	} else {
		steps.push({
			zh: `基础补贴 = max(0, 目标费 ${f4(row.target_fee)}（${targetHow.zh}）− 业主缴费 ${f4(row.owner_fee)}（${ownerHow.zh}））× ${f2(row.area_m2)} ㎡ × 12 × 退坡系数 ${row.taper} = ${f2(row.base)} 元。`,
			en: `Base subsidy = max(0, target ${f4(row.target_fee)} (${targetHow.en}) − owner-paid ${f4(row.owner_fee)} (${ownerHow.en})) × ${f2(row.area_m2)} m² × 12 × taper ${row.taper} = ${f2(row.base)} yuan.`
		});
	}
	const { threshold, span } = policy.reward;
	if (row.reward_status === 'no_rate') {
		steps.push({ zh: '本政策不设考核奖励。', en: 'The policy pays no assessment reward.' });
	} else if (row.reward_status === 'paid') {
		steps.push({
			zh: `考核奖励 = ${row.reward_rate} × clip((${f2(row.score as number)} − ${threshold}) ÷ ${span}, 0, 1) = ${row.reward_rate} × ${f4(row.reward_factor as number)} × ${f2(row.area_m2)} ㎡ × 12 = ${f2(row.reward)} 元。`,
			en: `Reward = ${row.reward_rate} × clip((${f2(row.score as number)} − ${threshold}) ÷ ${span}, 0, 1) = ${row.reward_rate} × ${f4(row.reward_factor as number)} × ${f2(row.area_m2)} m² × 12 = ${f2(row.reward)} yuan.`
		});
	} else {
		const why: Bilingual =
			row.reward_status === 'below_threshold'
				? { zh: `得分 ${f2(row.score as number)} 低于门槛 ${threshold}`, en: `score ${f2(row.score as number)} is below the threshold ${threshold}` }
				: row.reward_status === 'collection_below_floor'
					? { zh: `收缴率 ${pct(row.collection_rate as number)} 低于底线 ${pct(policy.collectionFloor)}`, en: `collection ${pct(row.collection_rate as number)} is below the floor ${pct(policy.collectionFloor)}` }
					: row.reward_status === 'collection_unknown'
						? { zh: `${row.data_year} 年收缴率未知（底线 ${pct(policy.collectionFloor)}）`, en: `collection for ${row.data_year} unknown (floor ${pct(policy.collectionFloor)})` }
						: { zh: '没有考核得分', en: 'no assessment score' };
		steps.push({ zh: `考核奖励：${why.zh}，不发放。`, en: `Reward withheld: ${why.en}.` });
	}
	const rule = BUDGET_RULE_LABELS[policy.budget.rule];
	const budget: Bilingual =
		row.cap === null
			? { zh: `本年度不设预算上限：拨付 ${f2(row.paid)} 元。`, en: `No budget cap this year: ${f2(row.paid)} yuan paid.` }
			: row.funding === 'full'
				? { zh: `预算上限 ${f2(row.cap)} 元（${rule.zh}）内全额拨付 ${f2(row.paid)} 元。`, en: `Within the cap of ${f2(row.cap)} yuan (${rule.en}): ${f2(row.paid)} yuan paid in full.` }
				: row.funding === 'pro_rata'
					? { zh: `申请总额超出预算上限 ${f2(row.cap)} 元：按比例拨付 ${pct(row.funded_share as number)}，即 ${f2(row.paid)} 元。`, en: `Requests exceed the cap of ${f2(row.cap)} yuan: ${pct(row.funded_share as number)} paid pro rata, ${f2(row.paid)} yuan.` }
					: row.funding === 'partial'
						? { zh: `按「${rule.zh}」排第 ${row.priority_rank} 位，预算余额只够部分拨付：${f2(row.paid)} 元（${pct(row.funded_share as number)}）。`, en: `Ranked ${row.priority_rank} (${rule.en}); the rest of the budget funds it in part: ${f2(row.paid)} yuan (${pct(row.funded_share as number)}).` }
						: row.funding === 'unfunded'
							? { zh: `按「${rule.zh}」排第 ${row.priority_rank} 位，预算已用尽：未拨付。`, en: `Ranked ${row.priority_rank} (${rule.en}); the budget ran out: nothing paid.` }
							: { zh: '无申请金额。', en: 'Nothing requested.' };
	steps.push(budget);
	return steps;
}

/** One plan year of one estate, explained. */
export interface EstateYearExplanation {
	year: number;
	/** The row computed here in TypeScript, with the budget outcome taken from the portfolio plan. */
	row: PlanRow;
	/** The assessment behind the score: parts, shares and notes. */
	assessment: AssessmentScore;
	steps: Bilingual[];
	/** Requests computed here differ from the portfolio plan's (e.g. the plan came from other data). */
	differsFromPlan: boolean;
}

/**
 * The single-estate explanation: the estate's rows recomputed in TypeScript from its raw facts with the same
 * formulas, the budget outcome (which depends on the other estates) taken from the portfolio plan (typically the
 * one computed in SQL), and the steps of each year.
 */
export function explainEstate(policy: Policy, estate: EstatePlanInput, plan: Plan): EstateYearExplanation[] {
	return planEstateRequests(policy, estate, plan.latestDataYear).map((own) => {
		const portfolio = plan.rows.find((r) => r.estate_id === estate.estate_id && r.year === own.year);
		const row: PlanRow = portfolio
			? {
					...own,
					priority_rank: portfolio.priority_rank,
					funding: portfolio.funding,
					funded_share: portfolio.funded_share,
					base_paid_fen: portfolio.base_paid_fen,
					base_paid: portfolio.base_paid,
					reward_paid_fen: portfolio.reward_paid_fen,
					reward_paid: portfolio.reward_paid,
					paid_fen: portfolio.paid_fen,
					paid: portfolio.paid,
					cut_fen: own.request_fen - portfolio.paid_fen,
					cut: fenToYuan(own.request_fen - portfolio.paid_fen),
					cut_share: own.request_fen > 0 ? (own.request_fen - portfolio.paid_fen) / own.request_fen : null
				}
			: own;
		return {
			year: own.year,
			row,
			assessment: assessEstateYear(policy, estate, own.data_year),
			steps: explainRow(policy, row),
			differsFromPlan: portfolio === undefined || portfolio.base_fen !== own.base_fen || portfolio.reward_fen !== own.reward_fen
		};
	});
}

// ---------------------------------------------------------------------------------------------------
// Comparing policy variants
// ---------------------------------------------------------------------------------------------------

/** Two or three plans side by side. */
export interface PlanComparison {
	variants: { label: string; policyId: string }[];
	/** Per plan year: each variant's requested, paid and cap (missing year: null). */
	years: { year: number; byVariant: ({ requested: number; paid: number; cap: number | null } | null)[] }[];
	/** Per estate: each variant's total base paid, reward paid and paid over its years. */
	estates: { estate_id: string; name: string; byVariant: ({ base_paid: number; reward_paid: number; paid: number } | null)[] }[];
	/** Each variant's totals over all years. */
	overall: { requested: number; paid: number }[];
}

/**
 * Labels made unique in order: a repeated label gets " (2)", " (3)", … so that a chart or table keyed by label can
 * never merge two variants into one series.
 */
export function uniqueLabels(labels: readonly string[]): string[] {
	const used = new Set<string>();
	return labels.map((l) => {
		let out = l;
		for (let i = 2; used.has(out); i++) out = `${l} (${i})`;
		used.add(out);
		return out;
	});
}

/** Compare plans (typically two or three policy variants over the same estates); labels are made unique. */
export function comparePlans(variants: readonly { label: string; plan: Plan }[]): PlanComparison {
	const labels = uniqueLabels(variants.map((v) => v.label));
	const years = [...new Set(variants.flatMap((v) => v.plan.totals.map((t) => t.year)))].sort((a, b) => a - b);
	const ids = new Map<string, string>();
	for (const v of variants) for (const r of v.plan.rows) ids.set(r.estate_id, r.name);
	return {
		variants: variants.map((v, i) => ({ label: labels[i], policyId: v.plan.policyId })),
		years: years.map((year) => ({
			year,
			byVariant: variants.map((v) => {
				const t = v.plan.totals.find((x) => x.year === year);
				return t ? { requested: t.requested, paid: t.paid, cap: t.cap } : null;
			})
		})),
		estates: [...ids.entries()]
			.sort((a, b) => compareIds(a[0], b[0]))
			.map(([estate_id, name]) => ({
				estate_id,
				name,
				byVariant: variants.map((v) => {
					const rs = v.plan.rows.filter((r) => r.estate_id === estate_id);
					if (rs.length === 0) return null;
					return {
						base_paid: fenToYuan(sumFen(rs.map((r) => r.base_paid_fen))),
						reward_paid: fenToYuan(sumFen(rs.map((r) => r.reward_paid_fen))),
						paid: fenToYuan(sumFen(rs.map((r) => r.paid_fen)))
					};
				})
			})),
		overall: variants.map((v) => ({
			requested: fenToYuan(sumFen(v.plan.totals.map((t) => t.requested_fen))),
			paid: fenToYuan(sumFen(v.plan.totals.map((t) => t.paid_fen)))
		}))
	};
}

// ---------------------------------------------------------------------------------------------------
// Sums over rows (削减额 / 削减比例 per estate over the plan years)
// ---------------------------------------------------------------------------------------------------

/** Amounts of a set of plan rows, summed in fen, with the cut share. */
export interface RowSums {
	base_fen: number;
	reward_fen: number;
	request_fen: number;
	paid_fen: number;
	/** 削减额: request − paid. */
	cut_fen: number;
	/** 削减比例: cut ÷ request; null when nothing was requested. */
	cut_share: number | null;
}

/** Sums of plan rows in fen (exact), e.g. one year's rows or one estate's years. */
export function sumRows(rows: readonly PlanRow[]): RowSums {
	const f = (g: (r: PlanRow) => number) => sumFen(rows.map(g));
	const request = f((r) => r.request_fen);
	const cut = f((r) => r.cut_fen);
	return {
		base_fen: f((r) => r.base_fen),
		reward_fen: f((r) => r.reward_fen),
		request_fen: request,
		paid_fen: f((r) => r.paid_fen),
		cut_fen: cut,
		cut_share: request > 0 ? cut / request : null
	};
}

/** One estate over all plan years. */
export interface EstatePlanTotal extends RowSums {
	estate_id: string;
	name: string;
	building_type: BuildingType;
	area_m2: number;
	/** Plan years with a row. */
	years: number;
}

/** Each estate's amounts summed over the plan years (the estates that lose most under a cap: sort by cut). */
export function estateTotals(plan: Plan): EstatePlanTotal[] {
	const by = new Map<string, PlanRow[]>();
	for (const r of plan.rows) {
		const list = by.get(r.estate_id);
		if (list) list.push(r);
		else by.set(r.estate_id, [r]);
	}
	return [...by.values()].map((rs) => ({
		estate_id: rs[0].estate_id,
		name: rs[0].name,
		building_type: rs[0].building_type,
		area_m2: rs[0].area_m2,
		years: rs.length,
		...sumRows(rs)
	}));
}
