/**
 * Goal seek on the sample district's 48 relocation estates: for every subsidy preset the smallest cap and a
 * schedule step for a budget are found and pass their own check in planPortfolio; the searches stay fast enough
 * to run in the page (each plan evaluation is the full TypeScript plan).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/lib/engine/engine';
import { sampleEngine } from '../../sample-engine';
import { loadEstatePlanInputs } from '../../../../src/lib/queries/subsidy';
import { SUBSIDY_PRESETS, type EstatePlanInput } from '../../../../src/lib/domain/subsidy';
import { planTotal, policyWithParameter, scheduleForBudget, scheduleParameters, smallestCapKeepingBase } from '../../../../src/lib/domain/goal-seek';

let engine: Engine;
let inputs: EstatePlanInput[];
beforeAll(async () => {
	engine = await sampleEngine();
	inputs = await loadEstatePlanInputs(engine);
}, 120_000);
afterAll(() => engine?.close());

describe('goal seek on the sample district', () => {
	it('has the 48 relocation estates', () => {
		expect(inputs.length).toBe(48);
	});

	for (const preset of SUBSIDY_PRESETS) {
		it(`${preset.id}: smallest cap keeps every base and one fen less does not`, () => {
			const t0 = performance.now();
			const a = smallestCapKeepingBase(preset, inputs);
			const ms = performance.now() - t0;
			expect(a.status).toBe('solved');
			if (a.status !== 'solved') return;
			expect(a.check.ok).toBe(true);
			expect(a.value).toBeLessThanOrEqual(Math.max(...(a.byYear ?? []).map((y) => y.requested)));
			console.log(`[goal-seek] ${preset.id}: smallest cap ${a.value} in ${ms.toFixed(0)} ms, ${a.evaluations} evaluations`);
		});

		// Each search runs the whole plan 15-35 times: one parameter per preset keeps the file quick.
		for (const parameter of scheduleParameters(preset).slice(-1)) {
			it(`${preset.id}: ${parameter} for 90 % of the total at d = 0 is checked in the plan`, () => {
				const full = planTotal(policyWithParameter(preset, parameter, 0), inputs);
				const budget = Math.round(full * 0.9);
				const t0 = performance.now();
				const a = scheduleForBudget(preset, inputs, budget, parameter);
				const ms = performance.now() - t0;
				console.log(`[goal-seek] ${preset.id} ${parameter}: budget ${budget} → ${a.status === 'solved' ? `${a.value} (total ${a.total}, residual ${a.check.residual.toFixed(2)}, ${a.evaluations} evaluations)` : a.reason.en} in ${ms.toFixed(0)} ms`);
				if (a.status !== 'solved') {
					// A preset whose rewards alone exceed 90 % has no such step: the reason must say so.
					expect(a.reason.en).toMatch(/cannot meet the budget|nothing needs to change/);
					return;
				}
				expect(a.check.ok).toBe(true);
				expect(a.total as number).toBeLessThanOrEqual(budget + 0.01);
				expect(planTotal(policyWithParameter(preset, parameter, a.value), inputs)).toBeCloseTo(a.total as number, 2);
			});
		}
	}
});
