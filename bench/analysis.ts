/**
 * Analysis figures in Node, on the city: the full quality-and-fit analysis from the raw scores, the interaction a
 * user makes most (one indicator weight changed, the ranking updated), and the subsidy plan for every relocation
 * estate. The app's own functions run on the wasm and native engines (runAnalysis, loadSubsidyPlan); Arquero and the
 * typed floor compute the same analysis their own way. Every engine's answer is summarised (fit-class counts and
 * the ten best estates) so the bench can check that they agree before it compares their speed.
 */
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, DEFAULT_INDICATOR_SYSTEM } from '../src/lib/domain';
import { SHAOXING_SPLIT } from '../src/lib/domain/subsidy';
import type { Engine } from '../src/lib/engine/engine';
import { invalidateAnalysis, runAnalysis, type AnalysisSettings, type EstateFit } from '../src/lib/queries/analysis';
import { loadSubsidyPlan } from '../src/lib/queries/subsidy';
import { arqueroAggregate, arqueroFit, type ArqueroTables } from './arquero';
import type { Ctx } from './import';
import type { EngineId } from './report';
import { timeRuns } from './stats';
import { aggregateTyped, fitTyped, type EstateColumns, type ScoreColumns } from './typed';

/** Task names of the analysis family. */
export const ANALYSIS_TASKS = {
	analysis: 'full analysis from raw scores',
	weight: 'weight change → ranking',
	weightSql: 'weight change: of which in DuckDB',
	subsidy: 'subsidy plan, all relocation estates'
} as const;
const T = ANALYSIS_TASKS;

/** The indicator whose weight the bench changes: 保洁 (cleaning), 15 points by default. */
export const WEIGHT_CODE = 'cleaning';
export const WEIGHT_VALUES = [40, 15] as const;

/** The app's defaults: what a fresh browser profile analyses. */
export const DEFAULT_SETTINGS: AnalysisSettings = { system: DEFAULT_INDICATOR_SYSTEM, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null };

/** The defaults with one indicator weight changed. */
export function withWeight(weight: number): AnalysisSettings {
	const indicators = DEFAULT_INDICATOR_SYSTEM.indicators.map((i) => (i.code === WEIGHT_CODE ? { ...i, weight } : i));
	return { ...DEFAULT_SETTINGS, system: { ...DEFAULT_INDICATOR_SYSTEM, indicators } };
}

/** What the district page shows at a glance: fit-class counts and the ten best estates by Q. */
export interface Summary {
	counts: Record<'matched' | 'price_above_quality' | 'quality_above_price' | 'none', number>;
	top10: string[];
}

/** The ranking as the district page sorts it: Q descending, no Q last, ties by estate id. */
export function rankRows(rows: readonly EstateFit[]): EstateFit[] {
	return [...rows].sort((a, b) => (b.q ?? -1) - (a.q ?? -1) || a.estate_id.localeCompare(b.estate_id));
}

export function summarizeRows(rows: readonly EstateFit[]): Summary {
	const counts = { matched: 0, price_above_quality: 0, quality_above_price: 0, none: 0 };
	for (const r of rows) counts[r.band ?? 'none']++;
	return { counts, top10: rankRows(rows).slice(0, 10).map((r) => r.estate_id) };
}

/** Summaries per engine and settings ('default', 'weight'), for the agreement check. */
export type Summaries = Partial<Record<EngineId, Record<'default' | 'weight', Summary>>>;

/** wasm or native: the app's runAnalysis and loadSubsidyPlan on an engine holding the city. */
export async function engineAnalysis(ctx: Ctx, engine: Engine, id: EngineId, summaries: Summaries, sqlMs: () => number): Promise<void> {
	const { results, runs } = ctx;
	const rank = async (s: AnalysisSettings) => rankRows((await runAnalysis(engine, s)).estates);
	// The first analysis in a fresh engine also pays wasm's first execution of DuckDB's aggregation code (compiled
	// lazily, then optimised): timed on its own, then left out of the figure, as Arquero and the typed floor get one
	// untimed warm-up run too. Every timed run starts from a cold cache (the base table is rebuilt from the raw scores).
	const [first] = await timeRuns(() => rank(DEFAULT_SETTINGS), { runs: 1, before: () => invalidateAnalysis(engine) });
	results.add(
		T.analysis,
		id,
		await timeRuns(() => rank(DEFAULT_SETTINGS), { runs: Math.max(ctx.slowRuns, 3), before: () => invalidateAnalysis(engine) }),
		'ms',
		`runAnalysis with a cold cache: periods, the base table, the period's raw score rows averaged per slot, read into columns (estate fields checked with zod), fit; the engine's first analysis took ${first.toFixed(0)} ms (not in the median)`
	);
	const weight = withWeight(WEIGHT_VALUES[0]);
	summaries[id] = { default: summarizeRows((await runAnalysis(engine, DEFAULT_SETTINGS)).estates), weight: summarizeRows((await runAnalysis(engine, weight)).estates) };
	const sql: number[] = [];
	results.add(
		T.weight,
		id,
		await timeRuns(
			async (i) => {
				const before = sqlMs();
				await rank(withWeight(WEIGHT_VALUES[i & 1]));
				if (i >= 0) sql.push(sqlMs() - before);
			},
			{ runs, warmup: 2 }
		),
		'ms',
		'runAnalysis with the base table cached: catalog check, fit over the cached columns (domain/district-fit.ts), rows, sort by Q'
	);
	results.add(T.weightSql, id, sql, 'ms', 'the queries alone (the catalog check); the rest is JavaScript: the fit, the regression, the rows, the sort');
	results.add(T.subsidy, id, await timeRuns(() => loadSubsidyPlan(engine, SHAOXING_SPLIT), { runs: ctx.slowRuns }), 'ms', 'loadSubsidyPlan (SHAOXING_SPLIT policy) from raw scores and tickets');
}

const BANDS = ['none', 'matched', 'price_above_quality', 'quality_above_price'] as const;

/** The typed floor: raw → pre-aggregate → fit, and fit alone for a weight change. */
export async function typedAnalysis(ctx: Ctx, scores: ScoreColumns, estates: EstateColumns, summaries: Summaries): Promise<void> {
	const codes = DEFAULT_INDICATOR_SYSTEM.indicators.map((i) => i.code);
	const fromRaw = (s: AnalysisSettings) => fitTyped(aggregateTyped(scores, estates, codes, null), estates, s);
	ctx.results.add(T.analysis, 'typed', await timeRuns(() => fromRaw(DEFAULT_SETTINGS), { runs: ctx.runs, warmup: 1 }), 'ms', 'one pass over typed columns, then the fit');
	const pre = aggregateTyped(scores, estates, codes, null);
	const summary = (s: AnalysisSettings): Summary => {
		const f = fitTyped(pre, estates, s);
		const counts = { matched: 0, price_above_quality: 0, quality_above_price: 0, none: 0 };
		for (const b of f.band) counts[BANDS[b]]++;
		return { counts, top10: [...f.ranking.subarray(0, 10)].map((i) => estates.ids[i]) };
	};
	summaries.typed = { default: summary(DEFAULT_SETTINGS), weight: summary(withWeight(WEIGHT_VALUES[0])) };
	ctx.results.add(T.weight, 'typed', await timeRuns((i) => fitTyped(pre, estates, withWeight(WEIGHT_VALUES[i & 1])), { runs: ctx.runs, warmup: 2 }), 'ms', 'fit from the estate × indicator pre-aggregate');
	ctx.results.missing(T.subsidy, 'typed', 'no typed-array version of the subsidy plan; native DuckDB is its reference');
}

/** Arquero: raw → pre-aggregate → fit in Arquero verbs, and the fit alone for a weight change. */
export async function arqueroAnalysis(ctx: Ctx, tables: ArqueroTables, summaries: Summaries): Promise<void> {
	const codes = DEFAULT_INDICATOR_SYSTEM.indicators.map((i) => i.code);
	ctx.results.add(
		T.analysis,
		'arquero',
		await timeRuns(() => arqueroFit(arqueroAggregate(tables, codes, null), DEFAULT_SETTINGS), { runs: Math.min(ctx.runs, 3), warmup: 1 }),
		'ms',
		'filter, groupby/rollup, pivot, joins, derive, window, orderby'
	);
	const pre = arqueroAggregate(tables, codes, null);
	const summary = (s: AnalysisSettings): Summary => {
		const ranked = arqueroFit(pre, s).ranked;
		const counts = { matched: 0, price_above_quality: 0, quality_above_price: 0, none: 0 };
		for (const b of ranked.array('band') as (keyof typeof counts | null)[]) counts[b ?? 'none']++;
		return { counts, top10: (ranked.array('estate_id') as string[]).slice(0, 10) };
	};
	summaries.arquero = { default: summary(DEFAULT_SETTINGS), weight: summary(withWeight(WEIGHT_VALUES[0])) };
	ctx.results.add(T.weight, 'arquero', await timeRuns((i) => arqueroFit(pre, withWeight(WEIGHT_VALUES[i & 1])), { runs: ctx.runs, warmup: 2 }), 'ms', 'derive over the pivoted pre-aggregate, regression, window, orderby');
	ctx.results.missing(T.subsidy, 'arquero', 'no Arquero version of the subsidy plan; native DuckDB is its reference');
}
