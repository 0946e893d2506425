/**
 * What the owners' vote on the maintenance fund needs in one estate (Civil Code art. 278; method notes §8):
 * owners holding ≥ 2/3 of the exclusive area and ≥ 2/3 of the owners take part; using the fund (item 5) then
 * needs more than 1/2 of the participating area and owners, refilling it (筹集, item 6) at least 3/4 of both.
 * The thresholds are the fee vote's (negotiation/vote.ts), so the two votes cannot drift apart.
 *
 * Owners are whole people, so owner counts are the smallest whole numbers meeting each test, worked in BigInt.
 * Areas are exact fractions of the total; for a strict test (> 1/2) the area must exceed the figure given.
 */
import type { MotionKind } from '../../data/datasets';
import { VOTE_RULES_PROVENANCE, VOTE_THRESHOLDS, type VoteThreshold } from '../negotiation/vote';
import type { Bilingual, Provenance } from '../provenance';

/** The two fund decisions and the art. 278 item and majority each is. */
export const FUND_DECISIONS = {
	use: { item: 5, kind: 'ordinary' as MotionKind, label: { zh: '使用专项维修资金', en: 'Use the maintenance fund' } as Bilingual },
	refill: { item: 6, kind: 'major' as MotionKind, label: { zh: '筹集（续筹）专项维修资金', en: 'Raise (refill) the maintenance fund' } as Bilingual }
} as const;
export type FundDecision = keyof typeof FUND_DECISIONS;

/** The smallest whole n with n / base ≥ p/q (or > p/q when strict). */
export function ownersNeeded(base: number, t: Pick<VoteThreshold, 'p' | 'q' | 'strict'>): number {
	if (!Number.isSafeInteger(base) || base < 0) throw new RangeError(`owner count must be a whole number ≥ 0, got ${base}`);
	const pb = t.p * BigInt(base);
	return Number(t.strict ? pb / t.q + 1n : (pb + t.q - 1n) / t.q);
}

/** p/q of an area (m²). */
function areaShare(area: number, t: Pick<VoteThreshold, 'p' | 'q'>): number {
	return (area * Number(t.p)) / Number(t.q);
}

/** What one decision needs. */
export interface FundVoteNeed {
	decision: FundDecision;
	item: number;
	kind: MotionKind;
	label: Bilingual;
	approval: VoteThreshold;
	/** Minimum turnout: owners (whole) and area (m², at least). */
	participationOwners: number;
	participationAreaM2: number;
	/** Yes votes needed at the minimum turnout (the fewest that can carry it): owners and area (m²; strict: more than). */
	yesOwnersAtMinimum: number;
	yesAreaAtMinimumM2: number;
	/** Yes votes needed if every owner takes part. */
	yesOwnersAtFull: number;
	yesAreaAtFullM2: number;
	/** Whether the area figures must be exceeded (> 1/2) rather than reached. */
	strictArea: boolean;
}

/** What using and refilling the fund need in an estate of `owners` owners holding `areaM2` m² of exclusive area. */
export function fundVoteNeeds(owners: number, areaM2: number): { use: FundVoteNeed; refill: FundVoteNeed; provenance: Provenance } {
	if (!(areaM2 > 0) || !Number.isFinite(areaM2)) throw new RangeError(`area must be > 0, got ${areaM2}`);
	if (!(owners > 0)) throw new RangeError(`owners must be > 0, got ${owners}`);
	const part = VOTE_THRESHOLDS.participation;
	const pOwners = ownersNeeded(owners, part);
	const pArea = areaShare(areaM2, part);
	const need = (decision: FundDecision): FundVoteNeed => {
		const d = FUND_DECISIONS[decision];
		const approval = d.kind === 'major' ? VOTE_THRESHOLDS.major : VOTE_THRESHOLDS.ordinary;
		return {
			decision,
			item: d.item,
			kind: d.kind,
			label: d.label,
			approval,
			participationOwners: pOwners,
			participationAreaM2: pArea,
			yesOwnersAtMinimum: ownersNeeded(pOwners, approval),
			yesAreaAtMinimumM2: areaShare(pArea, approval),
			yesOwnersAtFull: ownersNeeded(owners, approval),
			yesAreaAtFullM2: areaShare(areaM2, approval),
			strictArea: approval.strict
		};
	};
	return { use: need('use'), refill: need('refill'), provenance: VOTE_RULES_PROVENANCE };
}

/** Does a motion's text concern the maintenance fund (for showing a recorded vote beside the plan)? */
export function isFundMotion(motion: string): boolean {
	return /维修资金|维修基金|maintenance fund/i.test(motion);
}
