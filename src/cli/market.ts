/**
 * `zhijia market <files…> [--estates <dir>] [--json]`: listing-site exports (the `market` dataset) in figures,
 * read with the import pipeline the app uses, and with --estates each own estate on the market scale
 * (docs/sources.md §14.2). The figures are pure TypeScript (domain/market), the same the pages show.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASETS, type DatasetId } from '../lib/data/datasets';
import { estatesOnMarket, referenceYear, summariseMarket, type MarketRowLike, type OwnEstate } from '../lib/domain/market/summary';
import { prepareImport, type PreparedImport } from '../lib/import/index';
import { InputError, UsageError } from './errors';
import { parseCommandArgs } from './args';

export const MARKET_USAGE = `Usage: zhijia market <files...> [--estates <dir>] [--json]

Listing-site exports (CSV in UTF-8 or GB18030, xlsx, JSON): rows read, rows with a per-m² fee, the median
fee (a range counts as its midpoint) and the median by area. With --estates, each own estate's percentile
among comparable listings, the comparables' count and median, and the hedonic expected fee.
Listings are not quality scores: the market scale is never blended into Q.

Options:
  --estates <dir>   a data directory with estates.csv (and fees.csv for the fee in force)
  --json            JSON instead of text
  -h, --help        this help
`;

async function bytesOf(path: string): Promise<Uint8Array> {
	try {
		return new Uint8Array(await readFile(path));
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
}

/** A file through the import pipeline as `dataset`; the first errors named by row, column and value. */
async function prepared(path: string, dataset: DatasetId | undefined): Promise<PreparedImport> {
	const p = await prepareImport({ name: path, bytes: await bytesOf(path) }, dataset ? { dataset } : {});
	if (!dataset && p.dataset !== 'market') throw new InputError(path, `is not a listing file (recognised as ${p.dataset ?? 'nothing'}; needs an estate name and a fee column)`);
	const errors = p.problems.filter((x) => x.severity === 'error');
	if (p.fileError || errors.length > 0) {
		const first = errors.slice(0, 5).map((x) => `row ${x.row ?? '-'}, column ${x.column ?? '-'}, value ${x.value ?? '-'}: ${x.message.en}`);
		throw new InputError(path, `has ${p.counts.errors} error(s): ${first.join('; ')}`);
	}
	return p;
}

function records(p: PreparedImport): Record<string, unknown>[] {
	const cols = DATASETS[p.dataset!].columns.map((c) => c.name);
	return p.rowNumbers.map((_, i) => Object.fromEntries(cols.map((n, c) => [n, p.columns[c][i]])));
}

const round = (x: number | null | undefined, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

async function ownEstates(dir: string): Promise<OwnEstate[]> {
	const estates = records(await prepared(join(dir, 'estates.csv'), 'estates'));
	const fees = new Map<string, { year: number; fee: number | null }>();
	try {
		await readFile(join(dir, 'fees.csv'));
		for (const f of records(await prepared(join(dir, 'fees.csv'), 'fees'))) {
			const prev = fees.get(f.estate_id as string);
			if (!prev || (f.year as number) > prev.year) fees.set(f.estate_id as string, { year: f.year as number, fee: f.fee_unit === 'per_m2_month' ? (f.fee as number) : null });
		}
	} catch (e) {
		if (e instanceof InputError) throw e;
		// No fees.csv: estates are placed without a fee (comparables and expected fee still shown).
	}
	return estates.map((e) => ({
		estate_id: e.estate_id as string,
		name: e.name as string,
		subdistrict: (e.subdistrict as string | null) ?? null,
		building_type: e.building_type as string,
		build_year: (e.build_year as number | null) ?? null,
		fee: fees.get(e.estate_id as string)?.fee ?? null
	}));
}

/** Runs the subcommand; returns the exit code. */
export async function marketCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const parsed = parseCommandArgs(args, { estates: { type: 'string' }, json: { type: 'boolean' } });
	if (parsed.values.help) {
		out(MARKET_USAGE);
		return 0;
	}
	if (parsed.positionals.length === 0) throw new UsageError('give at least one listing file');
	const rows: MarketRowLike[] = [];
	for (const f of parsed.positionals) rows.push(...(records(await prepared(f, undefined)) as unknown as MarketRowLike[]));
	const s = summariseMarket(rows);
	const result: Record<string, unknown> = {
		listings: s.listings,
		with_fee: s.with_fee,
		per_household: s.per_household,
		median_fee: round(s.median_fee),
		...(s.by_area ? { by_area: s.by_area.map((a) => ({ area: a.area, n: a.n, median_fee: round(a.median_fee) })) } : {})
	};
	if (parsed.values.estates) {
		const refYear = referenceYear(rows, new Date().getFullYear());
		const placed = estatesOnMarket(await ownEstates(parsed.values.estates), rows, { refYear });
		result.hedonic = placed.model
			? { n: placed.model.n, r2: round(placed.model.r2, 4), intercept: round(placed.model.intercept, 4), log_house_price: round(placed.model.logPrice, 4), age: round(placed.model.age, 4), forms: placed.model.forms, reference_form: placed.model.reference, reference_year: refYear }
			: null;
		result.estates = placed.estates.map((e) => ({
			estate_id: e.estate_id,
			name: e.name,
			listing: e.match?.name ?? null,
			fee: round(e.fee),
			comparables: e.scale.n,
			percentile: round(e.scale.percentile, 1),
			median_fee: round(e.scale.median),
			q1: round(e.scale.q1),
			q3: round(e.scale.q3),
			expected_fee: round(e.scale.expected),
			residual: round(e.scale.residual)
		}));
	}
	if (parsed.values.json) {
		out(JSON.stringify(result, null, 2) + '\n');
		return 0;
	}
	const lines = [`挂牌小区 listings: ${s.listings}`, `有按面积收费 with a per-m² fee: ${s.with_fee}`, `中位数 median: ${round(s.median_fee) ?? '—'} 元/㎡·月`];
	for (const a of s.by_area ?? []) lines.push(`  ${a.area || '—'}: n=${a.n}, median ${round(a.median_fee) ?? '—'}`);
	for (const e of (result.estates as Record<string, unknown>[] | undefined) ?? []) {
		lines.push(`${e.estate_id} ${e.name}: P${e.percentile ?? '—'} of ${e.comparables}, median ${e.median_fee ?? '—'}, expected ${e.expected_fee ?? '—'}`);
	}
	lines.push('挂牌收费不是服务质量评分 Listings are not quality scores.');
	out(lines.join('\n') + '\n');
	return 0;
}
