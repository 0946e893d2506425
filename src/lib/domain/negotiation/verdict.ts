/**
 * The verdict: the answer a chair came for, in one sentence and one range, before any working
 * (docs/sources.md §6.1). Method [E, this app's design]:
 *
 * - Fair range = the fees at which the achieved grade is 相符: [guide ÷ band high, guide ÷ band low]
 *   (QPR = guide ÷ fee inside the band). Guide 1.20 with the 0.9-1.1 band gives 1.20 ÷ 1.1 = 1.0909 to
 *   1.20 ÷ 0.9 = 1.3333, shown as 1.09–1.33 元/㎡·月. A fee above it is 偏高, below it 偏低.
 * - Options that close a gap, each with its figure: lower the fee to the range's top; keep the fee and
 *   reach the nearest better grade whose range reaches it (Q points to gain); raise a low fee to the
 *   range's bottom; and, when the firm cannot break even inside the range, cut the annual cost (or raise
 *   the collection rate) until the floor falls to the range's top.
 * - Missing or estimated inputs are named with what to add. A figure resting on missing data is not
 *   offered as a conclusion: with cost items missing (no cost budget) the cost floor and the cost
 *   options are withheld, and only the fair range, which needs no cost, is stated.
 *
 * Fees are shown to 0.01 元/㎡·月 (one rounding rule everywhere, docs/sources.md §6.1); comparisons use the
 * unrounded values, so the verdict agrees with the QPR band shown beside it.
 */
import type { Bands } from '../fit';
import { GRADE_LABELS, type Grade, type GradeThresholds } from '../grades';
import type { Bilingual } from '../provenance';
import type { NegotiatingRange, GuidePricesByGrade } from './range';

/** Tolerance for edge comparisons (fees come out of divisions). */
const EDGE = 1e-9;

/** A fee to 0.01 元/㎡·月 with both decimals: 1.4 → '1.40'. Rounds half away from zero. */
export function fee2(v: number): string {
	const r = Math.round(Math.abs(v) * 100 + 1e-7) / 100;
	return `${v < 0 ? '-' : ''}${r.toFixed(2)}`;
}

/** A fee rounded to 0.01, so a difference of two shown fees is the difference of what is shown. */
const r2 = (v: number) => Math.round(v * 100 + 1e-7) / 100;
/** The difference of two fees as shown: fee2(r2(a) − r2(b)). */
const diff2 = (a: number, b: number) => fee2(r2(a) - r2(b));

/** Q to one decimal: 72.25 → '72.3'. */
export function q1(v: number): string {
	return (Math.round(v * 10 + 1e-7) / 10).toFixed(1);
}

/** Whole yuan with comma grouping: 267939.4 → '267,939'. */
function yuan0(v: number): string {
	return Math.round(v).toLocaleString('en-US');
}

/** How far the cost build-up rests on the estate's own figures. */
export interface CostBasis {
	/** Cost items with no figure at all (counted as 0). */
	missingItems: number;
	/** Cost items that are estimates (e.g. staff cost from a staffing template scaled to the estate). */
	estimatedItems: number;
	/** The collection rate is the sourced default, not the estate's. */
	collectionRateDefault: boolean;
}

/** Inputs of the verdict. */
export interface VerdictInput {
	/** The fee charged now, 元/㎡·月; null when unknown. */
	currentFee: number | null;
	achievedGrade: Grade | null;
	q: number | null;
	guidePrices: GuidePricesByGrade;
	bands: Bands;
	thresholds: GradeThresholds;
	/** The negotiating range (floor, gap and its closers), or null when it could not be computed. */
	range: NegotiatingRange | null;
	costBasis: CostBasis;
}

export type VerdictStatus = 'high' | 'matched' | 'low' | 'unknown';

export type VerdictOptionKind = 'lower_fee' | 'raise_quality' | 'raise_fee' | 'cut_cost' | 'collection';

/** One way to close the gap, with its figure. */
export interface VerdictOption {
	kind: VerdictOptionKind;
	/** The option's figure: a fee (元/㎡·月), Q points, yuan/year or a rate, by kind. */
	figure: number;
	text: Bilingual;
}

/** The verdict. */
export interface Verdict {
	status: VerdictStatus;
	/** Fees at which the achieved grade is 相符; null without a fee or a guide price. */
	fair: { low: number; high: number } | null;
	currentFee: number | null;
	/** The one sentence. */
	sentence: Bilingual;
	/** Floor, range and fee reconciled in words; null when there is nothing to reconcile. */
	reconcile: Bilingual | null;
	options: VerdictOption[];
	/** Inputs missing or estimated, each with what to add. */
	missing: Bilingual[];
	/** The cost floor when it rests on complete cost data; null when withheld or unknown. */
	floor: number | null;
	/** Why the floor is withheld, when it is. */
	floorWithheld: boolean;
}

const g = (x: Grade) => GRADE_LABELS[x];

/** The nearest better grade whose fair range reaches the fee (guide ÷ band low ≥ fee). */
function gradeForFee(fee: number, achieved: Grade, prices: GuidePricesByGrade, bands: Bands): { grade: Grade; high: number } | null {
	for (let k = achieved - 1; k >= 1; k--) {
		const p = prices[k as Grade];
		if (p === undefined || !Number.isFinite(p) || p <= 0) continue;
		if (p / bands.low >= fee - EDGE) return { grade: k as Grade, high: p / bands.low };
	}
	return null;
}

/**
 * The verdict for an estate. E.g. fee 1.40, 三级 with guide 1.20, bands 0.9-1.1 → fair 1.0909-1.3333,
 * "与现有服务质量相符的收费为 1.09–1.33 元/㎡·月；现行 1.40 偏高", options: lower to 1.33; keep 1.40 and reach
 * 二级 (guide 1.50 → up to 1.67) with Q ≥ 80.
 */
export function verdict(input: VerdictInput): Verdict {
	const missing: Bilingual[] = [];
	const options: VerdictOption[] = [];
	const { currentFee, achievedGrade, q, bands } = input;
	const basis = input.costBasis;
	const costIncomplete = basis.missingItems > 0;

	if (currentFee === null || !(currentFee > 0)) {
		missing.push({ zh: '缺现行收费：请在「质量与指导价」中填写本小区现行物业费（元/㎡·月）。', en: 'No current fee: enter the fee charged now (yuan/m²/month) under Quality and guide prices.' });
	}
	if (achievedGrade === null) {
		missing.push({ zh: '缺服务等级：需要本小区的评分数据。', en: 'No service grade: the estate needs quality scores.' });
	}
	const guide = achievedGrade === null ? undefined : input.guidePrices[achievedGrade];
	const hasGuide = guide !== undefined && Number.isFinite(guide) && guide > 0;
	if (achievedGrade !== null && !hasGuide) {
		missing.push({
			zh: `所用指导价目录没有${g(achievedGrade).zh}的指导价：请在「方法与来源」选择或编辑一个有该等级价格的目录。`,
			en: `The guide-price catalogue in use has no price for ${g(achievedGrade).en}: choose or edit a catalogue with one under Methods.`
		});
	}
	if (q === null) {
		missing.push({ zh: '缺综合质量分 Q：无法算出升级所需的分数。', en: 'No quality score Q: the points a better grade needs cannot be given.' });
	}

	// The floor is a conclusion only when every cost item has a figure.
	const floorWithheld = costIncomplete && input.range !== null;
	const floor = input.range && !costIncomplete ? input.range.floor : null;
	if (costIncomplete) {
		missing.push({
			zh: `成本数据不全：10 项成本中 ${basis.missingItems} 项缺数据（按 0 计）${basis.estimatedItems > 0 ? `，${basis.estimatedItems} 项为按本小区面积缩放的模板估算` : ''}，因此不给出成本底线（保本收费）和削减成本的数字。请在「成本核算」填入本小区的年度成本预算。`,
			en: `Cost data incomplete: ${basis.missingItems} of the 10 cost items have no figure (counted as 0)${basis.estimatedItems > 0 ? `, ${basis.estimatedItems} is a template estimate scaled to this estate's area` : ''}, so no cost floor (break-even fee) or cost cut is given. Enter the estate's annual cost budget under Cost build-up.`
		});
	} else if (basis.estimatedItems > 0) {
		missing.push({
			zh: `${basis.estimatedItems} 项成本为模板估算：成本底线是估计值，请以实际预算替换。`,
			en: `${basis.estimatedItems} cost item${basis.estimatedItems === 1 ? ' is a template estimate' : 's are template estimates'}: the cost floor is an estimate; replace with the actual budget.`
		});
	}
	if (floor !== null && input.range && basis.collectionRateDefault) {
		const rate = `${Math.round(input.range.costFee.rates.collectionRate.value * 1000) / 10}%`;
		missing.push({
			zh: `收缴率按默认 ${rate} 估计（本小区无收缴率数据），成本底线随之变化；请填写实际收缴率。`,
			en: `The collection rate is the ${rate} default (no figure for this estate), and the floor moves with it; enter the actual rate.`
		});
	}

	if (!(currentFee !== null && currentFee > 0) || achievedGrade === null || !hasGuide) {
		return {
			status: 'unknown',
			fair: hasGuide ? { low: guide / bands.high, high: guide / bands.low } : null,
			currentFee: currentFee !== null && currentFee > 0 ? currentFee : null,
			sentence: { zh: '暂不能判断收费是否与服务质量相符：缺少下列数据。', en: 'Cannot yet say whether the fee matches the service quality: the data below is missing.' },
			reconcile: null,
			options,
			missing,
			floor,
			floorWithheld
		};
	}

	const fair = { low: guide / bands.high, high: guide / bands.low };
	const status: VerdictStatus = currentFee > fair.high + EDGE ? 'high' : currentFee < fair.low - EDGE ? 'low' : 'matched';
	const rangeZh = `${fee2(fair.low)}–${fee2(fair.high)} 元/㎡·月`;
	const rangeEn = `${fee2(fair.low)}–${fee2(fair.high)} yuan/m²/month`;
	const word = { high: { zh: '偏高', en: 'too high' }, low: { zh: '偏低', en: 'below what the quality is worth' }, matched: { zh: '相符', en: 'a match' } }[status];
	const sentence: Bilingual = {
		zh: `与现有服务质量（${g(achievedGrade).zh}）相符的收费为 ${rangeZh}；现行 ${fee2(currentFee)} ${word.zh}。`,
		en: `The fee that matches the present service quality (${g(achievedGrade).en}) is ${rangeEn}; the current ${fee2(currentFee)} is ${word.en}.`
	};

	if (status === 'high') {
		options.push({
			kind: 'lower_fee',
			figure: fair.high,
			text: {
				zh: `降费：收费降至 ${fee2(fair.high)} 元/㎡·月（每平方米每月少 ${diff2(currentFee, fair.high)} 元）。`,
				en: `Lower the fee to ${fee2(fair.high)} yuan/m²/month (${diff2(currentFee, fair.high)} less per m² a month).`
			}
		});
		const better = gradeForFee(currentFee, achievedGrade, input.guidePrices, bands);
		if (better) {
			const threshold = input.thresholds[better.grade - 1];
			// Points from the Q shown (one decimal) to the threshold, so the sum reads right.
			const points = q === null ? null : Math.max(0, Math.round((threshold - Math.round(q * 10) / 10) * 10) / 10);
			options.push({
				kind: 'raise_quality',
				figure: points ?? threshold,
				text: {
					zh: `保持现行收费、提升服务：达到${g(better.grade).zh}（Q ≥ ${q1(threshold)}${points === null ? '' : `，需提高 ${q1(points)} 分`}），该等级相符收费上限为 ${fee2(better.high)}。`,
					en: `Keep the fee and raise the service to ${g(better.grade).en} (Q ≥ ${q1(threshold)}${points === null ? '' : `, ${q1(points)} points more`}), whose matching fee goes up to ${fee2(better.high)}.`
				}
			});
		}
	} else if (status === 'low') {
		options.push({
			kind: 'raise_fee',
			figure: fair.low,
			text: {
				zh: `可将收费提高到 ${fee2(fair.low)} 元/㎡·月（+${diff2(fair.low, currentFee)}）仍与质量相符；保持现行收费则业主所付低于服务所值。`,
				en: `The fee could rise to ${fee2(fair.low)} yuan/m²/month (+${diff2(fair.low, currentFee)}) and still match the quality; keeping it means owners pay less than the service is worth.`
			}
		});
	}

	// The floor against the range: can the firm break even at a fair fee?
	let reconcile: Bilingual | null = null;
	const r = input.range;
	if (r && floor !== null) {
		if (floor > fair.high + EDGE) {
			reconcile = {
				zh: `成本底线（保本收费）${fee2(floor)} 高于相符上限 ${fee2(fair.high)}：按现有成本，物业公司在与质量相符的收费下不能保本，差 ${diff2(floor, fair.high)} 元/㎡·月。`,
				en: `The cost floor (break-even fee) ${fee2(floor)} is above the top of the fair range ${fee2(fair.high)}: at today's cost the firm cannot break even at a fair fee; the gap is ${diff2(floor, fair.high)} yuan/m²/month.`
			};
			if (r.gap?.byCost) {
				options.push({
					kind: 'cut_cost',
					figure: r.gap.byCost.annualYuan,
					text: {
						zh: `降本：年度成本削减 ${yuan0(r.gap.byCost.annualYuan)} 元（${(r.gap.byCost.share * 100).toFixed(1)}%），使保本收费降到 ${fee2(fair.high)}。`,
						en: `Cut the annual cost by ${yuan0(r.gap.byCost.annualYuan)} yuan (${(r.gap.byCost.share * 100).toFixed(1)}%), bringing the break-even fee down to ${fee2(fair.high)}.`
					}
				});
			}
			if (r.gap?.byCollectionRate != null) {
				options.push({
					kind: 'collection',
					figure: r.gap.byCollectionRate,
					text: {
						zh: `或将收缴率提高到 ${(r.gap.byCollectionRate * 100).toFixed(1)}%。`,
						en: `Or raise the collection rate to ${(r.gap.byCollectionRate * 100).toFixed(1)}%.`
					}
				});
			}
		} else {
			const low = Math.max(floor, fair.low);
			reconcile = {
				zh: `成本底线（保本收费）${fee2(floor)} 不高于相符上限 ${fee2(fair.high)}：可在 ${fee2(low)}–${fee2(fair.high)} 元/㎡·月 之间协商${currentFee < floor - EDGE ? `；现行 ${fee2(currentFee)} 低于底线，物业公司亏损` : ''}。`,
				en: `The cost floor (break-even fee) ${fee2(floor)} is not above the top of the fair range ${fee2(fair.high)}: negotiate between ${fee2(low)} and ${fee2(fair.high)} yuan/m²/month${currentFee < floor - EDGE ? `; the current ${fee2(currentFee)} is below the floor, so the firm runs at a loss` : ''}.`
			};
		}
	} else if (floorWithheld) {
		reconcile = {
			zh: '成本底线缺数据，暂不能判断物业公司在相符收费下能否保本。',
			en: 'The cost floor lacks data, so whether the firm can break even at a fair fee is not yet known.'
		};
	}

	return { status, fair, currentFee, sentence, reconcile, options, missing, floor, floorWithheld };
}
