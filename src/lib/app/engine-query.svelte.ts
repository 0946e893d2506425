/**
 * "Run this against the engine when the data or settings change, drop stale results, show errors", written once.
 * A page keeps one EngineQuery per thing it loads: `value` is the newest result that was not overtaken, `error`
 * the newest failure (the last good value stays on screen beside it), `running` whether the newest run is pending.
 * A run that a newer run overtakes, or that is still pending when the page goes, is dropped: its result and its
 * error are ignored and its AbortSignal fires, so work not yet started (a query after a pause) never starts.
 */

import { untrack } from 'svelte';

/** The work of one run; `signal` fires when the run is overtaken or dropped. */
export type QueryLoad<T> = (signal: AbortSignal) => Promise<T>;

export class EngineQuery<T> {
	value = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	running = $state(false);
	#run = 0;
	#abort: AbortController | null = null;

	/** Starts a run, overtaking the one in flight; resolves when this run has settled (never rejects). */
	run(load: QueryLoad<T>): Promise<void> {
		this.#abort?.abort();
		const abort = new AbortController();
		this.#abort = abort;
		const id = ++this.#run;
		const current = () => id === this.#run;
		this.running = true;
		let work: Promise<T>;
		try {
			work = load(abort.signal);
		} catch (e) {
			work = Promise.reject(e);
		}
		return work.then(
			(v) => {
				if (!current()) return;
				this.value = v;
				this.error = null;
				this.running = false;
			},
			(e: unknown) => {
				if (!current()) return;
				this.error = e instanceof Error ? e.message : String(e);
				this.running = false;
			}
		);
	}

	/** Sets a result at once (nothing to load), overtaking any run in flight. */
	set(value: T): void {
		this.drop();
		this.value = value;
		this.error = null;
	}

	/** Drops the run in flight (its result will be ignored) and stops showing it as running. */
	drop(): void {
		this.#abort?.abort();
		this.#abort = null;
		this.#run++;
		this.running = false;
	}
}

/**
 * In a component's setup: a query that runs now and again whenever anything `start` reads changes. `start` reads
 * its inputs (the data version, the settings) synchronously, so they are tracked, and returns the work to run with
 * them, or null for nothing to load (the last value stays).
 */
export function liveQuery<T>(start: () => QueryLoad<T> | null): EngineQuery<T> {
	const query = new EngineQuery<T>();
	follow(query, start);
	return query;
}

/**
 * {@link liveQuery} for a query that already exists (a page model's). Only what `start` reads is followed: the
 * load's own first steps run untracked, so state it happens to read (or write) never restarts the query.
 */
export function follow<T>(query: EngineQuery<T>, start: () => QueryLoad<T> | null): void {
	$effect(() => {
		const load = start();
		if (load === null) return;
		untrack(() => void query.run(load));
		return () => query.drop();
	});
}

/** Waits `ms`, or rejects at once with an AbortError when `signal` fires (so the work after it never starts). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal.aborted) return reject(new DOMException('dropped', 'AbortError'));
		const timer = setTimeout(resolve, ms);
		signal.addEventListener('abort', () => {
			clearTimeout(timer);
			reject(new DOMException('dropped', 'AbortError'));
		});
	});
}
