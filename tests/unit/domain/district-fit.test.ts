import { describe, expect, it } from 'vitest';
import { fitDistrict, BAND_OF, type FitInput } from '$lib/domain/district-fit';
import { countAtMost } from '$lib/domain/stats';
import { DEFAULT_INDICATOR_SYSTEM, type GuidePriceCatalogue } from '$lib/domain';

/** A catalogue with two multi-storey prices: grade 1 at 2.00 and grade 3 at 1.20 元/㎡·月. */
const CATALOGUE: GuidePriceCatalogue = {
	id: 't',
	name_zh: '测试',
	name_en: 'Test',
	source: 'test',
	year: null,
	verified: false,
	status: 'illustrative',
	kind: 'per_grade',
	levels: 5,
	rows: [
		{ building_type: 'multi', grade: 1, price: 2.0 },
		{ building_type: 'multi', grade: 3, price: 1.2 }
	],
	ranges: [],
	provenance: { tag: 'E', source: 'test' },
	note: { zh: '测试', en: 'test' }
};

const col = (...xs: number[]) => Float64Array.from(xs);

/**
 * Three multi-storey estates scored on 综合管理 and 保洁 (15 points each in the default system, blend 0.6 / 0.4):
 * A: 90 and 80 → inspection 85; satisfaction 70 → Q = 0.6 × 85 + 0.4 × 70 = 79 → grade 3 (70 ≤ Q < 80);
 *    fee 1.00 → QPR 1.20 / 1.00 = 1.2 > 1.1 → quality above price.
 * B: 95 and no cleaning score → inspection 95 (the weight re-normalised); no survey → Q 95 → grade 1;
 *    fee 2.00 → QPR 2.00 / 2.00 = 1 → matched.
 * C: no scores → no Q, no grade, no band.
 * Two usable estates are too few for a regression: the peer model falls back to the median fee 1.5, so the
 * residuals are −0.5 (A) and +0.5 (B), ranking at 50 % and 100 %; C has no fee, so no residual.
 */
const INPUT: FitInput = {
	codes: ['management', 'cleaning'],
	current: [col(90, 95, NaN), col(80, NaN, NaN)],
	satisfaction: col(70, NaN, NaN),
	previous: [col(NaN, 90, NaN), col(NaN, NaN, NaN)],
	previousSatisfaction: col(NaN, NaN, NaN),
	feeM2: col(1.0, 2.0, NaN),
	age: col(20, 10, NaN),
	buildingType: ['multi', 'multi', 'multi']
};

describe('fitDistrict (the settings-dependent analysis over columns)', () => {
	const fit = fitDistrict(INPUT, { system: DEFAULT_INDICATOR_SYSTEM, catalogue: CATALOGUE, bands: { low: 0.9, high: 1.1 } });

	it('computes inspection, Q and grade as worked out by hand', () => {
		expect(fit.inspection[0]).toBeCloseTo(85, 12);
		expect(fit.q[0]).toBeCloseTo(79, 12);
		expect(fit.q[1]).toBe(95);
		expect(Number.isNaN(fit.q[2])).toBe(true);
		expect(Array.from(fit.grade)).toEqual([3, 1, 0]);
		expect(fit.qPrev[1]).toBe(90);
	});

	it('looks up the guide price, the QPR and the band', () => {
		expect(fit.guide[0]).toBe(1.2);
		expect(fit.qpr[0]).toBeCloseTo(1.2, 12);
		expect(fit.qpr[1]).toBe(1);
		expect(Array.from(fit.band, (b) => BAND_OF[b])).toEqual(['quality_above_price', 'matched', null]);
	});

	it('falls back to the median fee with two estates and ranks the residuals', () => {
		expect(fit.models.multi.method).toBe('median');
		expect(fit.expected[0]).toBe(1.5);
		expect(fit.residual[0]).toBeCloseTo(-0.5, 12);
		expect(fit.residual[1]).toBeCloseTo(0.5, 12);
		expect(Array.from(fit.residualPct)).toEqual([50, 100, NaN]);
	});
});

describe('countAtMost', () => {
	it('counts the values ≤ x in an ascending array, ties included', () => {
		const xs = [1, 2, 2, 3];
		expect([0, 1, 2, 2.5, 3, 9].map((x) => countAtMost(xs, x))).toEqual([0, 1, 3, 3, 4, 4]);
		expect(countAtMost([], 1)).toBe(0);
	});
});
