/**
 * When the app registers its service worker (src/lib/app/service-worker.ts): after 3 s without input and without work
 * in progress (src/lib/engine/work-gauge.ts), so the precache never runs beside a person's clicks or a long import. The
 * browser test service-worker-quiet.test.ts shows the input half in Chromium; here the clock is the test's, so an
 * import of any length can be stood in for by a promise that settles when the test says.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('$app/environment', () => ({ dev: false }));

const register = vi.fn(() => Promise.resolve());

beforeEach(() => {
	vi.useFakeTimers();
	register.mockClear();
	vi.stubGlobal('window', new EventTarget());
	vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
	vi.stubGlobal('navigator', { serviceWorker: { register } });
	vi.stubGlobal('requestIdleCallback', undefined);
	vi.resetModules();
});
afterEach(() => {
	vi.useRealTimers();
	vi.unstubAllGlobals();
});

/** The modules as a page loads them: one gauge shared by the engine and the registration. */
async function load() {
	const gauge = await import('../../../src/lib/engine/work-gauge');
	const { registerServiceWorkerWhenQuiet } = await import('../../../src/lib/app/service-worker');
	return { gauge, registerServiceWorkerWhenQuiet };
}

/** A promise the test settles. */
function work() {
	let settle!: () => void;
	const promise = new Promise<void>((resolve) => (settle = resolve));
	return { promise, settle };
}

describe('the service worker waits for quiet', () => {
	it('registers 3 s after the last input', async () => {
		const { registerServiceWorkerWhenQuiet } = await load();
		registerServiceWorkerWhenQuiet();
		await vi.advanceTimersByTimeAsync(2_000);
		window.dispatchEvent(new Event('keydown'));
		await vi.advanceTimersByTimeAsync(2_900);
		expect(register).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(200);
		expect(register).toHaveBeenCalledTimes(1);
		expect(register).toHaveBeenCalledWith('/service-worker.js');
	});

	it('does not register while work is in progress, however long without input, and registers 3 s after it ends', async () => {
		const { gauge, registerServiceWorkerWhenQuiet } = await load();
		registerServiceWorkerWhenQuiet();
		const importing = work();
		gauge.tracked(importing.promise);
		expect(gauge.workInProgress()).toBe(true);
		await vi.advanceTimersByTimeAsync(20_000);
		expect(register).not.toHaveBeenCalled();
		// Two statements one after another: still in progress until the second ends.
		const second = work();
		gauge.tracked(second.promise);
		importing.settle();
		await vi.advanceTimersByTimeAsync(5_000);
		expect(register).not.toHaveBeenCalled();
		second.settle();
		await vi.advanceTimersByTimeAsync(2_900);
		expect(gauge.workInProgress()).toBe(false);
		expect(register).not.toHaveBeenCalled();
		await vi.advanceTimersByTimeAsync(200);
		expect(register).toHaveBeenCalledTimes(1);
		// Once per page.
		gauge.tracked(Promise.reject(new Error('a failed statement counts as ended'))).catch(() => undefined);
		await vi.advanceTimersByTimeAsync(10_000);
		expect(register).toHaveBeenCalledTimes(1);
	});

	it('a failed piece of work ends like any other; a hidden page registers at once', async () => {
		const { gauge, registerServiceWorkerWhenQuiet } = await load();
		registerServiceWorkerWhenQuiet();
		const failing = gauge.tracked(Promise.reject(new Error('no such table')));
		await expect(failing).rejects.toThrow('no such table');
		await vi.advanceTimersByTimeAsync(3_100);
		expect(register).toHaveBeenCalledTimes(1);

		vi.resetModules();
		register.mockClear();
		const again = await load();
		again.registerServiceWorkerWhenQuiet();
		again.gauge.tracked(work().promise);
		(document as unknown as { visibilityState: string }).visibilityState = 'hidden';
		document.dispatchEvent(new Event('visibilitychange'));
		expect(register).toHaveBeenCalledTimes(1);
	});
});
