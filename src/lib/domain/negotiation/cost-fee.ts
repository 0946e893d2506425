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
import { COST_ITEM_CODES } from '../../data/datasets';
import { userProvenance } from '../provenance';
import { costAmounts, costItemLabel, totalCost, type CostAmounts } from './cost-items';
import {
	DEFAULT_COLLECTION_RATE,
	DEFAULT_COMMISSION_RATE,
	DEFAULT_PROFIT_RATE,
	DEFAULT_VACANT_PAID_SHARE,
	DEFAULT_VACANT_SHARE,
	DEFAULT_VAT_RATE,
	type SourcedFigure
} from './defaults';
import { explainCostFee } from './cost-fee-explain';
import {
	vatBaseOf,
	type CommissionTerms,
	type CommissionVatBase,
	type CostFeeFigures,
	type CostFeeInput,
	type CostFeeResult,
	type CostItemLine,
	type UsedRate,
	type Vacancy
} from './cost-fee-terms';

// The terms and shapes of the cost-based fee are read from here by the rest of the app.
export * from './cost-fee-terms';

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
	const figures = costFeeFigures(input);
	return { ...figures, explanation: explainCostFee(figures, input.chargeableAreaM2) };
}

/** The cost-based fee's figures: checks the inputs, then computes; {@link computeCostFee} adds the explanation. */
export function costFeeFigures(input: CostFeeInput): CostFeeFigures {
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

	let margin: number;
	let vat: number;
	let fee: number;
	let profitRate: UsedRate | null = null;
	let commissionRate: UsedRate | null = null;
	let commissionFixed: number | null = null;
	let vatBase: CommissionVatBase | null = null;

	if (contract === 'lump_sum') {
		profitRate = used(input.profitRate, DEFAULT_PROFIT_RATE);
		if (!Number.isFinite(profitRate.value) || profitRate.value < 0) throw new RangeError(`profit rate must be ≥ 0, got ${profitRate.value}`);
		margin = unitCost * profitRate.value;
		vat = (unitCost + margin) * vatRate.value;
		fee = unitCost * (1 + profitRate.value) * (1 + vatRate.value);
	} else {
		const terms: CommissionTerms = input.commission ?? { kind: 'rate', rate: DEFAULT_COMMISSION_RATE.value };
		vatBase = input.commissionVatBase ?? 'commission';
		if (terms.kind === 'rate') {
			commissionRate = used(input.commission === undefined ? undefined : terms.rate, DEFAULT_COMMISSION_RATE);
			if (!Number.isFinite(commissionRate.value) || commissionRate.value < 0) {
				throw new RangeError(`commission rate must be ≥ 0, got ${commissionRate.value}`);
			}
			margin = unitCost * commissionRate.value;
		} else {
			if (!Number.isFinite(terms.annualYuan) || terms.annualYuan < 0) {
				throw new RangeError(`fixed commission must be ≥ 0 yuan/year, got ${terms.annualYuan}`);
			}
			commissionFixed = terms.annualYuan;
			margin = terms.annualYuan / 12 / area;
		}
		vat = vatBaseOf(vatBase, unitCost, margin) * vatRate.value;
		fee = unitCost + margin + vat;
	}

	return {
		contract,
		annualCost,
		items,
		unitCost,
		margin,
		vat,
		fee,
		billableShare: billable,
		breakEvenFee: fee / (collectionRate.value * billable),
		rates: {
			profitRate,
			commissionRate,
			commissionFixedAnnualYuan: commissionFixed,
			commissionVatBase: vatBase,
			vatRate,
			collectionRate,
			vacantShare,
			vacantPaidShare
		}
	};
}
