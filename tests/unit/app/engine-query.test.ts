/**
 * The one "run against the engine, drop stale results, show errors" of the pages, with plain promises settled by
 * hand in the order a slow engine would settle them. (liveQuery, the effect that starts the runs, needs the
 * browser's Svelte runtime: the browser tests of the pages that use it exercise it.)
 */
import { describe, expect, it } from 'vitest';
import { EngineQuery, pause } from '../../../src/lib/app/engine-query.svelte';

/** A promise settled from outside. */
function deferred<T>() {
	let resolve!: (v: T) => void;
	let reject!: (e: unknown) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

describe('EngineQuery', () => {
	it('keeps the newest run when an older one settles after it', async () => {
		const q = new EngineQuery<string>();
		const first = deferred<string>();
		const second = deferred<string>();
		const a = q.run(() => first.promise);
		const b = q.run(() => second.promise);
		expect(q.running).toBe(true);
		second.resolve('new');
		await b;
		expect(q.value).toBe('new');
		expect(q.running).toBe(false);
		first.resolve('old');
		await a;
		expect(q.value).toBe('new');
	});

	it('ignores the error of an overtaken run, and shows the error of the newest beside the last good value', async () => {
		const q = new EngineQuery<number>();
		await q.run(() => Promise.resolve(1));
		const stale = deferred<number>();
		const a = q.run(() => stale.promise);
		const b = q.run(() => Promise.reject(new Error('table fees: no such column fee_unit')));
		await b;
		expect(q.error).toBe('table fees: no such column fee_unit');
		expect(q.value).toBe(1);
		stale.reject(new Error('old failure'));
		await a;
		expect(q.error).toBe('table fees: no such column fee_unit');
		// The next success clears the error.
		await q.run(() => Promise.resolve(2));
		expect([q.value, q.error]).toEqual([2, null]);
	});

	it('turns a load that throws at once into an error, not an exception', async () => {
		const q = new EngineQuery<number>();
		await q.run(() => {
			throw new Error('The engine is not ready yet.');
		});
		expect(q.error).toBe('The engine is not ready yet.');
		expect(q.running).toBe(false);
	});

	it('drops the run in flight: its result is ignored and its signal fires', async () => {
		const q = new EngineQuery<string>();
		const d = deferred<string>();
		let signal: AbortSignal | null = null;
		const run = q.run((s) => {
			signal = s;
			return d.promise;
		});
		q.drop();
		expect(q.running).toBe(false);
		expect(signal!.aborted).toBe(true);
		d.resolve('late');
		await run;
		expect(q.value).toBeNull();
	});

	it('set() gives a value at once and overtakes a run in flight', async () => {
		const q = new EngineQuery<string[]>();
		const d = deferred<string[]>();
		const run = q.run(() => d.promise);
		q.set([]);
		d.resolve(['late']);
		await run;
		expect(q.value).toEqual([]);
	});
});

describe('pause', () => {
	it('never lets the work after it start once the run is overtaken', async () => {
		const q = new EngineQuery<string>();
		const started: string[] = [];
		const slow = (name: string) => (signal: AbortSignal) =>
			pause(20, signal).then(() => {
				started.push(name);
				return name;
			});
		const a = q.run(slow('first'));
		const b = q.run(slow('second'));
		await Promise.all([a, b]);
		expect(started).toEqual(['second']);
		expect(q.value).toBe('second');
		expect(q.error).toBeNull();
	});
});
