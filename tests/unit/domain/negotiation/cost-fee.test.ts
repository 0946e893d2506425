import { describe, expect, it } from 'vitest';
import { COST_ITEM_CODES } from '$lib/data/datasets';
import { DEFAULT_PROFIT_RATE, VAT_RATES, billableShare, computeCostFee } from '$lib/domain';
import { WORKED, WORKED_COSTS } from './fixtures';

describe('computeCostFee: the worked example (docs/sources.md §3)', () => {
	const r = computeCostFee(WORKED);

	it('unit cost = 136,800 ÷ 12 ÷ 10,000 = 1.14 元/㎡·月', () => {
		expect(r.annualCost).toBe(136_800);
		expect(r.unitCost).toBeCloseTo(1.14, 12);
	});

	it('fee = 1.14 × 1.08 × 1.06 = 1.305072 → 1.305 to three decimals', () => {
		expect(r.fee).toBeCloseTo(1.305072, 12);
		expect(r.fee.toFixed(3)).toBe('1.305');
		// profit 1.14 × 0.08 = 0.0912; VAT (1.14 + 0.0912) × 0.06 = 0.073872; 1.14 + 0.0912 + 0.073872 = 1.305072
		expect(r.margin).toBeCloseTo(0.0912, 12);
		expect(r.vat).toBeCloseTo(0.073872, 12);
		expect(r.explanation.fee.text.en).toContain('1.14 × (1 + 8%) × (1 + 6%) = 1.305072 ≈ 1.305');
	});

	it('break-even at the default 76% collection: 1.305072 ÷ 0.76 = 1.7172', () => {
		expect(r.breakEvenFee).toBeCloseTo(1.7172, 12);
		expect(r.explanation.breakEven.text.en).toContain('1.3051 ÷ (76% × 1) = 1.7172');
	});

	it('item shares 40 / 20 / 16 / 13 / 11 %, in legal order, summing to the total', () => {
		expect(r.items.map((i) => i.item)).toEqual([...COST_ITEM_CODES]);
		const share = Object.fromEntries(r.items.map((i) => [i.item, i.share]));
		expect(share.order).toBeCloseTo(0.4, 12);
		expect(share.cleaning).toBeCloseTo(0.2, 12);
		expect(share.management).toBeCloseTo(0.16, 12);
		expect(share.facilities).toBeCloseTo(0.13, 12);
		expect(share.greening).toBeCloseTo(0.11, 12);
		expect(share.staff).toBe(0);
		expect(r.items.reduce((s, i) => s + i.annualYuan, 0)).toBe(136_800);
		// order: 54,720 ÷ 12 ÷ 10,000 = 0.456 元/㎡·月
		expect(r.items.find((i) => i.item === 'order')?.unitCost).toBeCloseTo(0.456, 12);
		expect(Object.keys(WORKED_COSTS)).toHaveLength(5);
	});

	it('defaults carry their provenance; figures the caller gives are the user’s', () => {
		expect(r.rates.profitRate?.value).toBe(0.08);
		expect(r.rates.profitRate?.provenance).toEqual(DEFAULT_PROFIT_RATE.provenance);
		expect(r.rates.vatRate.provenance.tag).toBe('V');
		expect(r.rates.collectionRate).toMatchObject({ value: 0.76, provenance: { tag: 'V' } });
		expect(r.rates.vacantPaidShare).toMatchObject({ value: 0.5, provenance: { tag: 'E' } });
		const own = computeCostFee({ ...WORKED, profitRate: 0.1 });
		expect(own.rates.profitRate?.provenance.tag).toBe('user');
	});
});

describe('computeCostFee: rates, collection and vacancy', () => {
	const ONE = { costs: { staff: 120_000 }, chargeableAreaM2: 10_000, profitRate: 0, vatRate: 0 }; // unit cost 1.00

	it('small-scale VAT 3%: 1.14 × 1.08 × 1.03 = 1.268136', () => {
		expect(computeCostFee({ ...WORKED, vatRate: VAT_RATES.small_scale.value }).fee).toBeCloseTo(1.268136, 12);
	});

	it('collection-rate break-even: 1.00 ÷ 0.76 = 1.3158', () => {
		const r = computeCostFee({ ...ONE, collectionRate: 0.76 });
		expect(r.fee).toBeCloseTo(1, 12);
		expect(r.breakEvenFee).toBeCloseTo(1.315789473684, 10);
		expect(r.breakEvenFee.toFixed(4)).toBe('1.3158');
	});

	it('vacancy: 20% vacant paying 50% → billable 1 − 0.2 × 0.5 = 0.9; 1.00 ÷ 0.9 = 1.1111', () => {
		expect(billableShare({ vacantShare: 0.2, paidShare: 0.5 })).toBeCloseTo(0.9, 12);
		const r = computeCostFee({ ...ONE, collectionRate: 1, vacancy: { vacantShare: 0.2, paidShare: 0.5 } });
		expect(r.billableShare).toBeCloseTo(0.9, 12);
		expect(r.breakEvenFee).toBeCloseTo(1.111111111111, 10);
	});

	it('collection and vacancy together: 1.00 ÷ (0.8 × 0.9) = 1.3889', () => {
		const r = computeCostFee({ ...ONE, collectionRate: 0.8, vacancy: { vacantShare: 0.2 } });
		expect(r.breakEvenFee).toBeCloseTo(1 / 0.72, 12);
	});
});

describe('computeCostFee: 酬金制 (commission)', () => {
	const BASE = { costs: { staff: 120_000 }, chargeableAreaM2: 10_000, contract: 'commission' as const, vatRate: 0.06, collectionRate: 1 };

	it('rate: 1.00 + 10% commission, VAT on the commission: 1 + 0.1 × 1.06 = 1.106', () => {
		const r = computeCostFee({ ...BASE, commission: { kind: 'rate', rate: 0.1 } });
		expect(r.margin).toBeCloseTo(0.1, 12);
		expect(r.vat).toBeCloseTo(0.006, 12);
		expect(r.fee).toBeCloseTo(1.106, 12);
		expect(r.rates.profitRate).toBeNull();
		expect(r.rates.commissionVatBase).toBe('commission');
	});

	it('VAT on the whole fund: (1 + 0.1) × 1.06 = 1.166', () => {
		const r = computeCostFee({ ...BASE, commission: { kind: 'rate', rate: 0.1 }, commissionVatBase: 'whole_fund' });
		expect(r.fee).toBeCloseTo(1.166, 12);
	});

	it('fixed 12,000 yuan/year on 10,000 m² = 0.10 a month per m², same fee as 10%', () => {
		const r = computeCostFee({ ...BASE, commission: { kind: 'fixed', annualYuan: 12_000 } });
		expect(r.margin).toBeCloseTo(0.1, 12);
		expect(r.fee).toBeCloseTo(1.106, 12);
		expect(r.rates.commissionFixedAnnualYuan).toBe(12_000);
	});

	it('no terms: the 8% default commission [E]', () => {
		const r = computeCostFee(BASE);
		expect(r.rates.commissionRate).toMatchObject({ value: 0.08, provenance: { tag: 'E' } });
		expect(r.fee).toBeCloseTo(1 + 0.08 * 1.06, 12);
	});
});

describe('computeCostFee: bad input', () => {
	it.each([
		['area 0', { ...WORKED, chargeableAreaM2: 0 }],
		['negative cost', { ...WORKED, costs: { staff: -1 } }],
		['collection 0', { ...WORKED, collectionRate: 0 }],
		['collection above 1', { ...WORKED, collectionRate: 1.2 }],
		['VAT 100%', { ...WORKED, vatRate: 1 }],
		['negative profit', { ...WORKED, profitRate: -0.1 }],
		['all vacant paying nothing', { ...WORKED, vacancy: { vacantShare: 1, paidShare: 0 } }]
	])('%s throws a RangeError', (_name, input) => {
		expect(() => computeCostFee(input)).toThrow(RangeError);
	});
});
