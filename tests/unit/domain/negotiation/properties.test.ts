import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_ITEM_CODES, type CostItemCode } from '$lib/data/datasets';
import { computeCostFee, decodeScenario, tallyVote, type VoteTally } from '$lib/domain';

/** Annual amounts: whole yuan up to 10 million, many items empty. */
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 }));
const costs = fc.record(Object.fromEntries(COST_ITEM_CODES.map((c) => [c, amount])) as Record<CostItemCode, fc.Arbitrary<number>>);
const rate = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Floating sums of a few terms drift by a few ulps of the total, so closeness is relative: an absolute
 * tolerance failed on a 3.4-million-yuan unit cost (area 1 ㎡) that was off by 9e-10. */
function expectNear(actual: number, expected: number, relative = 1e-12): void {
	expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

describe('properties (fast-check)', () => {
	it('cost items always sum to the total, and their shares to 1', () => {
		fc.assert(
			fc.property(costs, fc.integer({ min: 1, max: 2_000_000 }), (c, area) => {
				const r = computeCostFee({ costs: c, chargeableAreaM2: area });
				const sum = r.items.reduce((s, i) => s + i.annualYuan, 0);
				expect(sum).toBe(r.annualCost);
				expectNear(r.items.reduce((s, i) => s + i.unitCost, 0), r.unitCost);
				if (r.annualCost > 0) expect(r.items.reduce((s, i) => s + (i.share ?? 0), 0)).toBeCloseTo(1, 12);
				else expect(r.items.every((i) => i.share === null)).toBe(true);
			})
		);
	});

	it('the break-even fee is never below the fee at 100% collection', () => {
		fc.assert(
			fc.property(
				costs,
				fc.integer({ min: 1, max: 2_000_000 }),
				rate(0.01, 1),
				rate(0, 0.99),
				rate(0, 1),
				rate(0, 0.3),
				fc.constantFrom('lump_sum' as const, 'commission' as const),
				(c, area, collectionRate, vacantShare, paidShare, profitRate, contract) => {
					const r = computeCostFee({ costs: c, chargeableAreaM2: area, collectionRate, vacancy: { vacantShare, paidShare }, profitRate, contract });
					const full = computeCostFee({ costs: c, chargeableAreaM2: area, collectionRate: 1, profitRate, contract });
					expect(r.breakEvenFee).toBeGreaterThanOrEqual(full.fee * (1 - 1e-12));
					expectNear(full.breakEvenFee, full.fee);
				}
			)
		);
	});

	/** A consistent tally; areas in whole cents, as entered. */
	const tally = fc
		.record({
			kind: fc.constantFrom('ordinary' as const, 'major' as const),
			owners: fc.integer({ min: 1, max: 3000 }),
			areaCents: fc.integer({ min: 1, max: 30_000_000 }),
			partShare: fc.double({ min: 0, max: 1, noNaN: true }),
			partAreaShare: fc.double({ min: 0, max: 1, noNaN: true }),
			yesA: fc.double({ min: 0, max: 1, noNaN: true }),
			yesB: fc.double({ min: 0, max: 1, noNaN: true }),
			yesAreaA: fc.double({ min: 0, max: 1, noNaN: true }),
			yesAreaB: fc.double({ min: 0, max: 1, noNaN: true })
		})
		.map((g) => {
			const part = Math.floor(g.owners * g.partShare);
			const partCents = Math.floor(g.areaCents * g.partAreaShare);
			const [lo, hi] = [Math.floor(part * g.yesA), Math.floor(part * g.yesB)].sort((a, b) => a - b);
			const [alo, ahi] = [Math.floor(partCents * g.yesAreaA), Math.floor(partCents * g.yesAreaB)].sort((a, b) => a - b);
			const base: VoteTally = {
				motion_kind: g.kind,
				owners_total: g.owners,
				area_total_m2: g.areaCents / 100,
				owners_participating: part,
				area_participating_m2: partCents / 100,
				owners_yes: lo,
				area_yes_m2: alo / 100
			};
			return { fewer: base, more: { ...base, owners_yes: hi, area_yes_m2: ahi / 100 } };
		});

	it('a vote result is monotone in yes votes: more yes (owners and area) never turns a pass into a fail', () => {
		fc.assert(
			fc.property(tally, ({ fewer, more }) => {
				if (tallyVote(fewer).passed) expect(tallyVote(more).passed).toBe(true);
				// each approval test on its own is monotone too
				const a = tallyVote(fewer).tests;
				const b = tallyVote(more).tests;
				a.forEach((t, i) => {
					if (t.passed) expect(b[i].passed).toBe(true);
				});
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 500) }
		);
	});

	it('decodeScenario never throws on arbitrary strings', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(() => decodeScenario(s)).not.toThrow();
			})
		);
	});
});
