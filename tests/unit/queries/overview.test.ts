import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { createAllTablesSql } from '../../../src/lib/workspace/sample';
import { loadOverview } from '../../../src/lib/queries/overview';
import { qualityModelOf } from '../../../src/lib/queries/quality-sql';
import { DEFAULT_INDICATOR_SYSTEM } from '../../../src/lib/domain/indicator-system';

/**
 * Three estates worked by hand with the default system (weights: management 15, upkeep 10, elevator 6, fire 5,
 * water 3, facilities_other 6, order 15, cleaning 15, greening 8, customer_service 12, accounts 5; Q = 0.6 I + 0.4 S).
 *
 * A (commercial, high-rise): every indicator 80 except order 90; satisfaction 70.
 *   I = (80 × 85 + 90 × 15) / 100 = 81.5;  Q = 0.6 × 81.5 + 0.4 × 70 = 76.9.  Fee 2025: 2.20 元/㎡·月, collected 0.90.
 * B (sold public housing, multi-storey, no elevator): every indicator 70 except cleaning 85; no satisfaction.
 *   Weights without the elevator sum to 94: I = (70 × 79 + 85 × 15) / 94 = 6805 / 94 = 72.39362; Q = I (no satisfaction).
 *   Fee 24 元/户·月; mean unit area 6000 ㎡ / 100 households = 60 ㎡ → 24 / 60 = 0.40 元/㎡·月, collected 0.80.
 * C (relocation, multi-storey, no elevator): every indicator 60; satisfaction 50 → Q = 36 + 20 = 56. Fee 0.50, collected 0.60.
 * An older period (2025Q3) with scores of 10 must be ignored; A's older fee (2024: 2.00) too.
 *
 * District: mean Q = (76.9 + 72.39362 + 56) / 3 = 68.43121; mean fee = (2.20 + 0.40 + 0.50) / 3 = 1.03333;
 * mean collection = (0.90 + 0.80 + 0.60) / 3 = 0.76667.
 */
const ALL = ['management', 'upkeep', 'elevator', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];

function scoreRows(estate: string, period: string, scores: Record<string, number>): string[] {
	return Object.entries(scores).map(
		([ind, s]) => `('${estate}', '${period}', '${ind}', ${s}, '${ind === 'satisfaction' ? 'satisfaction' : 'inspection'}')`
	);
}
const uniform = (codes: string[], value: number, overrides: Record<string, number> = {}) =>
	Object.fromEntries(codes.map((c) => [c, overrides[c] ?? value]));

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
	for (const sql of createAllTablesSql()) await engine.exec(sql);
	await engine.exec(`INSERT INTO estates VALUES
		('A', '甲苑', '一街道', 'commercial', 'high', 2010, 10000, 100, true, '甲物业', 'market'),
		('B', '乙新村', '一街道', 'public_sold', 'multi', 1990, 6000, 100, false, '乙物业', 'guide'),
		('C', '丙家园', '二街道', 'relocation', 'multi', 2005, 8000, 100, false, '丙物业', 'guide')`);
	const noElevator = ALL.filter((c) => c !== 'elevator');
	const rows = [
		...scoreRows('A', '2025Q4', { ...uniform(ALL, 80, { order: 90 }), satisfaction: 70 }),
		...scoreRows('A', '2025Q3', { ...uniform(ALL, 10), satisfaction: 10 }),
		...scoreRows('B', '2025Q4', uniform(noElevator, 70, { cleaning: 85 })),
		...scoreRows('C', '2025Q4', { ...uniform(noElevator, 60), satisfaction: 50 })
	];
	await engine.exec(`INSERT INTO scores VALUES ${rows.join(', ')}`);
	await engine.exec(`INSERT INTO fees VALUES
		('A', 2024, 2.00, 'per_m2_month', 0.85), ('A', 2025, 2.20, 'per_m2_month', 0.90),
		('B', 2025, 24, 'per_household_month', 0.80), ('C', 2025, 0.50, 'per_m2_month', 0.60)`);
});
afterAll(() => engine?.close());

describe('overview figures in DuckDB against a hand-worked district', () => {
	it('computes Q, the current fee (with per-household conversion) and the district means', async () => {
		const o = await loadOverview(engine, qualityModelOf(DEFAULT_INDICATOR_SYSTEM));
		const byId = Object.fromEntries(o.points.map((p) => [p.estate_id, p]));
		expect(byId.A.q).toBeCloseTo(76.9, 6);
		expect(byId.B.q).toBeCloseTo(72.39362, 4);
		expect(byId.C.q).toBeCloseTo(56, 6);
		expect(byId.A.fee_m2).toBeCloseTo(2.2, 9);
		expect(byId.B.fee_m2).toBeCloseTo(0.4, 9);
		expect(byId.B.fee_converted).toBe(true);
		expect(byId.A.fee_converted).toBe(false);
		expect(o.totals).toMatchObject({ estates: 3, scored: 3, period: '2025Q4', fee_year: 2025 });
		expect(o.totals.mean_q).toBeCloseTo(68.43121, 4);
		expect(o.totals.mean_fee).toBeCloseTo(1.03333, 4);
		expect(o.totals.mean_collection).toBeCloseTo(0.76667, 4);
	});

	it("gives no Q to an estate scored only before the district's latest period", async () => {
		// Q is computed for the latest period alone (overview.ts): D's 2025Q3 scores must not stand in for 2025Q4.
		await engine.exec(`INSERT INTO estates VALUES ('D', '丁园', '二街道', 'commercial', 'multi', 2000, 5000, 50, false, NULL, 'market')`);
		await engine.exec(`INSERT INTO scores VALUES ${scoreRows('D', '2025Q3', uniform(ALL.filter((c) => c !== 'elevator'), 90)).join(', ')}`);
		try {
			const o = await loadOverview(engine, qualityModelOf(DEFAULT_INDICATOR_SYSTEM));
			const byId = Object.fromEntries(o.points.map((p) => [p.estate_id, p]));
			expect(byId.D.q).toBeNull();
			expect(byId.A.q).toBeCloseTo(76.9, 6);
			expect(o.totals).toMatchObject({ estates: 4, scored: 3, period: '2025Q4' });
			expect(o.totals.mean_q).toBeCloseTo(68.43121, 4); // D has no Q: still the mean of A, B and C
		} finally {
			await engine.exec(`DELETE FROM scores WHERE estate_id = 'D'`);
			await engine.exec(`DELETE FROM estates WHERE estate_id = 'D'`);
		}
	});

	it('shows estates without Q and without a period when there are no scores at all', async () => {
		const empty = await startNodeEngine();
		try {
			for (const sql of createAllTablesSql()) await empty.exec(sql);
			await empty.exec(`INSERT INTO estates VALUES ('A', '甲苑', '一街道', 'commercial', 'high', 2010, 10000, 100, true, '甲物业', 'market')`);
			const o = await loadOverview(empty, qualityModelOf(DEFAULT_INDICATOR_SYSTEM));
			expect(o.points.map((p) => [p.estate_id, p.q])).toEqual([['A', null]]);
			expect(o.totals).toMatchObject({ estates: 1, scored: 0, mean_q: null, period: null });
		} finally {
			await empty.close();
		}
	});

	it('groups by estate type and by estate type × building type', async () => {
		const o = await loadOverview(engine, qualityModelOf(DEFAULT_INDICATOR_SYSTEM));
		expect(o.byType.map((r) => [r.estate_type, r.estates])).toEqual([
			['commercial', 1],
			['relocation', 1],
			['public_sold', 1]
		]);
		const cell = o.feeMatrix.find((c) => c.estate_type === 'public_sold' && c.building_type === 'multi');
		expect(cell?.mean_fee).toBeCloseTo(0.4, 9);
	});
});
