/**
 * The subsidy plan on the sample district (240 estates, 48 of them relocation housing; scores and tickets
 * 2023-2025): every preset gives rows for the 48 relocation estates in each plan year, the SQL plan equals the
 * TypeScript plan built from the same tables, and a binding cap behaves under each rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';
import { loadEstatePlanInputs, loadSubsidyPlan, loadSubsidyVariants } from '../../../src/lib/queries/subsidy';
import {
	SUBSIDY_PRESETS,
	SHAOXING_SPLIT,
	XIAMEN_DECLINING,
	FINANCE_PAID_3Y,
	comparePlans,
	definePolicy,
	explainEstate,
	explainRow,
	planPortfolio,
	type EstatePlanInput,
	type Plan
} from '../../../src/lib/domain/subsidy';

let engine: Engine;
let inputs: EstatePlanInput[];
beforeAll(async () => {
	engine = await sampleEngine();
	inputs = await loadEstatePlanInputs(engine);
}, 120_000);
afterAll(() => engine?.close());

const rel = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSame(sql: Plan, ts: Plan) {
	expect(sql.rows.length).toBe(ts.rows.length);
	expect(sql.latestDataYear).toBe(ts.latestDataYear);
	const bad: string[] = [];
	sql.rows.forEach((row, i) => {
		for (const [k, v] of Object.entries(row)) {
			const o = (ts.rows[i] as Record<string, unknown>)[k];
			if (!(typeof v === 'number' && typeof o === 'number' ? rel(v, o) : v === o)) bad.push(`${row.estate_id}/${row.year} ${k}: ${String(v)} vs ${String(o)}`);
		}
	});
	expect(bad.slice(0, 5)).toEqual([]);
}

describe('subsidy plan on the sample district', () => {
	it('loads the 48 relocation estates as plan inputs', () => {
		expect(inputs).toHaveLength(48);
		expect(inputs.every((e) => e.quality.length > 0 && e.tickets.length > 0 && e.fees.length > 0)).toBe(true);
	});

	for (const preset of SUBSIDY_PRESETS) {
		it(`${preset.id}: rows for 48 estates × 5 years, equal in SQL and TypeScript`, { timeout: 90_000 }, async () => {
			const sql = await loadSubsidyPlan(engine, preset);
			expect(sql.latestDataYear).toBe(2025);
			expect(new Set(sql.rows.map((r) => r.estate_id)).size).toBe(48);
			expect(sql.rows).toHaveLength(48 * 5);
			expect(sql.totals.map((t) => [t.year, t.estates])).toEqual(preset.years.map((y) => [y, 48]));
			expectSame(sql, planPortfolio(preset, inputs));
		});
	}

	it('Shaoxing: assessment scores from the sample tickets, some estates below the collection floor', async () => {
		const plan = await loadSubsidyPlan(engine, SHAOXING_SPLIT);
		const y = plan.rows.filter((r) => r.year === 2026);
		expect(y.every((r) => r.opened > 0 && r.score !== null && r.data_year === 2025)).toBe(true);
		expect(y.some((r) => r.reward_status === 'collection_below_floor')).toBe(true);
		expect(y.some((r) => r.reward_status === 'paid' && r.reward > 0)).toBe(true);
		expect(plan.totals[0].withheld).toBeGreaterThan(0);
		const steps = explainRow(SHAOXING_SPLIT, y[0]);
		expect(steps.map((s) => s.en.split(/[ :(]/)[0])).toEqual(['2026', 'Assessment', 'Base', 'Reward', 'No']);
		// the single-estate explanation from the estate's own rows matches the SQL plan
		const [one] = await loadEstatePlanInputs(engine, undefined, [y[0].estate_id]);
		const explained = explainEstate(SHAOXING_SPLIT, one, plan);
		expect(explained.map((x) => x.differsFromPlan)).toEqual([false, false, false, false, false]);
		expect(explained[0].assessment.parts.map((p) => p.part)).toEqual(['q', 'handling', 'onTime', 'median']);
	});

	it('a binding cap under each rule pays exactly the cap and agrees with TypeScript', { timeout: 120_000 }, async () => {
		const uncapped = await loadSubsidyPlan(engine, SHAOXING_SPLIT);
		const cap = Math.round(uncapped.totals[0].requested * 0.6);
		for (const rule of ['pro_rata', 'largest_gap_first', 'lowest_score_first'] as const) {
			const policy = definePolicy({ ...SHAOXING_SPLIT, id: `capped-${rule}`, budget: { caps: cap, rule } });
			const sql = await loadSubsidyPlan(engine, policy);
			for (const t of sql.totals) {
				expect(t.binding).toBe(true);
				expect(rel(t.paid, cap)).toBe(true);
				expect(t.partial_estate_id === null).toBe(rule === 'pro_rata');
			}
			expectSame(sql, planPortfolio(policy, inputs));
		}
	});

	it('compares three presets', { timeout: 90_000 }, async () => {
		const plans = await loadSubsidyVariants(engine, [SHAOXING_SPLIT, XIAMEN_DECLINING, FINANCE_PAID_3Y]);
		const c = comparePlans(plans.map((plan) => ({ label: plan.policyId, plan })));
		expect(c.estates).toHaveLength(48);
		expect(c.years).toHaveLength(5);
		// finance-paid: nothing in the last two years
		expect(c.years[3].byVariant[2]?.paid).toBe(0);
		expect(c.years[4].byVariant[2]?.paid).toBe(0);
	});
});
