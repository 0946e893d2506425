/**
 * The engines the bench drives in Node, all behind the app's own {@link Engine} class so the app's queries run on
 * each unchanged:
 * - the app's wasm engine, started exactly as src/lib/engine/node.ts does, plus access to the wasm heap size;
 * - native DuckDB (@duckdb/node-api) with a chosen thread count, through the app's native adapter
 *   (src/lib/engine/native.ts, the one `zhijia analyze --engine native` uses).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { Engine, type DuckBackend } from '../src/lib/engine/engine';
import { nativeBackend } from '../src/lib/engine/native';

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
	const query = backend.query;
	return {
		backend: {
			...backend,
			query: async (sql) => {
				const t0 = performance.now();
				try {
					return await query(sql);
				} finally {
					total += performance.now() - t0;
				}
			}
		},
		sqlMs: () => total
	};
}

/**
 * The app's Node engine (the same bundles, runtime and backend as startNodeEngine in src/lib/engine/node.ts), kept
 * here only because the bench also reads the wasm heap size, which startNodeEngine does not expose.
 */
export async function startWasm(): Promise<WasmEngine> {
	const require = createRequire(import.meta.url);
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	const bundles: duckdb.DuckDBBundles = {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	const conn = db.connect();
	const backend: DuckBackend = {
		label: `duckdb-wasm ${duckdb.PACKAGE_VERSION} (Node, blocking)`,
		query: async (sql) => conn.query(sql),
		registerFileText: async (name, text) => db.registerFileText(name, text),
		registerFileBuffer: async (name, buffer) => db.registerFileBuffer(name, buffer),
		dropFile: async (name) => db.dropFile(name),
		insertArrowIPC: async (ipc, options) => conn.insertArrowFromIPCStream(ipc, options),
		close: async () => {
			conn.close();
			db.reset();
		}
	};
	// The emscripten module is the bindings' `mod`; its HEAPU8 views the whole linear memory.
	const mod = (db as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
	const t = timed(backend);
	return { engine: await Engine.start(t.backend), heapBytes: () => mod.HEAPU8.buffer.byteLength, sqlMs: t.sqlMs };
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
