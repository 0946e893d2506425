/**
 * Staging: the rows of a prepared file that passed the row-level checks, loaded into a DuckDB table where checks
 * that need every row (duplicates, references) run in SQL and from which the commit copies or which it renames
 * (commit.ts). Rows travel as canonical CSV bytes (registerFileBuffer + read_csv with explicit column types, as the
 * sample district loads), which works the same in the browser and in Node.
 *
 * The rows are reached through {@link PreparedRows}: a {@link PreparedImport} in this thread serves them
 * itself ({@link localRows}); the browser's import worker keeps them and serves chunks as transferred bytes
 * (worker-host.ts / client.ts), so the main thread never builds the CSV text or holds the rows.
 *
 * Engines that take Arrow (the wasm engine in the browser and in Node) get the rows as an Arrow IPC stream of typed
 * columns instead (stage-arrow.ts): no text to build, encode and parse again.
 *
 * A staging table has the dataset's columns plus `_i` (the row's index in the prepared file, to map SQL
 * findings back to source rows) and `_drop` (set by checks that reject the row). It never has a primary key:
 * duplicates must be loadable to be found.
 *
 * Where it lives ({@link StageInto}): a temporary table without constraints (validation, appends), or a table of
 * the data's own database with the dataset's NOT NULL and CHECK constraints, which a replace renames into place
 * instead of copying every row (commit.ts). Rows reach staging only after the row-level checks, which enforce
 * the same rules, so those constraints fail only where the copy into the real table would have failed too.
 */
import { csvColumnsSql, DATASETS, type ColumnMeta, type DatasetId } from '../data/datasets';
import { columnDdl } from '../data/datasets/ddl';
import { sqlIdent, sqlString, type Engine } from '../engine/engine';
import type { RunOptions } from './types';
import { now, pause, rate } from './progress';
import type { PreparedImport, PreparedSummary } from './prepared';
import { arrowChunk } from './stage-arrow';
import { chunkRows } from './stage-order';

/**
 * The part of the engine the importer uses (a structural type, so tests can wrap the real engine). An engine that
 * takes Arrow (insertArrowIPC) gets the staging rows as typed columns; one that does not, as CSV text.
 */
export type ImportEngine = Pick<Engine, 'exec' | 'rows' | 'scalar' | 'transaction' | 'registerFileBuffer' | 'dropFile'> & Partial<Pick<Engine, 'insertArrowIPC'>>;

/** How staging rows travel: canonical CSV text, or an Arrow IPC stream (stage-arrow.ts). */
export type StageFormat = 'csv' | 'arrow';

/**
 * One staging chunk: canonical CSV as UTF-8 bytes (header line first) or an Arrow IPC stream, and how many rows
 * it holds.
 */
export interface StageChunk {
	readonly bytes: Uint8Array;
	readonly rows: number;
	/**
	 * Whether the natural keys of every row staged so far, this chunk's included, are distinct (Arrow chunks asked for
	 * in order: stage-arrow.ts); undefined when not told.
	 */
	readonly keysDistinct?: boolean;
}

/** What a problem about a canonical row says: its source row, the source column and value, and its key. */
export interface RowFacts {
	readonly row: number;
	readonly column: string | null;
	readonly value: string | null;
	/** The row's values of the given columns, joined with ', '. */
	readonly key: string;
}

/** Access to the canonical rows of a prepared file, wherever they are kept. */
export interface PreparedRows {
	/**
	 * The rows at staging places [start, end) (stage-order.ts) without row-level errors as canonical CSV, each line
	 * starting with the row's index, or (format 'arrow') as an Arrow IPC stream of the same values ({@link arrowChunk}).
	 */
	stageChunk(start: number, end: number, format?: StageFormat): Promise<StageChunk>;
	/** Where the given rows came from, for problems about the given key columns. */
	describe(rows: readonly number[], columns: readonly string[]): Promise<RowFacts[]>;
}

/** A prepared file whose rows are kept elsewhere (the browser's import worker) and reached through `rowSource`. */
export interface RemotePrepared extends PreparedSummary {
	readonly rowSource: PreparedRows;
}

/** A prepared file as validation and commit take it: rows here, or rows elsewhere. */
export type PreparedFile = PreparedImport | RemotePrepared;

/** The rows of a prepared file, wherever they are. */
export function preparedRows(prepared: PreparedFile): PreparedRows {
	return 'rowSource' in prepared ? prepared.rowSource : localRows(prepared);
}

/** {@link PreparedRows} over a prepared file held in this thread (the same code runs in the import worker). */
export function localRows(prepared: PreparedImport): PreparedRows {
	return {
		stageChunk: async (start, end, format = 'csv') => (format === 'arrow' ? arrowChunk(prepared, start, end) : stageChunk(prepared, start, end)),
		describe: async (rows, columns) => describeRows(prepared, rows, columns)
	};
}

/**
 * Rows per staging chunk (one Arrow insert, or one registered CSV text and one INSERT, each): DuckDB's row group
 * size. Each chunk commits on its own, and a commit into the data's compressed database compresses the row groups it
 * touched: a chunk that ends inside a row group has that group compressed, then opened and compressed again by the
 * next chunk. Whole groups staged 1M score rows in 620-730 ms instead of 860-1,080 ms (Node wasm; docs/performance.md).
 */
export const STAGE_CHUNK_ROWS = 122_880;

let counter = 0;
const session = Math.random().toString(36).slice(2, 8);

function uniqueName(kind: string): string {
	counter++;
	return `_zhijia_${kind}_${session}_${counter}`;
}

/** A fresh name for a temporary table holding check results. */
export function checkTableName(): string {
	return uniqueName('check');
}

/**
 * Where a staging table lives: 'temp', a temporary table without constraints; 'data', a table of the data's
 * database (compressed, as the real tables) with the dataset's NOT NULL and CHECK constraints, that a replace can
 * rename into the real table.
 */
export type StageInto = 'temp' | 'data';

/**
 * Where a file of an import set is staged: a replace of a dataset by this one file is staged in the data's database
 * (the commit renames it into place), everything else in a temporary table. The check and the commit decide it
 * here, so the commit can take over the check's staging tables ({@link KeptStaging}).
 */
export function stagingPlace(set: readonly PreparedFile[], file: PreparedFile, mode: 'replace' | 'append'): StageInto {
	return mode === 'replace' && set.filter((q) => q.dataset === file.dataset).length === 1 ? 'data' : 'temp';
}

/**
 * The staging tables a check left for the commit that follows it (validateFiles' `keep`, commitImport's `reuse`):
 * a million rows need not be staged twice. The commit takes them over only for the very same prepared files, in the
 * same order and mode, and checks them again against the tables as they are then; otherwise it drops them.
 */
export interface KeptStaging {
	readonly mode: 'replace' | 'append';
	readonly staged: readonly StagedFile[];
}

/** A prepared file loaded into a staging table. */
export interface StagedFile {
	readonly prepared: PreparedFile;
	readonly dataset: DatasetId;
	/** Staging table name (already quoted-safe: letters, digits and underscores). */
	readonly table: string;
	readonly into: StageInto;
	/** Rows loaded (the prepared rows without row-level errors). */
	readonly rows: number;
	/** True when staging told that the rows' natural keys are all distinct ({@link StageChunk.keysDistinct}). */
	readonly keysDistinct?: boolean;
	/** Where canonical rows came from, for problems about the given key columns ({@link PreparedRows.describe}). */
	describe(rows: readonly number[], columns: readonly string[]): Promise<RowFacts[]>;
}

/** How a column's values are written: 0 text (quoted when needed), 1 number or timestamp as is, 2 boolean. */
function writeKind(col: ColumnMeta): 0 | 1 | 2 {
	return col.type === 'VARCHAR' ? 0 : col.type === 'BOOLEAN' ? 2 : 1;
}

/** Text that needs quoting in CSV. */
const NEEDS_QUOTE = /[",\n\r]|^\s|\s$/;

/** Canonical CSV lines for the rows at staging places [start, end) without row-level errors, each starting with its index. */
function csvChunk(prepared: PreparedImport, kinds: readonly (0 | 1 | 2)[], header: string, start: number, end: number): { text: string; rows: number } {
	const columns = prepared.columns;
	const width = kinds.length;
	const rows = chunkRows(prepared, start, end);
	let text = header;
	for (const i of rows) {
		let line = '\n' + i;
		for (let c = 0; c < width; c++) {
			const v = columns[c][i];
			if (v === null || v === undefined) line += ',';
			else if (kinds[c] === 0) {
				const s = v as string;
				line += NEEDS_QUOTE.test(s) ? ',"' + s.replaceAll('"', '""') + '"' : ',' + s;
			} else if (kinds[c] === 2) line += v ? ',true' : ',false';
			else line += ',' + v;
		}
		text += line;
	}
	return { text: text + '\n', rows: rows.length };
}

const encoder = new TextEncoder();

/** A staging chunk of a prepared file held in this thread: the rows at staging places [start, end) without row-level errors. */
export function stageChunk(prepared: PreparedImport, start: number, end: number): StageChunk {
	const dataset = prepared.dataset;
	if (!dataset) throw new Error(`${prepared.file}: dataset not recognised, nothing to stage`);
	const cols = DATASETS[dataset].columns as readonly ColumnMeta[];
	const header = ['_i', ...cols.map((c) => c.name)].join(',');
	const { text, rows } = csvChunk(prepared, cols.map(writeKind), header, start, end);
	return { bytes: rows > 0 ? encoder.encode(text) : new Uint8Array(0), rows };
}

/** {@link RowFacts} of rows of a prepared file held in this thread. */
export function describeRows(prepared: PreparedImport, rows: readonly number[], columns: readonly string[]): RowFacts[] {
	const cols = prepared.dataset ? (DATASETS[prepared.dataset].columns as readonly ColumnMeta[]) : [];
	const index = new Map(cols.map((c, k) => [c.name as string, k]));
	const values = (name: string) => prepared.columns[index.get(name)!];
	return rows.map((i) => {
		const row = prepared.rowNumbers[i];
		const key = columns.map((c) => String(values(c)[i])).join(', ');
		// In a melted score sheet a key with the indicator points at the indicator's column.
		if (prepared.sourceColumns && columns.includes('indicator')) {
			const src = prepared.sourceColumns[i];
			return { row, column: prepared.headers[src] ?? null, value: String(values('score')[i]), key };
		}
		const name = columns[0];
		const src = prepared.mapping.indexOf(name);
		const v = values(name)[i];
		return { row, column: src >= 0 ? prepared.headers[src] : null, value: v === null || v === undefined ? null : String(v), key };
	});
}

/**
 * The DDL of a dataset's staging table: temporary and without constraints, or ('data') in the data's database with
 * the real table's column DDL except the primary key (its column is NOT NULL instead).
 */
export function stagingDdl(dataset: DatasetId, table: string, into: StageInto = 'temp'): string {
	const columns = DATASETS[dataset].columns as readonly ColumnMeta[];
	if (into === 'data') return `CREATE TABLE ${table} (_i INTEGER NOT NULL, _drop BOOLEAN NOT NULL, ${columns.map((c) => columnDdl(c, undefined)).join(', ')})`;
	return `CREATE TEMP TABLE ${table} (_i INTEGER NOT NULL, _drop BOOLEAN NOT NULL, ${columns.map((c) => `${sqlIdent(c.name)} ${c.type}`).join(', ')})`;
}

/**
 * Loads the valid rows of a prepared file into a new staging table, in chunks (progress and cancellation
 * between chunks). On failure or cancellation the staging table is dropped before the error propagates.
 */
export async function stageFile(
	engine: ImportEngine,
	prepared: PreparedFile,
	options: RunOptions & { done?: number; total?: number; into?: StageInto } = {}
): Promise<StagedFile> {
	const dataset = prepared.dataset;
	if (!dataset) throw new Error(`${prepared.file}: dataset not recognised, nothing to stage`);
	const cols = DATASETS[dataset].columns as readonly ColumnMeta[];
	const table = uniqueName(`stage_${dataset}`);
	const columnsSql = `{'_i': 'INTEGER', ${csvColumnsSql(dataset).slice(1)}`;
	const names = cols.map((c) => sqlIdent(c.name)).join(', ');
	const source = preparedRows(prepared);
	const n = prepared.rowCount;
	const started = now();
	// Arrow when the engine takes it: typed columns, no CSV text to write and parse again (docs/performance.md).
	const insertArrow = engine.insertArrowIPC?.bind(engine);
	const format: StageFormat = insertArrow ? 'arrow' : 'csv';
	let loaded = 0;
	// Told by every chunk, or not at all (CSV chunks do not tell).
	let keysDistinct: boolean | undefined = format === 'arrow' ? true : undefined;
	const into = options.into ?? 'temp';
	await engine.exec(stagingDdl(dataset, table, into));
	try {
		for (let start = 0, chunk = 0; start < n; start += STAGE_CHUNK_ROWS, chunk++) {
			options.signal?.throwIfAborted();
			const end = Math.min(n, start + STAGE_CHUNK_ROWS);
			const { bytes, rows, keysDistinct: distinct } = await source.stageChunk(start, end, format);
			options.signal?.throwIfAborted();
			keysDistinct = keysDistinct === true ? distinct : keysDistinct;
			if (rows === 0) continue;
			loaded += rows;
			if (insertArrow) {
				// Appended straight to the staging table (a temporary one is in schema 'temp', the other in the current one).
				await insertArrow(bytes, into === 'temp' ? { name: table, schema: 'temp', create: false } : { name: table, create: false });
			} else {
				const file = `${table}_${chunk}.csv`;
				await engine.registerFileBuffer(file, bytes);
				try {
					await engine.exec(
						`INSERT INTO ${table} SELECT _i, false, ${names} FROM read_csv(${sqlString(file)}, header = true, auto_detect = false,
							delim = ',', quote = '"', escape = '"', timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${columnsSql})`
					);
				} finally {
					await engine.dropFile(file).catch(() => undefined);
				}
			}
			const done = (options.done ?? 0) + end;
			options.onProgress?.({ phase: 'stage', rows: done, totalRows: options.total ?? n, rowsPerSecond: rate(end, started) });
			await pause();
		}
		options.signal?.throwIfAborted();
	} catch (e) {
		await engine.exec(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
		throw e;
	}
	return { prepared, dataset, table, into, rows: loaded, ...(keysDistinct === true ? { keysDistinct } : {}), describe: (rows, columns) => source.describe(rows, columns) };
}

/** Drops staging tables (errors ignored: cleanup must not hide the error that caused it). */
export async function dropStaged(engine: ImportEngine, staged: readonly StagedFile[]): Promise<void> {
	for (const s of staged) await engine.exec(`DROP TABLE IF EXISTS ${s.table}`).catch(() => undefined);
}
