import type { z } from 'zod';
import { arrowToColumns, arrowToRowsSteps, ROWS_PER_STEP, type ArrowLike } from './arrow-rows';
import { runSteps } from '../queries/yield-task';
import { QueryError, ResultShapeError } from './errors';
import type { NumberResult } from './ipc-numbers';
import { tracked } from './work-gauge';

/**
 * The few things the app needs from a DuckDB-wasm instance. The browser (AsyncDuckDB in a worker) and Node
 * (the package's blocking build, same wasm) each provide one; everything above talks to {@link Engine}.
 */
export interface DuckBackend {
	/** Which build runs, for the about box and for bug reports. */
	readonly label: string;
	query(sql: string): Promise<ArrowLike>;
	/**
	 * A result of INTEGER and DOUBLE columns without nulls as typed arrays read from its IPC bytes, anything else as
	 * its table (ipc-numbers.ts); where the backend has the bytes (duckdb-wasm; not the native adapter). A backend
	 * method, so that the engine module itself loads no Arrow code: `zhijia analyze --engine native` never needs it.
	 */
	queryNumbers?(sql: string): Promise<NumberResult>;
	registerFileText(name: string, text: string): Promise<void>;
	registerFileBuffer(name: string, buffer: Uint8Array): Promise<void>;
	dropFile(name: string): Promise<void>;
	/**
	 * Inserts the rows of an Arrow IPC stream into a table (by position, cast to the table's types), or creates it
	 * from them; the engine takes over the buffer. Typed columns skip the text parsing a CSV needs (see the
	 * import's staging, import/stage-arrow.ts).
	 */
	insertArrowIPC(ipc: Uint8Array, options: ArrowInsert): Promise<void>;
	close(): Promise<void>;
}

/** Where Arrow rows go: table `name` in `schema` (default: the default schema), created from them or appended to. */
export interface ArrowInsert {
	name: string;
	schema?: string;
	create: boolean;
}

/** The database the app's tables live in (see STARTUP_SQL). */
const DATA_DB = 'zhijia';

/** Settings applied right after instantiation, before any other query. */
const STARTUP_SQL = [
	// Offline, an extension download either fails with a misleading error or hangs the worker for good.
	// With autoload off a missing extension is a clean Catalog Error instead.
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	// The data lives in an in-memory database of its own with compression on: DuckDB's default in-memory database
	// stores every column uncompressed, so each scan of the scores reads full text values. Compressed (dictionary
	// and FSST for text), the cold analysis's scans take about half the time in wasm (docs/performance.md, branch
	// `ana`) and the tables take less memory. Names resolve against it exactly as against the default database.
	`ATTACH ':memory:' AS ${DATA_DB} (COMPRESS)`,
	`USE ${DATA_DB}`
];

/** One DuckDB engine with a narrow typed interface: plain rows with numbers, zod-checked domain objects, SQL in errors. */
/** Statements that cannot change a table (a SELECT may still call a function with effects; none of ours do). */
const READ_ONLY = /^\s*(SELECT|EXECUTE)\b/i;

export class Engine {
	/**
	 * The one connection is shared by every view. A transaction must have it to itself (a query from another
	 * view landing between BEGIN and COMMIT would join, or abort, the transaction), so statements queue here.
	 */
	private queue: Promise<unknown> = Promise.resolve();

	private constructor(private readonly backend: DuckBackend) {}

	/** Runs `task` once everything queued before it has settled. */
	private exclusive<T>(task: () => Promise<T>): Promise<T> {
		const run = tracked(this.queue.then(task, task));
		this.queue = run.catch(() => undefined);
		return run;
	}

	private writes = 0;

	/**
	 * How many statements that might change a table have run on this engine: everything except plain SELECT and
	 * EXECUTE counts (a conservative test). Caches compare it instead of asking DuckDB's catalog whether their
	 * tables changed, which costs a query (and in the browser a worker round trip).
	 */
	get writeCount(): number {
		return this.writes;
	}

	/** Runs one statement through the backend: counted if it may write, its failure a QueryError naming the SQL. */
	private async run<T>(sql: string, call: (sql: string) => Promise<T>): Promise<T> {
		if (!READ_ONLY.test(sql)) this.writes++;
		try {
			return await call(sql);
		} catch (e) {
			throw new QueryError(sql, e);
		}
	}

	private raw(sql: string): Promise<ArrowLike> {
		return this.run(sql, (q) => this.backend.query(q));
	}

	/**
	 * A query whose columns are all INTEGER or DOUBLE without a null, as typed arrays per record batch
	 * (ipc-numbers.ts); any other result, or a backend without IPC bytes, as its Arrow table.
	 */
	numberParts(sql: string): Promise<NumberResult> {
		return this.exclusive(async () => {
			if (!this.backend.queryNumbers) return { table: await this.raw(sql) };
			return this.run(sql, (q) => this.backend.queryNumbers!(q));
		});
	}

	/** Wraps a freshly instantiated backend and applies the startup settings. */
	static async start(backend: DuckBackend): Promise<Engine> {
		const engine = new Engine(backend);
		// One statement list, one round trip to the worker.
		await engine.exec(STARTUP_SQL.join(';\n'));
		return engine;
	}

	get label(): string {
		return this.backend.label;
	}

	/** Runs a statement for its effect. */
	async exec(sql: string): Promise<void> {
		await this.arrow(sql);
	}

	/** Runs a query and returns the raw Arrow table (for callers that stream columns, e.g. charts of many points). */
	arrow(sql: string): Promise<ArrowLike> {
		return this.exclusive(() => this.raw(sql));
	}

	/** Runs a query and returns plain rows; bigint becomes number. */
	async rows(sql: string): Promise<Record<string, unknown>[]> {
		// In steps: converting a city-sized result is the page's longest task otherwise (docs/performance.md).
		return runSteps(arrowToRowsSteps(await this.arrow(sql)));
	}

	/** Runs a query and returns its columns by name (plain values, as {@link rows}). */
	async columns(sql: string): Promise<Record<string, unknown[]>> {
		return arrowToColumns(await this.arrow(sql));
	}

	/** Runs a query whose rows become domain objects: each row is checked against the schema. */
	async parse<S extends z.ZodType>(sql: string, schema: S): Promise<z.infer<S>[]> {
		return runSteps(parseSteps(sql, await this.rows(sql), schema));
	}

	/** A single number from a query such as SELECT count(*) AS n. */
	async scalar(sql: string): Promise<number> {
		const rows = await this.rows(sql);
		const first = rows[0] ? Object.values(rows[0])[0] : undefined;
		if (typeof first !== 'number') throw new ResultShapeError(sql, `expected one number, got ${String(first)}`);
		return first;
	}

	/** Runs statements in one transaction: all of them take effect or none does. */
	transaction(statements: string[]): Promise<void> {
		return this.transactionWith(async (exec) => {
			for (const s of statements) await exec(s);
		});
	}

	/**
	 * Runs `body` in one transaction that has the connection to itself; `exec` runs a statement inside it. Between
	 * statements the body may do other work (register and drop files). If the body throws, everything it ran is
	 * rolled back and the error is passed on.
	 */
	transactionWith<T>(body: (exec: (sql: string) => Promise<void>) => Promise<T>): Promise<T> {
		return this.exclusive(async () => {
			await this.raw('BEGIN TRANSACTION');
			try {
				const result = await body(async (sql) => {
					await this.raw(sql);
				});
				await this.raw('COMMIT');
				return result;
			} catch (e) {
				await this.raw('ROLLBACK').catch(() => undefined);
				throw e;
			}
		});
	}

	registerFileText(name: string, text: string): Promise<void> {
		return this.backend.registerFileText(name, text);
	}

	registerFileBuffer(name: string, buffer: Uint8Array): Promise<void> {
		return this.backend.registerFileBuffer(name, buffer);
	}

	dropFile(name: string): Promise<void> {
		return this.backend.dropFile(name);
	}

	/** Inserts an Arrow IPC stream's rows (queued like a statement, and counted as a write); see {@link DuckBackend.insertArrowIPC}. */
	insertArrowIPC(ipc: Uint8Array, options: ArrowInsert): Promise<void> {
		return this.exclusive(async () => {
			this.writes++;
			try {
				await this.backend.insertArrowIPC(ipc, options);
			} catch (e) {
				throw new QueryError(`-- Arrow IPC ${options.create ? 'into a new table' : 'appended to'} ${options.schema ? `${options.schema}.` : ''}${options.name}`, e);
			}
		});
	}

	close(): Promise<void> {
		return this.backend.close();
	}
}

/** Rows checked against a schema, a slice of rows per step (run by `runSteps`, as the rows were made). */
function* parseSteps<S extends z.ZodType>(sql: string, rows: readonly Record<string, unknown>[], schema: S): Generator<void, z.infer<S>[], void> {
	const out: z.infer<S>[] = new Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		if (i > 0 && i % ROWS_PER_STEP === 0) yield;
		const r = schema.safeParse(rows[i]);
		if (!r.success) {
			const issue = r.error.issues[0];
			throw new ResultShapeError(sql, `row ${i + 1}, ${issue.path.join('.') || '(row)'}: ${issue.message}`);
		}
		out[i] = r.data;
	}
	return out;
}

/** Quotes a string as an SQL literal. */
export function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

/** Quotes an identifier. */
export function sqlIdent(s: string): string {
	return `"${s.replaceAll('"', '""')}"`;
}
