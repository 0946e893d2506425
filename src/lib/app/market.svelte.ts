/**
 * Market references in the app: the comparable rule (kept in localStorage, validated when read back), the match
 * overrides the user set (kept in the workspace: they belong to its estates and travel in its file), the listings
 * cached per table version, and an own estate placed on the market scale. The figures are domain/market; this
 * only gathers inputs.
 */
import { z } from 'zod';
import { currentEngine, session } from '$lib/app/session.svelte';
import { liveQuery } from './engine-query.svelte';
import { saveMarketMatches } from '$lib/workspace/workspace.svelte';
import { workspaceState } from '$lib/workspace/workspace-state.svelte';
import { DEFAULT_COMPARABLE_RULE, fitHedonic, marketScale, type ComparableRule, type HedonicModel, type MarketScale } from '$lib/domain/market/scale';
import { listingKey, matchEstate, type EstateMatch } from '$lib/domain/market/match';
import { normaliseName } from '$lib/domain/market/scale';
import { estateNameLooseKey } from '$lib/domain/names/normalise';
import { referenceYear, toListing } from '$lib/domain/market/summary';
import type { MarketListing } from '$lib/domain/market/scale';
import { marketListings, type ListingRow } from '$lib/queries/market';

const STORAGE_KEY = 'zhijia.market.v1';

const stored = z.object({
	rule: z.object({ sameArea: z.boolean(), yearBand: z.number().min(0).max(100).nullable(), sameForm: z.boolean(), priceBand: z.number().min(0).max(10).nullable(), householdBand: z.number().min(0).max(10).nullable().optional() })
});

/** The user's comparable rule. */
export const marketSettings = $state<{ rule: ComparableRule }>({ rule: { ...DEFAULT_COMPARABLE_RULE } });

/** The own estates' listing matches set by hand (reactive: read from the workspace). */
export function marketOverrides(): Record<string, string | null> {
	return workspaceState.workspace.marketMatches ?? {};
}

/**
 * Sets an estate's listing by hand: a listing key, null for "no listing", or undefined to go back to the
 * automatic match. Stored in the workspace.
 */
export function setMarketMatch(estateId: string, key: string | null | undefined): Promise<void> {
	const { [estateId]: _drop, ...rest } = $state.snapshot(marketOverrides());
	return saveMarketMatches(key === undefined ? rest : { ...rest, [estateId]: key });
}

let restored = false;
/** Reads the settings back once (a damaged entry falls back to the defaults). */
export function restoreMarketSettings(): void {
	if (restored || typeof localStorage === 'undefined') return;
	restored = true;
	try {
		const saved = localStorage.getItem(STORAGE_KEY);
		// Nothing stored (the usual case): no parse, whose refusal of null built an error on the page's first mount.
		if (saved === null) return;
		const parsed = stored.safeParse(JSON.parse(saved));
		if (parsed.success) marketSettings.rule = parsed.data.rule;
	} catch {
		// not JSON, or the storage cannot be read: keep the defaults
	}
}

export function persistMarketSettings(): void {
	localStorage.setItem(STORAGE_KEY, JSON.stringify($state.snapshot(marketSettings)));
}

/** The listing files in the workspace and the data's reference date, for "source file and date" lines. */
export function marketSourceFiles(): string[] {
	return workspaceState.workspace.files.filter((f) => f.dataset === 'market').map((f) => f.name);
}

export interface MarketData {
	rows: ListingRow[];
	listings: MarketListing[];
	model: HedonicModel | null;
	refYear: number;
	refDate: string | null;
}

let cache: { version: number; data: Promise<MarketData> } | null = null;

/** All listings and the hedonic model, once per table version. */
export function marketData(): Promise<MarketData> {
	if (cache && cache.version === session.version) return cache.data;
	const data = marketListings(currentEngine()).then((rows) => {
		const listings = rows.map(toListing);
		const refYear = referenceYear(rows, new Date().getFullYear());
		const refDate = rows.reduce<string | null>((m, r) => (r.ref_date && (!m || r.ref_date > m) ? r.ref_date : m), null);
		return { rows, listings, model: fitHedonic(listings, refYear), refYear, refDate };
	});
	cache = { version: session.version, data };
	return data;
}

/** An own estate as the market panel needs it. */
export interface OwnEstateFacts {
	estate_id: string;
	name: string;
	subdistrict: string | null;
	building_type: string;
	build_year: number | null;
	fee: number | null;
	fee_unit: string | null;
}

const OWN_FACTS_SQL = `SELECT e.estate_id, e.name, e.subdistrict, e.building_type, e.build_year::INTEGER AS build_year,
			f.fee, f.fee_unit
		FROM estates e LEFT JOIN (SELECT * FROM fees QUALIFY row_number() OVER (PARTITION BY estate_id ORDER BY year DESC) = 1) f USING (estate_id)`;
const ownFactsRow = z.object({ estate_id: z.string(), name: z.string(), subdistrict: z.string().nullable(), building_type: z.string(), build_year: z.number().nullable(), fee: z.number().nullable(), fee_unit: z.string().nullable() });

/** Every own estate with its latest fee, for the district view. */
export async function allOwnEstateFacts(): Promise<OwnEstateFacts[]> {
	return currentEngine().parse(`${OWN_FACTS_SQL} ORDER BY e.estate_id`, ownFactsRow);
}

export async function ownEstateFacts(id: string): Promise<OwnEstateFacts | null> {
	const rows = await currentEngine().parse(`${OWN_FACTS_SQL} WHERE e.estate_id = '${id.replaceAll("'", "''")}'`, ownFactsRow);
	return rows[0] ?? null;
}

export interface EstateMarket {
	match: EstateMatch<MarketListing>;
	matchRow: ListingRow | null;
	fee: number | null;
	scale: MarketScale;
	subject: { area: string | null; yearBuilt: number | null; housePrice: number | null; form: string | null };
}

/** Places an own estate on the market scale under the user's rule and match corrections. */
export function placeEstate(
	e: OwnEstateFacts,
	data: MarketData,
	rule: ComparableRule,
	overrides: Record<string, string | null>,
	index?: { candidates: (e: OwnEstateFacts) => MarketListing[]; pool: (area: string | null) => readonly MarketListing[] }
): EstateMarket {
	const match = matchEstate({ id: e.estate_id, name: e.name, area: e.subdistrict }, index ? index.candidates(e) : data.listings, overrides);
	const own = match.listing;
	const fee = e.fee_unit === 'per_m2_month' ? e.fee : null;
	const subject = {
		area: own?.area ?? e.subdistrict,
		fee,
		yearBuilt: e.build_year ?? own?.yearBuilt ?? null,
		form: e.building_type === 'multi' ? ('multi' as const) : e.building_type === 'high' ? ('high' as const) : (own?.form ?? null),
		housePrice: own?.housePrice ?? null
	};
	const scale = marketScale(subject, index ? index.pool(subject.area) : data.listings, rule, data.model, own ? (l) => l === own : undefined);
	return { match, matchRow: own ? data.rows[data.listings.indexOf(own)] : null, fee, scale, subject };
}

/** The market band of an estate, as the negotiation range and the report show it. */
export interface MarketBand {
	n: number;
	low: number | null;
	high: number | null;
	median: number | null;
	percentile: number | null;
	expected: number | null;
	fee: number | null;
	listing: string | null;
	files: string[];
	refDate: string | null;
}

/**
 * A reactive market band for the estate `getId()` names (call during a component's set-up). Null while loading,
 * without listings or without an estate.
 */
export function marketBandOf(getId: () => string | null): { band: MarketBand | null } {
	restoreMarketSettings();
	const query = liveQuery<MarketBand | null>(() => {
		void session.version;
		const id = getId();
		const rule = $state.snapshot(marketSettings.rule);
		const overrides = $state.snapshot(marketOverrides());
		return async () => {
			if (!id) return null;
			const [d, f] = await Promise.all([marketData(), ownEstateFacts(id)]);
			if (!f || d.rows.length === 0) return null;
			const p = placeEstate(f, d, rule, overrides);
			return {
				n: p.scale.n,
				low: p.scale.q1,
				high: p.scale.q3,
				median: p.scale.median,
				percentile: p.scale.percentile,
				expected: p.scale.expected,
				fee: p.fee,
				listing: p.match.listing?.name ?? null,
				files: marketSourceFiles(),
				refDate: d.refDate
			};
		};
	});
	// No band when the listings cannot be read: the market is a comparison beside the verdict, never its premise.
	return {
		get band() {
			return query.error === null ? query.value : null;
		}
	};
}

/**
 * Every own estate on the market at once (district view). Listings are indexed by normalised name (matching)
 * and by area (comparables under a same-area rule), so a city of estates against a city of listings stays in
 * milliseconds rather than estates × listings comparisons. Same results as {@link placeEstate} one by one.
 */
export function placeEstates(estates: readonly OwnEstateFacts[], data: MarketData, rule: ComparableRule, overrides: Record<string, string | null>): EstateMarket[] {
	const byName = new Map<string, MarketListing[]>();
	const byLooseName = new Map<string, MarketListing[]>();
	const byKey = new Map<string, MarketListing>();
	const byArea = new Map<string, MarketListing[]>();
	const noArea: MarketListing[] = [];
	for (const l of data.listings) {
		const n = normaliseName(l.name);
		(byName.get(n) ?? byName.set(n, []).get(n)!).push(l);
		const loose = estateNameLooseKey(l.name);
		(byLooseName.get(loose) ?? byLooseName.set(loose, []).get(loose)!).push(l);
		byKey.set(listingKey(l), l);
		if (l.area) {
			const a = normaliseName(l.area);
			(byArea.get(a) ?? byArea.set(a, []).get(a)!).push(l);
		} else noArea.push(l);
	}
	const pools = new Map<string, MarketListing[]>();
	const index = {
		candidates: (e: OwnEstateFacts) => {
			const key = overrides[e.estate_id];
			const extra = typeof key === 'string' && byKey.has(key) ? [byKey.get(key)!] : [];
			const named = byName.get(normaliseName(e.name)) ?? byLooseName.get(estateNameLooseKey(e.name)) ?? [];
			return [...named, ...extra];
		},
		pool: (area: string | null) => {
			if (!rule.sameArea || !area) return data.listings;
			const a = normaliseName(area);
			if (!pools.has(a)) pools.set(a, [...(byArea.get(a) ?? []), ...noArea]);
			return pools.get(a)!;
		}
	};
	return estates.map((e) => placeEstate(e, data, rule, overrides, index));
}
