/**
 * The URL the engine's worker is started from: the wrapper (duckdb-worker-cached.js) told DuckDB's worker script
 * and the wasm in its query. One function for the app (engine-files.ts) and the service worker, which keeps a copy
 * of the wrapper under exactly this URL so a second visit can start the engine without it
 * (src/lib/app/offline-routes.ts). index.html's first script writes the same URL (scripts/early-engine.mjs).
 */
export function workerUrl(wrapper: string, bundle: { mainModule: string; mainWorker: string }): string {
	return `${wrapper}?worker=${encodeURIComponent(bundle.mainWorker)}&wasm=${encodeURIComponent(bundle.mainModule)}`;
}
