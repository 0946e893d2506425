import { describe, expect, it } from 'vitest';
import { DEFAULT_UNIT_SIZE_SHARES, defaultUnitSizes, householdBills } from '$lib/domain';
import { SMALL_DISTRIBUTION } from './fixtures';

describe('householdBills', () => {
	it('1.5 元/㎡·月 on 10 × 60 m² and 20 × 90 m²', () => {
		// bills: 60 × 1.5 = 90 and 90 × 1.5 = 135 a month (1,080 and 1,620 a year)
		// revenue: (10 × 90 + 20 × 135) × 12 = 3,600 × 12 = 43,200; at 76%: 32,832
		// median: 30 households, the 15th and 16th (by bill) both pay 135
		const r = householdBills(SMALL_DISTRIBUTION, 1.5);
		expect(r.buckets.map((b) => [b.unitAreaM2, b.monthly, b.annual])).toEqual([
			[60, 90, 1080],
			[90, 135, 1620]
		]);
		expect(r.households).toBe(30);
		expect(r.areaM2).toBe(2400);
		expect(r.monthly).toEqual({ min: 90, median: 135, max: 135, mean: 120 });
		expect(r.annualRevenueFull).toBeCloseTo(43_200, 9);
		expect(r.annualRevenueCollected).toBeCloseTo(32_832, 9);
		expect(r.collectionRateProvenance.tag).toBe('V');
		expect(r.explanation.text.en).toContain('= 43,200 yuan/year; × 76% = 32,832 yuan/year');
	});

	it('bills from the rounded fee: 1.456 is billed as 1.46 元/㎡·月 (docs/sources.md §15)', () => {
		// 1.46 × 88.5 = 129.21 a month; 1.46 × 61.3 = 89.498 → 89.50 (to the fen)
		// 3 × 129.21 + 2 × 89.50 = 387.63 + 179.00 = 566.63 a month; × 12 = 6,799.56 a year
		// at 76 %: 5,167.6656 → 5,167.67. From the unrounded fee it would read 1.456 × 388.1 × 12 = 6,780.8832.
		const r = householdBills(
			[
				{ unit_area_m2: 88.5, households: 3 },
				{ unit_area_m2: 61.3, households: 2 }
			],
			1.456
		);
		expect(r.billedFee).toBe(1.46);
		expect(r.buckets.map((b) => [b.monthlyFen, b.annualFen])).toEqual([
			[8_950, 107_400],
			[12_921, 155_052]
		]);
		expect(r.annualRevenueFullFen).toBe(679_956);
		expect(r.annualRevenueFull).toBe(6_799.56);
		expect(r.annualRevenueCollectedFen).toBe(516_767);
		// the year is the sum of the households' bills as written
		expect(r.buckets.reduce((s, b) => s + b.households * b.annualFen, 0)).toBe(r.annualRevenueFullFen);
	});

	it('an even split takes the mean of the two middle households: (90 + 135) / 2 = 112.5', () => {
		const r = householdBills(
			[
				{ unit_area_m2: 60, households: 1 },
				{ unit_area_m2: 90, households: 1 }
			],
			1.5
		);
		expect(r.monthly?.median).toBe(112.5);
	});

	it('per household: 24 元/户·月 is the same bill everywhere; 30 × 24 × 12 = 8,640 a year', () => {
		const r = householdBills(SMALL_DISTRIBUTION, 24, { feeUnit: 'per_household_month', collectionRate: 0.9 });
		expect(r.monthly).toEqual({ min: 24, median: 24, max: 24, mean: 24 });
		expect(r.annualRevenueFull).toBe(8640);
		expect(r.annualRevenueCollected).toBeCloseTo(7776, 9);
		expect(r.collectionRateProvenance.tag).toBe('user');
	});

	it('empty buckets are ignored for min / max; no households gives no spread', () => {
		const r = householdBills([...SMALL_DISTRIBUTION, { unit_area_m2: 200, households: 0 }], 1);
		expect(r.monthly?.max).toBe(90);
		expect(householdBills([], 1).monthly).toBeNull();
	});

	it('rejects a fractional household count or a bad collection rate', () => {
		expect(() => householdBills([{ unit_area_m2: 60, households: 1.5 }], 1)).toThrow(RangeError);
		expect(() => householdBills(SMALL_DISTRIBUTION, 1, { collectionRate: 0 })).toThrow(RangeError);
	});
});

describe('defaultUnitSizes [E]', () => {
	it('100 homes → 10 / 25 / 35 / 20 / 10 at 50 / 70 / 90 / 120 / 140 m² (mean 92)', () => {
		const r = defaultUnitSizes(100);
		expect(r.map((b) => b.unit_area_m2)).toEqual(DEFAULT_UNIT_SIZE_SHARES.map((b) => b.unit_area_m2));
		expect(r.map((b) => b.households)).toEqual([10, 25, 35, 20, 10]);
	});

	it('7 homes by largest remainder: raw 0.7 / 1.75 / 2.45 / 1.4 / 0.7 → 1 / 2 / 2 / 1 / 1', () => {
		// floors 0 / 1 / 2 / 1 / 0 = 4; three left go to the largest remainders .75, .7 (first), .7 (last)
		expect(defaultUnitSizes(7).map((b) => b.households)).toEqual([1, 2, 2, 1, 1]);
	});

	it('a 46 m² mean halves every area: 25 / 35 / 45 / 60 / 70', () => {
		expect(defaultUnitSizes(10, 46).map((b) => b.unit_area_m2)).toEqual([25, 35, 45, 60, 70]);
	});
});
