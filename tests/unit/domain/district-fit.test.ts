import { describe, expect, it } from 'vitest';
import { fitDistrict, fitDistrictSteps, BAND_OF, FIT_BLOCK, PEER_BLOCK, type FitInput } from '$lib/domain/district-fit';
import { countAtMost, sortDoubles } from '$lib/domain/stats';
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

	it('gives no previous Q to an estate without scores in the period before, and the same array at every read', () => {
		// A had no scores in the period before, B had 综合管理 90 (no survey: Q = 90), C nothing at all.
		const fresh = fitDistrict(INPUT, { system: DEFAULT_INDICATOR_SYSTEM, catalogue: CATALOGUE, bands: { low: 0.9, high: 1.1 } });
		expect([0, 1, 2].map((i) => fresh.qPrevAt(i))).toEqual([NaN, 90, NaN]);
		expect(Array.from(fit.qPrev)).toEqual([NaN, 90, NaN]);
		expect(fit.qPrev).toBe(fit.qPrev);
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

/**
 * Five estates of both building types, fee = 0.5 + 0.02 Q − 0.01 age exactly for the high-rises (the plane of
 * regression.test.ts), with a multi-storey estate between them and one high-rise without a fee:
 * the high-rise model is fitted on its four estates with a fee and gives residual 0 to each (up to float noise), the lone multi-storey estate gets no model (one estate), the estate without a fee an expected fee only.
 */
const PLANE: FitInput = {
	codes: ['management'],
	current: [col(60, 50, 70, 80, 90, 75)],
	satisfaction: col(NaN, NaN, NaN, NaN, NaN, NaN),
	previous: [col(NaN, NaN, NaN, NaN, NaN, NaN)],
	previousSatisfaction: col(NaN, NaN, NaN, NaN, NaN, NaN),
	feeM2: col(1.6, 1.0, 1.7, 2.05, 2.0, NaN),
	age: col(10, 3, 20, 5, 30, 15),
	buildingType: ['high', 'multi', 'high', 'high', 'high', 'high']
};

describe('fitDistrict: the peer regression per building type', () => {
	const fit = fitDistrict(PLANE, { system: DEFAULT_INDICATOR_SYSTEM, catalogue: CATALOGUE, bands: { low: 0.9, high: 1.1 } });
	it('fits each type on its own estates and ranks residuals within the type', () => {
		expect(fit.models.high.method).toBe('ols_q_age');
		expect(fit.models.high.n).toBe(4);
		expect(fit.models.high.dropped).toBe(1);
		expect(fit.models.high.coef?.q).toBeCloseTo(0.02, 10);
		expect(fit.models.multi.method).toBe('none');
		expect(fit.models.multi.n).toBe(1);
		// 0.5 + 0.02 × 75 − 0.01 × 15 = 1.85 for the estate without a fee.
		expect(fit.expected[5]).toBeCloseTo(1.85, 10);
		expect(Number.isNaN(fit.residual[5])).toBe(true);
		expect(Number.isNaN(fit.expected[1])).toBe(true);
		for (const i of [0, 2, 3, 4]) expect(Math.abs(fit.residual[i])).toBeLessThan(1e-9);
		// Percentiles only where there is a residual, each a share of the type's four residuals.
		expect([1, 5].map((i) => fit.residualPct[i])).toEqual([NaN, NaN]);
		for (const i of [0, 2, 3, 4]) expect([25, 50, 75, 100]).toContain(fit.residualPct[i]);
	});
});

describe('fitDistrictSteps: the same fit, paused between its phases', () => {
	const settings = { system: DEFAULT_INDICATOR_SYSTEM, catalogue: CATALOGUE, bands: { low: 0.9, high: 1.1 } };
	const drive = (input: FitInput) => {
		const steps = fitDistrictSteps(input, settings);
		let pauses = 0;
		for (let r = steps.next(); ; r = steps.next(), pauses++) if (r.done) return { pauses, fit: r.value };
	};

	it("pauses after Q and before each building type's regression, and ends with fitDistrict's fit", () => {
		const { pauses, fit } = drive(PLANE);
		// Two building types (multi, high): one pause after Q, one after the result's columns, one after the peer
		// groups, one before the grades, one before each regression and six inside it (three in the fit itself, then
		// after the fit, after the residuals, after their order).
		expect(pauses).toBe(1 + 1 + 1 + 1 + 2 * (1 + 6));
		const whole = fitDistrict(PLANE, settings);
		for (const k of ['inspection', 'q', 'grade', 'guide', 'qpr', 'band', 'expected', 'residual', 'residualPct'] as const) {
			expect(Array.from(fit[k]), k).toEqual(Array.from(whole[k]));
		}
		expect(fit.models).toEqual(whole.models);
		expect(fit.models.high.coef?.q).toBeCloseTo(0.02, 10);
	});

	it("a city's worth of estates: pauses within Q and the grades, and every block's estates are fitted once", () => {
		// PLANE's six estates a thousand times over: 6,000 estates, twelve blocks. Each copy has its original's Q,
		// grade, guide price, QPR and band, and repeated points leave the high-rise regression's line as it was, so
		// its expected fee too (0.5 + 0.02 × Q − 0.01 × age). The multi-storey estate, alone in PLANE, now has a
		// thousand identical peers: whatever line they get passes through their one point, a fee of 1.00.
		const copies = 1000;
		const rep = (c: Float64Array) => Float64Array.from({ length: c.length * copies }, (_, i) => c[i % c.length]);
		const big: FitInput = {
			...PLANE,
			current: PLANE.current.map(rep),
			satisfaction: rep(PLANE.satisfaction),
			previous: PLANE.previous.map(rep),
			previousSatisfaction: rep(PLANE.previousSatisfaction),
			feeM2: rep(PLANE.feeM2),
			age: rep(PLANE.age),
			buildingType: Array.from({ length: 6 * copies }, (_, i) => PLANE.buildingType[i % 6])
		};
		const { pauses, fit } = drive(big);
		const blocks = Math.ceil((6 * copies) / FIT_BLOCK);
		expect(blocks).toBe(12);
		// A pause after each block of Q, after the result's columns, after the peer groups, before each block of
		// grades, before each of the two regressions and six inside each, and inside the residuals and the ranks after
		// each PEER_BLOCK members: the 5,000 high-rise estates twice each (at 2,048 and 4,096), the 1,000
		// multi-storey ones never.
		expect(PEER_BLOCK).toBe(2048);
		expect(pauses).toBe(blocks + 2 + blocks + 2 * (1 + 6) + 2 * 2);
		const one = drive(PLANE).fit;
		for (const k of ['inspection', 'q', 'grade', 'guide', 'qpr', 'band'] as const) {
			for (let i = 0; i < 6 * copies; i++) if (!Object.is(fit[k][i], one[k][i % 6])) expect(fit[k][i], `${k} of estate ${i}`).toBe(one[k][i % 6]);
		}
		for (let i = 0; i < 6 * copies; i++) {
			const want = i % 6 === 1 ? 1.0 : one.expected[i % 6];
			if (Number.isNaN(want)) expect(fit.expected[i]).toBeNaN();
			else expect(Math.abs(fit.expected[i] - want), `expected fee of estate ${i}`).toBeLessThan(1e-9);
		}
		expect(fit.models.high.n).toBe(4 * copies);
		expect(fit.models.high.coef?.q).toBeCloseTo(0.02, 9);
	});

	it('gives the hand-worked Q and bands when driven step by step', () => {
		const { fit } = drive(INPUT);
		expect(fit.q[0]).toBeCloseTo(79, 12);
		expect(Array.from(fit.band, (b) => BAND_OF[b])).toEqual(['quality_above_price', 'matched', null]);
	});

	it('refuses settings it cannot use at its first step, as fitDistrict does', () => {
		const bad = { ...settings, bands: { low: 1.2, high: 1.1 } };
		expect(() => fitDistrictSteps(INPUT, bad).next()).toThrow(/bands must satisfy/);
		expect(() => fitDistrict(INPUT, bad)).toThrow(/bands must satisfy/);
	});
});

describe('countAtMost', () => {
	it('counts the values ≤ x in an ascending array, ties included', () => {
		const xs = [1, 2, 2, 3];
		expect([0, 1, 2, 2.5, 3, 9].map((x) => countAtMost(xs, x))).toEqual([0, 1, 3, 3, 4, 4]);
		expect(countAtMost([], 1)).toBe(0);
	});
});

describe('sortDoubles', () => {
	it('sorts ascending as Float64Array does: negatives, −0 before 0, infinities at the ends', () => {
		const xs = [3, -1, 0, -0, 2.5, -Infinity, Infinity, -1e-300, 1e-300, -2.5, 70 + 2 ** -46, 70];
		const got = Array.from(sortDoubles(Float64Array.from(xs)));
		expect(got).toEqual([-Infinity, -2.5, -1, -1e-300, -0, 0, 1e-300, 2.5, 3, 70, 70 + 2 ** -46, Infinity]);
		expect(Object.is(got[4], -0) && Object.is(got[5], 0)).toBe(true);
		expect(Array.from(sortDoubles(new Float64Array(0)))).toEqual([]);
	});
	it('sorts a view in place without touching the rest of its buffer', () => {
		const all = Float64Array.from([9, 3, 1, 2, 0]);
		sortDoubles(all.subarray(1, 4));
		expect(Array.from(all)).toEqual([9, 1, 2, 3, 0]);
	});
});
