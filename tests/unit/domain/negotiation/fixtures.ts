/** Shared hand-worked inputs for the negotiation tests. */
import type { CostFeeInput, GuidePricesByGrade, UnitSizeBucket } from '$lib/domain';

/**
 * The worked example of docs/sources.md §3 on 10,000 m²: a unit cost of 1.14 元/㎡·月 is
 * 1.14 × 12 × 10,000 = 136,800 yuan/year, split order 40% (54,720), cleaning 20% (27,360),
 * management 16% (21,888), facilities 13% (17,784), greening 11% (15,048).
 */
export const WORKED_COSTS = {
	order: 54_720,
	cleaning: 27_360,
	management: 21_888,
	facilities: 17_784,
	greening: 15_048
} as const;

/** The worked example as a lump-sum build-up with the default rates (8% profit, 6% VAT, 76% collection). */
export const WORKED: CostFeeInput = { costs: WORKED_COSTS, chargeableAreaM2: 10_000 };

/** The illustrative high-rise ladder (docs/sources.md §4, [E]): 2.30 / 1.90 / 1.50 / 1.10 / 0.70. */
export const HIGH_LADDER: GuidePricesByGrade = { 1: 2.3, 2: 1.9, 3: 1.5, 4: 1.1, 5: 0.7 };

/** 10 homes of 60 m² and 20 of 90 m². */
export const SMALL_DISTRIBUTION: UnitSizeBucket[] = [
	{ unit_area_m2: 90, households: 20 },
	{ unit_area_m2: 60, households: 10 }
];
