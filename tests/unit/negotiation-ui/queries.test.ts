import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';
import { estateDataFlags, estateNegotiationData, latestBudget } from '../../../src/lib/queries/negotiation';

let engine: Engine;
beforeAll(async () => {
	engine = await sampleEngine();
}, 120_000); // engine start-up is slow on a loaded machine
afterAll(async () => {
	await engine?.close();
});

describe('negotiation queries on the sample district', () => {
	it('lists which estates have a budget, unit sizes and votes', async () => {
		const flags = await estateDataFlags(engine);
		expect(flags).toHaveLength(240);
		expect(flags.filter((f) => f.budget_year !== null)).toHaveLength(40);
		expect(flags.find((f) => f.estate_id === 'LJ0192')).toEqual({ estate_id: 'LJ0192', budget_year: 2025, unit_sizes: 3, votes: 1 });
		expect(flags.find((f) => f.estate_id === 'LJ0070')?.votes).toBe(2);
	});

	it('reads one estate’s budgets, unit sizes and votes as typed rows', async () => {
		const d = await estateNegotiationData(engine, 'LJ0192');
		expect(d.budgets.map((b) => b.year)).toEqual([2024, 2025]);
		// data/sample/costs.csv, LJ0192, 2025
		expect(latestBudget(d)?.items).toEqual({
			staff: 874614,
			facilities: 79891,
			greening: 62339,
			cleaning: 44343,
			order: 80799,
			insurance: 10826,
			office: 27119,
			management: 39677,
			depreciation: 12533,
			other: 5373
		});
		expect(d.unitSizes).toEqual([
			{ unit_area_m2: 53, households: 566 },
			{ unit_area_m2: 85, households: 1703 },
			{ unit_area_m2: 122, households: 84 }
		]);
		expect(d.votes).toEqual([
			{
				motion: '物业费由0.40元/㎡·月调整为0.45元/㎡·月',
				motion_kind: 'ordinary',
				owners_total: 2203,
				area_total_m2: 185001,
				owners_participating: 1562,
				area_participating_m2: 126174.9,
				owners_yes: 617,
				area_yes_m2: 48694.8
			}
		]);
	});

	it('an estate without data gives empty lists, and a quote in an id is harmless', async () => {
		const d = await estateNegotiationData(engine, "LJ'0001");
		expect(d).toEqual({ estateId: "LJ'0001", budgets: [], unitSizes: [], votes: [] });
	});
});
