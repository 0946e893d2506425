/**
 * Fee proposals side by side (A, B, C…): for each, what households pay, what the firm takes in and
 * keeps at the collection rate, whether the fee matches the current quality and the promised grade, and
 * where it falls in the negotiating range. Guide prices come in as numbers: choosing a catalogue is the
 * caller's job.
 *
 * Surplus [E, this app's accounting]: collected = fee × chargeable area × 12 × billable share ×
 * collection rate (VAT-inclusive).
 * - 包干制: VAT = collected × rate ÷ (1 + rate) (VAT is inside the price); surplus = collected − VAT −
 *   annual cost (after the proposal's cost changes). It is the firm's profit or loss.
 * - 酬金制: commission = the contract's rate × cost or fixed sum; VAT on the commission (or on the whole
 *   collected fund, per cost-fee.ts); surplus = collected − VAT − cost − commission. It belongs to the
 *   owners (《物业服务收费管理办法》), so it is labelled as the owners' balance, not the firm's.
 * Revenue uses the chargeable area of the cost build-up; household bills use the unit-size table, which
 * may cover a slightly different area.
 */
import { judgePriceQuality, DEFAULT_BANDS, type Bands, type PriceQualityJudgement } from '../fit';
import type { Grade } from '../grades';
import { computeCostFee, type CostFeeInput, type CostFeeResult } from './cost-fee';
import { applyCostChanges, type PartialCostAmounts } from './cost-items';
import { UNITS, figure, num, pct, yuan, type Explanation } from './explain';
import { householdBills, type HouseholdBills, type UnitSizeBucket } from './household-bill';
import { roundFee, roundYuan } from '../money';
import { positionInRange, type GuidePricesByGrade, type PositionInRange } from './range';

/** One proposal put to the owners. */
export interface Proposal {
	/** 'A', 'B', … or a name. */
	label: string;
	/** Proposed fee, 元/㎡·月. */
	fee_m2: number;
	/** The grade the firm promises at this fee. */
	promisedGrade: Grade;
	/** Changes to annual cost, yuan/year per item (+ more, − less), e.g. { order: 96000 } for two guards. */
	costChanges?: PartialCostAmounts;
}

/** What every proposal is judged against. */
export interface ProposalContext {
	/** The fee charged now, 元/㎡·月. */
	currentFee: number;
	/** The grade achieved now. */
	currentGrade: Grade;
	/** Current cost build-up: costs, area, contract form and rates (VAT, collection, vacancy). */
	cost: CostFeeInput;
	/** Households by unit area (use defaultUnitSizes when the estate has no table). */
	unitSizes: readonly UnitSizeBucket[];
	/** Guide prices of the estate's building type by grade. */
	guidePrices: GuidePricesByGrade;
	/** 相符 band; default 0.9-1.1 [E]. */
	bands?: Bands;
	/** Floor and ceiling of the negotiating range (from negotiatingRange), when known. */
	range?: { floor: number; ceiling: number | null } | null;
}

/** Who keeps the surplus or bears the deficit. */
export type SurplusOwner = 'firm' | 'owners';

/** One proposal evaluated. */
export interface ProposalResult {
	label: string;
	fee: number;
	promisedGrade: Grade;
	/** fee − current fee, 元/㎡·月. */
	feeChange: number;
	/** (fee − current) ÷ current; null when the current fee is 0. */
	feeChangeShare: number | null;
	bills: HouseholdBills;
	/** Change in the median household's monthly bill against the current fee; null without households. */
	medianMonthlyBillChange: number | null;
	/** Cost build-up after the proposal's cost changes. */
	costFee: CostFeeResult;
	/** Annual cost after the changes, yuan/year. */
	annualCost: number;
	/** fee × chargeable area × 12: everything billed in full, nobody vacant. */
	annualRevenueFull: number;
	/** After vacancy discounts and the collection rate. */
	annualRevenueCollected: number;
	/** Commission under 酬金制, yuan/year; 0 under 包干制. */
	annualCommission: number;
	annualVat: number;
	/** Surplus (+) or deficit (−), yuan/year. */
	surplus: number;
	surplusBelongsTo: SurplusOwner;
	/** QPR against the guide price of the grade achieved now. */
	qprCurrent: PriceQualityJudgement;
	/** QPR against the guide price of the promised grade. */
	qprPromised: PriceQualityJudgement;
	/** Position in the negotiating range; null when no range was given. */
	position: PositionInRange | null;
	explanation: { revenue: Explanation; surplus: Explanation };
}

function judge(guide: number | undefined, fee: number, bands: Bands): PriceQualityJudgement {
	if (guide === undefined) {
		return {
			qpr: null,
			band: null,
			explanation: { zh: '该等级没有指导价，无法计算质价比。', en: 'No guide price for this grade, so no QPR.' }
		};
	}
	return judgePriceQuality(guide, fee, bands);
}

/**
 * Evaluate proposals against the current fee, cost and quality. Hand example: 10,000 ㎡, cost
 * 136,800 yuan/year, lump sum, 6% VAT, 76% collection, fee 1.80 → collected 1.8 × 10,000 × 12 × 0.76
 * = 164,160; VAT 164,160 × 0.06 ÷ 1.06 = 9,292.08; surplus 164,160 − 9,292.08 − 136,800 = 18,067.92.
 * @throws RangeError on a fee that is not > 0, or inputs the cost build-up or bills reject.
 */
export function evaluateProposals(context: ProposalContext, proposals: readonly Proposal[]): ProposalResult[] {
	const bands = context.bands ?? DEFAULT_BANDS;
	const base = computeCostFee(context.cost);
	const collectionRate = base.rates.collectionRate.value;
	const current = householdBills(context.unitSizes, context.currentFee, { collectionRate });
	const area = context.cost.chargeableAreaM2;
	const vatRate = base.rates.vatRate.value;

	return proposals.map((p) => {
		if (!(Number.isFinite(p.fee_m2) && p.fee_m2 > 0)) throw new RangeError(`proposal '${p.label}': fee must be > 0, got ${p.fee_m2}`);
		const costs = applyCostChanges(context.cost.costs, p.costChanges ?? {});
		const costFee = computeCostFee({ ...context.cost, costs });
		const annualCost = costFee.annualCost;
		const bills = householdBills(context.unitSizes, p.fee_m2, { collectionRate });
		// A year's income is billed at the fee rounded to 0.01 元/㎡·月 and counted to the fen (docs/sources.md §15).
		const annualRevenueFull = roundYuan(roundFee(p.fee_m2) * area * 12);
		const annualRevenueCollected = roundYuan(annualRevenueFull * costFee.billableShare * collectionRate);

		let annualCommission = 0;
		let annualVat: number;
		if (costFee.contract === 'lump_sum') {
			annualVat = (annualRevenueCollected * vatRate) / (1 + vatRate);
		} else {
			// The build-up's margin is the commission per ㎡·month, whichever form the terms take.
			annualCommission = costFee.margin * 12 * area;
			annualVat =
				costFee.rates.commissionVatBase === 'whole_fund' ? (annualRevenueCollected * vatRate) / (1 + vatRate) : annualCommission * vatRate;
		}
		const surplus = annualRevenueCollected - annualVat - annualCost - annualCommission;
		const surplusBelongsTo: SurplusOwner = costFee.contract === 'lump_sum' ? 'firm' : 'owners';

		const medianMonthlyBillChange = bills.monthly && current.monthly ? bills.monthly.median - current.monthly.median : null;
		const revenue: Explanation = {
			formula: {
				zh: '实收 = 单价 × 计费面积 × 12 × 可计费比例 × 收缴率',
				en: 'collected = fee × chargeable area × 12 × billable share × collection rate'
			},
			inputs: [
				figure({ zh: '方案单价', en: 'Proposed fee' }, p.fee_m2, UNITS.feeM2),
				figure({ zh: '计费面积', en: 'Chargeable area' }, area, UNITS.m2),
				figure({ zh: '可计费比例', en: 'Billable share' }, costFee.billableShare, UNITS.share),
				figure(base.rates.collectionRate.label, collectionRate, UNITS.share, base.rates.collectionRate.provenance)
			],
			text: {
				zh: `${num(p.fee_m2)} × ${yuan(area)} × 12 × ${num(costFee.billableShare)} × ${pct(collectionRate)} = ${yuan(annualRevenueCollected)} 元/年（全额 ${yuan(annualRevenueFull)}）`,
				en: `${num(p.fee_m2)} × ${yuan(area)} × 12 × ${num(costFee.billableShare)} × ${pct(collectionRate)} = ${yuan(annualRevenueCollected)} yuan/year (in full ${yuan(annualRevenueFull)})`
			}
		};
		const lump = costFee.contract === 'lump_sum';
		const surplus_: Explanation = {
			formula: lump
				? { zh: '企业盈亏 = 实收 − 增值税 − 年度成本（含方案成本变动）', en: 'firm surplus = collected − VAT − annual cost (with the proposal’s cost changes)' }
				: {
						zh: '业主资金结余 = 实收 − 增值税 − 物业服务支出 − 酬金（酬金制结余归业主）',
						en: 'owners’ fund balance = collected − VAT − service expenditure − commission (under the commission system the balance is the owners’)'
					},
			inputs: [
				figure({ zh: '实收', en: 'Collected' }, annualRevenueCollected, UNITS.yuanPerYear),
				figure(base.rates.vatRate.label, vatRate, UNITS.share, base.rates.vatRate.provenance),
				figure({ zh: '年度成本', en: 'Annual cost' }, annualCost, UNITS.yuanPerYear),
				...(lump ? [] : [figure({ zh: '酬金', en: 'Commission' }, annualCommission, UNITS.yuanPerYear)])
			],
			text: {
				zh: `${yuan(annualRevenueCollected)} − ${yuan(annualVat)} − ${yuan(annualCost)}${lump ? '' : ` − ${yuan(annualCommission)}`} = ${yuan(surplus)} 元/年`,
				en: `${yuan(annualRevenueCollected)} − ${yuan(annualVat)} − ${yuan(annualCost)}${lump ? '' : ` − ${yuan(annualCommission)}`} = ${yuan(surplus)} yuan/year`
			}
		};

		return {
			label: p.label,
			fee: p.fee_m2,
			promisedGrade: p.promisedGrade,
			feeChange: p.fee_m2 - context.currentFee,
			feeChangeShare: context.currentFee > 0 ? (p.fee_m2 - context.currentFee) / context.currentFee : null,
			bills,
			medianMonthlyBillChange,
			costFee,
			annualCost,
			annualRevenueFull,
			annualRevenueCollected,
			annualCommission,
			annualVat,
			surplus,
			surplusBelongsTo,
			qprCurrent: judge(context.guidePrices[context.currentGrade], p.fee_m2, bands),
			qprPromised: judge(context.guidePrices[p.promisedGrade], p.fee_m2, bands),
			position: context.range ? positionInRange(p.fee_m2, context.range.floor, context.range.ceiling) : null,
			explanation: { revenue, surplus: surplus_ }
		};
	});
}
