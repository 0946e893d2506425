/**
 * Loading canonical CSV files (the format of data/sample/*.csv: UTF-8, header of the canonical column names in
 * order, one row per record) into the dataset tables. Shared by the sample district (browser and Node) and the
 * command-line tools, so every path loads exactly the same way.
 *
 * Files go to DuckDB as bytes in chunks of whole records (csv-chunks.ts), the header repeated in each, one
 * `INSERT … read_csv` per chunk, all inside one transaction: the engine never holds a whole file (the wasm heap
 * keeps its peak for good) and the main thread never encodes or decodes a whole file. A dataset that stores its
 * rows grouped by a column (scores, by period) gets its records in that order (csv-cluster.ts).
 */
import { createTableSql, csvColumnsSql, DATASET_IDS, DATASETS, storedOrderSql, type DatasetId } from '../data/datasets';
import { sqlIdent, sqlString, type Engine } from '../engine/engine';
import { QueryError } from '../engine/errors';
import { csvChunkSteps, csvLayout, DEFAULT_CHUNK_BYTES, fileLine, headerText, type ChunkStep, type CsvLayout } from './csv-chunks';
import { clusteredChunks, type ChunkPlan } from './csv-cluster';
import { runSteps } from '../queries/yield-task';

/** A canonical CSV file's content: its UTF-8 bytes (preferred: no copy, no decoding) or its text. */
export type CsvContent = Uint8Array | string;

/**
 * One canonical CSV file: the dataset it holds, a name for messages (file name or path), and its content as
 * UTF-8 `bytes` or as `text`.
 */
export type CanonicalCsv = { dataset: DatasetId; name: string } & ({ bytes: Uint8Array; text?: never } | { text: string; bytes?: never });

/** A file that could not be loaded, with the file's name, why, and the line (of the whole file) when DuckDB said. */
export class CsvLoadError extends Error {
	readonly file: string;
	readonly reason: string;
	readonly line: number | null;
	constructor(file: string, reason: string, options?: { cause?: unknown; line?: number | null }) {
		super(`${file}: ${reason}`, options);
		this.name = 'CsvLoadError';
		this.file = file;
		this.reason = reason;
		this.line = options?.line ?? null;
	}
}

/** (Re)creates every dataset's table, empty. */
export function createAllTablesSql(): string[] {
	return DATASET_IDS.map((id) => createTableSql(id, { orReplace: true }));
}

/** Drops a UTF-8 byte-order mark (Excel writes one; DuckDB would read it as part of the first column name). */
function withoutBom(text: string): string {
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Why a file's header is not the dataset's canonical header, or null when it is. The columns are read by position
 * (types are given explicitly), so a reordered or renamed column must stop the load rather than shift values.
 */
export function canonicalHeaderProblem(dataset: DatasetId, text: string): string | null {
	const first = withoutBom(text).split(/\r?\n/, 1)[0] ?? '';
	const got = first.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
	const want = DATASETS[dataset].columns.map((c) => c.name);
	if (got.length === want.length && got.every((c, i) => c === want[i])) return null;
	return `header is "${first}", expected "${want.join(',')}"`;
}

/** DuckDB's own reason, without the SQL the QueryError appends. */
function reasonOf(e: unknown): string {
	const cause = e instanceof QueryError ? e.cause : e;
	return (cause instanceof Error ? cause.message : String(cause)).split('\n')[0];
}

const LINE = /CSV Error on Line: (\d+)/;

/**
 * A failed INSERT as a CsvLoadError naming the file, with the line DuckDB reported mapped by `toFileLine` (from
 * a line of what DuckDB read to a line of the whole file).
 */
function loadError(file: string, e: unknown, toFileLine: (line: number) => number = (l) => l): CsvLoadError {
	const m = LINE.exec(reasonOf(e));
	const line = m ? toFileLine(Number(m[1])) : null;
	const reason = line === null ? reasonOf(e) : reasonOf(e).replace(LINE, `CSV Error on Line: ${line}`);
	return new CsvLoadError(file, reason, { cause: e, line });
}

/**
 * The INSERT that reads a canonical CSV (a registered file, or a path native DuckDB reads from disk) into its
 * dataset's table, with explicit column types. Quoting is RFC 4180 (`""` in a quoted field is a quote), as the
 * app's own CSV writer and the import's staging read it.
 */
function insertSql(dataset: DatasetId, registered: string): string {
	const meta = DATASETS[dataset];
	const cols = meta.columns.map((c) => sqlIdent(c.name)).join(', ');
	return `INSERT INTO ${sqlIdent(meta.table)} (${cols})
	 SELECT ${cols} FROM read_csv(${sqlString(registered)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
		timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${csvColumnsSql(dataset)})`;
}

/**
 * The chunks of a file in the order its dataset stores rows (grouped by its cluster column, data/cluster-order.ts),
 * which is the file's own order when the dataset has none or the file is already in it.
 */
function* chunkPlan(layout: CsvLayout, dataset: DatasetId): Generator<void, ChunkPlan, void> {
	const by = DATASETS[dataset].clusterBy;
	const field = by ? DATASETS[dataset].columns.findIndex((c) => c.name === by) : -1;
	const clustered = field >= 0 ? yield* clusteredChunks(layout, field) : null;
	return clustered ?? { chunks: csvChunkSteps(layout), fileLine: (i, line) => fileLine(layout, i, line) };
}

/** The file's bytes (text is encoded: for Node callers that hold text). */
function bytesOf(f: CanonicalCsv): Uint8Array {
	return f.bytes ?? new TextEncoder().encode(f.text);
}

/**
 * The steps up to the plan's next chunk, for runSteps: its pieces are copied in tasks of runSteps' budget, so the page
 * stays responsive while a chunk is cut.
 */
function* untilNextChunk(steps: Generator<ChunkStep, void, void>): Generator<void, IteratorResult<Uint8Array, void>, void> {
	for (;;) {
		const r = steps.next();
		if (r.done || r.value) return r as IteratorResult<Uint8Array, void>;
		yield;
	}
}

/** Loader options; `chunkBytes` is the size of the pieces DuckDB reads (tests use tiny ones). */
export interface LoadOptions {
	chunkBytes?: number;
}

/**
 * Checks every file's header, then runs `statements` and, chunk by chunk, registers each file's chunk under a
 * name of our own (the caller's name may be a path DuckDB would interpret), INSERTs it and drops it again, all in
 * one transaction: a failure anywhere leaves the tables as they were.
 * @throws CsvLoadError naming the first file that failed (and the line of the whole file, when DuckDB says).
 */
async function insertAll(engine: Engine, files: readonly CanonicalCsv[], statements: readonly string[], options: LoadOptions = {}): Promise<void> {
	const layouts: CsvLayout[] = [];
	for (const f of files) {
		const layout = csvLayout(bytesOf(f), options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
		const problem = canonicalHeaderProblem(f.dataset, headerText(layout));
		if (problem) throw new CsvLoadError(f.name, problem);
		layouts.push(layout);
	}
	await engine.transactionWith(async (exec) => {
		for (const s of statements) await exec(s);
		for (const [k, f] of files.entries()) {
			const plan = await runSteps(chunkPlan(layouts[k], f.dataset));
			const prefix = `canonical/${f.dataset}-${Math.random().toString(36).slice(2)}`;
			// The next chunk is cut while DuckDB reads this one (in the browser it reads in its worker).
			let next = await runSteps(untilNextChunk(plan.chunks));
			for (let i = 0; !next.done; i++) {
				const name = `${prefix}-${i}.csv`;
				await engine.registerFileBuffer(name, next.value);
				try {
					const inserted = exec(insertSql(f.dataset, name));
					inserted.catch(() => undefined);
					next = await runSteps(untilNextChunk(plan.chunks));
					await inserted;
				} catch (e) {
					throw loadError(f.name, e, (line) => plan.fileLine(i, line));
				} finally {
					await engine.dropFile(name).catch(() => undefined);
				}
			}
		}
	});
}

/** Appends one canonical CSV to its table (all rows or none). */
export async function insertCanonicalCsv(engine: Engine, file: CanonicalCsv, options: LoadOptions = {}): Promise<void> {
	await insertAll(engine, [file], [], options);
}

/**
 * Replaces every dataset table with the given files' rows, all in one transaction: a failure leaves the tables as
 * they were. Datasets without a file end up as empty tables.
 * @throws CsvLoadError naming the first file that failed (and the line, when DuckDB says).
 */
export async function loadCanonicalCsvs(engine: Engine, files: readonly CanonicalCsv[], options: LoadOptions = {}): Promise<void> {
	await insertAll(engine, files, createAllTablesSql(), options);
}

/**
 * A canonical CSV file on disk that the engine reads itself (native DuckDB; duckdb-wasm cannot read the disk).
 * `path` must be a plain local path (no glob characters): DuckDB interprets it.
 */
export interface CanonicalCsvPath {
	dataset: DatasetId;
	name: string;
	path: string;
	/** The start of the file (at least its first line), for the header check. */
	head: string;
}

/**
 * {@link loadCanonicalCsvs} for files the engine reads by path: the same header check, tables, column types and
 * single transaction, without holding the files' text in JavaScript (no string-length limit on their size).
 * @throws CsvLoadError naming the first file that failed.
 */
export async function loadCanonicalCsvPaths(engine: Engine, files: readonly CanonicalCsvPath[]): Promise<void> {
	for (const f of files) {
		const problem = canonicalHeaderProblem(f.dataset, f.head);
		if (problem) throw new CsvLoadError(f.name, problem);
	}
	// DuckDB reads the file itself here, so it also puts the rows in the order the dataset stores them.
	const inserts = files.map((f) => insertSql(f.dataset, f.path) + storedOrderSql(f.dataset));
	try {
		await engine.transaction([...createAllTablesSql(), ...inserts]);
	} catch (e) {
		const i = e instanceof QueryError ? inserts.indexOf(e.sql) : -1;
		throw i >= 0 ? loadError(files[i].name, e) : e;
	}
}
