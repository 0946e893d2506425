/**
 * The page's session: the engine starting, the sample district loading, then ready (or a clear error).
 * Components only read this state; the work lives in the engine and workspace modules.
 */
import { afterNextPaint } from './after-paint';
import type { StartProgress } from '$lib/engine/browser';
import type { Engine } from '$lib/engine/engine';
import { EngineStartError } from '$lib/engine/errors';
import { beginEarlyEngine } from '$lib/engine/early-worker';
import { sampleFileUrl } from '$lib/workspace/sample-urls';
import { SAMPLE_FILES } from '$lib/data/datasets';
import { registerServiceWorkerWhenQuiet } from './service-worker';
import { loadStartSnapshots } from '../snapshot/snapshots.svelte';
import { bytesOf } from '$lib/workspace/read-bytes';

export type SessionStatus = 'starting' | 'loading-data' | 'ready' | 'error';

export const session = $state<{
	status: SessionStatus;
	progress: StartProgress | null;
	error: { message: string; detail: string; code: string | null; param: string } | null;
	/** Bumped whenever tables change, so views re-query. */
	version: number;
	engineLabel: string;
}>({ status: 'starting', progress: null, error: null, version: 0, engineLabel: '' });

let engine: Engine | null = null;

/** The started engine; only call once the session is ready. */
export function currentEngine(): Engine {
	if (!engine) throw new Error('The engine is not ready yet.');
	return engine;
}

/**
 * Reads a sample district file from the app (also used to reset the workspace) as bytes: the loader hands them to
 * DuckDB's worker in chunks, with no decoding or encoding on the main thread.
 */
export async function fetchSample(file: string): Promise<Uint8Array> {
	const res = await fetch(sampleFileUrl(file));
	if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
	return bytesOf(res);
}

/** Tells every view that the tables changed, so they query again. */
export function tablesChanged(): void {
	session.version++;
}

/** Starts the engine and rebuilds the workspace (the sample district on first start); safe to call again after a failure. */
export async function startSession(): Promise<void> {
	session.status = 'starting';
	session.error = null;
	try {
		performance.mark('zhijia:start');
		// A visit after the first has the engine's worker already (early-worker.ts): it starts the engine now, beside
		// the snapshot and the engine's chunk. Told sooner, its compile slowed the app's own scripts.
		beginEarlyEngine();
		// The start-up snapshot first (src/lib/snapshot): compiling the engine takes every core for seconds, the
		// snapshot needs one for a moment (an IndexedDB read, a hash, one render). Waited for at most 300 ms.
		const shown = await Promise.race([loadStartSnapshots(), new Promise<boolean>((r) => setTimeout(() => r(false), 300))]);
		// The snapshot painted first: the requests below cost the main thread ~20-50 ms, which the paint waited for.
		if (shown) await new Promise<void>((r) => afterNextPaint(r));
		// Then the sample files, while the engine instantiates: both take about a second and neither needs the other.
		// Not before the snapshot: on a first visit their eight requests took the browser's connections to the app
		// and the build's snapshot waited behind them (docs/performance.md, session 15).
		const files = new Map(SAMPLE_FILES.map((f) => [f.file, fetchSample(f.file)]));
		for (const p of files.values()) p.catch(() => undefined); // reported when awaited below
		// The engine's glue (with Arrow) and the workspace's import pipeline (zod's schemas, hyparquet, the checks) are
		// their own chunks, loaded once the snapshot is painted: run on arrival, they delayed it by 0.1-0.3 s.
		const engineModule = import('$lib/engine/browser');
		const workspaceModule = import('$lib/workspace/workspace.svelte');
		workspaceModule.catch(() => undefined); // reported when awaited below
		const e = await (await engineModule).browserEngine((p) => (session.progress = p));
		performance.mark('zhijia:engine-ready');
		session.engineLabel = e.label;
		session.status = 'loading-data';
		await (await workspaceModule).restoreWorkspace(e, (file) => files.get(file) ?? fetchSample(file));
		performance.mark('zhijia:data-ready');
		registerServiceWorkerWhenQuiet();
		engine = e;
		session.status = 'ready';
		session.version++;
	} catch (err) {
		const e = err instanceof Error ? err : new Error(String(err));
		console.error(e);
		const coded = e instanceof EngineStartError ? e : null;
		session.error = { message: e.message.split('\n')[0], detail: e.stack ?? e.message, code: coded?.code ?? null, param: coded?.detail ?? '' };
		session.status = 'error';
	}
}
