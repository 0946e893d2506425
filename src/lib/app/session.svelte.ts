/**
 * The page's session: the engine starting, the sample district loading, then ready (or a clear error).
 * Components only read this state; the work lives in the engine and workspace modules.
 */
import { onStartProgress, type StartProgress } from '$lib/engine/browser';
import type { Engine } from '$lib/engine/engine';
import { EngineStartError } from '$lib/engine/errors';
import { restoreWorkspace } from '$lib/workspace/workspace.svelte';
import { fetchSample, takeStart } from './start';

export { fetchSample };

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

/** Tells every view that the tables changed, so they query again. */
export function tablesChanged(): void {
	session.version++;
}

/** Starts the engine and rebuilds the workspace (the sample district on first start); safe to call again after a failure. */
export async function startSession(): Promise<void> {
	session.status = 'starting';
	session.error = null;
	try {
		onStartProgress((p) => (session.progress = p));
		const { engine: starting, files } = takeStart();
		const e = await starting;
		performance.mark('zhijia:engine-ready');
		session.engineLabel = e.label;
		session.status = 'loading-data';
		await restoreWorkspace(e, (file) => files.get(file) ?? fetchSample(file));
		performance.mark('zhijia:data-ready');
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
