/**
 * The shapes of the negotiating range (docs/sources.md §6): its inputs, the ways to close a gap, the recommended
 * range and the result. The computation is in range.ts, the explanation in range-explain.ts.
 */
import type { Bands } from '../fit';
import type { Grade, GradeThresholds } from '../grades';
import type { CostFeeInput, CostFeeResult } from './cost-fee-terms';
import type { Explanation } from './explain';

/** Guide prices (元/㎡·月) by grade for the estate's building type; absent where unpublished. */
export type GuidePricesByGrade = Readonly<Partial<Record<Grade, number>>>;

/** Where a fee lies against the floor and ceiling. */
export type RangePosition = 'below_floor' | 'within' | 'above_ceiling' | 'in_gap' | 'above_floor';

/** A fee's position and, inside an overlap, how far up it is (0 = floor, 1 = ceiling). */
export interface PositionInRange {
	position: RangePosition;
	/** (fee − floor) ÷ (ceiling − floor) when floor < ceiling; null otherwise. */
	fraction: number | null;
}

/** Inputs of the negotiating range. */
export interface NegotiatingRangeInput {
	/** The cost build-up; its break-even fee is the floor. */
	cost: CostFeeInput;
	/** The grade the estate achieves now. */
	achievedGrade: Grade;
	/** Guide prices of the estate's building type by grade (from a catalogue or the user). */
	guidePrices: GuidePricesByGrade;
	/** 相符 band on QPR; default 0.9-1.1 [E]. */
	bands?: Bands;
	/** Expected fee from the peer test, 元/㎡·月, if any. */
	peerExpectedFee?: number | null;
	/** Q thresholds of grades 1-4; default 90/80/70/60 [E]. */
	gradeThresholds?: GradeThresholds;
	/** The estate's composite Q now, to say how many points a better grade needs. */
	q?: number | null;
}

/** Closing a gap with better quality. */
export interface QualityToReach {
	grade: Grade;
	guidePrice: number;
	/** guide ÷ band low at that grade, ≥ floor. */
	ceiling: number;
	/** Q needed for that grade. */
	qThreshold: number;
	/** qThreshold − Q, when Q is known; 0 if already there (a red line may be capping the grade). */
	pointsToGain: number | null;
}

/** Closing a gap by cutting cost. */
export interface CostToCut {
	/** Annual cost to cut, yuan/year. */
	annualYuan: number;
	/** As a share of the current annual cost. */
	share: number;
	/** Annual cost at which the floor equals the ceiling. */
	targetAnnualCost: number;
}

/** The gap between floor and ceiling and what would close it (null where a way cannot close it). */
export interface RangeGap {
	/** floor − ceiling, 元/㎡·月. */
	size: number;
	byQuality: QualityToReach | null;
	byCost: CostToCut | null;
	/** Collection rate at which the floor falls to the ceiling (null if it would need more than 100%). */
	byCollectionRate: number | null;
}

/** The fee range recommended for an appraisal report. */
export interface RecommendedRange {
	low: number;
	high: number;
	point: number;
	pointMethod: 'peer' | 'midpoint';
}

/** Negotiating range, gap and recommendation. */
export interface NegotiatingRange {
	floor: number;
	/** Null when the achieved grade has no guide price. */
	ceiling: number | null;
	/** The fees at which the achieved grade is 相符: [guide ÷ band high, guide ÷ band low]. */
	matchedInterval: { low: number; high: number } | null;
	status: 'overlap' | 'gap' | 'no_ceiling';
	overlap: { low: number; high: number } | null;
	gap: RangeGap | null;
	peerExpectedFee: number | null;
	peerPosition: PositionInRange | null;
	recommended: RecommendedRange | null;
	/** The cost build-up behind the floor. */
	costFee: CostFeeResult;
	explanation: { floor: Explanation; ceiling: Explanation; status: Explanation; recommended: Explanation };
}

/** The negotiating range's figures without their explanation (what explainRange explains). */
export type RangeFigures = Omit<NegotiatingRange, 'explanation'>;
