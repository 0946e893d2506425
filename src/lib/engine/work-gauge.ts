/**
 * Work in progress in this page: engine statements queued or running, and the import worker's requests. Work that can
 * wait for it, the service worker's precache (src/lib/app/service-worker.ts), starts only once it is over: installed
 * during a 1M-row import, the precache took 0.8 s of a core on the service worker's thread beside the import's two
 * busy threads, on a 2-core machine (docs/performance.md, session 44).
 */
let running = 0;
const listeners = new Set<() => void>();

/** Counts `work` as in progress until it settles; returns it. */
export function tracked<T>(work: Promise<T>): Promise<T> {
	running++;
	const done = () => {
		running--;
		if (running === 0) for (const listener of [...listeners]) listener();
	};
	work.then(done, done);
	return work;
}

/** Whether any tracked work is in progress. */
export function workInProgress(): boolean {
	return running > 0;
}

/** Calls `listener` each time the last work in progress settles; returns the unsubscribe. */
export function onWorkDone(listener: () => void): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}
