/**
 * The engine's worker started by index.html's first script (scripts/early-engine.mjs) on a visit served by the
 * app's service worker (docs/performance.md, "The engine's worker from the first script"). It waits until the
 * session tells it to begin (the app's scripts have run), then fetches, compiles and instantiates the 27 MB wasm on
 * its own (duckdb-worker-cached.js) while the page paints the start-up snapshot and loads the engine's own chunk;
 * browser.ts then adopts it, or starts its own worker (a first visit, vite dev, a retry).
 */

/** What index.html's first script leaves on `window`; `failure` holds an error the worker raised before anyone listened. */
export interface EarlyWorker {
	/** The wasm and DuckDB worker script it runs, as the page wrote them. */
	wasm: string;
	mainWorker: string;
	worker: Worker;
	failure: string | null;
}

/** Where index.html's first script leaves the worker it started. */
const PAGE_KEY = 'zhijiaEngineWorker';

/** The word duckdb-worker-cached.js waits for (the same text is there: that worker script imports nothing). */
const BEGIN = 'ZHIJIA_BEGIN';

const absolute = (url: string) => new URL(url, location.href).href;

/** The page's record of the worker index.html started, while not adopted. */
const page = () => globalThis as unknown as Record<string, EarlyWorker | undefined>;

/** Lets the early worker, if any, start the engine now (it does so anyway on duckdb-wasm's first message). */
export function beginEarlyEngine(): void {
	page()[PAGE_KEY]?.worker.postMessage({ type: BEGIN });
}

/**
 * The early worker if there is one and it runs `bundle` (handed over once), or null. A worker for another build
 * is stopped.
 */
export function adoptEarlyWorker(bundle: { mainModule: string; mainWorker: string }): EarlyWorker | null {
	const entry = page()[PAGE_KEY];
	if (!entry) return null;
	delete page()[PAGE_KEY];
	if (absolute(entry.wasm) === absolute(bundle.mainModule) && absolute(entry.mainWorker) === absolute(bundle.mainWorker)) return entry;
	entry.worker.terminate();
	return null;
}
