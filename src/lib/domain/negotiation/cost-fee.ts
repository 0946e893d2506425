/**
 * The cost-based fee (docs/sources.md §3): from the ten annual cost items and the chargeable area to a
 * unit cost, a fee with profit (or commission) and VAT, and the fee a firm needs at its collection rate
 * and vacancy to collect that much.
 *
 * Contract forms (《物业服务收费管理办法》, 2003) [V; article numbers 9-12 quoted from memory, M]:
 * - 包干制 lump sum: fee = service cost + statutory taxes + profit. Here
 *   fee = unit cost × (1 + profit rate) × (1 + VAT rate): the VAT-inclusive price of cost plus profit.
 * - 酬金制 commission: prepaid fund = service expenditure + commission (a rate of expenditure or a fixed
 *   annual sum); the surplus or deficit belongs to the owners.
 *
 * VAT under 酬金制 [E, this app's decision]: by default VAT is charged on the commission only. Art. 12 of
 * the 2003 measures says the prepaid expenditure "属于代管性质，为所交纳的业主所有" (held in trust, owned by
 * the owners) [M], and art. 11 lists 法定税费 only for the lump sum, so the firm's own service revenue under a
 * commission contract is the commission. VAT on property services is 6% / 3% (财税〔2016〕36号, 营改增)
 * [M]. Tax practice varies: where the firm invoices owners for the whole prepaid fund, the local tax
 * office may tax the whole fund; choose `commissionVatBase: 'whole_fund'` for that case.
 *
 * Simplifications, stated so a reader can judge them: costs are taken as entered (input VAT credits are
 * not deducted, as in the worked example of docs/sources.md §3); VAT is due on what is collected, so dividing the
 * whole fee by the collection rate keeps VAT in proportion; major repairs are paid from the maintenance
 * fund and belong in no cost item (docs/sources.md §3).
 */
import { COST_ITEM_CODES, type CostItemCode } from '../../data/datasets';
import { userProvenance, type Bilingual, type Provenance } from '../provenance';
import { costAmounts, costItemLabel, totalCost, type CostAmounts, type PartialCostAmounts } from './cost-items';
import {
	DEFAULT_COLLECTION_RATE,
	DEFAULT_COMMISSION_RATE,
	DEFAULT_PROFIT_RATE,
	DEFAULT_VACANT_PAID_SHARE,
	DEFAULT_VACANT_SHARE,
	DEFAULT_VAT_RATE,
	type SourcedFigure
} from './defaults';
import { UNITS, figure, num, pct, yuan, type ExplainedFigure, type Explanation } from './explain';

/** 包干制 (lump sum) or 酬金制 (commission). */
export type ContractForm = 'lump_sum' | 'commission';

/** Display names of the contract forms. */
export const CONTRACT_FORM_LABELS: Readonly<Record<ContractForm, Bilingual>> = {
	lump_sum: { zh: '包干制', en: 'Lump sum' },
	commission: { zh: '酬金制', en: 'Commission' }
};

/** The commission of a 酬金制 contract: a rate of service expenditure, or a fixed sum per year. */
export type CommissionTerms = { kind: 'rate'; rate: number } | { kind: 'fixed'; annualYuan: number };

/** What VAT is charged on under 酬金制: the commission only (default) or the whole prepaid fund. */
export type CommissionVatBase = 'commission' | 'whole_fund';

/** Homes vacant over 6 months and what they pay. */
export interface Vacancy {
	/** Share of chargeable area vacant over 6 months, 0-1. */
	vacantShare: number;
	/** Share of the fee such homes pay, 0-1 (40-70% in city rules seen). */
	paidShare: number;
}

/** Inputs of the cost-based fee. Omitted rates take the sourced defaults. */
export interface CostFeeInput {
	/** Annual amount per cost item, yuan/year; missing items are 0. */
	costs: PartialCostAmounts;
	/** Chargeable area (计费面积), m². */
	chargeableAreaM2: number;
	/** Default 'lump_sum'. */
	contract?: ContractForm;
	/** Profit on cost, lump sum only; default 8% [V]. */
	profitRate?: number;
	/** Commission, 酬金制 only; default 8% of expenditure [E]. */
	commission?: CommissionTerms;
	/** VAT base under 酬金制; default 'commission' (see the module comment). */
	commissionVatBase?: CommissionVatBase;
	/** Default 6% [V]. */
	vatRate?: number;
	/** Share of billed fees collected, 0 < rate ≤ 1; default 0.76 [V]. */
	collectionRate?: number;
	/** Default: no vacancy [E], vacant homes paying 50% [E within V range]. */
	vacancy?: Partial<Vacancy>;
}

/** One cost item in the build-up. */
export interface CostItemLine {
	item: CostItemCode;
	label: Bilingual;
	annualYuan: number;
	/** Share of the total cost; null when the total is 0 (no shares of nothing). */
	share: number | null;
	/** This item's part of the unit cost, 元/㎡·月. */
	unitCost: number;
}

/** A rate as used, with its source: a default's provenance, or 'user' when the caller supplied it. */
export interface UsedRate {
	value: number;
	label: Bilingual;
	provenance: Provenance;
}

/** The cost-based fee and how it was reached. All fees in 元/㎡·月. */
export interface CostFeeResult {
	contract: ContractForm;
	/** Total annual cost (service expenditure under 酬金制), yuan/year. */
	annualCost: number;
	/** The ten items in legal order; their amounts sum to annualCost. */
	items: CostItemLine[];
	/** annual cost ÷ 12 ÷ chargeable area. */
	unitCost: number;
	/** Profit (lump sum) or commission (酬金制) per ㎡ per month. */
	margin: number;
	/** VAT per ㎡ per month. */
	vat: number;
	/** Fee with profit or commission and VAT, at full billing and full collection. */
	fee: number;
	/** 1 − vacant share × (1 − paid share): the share of the full fee actually billed. */
	billableShare: number;
	/** The fee needed to collect `fee` per ㎡ on average: fee ÷ (collection rate × billable share). */
	breakEvenFee: number;
	rates: {
		profitRate: UsedRate | null;
		commissionRate: UsedRate | null;
		commissionFixedAnnualYuan: number | null;
		commissionVatBase: CommissionVatBase | null;
		vatRate: UsedRate;
		collectionRate: UsedRate;
		vacantShare: UsedRate;
		vacantPaidShare: UsedRate;
	};
	explanation: { unitCost: Explanation; fee: Explanation; breakEven: Explanation };
}

/** The value of an optional input, or the default's, with the matching provenance. */
function used(value: number | undefined, def: SourcedFigure): UsedRate {
	return value === undefined
		? { value: def.value, label: def.label, provenance: def.provenance }
		: { value, label: def.label, provenance: userProvenance() };
}

function requireRange(name: string, v: number, lo: number, hi: number, loOpen = false): void {
	const ok = Number.isFinite(v) && (loOpen ? v > lo : v >= lo) && v <= hi;
	if (!ok) throw new RangeError(`${name} must be ${loOpen ? '>' : '≥'} ${lo} and ≤ ${hi}, got ${v}`);
}

/**
 * The share of the full fee that is billed when some area is vacant over 6 months and pays a reduced
 * share: 1 − vacant × (1 − paid). E.g. 10% vacant paying 50% → 1 − 0.1 × 0.5 = 0.95.
 */
export function billableShare(vacancy: Vacancy): number {
	return 1 - vacancy.vacantShare * (1 - vacancy.paidShare);
}

/**
 * The cost-based fee. Worked example (docs/sources.md §3): unit cost 1.14, lump sum, 8% profit, 6% VAT →
 * 1.14 × 1.08 × 1.06 = 1.305072 ≈ 1.305 元/㎡·月; at 76% collection it takes 1.305072 ÷ 0.76 = 1.7172.
 * @throws RangeError on an area ≤ 0, a negative cost, or a rate outside its range (collection in (0, 1],
 *   shares in [0, 1], VAT in [0, 1), profit and commission ≥ 0), or when nothing at all is billable.
 */
export function computeCostFee(input: CostFeeInput): CostFeeResult {
	const area = input.chargeableAreaM2;
	if (!Number.isFinite(area) || area <= 0) throw new RangeError(`chargeable area must be > 0 m², got ${area}`);
	const costs: CostAmounts = costAmounts(input.costs);
	const contract = input.contract ?? 'lump_sum';

	const vatRate = used(input.vatRate, DEFAULT_VAT_RATE);
	requireRange('VAT rate', vatRate.value, 0, 1);
	if (vatRate.value === 1) throw new RangeError('VAT rate must be < 1');
	const collectionRate = used(input.collectionRate, DEFAULT_COLLECTION_RATE);
	requireRange('collection rate', collectionRate.value, 0, 1, true);
	const vacantShare = used(input.vacancy?.vacantShare, DEFAULT_VACANT_SHARE);
	requireRange('vacant share', vacantShare.value, 0, 1);
	const vacantPaidShare = used(input.vacancy?.paidShare, DEFAULT_VACANT_PAID_SHARE);
	requireRange('share paid by vacant homes', vacantPaidShare.value, 0, 1);
	const billable = billableShare({ vacantShare: vacantShare.value, paidShare: vacantPaidShare.value });
	if (!(billable > 0)) throw new RangeError('nothing is billable: all area is vacant and vacant homes pay nothing');

	const annualCost = totalCost(costs);
	const unitCost = annualCost / 12 / area;
	const items: CostItemLine[] = COST_ITEM_CODES.map((item) => ({
		item,
		label: costItemLabel(item),
		annualYuan: costs[item],
		share: annualCost > 0 ? costs[item] / annualCost : null,
		unitCost: costs[item] / 12 / area
	}));

	const unitCostExplanation: Explanation = {
		formula: { zh: '单位成本 = 年度成本 ÷ 12 ÷ 计费面积', en: 'unit cost = annual cost ÷ 12 ÷ chargeable area' },
		inputs: [
			figure({ zh: '年度成本', en: 'Annual cost' }, annualCost, UNITS.yuanPerYear),
			figure({ zh: '计费面积', en: 'Chargeable area' }, area, UNITS.m2)
		],
		text: {
			zh: `${yuan(annualCost)} ÷ 12 ÷ ${yuan(area)} = ${num(unitCost)} 元/㎡·月`,
			en: `${yuan(annualCost)} ÷ 12 ÷ ${yuan(area)} = ${num(unitCost)} yuan/m²/month`
		}
	};

	let margin: number;
	let vat: number;
	let fee: number;
	let profitRate: UsedRate | null = null;
	let commissionRate: UsedRate | null = null;
	let commissionFixed: number | null = null;
	let vatBase: CommissionVatBase | null = null;
	let feeExplanation: Explanation;
	const vatFig = figure(vatRate.label, vatRate.value, UNITS.share, vatRate.provenance);
	const unitFig = figure({ zh: '单位成本', en: 'Unit cost' }, unitCost, UNITS.feeM2);

	if (contract === 'lump_sum') {
		profitRate = used(input.profitRate, DEFAULT_PROFIT_RATE);
		if (!Number.isFinite(profitRate.value) || profitRate.value < 0) throw new RangeError(`profit rate must be ≥ 0, got ${profitRate.value}`);
		margin = unitCost * profitRate.value;
		vat = (unitCost + margin) * vatRate.value;
		fee = unitCost * (1 + profitRate.value) * (1 + vatRate.value);
		feeExplanation = {
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
	} else {
		const terms: CommissionTerms = input.commission ?? { kind: 'rate', rate: DEFAULT_COMMISSION_RATE.value };
		vatBase = input.commissionVatBase ?? 'commission';
		const inputs: ExplainedFigure[] = [unitFig];
		let commissionText: Bilingual;
		if (terms.kind === 'rate') {
			commissionRate = used(input.commission === undefined ? undefined : terms.rate, DEFAULT_COMMISSION_RATE);
			if (!Number.isFinite(commissionRate.value) || commissionRate.value < 0) {
				throw new RangeError(`commission rate must be ≥ 0, got ${commissionRate.value}`);
			}
			margin = unitCost * commissionRate.value;
			inputs.push(figure(commissionRate.label, commissionRate.value, UNITS.share, commissionRate.provenance));
			commissionText = {
				zh: `酬金 = ${num(unitCost)} × ${pct(commissionRate.value)} = ${num(margin)}`,
				en: `commission = ${num(unitCost)} × ${pct(commissionRate.value)} = ${num(margin)}`
			};
		} else {
			if (!Number.isFinite(terms.annualYuan) || terms.annualYuan < 0) {
				throw new RangeError(`fixed commission must be ≥ 0 yuan/year, got ${terms.annualYuan}`);
			}
			commissionFixed = terms.annualYuan;
			margin = terms.annualYuan / 12 / area;
			inputs.push(figure({ zh: '固定酬金', en: 'Fixed commission' }, terms.annualYuan, UNITS.yuanPerYear, userProvenance()));
			commissionText = {
				zh: `酬金 = ${yuan(terms.annualYuan)} ÷ 12 ÷ ${yuan(area)} = ${num(margin)}`,
				en: `commission = ${yuan(terms.annualYuan)} ÷ 12 ÷ ${yuan(area)} = ${num(margin)}`
			};
		}
		inputs.push(vatFig);
		const base = vatBase === 'commission' ? margin : unitCost + margin;
		vat = base * vatRate.value;
		fee = unitCost + margin + vat;
		feeExplanation = {
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

	const breakEvenFee = fee / (collectionRate.value * billable);

	const breakEven: Explanation = {
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

	return {
		contract,
		annualCost,
		items,
		unitCost,
		margin,
		vat,
		fee,
		billableShare: billable,
		breakEvenFee,
		rates: {
			profitRate,
			commissionRate,
			commissionFixedAnnualYuan: commissionFixed,
			commissionVatBase: vatBase,
			vatRate,
			collectionRate,
			vacantShare,
			vacantPaidShare
		},
		explanation: { unitCost: unitCostExplanation, fee: feeExplanation, breakEven }
	};
}
