/**
 * What a second visit reads without starting the service worker (src/service-worker.ts), through the static
 * routing API (Chromium 123+): the browser answers these requests from the app's cache itself.
 *
 * Why: on a second visit every request of the page went to the worker's fetch handler, so the worker had to start
 * first and then look up each of some 40 files in its one thread, beside the page's own work on a 2-core machine.
 * That put 0.15-0.25 s before the first chart and the engine (docs/performance.md, session 15). Browsers without
 * the API keep using the fetch handler, which serves the same files the same way.
 */
import { workerUrl } from '../engine/worker-url';

/** The app's pages without a parameter in their path: each is the same single-page shell, kept under its own path. */
export const SHELL_PATHS = ['/', '/compare', '/data', '/district', '/market', '/methods', '/negotiate', '/negotiate/report', '/reserve', '/subsidy'];

/** One static route as `InstallEvent.addRoutes` takes it (not yet in TypeScript's lib). */
export interface StaticRoute {
	condition: { urlPattern: { pathname: string; search?: string }; requestMethod?: 'GET'; requestMode?: 'navigate' };
	source: 'cache' | { cacheName: string };
}

/** A path as a URL pattern that matches only itself (the pattern syntax gives : * ? + ( ) { } \ a meaning). */
const literal = (path: string) => path.replace(/[:*?+(){}\\]/g, (c) => `\\${c}`);

/** The engine's worker as a second visit starts it (the eh build), or null if the build lacks one of its files. */
export function engineWorkerEntry(build: string[]): { wrapper: string; url: string } | null {
	const one = (pattern: RegExp) => build.find((f) => pattern.test(f));
	const wrapper = one(/\/duckdb-worker-cached\.[\w-]+\.js$/);
	const mainWorker = one(/\/duckdb-browser-eh\.worker\.[\w-]+\.js$/);
	const mainModule = one(/\/duckdb-eh\.[\w-]+\.wasm$/);
	return wrapper && mainWorker && mainModule ? { wrapper, url: workerUrl(wrapper, { mainModule, mainWorker }) } : null;
}

/**
 * The routes, for the build whose cache is `cache`:
 * - hashed files (`/_app/immutable/`) from any of the app's caches: their names never change meaning, and a page of the
 *   previous build may still ask for its own after a newer worker took over (it keeps that build's cache);
 * - the engine's worker under the URL the page starts it from (the query names the files it loads);
 * - the static files and the pages' shell from this build's cache: their names stay, their contents change.
 * GET only: the engine's HEAD check of its wasm goes to the fetch handler. A request whose file is not in the cache
 * goes to the network.
 */
export function staticRoutes(cache: string, staticFiles: string[], engineWorker: { wrapper: string } | null): StaticRoute[] {
	const here = { cacheName: cache };
	return [
		{ condition: { urlPattern: { pathname: '/_app/immutable/*', search: '' }, requestMethod: 'GET' }, source: 'cache' },
		...(engineWorker ? [{ condition: { urlPattern: { pathname: literal(engineWorker.wrapper) }, requestMethod: 'GET' as const }, source: 'cache' as const }] : []),
		...staticFiles.map((f) => ({ condition: { urlPattern: { pathname: literal(f), search: '' }, requestMethod: 'GET' as const }, source: here })),
		...SHELL_PATHS.map((p) => ({ condition: { urlPattern: { pathname: literal(p), search: '' }, requestMode: 'navigate' as const }, source: here }))
	];
}
