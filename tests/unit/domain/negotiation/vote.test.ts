import { describe, expect, it } from 'vitest';
import { CIVIL_CODE_278_MATTERS, VOTE_RULES_PROVENANCE, compareRatio, decimalToRational, tallyVote, voteForecast, type VoteTally } from '$lib/domain';

/**
 * 300 owners holding 30,000 m². Exactly 2/3 is 200 owners and 20,000 m²; of 200 participants holding
 * 20,000 m², half is 100 owners and 10,000 m², three quarters 150 owners and 15,000 m².
 */
const BASE: VoteTally = {
	motion_kind: 'ordinary',
	owners_total: 300,
	area_total_m2: 30_000,
	owners_participating: 200,
	area_participating_m2: 20_000,
	owners_yes: 101,
	area_yes_m2: 10_100
};

const test = (t: VoteTally, code: string) => tallyVote(t).tests.find((x) => x.test === code)!;

describe('participation: ≥ 2/3 of area and of owners', () => {
	it('exactly 2/3 (200 of 300, 20,000 of 30,000 m²) passes', () => {
		const r = tallyVote(BASE);
		expect(r.participationPassed).toBe(true);
		expect(r.passed).toBe(true);
	});

	it('one owner fewer (199) fails, 1 owner short; head count alone binds', () => {
		const r = tallyVote({ ...BASE, owners_participating: 199, owners_yes: 100 });
		expect(r.participationPassed).toBe(false);
		expect(r.passed).toBe(false);
		const t = r.tests.find((x) => x.test === 'participation_owners')!;
		expect(t).toMatchObject({ passed: false, required: 200, shortfall: 1 });
		expect(r.tests.find((x) => x.test === 'participation_area')?.passed).toBe(true);
	});

	it('0.01 m² short of 2/3 of the area fails even with enough owners: area alone binds', () => {
		const t = test({ ...BASE, area_participating_m2: 19_999.99, area_yes_m2: 10_000 }, 'participation_area');
		expect(t.passed).toBe(false);
		expect(t.shortfall).toBeCloseTo(0.01, 9);
		expect(test({ ...BASE, area_participating_m2: 19_999.99, area_yes_m2: 10_000 }, 'participation_owners').passed).toBe(true);
	});

	it('exact arithmetic: 20,000.10 of 30,000.15 m² is exactly 2/3, which floating point gets wrong', () => {
		// in doubles 3 × 20000.1 = 60000.299999999996 < 2 × 30000.15 = 60000.3
		expect(3 * 20000.1 < 2 * 30000.15).toBe(true);
		const t = test({ ...BASE, area_total_m2: 30_000.15, area_participating_m2: 20_000.1, area_yes_m2: 10_100 }, 'participation_area');
		expect(t.passed).toBe(true);
	});

	it('a non-integer 2/3: 100 owners need 67 (66 fails, 1 short)', () => {
		const t = test({ ...BASE, owners_total: 100, owners_participating: 66, owners_yes: 40 }, 'participation_owners');
		expect(t).toMatchObject({ passed: false, shortfall: 1 });
		expect(t.required).toBeCloseTo(66.6667, 4);
		expect(test({ ...BASE, owners_total: 100, owners_participating: 67, owners_yes: 40 }, 'participation_owners').passed).toBe(true);
	});
});

describe('ordinary matters: more than 1/2 of participating area and owners', () => {
	it('exactly half the owners (100 of 200) fails, 1 short; 101 passes', () => {
		const half = tallyVote({ ...BASE, owners_yes: 100 });
		expect(half.approvalPassed).toBe(false);
		expect(half.tests.find((x) => x.test === 'approval_owners')).toMatchObject({ passed: false, shortfall: 1 });
		expect(tallyVote({ ...BASE, owners_yes: 101 }).approvalPassed).toBe(true);
	});

	it('exactly half the area (10,000 of 20,000 m²) fails even with 150 owners: area alone binds', () => {
		const r = tallyVote({ ...BASE, owners_yes: 150, area_yes_m2: 10_000 });
		expect(r.passed).toBe(false);
		const t = r.tests.find((x) => x.test === 'approval_area')!;
		expect(t.passed).toBe(false);
		expect(t.shortfall).toBe(0); // strict: anything more than 0 m² more is enough
		expect(t.explanation.en).toContain('more than 0 m² more needed');
		expect(tallyVote({ ...BASE, owners_yes: 150, area_yes_m2: 10_000.01 }).passed).toBe(true);
	});

	it('the approval base is the participants, not all owners: 101 of 300 passes', () => {
		expect(tallyVote(BASE).tests.find((x) => x.test === 'approval_owners')?.base).toBe(200);
	});
});

describe('major matters (items 6-8): ≥ 3/4 of participating area and owners', () => {
	const MAJOR: VoteTally = { ...BASE, motion_kind: 'major', owners_yes: 150, area_yes_m2: 15_000 };

	it('exactly 3/4 (150 owners, 15,000 m²) passes; 149 owners fails 1 short; 14,999.99 m² fails', () => {
		expect(tallyVote(MAJOR).passed).toBe(true);
		const owners = tallyVote({ ...MAJOR, owners_yes: 149 });
		expect(owners.passed).toBe(false);
		expect(owners.tests.find((x) => x.test === 'approval_owners')?.shortfall).toBe(1);
		expect(tallyVote({ ...MAJOR, area_yes_m2: 14_999.99 }).passed).toBe(false);
	});

	it('a majority that passes an ordinary motion fails a major one', () => {
		expect(tallyVote({ ...BASE, motion_kind: 'major' }).passed).toBe(false);
	});
});

describe('the law as coded', () => {
	it('using the maintenance fund (item 5) is a majority matter; raising it (item 6) needs 3/4', () => {
		expect(CIVIL_CODE_278_MATTERS.find((m) => m.item === 5)?.kind).toBe('ordinary');
		expect(CIVIL_CODE_278_MATTERS.find((m) => m.item === 6)?.kind).toBe('major');
		expect(CIVIL_CODE_278_MATTERS.filter((m) => m.kind === 'major').map((m) => m.item)).toEqual([6, 7, 8]);
		expect(VOTE_RULES_PROVENANCE.note).toContain('raising');
	});

	it('sample rows: LJ0070 passes (117 of 222 owners, 15,696.12 of 29,072.69 m²); LJ0192 fails (617 of 1,562)', () => {
		expect(
			tallyVote({ motion_kind: 'ordinary', owners_total: 314, area_total_m2: 41_305, owners_participating: 222, area_participating_m2: 29_072.69, owners_yes: 117, area_yes_m2: 15_696.12 }).passed
		).toBe(true);
		const r = tallyVote({
			motion_kind: 'ordinary',
			owners_total: 2203,
			area_total_m2: 185_001,
			owners_participating: 1562,
			area_participating_m2: 126_174.9,
			owners_yes: 617,
			area_yes_m2: 48_694.8
		});
		expect(r.participationPassed).toBe(true);
		expect(r.passed).toBe(false);
		// need 782 of 1,562 (more than 781): 165 more
		expect(r.tests.find((x) => x.test === 'approval_owners')?.shortfall).toBe(165);
	});

	it('rejects inconsistent tallies', () => {
		expect(() => tallyVote({ ...BASE, owners_yes: 201 })).toThrow(RangeError);
		expect(() => tallyVote({ ...BASE, owners_total: 0 })).toThrow(RangeError);
		expect(() => tallyVote({ ...BASE, owners_participating: 199.5 })).toThrow(RangeError);
	});
});

describe('rational helpers', () => {
	it('reads the decimal as written', () => {
		expect(decimalToRational(137680.84)).toEqual({ num: 13768084n, den: 100n });
		expect(decimalToRational(1e21)).toEqual({ num: 10n ** 21n, den: 1n });
		expect(decimalToRational(1.5e-7)).toEqual({ num: 15n, den: 10n ** 8n });
		expect(compareRatio(200, 300, 2n, 3n)).toBe(0);
		expect(compareRatio(199, 300, 2n, 3n)).toBe(-1);
	});
});

describe('the vote as a forecast', () => {
	const empty = {
		motion_kind: 'ordinary' as const,
		owners_total: 233,
		area_total_m2: 10_000,
		owners_participating: 0,
		area_participating_m2: 0,
		owners_yes: 0,
		area_yes_m2: 0
	};

	it('before any entry: ⌈2/3 × 233⌉ = 156 owners and 6,666.67 m² take part; more than half of them, 79 and 3,333.34 m², vote yes', () => {
		const f = voteForecast(empty);
		expect(f.entered).toBe(false);
		expect(f.participation).toEqual({ owners: 156, area: 6666.67 });
		// > 1/2 × 156 = 78 → 79; > 1/2 × 6,666.67 = 3,333.335 → 3,333.34.
		expect(f.approval).toEqual({ owners: 79, area: 3333.34, basedOnOwners: 156, basedOnArea: 6666.67 });
	});

	it('the rule shown and the shortfall agree: 2/3 of 233 needs 156, and 156 are missing', () => {
		const r = tallyVote(empty);
		const owners = r.tests.find((x) => x.test === 'participation_owners')!;
		expect(owners.needed).toBe(156);
		expect(owners.shortfall).toBe(156);
		expect(r.tests.find((x) => x.test === 'participation_area')!.needed).toBe(6666.67);
	});

	it('as votes come in, approval is counted on the actual participants: 200 taking part → 101 yes; a major motion ⌈3/4 × 200⌉ = 150', () => {
		const f = voteForecast({ ...empty, owners_participating: 200, area_participating_m2: 8000, owners_yes: 40, area_yes_m2: 1500 });
		expect(f.entered).toBe(true);
		expect(f.approval).toMatchObject({ owners: 101, area: 4000.01, basedOnOwners: 200, basedOnArea: 8000 });
		expect(voteForecast({ ...empty, motion_kind: 'major', owners_participating: 200, area_participating_m2: 8000 }).approval).toMatchObject({ owners: 150, area: 6000 });
	});
});
