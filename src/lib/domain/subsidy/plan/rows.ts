/**
 * The plan's inputs and its row: one estate in one plan year, the shape the SQL of src/lib/queries/subsidy.ts
 * returns too (its zod schema checks that), and how a request row is built from the formulas' figures.
 */
import { z } from 'zod';
import { allocateLargestRemainder, fenToYuan, toFen } from '../../money';
import { BUILDING_TYPES, type BuildingType, type FeeUnit } from '../../vocabulary';
import type { TicketLike } from '../assessment';

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
	building_type: z.enum(BUILDING_TYPES),
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
export function withPaid(r: PlanRow, funding: Funding, paidFen: number, rank: number | null): PlanRow {
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
