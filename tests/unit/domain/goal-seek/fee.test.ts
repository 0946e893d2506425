/**
 * Goal seek in the negotiation: break-even fee at a collection rate, and the collection rate at which a fee
 * breaks even. Every answer is put back into the app's own forward calculation (computeCostFee,
 * evaluateProposals) and must agree to 0.01 元 (yuan/year) or 0.0005 元/㎡·月.
 */
import { describe, expect, it } from 'vitest';
import { breakEvenFeeAt, collectionToCover } from '$lib/domain/goal-seek';
import { computeCostFee, evaluateProposals, type CostFeeInput } from '$lib/domain';
import { WORKED } from '../negotiation/fixtures';

/** 1,200,000 元/年 on 50,000 ㎡, no profit, no VAT: the bare cost, 2.00 元/㎡·月 (1,200,000 ÷ 12 ÷ 50,000). */
const BARE: CostFeeInput = { costs: { staff: 1_200_000 }, chargeableAreaM2: 50_000, profitRate: 0, vatRate: 0 };

function solved<T extends { status: string }>(a: T): Extract<T, { status: 'solved' }> {
	expect(a.status).toBe('solved');
	return a as Extract<T, { status: 'solved' }>;
}

/** The firm's surplus in the proposals table at a fee and collection rate. */
function surplus(cost: CostFeeInput, fee: number, collectionRate: number): number {
	const ctx = { currentFee: fee, currentGrade: 3 as const, cost: { ...cost, collectionRate }, unitSizes: [], guidePrices: {} };
	return evaluateProposals(ctx, [{ label: 'x', fee_m2: fee, promisedGrade: 3 }])[0].surplus;
}

describe('break-even fee at a collection rate', () => {
	it('cost 1,200,000 on 50,000 ㎡ at 80 %: 1,200,000 ÷ (50,000 × 12 × 0.8) = 2.50', () => {
		const a = solved(breakEvenFeeAt(BARE, 0.8));
		expect(a.method).toBe('closed_form');
		expect(a.value).toBeCloseTo(2.5, 12);
		expect(a.check.ok).toBe(true);
		expect(Math.abs(a.check.residual)).toBeLessThan(0.0005);
		// Put back: the floor at 80 % is 2.50, and billed at 2.50 the firm collects 2.5 × 50,000 × 12 × 0.8 = 1,200,000: surplus 0.
		expect(computeCostFee({ ...BARE, collectionRate: 0.8 }).breakEvenFee).toBeCloseTo(2.5, 2);
		expect(a.billed?.fee).toBe(2.5);
		expect(a.billed?.check.ok).toBe(true);
		expect(Math.abs(surplus(BARE, 2.5, 0.8))).toBeLessThanOrEqual(0.01);
		expect(a.equation.zh).toContain('2.5');
		expect(a.equation.en).toContain('80%');
	});

	it('the worked example with 8 % profit and 6 % VAT at 76 %: 1.14 × 1.08 × 1.06 ÷ 0.76 = 1.7172', () => {
		// Unit cost 136,800 ÷ 12 ÷ 10,000 = 1.14; fee 1.305072; ÷ 0.76 = 1.7172 exactly.
		const a = solved(breakEvenFeeAt(WORKED, 0.76));
		expect(a.value).toBeCloseTo(1.7172, 10);
		expect(a.check.ok).toBe(true);
		// Billed to the fen, rounded up: 1.72. Collected 1.72 × 10,000 × 12 × 0.76 = 156,864; VAT 156,864 × 0.06 ÷ 1.06
		// = 8,879.09; surplus 156,864 − 8,879.09 − 136,800 = 11,184.91 ≥ profit 136,800 × 8 % = 10,944.
		expect(a.billed?.fee).toBe(1.72);
		const s = surplus(WORKED, 1.72, 0.76);
		expect(s).toBeCloseTo(11_184.91, 2);
		expect(a.billed?.check.residual).toBeCloseTo(11_184.91 - 10_944, 2);
		expect(a.billed?.check.ok).toBe(true);
	});

	it('with 10 % of the area vacant paying half: billable share 0.95, 2.00 ÷ (0.8 × 0.95) = 2.6316', () => {
		const a = solved(breakEvenFeeAt({ ...BARE, vacancy: { vacantShare: 0.1, paidShare: 0.5 } }, 0.8));
		expect(a.value).toBeCloseTo(2 / 0.76, 12);
		expect(a.check.ok).toBe(true);
		expect(a.billed?.fee).toBe(2.64);
	});

	it('commission contract: 2.00 + 10 % commission + 6 % VAT on it = 2.212; ÷ 0.8 = 2.765', () => {
		const cost: CostFeeInput = { ...BARE, contract: 'commission', commission: { kind: 'rate', rate: 0.1 }, vatRate: 0.06 };
		const a = solved(breakEvenFeeAt(cost, 0.8));
		expect(a.value).toBeCloseTo(2.765, 12);
		// Billed 2.77: 2.77 × 600,000 × 0.8 = 1,329,600 − VAT 7,200 − 1,200,000 − commission 120,000 = 2,400 ≥ 0.
		expect(a.billed?.fee).toBe(2.77);
		expect(surplus(cost, 2.77, 0.8)).toBeCloseTo(2_400, 2);
		expect(a.billed?.check.ok).toBe(true);
	});

	it('no break-even fee at 0 % or above 100 %', () => {
		for (const c of [0, -0.1, 1.2, Number.NaN]) {
			const a = breakEvenFeeAt(BARE, c);
			expect(a.status).toBe('no_solution');
			if (a.status === 'no_solution') expect(a.reason.en).toMatch(/above 0 and at most 100/);
		}
	});
});

describe('collection rate at which a proposal breaks even', () => {
	it('2.50 on cost 1,200,000 and 50,000 ㎡: 1,200,000 ÷ (2.50 × 50,000 × 12) = 80 %', () => {
		const a = solved(collectionToCover(BARE, { fee_m2: 2.5 }));
		expect(a.method).toBe('bisection');
		expect(a.value).toBeCloseTo(0.8, 9);
		expect(a.check.ok).toBe(true);
		expect(Math.abs(surplus(BARE, 2.5, a.value))).toBeLessThanOrEqual(0.01);
	});

	it('1.80 in the worked example: collected must be (136,800 + 10,944) × 1.06 = 156,608.64 → ÷ 216,000 = 72.504 %', () => {
		const a = solved(collectionToCover(WORKED, { fee_m2: 1.8 }));
		expect(a.value).toBeCloseTo(0.72504, 7);
		// Put back into the proposals table: the surplus equals the 8 % profit, 10,944.00, to the fen.
		expect(Math.abs(surplus(WORKED, 1.8, a.value) - 10_944)).toBeLessThanOrEqual(0.01);
		expect(Math.abs(a.check.residual)).toBeLessThanOrEqual(0.01);
		expect(a.check.ok).toBe(true);
	});

	it('a proposal with cost changes: two more guards (+96,000) at 1.80 need (232,800 × 1.08) × 1.06 ÷ 216,000 = 123.4 %: none', () => {
		// Cost 136,800 + 96,000 = 232,800; with 8 % profit and 6 % VAT the fee needed in full is 2.22 > 1.80.
		const a = collectionToCover(WORKED, { fee_m2: 1.8, costChanges: { order: 96_000 } });
		expect(a.status).toBe('no_solution');
	});

	it('no collection rate ≤ 100 % covers 1.50 when the bare cost is 2.00', () => {
		const a = collectionToCover(BARE, { fee_m2: 1.5 });
		expect(a.status).toBe('no_solution');
		if (a.status === 'no_solution') {
			// At 100 %: 1.50 × 600,000 = 900,000 < 1,200,000; it would take 2.00 ÷ 1.50 = 133.33 %.
			expect(a.reason.en).toContain('900,000.00');
			expect(a.reason.en).toContain('133.33%');
		}
	});

	it('round trip: the fee that breaks even at 76 %, billed to the fen, breaks even at or below 76 %', () => {
		const fee = solved(breakEvenFeeAt(WORKED, 0.76)).billed?.fee as number;
		const c = solved(collectionToCover(WORKED, { fee_m2: fee }));
		expect(c.value).toBeLessThanOrEqual(0.76);
		expect(c.value).toBeGreaterThan(0.75);
	});
});
