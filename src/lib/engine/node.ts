/**
 * The engine in Node: duckdb-wasm's blocking Node build, the same wasm and DuckDB version as the browser.
 * Used by the tests and the command-line tools. (The async Node API needs a web-worker shim that crashes.)
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DuckDBBundles } from '@duckdb/duckdb-wasm/blocking';
import { Engine, type DuckBackend } from './engine';

function distDir(): string {
	const require = createRequire(import.meta.url);
	return dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
}

/** Starts a fresh in-memory engine. Each call is a separate database (tests rely on that for isolation). */
export async function startNodeEngine(): Promise<Engine> {
	// Imported here, not at the top: loading the package costs ~0.3 s, which `zhijia --engine native` never needs.
	const duckdb = await import('@duckdb/duckdb-wasm/blocking');
	const dist = distDir();
	const bundles: DuckDBBundles = {
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
	return Engine.start(backend);
}
