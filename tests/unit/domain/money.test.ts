/**
 * Money to the fen (docs/sources.md §15): rounding to the fen, the fee rounding, the largest-remainder rule worked by
 * hand on small cases, and fast-check properties: for random totals, requests and areas the allocated parts are
 * integers and add up to the whole exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateLargestRemainder, amountInWords, formatFen, roundFee, toFen, fenToYuan, zhNumber } from '$lib/domain/money';

describe('rounding to the fen', () => {
	it('rounds half away from zero as the decimal is written', () => {
		expect(toFen(1.005)).toBe(101); // 1.005 is stored as 1.00499999…: still rounds up, as written
		expect(toFen(282_723.588)).toBe(28_272_359);
		expect(toFen(0.125)).toBe(13);
		expect(toFen(-0.125)).toBe(-13);
		expect(toFen(200_000.00000000003)).toBe(20_000_000);
		expect(fenToYuan(20_000_000)).toBe(200_000);
		expect(Object.is(toFen(-0.001), 0)).toBe(true);
		expect(() => toFen(Number.NaN)).toThrow(RangeError);
	});

	it('rounds a fee to 0.01 元/㎡·月: 0.768 → 0.77, 1.024 → 1.02, 0.125 → 0.13', () => {
		expect([roundFee(0.768), roundFee(1.024), roundFee(0.125), roundFee(1.455), roundFee(0.6 * 1.28)]).toEqual([0.77, 1.02, 0.13, 1.46, 0.77]);
	});

	it('writes fen with two decimals from the integer', () => {
		expect(formatFen(300_000_000)).toBe('3000000.00');
		expect(formatFen(300_000_000, true)).toBe('3,000,000.00');
		expect(formatFen(-5)).toBe('-0.05');
		expect(formatFen(1)).toBe('0.01');
	});
});

describe('largest-remainder rule, worked by hand', () => {
	it('three estates share a cut: 50.00 among requests of 10.00, 20.00 and 40.00', () => {
		// 5,000 fen × 1,000 / 7,000 = 714.2857…, × 2,000 / 7,000 = 1,428.5714…, × 4,000 / 7,000 = 2,857.1428…
		// floors 714 + 1,428 + 2,857 = 4,999; the fen left goes to the largest remainder (.5714, the second):
		// 7.14 + 14.29 + 28.57 = 50.00
		expect(allocateLargestRemainder(5_000, [1_000, 2_000, 4_000])).toEqual([714, 1_429, 2_857]);
	});

	it('100.00 among three equal requests: ties go to the earlier part (33.34, 33.33, 33.33)', () => {
		expect(allocateLargestRemainder(10_000, [5_000, 5_000, 5_000])).toEqual([3_334, 3_333, 3_333]);
	});

	it('a cost of 1,000.00 shared by area 60.5 / 90 / 120.25 ㎡', () => {
		// 100,000 × 60.5 / 270.75 = 22,345.33…, × 90 / 270.75 = 33,240.99…, × 120.25 / 270.75 = 44,413.66…
		// floors 22,345 + 33,240 + 44,413 = 99,998; two fen left: .99 (second), then .66 (third)
		expect(allocateLargestRemainder(100_000, [60.5, 90, 120.25])).toEqual([22_345, 33_241, 44_414]);
	});

	it('zero weights get nothing; nothing to share gives zeros; bad input is refused', () => {
		expect(allocateLargestRemainder(7, [0, 3, 0])).toEqual([0, 7, 0]);
		expect(allocateLargestRemainder(0, [1, 2])).toEqual([0, 0]);
		expect(() => allocateLargestRemainder(5, [0, 0])).toThrow(RangeError);
		expect(() => allocateLargestRemainder(1.5, [1])).toThrow(RangeError);
		expect(() => allocateLargestRemainder(5, [-1, 2])).toThrow(RangeError);
	});
});

describe('largest-remainder rule, properties', () => {
	it('for random caps and requests in fen, the parts are integers and add up to the cap exactly', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 5_000_000_000 }), { minLength: 1, maxLength: 60 }).filter((xs) => xs.some((x) => x > 0)),
				fc.integer({ min: 0, max: 9_000_000_000_000 }),
				(requests, cap) => {
					const parts = allocateLargestRemainder(cap, requests);
					expect(parts).toHaveLength(requests.length);
					expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
					expect(parts.reduce((s, p) => s + p, 0)).toBe(cap);
					// each part is within one fen of its exact share
					const total = requests.reduce((s, r) => s + r, 0);
					requests.forEach((r, i) => expect(Math.abs(parts[i] - (cap * r) / total)).toBeLessThan(1 + 1e-6 * cap));
					// requests of zero get nothing
					requests.forEach((r, i) => r === 0 && expect(parts[i]).toBe(0));
				}
			),
			{ numRuns: Number(process.env.FC_RUNS ?? 400) }
		);
	});

	it('for random costs shared by area (㎡ with decimals), the parts are integer fen and add up exactly', () => {
		fc.assert(
			fc.property(
				fc.array(fc.double({ min: 0.01, max: 20_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
				fc.integer({ min: 0, max: 100_000_000_000 }),
				(areas, cost) => {
					const parts = allocateLargestRemainder(cost, areas);
					expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
					expect(parts.reduce((s, p) => s + p, 0)).toBe(cost);
				}
			),
			{ numRuns: Number(process.env.FC_RUNS ?? 300) }
		);
	});

	it('a cap smaller than the requests is never exceeded for any part', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (requests, f) => {
				const total = requests.reduce((s, r) => s + r, 0);
				const cap = Math.floor(total * f);
				const parts = allocateLargestRemainder(cap, requests);
				parts.forEach((p, i) => expect(p).toBeLessThanOrEqual(requests[i]));
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 300) }
		);
	});
});

describe('amounts in words (the budget field reads its figure back)', () => {
	it('Chinese numerals with 万 and 亿', () => {
		expect(amountInWords(30_000_000, 'zh')).toBe('三千万元');
		expect(amountInWords(3_000_000, 'zh')).toBe('三百万元');
		expect(amountInWords(300_000_000_000, 'zh')).toBe('三千亿元');
		expect(amountInWords(34_514_416.03, 'zh')).toBe('三千四百五十一万四千四百一十六元零三分');
		expect(amountInWords(1_000_005, 'zh')).toBe('一百万零五元');
		expect(amountInWords(100_100, 'zh')).toBe('十万零一百元');
		expect(amountInWords(12.5, 'zh')).toBe('十二元五角');
		expect(zhNumber(0)).toBe('零');
	});
	it('English with million / billion', () => {
		expect(amountInWords(30_000_000, 'en')).toBe('30 million yuan');
		expect(amountInWords(34_514_416.03, 'en')).toBe('34.51 million yuan');
		expect(amountInWords(300_000_000_000, 'en')).toBe('300 billion yuan');
		expect(amountInWords(950, 'en')).toBe('950 yuan');
	});
});
