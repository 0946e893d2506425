/**
 * The engine's worker started before the app's own scripts run, instead of after the start-up snapshot is painted
 * (docs/performance.md, "The engine's worker from the first script"): the worker loads DuckDB's glue, fetches,
 * compiles and instantiates the 34 MB wasm on its own threads while the page starts and paints
 * (duckdb-worker-cached.js). In the built app index.html's first script starts it (scripts/early-engine.mjs);
 * otherwise (vite dev) the client hook does. browser.ts adopts it when the session starts the engine.
 */
import { ENGINE_BUNDLES, engineWorkerUrl } from './engine-files';

/** A worker started early and not yet adopted; `failure` holds an error it raised before anyone listened. */
export interface EarlyWorker {
	/** The wasm and DuckDB worker script it runs, as the page wrote them. */
	wasm: string;
	mainWorker: string;
	worker: Worker;
	failure: string | null;
}

/** Where index.html's first script leaves the worker it started. */
const PAGE_KEY = 'zhijiaEngineWorker';

let early: EarlyWorker | null = null;

/**
 * Takes the worker index.html started, or starts the worker of the `eh` build (the one duckdb-wasm's bundle choice
 * gives every browser with wasm exceptions; browser.ts checks the choice before it adopts it). Does nothing outside
 * a browser or if already done.
 */
export function startEngineWorkerEarly(): void {
	if (early !== null || typeof Worker === 'undefined') return;
	const page = globalThis as unknown as Record<string, EarlyWorker | undefined>;
	const started = page[PAGE_KEY];
	if (started) {
		delete page[PAGE_KEY];
		early = started;
		return;
	}
	const { mainModule, mainWorker } = ENGINE_BUNDLES.eh;
	const entry: EarlyWorker = { wasm: mainModule, mainWorker, worker: new Worker(engineWorkerUrl(ENGINE_BUNDLES.eh)), failure: null };
	// An error raised before browser.ts listens would otherwise be lost, and the engine's start would wait for its timeout.
	entry.worker.addEventListener('error', (e) => (entry.failure ??= e.message || 'unknown error'));
	early = entry;
	performance.mark('zhijia:engine-worker'); // read by the bench: when the engine's start began
}

const absolute = (url: string) => new URL(url, location.href).href;

/**
 * The early worker if it runs `bundle` (then it is handed over once: a retry after a failure starts a new one),
 * or null. A worker for another build is stopped.
 */
export function adoptEarlyWorker(bundle: { mainModule: string; mainWorker: string }): EarlyWorker | null {
	startEngineWorkerEarly(); // index.html's worker, if the client hook has not taken it yet
	const entry = early;
	early = null;
	if (entry === null) return null;
	if (absolute(entry.wasm) === absolute(bundle.mainModule) && absolute(entry.mainWorker) === absolute(bundle.mainWorker)) return entry;
	entry.worker.terminate();
	return null;
}
