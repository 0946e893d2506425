/** Percentile, quartiles, OLS and the hedonic model on tiny cases solved by hand (docs/sources.md §14.2). */
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_COMPARABLE_RULE,
	fitHedonic,
	hedonicExpected,
	interquartile,
	isComparable,
	marketScale,
	midRankPercentile,
	ols,
	quantile,
	type MarketListing
} from '../../../../src/lib/domain/market/scale';
import { listingKey, matchEstate } from '../../../../src/lib/domain/market/match';

const L = (p: Partial<MarketListing>): MarketListing => ({ name: 'x', area: null, fee: null, yearBuilt: null, form: null, housePrice: null, ...p });

describe('descriptive statistics', () => {
	it('quartiles interpolate between order statistics (type 7)', () => {
		// [1,2,3,4]: Q1 at h = 3 × 0.25 = 0.75 → 1 + 0.75 × (2 − 1) = 1.75; Q3 at h = 2.25 → 3.25; IQR 1.5; median 2.5.
		expect(interquartile([4, 1, 3, 2])).toEqual({ q1: 1.75, q3: 3.25, iqr: 1.5 });
		expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
		// Five values: Q1 is the 2nd, Q3 the 4th, the median the 3rd.
		expect(interquartile([1.5, 1.9, 2.0, 2.4, 3.0])).toEqual({ q1: 1.9, q3: 2.4, iqr: expect.closeTo(0.5, 12) });
	});
	it('mid-rank percentile: below counts whole, equal counts half', () => {
		// 2.0 among [1.5, 1.9, 2.0, 2.4, 3.0]: 2 below + ½ × 1 equal = 2.5 of 5 → 50.
		expect(midRankPercentile(2.0, [1.5, 1.9, 2.0, 2.4, 3.0])).toBe(50);
		// 2.4 among [1, 2, 2.4, 2.4]: 2 + ½ × 2 = 3 of 4 → 75.
		expect(midRankPercentile(2.4, [1, 2, 2.4, 2.4])).toBe(75);
		expect(midRankPercentile(0.5, [1, 2])).toBe(0);
		expect(midRankPercentile(1, [])).toBeNull();
	});
});

describe('ordinary least squares', () => {
	it('fits a line through four points by hand', () => {
		// x = 0..3, y = 1,3,2,4: x̄ = 1.5, ȳ = 2.5, Sxy = 4, Sxx = 5 → slope 0.8, intercept 2.5 − 0.8 × 1.5 = 1.3.
		// Fitted 1.3, 2.1, 2.9, 3.7; SSE = 0.09 + 0.81 + 0.81 + 0.09 = 1.8; SST = 5 → R² = 1 − 1.8/5 = 0.64.
		const fit = ols([[1, 0], [1, 1], [1, 2], [1, 3]], [1, 3, 2, 4])!;
		expect(fit.beta[0]).toBeCloseTo(1.3, 12);
		expect(fit.beta[1]).toBeCloseTo(0.8, 12);
		expect(fit.r2).toBeCloseTo(0.64, 12);
	});
	it('refuses a singular design', () => {
		expect(ols([[1, 2], [1, 2], [1, 2]], [1, 2, 3])).toBeNull();
	});
});

describe('hedonic model', () => {
	// fee = 1 + 0.2 ln(price) − 0.02 age + 0.5 [tower], reference year 2024; 'high' (3 rows) is the reference form.
	const rows = [
		L({ fee: 2.6, housePrice: Math.exp(10), yearBuilt: 2004, form: 'high' }), // 1 + 2 − 0.4
		L({ fee: 3.0, housePrice: Math.exp(11), yearBuilt: 2014, form: 'high' }), // 1 + 2.2 − 0.2
		L({ fee: 2.9, housePrice: Math.exp(10), yearBuilt: 2019, form: 'high' }), // 1 + 2 − 0.1
		L({ fee: 3.3, housePrice: Math.exp(11), yearBuilt: 2004, form: 'tower' }), // 1 + 2.2 − 0.4 + 0.5
		L({ fee: 3.3, housePrice: Math.exp(10), yearBuilt: 2014, form: 'tower' }), // 1 + 2 − 0.2 + 0.5
		L({ fee: 3.9, housePrice: Math.exp(12), yearBuilt: 2024, form: 'tower' }), // 1 + 2.4 + 0.5
		L({ fee: null, housePrice: 30000, yearBuilt: 2000, form: 'high' }), // no fee: left out
		L({ fee: 2.0, housePrice: null, yearBuilt: 2000, form: 'high' }) // no price: left out
	];
	it('recovers the coefficients the fees were made from', () => {
		const m = fitHedonic(rows, 2024)!;
		expect(m.n).toBe(6);
		expect(m.reference).toBe('high');
		expect(m.intercept).toBeCloseTo(1, 9);
		expect(m.logPrice).toBeCloseTo(0.2, 9);
		expect(m.age).toBeCloseTo(-0.02, 9);
		expect(m.forms.tower).toBeCloseTo(0.5, 9);
		expect(m.r2).toBeCloseTo(1, 9);
		// A tower estate at e^11 built 2019: 1 + 2.2 − 0.1 + 0.5 = 3.6; charging 3.8 leaves a residual of +0.2.
		expect(hedonicExpected(m, Math.exp(11), 2019, 'tower')).toBeCloseTo(3.6, 9);
		const s = marketScale({ area: null, fee: 3.8, yearBuilt: 2019, form: 'tower', housePrice: Math.exp(11) }, rows, { sameArea: false, yearBand: null, sameForm: false, priceBand: null }, m);
		expect(s.residual).toBeCloseTo(0.2, 9);
	});
	it('needs more rows than coefficients', () => {
		expect(fitHedonic(rows.slice(0, 3), 2024)).toBeNull();
	});
});

describe('comparables', () => {
	const subject = { area: '江滨', fee: 2.0, yearBuilt: 2010, form: 'multi' as const, housePrice: 40000 };
	const listings = [
		L({ name: 'other area', area: '望湖', fee: 1.0, yearBuilt: 2010, form: 'low', housePrice: 40000 }),
		L({ name: 'too old', area: '江滨', fee: 1.1, yearBuilt: 2004, form: 'low', housePrice: 40000 }),
		L({ name: 'high-rise', area: '江滨', fee: 3.0, yearBuilt: 2010, form: 'high', housePrice: 40000 }),
		L({ name: 'dearer', area: '江滨', fee: 3.5, yearBuilt: 2010, form: 'low', housePrice: 60000 }),
		L({ name: 'slab', area: '江滨', fee: 1.8, yearBuilt: 2012, form: 'slab', housePrice: 42000 }),
		L({ name: 'villa', area: '江滨', fee: 2.4, yearBuilt: 2015, form: 'villa', housePrice: 50000 }),
		L({ name: 'no price', area: '江滨', fee: 1.6, yearBuilt: 2008, form: 'low', housePrice: null })
	];
	it('keeps the same area, ±5 years, the same height class and ±30 % house price', () => {
		const kept = listings.filter((l) => isComparable(subject, l, DEFAULT_COMPARABLE_RULE)).map((l) => l.name);
		expect(kept).toEqual(['slab', 'villa', 'no price']);
		// Fees 1.6, 1.8, 2.4: median 1.8; Q1 at h = 0.5 → 1.7; Q3 at h = 1.5 → 2.1; 2.0 has 2 of 3 below → 66.67.
		const s = marketScale(subject, listings, DEFAULT_COMPARABLE_RULE, null);
		expect(s.n).toBe(3);
		expect(s.median).toBeCloseTo(1.8, 12);
		expect(s.q1).toBeCloseTo(1.7, 12);
		expect(s.q3).toBeCloseTo(2.1, 12);
		expect(s.percentile).toBeCloseTo(200 / 3, 9);
	});
	it('the rule is editable: no area, no form', () => {
		const kept = listings.filter((l) => isComparable(subject, l, { ...DEFAULT_COMPARABLE_RULE, sameArea: false, sameForm: false })).map((l) => l.name);
		expect(kept).toEqual(['other area', 'high-rise', 'slab', 'villa', 'no price']);
	});
});

describe('matching own estates to listings', () => {
	const listings = [L({ name: '江滨花园', area: '江滨' }), L({ name: '望湖小区', area: '望湖' }), L({ name: '新村', area: '甲' }), L({ name: '新村', area: '乙' })];
	it('by normalised name, and by area when a name repeats', () => {
		expect(matchEstate({ id: 'E1', name: '江滨 花园' }, listings).how).toBe('name');
		expect(matchEstate({ id: 'E2', name: '望湖', area: '望湖' }, listings)).toEqual({ listing: listings[1], how: 'name_area' });
		expect(matchEstate({ id: 'E3', name: '新村' }, listings).how).toBe('none');
		expect(matchEstate({ id: 'E3', name: '新村', area: '乙' }, listings).listing).toBe(listings[3]);
	});
	it('a listing whose numerals are written the other way is the estate\'s when no name is the same', () => {
		const villages = [L({ name: '锦馨1村' }), L({ name: '金桥十一街坊' }), L({ name: '新港2村' }), L({ name: '新港二村' })];
		expect(matchEstate({ id: 'V1', name: '锦馨一村' }, villages)).toEqual({ listing: villages[0], how: 'name' });
		expect(matchEstate({ id: 'V2', name: '金桥11街坊' }, villages).listing).toBe(villages[1]);
		// The same name as written wins over the other writing.
		expect(matchEstate({ id: 'V3', name: '新港二村' }, villages).listing).toBe(villages[3]);
		expect(matchEstate({ id: 'V4', name: '锦馨2村' }, villages).how).toBe('none');
	});
	it('a user override wins; null undoes a wrong match', () => {
		expect(matchEstate({ id: 'E1', name: '江滨花园' }, listings, { E1: null })).toEqual({ listing: null, how: 'undone' });
		expect(matchEstate({ id: 'E9', name: '别的名字' }, listings, { E9: listingKey(listings[1]) })).toEqual({ listing: listings[1], how: 'user' });
	});
});
