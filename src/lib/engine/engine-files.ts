/**
 * The engine's files. They come from the npm package through Vite `?url` imports, so the app serves them itself:
 * no CDN, no other origin. The two DuckDB workers are resolved to copies whose glue links faster
 * (scripts/duckdb-glue.mjs).
 */
import type { DuckDBBundles } from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import cachedWorker from './duckdb-worker-cached.js?url';
import { workerUrl } from './worker-url';

/** The two builds: `eh` for browsers with wasm exceptions (every current one), `mvp` for the rest. */
export const ENGINE_BUNDLES = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
} satisfies DuckDBBundles;

/** The wasm file of the build most browsers run, for the start-up's file check. */
export const EH_WASM = ehWasm;

/**
 * The URL to start a build's worker from: DuckDB's worker behind the wrapper that lets Chromium keep the compiled
 * engine (duckdb-worker-cached.js), told the wasm file too so it starts fetching and compiling it at once.
 */
export function engineWorkerUrl(bundle: { mainModule: string; mainWorker: string }): string {
	return workerUrl(cachedWorker, bundle);
}
