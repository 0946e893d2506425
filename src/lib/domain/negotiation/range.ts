/**
 * The negotiating range (docs/sources.md §6, cost test) and the fee range recommended in an appraisal
 * report. Method [E, this app's design]:
 *
 * - Floor = the break-even cost-based fee (cost-fee.ts): the fee at which the firm, at its collection
 *   rate and vacancy, collects its cost plus the stated profit (or commission) and VAT. Setting the
 *   profit rate to 0 gives the bare cost floor.
 * - Ceiling = the highest fee still 相符 at the achieved grade: QPR = guide ÷ fee ≥ band low
 *   ⇔ fee ≤ guide ÷ band low. With a guide price of 1.50 and the 0.9 band edge, 1.50 ÷ 0.9 = 1.6667.
 *   Owners pay more only for a better grade.
 * - Peer-expected fee (peer test, docs/sources.md §6): a second reference, reported with its position but not a
 *   bound, because it reflects what peers charge rather than what the quality is worth.
 * - Overlap: [floor, ceiling] when floor ≤ ceiling. Otherwise a gap, and three ways to close it: the
 *   nearest better grade whose ceiling reaches the floor (and its Q threshold), the annual cost cut that
 *   brings the floor down to the ceiling, or the collection rate that does.
 * - Recommended range for the report: the part of the matched fee interval
 *   [guide ÷ band high, guide ÷ band low] at or above the floor, i.e. [max(floor, guide ÷ band high),
 *   guide ÷ band low]. A fee below guide ÷ band high would be "quality above price", fair to owners
 *   but not what the quality is worth, so the report does not recommend it. Point fee: the peer-expected
 *   fee clipped into the recommended range; the midpoint when there is no peer figure.
 */
import { DEFAULT_BANDS, type Bands } from '../fit';
import { DEFAULT_GRADE_THRESHOLDS, type Grade, type GradeThresholds } from '../grades';
import { computeCostFee, costFeeFigures, type CostFeeInput } from './cost-fee';
import { costAmounts, totalCost } from './cost-items';
import { explainRange } from './range-explain';
import type {
	CostToCut,
	GuidePricesByGrade,
	NegotiatingRange,
	NegotiatingRangeInput,
	PositionInRange,
	QualityToReach,
	RangeFigures,
	RangeGap,
	RecommendedRange
} from './range-terms';

// The shapes of the range are read from here by the rest of the app.
export * from './range-terms';

/** Tolerance for floor = ceiling and edge comparisons: fees are computed through divisions. */
const EDGE = 1e-9;

/**
 * Where a fee lies: 'below_floor', 'within' [floor, ceiling], 'above_ceiling'; in a gap (ceiling <
 * floor) a fee between the two is 'in_gap'; with no ceiling, 'above_floor' for a fee at or above it.
 */
export function positionInRange(fee: number, floor: number, ceiling: number | null): PositionInRange {
	if (ceiling === null) return { position: fee < floor - EDGE ? 'below_floor' : 'above_floor', fraction: null };
	if (floor <= ceiling + EDGE) {
		const span = ceiling - floor;
		const fraction = span > EDGE ? (fee - floor) / span : null;
		if (fee < floor - EDGE) return { position: 'below_floor', fraction };
		if (fee > ceiling + EDGE) return { position: 'above_ceiling', fraction };
		return { position: 'within', fraction };
	}
	if (fee < ceiling - EDGE) return { position: 'below_floor', fraction: null };
	if (fee > floor + EDGE) return { position: 'above_ceiling', fraction: null };
	return { position: 'in_gap', fraction: null };
}

/** The nearest better grade whose ceiling reaches the floor, or null. */
function qualityToReach(
	floor: number,
	achieved: Grade,
	guidePrices: GuidePricesByGrade,
	bands: Bands,
	thresholds: GradeThresholds,
	q: number | null
): QualityToReach | null {
	// Nearest first: the smallest improvement that closes the gap is the useful answer.
	for (let g = achieved - 1; g >= 1; g--) {
		const grade = g as Grade;
		const price = guidePrices[grade];
		if (price === undefined || !Number.isFinite(price)) continue;
		const ceiling = price / bands.low;
		if (ceiling >= floor - EDGE) {
			const qThreshold = thresholds[grade - 1];
			const pointsToGain = q === null || !Number.isFinite(q) ? null : Math.max(0, qThreshold - q);
			return { grade, guidePrice: price, ceiling, qThreshold, pointsToGain };
		}
	}
	return null;
}

/**
 * The annual cost at which the floor falls to the ceiling. The floor is affine in the total cost
 * (floor = a + b × cost, a > 0 only for a fixed commission), and the same whichever items are cut, so
 * two evaluations find a and b exactly.
 */
function costToCut(cost: CostFeeInput, floor: number, ceiling: number): CostToCut | null {
	const current = totalCost(costAmounts(cost.costs));
	if (!(current > 0)) return null;
	const atZero = costFeeFigures({ ...cost, costs: {} }).breakEvenFee;
	const slope = (floor - atZero) / current;
	if (!(slope > 0)) return null;
	const target = (ceiling - atZero) / slope;
	if (target < 0) return null;
	return { annualYuan: current - target, share: (current - target) / current, targetAnnualCost: target };
}

/**
 * The negotiating range: floor (break-even cost-based fee), ceiling (guide ÷ band low at the achieved
 * grade), their overlap or gap, and the recommended range (method in the module comment).
 * E.g. floor 1.3051 (1.14 × 1.08 × 1.06 at full collection) and guide 1.50 → ceiling 1.6667, overlap
 * [1.3051, 1.6667]; recommended [max(1.3051, 1.50 ÷ 1.1 = 1.3636), 1.6667].
 * @throws RangeError from the cost build-up, or if the bands are not 0 < low ≤ high.
 */
export function negotiatingRange(input: NegotiatingRangeInput): NegotiatingRange {
	const figures = rangeFigures(input);
	return { ...figures, explanation: explainRange(input, figures) };
}

/** The negotiating range's figures: {@link negotiatingRange} adds the explanation. */
export function rangeFigures(input: NegotiatingRangeInput): RangeFigures {
	const bands = input.bands ?? DEFAULT_BANDS;
	if (!(bands.low > 0 && bands.high >= bands.low && Number.isFinite(bands.high))) {
		throw new RangeError(`bands must satisfy 0 < low ≤ high, got ${bands.low}-${bands.high}`);
	}
	const thresholds = input.gradeThresholds ?? DEFAULT_GRADE_THRESHOLDS;
	const costFee = computeCostFee(input.cost);
	const floor = costFee.breakEvenFee;
	const guide = input.guidePrices[input.achievedGrade];
	const hasGuide = guide !== undefined && Number.isFinite(guide) && guide > 0;
	const ceiling = hasGuide ? guide / bands.low : null;
	const matchedInterval = hasGuide ? { low: guide / bands.high, high: guide / bands.low } : null;
	const peer = input.peerExpectedFee ?? null;
	const peerUsable = peer !== null && Number.isFinite(peer) && peer > 0;
	const q = input.q ?? null;

	let status: NegotiatingRange['status'];
	let overlap: NegotiatingRange['overlap'] = null;
	let gap: RangeGap | null = null;
	if (ceiling === null) {
		status = 'no_ceiling';
	} else if (floor <= ceiling + EDGE) {
		status = 'overlap';
		overlap = { low: floor, high: Math.max(floor, ceiling) };
	} else {
		status = 'gap';
		const byQuality = qualityToReach(floor, input.achievedGrade, input.guidePrices, bands, thresholds, q);
		const byCost = costToCut(input.cost, floor, ceiling);
		const coll = costFee.rates.collectionRate.value * (floor / ceiling);
		const byCollectionRate = coll <= 1 + EDGE ? Math.min(1, coll) : null;
		gap = { size: floor - ceiling, byQuality, byCost, byCollectionRate };
	}

	let recommended: RecommendedRange | null = null;
	if (matchedInterval && ceiling !== null && Math.max(floor, matchedInterval.low) <= matchedInterval.high + EDGE) {
		const low = Math.min(Math.max(floor, matchedInterval.low), matchedInterval.high);
		const high = matchedInterval.high;
		const point = peerUsable ? Math.min(high, Math.max(low, peer)) : (low + high) / 2;
		recommended = { low, high, point, pointMethod: peerUsable ? 'peer' : 'midpoint' };
	}

	return {
		floor,
		ceiling,
		matchedInterval,
		status,
		overlap,
		gap,
		peerExpectedFee: peerUsable ? peer : null,
		peerPosition: peerUsable ? positionInRange(peer, floor, ceiling) : null,
		recommended,
		costFee
	};
}
