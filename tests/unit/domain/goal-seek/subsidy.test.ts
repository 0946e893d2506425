/**
 * Goal seek in the subsidy plan: the schedule step that fits a multi-year budget and the smallest yearly cap at
 * which every estate keeps its base subsidy. Every answer is put back into planPortfolio (the plan the app computes)
 * and must agree to 0.01 元 where an exact fit exists; where fees billed in whole fen make the totals jump, the
 * answer is the nearest total below the budget and the jump is reported.
 */
import { describe, expect, it } from 'vitest';
import { planTotal, policyWithParameter, scheduleForBudget, scheduleParameters, smallestCapKeepingBase } from '$lib/domain/goal-seek';
import { definePolicy, planPortfolio, type EstatePlanInput, type PolicyInput } from '$lib/domain/subsidy';

function estate(id: string, area_m2: number): EstatePlanInput {
	return {
		estate_id: id,
		name: `小区${id}`,
		building_type: 'multi',
		area_m2,
		households: 100,
		quality: [{ period: '2025Q2', q: 80 }],
		tickets: [],
		fees: [{ year: 2025, fee: 0.5, fee_unit: 'per_m2_month', collection_rate: 0.9 }]
	};
}

const BASE: PolicyInput = {
	id: 'goal-test',
	name_zh: '测试',
	name_en: 'Test',
	years: [2026, 2027, 2028, 2029, 2030],
	target: { mode: 'by_building_type', fee: { multi: 1, high: 1 } },
	ownerFee: { mode: 'schedule', fee: { multi: [0.5, 0.5, 0.5, 0.5, 0.5], high: [0.5, 0.5, 0.5, 0.5, 0.5] } },
	reward: { rate: { multi: 0, high: 0 }, threshold: 60, span: 20 },
	// Score = Q (no tickets are weighted), so a reward, where set, is easy to work by hand.
	assessment: { weights: { q: 1, handling: 0, onTime: 0, median: 0 } }
};

describe('taper step that fits a five-year budget', () => {
	/**
	 * One multi-storey estate, 10,000 ㎡, target 1.00, owners pay 0.50: gap 0.50 × 10,000 × 12 = 60,000 a year before
	 * the taper. taperᵢ = 1 − i × d: total = 60,000 × (5 − 10 d) while d ≤ 0.25.
	 */
	const policy = definePolicy(BASE);
	const estates = [estate('A', 10_000)];

	it('240,000: 5 − 10 d = 4 → d = 10 % (taper 1, 0.9, 0.8, 0.7, 0.6)', () => {
		const a = scheduleForBudget(policy, estates, 240_000, 'taper_step');
		expect(a.status).toBe('solved');
		if (a.status !== 'solved') return;
		expect(a.value).toBeCloseTo(0.1, 9);
		expect(a.check.ok).toBe(true);
		expect(Math.abs(a.check.residual)).toBeLessThanOrEqual(0.01);
		expect(planTotal(policyWithParameter(policy, 'taper_step', a.value), estates)).toBeCloseTo(240_000, 2);
	});

	it('90,000 lies where the taper is clipped at 0: 1 + (1 − d) + max(0, 1 − 2d) = 1.5 → d = 50 %', () => {
		// For 1/3 ≤ d ≤ 1/2 the years sum to 3 − 3d; 60,000 × (3 − 3d) = 90,000 → d = 0.5 (taper 1, 0.5, 0, 0, 0).
		const a = scheduleForBudget(policy, estates, 90_000, 'taper_step');
		expect(a.status === 'solved' && a.value).toBeCloseTo(0.5, 9);
		expect(a.status === 'solved' && Math.abs(a.check.residual) <= 0.01).toBe(true);
		const plan = planPortfolio(policyWithParameter(policy, 'taper_step', 0.5), estates);
		expect(plan.rows.map((r) => r.base)).toEqual([60_000, 30_000, 0, 0, 0]);
	});

	it('no solution above the untapered 300,000 or below the first year alone, 60,000', () => {
		const over = scheduleForBudget(policy, estates, 400_000, 'taper_step');
		expect(over.status).toBe('no_solution');
		if (over.status === 'no_solution') expect(over.reason.en).toContain('300,000.00');
		const under = scheduleForBudget(policy, estates, 50_000, 'taper_step');
		expect(under.status).toBe('no_solution');
		if (under.status === 'no_solution') expect(under.reason.en).toContain('60,000.00');
	});
});

describe("owners' share step that fits a five-year budget", () => {
	/**
	 * Owners pay a share of the target 1.00: 50 % in the first year, then + d a year. d = 10 %: shares 50-90 %, owners
	 * billed 0.50-0.90, gaps 0.50 + 0.40 + 0.30 + 0.20 + 0.10 = 1.50 → 1.50 × 10,000 × 12 = 180,000.
	 */
	const policy = definePolicy({ ...BASE, ownerFee: { mode: 'share_of_target', shares: [0.5, 0.5, 0.5, 0.5, 0.5] } });
	const estates = [estate('A', 10_000)];

	it('offers the taper and the share step for this policy', () => {
		expect(scheduleParameters(policy)).toEqual(['taper_step', 'owner_share_step']);
	});

	it('180,000 → d = 10 %, total 180,000.00', () => {
		const a = scheduleForBudget(policy, estates, 180_000, 'owner_share_step');
		expect(a.status).toBe('solved');
		if (a.status !== 'solved') return;
		// Any d from 9.875 % (0.5 + 4d = 0.895 bills as 0.90) to just under 10.5 % gives 180,000; the roundest is 10 %.
		expect(a.value).toBe(0.1);
		expect(a.check.residual).toBeCloseTo(0, 2);
		expect(a.check.ok).toBe(true);
	});

	it('170,000 cannot be met exactly: totals move in steps of 0.01 × 120,000 = 1,200, so 169,200 (left 800)', () => {
		const a = scheduleForBudget(policy, estates, 170_000, 'owner_share_step');
		expect(a.status).toBe('solved');
		if (a.status !== 'solved') return;
		expect(a.total).toBeCloseTo(169_200, 2);
		expect(a.check.residual).toBeCloseTo(-800, 2);
		expect(a.check.ok).toBe(true);
		expect(planTotal(policyWithParameter(policy, 'owner_share_step', a.value), estates)).toBeCloseTo(169_200, 2);
		// Just below the answer's range the total is above the budget (170,400).
		expect(planTotal(policyWithParameter(policy, 'owner_share_step', a.value - 0.002), estates)).toBeGreaterThan(170_000);
	});
});

describe('smallest yearly cap at which every estate keeps its base subsidy', () => {
	/**
	 * Two estates, 10,000 and 5,000 ㎡, gap 0.50, reward 0.10 at full score (Q 80 ≥ 60 + 20): year one requests
	 * A 60,000 + 12,000 = 72,000 and B 30,000 + 6,000 = 36,000, together 108,000; the taper 1, 0.8, … lowers later
	 * years. Pro rata, one fen less cuts A to 7,199,999 fen, which splits into base 5,999,999 + reward 1,200,000:
	 * its base is cut. So the smallest cap is 108,000.00.
	 */
	const policy = definePolicy({
		...BASE,
		taper: [1, 0.8, 0.6, 0.4, 0.2],
		reward: { rate: { multi: 0.1, high: 0.1 }, threshold: 60, span: 20 },
		budget: { caps: 50_000, rule: 'pro_rata' }
	});
	const estates = [estate('A', 10_000), estate('B', 5_000)];

	it('pro rata: 108,000.00, checked in the plan at that cap and one fen below', () => {
		const a = smallestCapKeepingBase(policy, estates);
		expect(a.status).toBe('solved');
		if (a.status !== 'solved') return;
		expect(a.value).toBe(108_000);
		expect(a.check.ok).toBe(true);
		// Year five asks A 12,000 + 12,000 and B 6,000 + 6,000 = 36,000, yet 35,999.98 keeps both bases: a 2-fen cut gives
		// A 2,399,999 fen, split over equal base and reward as 1,199,999.5 each; the spare fen goes to the earlier part
		// (the base) by the largest-remainder rule (docs/sources.md §15), so only the rewards lose a fen.
		expect(a.byYear?.map((y) => y.cap)).toEqual([108_000, 90_000, 72_000, 54_000, 35_999.98]);
		const at = planPortfolio({ ...policy, budget: { ...policy.budget, caps: 108_000 } }, estates);
		expect(at.rows.every((r) => r.base_paid_fen === r.base_fen)).toBe(true);
		const below = planPortfolio({ ...policy, budget: { ...policy.budget, caps: 107_999.99 } }, estates);
		expect(below.rows.some((r) => r.base_paid_fen < r.base_fen)).toBe(true);
	});

	it('largest gap first gives the same cap here', () => {
		const a = smallestCapKeepingBase({ ...policy, budget: { caps: null, rule: 'largest_gap_first' } }, estates);
		expect(a.status === 'solved' && a.value).toBe(108_000);
		expect(a.status === 'solved' && a.check.ok).toBe(true);
	});

	it('no solution without any base subsidy', () => {
		const none = definePolicy({ ...BASE, ownerFee: { mode: 'schedule', fee: { multi: [1, 1, 1, 1, 1], high: [1, 1, 1, 1, 1] } } });
		expect(smallestCapKeepingBase(none, estates).status).toBe('no_solution');
	});
});
