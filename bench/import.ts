/**
 * Import figures in Node: 1,000,000 score rows and the whole city, as CSV and as Parquet.
 * - wasm, the app's two paths: the canonical loader the app starts with (src/lib/workspace/canonical-csv.ts:
 *   registered bytes in chunks + read_csv), and the validated import a user's file goes through (src/lib/import: read,
 *   normalise and check every cell in JavaScript, stage, check in SQL, commit). Parquet has only the second path:
 *   duckdb-wasm cannot read Parquet offline, so it is decoded in JavaScript (src/lib/import/parquet.ts, on hyparquet's
 *   page readers).
 * - native DuckDB reads the same files from disk with read_csv / read_parquet and the same column types.
 * - Arquero's fromCSV, and the typed-array parser (the floor), on the 1M-row CSV.
 */
import { readFileSync } from 'node:fs';
import { createTableSql } from '../src/lib/data/datasets';
import type { Engine } from '../src/lib/engine/engine';
import { insertCanonicalCsv, loadCanonicalCsvs } from '../src/lib/workspace/canonical-csv';
import { readSource } from '../src/lib/import/source';
import { readParquet } from '../src/lib/import/parquet';
import { prepareTable } from '../src/lib/import/validate';
import { commitImport } from '../src/lib/import/commit';
import { CITY_TABLES, nativeLoad, text, type City } from './data';
import type { EngineId, Results } from './report';
import { timeRuns } from './stats';
import { arqueroReadScores } from './arquero';
import { parseScoresCsv } from './typed';

/** Task names of the import family. */
export const IMPORT_TASKS = {
	csv1m: 'import 1M score rows, CSV',
	csv1mValidated: 'import 1M score rows, CSV, validated',
	pq1m: 'import 1M score rows, Parquet, validated',
	cityCsv: 'import the city, CSV',
	cityPq: 'import the city, Parquet, validated'
} as const;
const T = IMPORT_TASKS;

/** What every family gets: the city, where figures go, and how many runs to time. */
export interface Ctx {
	city: City;
	results: Results;
	runs: number;
	/** Runs for tasks that take tens of seconds (whole-city imports, the validated import). */
	slowRuns: number;
	log(msg: string): void;
}

/** The city's four tables as canonical CSV bytes, for the canonical loader (as the app fetches them). */
export function cityFiles(city: City) {
	return CITY_TABLES.map((dataset) => ({ dataset, name: `${dataset}.csv`, bytes: new Uint8Array(readFileSync(city.path(`${dataset}.csv`))) }));
}

/** One validated import set (src/lib/import), all or nothing; throws when it does not commit. */
async function validatedImport(engine: Engine, files: { name: string; bytes: Uint8Array }[]): Promise<void> {
	const prepared = [];
	for (const f of files) prepared.push(await prepareTable(await readSource(f.name, f.bytes)));
	const result = await commitImport(engine, prepared, { mode: 'replace' });
	if (!result.committed) throw new Error(`validated import did not commit: ${result.reason} ${JSON.stringify(result.files.map((x) => x.problems.slice(0, 2)))}`);
}

/**
 * wasm, city CSV through the canonical loader: every run replaces the four tables in one transaction. Leaves the
 * city loaded. Returns the wasm heap after the first load, on the fresh engine (later loads grow it further: the
 * heap never shrinks).
 */
export async function wasmCityCsv(ctx: Ctx, engine: Engine, heapBytes: () => number): Promise<number> {
	const files = cityFiles(ctx.city);
	const first = await timeRuns(() => loadCanonicalCsvs(engine, files), { runs: 1 });
	const heap = heapBytes();
	const more = await timeRuns(() => loadCanonicalCsvs(engine, files), { runs: ctx.slowRuns - 1 });
	ctx.results.add(T.cityCsv, 'wasm', [...first, ...more], 'ms', 'canonical loader (the app start-up path): bytes registered in chunks, one read_csv per chunk, one transaction');
	return heap;
}

/** wasm: the 1M-row imports and the city as Parquet (validated), on a fresh engine holding the city's estates. */
export async function wasmImports(ctx: Ctx, engine: Engine): Promise<void> {
	const { city, results } = ctx;
	await loadCanonicalCsvs(engine, [{ dataset: 'estates', name: 'estates.csv', bytes: readFileSync(city.path('estates.csv')) }]);
	const csv = new Uint8Array(readFileSync(city.path('scores-1m.csv')));
	const emptyScores = () => engine.exec(createTableSql('scores', { orReplace: true }));
	results.add(
		T.csv1m,
		'wasm',
		await timeRuns(() => insertCanonicalCsv(engine, { dataset: 'scores', name: 'scores-1m.csv', bytes: csv }), { runs: ctx.runs, warmup: 1, before: emptyScores }),
		'ms',
		'canonical loader: bytes in chunks (registerFileBuffer) + read_csv'
	);
	ctx.log('wasm: validated imports');
	const csvBytes = readFileSync(city.path('scores-1m.csv'));
	results.add(T.csv1mValidated, 'wasm', await timeRuns(() => validatedImport(engine, [{ name: 'scores-1m.csv', bytes: csvBytes }]), { runs: ctx.slowRuns }), 'ms', 'src/lib/import: readSource, prepareTable, commitImport');
	const pqBytes = readFileSync(city.path('scores-1m.parquet'));
	results.add(T.pq1m, 'wasm', await timeRuns(() => validatedImport(engine, [{ name: 'scores-1m.parquet', bytes: pqBytes }]), { runs: ctx.slowRuns }), 'ms', 'read in JavaScript (parquet.ts), then the validated import');
	const cityPq = CITY_TABLES.map((t) => ({ name: `${t}.parquet`, bytes: readFileSync(city.path(`${t}.parquet`)) }));
	results.add(T.cityPq, 'wasm', await timeRuns(() => validatedImport(engine, cityPq), { runs: 1 }), 'ms', 'one run: the validated import of the four Parquet files as one set');
}

/** Native DuckDB: every import from disk. Leaves the city loaded (from Parquet, the same rows as the CSV) in the app's stored order. */
export async function nativeImports(ctx: Ctx, engine: Engine, id: EngineId): Promise<void> {
	const { city, results, runs } = ctx;
	const csv1m = await timeRuns(() => nativeLoad(engine, 'scores', city.path('scores-1m.csv')), { runs, warmup: 1 });
	results.add(T.csv1m, id, csv1m, 'ms', 'read_csv from disk, same column types');
	results.add(T.csv1mValidated, id, csv1m, 'ms', 'the same read_csv (native has no validation step to compare)');
	results.add(T.pq1m, id, await timeRuns(() => nativeLoad(engine, 'scores', city.path('scores-1m.parquet')), { runs, warmup: 1 }), 'ms', 'read_parquet');
	const loadAll = (ext: string) => async () => {
		for (const t of CITY_TABLES) await nativeLoad(engine, t, city.path(`${t}.${ext}`));
	};
	results.add(T.cityCsv, id, await timeRuns(loadAll('csv'), { runs: ctx.slowRuns }), 'ms', 'read_csv of the four files');
	results.add(T.cityPq, id, await timeRuns(loadAll('parquet'), { runs: ctx.slowRuns }), 'ms', 'read_parquet of the four files');
	// Untimed: the city again, in the order the app stores it, for the analysis that follows.
	for (const t of CITY_TABLES) await nativeLoad(engine, t, city.path(`${t}.parquet`), true);
}

/** Arquero and the typed floor on the 1M-row files. */
export async function jsImports(ctx: Ctx): Promise<void> {
	const { city, results, runs } = ctx;
	const csv = text(city, 'scores-1m.csv');
	results.add(T.csv1m, 'arquero', await timeRuns(() => arqueroReadScores(csv), { runs: Math.min(runs, 3), warmup: 1 }), 'ms', 'aq.fromCSV, score parsed as a number');
	const bytes = readFileSync(city.path('scores-1m.csv'));
	results.add(T.csv1m, 'typed', await timeRuns(() => parseScoresCsv(bytes), { runs, warmup: 1 }), 'ms', 'byte-level parser into dictionary-coded typed arrays');
	const pq = readFileSync(city.path('scores-1m.parquet'));
	// Session 19 on: the app's own reading (decoded column by column into the table the checks read), where sessions
	// 6-18 timed hyparquet's row reader, which the app no longer uses.
	const read = () => readParquet('scores-1m.parquet', pq);
	results.add(T.pq1m, 'typed', await timeRuns(read, { runs, warmup: 1 }), 'ms', 'reading only (readParquet: the JavaScript part of the validated Parquet import before its checks)');
}
