/**
 * What each household pays: monthly and yearly bills across an estate's unit-size distribution at a fee
 * per ㎡ or per household, and the revenue they add up to at full and at actual collection. This is the
 * number an owners' committee shows before a vote: "a 90 ㎡ home pays 27 yuan more a month".
 *
 * Bills are computed as a bill is written (docs/sources.md §15): the fee is rounded to 0.01 元/㎡·月 (or to the fen
 * per household) first, each household's monthly bill is that fee × its area rounded to the fen, the year is 12
 * monthly bills, and revenue is the sum of the bills, all in integer fen; the yuan fields are those fen ÷ 100.
 */
import { fenToYuan, roundFee, toFen, FEE_ROUNDING_RULE } from '../money';
import { userProvenance, type Provenance } from '../provenance';
import type { FeeUnit } from '../vocabulary';
import { DEFAULT_COLLECTION_RATE } from './defaults';
import { UNITS, figure, num, pct, yuan, type Explanation } from './explain';

/** Households with one unit area: a histogram row (the data model's unit_sizes row without estate_id). */
export interface UnitSizeBucket {
	unit_area_m2: number;
	households: number;
}

/** A unit area and the share of households with it. */
export interface UnitSizeShare {
	unit_area_m2: number;
	share: number;
}

/**
 * Default unit-size distribution [E] when an estate has none: 50 ㎡ 10%, 70 ㎡ 25%, 90 ㎡ 35%,
 * 120 ㎡ 20%, 140 ㎡ 10% (mean 92 ㎡), a plausible mix for an urban commercial estate. Relocation and
 * sold public housing run smaller (the sample district's relocation estates are about 30-85 ㎡): pass
 * the estate's mean unit area to {@link defaultUnitSizes} to rescale it.
 */
export const DEFAULT_UNIT_SIZE_SHARES: readonly UnitSizeShare[] = [
	{ unit_area_m2: 50, share: 0.1 },
	{ unit_area_m2: 70, share: 0.25 },
	{ unit_area_m2: 90, share: 0.35 },
	{ unit_area_m2: 120, share: 0.2 },
	{ unit_area_m2: 140, share: 0.1 }
];

/** Where the default distribution comes from. */
export const DEFAULT_UNIT_SIZE_SHARES_PROVENANCE: Provenance = {
	tag: 'E',
	source: 'This app (Method notes §3): a plausible mix for an urban commercial estate (mean 92 ㎡), rescaled to the estate’s mean unit area when known',
	source_zh: '本应用估计（《质价方法与来源说明》§3）：城市商品房小区常见的户型结构（50 ㎡ 10%、70 ㎡ 25%、90 ㎡ 35%、120 ㎡ 20%、140 ㎡ 10%，户均 92 ㎡），已知户均面积时按比例缩放',
	note: 'Replace with the estate’s own unit-size table.',
	note_zh: '请替换为本小区自己的户型面积表。'
};

/**
 * The default distribution for an estate of `households` homes: counts by largest remainder, so they
 * sum exactly to `households`. With `meanAreaM2` (e.g. chargeable area ÷ households) every area is
 * scaled by meanAreaM2 ÷ 92 and rounded to 0.1 ㎡, so the shape is kept and the mean matches.
 * @throws RangeError if households is not a whole number ≥ 0 or the mean area is not > 0.
 */
export function defaultUnitSizes(households: number, meanAreaM2?: number): UnitSizeBucket[] {
	if (!Number.isInteger(households) || households < 0) throw new RangeError(`households must be a whole number ≥ 0, got ${households}`);
	if (meanAreaM2 !== undefined && !(Number.isFinite(meanAreaM2) && meanAreaM2 > 0)) {
		throw new RangeError(`mean unit area must be > 0 m², got ${meanAreaM2}`);
	}
	const defaultMean = DEFAULT_UNIT_SIZE_SHARES.reduce((s, b) => s + b.unit_area_m2 * b.share, 0);
	const scale = meanAreaM2 === undefined ? 1 : meanAreaM2 / defaultMean;
	const raw = DEFAULT_UNIT_SIZE_SHARES.map((b) => b.share * households);
	const counts = raw.map(Math.floor);
	let left = households - counts.reduce((s, c) => s + c, 0);
	// Largest remainder; ties go to the earlier (smaller) bucket so the result is stable.
	const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		counts[i] += 1;
		left -= 1;
	}
	return DEFAULT_UNIT_SIZE_SHARES.map((b, i) => ({
		unit_area_m2: Math.round(b.unit_area_m2 * scale * 10) / 10,
		households: counts[i]
	}));
}

/** One bucket's bill. */
export interface HouseholdBillLine {
	unitAreaM2: number;
	households: number;
	/** yuan per household per month (monthlyFen ÷ 100). */
	monthly: number;
	/** fen per household per month: the billed fee × unit area, rounded to the fen. */
	monthlyFen: number;
	/** yuan per household per year (12 monthly bills). */
	annual: number;
	annualFen: number;
}

/** Summary of the monthly bill over households (each household counts once). */
export interface BillSpread {
	min: number;
	/** Household-weighted median: the middle household's bill (mean of the two middle for an even count). */
	median: number;
	max: number;
	mean: number;
}

/** Bills and revenue for one fee. */
export interface HouseholdBills {
	/** The fee as given (computed precision). */
	fee: number;
	/** The fee as billed: rounded to 0.01 元/㎡·月, or to the fen per household; every bill uses it. */
	billedFee: number;
	feeUnit: FeeUnit;
	/** Buckets by unit area, smallest first. */
	buckets: HouseholdBillLine[];
	households: number;
	/** Σ households × unit area. */
	areaM2: number;
	/** Null when there are no households. */
	monthly: BillSpread | null;
	/** Σ households × monthly × 12: every household pays in full (yuan; annualRevenueFullFen ÷ 100). */
	annualRevenueFull: number;
	annualRevenueFullFen: number;
	/** annualRevenueFull × collection rate, rounded to the fen. */
	annualRevenueCollected: number;
	annualRevenueCollectedFen: number;
	collectionRate: number;
	collectionRateProvenance: Provenance;
	explanation: Explanation;
}

/** The bill of the household at 1-based position k when households are ordered by bill. */
function billAtPosition(sorted: readonly HouseholdBillLine[], k: number): number {
	let seen = 0;
	for (const b of sorted) {
		seen += b.households;
		if (seen >= k) return b.monthly;
	}
	return sorted[sorted.length - 1].monthly;
}

/**
 * Household bills at a fee: per ㎡ (元/㎡·月, bill = fee × unit area) or per household (元/户·月, the
 * same bill for every home, as in Shanghai's sold public housing). E.g. 1.5 元/㎡·月 on 10 homes of
 * 60 ㎡ and 20 of 90 ㎡: bills 90 and 135 a month; revenue (10 × 90 + 20 × 135) × 12 = 43,200 a year,
 * 32,832 at 76% collection.
 * @throws RangeError on a negative fee, an area ≤ 0, a household count that is not a whole number ≥ 0,
 *   or a collection rate outside (0, 1].
 */
export function householdBills(
	distribution: readonly UnitSizeBucket[],
	fee: number,
	options: { feeUnit?: FeeUnit; collectionRate?: number } = {}
): HouseholdBills {
	const feeUnit = options.feeUnit ?? 'per_m2_month';
	if (!Number.isFinite(fee) || fee < 0) throw new RangeError(`fee must be a finite amount ≥ 0, got ${fee}`);
	const collectionRate = options.collectionRate ?? DEFAULT_COLLECTION_RATE.value;
	if (!(Number.isFinite(collectionRate) && collectionRate > 0 && collectionRate <= 1)) {
		throw new RangeError(`collection rate must be > 0 and ≤ 1, got ${collectionRate}`);
	}
	const collectionRateProvenance = options.collectionRate === undefined ? DEFAULT_COLLECTION_RATE.provenance : userProvenance();
	for (const b of distribution) {
		if (!(Number.isFinite(b.unit_area_m2) && b.unit_area_m2 > 0)) throw new RangeError(`unit area must be > 0 m², got ${b.unit_area_m2}`);
		if (!(Number.isInteger(b.households) && b.households >= 0)) throw new RangeError(`households must be a whole number ≥ 0, got ${b.households}`);
	}
	const billedFee = feeUnit === 'per_m2_month' ? roundFee(fee) : fenToYuan(toFen(fee));
	const buckets: HouseholdBillLine[] = [...distribution]
		.sort((a, b) => a.unit_area_m2 - b.unit_area_m2)
		.map((b) => {
			const monthlyFen = feeUnit === 'per_m2_month' ? toFen(billedFee * b.unit_area_m2) : toFen(billedFee);
			return {
				unitAreaM2: b.unit_area_m2,
				households: b.households,
				monthly: fenToYuan(monthlyFen),
				monthlyFen,
				annual: fenToYuan(monthlyFen * 12),
				annualFen: monthlyFen * 12
			};
		});
	const households = buckets.reduce((s, b) => s + b.households, 0);
	const areaM2 = buckets.reduce((s, b) => s + b.households * b.unitAreaM2, 0);
	const monthlyTotalFen = buckets.reduce((s, b) => s + b.households * b.monthlyFen, 0);
	const monthlyTotal = fenToYuan(monthlyTotalFen);
	const annualRevenueFullFen = monthlyTotalFen * 12;
	const annualRevenueFull = fenToYuan(annualRevenueFullFen);
	const annualRevenueCollectedFen = toFen(annualRevenueFull * collectionRate);
	const annualRevenueCollected = fenToYuan(annualRevenueCollectedFen);

	let monthly: BillSpread | null = null;
	const occupied = buckets.filter((b) => b.households > 0).sort((a, b) => a.monthly - b.monthly);
	if (households > 0) {
		// Positions of the middle household(s), as stats.median does for a list of single values.
		const lo = Math.floor((households + 1) / 2);
		const hi = Math.floor(households / 2) + 1;
		const median = households % 2 === 1 ? billAtPosition(occupied, lo) : (billAtPosition(occupied, hi - 1) + billAtPosition(occupied, hi)) / 2;
		monthly = { min: occupied[0].monthly, median, max: occupied[occupied.length - 1].monthly, mean: monthlyTotalFen / 100 / households };
	}

	const unit = feeUnit === 'per_m2_month' ? UNITS.feeM2 : UNITS.feeHousehold;
	const perBucket =
		feeUnit === 'per_m2_month'
			? { zh: '每户月缴 = 单价 × 户型面积', en: 'monthly bill = fee × unit area' }
			: { zh: '每户月缴 = 按户单价', en: 'monthly bill = fee per household' };
	return {
		fee,
		billedFee,
		feeUnit,
		buckets,
		households,
		areaM2,
		monthly,
		annualRevenueFull,
		annualRevenueFullFen,
		annualRevenueCollected,
		annualRevenueCollectedFen,
		collectionRate,
		collectionRateProvenance,
		explanation: {
			formula: {
				zh: `${perBucket.zh}；年收入 = Σ 户数 × 每户月缴 × 12；实收 = 年收入 × 收缴率。${FEE_ROUNDING_RULE.zh}；每户月缴取整到分`,
				en: `${perBucket.en}; annual revenue = Σ households × monthly bill × 12; collected = annual revenue × collection rate. ${FEE_ROUNDING_RULE.en}; each monthly bill is rounded to the fen`
			},
			inputs: [
				figure({ zh: '物业费（计费单价）', en: 'Fee (as billed)' }, billedFee, unit),
				figure({ zh: '户数', en: 'Households' }, households, UNITS.households),
				figure({ zh: '总面积', en: 'Total area' }, areaM2, UNITS.m2),
				figure(DEFAULT_COLLECTION_RATE.label, collectionRate, UNITS.share, collectionRateProvenance)
			],
			text: {
				zh: `${buckets.map((b) => `${num(b.households)} 户 × ${num(b.monthly, 2)}`).join(' + ') || '0'} = ${num(monthlyTotal, 2)} 元/月；× 12 = ${yuan(annualRevenueFull)} 元/年；× ${pct(collectionRate)} = ${yuan(annualRevenueCollected)} 元/年`,
				en: `${buckets.map((b) => `${num(b.households)} homes × ${num(b.monthly, 2)}`).join(' + ') || '0'} = ${num(monthlyTotal, 2)} yuan/month; × 12 = ${yuan(annualRevenueFull)} yuan/year; × ${pct(collectionRate)} = ${yuan(annualRevenueCollected)} yuan/year`
			}
		}
	};
}
