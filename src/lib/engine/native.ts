/**
 * The engine on native DuckDB (@duckdb/node-api): multi-threaded, no wasm heap cap, Parquet built in. Used by the
 * command line's `--engine native` and by the bench; the app's queries run on it unchanged.
 *
 * @duckdb/node-api is a native addon, so it is imported only when a native engine is started: the browser bundle
 * and the wasm path never load it, and a missing or broken install is reported as {@link NativeUnavailableError}.
 *
 * Files are not registered: native DuckDB reads them from disk by path (read_csv / read_parquet), which is what
 * it does best. registerFileText / registerFileBuffer / dropFile / insertArrowIPC therefore throw.
 */
import type { DuckDBResultReader } from '@duckdb/node-api';
import type { ArrowLike } from './arrow-rows';
import { Engine, type DuckBackend } from './engine';

/** @duckdb/node-api could not be loaded (not installed, or no prebuilt binary for this platform). */
export class NativeUnavailableError extends Error {
	constructor(options?: { cause?: unknown }) {
		const reason = options?.cause instanceof Error ? options.cause.message.split('\n')[0] : String(options?.cause);
		super(`native DuckDB is not installed (@duckdb/node-api could not be loaded: ${reason})`, options);
		this.name = 'NativeUnavailableError';
	}
}

/** Options of a native engine. */
export interface NativeOptions {
	/** Worker threads; 0 or absent = DuckDB's default (all cores). */
	threads?: number;
}

/**
 * A value as the wasm engine gives it: DATE and TIMESTAMP as milliseconds since the epoch (the Arrow reading),
 * not Date objects; nested lists and structs converted the same way (bigint inside them to number).
 */
function wasmLike(v: unknown): unknown {
	if (v instanceof Date) return v.getTime();
	if (Array.isArray(v)) return v.map(wasmLike);
	if (typeof v === 'bigint') return Number(v);
	if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, wasmLike(x)]));
	}
	return v;
}

/**
 * A native result as the ArrowLike shape arrowToRowsSteps reads. getColumnsJS already gives DECIMAL as double and
 * BIGINT as bigint (arrowToRowsSteps makes it a number); objects (dates, lists, structs) are converted on access.
 */
export function arrowLike(result: DuckDBResultReader): ArrowLike {
	const names = result.columnNames();
	const columns = result.getColumnsJS();
	return {
		numRows: result.currentRowCount,
		schema: { fields: names.map((name) => ({ name, type: { typeId: 0 } })) },
		getChildAt: (i) => {
			const col = columns[i];
			if (!col) return null;
			return {
				get: (r: number) => {
					const v = col[r];
					return v !== null && typeof v === 'object' ? wasmLike(v) : v;
				}
			};
		}
	};
}

/** Loads @duckdb/node-api on first use. */
async function nodeApi(): Promise<typeof import('@duckdb/node-api')> {
	try {
		return await import('@duckdb/node-api');
	} catch (e) {
		throw new NativeUnavailableError({ cause: e });
	}
}

/**
 * A fresh in-memory native DuckDB as a backend (for callers that wrap the backend, e.g. the bench's timing).
 * @throws NativeUnavailableError when @duckdb/node-api cannot be loaded.
 */
export async function nativeBackend(options: NativeOptions = {}): Promise<DuckBackend> {
	const { DuckDBInstance, version } = await nodeApi();
	const threads = options.threads ?? 0;
	const instance = await DuckDBInstance.create(':memory:', threads > 0 ? { threads: String(threads) } : {});
	const conn = await instance.connect();
	const byPath = async () => {
		throw new Error('native DuckDB reads files by path (read_csv / read_parquet); it does not register files');
	};
	return {
		label: `native DuckDB ${version()} (${threads === 1 ? '1 thread' : `${threads > 0 ? threads : 'all'} threads`})`,
		query: async (sql) => arrowLike(await conn.runAndReadAll(sql)),
		registerFileText: byPath,
		registerFileBuffer: byPath,
		dropFile: byPath,
		insertArrowIPC: async () => {
			throw new Error('native DuckDB here takes no Arrow: it reads files by path (read_csv / read_parquet)');
		},
		close: async () => {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

/**
 * Starts a fresh in-memory native engine. Each call is a separate database.
 * @throws NativeUnavailableError when @duckdb/node-api cannot be loaded.
 */
export async function startNativeEngine(options: NativeOptions = {}): Promise<Engine> {
	return Engine.start(await nativeBackend(options));
}
