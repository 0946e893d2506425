import { describe, expect, it } from 'vitest';
import { evaluateProposals, type ProposalContext } from '$lib/domain';
import { HIGH_LADDER, SMALL_DISTRIBUTION, WORKED } from './fixtures';

/**
 * Context: the worked example (10,000 m², 136,800 yuan/year, lump sum, 6% VAT, 76% collection), grade 3
 * now at 1.50, guide prices of the illustrative high-rise ladder, negotiating range floor 1.7172
 * (1.305072 ÷ 0.76) and ceiling 1.6667 (1.50 ÷ 0.9): a gap.
 */
const CONTEXT: ProposalContext = {
	currentFee: 1.5,
	currentGrade: 3,
	cost: WORKED,
	unitSizes: SMALL_DISTRIBUTION,
	guidePrices: HIGH_LADDER,
	range: { floor: 1.7172, ceiling: 1.5 / 0.9 }
};

describe('evaluateProposals', () => {
	const [a, b, c, d] = evaluateProposals(CONTEXT, [
		{ label: 'A', fee_m2: 1.8, promisedGrade: 2 },
		{ label: 'B', fee_m2: 1.5, promisedGrade: 3, costChanges: { order: -20_000 } },
		{ label: 'C', fee_m2: 1.3, promisedGrade: 3, costChanges: { order: 30_000 } },
		{ label: 'D', fee_m2: 1.7, promisedGrade: 3 }
	]);

	it('a year\'s income is billed at the rounded fee: 1.456 → 1.46 × 10,000 ㎡ × 12 = 175,200.00 (not 174,720)', () => {
		const [r] = evaluateProposals(CONTEXT, [{ label: 'R', fee_m2: 1.456, promisedGrade: 3 }]);
		expect(r.annualRevenueFull).toBe(175_200);
		// collected at 76 %: 133,152.00
		expect(r.annualRevenueCollected).toBe(133_152);
		expect(r.bills.billedFee).toBe(1.46);
	});

	it('A at 1.80: collected 164,160, VAT 9,292.08, firm surplus 18,067.92', () => {
		// collected = 1.8 × 10,000 × 12 × 0.76 = 164,160
		// VAT inside the price = 164,160 × 0.06 ÷ 1.06 = 9,292.0755
		// surplus = 164,160 − 9,292.0755 − 136,800 = 18,067.9245
		expect(a.annualRevenueFull).toBeCloseTo(216_000, 6);
		expect(a.annualRevenueCollected).toBeCloseTo(164_160, 6);
		expect(a.annualVat).toBeCloseTo(9292.0754717, 4);
		expect(a.surplus).toBeCloseTo(18_067.9245283, 4);
		expect(a.surplusBelongsTo).toBe('firm');
		expect(a.feeChange).toBeCloseTo(0.3, 12);
		expect(a.feeChangeShare).toBeCloseTo(0.2, 12);
	});

	it('A: households pay 108 / 162 a month; the median home 27 more than at 1.50 (135)', () => {
		expect(a.bills.monthly).toMatchObject({ min: 108, max: 162 });
		expect(a.bills.monthly?.median).toBeCloseTo(162, 9);
		expect(a.medianMonthlyBillChange).toBeCloseTo(27, 9);
	});

	it('A: QPR 1.50 ÷ 1.80 = 0.833 against today’s grade (price above quality), 1.90 ÷ 1.80 = 1.056 against the promised grade 2 (matched)', () => {
		expect(a.qprCurrent.qpr).toBeCloseTo(0.833333, 6);
		expect(a.qprCurrent.band).toBe('price_above_quality');
		expect(a.qprPromised.qpr).toBeCloseTo(1.055556, 6);
		expect(a.qprPromised.band).toBe('matched');
		expect(a.position?.position).toBe('above_ceiling');
	});

	it('B at 1.50 with 20,000 less order cost: surplus 136,800 − 7,743.40 − 116,800 = 12,256.60', () => {
		expect(b.annualCost).toBe(116_800);
		expect(b.annualRevenueCollected).toBeCloseTo(136_800, 6);
		expect(b.surplus).toBeCloseTo(12_256.6037736, 4);
		expect(b.qprCurrent.band).toBe('matched');
		expect(b.position?.position).toBe('below_floor');
		expect(b.medianMonthlyBillChange).toBe(0);
	});

	it('C at 1.30 with 30,000 more order cost: deficit 118,560 − 6,710.94 − 166,800 = −54,950.94', () => {
		expect(c.annualCost).toBe(166_800);
		expect(c.surplus).toBeCloseTo(-54_950.9433962, 4);
		expect(c.explanation.surplus.text.en).toBe('118,560 − 6,711 − 166,800 = -54,951 yuan/year');
	});

	it('D at 1.70 falls in the gap between the ceiling 1.6667 and the floor 1.7172', () => {
		expect(d.position?.position).toBe('in_gap');
	});

	it('under 酬金制 the balance is the owners’: 164,160 − 820.80 − 136,800 − 13,680 = 12,859.20', () => {
		// commission 10% × 136,800 = 13,680; VAT on the commission only: 13,680 × 0.06 = 820.80
		const [r] = evaluateProposals({ ...CONTEXT, cost: { ...WORKED, contract: 'commission', commission: { kind: 'rate', rate: 0.1 } } }, [
			{ label: 'A', fee_m2: 1.8, promisedGrade: 2 }
		]);
		expect(r.annualCommission).toBeCloseTo(13_680, 6);
		expect(r.annualVat).toBeCloseTo(820.8, 6);
		expect(r.surplus).toBeCloseTo(12_859.2, 6);
		expect(r.surplusBelongsTo).toBe('owners');
	});

	it('a grade without a guide price gives no QPR; no range gives no position', () => {
		const [r] = evaluateProposals({ ...CONTEXT, guidePrices: { 3: 1.5 }, range: null }, [{ label: 'A', fee_m2: 1.8, promisedGrade: 1 }]);
		expect(r.qprPromised.qpr).toBeNull();
		expect(r.position).toBeNull();
	});

	it('rejects a fee ≤ 0 and a saving larger than the item', () => {
		expect(() => evaluateProposals(CONTEXT, [{ label: 'X', fee_m2: 0, promisedGrade: 3 }])).toThrow(RangeError);
		expect(() => evaluateProposals(CONTEXT, [{ label: 'X', fee_m2: 1, promisedGrade: 3, costChanges: { staff: -1 } }])).toThrow(RangeError);
	});
});
