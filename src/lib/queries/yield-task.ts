/**
 * Ends the current task so the browser can paint and handle input before the next step of a long computation.
 * `setTimeout(0)` waits at least 1 ms in Node and 4 ms in browsers once timers nest (each step schedules the next),
 * which a cold analysis with a dozen steps paid in full; `scheduler.yield()` where the browser has it, otherwise a
 * MessageChannel message, yields without that floor.
 */
export function yieldTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

/**
 * Runs a generator's steps to its result, ending the task between two steps once the task has run `budgetMs`:
 * a warm run stays in one task, a cold one (code not yet optimised, several times slower) is spread over a few.
 * The default leaves a city's warm fit (5-12 ms in Chromium) whole, so a weight change never waits for a yield.
 */
export async function runSteps<T>(steps: Generator<unknown, T, void>, budgetMs = 20): Promise<T> {
	let start = performance.now();
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
		if (performance.now() - start >= budgetMs) {
			await yieldTask();
			start = performance.now();
		}
	}
}
