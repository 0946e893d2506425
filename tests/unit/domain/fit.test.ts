import { describe, expect, it } from 'vitest';
import { BAND_LABELS, bandClass, bandLabel, feePerM2Month, judgePriceQuality, qpr } from './helpers';

describe('feePerM2Month', () => {
	it('24 元/户·月 ÷ 60 m² = 0.40 元/㎡·月', () => {
		const r = feePerM2Month(24, 'per_household_month', 60);
		expect(r.value).toBeCloseTo(0.4, 12);
		expect(r.converted).toBe(true);
		expect(r.explanation.zh).toContain('24 元/户·月 ÷ 户均 60 ㎡ = 0.4');
	});

	it('per-m² fees pass through unconverted', () => {
		expect(feePerM2Month(1.5, 'per_m2_month')).toMatchObject({ value: 1.5, converted: false });
	});

	it('a per-household fee without a usable area gives no value', () => {
		expect(feePerM2Month(24, 'per_household_month', 0).value).toBeNull();
		expect(feePerM2Month(24, 'per_household_month', null).value).toBeNull();
	});
});

describe('qpr and bandClass (0.9 ≤ QPR ≤ 1.1 matched, inclusive)', () => {
	it('QPR = guide / fee: 1.50 / 1.20 = 1.25', () => {
		expect(qpr(1.5, 1.2)).toBeCloseTo(1.25, 12);
		expect(qpr(1.5, 0)).toBeNull();
	});

	it.each([
		[0.9, 1.0, 'matched'], //            0.9 / 1.0 = 0.90, on the lower edge
		[1.1, 1.0, 'matched'], //            1.1 / 1.0 = 1.10, on the upper edge
		[0.99, 1.1, 'matched'], //           0.99 / 1.1 = 0.90 (0.8999999999999999 in floats)
		[1.5, 1.5, 'matched'], //            1.00
		[0.89, 1.0, 'price_above_quality'], // 0.89 < 0.9
		[1.5, 2.0, 'price_above_quality'], //  0.75
		[1.11, 1.0, 'quality_above_price'], // 1.11 > 1.1
		[2.3, 1.9, 'quality_above_price'] //   1.2105…
	] as const)('guide %d / fee %d → %s', (guide, fee, cls) => {
		expect(bandClass(qpr(guide, fee) as number)).toBe(cls);
	});

	it('labels in both languages', () => {
		expect(bandLabel('matched', 'zh')).toBe('质价相符');
		expect(BAND_LABELS.price_above_quality.zh).toBe('价高于质');
		expect(bandLabel('quality_above_price', 'en')).toBe('Quality above price');
	});

	it('custom bands and bad input', () => {
		expect(bandClass(0.85, { low: 0.8, high: 1.2 })).toBe('matched');
		expect(() => bandClass(NaN)).toThrow(RangeError);
		expect(() => bandClass(1, { low: 1.2, high: 0.8 })).toThrow(RangeError);
	});

	it('judgePriceQuality: 1.50 / 1.80 = 0.833 → 价高于质', () => {
		const r = judgePriceQuality(1.5, 1.8);
		expect(r.qpr).toBeCloseTo(0.8333333, 6);
		expect(r.band).toBe('price_above_quality');
		expect(r.explanation.zh).toContain('1.5 ÷ 1.8 = 0.833');
		expect(judgePriceQuality(1.5, 0).band).toBeNull();
	});
});
