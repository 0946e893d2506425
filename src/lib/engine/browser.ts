/**
 * The engine in the browser: AsyncDuckDB in a Web Worker. The wasm and worker files come from the npm
 * package through Vite `?url` imports, so they are served by the app itself: no CDN, no other origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import cachedWorker from './duckdb-worker-cached.js?url';
import { Engine, type DuckBackend } from './engine';
import { EngineStartError } from './errors';
import { sharedPromise } from './shared-promise';

/** What the start-up screen shows while the engine loads. */
export interface StartProgress {
	phase: 'download' | 'instantiate' | 'ready';
	/** 0..1 while downloading the wasm, when the server says its size. */
	fraction: number | null;
}

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** Longer than a slow office connection needs for the 34 MB wasm, short enough that nobody waits forever. */
const START_TIMEOUT_MS = 120_000;

let progressListener: ((p: StartProgress) => void) | null = null;

async function startBrowserEngine(): Promise<Engine> {
	const report = (p: StartProgress) => progressListener?.(p);
	const bundle = await duckdb.selectBundle(BUNDLES);
	// A missing or blocked engine file fails inside the worker without settling instantiate(): a HEAD request
	// checks it, beside the worker's start rather than before it (one round trip less before the engine starts).
	const file = bundle.mainModule.split('/').pop() ?? '';
	const fileChecked = fetch(bundle.mainModule, { method: 'HEAD' }).then((head) => {
		if (!head.ok) throw new EngineStartError('engine_file', `The DuckDB engine file could not be loaded (HTTP ${head.status} ${file}).`, `HTTP ${head.status} ${file}`);
	});
	// Through a wrapper that lets Chromium keep the compiled engine across visits (see duckdb-worker-cached.js).
	const worker = new Worker(`${cachedWorker}?worker=${encodeURIComponent(bundle.mainWorker!)}`);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	report({ phase: 'download', fraction: 0 });
	// Anything else that breaks inside the worker may also leave instantiate() pending: listen for the
	// worker's own error and give up after a generous time limit.
	const failed = new Promise<never>((_, reject) => {
		worker.addEventListener('error', (e) => reject(new EngineStartError('worker', `DuckDB worker failed: ${e.message || 'unknown error'}`, e.message)));
		setTimeout(() => reject(new EngineStartError('timeout', `DuckDB did not start within ${START_TIMEOUT_MS / 1000} s.`, String(START_TIMEOUT_MS / 1000))), START_TIMEOUT_MS);
	});
	try {
		const instantiated = db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) => {
			const total = p.bytesTotal || 0;
			report({ phase: total > 0 && p.bytesLoaded >= total ? 'instantiate' : 'download', fraction: total > 0 ? p.bytesLoaded / total : null });
		});
		instantiated.catch(() => undefined); // a failed file check is the error to report
		await Promise.race([fileChecked.then(() => instantiated), failed]);
	} catch (e) {
		worker.terminate();
		throw e;
	}
	performance.mark('zhijia:engine-instantiated');
	report({ phase: 'instantiate', fraction: 1 });
	const conn = await db.connect();
	const backend: DuckBackend = {
		label: `duckdb-wasm ${duckdb.PACKAGE_VERSION} (${bundle.mainModule === ehWasm ? 'eh' : 'mvp'}, browser worker)`,
		query: (sql) => conn.query(sql),
		registerFileText: (name, text) => db.registerFileText(name, text),
		registerFileBuffer: (name, buffer) => db.registerFileBuffer(name, buffer),
		dropFile: async (name) => {
			await db.dropFile(name);
		},
		insertArrowIPC: (ipc, options) => conn.insertArrowFromIPCStream(ipc, options),
		close: async () => {
			await conn.close();
			await db.terminate();
		}
	};
	const engine = await Engine.start(backend);
	report({ phase: 'ready', fraction: 1 });
	return engine;
}

const shared = sharedPromise(startBrowserEngine);

/** The page's one engine: started on first use, shared by every caller after that. */
export function browserEngine(onProgress?: (p: StartProgress) => void): Promise<Engine> {
	if (onProgress) progressListener = onProgress;
	return shared.get();
}
