/**
 * The engine in Node: duckdb-wasm's blocking Node build, the same wasm and DuckDB version as the browser.
 * Used by the tests and the command-line tools. (The async Node API needs a web-worker shim that crashes.)
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { DuckDBBundles } from '@duckdb/duckdb-wasm/blocking';
import { Engine, type DuckBackend } from './engine';

type DuckdbBlocking = typeof import('@duckdb/duckdb-wasm/blocking');

const require = createRequire(import.meta.url);

function distDir(): string {
	return dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
}

/**
 * The package's blocking build with its Emscripten glue patched to link in a fraction of the time (written by
 * scripts/duckdb-glue.mjs on `npm ci`, beside the package). Loaded with require(): an ESM import of this 1.3 MB
 * CommonJS file would first scan all of it for export names.
 */
function loadDuckdb(): DuckdbBlocking {
	const file = resolve(distDir(), '../../../.cache/zhijia-duckdb-glue/duckdb-node-blocking.cjs');
	if (!existsSync(file)) throw new Error(`The patched duckdb-wasm glue is missing (${file}). Run \`node scripts/duckdb-glue.mjs\` (or \`npm ci\`) first.`);
	return require(file) as DuckdbBlocking;
}

/** Starts a fresh in-memory engine. Each call is a separate database (tests rely on that for isolation). */
export async function startNodeEngine(): Promise<Engine> {
	// Loaded here, not at the top: loading the package costs ~0.3 s, which `zhijia --engine native` never needs.
	const duckdb = loadDuckdb();
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
