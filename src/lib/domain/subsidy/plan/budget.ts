/** The yearly budget cap: priority order, pro rata or by priority, the year totals and the whole portfolio's plan. */
import { allocateLargestRemainder, fenToYuan, sumFen, toFen } from '../../money';
import { capAt, type Policy } from '../policy';
import {
	type EstatePlanInput,
	type Funding,
	type Plan,
	type PlanRow,
	WITHHELD_STATUSES,
	type YearTotal,
	withPaid
} from './rows';
import { latestDataYearOf, planEstateRequests } from './requests';
import { compareCodePoints } from '../../code-point-order';

/** Compare estate ids by code point (the order DuckDB gives VARCHAR). */
export const compareIds: (a: string, b: string) => number = compareCodePoints;

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
