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
 * Appends one canonical CSV text to its dataset's table (which must exist).
 * @throws CsvLoadError naming the file when the header is not canonical or a value does not fit its column.
 */
export async function insertCanonicalCsv(engine: Engine, file: CanonicalCsv): Promise<void> {
	const problem = canonicalHeaderProblem(file.dataset, file.text);
	if (problem) throw new CsvLoadError(file.name, problem);
	// A registered name of our own: the caller's name may be a path with characters DuckDB would interpret.
	const registered = `canonical/${file.dataset}-${Math.random().toString(36).slice(2)}.csv`;
	await engine.registerFileText(registered, withoutBom(file.text));
	const meta = DATASETS[file.dataset];
	const cols = meta.columns.map((c) => sqlIdent(c.name)).join(', ');
	try {
		await engine.exec(
			`INSERT INTO ${sqlIdent(meta.table)} (${cols})
			 SELECT ${cols} FROM read_csv(${sqlString(registered)}, header = true, auto_detect = false, delim = ',', quote = '"',
				timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${csvColumnsSql(file.dataset)})`
		);
	} catch (e) {
		throw new CsvLoadError(file.name, reasonOf(e), { cause: e });
	} finally {
		await engine.dropFile(registered).catch(() => undefined);
	}
}

/**
 * Replaces every dataset table with the given files' rows, all in one transaction: a failure leaves the tables as
 * they were. Datasets without a file end up as empty tables.
 * @throws CsvLoadError naming the first file that failed.
 */
export async function loadCanonicalCsvs(engine: Engine, files: readonly CanonicalCsv[]): Promise<void> {
	await engine.exec('BEGIN TRANSACTION');
	try {
		for (const sql of createAllTablesSql()) await engine.exec(sql);
		for (const f of files) await insertCanonicalCsv(engine, f);
		await engine.exec('COMMIT');
	} catch (e) {
		await engine.exec('ROLLBACK').catch(() => undefined);
		throw e;
	}
}
