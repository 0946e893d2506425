/**
 * What the owners' vote on the maintenance fund needs (Civil Code art. 278), worked by hand: participation ≥ 2/3 of
 * the area and of the owners; using the fund > 1/2 of the participating area and owners; refilling it ≥ 3/4.
 */
import { describe, expect, it } from 'vitest';
import { fundVoteNeeds, isFundMotion, ownersNeeded } from '$lib/domain/reserve';
import { tallyVote } from '$lib/domain';

describe('an estate of 300 owners holding 30,000 m²', () => {
	const n = fundVoteNeeds(300, 30_000);

	it('needs 200 owners and 20,000 m² to take part (2/3 exactly)', () => {
		expect([n.use.participationOwners, n.use.participationAreaM2]).toEqual([200, 20_000]);
		expect([n.refill.participationOwners, n.refill.participationAreaM2]).toEqual([200, 20_000]);
	});

	it('using the fund (item 5, ordinary): at the minimum turnout more than 100 owners (101) and more than 10,000 m²', () => {
		expect([n.use.item, n.use.kind, n.use.yesOwnersAtMinimum, n.use.yesAreaAtMinimumM2, n.use.strictArea]).toEqual([5, 'ordinary', 101, 10_000, true]);
		// With everyone voting: more than 150 owners (151) and more than 15,000 m².
		expect([n.use.yesOwnersAtFull, n.use.yesAreaAtFullM2]).toEqual([151, 15_000]);
	});

	it('refilling the fund (item 6, major): at the minimum turnout 3/4 × 200 = 150 owners and 15,000 m²; everyone voting 225 and 22,500 m²', () => {
		expect([n.refill.item, n.refill.kind, n.refill.yesOwnersAtMinimum, n.refill.yesAreaAtMinimumM2, n.refill.strictArea]).toEqual([6, 'major', 150, 15_000, false]);
		expect([n.refill.yesOwnersAtFull, n.refill.yesAreaAtFullM2]).toEqual([225, 22_500]);
	});

	it('so of all owners, using needs just over 1/3 and refilling exactly 1/2 (docs/sources.md §8)', () => {
		expect(n.use.yesOwnersAtMinimum / 300).toBeGreaterThan(1 / 3);
		expect(n.refill.yesOwnersAtMinimum / 300).toBe(1 / 2);
	});

	it('agrees with the fee vote’s tally: exactly those counts pass, one owner fewer fails', () => {
		const tally = { motion_kind: 'major' as const, owners_total: 300, area_total_m2: 30_000, owners_participating: 200, area_participating_m2: 20_000, owners_yes: 150, area_yes_m2: 15_000 };
		expect(tallyVote(tally).passed).toBe(true);
		expect(tallyVote({ ...tally, owners_yes: 149 }).passed).toBe(false);
		const use = { ...tally, motion_kind: 'ordinary' as const, owners_yes: 101, area_yes_m2: 10_000.01 };
		expect(tallyVote(use).passed).toBe(true);
		expect(tallyVote({ ...use, area_yes_m2: 10_000 }).passed).toBe(false); // exactly half is not more than half
	});
});

describe('an odd count: 301 owners', () => {
	const n = fundVoteNeeds(301, 30_100);
	it('2/3 × 301 = 200.67 → 201 take part; use > 100.5 → 101; refill ≥ 150.75 → 151', () => {
		expect(n.use.participationOwners).toBe(201);
		expect(n.use.yesOwnersAtMinimum).toBe(101);
		expect(n.refill.yesOwnersAtMinimum).toBe(151);
		// Everyone voting: use > 150.5 → 151; refill ≥ 225.75 → 226.
		expect(n.use.yesOwnersAtFull).toBe(151);
		expect(n.refill.yesOwnersAtFull).toBe(226);
	});
	it('ownersNeeded works exactly: ≥ 2/3 of 3 is 2, > 1/2 of 4 is 3', () => {
		expect(ownersNeeded(3, { p: 2n, q: 3n, strict: false })).toBe(2);
		expect(ownersNeeded(4, { p: 1n, q: 2n, strict: true })).toBe(3);
	});
});

describe('fund motions', () => {
	it('are recognised by their text', () => {
		expect(isFundMotion('筹集专项维修资金')).toBe(true);
		expect(isFundMotion('续聘物业服务企业')).toBe(false);
	});
});
