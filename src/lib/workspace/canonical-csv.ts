/**
 * Loading canonical CSV files (the format of data/sample/*.csv: UTF-8, header of the canonical column names in
 * order, one row per record) into the dataset tables. Shared by the sample district (browser and Node) and the
 * command-line tools, so every path loads exactly the same way.
 */
import { createTableSql, csvColumnsSql, DATASET_IDS, DATASETS, type DatasetId } from '../data/datasets';
import { sqlIdent, sqlString, type Engine } from '../engine/engine';
import { QueryError } from '../engine/errors';

/** One canonical CSV file: the dataset it holds, a name for messages (file name or path), and its text. */
export interface CanonicalCsv {
	dataset: DatasetId;
	name: string;
	text: string;
}

/** A file that could not be loaded, with the file's name and why. */
export class CsvLoadError extends Error {
	readonly file: string;
	readonly reason: string;
	constructor(file: string, reason: string, options?: { cause?: unknown }) {
		super(`${file}: ${reason}`, options);
		this.name = 'CsvLoadError';
		this.file = file;
		this.reason = reason;
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

/**
 * The INSERT that reads a canonical CSV (a registered file, or a path native DuckDB reads from disk) into its
 * dataset's table, with explicit column types.
 */
function insertSql(dataset: DatasetId, registered: string): string {
	const meta = DATASETS[dataset];
	const cols = meta.columns.map((c) => sqlIdent(c.name)).join(', ');
	return `INSERT INTO ${sqlIdent(meta.table)} (${cols})
	 SELECT ${cols} FROM read_csv(${sqlString(registered)}, header = true, auto_detect = false, delim = ',', quote = '"',
		timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${csvColumnsSql(dataset)})`;
}

/** Registers the files under names of our own (the caller's name may be a path DuckDB would interpret). */
async function registerAll(engine: Engine, files: readonly CanonicalCsv[]): Promise<string[]> {
	const names: string[] = [];
	for (const f of files) {
		const problem = canonicalHeaderProblem(f.dataset, f.text);
		if (problem) throw new CsvLoadError(f.name, problem);
	}
	for (const f of files) {
		const registered = `canonical/${f.dataset}-${Math.random().toString(36).slice(2)}.csv`;
		await engine.registerFileText(registered, withoutBom(f.text));
		names.push(registered);
	}
	return names;
}

/**
 * Runs `statements` then one INSERT per file (read from `sources[i]`) in a single transaction (the engine gives a
 * transaction the connection to itself); a failing INSERT is reported as a CsvLoadError naming its file.
 */
async function insertFrom(
	engine: Engine,
	files: readonly { dataset: DatasetId; name: string }[],
	sources: readonly string[],
	statements: readonly string[]
): Promise<void> {
	const inserts = files.map((f, i) => insertSql(f.dataset, sources[i]));
	try {
		await engine.transaction([...statements, ...inserts]);
	} catch (e) {
		const i = e instanceof QueryError ? inserts.indexOf(e.sql) : -1;
		throw i >= 0 ? new CsvLoadError(files[i].name, reasonOf(e), { cause: e }) : e;
	}
}

/** Registers the files' text, then {@link insertFrom} the registered names; the files are dropped after. */
async function insertAll(engine: Engine, files: readonly CanonicalCsv[], statements: readonly string[]): Promise<void> {
	const registered = await registerAll(engine, files);
	try {
		await insertFrom(engine, files, registered, statements);
	} finally {
		for (const name of registered) await engine.dropFile(name).catch(() => undefined);
	}
}

/** Appends one canonical CSV to its table (all rows or none). */
export async function insertCanonicalCsv(engine: Engine, file: CanonicalCsv): Promise<void> {
	await insertAll(engine, [file], []);
}

/**
 * Replaces every dataset table with the given files' rows, all in one transaction: a failure leaves the tables as
 * they were. Datasets without a file end up as empty tables.
 * @throws CsvLoadError naming the first file that failed.
 */
export async function loadCanonicalCsvs(engine: Engine, files: readonly CanonicalCsv[]): Promise<void> {
	await insertAll(engine, files, createAllTablesSql());
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
	await insertFrom(
		engine,
		files,
		files.map((f) => f.path),
		createAllTablesSql()
	);
}
