/** The comparable rule's households band (the market page's "your estate" form): off by default, ±share when set. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMPARABLE_RULE, describeRule, isComparable, marketScale, type MarketListing, type MarketSubject } from '../../../../src/lib/domain/market/scale';

const listing = (name: string, fee: number, households: number | null): MarketListing => ({ name, area: '江滨', fee, yearBuilt: 2005, form: 'high', housePrice: 40000, households });
const subject: MarketSubject = { area: '江滨', fee: 2.0, yearBuilt: 2005, form: 'high', housePrice: 40000, households: 1000 };
const listings = [listing('甲', 1.8, 1100), listing('乙', 2.2, 1300), listing('丙', 2.6, 700), listing('丁', 2.0, null)];

describe('households band', () => {
	it('is off by default: every size is comparable', () => {
		expect(listings.every((l) => isComparable(subject, l, DEFAULT_COMPARABLE_RULE))).toBe(true);
	});

	it('±20 % of 1000 households keeps 1100 and a listing without a count, drops 1300 and 700', () => {
		const rule = { ...DEFAULT_COMPARABLE_RULE, householdBand: 0.2 };
		expect(listings.filter((l) => isComparable(subject, l, rule)).map((l) => l.name)).toEqual(['甲', '丁']);
		// Fees 1.8 and 2.0: median 1.9, Q1 1.8 + 0.25 × 0.2 = 1.85, Q3 1.95; 2.0 equals one, above one → (1 + ½) / 2 = 75.
		const s = marketScale(subject, listings, rule, null);
		expect([s.n, s.median, s.q1, s.q3, s.percentile]).toEqual([2, 1.9, 1.85, 1.95, 75]);
		expect(describeRule(rule, subject).zh).toContain('户数 ±20%');
		expect(describeRule(rule, subject).en).toContain('households ±20%');
	});

	it('an estate typed in without households is not narrowed by it', () => {
		const rule = { ...DEFAULT_COMPARABLE_RULE, householdBand: 0.2 };
		const noCount = { ...subject, households: null };
		expect(listings.filter((l) => isComparable(noCount, l, rule))).toHaveLength(4);
		expect(describeRule(rule, noCount).zh).not.toContain('户数');
	});
});
