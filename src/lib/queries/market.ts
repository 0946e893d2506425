/**
 * The market page's named queries over the `market` table (listing references). Aggregation happens in DuckDB,
 * so a city's 100,000 listings send JavaScript a few dozen rows per chart: the distributions are GROUP BYs on
 * binned age, house price and fee, and the fee-on-house-price scatter is a GROUP BY on (price bin, fee bin) cells
 * above {@link POINTS_UP_TO} listings, points only below it. Only per-m² fees are counted (per-household fees are
 * never mixed in; docs/sources.md §14.1). Quantiles are quantile_cont, the same type-7 rule as domain/market/scale.ts.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import type { MarketRowLike } from '../domain/market/summary';
import { BUILDING_FORMS, type BuildingForm } from '../domain/market/listing-text';

/** The page's filters (null = any). */
export interface MarketFilters {
	area: string | null;
	form: string | null;
	yearFrom: number | null;
	yearTo: number | null;
	priceFrom: number | null;
	priceTo: number | null;
}

export const NO_FILTERS: MarketFilters = { area: null, form: null, yearFrom: null, yearTo: null, priceFrom: null, priceTo: null };

const finite = (x: number | null): x is number => x !== null && Number.isFinite(x);

/** WHERE clause of the filters; always per-m² fees only. */
export function marketWhere(f: MarketFilters): string {
	const parts = ["fee_unit = 'per_m2_month'", 'fee_mid IS NOT NULL'];
	if (f.area) parts.push(`area = ${sqlString(f.area)}`);
	if (f.form) parts.push(`building_form = ${sqlString(f.form)}`);
	if (finite(f.yearFrom)) parts.push(`year_built >= ${Math.trunc(f.yearFrom)}`);
	if (finite(f.yearTo)) parts.push(`year_built <= ${Math.trunc(f.yearTo)}`);
	if (finite(f.priceFrom)) parts.push(`house_price >= ${Number(f.priceFrom)}`);
	if (finite(f.priceTo)) parts.push(`house_price <= ${Number(f.priceTo)}`);
	return parts.join(' AND ');
}

const Totals = z.object({
	listings: z.number(),
	with_fee: z.number(),
	per_household: z.number(),
	no_fee: z.number(),
	shown: z.number(),
	median: z.number().nullable(),
	q1: z.number().nullable(),
	q3: z.number().nullable(),
	ref_date: z.string().nullable()
});
export type MarketTotals = z.infer<typeof Totals>;

const Group = z.object({ key: z.string(), n: z.number(), q1: z.number().nullable(), median: z.number().nullable(), q3: z.number().nullable() });
export type MarketGroup = z.infer<typeof Group>;

const Bin = z.object({ x0: z.number(), n: z.number() });
export type MarketBin = z.infer<typeof Bin>;

const quartiles = 'count(*)::INTEGER AS n, quantile_cont(fee_mid, 0.25) AS q1, median(fee_mid) AS median, quantile_cont(fee_mid, 0.75) AS q3';

/** Everything the market page shows for one set of filters. */
export interface MarketView {
	totals: MarketTotals;
	byArea: MarketGroup[];
	byAge: MarketGroup[];
	byPrice: MarketGroup[];
	histogram: MarketBin[];
	binWidth: number;
	/** The scatter binned: (house price, fee) cells with their counts (only listings with a house price). */
	cells: MarketCell[];
	/** Width of a cell in house price (元/㎡); in fee a cell is a histogram bin. */
	priceStep: number;
	/** Listings in the scatter (with a fee and a house price). */
	scattered: number;
	/** The points themselves when there are at most {@link POINTS_UP_TO} of them, else null. */
	points: { price: Float64Array; fee: Float64Array; name: string[] } | null;
}

/** Up to this many listings the scatter has one dot per listing (with its name); above it, counted cells. */
export const POINTS_UP_TO = 1500;

const Cell = z.object({ x0: z.number(), y0: z.number(), n: z.number() });
export type MarketCell = z.infer<typeof Cell> & { x1: number; y1: number };

/** A 1-2-5 step that cuts the span into at most `bins` pieces. */
export function niceStep(span: number, bins: number): number {
	if (!(span > 0)) return 1;
	const raw = span / bins;
	const p = 10 ** Math.floor(Math.log10(raw));
	for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
	return 10 * p;
}

/**
 * Fee bin index in SQL: 0.1 元 below 10, then one bin per yuan (luxury estates charge 16-36, docs/sources.md §10).
 * The small epsilon keeps 2.3 in the 2.3 bin (2.3 × 10 is 22.999999999999996 in binary floating point).
 */
const FEE_BIN = `(CASE WHEN fee_mid < 10 THEN floor(fee_mid * 10 + 1e-9) / 10 ELSE floor(fee_mid + 1e-9) END)::DOUBLE`;
const feeBinEnd = (y0: number) => Math.round((y0 < 10 ? y0 + 0.1 : y0 + 1) * 100) / 100;

/** Runs every query of the page for the filters. */
export async function marketView(engine: Engine, f: MarketFilters, pointsUpTo = POINTS_UP_TO): Promise<MarketView> {
	const where = marketWhere(f);
	const [totals] = await engine.parse(
		`SELECT count(*)::INTEGER AS listings,
			count(*) FILTER (WHERE fee_unit = 'per_m2_month' AND fee_mid IS NOT NULL)::INTEGER AS with_fee,
			count(*) FILTER (WHERE fee_unit = 'per_household_month')::INTEGER AS per_household,
			count(*) FILTER (WHERE fee_mid IS NULL)::INTEGER AS no_fee,
			(SELECT count(*)::INTEGER FROM market WHERE ${where}) AS shown,
			(SELECT median(fee_mid) FROM market WHERE ${where}) AS median,
			(SELECT quantile_cont(fee_mid, 0.25) FROM market WHERE ${where}) AS q1,
			(SELECT quantile_cont(fee_mid, 0.75) FROM market WHERE ${where}) AS q3,
			max(ref_date) AS ref_date
		FROM market`,
		Totals
	);
	const byArea = await engine.parse(`SELECT coalesce(area, '') AS key, ${quartiles} FROM market WHERE ${where} GROUP BY 1 ORDER BY median DESC NULLS LAST, 1`, Group);
	const byAge = await engine.parse(
		`SELECT (floor(year_built / 5) * 5)::INTEGER::VARCHAR AS key, ${quartiles} FROM market WHERE ${where} AND year_built IS NOT NULL GROUP BY 1 ORDER BY 1`,
		Group
	);
	const byPrice = await engine.parse(
		`SELECT (floor(house_price / 10000) * 10000)::INTEGER::VARCHAR AS key, ${quartiles} FROM market WHERE ${where} AND house_price IS NOT NULL GROUP BY 1 ORDER BY 1::INTEGER`,
		Group
	);
	const binWidth = 0.1;
	const histogram = await engine.parse(`SELECT ${FEE_BIN} AS x0, count(*)::INTEGER AS n FROM market WHERE ${where} GROUP BY 1 ORDER BY 1`, Bin);
	const scatter = await marketScatter(engine, where, pointsUpTo);
	return { totals, byArea, byAge, byPrice, histogram: histogram.map((b) => ({ x0: Math.round(b.x0 * 100) / 100, n: b.n })), binWidth, ...scatter };
}

/** The fee-on-house-price scatter: about 60 price bins × the fee bins, counted in DuckDB; points only when few. */
async function marketScatter(engine: Engine, where: string, pointsUpTo: number): Promise<Pick<MarketView, 'cells' | 'priceStep' | 'scattered' | 'points'>> {
	const inScatter = `${where} AND house_price IS NOT NULL`;
	const [range] = await engine.parse(
		`SELECT count(*)::INTEGER AS n, min(house_price)::DOUBLE AS lo, max(house_price)::DOUBLE AS hi FROM market WHERE ${inScatter}`,
		z.object({ n: z.number(), lo: z.number().nullable(), hi: z.number().nullable() })
	);
	const priceStep = niceStep((range.hi ?? 0) - (range.lo ?? 0), 60);
	const rows = await engine.parse(
		`SELECT (floor(house_price / ${priceStep}) * ${priceStep})::DOUBLE AS x0, ${FEE_BIN} AS y0, count(*)::INTEGER AS n
		FROM market WHERE ${inScatter} GROUP BY 1, 2 ORDER BY 1, 2`,
		Cell
	);
	const cells = rows.map((c) => ({ x0: c.x0, x1: c.x0 + priceStep, y0: Math.round(c.y0 * 100) / 100, y1: feeBinEnd(Math.round(c.y0 * 100) / 100), n: c.n }));
	let points: MarketView['points'] = null;
	if (range.n <= pointsUpTo) {
		const cols = await engine.columns(`SELECT house_price::DOUBLE AS price, fee_mid::DOUBLE AS fee, name FROM market WHERE ${inScatter}`);
		points = { price: Float64Array.from((cols.price ?? []) as number[]), fee: Float64Array.from((cols.fee ?? []) as number[]), name: (cols.name ?? []) as string[] };
	}
	return { cells, priceStep, scattered: range.n, points };
}

/** Areas and forms present, for the filter menus. */
export async function marketOptions(engine: Engine): Promise<{ areas: string[]; forms: BuildingForm[] }> {
	const areas = await engine.parse('SELECT DISTINCT area FROM market WHERE area IS NOT NULL ORDER BY 1', z.object({ area: z.string() }));
	const forms = await engine.parse('SELECT DISTINCT building_form FROM market WHERE building_form IS NOT NULL ORDER BY 1', z.object({ building_form: z.enum(BUILDING_FORMS) }));
	return { areas: areas.map((a) => a.area), forms: forms.map((f) => f.building_form) };
}

const ListingRow = z.object({
	name: z.string(),
	area: z.string().nullable(),
	fee_text: z.string().nullable(),
	fee_low: z.number().nullable(),
	fee_high: z.number().nullable(),
	fee_mid: z.number().nullable(),
	fee_unit: z.string().nullable(),
	year_built: z.number().nullable(),
	building_form: z.string().nullable(),
	house_price: z.number().nullable(),
	households: z.number().nullable(),
	ref_date: z.string().nullable()
});
export type ListingRow = z.infer<typeof ListingRow> & MarketRowLike;

/** The listings the scale of an estate needs (every row: comparables and the hedonic model use the whole file). */
export async function marketListings(engine: Engine): Promise<ListingRow[]> {
	return engine.parse(
		'SELECT name, area, fee_text, fee_low, fee_high, fee_mid, fee_unit, year_built::INTEGER AS year_built, building_form, house_price, households::INTEGER AS households, ref_date FROM market',
		ListingRow
	);
}
