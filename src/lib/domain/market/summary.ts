/**
 * The market file in figures and each own estate on the market scale (docs/sources.md §14.2), shared by the
 * command line, the pages and tests. Pure: rows in, figures out.
 */
import type { BuildingForm } from './listing-text';
import { matchEstate, type MatchOverrides } from './match';
import { DEFAULT_COMPARABLE_RULE, fitHedonic, marketScale, quantile, type ComparableRule, type HedonicModel, type MarketListing, type MarketScale } from './scale';

/** The columns of a canonical market row the figures use. */
export interface MarketRowLike {
	readonly name: string;
	readonly area: string | null;
	readonly fee_mid: number | null;
	readonly fee_low?: number | null;
	readonly fee_high?: number | null;
	readonly fee_unit: string | null;
	readonly year_built: number | null;
	readonly building_form: string | null;
	readonly house_price: number | null;
	readonly households?: number | null;
	readonly ref_date?: string | null;
}

/** A listing for the scale: only a per-m² fee counts as a fee; a per-household fee is never mixed in. */
export function toListing(r: MarketRowLike): MarketListing {
	const perM2 = r.fee_unit === 'per_m2_month';
	return {
		name: r.name,
		area: r.area,
		fee: perM2 ? r.fee_mid : null,
		feeLow: perM2 ? (r.fee_low ?? null) : null,
		feeHigh: perM2 ? (r.fee_high ?? null) : null,
		yearBuilt: r.year_built,
		form: (r.building_form as BuildingForm | null) ?? null,
		housePrice: r.house_price,
		households: r.households ?? null
	};
}

/** Year ages are counted from: the latest reference date's year, else the given year. */
export function referenceYear(rows: readonly MarketRowLike[], fallback: number): number {
	let y = 0;
	for (const r of rows) if (r.ref_date) y = Math.max(y, Number(r.ref_date.slice(0, 4)));
	return y > 0 ? y : fallback;
}

export interface MarketFileSummary {
	readonly listings: number;
	readonly with_fee: number;
	readonly per_household: number;
	readonly median_fee: number | null;
	readonly by_area?: { area: string; n: number; median_fee: number | null }[];
}

/** Rows read, rows with a usable per-m² fee, their median (a range counts as its midpoint), and by area. */
export function summariseMarket(rows: readonly MarketRowLike[]): MarketFileSummary {
	const fees = rows.filter((r) => r.fee_unit === 'per_m2_month' && r.fee_mid !== null).map((r) => r.fee_mid!);
	const out: MarketFileSummary = {
		listings: rows.length,
		with_fee: fees.length,
		per_household: rows.filter((r) => r.fee_unit === 'per_household_month').length,
		median_fee: fees.length ? quantile(fees, 0.5) : null
	};
	if (!rows.some((r) => r.area)) return out;
	const groups = new Map<string, number[]>();
	const counts = new Map<string, number>();
	for (const r of rows) {
		const a = r.area ?? '';
		counts.set(a, (counts.get(a) ?? 0) + 1);
		if (!groups.has(a)) groups.set(a, []);
		if (r.fee_unit === 'per_m2_month' && r.fee_mid !== null) groups.get(a)!.push(r.fee_mid);
	}
	const by_area = [...counts.keys()]
		.sort((a, b) => a.localeCompare(b, 'zh'))
		.map((area) => ({ area, n: counts.get(area)!, median_fee: groups.get(area)!.length ? quantile(groups.get(area)!, 0.5) : null }));
	return { ...out, by_area };
}

/** An own estate as the market scale needs it. */
export interface OwnEstate {
	readonly estate_id: string;
	readonly name: string;
	readonly subdistrict: string | null;
	readonly building_type: 'multi' | 'high' | string;
	readonly build_year: number | null;
	/** The fee in force per m² (per-household fees are not placed on the scale). */
	readonly fee: number | null;
}

export interface EstateOnMarket {
	readonly estate_id: string;
	readonly name: string;
	readonly match: { name: string; area: string | null; how: string } | null;
	readonly fee: number | null;
	readonly scale: MarketScale;
	readonly rule: ComparableRule;
}

/**
 * Places each own estate on the market: its own listing (matched by name and area, or as the user set it)
 * supplies area, house price and form where the estate table has none, and is left out of its comparables.
 */
export function estatesOnMarket(
	estates: readonly OwnEstate[],
	rows: readonly MarketRowLike[],
	options: { rule?: ComparableRule; overrides?: MatchOverrides; refYear: number }
): { model: HedonicModel | null; estates: EstateOnMarket[] } {
	const listings = rows.map(toListing);
	const model = fitHedonic(listings, options.refYear);
	const rule = options.rule ?? DEFAULT_COMPARABLE_RULE;
	const out = estates.map((e) => {
		const m = matchEstate({ id: e.estate_id, name: e.name, area: e.subdistrict }, listings, options.overrides);
		const own = m.listing;
		const subject = {
			name: e.name,
			area: own?.area ?? e.subdistrict,
			fee: e.fee,
			yearBuilt: e.build_year ?? own?.yearBuilt ?? null,
			form: (e.building_type === 'multi' ? 'multi' : e.building_type === 'high' ? 'high' : own?.form) ?? null,
			housePrice: own?.housePrice ?? null
		} as const;
		const scale = marketScale(subject, listings, rule, model, own ? (l) => l === own : undefined);
		return {
			estate_id: e.estate_id,
			name: e.name,
			match: own ? { name: own.name, area: own.area, how: m.how } : null,
			fee: e.fee,
			scale,
			rule
		};
	});
	return { model, estates: out };
}
