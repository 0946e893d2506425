/**
 * How the negotiating range was reached (docs/sources.md §6): the floor, the ceiling, the overlap or gap with the
 * ways to close it, and the recommended range, each as a formula, its inputs with their sources, and the numbers
 * put in. Built from the figures rangeFigures (range.ts) computed, so the explanation cannot disagree with them.
 */
import { DEFAULT_BANDS, DEFAULT_BANDS_PROVENANCE } from '../fit';
import { GRADE_LABELS } from '../grades';
import { userProvenance, type Bilingual } from '../provenance';
import { UNITS, figure, num, pct, yuan, type Explanation } from './explain';
import type { NegotiatingRange, NegotiatingRangeInput, RangeFigures } from './range-terms';

/** The four explanations of a negotiating range: floor, ceiling, status (overlap or gap), recommended range. */
export function explainRange(input: NegotiatingRangeInput, f: RangeFigures): NegotiatingRange['explanation'] {
	const bands = input.bands ?? DEFAULT_BANDS;
	const bandsProvenance = input.bands === undefined ? DEFAULT_BANDS_PROVENANCE : userProvenance();
	const g = GRADE_LABELS[input.achievedGrade];
	// A ceiling exists exactly when the achieved grade has a usable guide price.
	const guide = f.ceiling === null ? null : (input.guidePrices[input.achievedGrade] as number);
	const peer = f.peerExpectedFee;
	const { floor, ceiling } = f;

	const floorExplanation: Explanation = {
		formula: { zh: '底线 = 保本收费（成本法物业费 ÷ 收缴率 ÷ 可计费比例）', en: 'floor = break-even fee (cost-based fee ÷ collection rate ÷ billable share)' },
		inputs: f.costFee.explanation.breakEven.inputs,
		text: f.costFee.explanation.breakEven.text
	};
	const ceilingExplanation: Explanation =
		guide !== null
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

	let statusText: Explanation['text'];
	if (ceiling === null) {
		statusText = {
			zh: `底线 ${num(floor)} 元/㎡·月；没有上限，无法判断协商区间。`,
			en: `Floor ${num(floor)} yuan/m²/month; no ceiling, so no negotiating range.`
		};
	} else if (f.status === 'overlap') {
		statusText = {
			zh: `协商区间 [${num(floor)}, ${num(ceiling)}] 元/㎡·月：底线不高于上限。`,
			en: `Negotiating range [${num(floor)}, ${num(ceiling)}] yuan/m²/month: the floor is at or below the ceiling.`
		};
	} else {
		const ways = gapWays(f, bands.low);
		statusText = {
			zh: `底线 ${num(floor)} 高于上限 ${num(ceiling)}，差 ${num(floor - ceiling)} 元/㎡·月。${ways.length ? `可通过：${ways.map((w) => w.zh).join('；或')}。` : '单靠提升等级、削减成本或提高收缴率均无法弥合。'}`,
			en: `Floor ${num(floor)} is above ceiling ${num(ceiling)} by ${num(floor - ceiling)} yuan/m²/month. ${ways.length ? `To close it: ${ways.map((w) => w.en).join('; or ')}.` : 'No single grade, cost cut or collection rate closes it.'}`
		};
	}

	let recText: Explanation['text'];
	const r = f.recommended;
	if (r && f.matchedInterval && guide !== null) {
		recText = {
			zh: `推荐区间 = [max(底线 ${num(floor)}, ${num(guide)} ÷ ${num(bands.high)} = ${num(f.matchedInterval.low)}), ${num(r.high)}] = [${num(r.low)}, ${num(r.high)}]；推荐值 ${num(r.point)}（${peer !== null ? `同类小区预期收费 ${num(peer)} 截入区间` : '区间中点'}）`,
			en: `recommended = [max(floor ${num(floor)}, ${num(guide)} ÷ ${num(bands.high)} = ${num(f.matchedInterval.low)}), ${num(r.high)}] = [${num(r.low)}, ${num(r.high)}]; point ${num(r.point)} (${peer !== null ? `peer-expected fee ${num(peer)} clipped into the range` : 'midpoint'})`
		};
	} else {
		recText = {
			zh: ceiling === null ? '没有当前等级指导价，不能给出推荐区间。' : '底线高于相符区间上沿，不能给出推荐区间；请先弥合差距。',
			en: ceiling === null ? 'No guide price for the achieved grade, so no recommended range.' : 'The floor is above the matched interval, so no recommended range; close the gap first.'
		};
	}

	return {
		floor: floorExplanation,
		ceiling: ceilingExplanation,
		status: {
			formula: { zh: '底线 ≤ 上限时有协商区间，否则存在差距', en: 'a negotiating range exists when floor ≤ ceiling; otherwise there is a gap' },
			inputs: [
				figure({ zh: '底线', en: 'Floor' }, floor, UNITS.feeM2),
				...(ceiling === null ? [] : [figure({ zh: '上限', en: 'Ceiling' }, ceiling, UNITS.feeM2)]),
				...(peer !== null ? [figure({ zh: '同类小区预期收费（参考）', en: 'Peer-expected fee (reference)' }, peer, UNITS.feeM2)] : [])
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
				...(guide !== null ? [figure({ zh: `${g.zh}指导价`, en: `${g.en} guide price` }, guide, UNITS.feeM2)] : []),
				figure({ zh: '相符区间下限', en: 'Band low' }, bands.low, UNITS.none, bandsProvenance),
				figure({ zh: '相符区间上限', en: 'Band high' }, bands.high, UNITS.none, bandsProvenance)
			],
			text: recText
		}
	};
}

/** The ways that close a gap, as sentences: a better grade, a cost cut, a higher collection rate. */
function gapWays(f: RangeFigures, bandLow: number): Bilingual[] {
	const ways: Bilingual[] = [];
	if (!f.gap) return ways;
	const { byQuality, byCost, byCollectionRate } = f.gap;
	if (byQuality) {
		const t = GRADE_LABELS[byQuality.grade];
		ways.push({
			zh: `提升至${t.zh}（Q ≥ ${num(byQuality.qThreshold)}${byQuality.pointsToGain === null ? '' : `，需提高 ${num(byQuality.pointsToGain, 1)} 分`}；上限 ${num(byQuality.guidePrice)} ÷ ${num(bandLow)} = ${num(byQuality.ceiling)}）`,
			en: `reach ${t.en} (Q ≥ ${num(byQuality.qThreshold)}${byQuality.pointsToGain === null ? '' : `, ${num(byQuality.pointsToGain, 1)} points more`}; ceiling ${num(byQuality.guidePrice)} ÷ ${num(bandLow)} = ${num(byQuality.ceiling)})`
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
	return ways;
}
