/**
 * The terms of the cost-based fee (docs/sources.md §3): contract forms, commission, VAT base and vacancy, and the
 * shapes of its inputs and results. The computation is in cost-fee.ts, the explanation in cost-fee-explain.ts.
 */
import type { CostItemCode } from '../../data/datasets';
import type { Bilingual, Provenance } from '../provenance';
import type { PartialCostAmounts } from './cost-items';
import type { Explanation } from './explain';

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

/** The cost-based fee's figures without their explanation (what {@link explainCostFee} explains). */
export type CostFeeFigures = Omit<CostFeeResult, 'explanation'>;

/** What VAT is charged on under 酬金制, per ㎡ per month: the commission, or expenditure and commission. */
export function vatBaseOf(vatBase: CommissionVatBase, unitCost: number, margin: number): number {
	return vatBase === 'commission' ? margin : unitCost + margin;
}
