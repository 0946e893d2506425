/**
 * Running the price-quality analysis (SQL in analysis-sql.ts) on an engine: settings checks, the base table, the
 * prepared statements, the peer fit, and the zod-checked result. The public API is re-exported by analysis.ts.
 *
 * Speed design. A weight change must re-rank fast (the city-scale target: 13,000 estates, ≤ 50 ms):
 * - The raw scores (13,000 × 60 periods × 12 indicators ≈ 9.4M rows) are read once per period into a base table of
 *   one row per estate (indicator means of the period and the one before, the fee in force, age). Every later run
 *   with other weights, thresholds, red lines, catalogue or bands reads only that table. It is rebuilt when the
 *   period or the indicator codes change, or when the scores, estates or fees tables are recreated or receive any
 *   INSERT (the catalog's row estimate counts deleted rows too, so an import's DELETE + INSERT is noticed; checked
 *   without a scan). After a DELETE or UPDATE alone, call invalidateAnalysis.
 * - The two per-run queries (regression input, result) are prepared once per shape of the settings and re-run
 *   after updating their one-row arguments tables (prepared-sql.ts): planning them costs DuckDB-wasm tens of ms,
 *   executing them a few.
 * - Runs on one engine are serialised: they share tables and statement names, and a UI firing on every slider
 *   step would otherwise interleave them.
 */
import { z } from 'zod';
import type { Engine } from '../engine/engine';
import type { ArrowLike } from '../engine/arrow-rows';
import { bandClass, type Bands } from '../domain/fit';
import type { GuidePriceCatalogue } from '../domain/catalogues';
import { indicatorSystemProblems, type IndicatorSystem } from '../domain/indicator-system';
import { fitPeerModel, type PeerModel, type PeerRow } from '../domain/regression';
import { BUILDING_TYPES, ESTATE_TYPES, FEE_UNITS, type BuildingType } from '../domain/vocabulary';
import { ANALYSIS_DB, baseTableSql, peerRowsSql, resultSql, systemCodes } from './analysis-sql';
import { attachPrivateDatabase, PreparedSet, type StatementPlan } from './prepared-sql';

/** Everything the analysis depends on besides the data. */
export interface AnalysisSettings {
	system: IndicatorSystem;
	catalogue: GuidePriceCatalogue;
	bands: Bands;
	/** The score period to analyse; null = the latest period in scores. */
	period: string | null;
}

/** Settings the analysis cannot run with (bad system, bands or period): a user error, not a bug. */
export class AnalysisSettingsError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AnalysisSettingsError';
	}
}

const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]).nullable();
const num = z.number().nullable();

/** One estate's analysis row. */
export const estateFitSchema = z.object({
	estate_id: z.string(),
	name: z.string(),
	subdistrict: z.string().nullable(),
	estate_type: z.enum(ESTATE_TYPES),
	building_type: z.enum(BUILDING_TYPES),
	firm: z.string().nullable(),
	build_year: z.number().int().nullable(),
	/** Year of the period − build year. */
	age: z.number().int().nullable(),
	chargeable_area_m2: z.number(),
	households: z.number().int(),
	has_elevator: z.boolean(),
	period: z.string().nullable(),
	inspection: num,
	satisfaction: num,
	q: z.number().min(0).max(100).nullable(),
	/** Q in the period before (same settings). */
	q_prev: num,
	q_change: num,
	grade_uncapped: grade,
	grade,
	/** Red-line indicator codes that made the grade worse, joined by ','. */
	capped_by: z.string().nullable(),
	fee_m2: num,
	fee_raw: num,
	fee_unit: z.enum(FEE_UNITS).nullable(),
	/** True when a per-household fee was divided by the mean unit area. */
	fee_converted: z.boolean(),
	fee_year: z.number().int().nullable(),
	collection_rate: num,
	guide_price: num,
	qpr: num,
	band: z.enum(['matched', 'price_above_quality', 'quality_above_price']).nullable(),
	expected_fee: num,
	residual: num,
	/** Percentile rank of the residual within the building type, 0-100. */
	residual_pct: z.number().min(0).max(100).nullable()
});
/** One estate's analysis row. */
export type EstateFit = z.infer<typeof estateFitSchema>;

/** One analysis run: the period analysed, the rows, and the peer model of each building type. */
export interface AnalysisResult {
	period: string | null;
	prevPeriod: string | null;
	estates: EstateFit[];
	models: Record<BuildingType, PeerModel>;
}

interface CacheState {
	/** Identity of the data tables (oid and size) when `periods` was read. */
	dataKey: string;
	periods: string[];
	/** Codes and periods the base table was built for; null when not built. */
	baseKey: string | null;
	statements: PreparedSet;
}
const caches = new WeakMap<Engine, CacheState>();
const queues = new WeakMap<Engine, Promise<unknown>>();

/** Runs `task` after every earlier analysis task on this engine has settled (for analysis-detail.ts too). */
export function serialised<T>(engine: Engine, task: () => Promise<T>): Promise<T> {
	const run = (queues.get(engine) ?? Promise.resolve()).then(task, task);
	queues.set(engine, run.catch(() => undefined));
	return run;
}

/**
 * Forget the cached base table: needed after a DELETE or UPDATE alone on scores, estates or fees (recreating them
 * or inserting into them is noticed without this).
 */
export function invalidateAnalysis(engine: Engine): void {
	caches.delete(engine);
}

/** Tables the base table is built from: replacing or growing one rebuilds it. */
const DATA_TABLES = ['estates', 'fees', 'scores'];

/** Checks what SQL cannot: a usable indicator system and bands (the same checks as the domain). */
function checkSettings(s: AnalysisSettings): void {
	const problems = indicatorSystemProblems(s.system);
	if (problems.length > 0) throw new AnalysisSettingsError(`Indicator system '${s.system.id}': ${problems.join('; ')}`);
	try {
		bandClass(1, s.bands);
	} catch (e) {
		throw new AnalysisSettingsError((e as Error).message);
	}
}

async function readPeriods(engine: Engine): Promise<string[]> {
	const rows = await engine.parse(`SELECT DISTINCT period FROM scores ORDER BY period`, z.object({ period: z.string() }));
	return rows.map((r) => r.period);
}

const DataTable = z.object({ table_name: z.string(), table_oid: z.number(), estimated_size: z.number() });

/** Identity of the data tables (oid and row count) from the catalog, without scanning them (~2 ms). */
async function dataKeyOf(engine: Engine): Promise<string> {
	const rows = await engine.parse(
		`SELECT table_name, table_oid, estimated_size FROM duckdb_tables()
		 WHERE database_name = current_database() AND schema_name = current_schema()
		   AND table_name IN (${DATA_TABLES.map((t) => `'${t}'`).join(', ')})
		 ORDER BY table_name`,
		DataTable
	);
	return rows.map((r) => `${r.table_name}:${r.table_oid}:${r.estimated_size}`).join(',');
}

/** The cache state for the current data: periods re-read and the base table rebuilt only when the tables changed. */
async function dataState(engine: Engine): Promise<CacheState> {
	const dataKey = await dataKeyOf(engine);
	let state = caches.get(engine);
	if (!state || state.dataKey !== dataKey) {
		await attachPrivateDatabase(engine, ANALYSIS_DB);
		state = { dataKey, periods: await readPeriods(engine), baseKey: null, statements: new PreparedSet(ANALYSIS_DB) };
		caches.set(engine, state);
	}
	return state;
}

/** Makes sure the base table holds `period` for `codes` (a rebuild reads the raw scores once). */
async function ensureBase(engine: Engine, state: CacheState, codes: readonly string[], period: string | null, prevPeriod: string | null): Promise<void> {
	const key = JSON.stringify({ codes, period, prevPeriod });
	if (state.baseKey === key) return;
	state.baseKey = null;
	state.statements.invalidate();
	await engine.exec(baseTableSql(codes, period, prevPeriod));
	state.baseKey = key;
}

/** The periods that have scores, oldest first. */
export function listPeriods(engine: Engine): Promise<string[]> {
	return serialised(engine, async () => (await dataState(engine)).periods);
}

/** The analysed period and the one before it. */
function choosePeriod(periods: readonly string[], wanted: string | null): { period: string | null; prevPeriod: string | null } {
	if (wanted === null) return { period: periods.at(-1) ?? null, prevPeriod: periods.at(-2) ?? null };
	const i = periods.indexOf(wanted);
	if (i < 0) {
		const known = periods.length > 0 ? periods.join(', ') : 'none';
		throw new AnalysisSettingsError(`No scores for period '${wanted}' (periods with scores: ${known}).`);
	}
	return { period: wanted, prevPeriod: i > 0 ? periods[i - 1] : null };
}

/**
 * The peer model of each building type, fitted by the domain's fitPeerModel on the (fee, Q, age) columns of
 * the regression input, read straight from Arrow (no row objects, no per-row zod: it is three numbers per estate).
 */
function fitModels(table: ArrowLike): Record<BuildingType, PeerModel> {
	const [bt, fee, q, age] = [0, 1, 2, 3].map((i) => table.getChildAt(i));
	if (!bt || !fee || !q || !age) throw new Error('The regression input lacks a column.');
	const rows: Record<BuildingType, PeerRow[]> = { multi: [], high: [] };
	const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
	for (let i = 0; i < table.numRows; i++) {
		const type = bt.get(i) as BuildingType;
		// A missing fee or Q becomes NaN so fitPeerModel counts the estate as dropped rather than never seeing it.
		rows[type]?.push({ fee: num(fee.get(i)) ?? NaN, q: num(q.get(i)) ?? NaN, age: num(age.get(i)) });
	}
	return { multi: fitPeerModel(rows.multi), high: fitPeerModel(rows.high) };
}

/** Placeholder models: the result statement's text does not depend on the models' values, only its arguments do. */
const NO_MODELS: Record<BuildingType, PeerModel> = { multi: fitPeerModel([]), high: fitPeerModel([]) };

/** The whole analysis in one run: period, rows (zod-checked) and peer models. */
export function runAnalysis(engine: Engine, s: AnalysisSettings): Promise<AnalysisResult> {
	return serialised(engine, () => analyseUnlocked(engine, s));
}

/** One analysis run; call it only inside {@link serialised}. */
export async function analyseUnlocked(engine: Engine, s: AnalysisSettings): Promise<AnalysisResult> {
	checkSettings(s);
	try {
		return await analyseChecked(engine, s);
	} catch (e) {
		if (e instanceof AnalysisSettingsError) throw e;
		// The cache may no longer describe the database (e.g. the base table was dropped, or our DDL ran inside
		// someone else's transaction that was rolled back): once more from scratch before giving up.
		invalidateAnalysis(engine);
		return await analyseChecked(engine, s);
	}
}

async function analyseChecked(engine: Engine, s: AnalysisSettings): Promise<AnalysisResult> {
	const state = await dataState(engine);
	const { period, prevPeriod } = choosePeriod(state.periods, s.period);
	await ensureBase(engine, state, systemCodes(s.system), period, prevPeriod);
	const peers: StatementPlan = { name: 'zhijia_analysis_peers', build: (v) => peerRowsSql(s, v) };
	const result = (models: Record<BuildingType, PeerModel>): StatementPlan => ({
		name: 'zhijia_analysis_result',
		build: (v) => resultSql(s, models, v)
	});
	await state.statements.ensure(engine, [peers, result(NO_MODELS)]);
	const models = fitModels(await engine.arrow(await state.statements.execute(engine, peers)));
	const estates = await engine.parse(await state.statements.execute(engine, result(models)), estateFitSchema);
	return { period, prevPeriod, estates, models };
}
