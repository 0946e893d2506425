/**
 * The engine in Node: duckdb-wasm's blocking Node build, the same wasm and DuckDB version as the browser.
 * Used by the tests and the command-line tools. (The async Node API needs a web-worker shim that crashes.)
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { DuckDBBundles } from '@duckdb/duckdb-wasm/blocking';
import { Engine, type DuckBackend } from './engine';
import { compileEngineModule, duckdbDistDir, engineModulePath, patchedDir } from './node-module';

type DuckdbBlocking = typeof import('@duckdb/duckdb-wasm/blocking');

const require = createRequire(import.meta.url);

/**
 * The Node engine's files: the eh module is the one scripts/wasm-exports.mjs wrote (the browser loads the same one);
 * the mvp module, which Node never picks (its V8 has wasm exceptions), is the package's.
 */
export function nodeEngineBundles(): DuckDBBundles {
	const dist = duckdbDistDir();
	const eh = engineModulePath();
	return {
		mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: eh, mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') }
	};
}

/**
 * The package's blocking build with its Emscripten glue patched to link in a fraction of the time (written by
 * scripts/duckdb-glue.mjs on `npm ci`, beside the package). Loaded with require(): an ESM import of this 1.3 MB
 * CommonJS file would first scan all of it for export names.
 */
function loadDuckdb(): DuckdbBlocking {
	const file = join(patchedDir(), 'duckdb-node-blocking.cjs');
	if (!existsSync(file)) throw new Error(`The patched duckdb-wasm glue is missing (${file}). Run \`node scripts/duckdb-glue.mjs\` (or \`npm ci\`) first.`);
	return require(file) as DuckdbBlocking;
}

/** The package's Node bindings, as far as {@link instantiateFromCompiled} reaches into them. */
interface NodeBindings {
	mainModulePath: string;
	_runtime: object;
	instantiateWasm(imports: WebAssembly.Imports, done: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void): unknown[];
}

/**
 * Makes the bindings instantiate the process's compiled module (node-module.ts) instead of reading and compiling the
 * file again. The package's own `instantiateWasm` (duckdb-wasm 1.32.0's Node bindings) publishes the runtime's
 * functions as `globalThis.DUCKDB_RUNTIME`, which the glue calls, then reads the file and instantiates it; this does
 * the same with the module already compiled. Only for the eh module: the mvp one is never picked in Node.
 */
function instantiateFromCompiled(db: unknown, bundles: DuckDBBundles): void {
	const b = db as NodeBindings;
	const eh = bundles.eh?.mainModule;
	if (typeof b.instantiateWasm !== 'function' || typeof b._runtime !== 'object' || b.mainModulePath !== eh) return;
	const own = b.instantiateWasm.bind(b);
	b.instantiateWasm = (imports, done) => {
		const runtime: Record<string, unknown> = {};
		for (const name of Object.getOwnPropertyNames(b._runtime)) {
			if (name !== 'constructor') runtime[name] = Object.getOwnPropertyDescriptor(b._runtime, name)?.value;
		}
		(globalThis as { DUCKDB_RUNTIME?: unknown }).DUCKDB_RUNTIME = runtime;
		// A module that did not compile or instantiate here goes the package's own way, which reports its error as before.
		void compileEngineModule(eh)
			.then(async (module) => ({ module, instance: await WebAssembly.instantiate(module, imports) }))
			.then(
				({ module, instance }) => done(instance, module),
				() => own(imports, done)
			);
		return [];
	};
}

/** The Node engine's backend, and the size of its wasm linear memory (the bench reports it). */
export interface NodeDuckdb {
	backend: DuckBackend;
	/** Bytes of the wasm linear memory (it grows and never shrinks). */
	heapBytes(): number;
}

/** A fresh in-memory DuckDB-wasm instance behind the engine's backend interface. */
export async function openNodeDuckdb(): Promise<NodeDuckdb> {
	// Loaded here, not at the top: loading the package costs ~0.3 s, which `zhijia --engine native` never needs.
	const duckdb = loadDuckdb();
	const bundles = nodeEngineBundles();
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	instantiateFromCompiled(db, bundles);
	await db.instantiate();
	const conn = db.connect();
	const backend: DuckBackend = {
		label: `duckdb-wasm ${duckdb.PACKAGE_VERSION} (Node, blocking)`,
		query: async (sql) => conn.query(sql),
		// Imported on first use, like the glue: `zhijia analyze` loads this module statically, and Arrow's code only
		// when the wasm engine runs a query.
		queryNumbers: async (sql) => (await import('./ipc-numbers')).numbersOrTable(conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))),
		registerFileText: async (name, text) => db.registerFileText(name, text),
		registerFileBuffer: async (name, buffer) => db.registerFileBuffer(name, buffer),
		dropFile: async (name) => db.dropFile(name),
		insertArrowIPC: async (ipc, options) => conn.insertArrowFromIPCStream(ipc, options),
		close: async () => {
			conn.close();
			db.reset();
		}
	};
	// The Emscripten module is the bindings' `mod`; its HEAPU8 views the whole linear memory.
	const mod = (db as unknown as { mod: { HEAPU8: Uint8Array } }).mod;
	return { backend, heapBytes: () => mod.HEAPU8.buffer.byteLength };
}

/** Starts a fresh in-memory engine. Each call is a separate database (tests rely on that for isolation). */
export async function startNodeEngine(): Promise<Engine> {
	return Engine.start((await openNodeDuckdb()).backend);
}
