/**
 * The engine in the browser: AsyncDuckDB in a Web Worker, usually the one the app's first script started
 * (early-worker.ts). The wasm and worker files are the app's own (engine-files.ts): no CDN, no other origin.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { adoptEarlyWorker } from './early-worker';
import { EH_WASM, ENGINE_BUNDLES, engineWorkerUrl } from './engine-files';
import { Engine, type DuckBackend } from './engine';
import { EngineStartError } from './errors';
import { sharedPromise } from './shared-promise';
import { tableInSteps } from './ipc-steps';
import { numbersOrTable } from './ipc-numbers';

/** What the start-up screen shows while the engine loads. */
export interface StartProgress {
	phase: 'download' | 'instantiate' | 'ready';
	/** 0..1 while downloading the wasm, when the server says its size. */
	fraction: number | null;
}

/** Longer than a slow office connection needs for the 27 MB wasm, short enough that nobody waits forever. */
const START_TIMEOUT_MS = 120_000;

let progressListener: ((p: StartProgress) => void) | null = null;

async function startBrowserEngine(): Promise<Engine> {
	const report = (p: StartProgress) => progressListener?.(p);
	const bundle = await duckdb.selectBundle(ENGINE_BUNDLES);
	// A missing or blocked engine file fails inside the worker without settling instantiate(): a HEAD request
	// checks it, beside the worker's start rather than before it (one round trip less before the engine starts).
	const file = bundle.mainModule.split('/').pop() ?? '';
	const fileChecked = fetch(bundle.mainModule, { method: 'HEAD' }).then((head) => {
		if (!head.ok) throw new EngineStartError('engine_file', `The DuckDB engine file could not be loaded (HTTP ${head.status} ${file}).`, `HTTP ${head.status} ${file}`);
	});
	// On a visit after the first, the worker index.html's first script started (early-worker.ts), already busy.
	const files = { mainModule: bundle.mainModule, mainWorker: bundle.mainWorker! };
	const early = adoptEarlyWorker(files);
	const worker = early?.worker ?? new Worker(engineWorkerUrl(files));
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	report({ phase: 'download', fraction: 0 });
	// Anything else that breaks inside the worker may also leave instantiate() pending: listen for the
	// worker's own error and give up after a generous time limit. A missing engine file also makes the worker fail
	// (an early worker, before this page even asked), so its error is reported only once the file check passed.
	const failed = new Promise<never>((_, reject) => {
		const workerError = (message: string) => new EngineStartError('worker', `DuckDB worker failed: ${message || 'unknown error'}`, message);
		const fail = (message: string) => fileChecked.then(() => reject(workerError(message)), () => undefined);
		if (early?.failure != null) fail(early.failure);
		worker.addEventListener('error', (e) => fail(e.message));
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
	const runQuery = (sql: string) => conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql));
	const backend: DuckBackend = {
		label: `duckdb-wasm ${duckdb.PACKAGE_VERSION} (${bundle.mainModule === EH_WASM ? 'eh' : 'mvp'}, browser worker)`,
		// The result's bytes, read into a Table in short tasks (ipc-steps.ts) instead of in the message's task.
		query: async (sql) => tableInSteps(await runQuery(sql)),
		queryNumbers: async (sql) => numbersOrTable(await runQuery(sql)),
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
