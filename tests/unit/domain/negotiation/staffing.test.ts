import { describe, expect, it } from 'vitest';
import { DEFAULT_SOCIAL_INSURANCE_RATE, STAFFING_TEMPLATES, scaleStaffingTemplate, staffCost } from '$lib/domain';

describe('staffCost', () => {
	it('two posts by hand: 4 guards at 4,000 and 2 cleaners at 3,000, both at 30%', () => {
		// guards:   4 × 4,000 × 12 = 192,000 wages; × 0.30 = 57,600; total 249,600
		// cleaners: 2 × 3,000 × 12 =  72,000 wages; × 0.30 = 21,600; total  93,600
		// staff cost 249,600 + 93,600 = 343,200 yuan/year
		const r = staffCost([
			{ post: 'security', headcount: 4, monthlyWage: 4000, socialInsuranceRate: 0.3 },
			{ post: 'cleaning', headcount: 2, monthlyWage: 3000, socialInsuranceRate: 0.3 }
		]);
		expect(r.posts.map((p) => p.annualCost)).toEqual([249_600, 93_600]);
		expect(r.annualWages).toBe(264_000);
		expect(r.annualSocialInsurance).toBeCloseTo(79_200, 9);
		expect(r.annualCost).toBeCloseTo(343_200, 9);
		expect(r.headcount).toBe(6);
		expect(r.posts[0].label.zh).toBe('秩序维护员');
		expect(r.posts[0].socialInsuranceProvenance.tag).toBe('user');
		expect(r.explanation.text.en).toBe('249,600 + 93,600 = 343,200 yuan/year');
	});

	it('the default rate is 33% [E]: 1 × 6,000 × 12 × 1.33 = 95,760', () => {
		const r = staffCost([{ post: 'manager', headcount: 1, monthlyWage: 6000 }]);
		expect(r.annualCost).toBeCloseTo(95_760, 9);
		expect(r.posts[0].socialInsuranceRate).toBe(DEFAULT_SOCIAL_INSURANCE_RATE.value);
		expect(r.posts[0].socialInsuranceProvenance.tag).toBe('E');
	});

	it('a custom post keeps its code as label; an empty plan costs 0', () => {
		expect(staffCost([{ post: 'parking', headcount: 1, monthlyWage: 1 }]).posts[0].label).toEqual({ zh: 'parking', en: 'parking' });
		expect(staffCost([]).annualCost).toBe(0);
	});

	it('rejects negative figures', () => {
		expect(() => staffCost([{ post: 'x', headcount: -1, monthlyWage: 1 }])).toThrow(RangeError);
		expect(() => staffCost([{ post: 'x', headcount: 1, monthlyWage: NaN }])).toThrow(RangeError);
	});
});

describe('staffing templates [E]', () => {
	it('high-rise: 23 persons, 93,200 a month in wages → 1,487,472 a year at 33% (1.2396 元/㎡·月 on 100,000 m²)', () => {
		// 2 × 6,000 + 10 × 4,000 + 6 × 3,200 + 2 × 3,500 + 3 × 5,000 = 93,200; × 12 × 1.33 = 1,487,472
		const r = staffCost(STAFFING_TEMPLATES.high.posts);
		expect(r.headcount).toBe(23);
		expect(r.annualCost).toBeCloseTo(1_487_472, 6);
		expect(r.annualCost / 12 / STAFFING_TEMPLATES.high.referenceAreaM2).toBeCloseTo(1.23956, 5);
		expect(STAFFING_TEMPLATES.high.provenance.tag).toBe('E');
	});

	it('multi-storey: 16 persons, 58,900 a month → 940,044 a year', () => {
		const r = staffCost(STAFFING_TEMPLATES.multi.posts);
		expect(r.headcount).toBe(16);
		expect(r.annualCost).toBeCloseTo(940_044, 6);
	});

	it('scaling to 50,000 m² halves headcounts, rounding to whole persons (repair 1.5 → 2)', () => {
		expect(scaleStaffingTemplate(STAFFING_TEMPLATES.high, 50_000).map((p) => p.headcount)).toEqual([1, 5, 3, 1, 2]);
	});

	it('scaling to a small estate keeps at least one person per post', () => {
		expect(scaleStaffingTemplate(STAFFING_TEMPLATES.high, 10_000).map((p) => p.headcount)).toEqual([1, 1, 1, 1, 1]);
		expect(() => scaleStaffingTemplate(STAFFING_TEMPLATES.high, 0)).toThrow(RangeError);
	});
});
