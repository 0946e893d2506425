/**
 * Registers the app's service worker (src/service-worker.ts) in a built app, once the app has started and the person
 * has left the page alone for a moment.
 *
 * Why it waits: installing the worker precaches the app (the engine's 27 MB among it) and Chromium compiles every
 * precached script for its code cache on the worker's thread, about 0.3 s of a core. Registered the moment the data
 * was ready, that work ran beside the person's first click: on a 2-core machine the first district visit then had
 * 50-80 ms tasks instead of none (docs/performance.md, session 12). Registered while the data loads, it slowed the
 * load by 0.5 s. So it starts after QUIET_MS without input and without work in progress (engine statements, the import
 * worker's reading: a 1M-row import gives no input for seconds), in an idle period, or at once when the page is hidden.
 * It still reads the engine and the app's files from the HTTP cache (they were downloaded by then), not the network.
 */
import { dev } from '$app/environment';
import { onWorkDone, workInProgress } from '$lib/engine/work-gauge';

/** How long the page must go without input before the precache starts. */
const QUIET_MS = 3000;
/** Input that means the person is using the page (each one restarts the wait). */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'input', 'touchstart'] as const;

function register(): void {
	navigator.serviceWorker.register('/service-worker.js').catch((e: unknown) => {
		// Offline use is a bonus: the app works without it, so this is a warning, not an error.
		console.warn('service worker not registered:', e);
	});
}

/** Registers the service worker after {@link QUIET_MS} without input (see above); once per page. */
export function registerServiceWorkerWhenQuiet(): void {
	if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		clearTimeout(timer);
		for (const type of INPUT_EVENTS) window.removeEventListener(type, restart, true);
		document.removeEventListener('visibilitychange', onVisibility);
		stopWatchingWork();
		register();
	};
	// Quiet, and idle, and no work in progress: else the wait starts again when the work is over.
	const whenQuiet = () => (workInProgress() ? undefined : finish());
	const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(whenQuiet, { timeout: 1000 }) : whenQuiet());
	function restart() {
		clearTimeout(timer);
		timer = setTimeout(idle, QUIET_MS);
	}
	const stopWatchingWork = onWorkDone(restart);
	function onVisibility() {
		if (document.visibilityState === 'hidden') finish();
	}
	for (const type of INPUT_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
	document.addEventListener('visibilitychange', onVisibility);
	restart();
}
