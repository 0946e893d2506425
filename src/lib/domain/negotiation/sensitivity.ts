/**
 * Sensitivity of the fee to its inputs, for a tornado chart: the fee with each cost item, the
 * collection rate and the profit (or commission) rate moved down and up by a step (±10% of its value
 * by default [E]), one at a time, bars sorted by swing. It shows the negotiators which figure is worth
 * arguing about.
 */
import { COST_ITEM_CODES, type CostItemCode } from '../../data/datasets';
import { userProvenance, type Bilingual } from '../provenance';
import { computeCostFee, type CostFeeInput } from './cost-fee';
import { costAmounts, costItemLabel } from './cost-items';
import { DEFAULT_COLLECTION_RATE, DEFAULT_COMMISSION_RATE, DEFAULT_PROFIT_RATE, DEFAULT_SENSITIVITY_STEP } from './defaults';
import { UNITS, figure, num, pct, type Explanation } from './explain';

/** A factor of the tornado: a cost item code, or one of the rates. */
export type TornadoFactor = CostItemCode | 'collection_rate' | 'profit_rate' | 'commission_rate';

/** Which fee the tornado measures. */
export type TornadoMetric = 'breakEvenFee' | 'fee';

/** One bar: the fee at the factor's low and high value. */
export interface TornadoBar {
	factor: TornadoFactor;
	label: Bilingual;
	/** The factor's value now (yuan/year for a cost item, a share for a rate). */
	baseValue: number;
	lowValue: number;
	highValue: number;
	/** Fee (元/㎡·月) with the factor at lowValue / highValue, all else unchanged. */
	feeAtLow: number;
	feeAtHigh: number;
	/** |feeAtHigh − feeAtLow|. */
	swing: number;
	/** True when the high value was capped (a collection rate cannot exceed 100%). */
	capped: boolean;
}

/** The tornado: bars sorted by swing, largest first. */
export interface Tornado {
	metric: TornadoMetric;
	step: number;
	baseFee: number;
	bars: TornadoBar[];
	explanation: Explanation;
}

/**
 * Tornado of the fee over ±step of each factor (default ±10% [E]; metric default 'breakEvenFee', the
 * only one the collection rate moves). Ties keep the legal order of the cost items, then collection,
 * then profit. Hand example: staff 60,000, order 30,000, cleaning 10,000 yuan/year on 1,000 ㎡, 10%
 * profit, no VAT, 80% collection: break-even 100,000 ÷ 12 ÷ 1,000 × 1.1 ÷ 0.8 = 11.4583; swings
 * collection 9.1667 ÷ 0.72 − 9.1667 ÷ 0.88 = 2.3148, staff 1.375, order 0.6875, cleaning 0.2292,
 * profit 8.3333 × 0.02 ÷ 0.8 = 0.2083.
 * @throws RangeError if the step is not in (0, 1) or the build-up rejects the input.
 */
export function tornado(input: CostFeeInput, options: { step?: number; metric?: TornadoMetric } = {}): Tornado {
	const step = options.step ?? DEFAULT_SENSITIVITY_STEP.value;
	if (!(Number.isFinite(step) && step > 0 && step < 1)) throw new RangeError(`step must be > 0 and < 1, got ${step}`);
	const metric = options.metric ?? 'breakEvenFee';
	const base = computeCostFee(input);
	const measure = (i: CostFeeInput) => computeCostFee(i)[metric];
	const costs = costAmounts(input.costs);
	const bars: TornadoBar[] = [];

	const bar = (factor: TornadoFactor, label: Bilingual, baseValue: number, at: (v: number) => CostFeeInput, cap?: number) => {
		const lowValue = baseValue * (1 - step);
		const rawHigh = baseValue * (1 + step);
		const highValue = cap === undefined ? rawHigh : Math.min(cap, rawHigh);
		const feeAtLow = measure(at(lowValue));
		const feeAtHigh = measure(at(highValue));
		bars.push({ factor, label, baseValue, lowValue, highValue, feeAtLow, feeAtHigh, swing: Math.abs(feeAtHigh - feeAtLow), capped: highValue < rawHigh });
	};

	for (const item of COST_ITEM_CODES) {
		bar(item, costItemLabel(item), costs[item], (v) => ({ ...input, costs: { ...costs, [item]: v } }));
	}
	bar('collection_rate', DEFAULT_COLLECTION_RATE.label, base.rates.collectionRate.value, (v) => ({ ...input, collectionRate: v }), 1);
	if (base.contract === 'lump_sum') {
		bar('profit_rate', DEFAULT_PROFIT_RATE.label, base.rates.profitRate?.value ?? 0, (v) => ({ ...input, profitRate: v }));
	} else if (base.rates.commissionRate) {
		bar('commission_rate', DEFAULT_COMMISSION_RATE.label, base.rates.commissionRate.value, (v) => ({
			...input,
			commission: { kind: 'rate', rate: v }
		}));
	}
	// Array.prototype.sort is stable, so equal swings keep the order above.
	bars.sort((a, b) => b.swing - a.swing);

	const baseFee = base[metric];
	const top = bars[0];
	return {
		metric,
		step,
		baseFee,
		bars,
		explanation: {
			formula: {
				zh: `逐项将每个因素上下变动 ${pct(step)}，其余不变，重新计算${metric === 'fee' ? '成本法物业费' : '保本收费'}；按波动幅度 |高 − 低| 排序`,
				en: `move each factor down and up by ${pct(step)}, all else unchanged, and recompute the ${metric === 'fee' ? 'cost-based fee' : 'break-even fee'}; sort by swing |high − low|`
			},
			inputs: [
				figure({ zh: '基准值', en: 'Base fee' }, baseFee, UNITS.feeM2),
				figure(DEFAULT_SENSITIVITY_STEP.label, step, UNITS.share, options.step === undefined ? DEFAULT_SENSITIVITY_STEP.provenance : userProvenance())
			],
			text: {
				zh: `基准 ${num(baseFee)} 元/㎡·月；影响最大：${top.label.zh}，${num(top.feeAtLow)} 至 ${num(top.feeAtHigh)}（波动 ${num(top.swing)}）`,
				en: `base ${num(baseFee)} yuan/m²/month; largest effect: ${top.label.en}, ${num(top.feeAtLow)} to ${num(top.feeAtHigh)} (swing ${num(top.swing)})`
			}
		}
	};
}
