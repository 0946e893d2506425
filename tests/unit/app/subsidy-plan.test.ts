/**
 * The subsidy page's model without the page: its three loads (the draft's plan after the typing pause, the
 * variants' plans, the explained estate's facts) with loaders that compute the plan in TypeScript and hand back
 * plain promises, settled in the order a slow engine would; and what the page derives, on hand-worked figures.
 */
import { describe, expect, it } from 'vitest';
import { definePolicy, planPortfolio, SHAOXING_SPLIT, XIAMEN_DECLINING, type EstatePlanInput, type Plan, type Policy } from '$lib/domain/subsidy';
import { defaultQualityModel } from '../../../src/lib/queries/subsidy';
import {
	SubsidyPlanModel,
	comparisonOf,
	failingOfYear,
	findEstates,
	planTotals,
	planYears,
	rowsOfYear,
	shownYear,
	type SubsidyLoaders
} from '../../../src/lib/app/subsidy-plan.svelte';

/** A relocation estate with one 2025 score period (Q) and one 2025 fee row of 0.50 元/㎡·月. */
function estate(id: string, building_type: 'multi' | 'high', q = 80): EstatePlanInput {
	return {
		estate_id: id,
		name: `小区${id}`,
		building_type,
		area_m2: 10_000,
		households: 100,
		quality: [{ period: '2025Q2', q }],
		tickets: [],
		fees: [{ year: 2025, fee: 0.5, fee_unit: 'per_m2_month', collection_rate: 0.9 }]
	};
}
const ESTATES = [estate('M', 'multi'), estate('H', 'high')];
const model = defaultQualityModel();

/** Loaders over the TypeScript plan, counting the plans asked for; `gate` holds a plan back until released. */
function loaders(gate?: Map<string, Promise<void>>) {
	const asked: string[] = [];
	const l: SubsidyLoaders = {
		async plan(policy) {
			asked.push(policy.id);
			await gate?.get(policy.id);
			return planPortfolio(policy, ESTATES);
		},
		async variants(policies) {
			asked.push(`variants:${policies.length}`);
			return policies.map((p) => planPortfolio(p, ESTATES));
		},
		async estate(_m, id) {
			asked.push(`estate:${id}`);
			return ESTATES.find((e) => e.estate_id === id) ?? null;
		}
	};
	return { l, asked };
}

const renamed = (p: Policy, id: string): Policy => definePolicy({ ...p, id });

describe('SubsidyPlanModel loads', () => {
	it('runs the draft only once typing pauses: an edit overtaken during the pause never reaches the engine', async () => {
		const { l, asked } = loaders();
		const m = new SubsidyPlanModel(l, 20);
		const first = m.draft.run(m.planLoad(renamed(XIAMEN_DECLINING, 'typing-1'), model));
		const second = m.draft.run(m.planLoad(renamed(XIAMEN_DECLINING, 'typing-2'), model));
		await Promise.all([first, second]);
		expect(asked).toEqual(['typing-2']);
		expect(m.planPolicy?.id).toBe('typing-2');
		expect(m.failure).toBeNull();
	});

	it('drops a slow plan that a newer draft overtook after the pause', async () => {
		let release!: () => void;
		const gate = new Map([['slow', new Promise<void>((r) => (release = r))]]);
		const { l } = loaders(gate);
		const m = new SubsidyPlanModel(l, 0);
		const slow = m.draft.run(m.planLoad(renamed(SHAOXING_SPLIT, 'slow'), model));
		await new Promise((r) => setTimeout(r, 5)); // the slow plan is now in the engine
		await m.draft.run(m.planLoad(renamed(XIAMEN_DECLINING, 'fast'), model));
		release();
		await slow;
		expect(m.planPolicy?.id).toBe('fast');
		// Xiamen-style: the multi-storey estate's base in 2026 is 50 % of 0.70 × 10,000 ㎡ × 12 = 42,000.
		expect(m.plan?.rows.find((r) => r.estate_id === 'M' && r.year === 2026)?.base).toBe(42_000);
	});

	it('shows a failure, keeps the last plan beside it, and clears it on the next success', async () => {
		const { l } = loaders();
		const m = new SubsidyPlanModel({ ...l, plan: () => Promise.reject(new Error('Binder Error: column fee_unit not found')) }, 0);
		await m.draft.run(m.planLoad(XIAMEN_DECLINING, model));
		expect(m.failure).toBe('Binder Error: column fee_unit not found');
		expect(m.plan).toBeNull();
		const ok = new SubsidyPlanModel(l, 0);
		await ok.draft.run(ok.planLoad(XIAMEN_DECLINING, model));
		expect(ok.failure).toBeNull();
		expect(ok.plan).not.toBeNull();
	});

	it('loads no variants without variants, and shows none while they are recomputed', async () => {
		const { l, asked } = loaders();
		const m = new SubsidyPlanModel(l, 0);
		await m.variants.run(m.variantsLoad([], model));
		expect(m.variantPlans).toEqual([]);
		expect(asked).toEqual([]);
		const pending = m.variants.run(m.variantsLoad([SHAOXING_SPLIT], model));
		expect(m.variantPlans).toBeNull();
		await pending;
		expect(m.variantPlans?.length).toBe(1);
		expect(asked).toEqual(['variants:1']);
	});

	it("explains the selected estate with the plan's own policy, and nothing for facts of another estate", async () => {
		const { l, asked } = loaders();
		const m = new SubsidyPlanModel(l, 0);
		await m.draft.run(m.planLoad(XIAMEN_DECLINING, model));
		await m.estate.run(m.estateLoad(null, model));
		expect(m.explanations()).toBeNull();
		m.explain('M', 2027);
		await m.estate.run(m.estateLoad(m.selectedId, model));
		expect(asked).toEqual([XIAMEN_DECLINING.id, 'estate:M']);
		const ex = m.explanations();
		expect(ex?.map((e) => e.year)).toEqual(XIAMEN_DECLINING.years);
		expect(m.explainYear).toBe(2027);
		m.selectedId = 'H';
		expect(m.explanations()).toBeNull();
	});
});

describe('what the subsidy page derives', () => {
	const plan: Plan = planPortfolio(XIAMEN_DECLINING, ESTATES);

	it('the years, the year shown and its rows', () => {
		const years = planYears(plan);
		expect(years).toEqual([2026, 2027, 2028, 2029, 2030]);
		expect(shownYear(years, 2028)).toBe(2028);
		expect(shownYear(years, 2035)).toBe(2026);
		expect(shownYear([], null)).toBe(0);
		expect(rowsOfYear(plan, 2028).map((r) => [r.estate_id, r.base])).toEqual([
			['H', 61_200],
			['M', 33_600]
		]);
		expect(rowsOfYear(null, 2028)).toEqual([]);
	});

	it('finds estates by name or id, ignoring case and spaces around', () => {
		const rows = rowsOfYear(plan, 2026);
		expect(findEstates(rows, ' 小区m ').map((r) => r.estate_id)).toEqual(['M']);
		expect(findEstates(rows, 'h').map((r) => r.estate_id)).toEqual(['H']);
		expect(findEstates(rows, '').length).toBe(2);
	});

	/**
	 * Multi-storey: 42,000 + 42,000 + 33,600 + 25,200 + 16,800 = 159,600; high-rise (owners billed the rounded
	 * 0.64, 0.64, 0.77, 0.90, 1.02 of 1.28): 76,800 + 76,800 + 61,200 + 45,600 + 31,200 = 291,600. No cap, no reward.
	 */
	it('totals paid and requested over the plan years', () => {
		expect(planTotals(plan)).toEqual({ paid: 451_200, requested: 451_200, binding: 0 });
		expect(planTotals(null)).toEqual({ paid: 0, requested: 0, binding: 0 });
		expect(failingOfYear(plan, 2026)).toEqual([]);
	});

	it('compares only once every variant has its plan', () => {
		const v = [{ label: '绍兴式' }];
		expect(comparisonOf({ label: '草稿', plan }, v, null)).toBeNull();
		expect(comparisonOf({ label: '草稿', plan }, [], [])).toBeNull();
		const c = comparisonOf({ label: '草稿', plan }, v, [planPortfolio(SHAOXING_SPLIT, ESTATES)]);
		expect(c?.variants.map((x) => x.label)).toEqual(['草稿', '绍兴式']);
		expect(c?.overall[0].paid).toBe(451_200);
	});
});
