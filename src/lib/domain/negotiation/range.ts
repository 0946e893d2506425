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
import { DEFAULT_BANDS, DEFAULT_BANDS_PROVENANCE, type Bands } from '../fit';
import { DEFAULT_GRADE_THRESHOLDS, GRADE_LABELS, type Grade, type GradeThresholds } from '../grades';
import { userProvenance } from '../provenance';
import { computeCostFee, type CostFeeInput, type CostFeeResult } from './cost-fee';
import { costAmounts, totalCost } from './cost-items';
import { UNITS, figure, num, pct, yuan, type Explanation } from './explain';

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

function gradeName(g: Grade) {
	return GRADE_LABELS[g];
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
	const atZero = computeCostFee({ ...cost, costs: {} }).breakEvenFee;
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
	const g = gradeName(input.achievedGrade);
	const bandsProvenance = input.bands === undefined ? DEFAULT_BANDS_PROVENANCE : userProvenance();

	const floorExplanation: Explanation = {
		formula: { zh: '底线 = 保本收费（成本法物业费 ÷ 收缴率 ÷ 可计费比例）', en: 'floor = break-even fee (cost-based fee ÷ collection rate ÷ billable share)' },
		inputs: costFee.explanation.breakEven.inputs,
		text: costFee.explanation.breakEven.text
	};
	const ceilingExplanation: Explanation = hasGuide
		? {
				formula: {
					zh: '上限 = 当前等级指导价 ÷ 相符区间下限（质价比 = 指导价 ÷ 收费 ≥ 下限时仍相符）',
					en: 'ceiling = guide price of the achieved grade ÷ band low (still matched while QPR = guide ÷ fee ≥ band low)'
				},
				inputs: [
					figure({ zh: `${g.zh}指导价`, en: `${g.en} guide price` }, guide, UNITS.feeM2),
					figure({ zh: '相符区间下限', en: 'Band low' }, bands.low, UNITS.none, bandsProvenance)
				],
				text: {
					zh: `${num(guide)} ÷ ${num(bands.low)} = ${num(guide / bands.low)} 元/㎡·月`,
					en: `${num(guide)} ÷ ${num(bands.low)} = ${num(guide / bands.low)} yuan/m²/month`
				}
			}
		: {
				formula: { zh: '上限 = 当前等级指导价 ÷ 相符区间下限', en: 'ceiling = guide price of the achieved grade ÷ band low' },
				inputs: [],
				text: {
					zh: `${g.zh}没有指导价，无法确定上限。`,
					en: `No guide price for ${g.en}, so no ceiling.`
				}
			};

	let status: NegotiatingRange['status'];
	let overlap: NegotiatingRange['overlap'] = null;
	let gap: RangeGap | null = null;
	let statusText: Explanation['text'];
	if (ceiling === null) {
		status = 'no_ceiling';
		statusText = {
			zh: `底线 ${num(floor)} 元/㎡·月；没有上限，无法判断协商区间。`,
			en: `Floor ${num(floor)} yuan/m²/month; no ceiling, so no negotiating range.`
		};
	} else if (floor <= ceiling + EDGE) {
		status = 'overlap';
		overlap = { low: floor, high: Math.max(floor, ceiling) };
		statusText = {
			zh: `协商区间 [${num(floor)}, ${num(ceiling)}] 元/㎡·月：底线不高于上限。`,
			en: `Negotiating range [${num(floor)}, ${num(ceiling)}] yuan/m²/month: the floor is at or below the ceiling.`
		};
	} else {
		status = 'gap';
		const byQuality = qualityToReach(floor, input.achievedGrade, input.guidePrices, bands, thresholds, q);
		const byCost = costToCut(input.cost, floor, ceiling);
		const coll = costFee.rates.collectionRate.value * (floor / ceiling);
		const byCollectionRate = coll <= 1 + EDGE ? Math.min(1, coll) : null;
		gap = { size: floor - ceiling, byQuality, byCost, byCollectionRate };
		const ways: { zh: string; en: string }[] = [];
		if (byQuality) {
			const t = gradeName(byQuality.grade);
			ways.push({
				zh: `提升至${t.zh}（Q ≥ ${num(byQuality.qThreshold)}${byQuality.pointsToGain === null ? '' : `，需提高 ${num(byQuality.pointsToGain, 1)} 分`}；上限 ${num(byQuality.guidePrice)} ÷ ${num(bands.low)} = ${num(byQuality.ceiling)}）`,
				en: `reach ${t.en} (Q ≥ ${num(byQuality.qThreshold)}${byQuality.pointsToGain === null ? '' : `, ${num(byQuality.pointsToGain, 1)} points more`}; ceiling ${num(byQuality.guidePrice)} ÷ ${num(bands.low)} = ${num(byQuality.ceiling)})`
			});
		}
		if (byCost) {
			ways.push({
				zh: `年度成本削减 ${yuan(byCost.annualYuan)} 元（${pct(byCost.share, 1)}），至 ${yuan(byCost.targetAnnualCost)} 元/年`,
				en: `cut annual cost by ${yuan(byCost.annualYuan)} yuan (${pct(byCost.share, 1)}) to ${yuan(byCost.targetAnnualCost)} yuan/year`
			});
		}
		if (byCollectionRate !== null) {
			ways.push({
				zh: `收缴率提高到 ${pct(byCollectionRate, 1)}`,
				en: `raise the collection rate to ${pct(byCollectionRate, 1)}`
			});
		}
		statusText = {
			zh: `底线 ${num(floor)} 高于上限 ${num(ceiling)}，差 ${num(floor - ceiling)} 元/㎡·月。${ways.length ? `可通过：${ways.map((w) => w.zh).join('；或')}。` : '单靠提升等级、削减成本或提高收缴率均无法弥合。'}`,
			en: `Floor ${num(floor)} is above ceiling ${num(ceiling)} by ${num(floor - ceiling)} yuan/m²/month. ${ways.length ? `To close it: ${ways.map((w) => w.en).join('; or ')}.` : 'No single grade, cost cut or collection rate closes it.'}`
		};
	}

	let recommended: RecommendedRange | null = null;
	let recText: Explanation['text'];
	if (matchedInterval && ceiling !== null && Math.max(floor, matchedInterval.low) <= matchedInterval.high + EDGE) {
		const low = Math.min(Math.max(floor, matchedInterval.low), matchedInterval.high);
		const high = matchedInterval.high;
		const point = peerUsable ? Math.min(high, Math.max(low, peer)) : (low + high) / 2;
		recommended = { low, high, point, pointMethod: peerUsable ? 'peer' : 'midpoint' };
		recText = {
			zh: `推荐区间 = [max(底线 ${num(floor)}, ${num(guide as number)} ÷ ${num(bands.high)} = ${num(matchedInterval.low)}), ${num(high)}] = [${num(low)}, ${num(high)}]；推荐值 ${num(point)}（${peerUsable ? `同类小区预期收费 ${num(peer)} 截入区间` : '区间中点'}）`,
			en: `recommended = [max(floor ${num(floor)}, ${num(guide as number)} ÷ ${num(bands.high)} = ${num(matchedInterval.low)}), ${num(high)}] = [${num(low)}, ${num(high)}]; point ${num(point)} (${peerUsable ? `peer-expected fee ${num(peer)} clipped into the range` : 'midpoint'})`
		};
	} else {
		recText = {
			zh: ceiling === null ? '没有当前等级指导价，不能给出推荐区间。' : '底线高于相符区间上沿，不能给出推荐区间；请先弥合差距。',
			en: ceiling === null ? 'No guide price for the achieved grade, so no recommended range.' : 'The floor is above the matched interval, so no recommended range; close the gap first.'
		};
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
		costFee,
		explanation: {
			floor: floorExplanation,
			ceiling: ceilingExplanation,
			status: {
				formula: { zh: '底线 ≤ 上限时有协商区间，否则存在差距', en: 'a negotiating range exists when floor ≤ ceiling; otherwise there is a gap' },
				inputs: [
					figure({ zh: '底线', en: 'Floor' }, floor, UNITS.feeM2),
					...(ceiling === null ? [] : [figure({ zh: '上限', en: 'Ceiling' }, ceiling, UNITS.feeM2)]),
					...(peerUsable ? [figure({ zh: '同类小区预期收费（参考）', en: 'Peer-expected fee (reference)' }, peer, UNITS.feeM2)] : [])
				],
				text: statusText
			},
			recommended: {
				formula: {
					zh: '推荐区间 = [max(底线, 指导价 ÷ 相符区间上限), 指导价 ÷ 相符区间下限]；推荐值 = 同类小区预期收费截入该区间，无则取中点',
					en: 'recommended = [max(floor, guide ÷ band high), guide ÷ band low]; point = peer-expected fee clipped into it, else the midpoint'
				},
				inputs: [
					figure({ zh: '底线', en: 'Floor' }, floor, UNITS.feeM2),
					...(hasGuide ? [figure({ zh: `${g.zh}指导价`, en: `${g.en} guide price` }, guide, UNITS.feeM2)] : []),
					figure({ zh: '相符区间下限', en: 'Band low' }, bands.low, UNITS.none, bandsProvenance),
					figure({ zh: '相符区间上限', en: 'Band high' }, bands.high, UNITS.none, bandsProvenance)
				],
				text: recText
			}
		}
	};
}
