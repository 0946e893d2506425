/**
 * Lazily starts something once, however many callers ask, and lets a failed start be retried.
 * States: idle → pending → resolved | rejected (→ idle again on reset or on the next call after a failure).
 */
export function sharedPromise<T>(start: () => Promise<T>): { get(): Promise<T>; reset(): void } {
	let pending: Promise<T> | null = null;
	return {
		get() {
			if (!pending) {
				pending = start();
				// A failed start must not poison every later call: forget it so the next get() tries again.
				pending.catch(() => {
					pending = null;
				});
			}
			return pending;
		},
		reset() {
			pending = null;
		}
	};
}
