import { describe, expect, it } from 'vitest';
import { tornado } from '$lib/domain';

/**
 * Hand case: staff 60,000, order 30,000, cleaning 10,000 yuan/year on 1,000 m²; lump sum, 10% profit,
 * no VAT, 80% collection. Unit cost 100,000 ÷ 12 ÷ 1,000 = 8.3333; fee × 1.1 = 9.1667; break-even ÷ 0.8
 * = 11.4583. Swings of the break-even fee at ±10%:
 * - collection 0.72 / 0.88: 9.1667 ÷ 0.72 − 9.1667 ÷ 0.88 = 12.7315 − 10.4167 = 2.3148
 * - staff ±6,000: 2 × 6,000 ÷ 12 ÷ 1,000 × 1.1 ÷ 0.8 = 1.375
 * - order ±3,000: 0.6875
 * - cleaning ±1,000: 0.2292
 * - profit 9% / 11%: 8.3333 × 0.02 ÷ 0.8 = 0.2083
 * - the seven empty items: 0
 */
const CASE = {
	costs: { staff: 60_000, order: 30_000, cleaning: 10_000 },
	chargeableAreaM2: 1000,
	profitRate: 0.1,
	vatRate: 0,
	collectionRate: 0.8
};

describe('tornado', () => {
	const t = tornado(CASE);

	it('base break-even fee 11.4583', () => {
		expect(t.baseFee).toBeCloseTo(11.458333, 6);
		expect(t.step).toBe(0.1);
	});

	it('orders collection > staff > order > cleaning > profit > empty items', () => {
		expect(t.bars.slice(0, 5).map((b) => b.factor)).toEqual(['collection_rate', 'staff', 'order', 'cleaning', 'profit_rate']);
		expect(t.bars.slice(5).every((b) => b.swing === 0)).toBe(true);
		// ties keep the legal order of the items
		expect(t.bars.slice(5).map((b) => b.factor)).toEqual(['facilities', 'greening', 'insurance', 'office', 'management', 'depreciation', 'other']);
	});

	it('swings by hand', () => {
		const swing = Object.fromEntries(t.bars.map((b) => [b.factor, b.swing]));
		expect(swing.collection_rate).toBeCloseTo(2.314815, 6);
		expect(swing.staff).toBeCloseTo(1.375, 9);
		expect(swing.order).toBeCloseTo(0.6875, 9);
		expect(swing.cleaning).toBeCloseTo(0.229167, 6);
		expect(swing.profit_rate).toBeCloseTo(0.208333, 6);
	});

	it('a higher collection rate lowers the fee; a higher cost raises it', () => {
		const coll = t.bars.find((b) => b.factor === 'collection_rate');
		expect(coll?.feeAtHigh).toBeLessThan(coll?.feeAtLow ?? 0);
		const staff = t.bars.find((b) => b.factor === 'staff');
		expect(staff?.feeAtHigh).toBeGreaterThan(staff?.feeAtLow ?? Infinity);
	});

	it('a collection rate near 100% is capped at 100%', () => {
		const c = tornado({ ...CASE, collectionRate: 0.95 }).bars.find((b) => b.factor === 'collection_rate');
		expect(c?.highValue).toBe(1);
		expect(c?.capped).toBe(true);
	});

	it('on the fee at full collection the collection rate has no effect', () => {
		const f = tornado(CASE, { metric: 'fee' });
		expect(f.bars[0].factor).toBe('staff');
		expect(f.bars.find((b) => b.factor === 'collection_rate')?.swing).toBe(0);
	});

	it('a 酬金制 build-up has a commission-rate bar instead of profit', () => {
		const c = tornado({ ...CASE, contract: 'commission', commission: { kind: 'rate', rate: 0.1 } });
		expect(c.bars.some((b) => b.factor === 'commission_rate')).toBe(true);
		expect(c.bars.some((b) => b.factor === 'profit_rate')).toBe(false);
	});
});
