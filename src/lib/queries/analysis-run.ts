/**
 * Running the price-quality analysis on an engine: settings checks, the base table and the score rows in SQL
 * (analysis-sql.ts), and the settings-dependent fit in the domain's column code (domain/district-fit.ts). The public
 * API is re-exported by analysis.ts.
 *
 * Speed design. A weight change must re-rank fast (the city-scale target: 13,000 estates, ≤ 50 ms):
 * - The raw scores (13,000 × 60 periods × 12 indicators ≈ 9.4M rows) are read once per period (the rows of the
 *   period and the one before, as estate index, indicator slot and score, averaged per slot while they are pivoted
 *   into columns) beside a base table of one row per estate (the fee in force, age), read once into columns. Both are
 *   read again when the period or the
 *   indicator codes change, or when the scores, estates or fees tables are recreated or receive any INSERT (the
 *   catalog's row estimate counts deleted rows too, so an import's DELETE + INSERT is noticed; checked without a
 *   scan, and only after the engine ran a statement that may write). After a DELETE or UPDATE alone, call
 *   invalidateAnalysis.
 * - Everything that depends on the settings (weights, blend, thresholds, red lines, catalogue, bands, the peer
 *   regression, residual percentiles) is plain arithmetic over those columns in TypeScript: ~15 ms for a city,
 *   where the same projections in SQL plus turning 13,000 × 32 result values into checked objects took ~400 ms.
 * - Runs on one engine are serialised: they share the base table, and a UI firing on every keystroke would
 *   otherwise interleave them.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { ResultShapeError } from '../engine/errors';
import { arrowColumn } from '../engine/arrow-rows';
import { numberColumns } from '../engine/number-columns';
import { bandClass, type Bands } from '../domain/fit';
import type { GuidePriceCatalogue } from '../domain/catalogues';
import { indicatorSystemProblems, type IndicatorSystem } from '../domain/indicator-system';
import type { PeerModel } from '../domain/regression';
import { BAND_OF, fitDistrictSteps, type DistrictFit, type FitInput } from '../domain/district-fit';
import type { Grade } from '../domain/grades';
import { BUILDING_TYPES, ESTATE_TYPES, FEE_UNITS, type BuildingType } from '../domain/vocabulary';
import { ANALYSIS_DB, BASE_TABLE, baseTableSql, scoreRowsSql, systemCodes } from './analysis-sql';
import { readCells } from './analysis-cells';
import { runSteps, yieldTask } from './yield-task';

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
	/** The base table as read into memory, for `baseKey`. */
	base: BaseData | null;
	/** The stamp our last build wrote on the base table (see {@link stampSql}). */
	baseStamp: string | null;
	/** The estates' own columns, checked (see estateColumns). */
	estates: Record<string, unknown[]> | null;
	/** Engine.writeCount after our last run, if only our own statements had written since we checked the catalog. */
	seenWrites: number;
}

/** The estate's own columns of an analysis row: they do not depend on the settings. */
const estateOwnSchema = estateFitSchema.pick({
	estate_id: true, name: true, subdistrict: true, estate_type: true, building_type: true, firm: true,
	build_year: true, age: true, chargeable_area_m2: true, households: true, has_elevator: true, period: true,
	satisfaction: true, fee_m2: true, fee_raw: true, fee_unit: true, fee_converted: true, fee_year: true,
	collection_rate: true
});
type EstateOwn = z.infer<typeof estateOwnSchema>;
/**
 * The estates' own fields of a run as columns, in estate order: one array per field, one value per estate. Columns,
 * not an object per estate: the page, the snapshot and the rows all read them by field, and a city's 13,000 objects
 * made for every period were 3.9 MB of a cold run's 24.6 MB of allocations (docs/performance.md, session 27).
 */
export type EstateOwnColumns = { readonly [K in keyof EstateOwn]: readonly EstateOwn[K][] };

/** The base table in memory: the estates' own columns (checked once) and the fit's numeric input. */
interface BaseData {
	own: EstateOwnColumns;
	input: FitInput;
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

const DataTable = z.object({ database_name: z.string(), table_name: z.string(), table_oid: z.number(), estimated_size: z.number(), comment: z.string().nullable() });

let stamps = 0;
/**
 * A build's stamp, written as the comment of the base table in the build's own statement list. A table that someone
 * else dropped or replaced, or that a rolled-back transaction took back to an older build, no longer carries the
 * stamp we remember, so the next run sees it in the catalog query it makes anyway. Remembering the table's oid
 * instead needed a second catalog query after every build (4-8 ms in wasm).
 */
function stampSql(stamp: string): string {
	return `COMMENT ON TABLE ${BASE_TABLE} IS ${sqlString(stamp)}`;
}

/**
 * Identity of the data tables (oid and row count) and the stamp on our base table (null when it has none) from the
 * catalog, without scanning anything (~2-4 ms).
 */
async function catalogKeys(engine: Engine): Promise<{ dataKey: string; baseStamp: string | null }> {
	const rows = await engine.parse(
		`SELECT database_name, table_name, table_oid, estimated_size, comment FROM duckdb_tables()
		 WHERE (database_name = current_database() AND schema_name = current_schema()
		        AND table_name IN (${DATA_TABLES.map((t) => `'${t}'`).join(', ')}))
		    OR (database_name = '${ANALYSIS_DB}' AND table_name = 'base')
		 ORDER BY database_name, table_name`,
		DataTable
	);
	const data = rows.filter((r) => r.database_name !== ANALYSIS_DB);
	const ours = rows.filter((r) => r.database_name === ANALYSIS_DB);
	return {
		dataKey: data.map((r) => `${r.table_name}:${r.table_oid}:${r.estimated_size}`).join(','),
		baseStamp: ours[0]?.comment ?? null
	};
}

/**
 * The cache state for the current data: periods re-read and the base table rebuilt only when the tables changed.
 * The catalog is asked only when a statement that might change a table has run since the last analysis (each of
 * ours is counted in `own`), so a weight change costs no query at all.
 */
async function dataState(engine: Engine, own: { writes: number } = { writes: 0 }): Promise<CacheState> {
	let state = caches.get(engine);
	if (state && state.seenWrites === engine.writeCount) return state;
	const { dataKey, baseStamp } = await catalogKeys(engine);
	if (!state || state.dataKey !== dataKey) {
		own.writes++;
		await engine.exec(`ATTACH IF NOT EXISTS ':memory:' AS ${ANALYSIS_DB}`);
		state = { dataKey, periods: await readPeriods(engine), baseKey: null, base: null, baseStamp: null, estates: null, seenWrites: -1 };
		caches.set(engine, state);
	} else if (state.baseStamp !== baseStamp) {
		// The base table was dropped or replaced behind our back: what we hold no longer describes it.
		state.baseKey = null;
		state.base = null;
	}
	return state;
}

/** The estates' columns that do not change with the period, read once per data (not per period). */
const ESTATE_FIELDS = [
	'estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'firm', 'build_year', 'chargeable_area_m2', 'households', 'has_elevator'
] as const satisfies readonly (keyof EstateOwn)[];
/** The period's own fields of a row, read from the base table as numbers (NaN for null). */
const PERIOD_FIELDS = ['age', 'fee_m2', 'fee_raw', 'fee_unit', 'fee_year', 'collection_rate', 'satisfaction'] as const satisfies readonly (keyof EstateOwn)[];

const isText = (v: unknown) => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || typeof v === 'string';
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isNumberOrNull = (v: unknown) => v === null || isNumber(v);
const isInt = (v: unknown) => Number.isSafeInteger(v);
const isIntOrNull = (v: unknown) => v === null || Number.isSafeInteger(v);
const isBoolean = (v: unknown) => typeof v === 'boolean';
const oneOf = (values: readonly string[], nullable = false) => {
	const set = new Set<unknown>(values);
	return (v: unknown) => set.has(v) || (nullable && v === null);
};
/**
 * Each own field's type as one plain test, at least as strict as the row schema's (a value it refuses goes to the
 * schema, which decides and words the error): zod's checks per value were most of a first visit's reading time.
 */
const PASSES: Record<keyof EstateOwn, (v: unknown) => boolean> = {
	estate_id: isText, name: isText, subdistrict: isTextOrNull, estate_type: oneOf(ESTATE_TYPES), building_type: oneOf(BUILDING_TYPES),
	firm: isTextOrNull, build_year: isIntOrNull, age: isIntOrNull, chargeable_area_m2: isNumber, households: isInt,
	has_elevator: isBoolean, period: isTextOrNull, satisfaction: isNumberOrNull, fee_m2: isNumberOrNull, fee_raw: isNumberOrNull,
	fee_unit: oneOf(FEE_UNITS, true), fee_converted: isBoolean, fee_year: isIntOrNull, collection_rate: isNumberOrNull
};

/** Checks a column against the row schema's type for that field: one typed pass, the schema only if it fails. */
function checkColumn(sql: string, field: keyof EstateOwn, values: unknown[]): void {
	const passes = PASSES[field];
	let ok = true;
	for (let i = 0; ok && i < values.length; i++) ok = passes(values[i]);
	if (ok) return;
	const r = z.array(estateOwnSchema.shape[field] as z.ZodType).safeParse(values);
	if (!r.success) {
		const issue = r.error.issues[0];
		throw new ResultShapeError(sql, `row ${Number(issue.path[0]) + 1}, ${field}: ${issue.message}`);
	}
}

/** The estates' own columns in estate order, checked (cached per data: they do not depend on the period). */
async function estateColumns(engine: Engine, state: CacheState): Promise<Record<string, unknown[]>> {
	if (state.estates) return state.estates;
	const sql = `SELECT ${ESTATE_FIELDS.join(', ')} FROM estates ORDER BY estate_id`;
	const table = await engine.arrow(sql);
	const cols: Record<string, unknown[]> = {};
	// A column at a time, yielding between them: reading a city's text columns out of Arrow costs a TextDecoder
	// call per value (~100 ms in all), too long for one task.
	// The first column is read in a task of its own too: the result's Arrow batches were decoded in this one.
	for (const [i, f] of ESTATE_FIELDS.entries()) {
		await yieldTask(); // a cold run yields between its steps (each tens of ms at city scale): no long task
		cols[f] = arrowColumn(table, i);
		checkColumn(sql, f, cols[f]);
	}
	state.estates = cols;
	return cols;
}

/**
 * The period's columns checked, with the estates' own columns beside them, as steps for {@link runSteps}: a column
 * per step. A city's first visit runs this in code not yet optimised while the engine's compiler shares the cores:
 * the checks in one task took 30-70 ms there.
 */
function* periodColumnsSteps(sql: string, own: Record<string, unknown[]>, cols: BaseColumns, sat: Float64Array, period: string | null): Generator<void, EstateOwnColumns, void> {
	const n = own.estate_id.length;
	const periodCols = {} as Record<(typeof PERIOD_FIELDS)[number], unknown[]>;
	for (const f of PERIOD_FIELDS) {
		// Plain loops, NaN to null: `Array.from` with a callback over the typed satisfaction column alone took
		// 20-70 ms of a first visit.
		const from: ArrayLike<unknown> = f === 'satisfaction' ? sat : cols[f];
		const out: unknown[] = new Array(n);
		for (let i = 0; i < n; i++) {
			const v = from[i];
			out[i] = typeof v === 'number' && v !== v ? null : f === 'fee_unit' && typeof v === 'number' ? FEE_UNITS[v] : v;
		}
		periodCols[f] = out;
		checkColumn(sql, f, out);
		yield;
	}
	// Read as 0 or 1 (every column a number, see readBase).
	const converted: unknown[] = new Array(n);
	for (let i = 0; i < n; i++) {
		const v = cols.fee_converted[i];
		converted[i] = v === 1 ? true : v === 0 ? false : v !== v ? null : v;
	}
	checkColumn(sql, 'fee_converted', converted);
	// The fields in the order of a row's (rowOf), so a snapshot packs them in that order too.
	return {
		estate_id: own.estate_id, name: own.name, subdistrict: own.subdistrict, estate_type: own.estate_type,
		building_type: own.building_type, firm: own.firm, build_year: own.build_year, age: periodCols.age,
		chargeable_area_m2: own.chargeable_area_m2, households: own.households, has_elevator: own.has_elevator,
		period: new Array<string | null>(n).fill(period), satisfaction: periodCols.satisfaction, fee_m2: periodCols.fee_m2,
		fee_raw: periodCols.fee_raw, fee_unit: periodCols.fee_unit, fee_converted: converted,
		fee_year: periodCols.fee_year, collection_rate: periodCols.collection_rate
	} as EstateOwnColumns;
}

/** The base table's columns as read: numbers only, NaN for null; the fee unit as its place in FEE_UNITS. */
const BASE_COLUMNS = ['age', 'fee_m2', 'fee_raw', 'fee_year', 'collection_rate', 'fee_unit', 'fee_converted'] as const;
type BaseColumns = Record<(typeof BASE_COLUMNS)[number], Float64Array>;

/**
 * Reads the base table and the score rows into memory: numbers only (strings cost a TextDecoder call each to read from
 * Arrow, ~90 ms for a city's base), NaN for null and fee_converted as 0 or 1, so every column is a DOUBLE without a
 * null and is read as a typed array straight from the result's bytes; the estates' text
 * comes from {@link estateColumns}. All three are in estate order (the score rows by their estate index) and the base
 * has one row per estate.
 */
async function readBase(engine: Engine, state: CacheState, codes: readonly string[], period: string | null, prevPeriod: string | null): Promise<BaseData> {
	const own = await estateColumns(engine, state);
	const nan = (c: string) => `coalesce(${c}::DOUBLE, 'NaN'::DOUBLE) AS ${c}`;
	const unit = `CASE fee_unit ${FEE_UNITS.map((u, i) => `WHEN ${sqlString(u)} THEN ${i}`).join(' ')} END`;
	const sql = `SELECT ${[...['age', 'fee_m2', 'fee_raw', 'fee_year', 'collection_rate'].map(nan), `coalesce((${unit})::DOUBLE, 'NaN'::DOUBLE) AS fee_unit`, 'fee_converted::DOUBLE AS fee_converted'].join(', ')}
		FROM ${BASE_TABLE} ORDER BY ix`;
	const cols: BaseColumns = await numberColumns(engine, sql, BASE_COLUMNS);
	const n = own.estate_id.length;
	if (cols.fee_m2.length !== n) throw new ResultShapeError(sql, `${cols.fee_m2.length} rows for ${n} estates`);
	const means = await readCells(engine, scoreRowsSql(codes, period, prevPeriod), codes, own.has_elevator);
	// The means' pivot is one task (with the message that brought them), the columns' checks start in the next.
	await yieldTask();
	const withPeriod = await runSteps(periodColumnsSteps(sql, own, cols, means.satisfaction, period), 8);
	const input: FitInput = {
		codes,
		...means,
		feeM2: cols.fee_m2,
		age: cols.age,
		buildingType: withPeriod.building_type
	};
	return { own: withPeriod, input };
}

/** Makes sure the base table holds `period` and the period's means for `codes` are in memory (a rebuild reads the raw scores once). */
async function ensureBase(engine: Engine, state: CacheState, own: { writes: number }, codes: readonly string[], period: string | null, prevPeriod: string | null): Promise<{ base: BaseData; built: boolean }> {
	const key = JSON.stringify({ codes, period, prevPeriod });
	if (state.baseKey === key && state.base) return { base: state.base, built: false };
	state.baseKey = null;
	state.base = null;
	own.writes++;
	// The table and its stamp in one round trip (one statement list, as the engine's startup SQL).
	const stamp = `${Date.now().toString(36)}-${++stamps}`;
	await engine.exec(`${baseTableSql(period)};\n${stampSql(stamp)}`);
	const base = await readBase(engine, state, codes, period, prevPeriod);
	await yieldTask(); // the rows were built in this task: the fit starts in the next
	state.baseStamp = stamp;
	state.baseKey = key;
	state.base = base;
	return { base, built: true };
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

/** The whole analysis in one run: period, rows (built from schema-checked columns) and peer models. */
export async function runAnalysis(engine: Engine, s: AnalysisSettings): Promise<AnalysisResult> {
	return resultOf(await runAnalysisColumns(engine, s));
}

/** The same run as {@link runAnalysis}, as columns (rows built by the caller, for the rows it shows). */
export function runAnalysisColumns(engine: Engine, s: AnalysisSettings): Promise<AnalysisColumns> {
	return serialised(engine, () => analyseUnlocked(engine, s));
}

/** One analysis run; call it only inside {@link serialised}. */
export async function analyseUnlocked(engine: Engine, s: AnalysisSettings): Promise<AnalysisColumns> {
	return (await analyseWithInput(engine, s)).columns;
}

/**
 * One analysis run and the fit's input it was made from (the period's means per estate and slot, for the estate
 * page's comparison with peers); call it only inside {@link serialised}.
 */
export async function analyseWithInput(engine: Engine, s: AnalysisSettings): Promise<{ columns: AnalysisColumns; input: FitInput }> {
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

async function analyseChecked(engine: Engine, s: AnalysisSettings): Promise<{ columns: AnalysisColumns; input: FitInput }> {
	const writesBefore = engine.writeCount;
	const own = { writes: 0 };
	const state = await dataState(engine, own);
	const { period, prevPeriod } = choosePeriod(state.periods, s.period);
	const { base, built } = await ensureBase(engine, state, own, systemCodes(s.system), period, prevPeriod);
	// If nobody else wrote while we worked, the next run can skip the catalog; otherwise it looks again.
	state.seenWrites = writesBefore + own.writes;
	// Right after the data was read the fit ends its task every 8 ms: a first visit's fit runs in code not yet
	// optimised, on a thread the engine's replies keep busy. A fit on the same data (a weight change) keeps the
	// default budget, which leaves a warm fit whole.
	const fit = await runSteps(fitDistrictSteps(base.input, s), built ? 8 : undefined);
	return { columns: { period, prevPeriod, n: base.own.estate_id.length, own: base.own, fit, models: fit.models }, input: base.input };
}

/**
 * One analysis run as columns: the estates' own fields (read once per period and data) and the fit's typed arrays,
 * without the result rows. For a page that shows a few rows of a city (the district ranking): {@link rowOf} builds
 * the rows it shows.
 */
export interface AnalysisColumns {
	period: string | null;
	prevPeriod: string | null;
	/** The number of estates (the length of every column). */
	n: number;
	own: EstateOwnColumns;
	fit: DistrictFit;
	models: Record<BuildingType, PeerModel>;
}

const v = (x: number) => (x === x ? x : null);
const gradeOf = (g: number) => (g === 0 ? null : (g as Grade));

/** Estate i's analysis row, the same as {@link runAnalysis} returns. */
export function rowOf(c: AnalysisColumns, i: number): EstateFit {
	const { fit, own: o } = c;
	const q = v(fit.q[i]);
	const qPrev = v(fit.qPrev[i]);
	// Built in the order of the result's columns, so every consumer (tables, CSV, JSON) sees the same order.
	return {
		estate_id: o.estate_id[i], name: o.name[i], subdistrict: o.subdistrict[i], estate_type: o.estate_type[i],
		building_type: o.building_type[i], firm: o.firm[i], build_year: o.build_year[i], age: o.age[i],
		chargeable_area_m2: o.chargeable_area_m2[i], households: o.households[i], has_elevator: o.has_elevator[i],
		period: o.period[i], inspection: v(fit.inspection[i]), satisfaction: o.satisfaction[i], q, q_prev: qPrev,
		q_change: q === null || qPrev === null ? null : q - qPrev,
		grade_uncapped: gradeOf(fit.gradeUncapped[i]), grade: gradeOf(fit.grade[i]), capped_by: fit.cappedBy[i],
		fee_m2: o.fee_m2[i], fee_raw: o.fee_raw[i], fee_unit: o.fee_unit[i], fee_converted: o.fee_converted[i],
		fee_year: o.fee_year[i], collection_rate: o.collection_rate[i],
		guide_price: v(fit.guide[i]), qpr: v(fit.qpr[i]), band: BAND_OF[fit.band[i]],
		expected_fee: v(fit.expected[i]), residual: v(fit.residual[i]), residual_pct: v(fit.residualPct[i])
	};
}

/** The run's rows: what {@link runAnalysis} returns. */
export function resultOf(c: AnalysisColumns): AnalysisResult {
	const estates: EstateFit[] = new Array(c.n);
	for (let i = 0; i < c.n; i++) estates[i] = rowOf(c, i);
	return { period: c.period, prevPeriod: c.prevPeriod, estates, models: c.models };
}
