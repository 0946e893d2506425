/**
 * The engines the bench drives in Node, all behind the app's own {@link Engine} class so the app's queries run on
 * each unchanged:
 * - the app's wasm engine (src/lib/engine/node.ts), with the size of its wasm heap;
 * - native DuckDB (@duckdb/node-api) with a chosen thread count, through the app's native adapter
 *   (src/lib/engine/native.ts, the one `zhijia analyze --engine native` uses).
 */
import { Engine, type DuckBackend } from '../src/lib/engine/engine';
import { nativeBackend } from '../src/lib/engine/native';
import { openNodeDuckdb } from '../src/lib/engine/node';

/** An engine and how much memory its wasm instance holds. */
export interface WasmEngine {
	engine: Engine;
	/** Size of the wasm linear memory in bytes (it grows and never shrinks). */
	heapBytes(): number;
	/** Milliseconds spent inside DuckDB queries so far (to split a task's time into SQL and JavaScript). */
	sqlMs(): number;
}

/** Wraps a backend's query to add up the time spent in it. */
function timed(backend: DuckBackend): { backend: DuckBackend; sqlMs: () => number } {
	let total = 0;
	const time =
		<T>(call: (sql: string) => Promise<T>) =>
		async (sql: string): Promise<T> => {
			const t0 = performance.now();
			try {
				return await call(sql);
			} finally {
				total += performance.now() - t0;
			}
		};
	const { query, queryNumbers } = backend;
	return {
		// Both ways of running a query: a result read as a Table, or as typed arrays from its bytes (Engine.numberParts).
		backend: { ...backend, query: time(query), ...(queryNumbers ? { queryNumbers: time(queryNumbers) } : {}) },
		sqlMs: () => total
	};
}

/** The app's Node engine (src/lib/engine/node.ts: the patched glue and the module the app loads), timed. */
export async function startWasm(): Promise<WasmEngine> {
	const { backend, heapBytes } = await openNodeDuckdb();
	const t = timed(backend);
	return { engine: await Engine.start(t.backend), heapBytes, sqlMs: t.sqlMs };
}

/** A native engine, its thread count and its memory as DuckDB counts it. */
export interface NativeEngine {
	engine: Engine;
	threads: number;
	/** DuckDB's own count of the memory it holds (buffer manager), in bytes. */
	memoryBytes(): Promise<number>;
	sqlMs(): number;
}

/**
 * Native DuckDB in memory with `threads` threads (0 = DuckDB's default: all cores), through the app's native adapter
 * (src/lib/engine/native.ts). Files are not registered: native DuckDB reads them from disk by path, which is what it
 * would do on a server.
 */
export async function startNative(threads: number): Promise<NativeEngine> {
	const t = timed(await nativeBackend({ threads }));
	const engine = await Engine.start(t.backend);
	const actual = await engine.scalar(`SELECT current_setting('threads')::INTEGER AS n`);
	return {
		engine,
		threads: actual,
		memoryBytes: () => engine.scalar(`SELECT sum(memory_usage_bytes)::DOUBLE AS n FROM duckdb_memory()`),
		sqlMs: t.sqlMs
	};
}
