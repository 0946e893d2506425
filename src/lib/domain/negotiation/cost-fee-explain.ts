/**
 * How the cost-based fee was reached (docs/sources.md §3): the unit cost, the fee with profit or commission and
 * VAT, and the break-even fee, each as a formula, its inputs with their sources, and the numbers put in. Built
 * from the figures costFeeFigures (cost-fee.ts) computed, so the explanation cannot disagree with them.
 */
import { userProvenance, type Bilingual } from '../provenance';
import { vatBaseOf, type CostFeeFigures, type CostFeeResult } from './cost-fee-terms';
import { UNITS, figure, num, pct, yuan, type ExplainedFigure, type Explanation } from './explain';

/** The three explanations of a cost-based fee: unit cost, fee, break-even fee. */
export function explainCostFee(f: CostFeeFigures, area: number): CostFeeResult['explanation'] {
	return { unitCost: explainUnitCost(f, area), fee: explainFee(f, area), breakEven: explainBreakEven(f) };
}

function explainUnitCost(f: CostFeeFigures, area: number): Explanation {
	return {
		formula: { zh: '单位成本 = 年度成本 ÷ 12 ÷ 计费面积', en: 'unit cost = annual cost ÷ 12 ÷ chargeable area' },
		inputs: [
			figure({ zh: '年度成本', en: 'Annual cost' }, f.annualCost, UNITS.yuanPerYear),
			figure({ zh: '计费面积', en: 'Chargeable area' }, area, UNITS.m2)
		],
		text: {
			zh: `${yuan(f.annualCost)} ÷ 12 ÷ ${yuan(area)} = ${num(f.unitCost)} 元/㎡·月`,
			en: `${yuan(f.annualCost)} ÷ 12 ÷ ${yuan(area)} = ${num(f.unitCost)} yuan/m²/month`
		}
	};
}

function explainFee(f: CostFeeFigures, area: number): Explanation {
	const { unitCost, margin, vat, fee } = f;
	const { vatRate, profitRate, commissionRate, commissionFixedAnnualYuan: fixed } = f.rates;
	const vatFig = figure(vatRate.label, vatRate.value, UNITS.share, vatRate.provenance);
	const unitFig = figure({ zh: '单位成本', en: 'Unit cost' }, unitCost, UNITS.feeM2);

	if (f.contract === 'lump_sum' && profitRate) {
		return {
			formula: {
				zh: '包干制物业费 = 单位成本 × (1 + 利润率) × (1 + 增值税率)',
				en: 'lump-sum fee = unit cost × (1 + profit rate) × (1 + VAT rate)'
			},
			inputs: [unitFig, figure(profitRate.label, profitRate.value, UNITS.share, profitRate.provenance), vatFig],
			text: {
				zh: `${num(unitCost)} × (1 + ${pct(profitRate.value)}) × (1 + ${pct(vatRate.value)}) = ${num(fee, 6)} ≈ ${num(fee, 3)} 元/㎡·月`,
				en: `${num(unitCost)} × (1 + ${pct(profitRate.value)}) × (1 + ${pct(vatRate.value)}) = ${num(fee, 6)} ≈ ${num(fee, 3)} yuan/m²/month`
			}
		};
	}

	const vatBase = f.rates.commissionVatBase ?? 'commission';
	const inputs: ExplainedFigure[] = [unitFig];
	let commissionText: Bilingual;
	if (commissionRate) {
		inputs.push(figure(commissionRate.label, commissionRate.value, UNITS.share, commissionRate.provenance));
		commissionText = {
			zh: `酬金 = ${num(unitCost)} × ${pct(commissionRate.value)} = ${num(margin)}`,
			en: `commission = ${num(unitCost)} × ${pct(commissionRate.value)} = ${num(margin)}`
		};
	} else {
		const annual = fixed ?? 0;
		inputs.push(figure({ zh: '固定酬金', en: 'Fixed commission' }, annual, UNITS.yuanPerYear, userProvenance()));
		commissionText = {
			zh: `酬金 = ${yuan(annual)} ÷ 12 ÷ ${yuan(area)} = ${num(margin)}`,
			en: `commission = ${yuan(annual)} ÷ 12 ÷ ${yuan(area)} = ${num(margin)}`
		};
	}
	inputs.push(vatFig);
	const base = vatBaseOf(vatBase, unitCost, margin);
	return {
		formula:
			vatBase === 'commission'
				? {
						zh: '酬金制预收物业服务资金 = 物业服务支出 + 酬金 × (1 + 增值税率)（增值税仅就酬金计征，支出属代管资金）',
						en: 'commission prepaid fund = service expenditure + commission × (1 + VAT rate) (VAT on the commission only; the expenditure is held in trust)'
					}
				: {
						zh: '酬金制预收物业服务资金 = (物业服务支出 + 酬金) × (1 + 增值税率)（按全部资金计征增值税）',
						en: 'commission prepaid fund = (service expenditure + commission) × (1 + VAT rate) (VAT on the whole fund)'
					},
		inputs,
		text: {
			zh: `${commissionText.zh}；增值税 = ${num(base)} × ${pct(vatRate.value)} = ${num(vat)}；${num(unitCost)} + ${num(margin)} + ${num(vat)} = ${num(fee)} 元/㎡·月`,
			en: `${commissionText.en}; VAT = ${num(base)} × ${pct(vatRate.value)} = ${num(vat)}; ${num(unitCost)} + ${num(margin)} + ${num(vat)} = ${num(fee)} yuan/m²/month`
		}
	};
}

function explainBreakEven(f: CostFeeFigures): Explanation {
	const { collectionRate, vacantShare, vacantPaidShare } = f.rates;
	const { fee, billableShare: billable, breakEvenFee } = f;
	return {
		formula: {
			zh: '保本收费 = 成本法物业费 ÷ (收缴率 × 可计费比例)，可计费比例 = 1 − 空置面积占比 × (1 − 空置房缴费比例)',
			en: 'break-even fee = cost-based fee ÷ (collection rate × billable share), billable share = 1 − vacant share × (1 − share vacant homes pay)'
		},
		inputs: [
			figure({ zh: '成本法物业费', en: 'Cost-based fee' }, fee, UNITS.feeM2),
			figure(collectionRate.label, collectionRate.value, UNITS.share, collectionRate.provenance),
			figure(vacantShare.label, vacantShare.value, UNITS.share, vacantShare.provenance),
			figure(vacantPaidShare.label, vacantPaidShare.value, UNITS.share, vacantPaidShare.provenance)
		],
		text: {
			zh: `可计费比例 = 1 − ${pct(vacantShare.value)} × (1 − ${pct(vacantPaidShare.value)}) = ${num(billable)}；${num(fee)} ÷ (${pct(collectionRate.value)} × ${num(billable)}) = ${num(breakEvenFee)} 元/㎡·月`,
			en: `billable share = 1 − ${pct(vacantShare.value)} × (1 − ${pct(vacantPaidShare.value)}) = ${num(billable)}; ${num(fee)} ÷ (${pct(collectionRate.value)} × ${num(billable)}) = ${num(breakEvenFee)} yuan/m²/month`
		}
	};
}
