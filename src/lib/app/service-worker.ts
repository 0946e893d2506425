/**
 * Registers the app's service worker (src/service-worker.ts) in a built app. Called once the app has started:
 * the worker's precache then reads the engine and the app's files from the HTTP cache instead of downloading
 * them a second time while the first start still needs the network.
 */
import { dev } from '$app/environment';

export function registerServiceWorker(): void {
	if (dev || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register('/service-worker.js').catch((e: unknown) => {
		// Offline use is a bonus: the app works without it, so this is a warning, not an error.
		console.warn('service worker not registered:', e);
	});
}
