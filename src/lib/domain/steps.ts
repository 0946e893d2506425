/**
 * Runs a generator of steps (pure domain code that a page runs in tasks, see queries/yield-task.ts) to its result in
 * one go, for callers that do not need the pauses.
 */
export function runAllSteps<T>(steps: Generator<unknown, T, void>): T {
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}
