/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The app offline: precaches the built app (scripts, styles, the DuckDB engine the browser uses, the
 * sample district's files, the icons and manifest) so a second visit starts without the network and the app can
 * be installed. One cache per build (`version`), so the shell and static files of an older build are never served
 * to a newer one; older caches but the previous build's are deleted once the new worker takes over. In Chromium a
 * second visit reads these files through static routes, without starting this worker (src/lib/app/offline-routes.ts);
 * the fetch handler below serves them in other browsers, and answers what the routes leave to it. Registered by the
 * app only after it has started and the page has been left alone for a few seconds (src/lib/app/service-worker.ts):
 * the precache then reads the files just downloaded from the HTTP cache instead of competing with the first start for
 * the network, and its work (Chromium compiles the precached scripts for their code cache) does not run beside the
 * person's first clicks.
 */
import { build, files, version } from '$service-worker';
import { engineWorkerEntry, SHELL_PATHS, staticRoutes } from '$lib/app/offline-routes';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `zhijia-${version}`;
/** Browsers without wasm exceptions use the mvp engine (39 MB): cached when first fetched, not precached. */
const ON_DEMAND = /duckdb-(browser-)?mvp/;
const PRECACHE = ['/', ...build.filter((f) => !ON_DEMAND.test(f)), ...files];
const KNOWN = new Set([...build, ...files]);
const ENGINE_WORKER = engineWorkerEntry(build);

/** A copy of a cached response kept under another URL (a constructed response has none, so it takes the request's). */
async function copyOf(res: Response): Promise<Response> {
	const headers = new Headers(res.headers);
	// The cache holds the decoded body: its length and encoding headers describe the transfer, not this copy.
	headers.delete('content-encoding');
	headers.delete('content-length');
	return new Response(await res.blob(), { status: res.status, statusText: res.statusText, headers });
}

sw.addEventListener('install', (event) => {
	// Second visits read the app from the cache without this worker (src/lib/app/offline-routes.ts).
	const routed = (event as ExtendableEvent & { addRoutes?: (rules: unknown[]) => Promise<void> }).addRoutes?.(staticRoutes(CACHE, files, ENGINE_WORKER));
	event.waitUntil(
		(async () => {
			await routed?.catch((e: unknown) => console.warn('static routes not added (the fetch handler serves every file):', e));
			const cache = await caches.open(CACHE);
			await cache.addAll(PRECACHE);
			// The routes look files up by their URL: each page's path gets the shell, the engine's worker its URL.
			const shell = await cache.match('/');
			if (shell) for (const path of SHELL_PATHS.filter((p) => p !== '/')) await cache.put(path, await copyOf(shell.clone()));
			const wrapper = ENGINE_WORKER && (await cache.match(ENGINE_WORKER.wrapper));
			if (ENGINE_WORKER && wrapper) await cache.put(ENGINE_WORKER.url, await copyOf(wrapper));
			await sw.skipWaiting();
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			// The previous build's cache stays one more build: a page opened from it (the shell comes from the cache)
			// may still load its own hashed files after this worker took over.
			const older = (await caches.keys()).filter((key) => key !== CACHE);
			for (const key of older.slice(0, -1)) await caches.delete(key);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('fetch', (event) => {
	const req = event.request;
	const url = new URL(req.url);
	if (url.origin !== sw.location.origin) return;
	if (req.method === 'HEAD' && KNOWN.has(url.pathname)) {
		// The engine asks for its wasm with HEAD before starting (src/lib/engine/browser.ts): answer from the cache
		// so that check passes offline too.
		event.respondWith(
			(async () => {
				const cached = await caches.match(url.pathname, { cacheName: CACHE, ignoreVary: true });
				return cached ? new Response(null, { status: 200, headers: cached.headers }) : fetch(req);
			})()
		);
		return;
	}
	if (req.method !== 'GET') return;
	if (req.mode === 'navigate') {
		// Every app route is the same single-page shell: the network's when it answers, else the cached one.
		event.respondWith(
			(async () => {
				try {
					const res = await fetch(req);
					if (res.ok) return res;
				} catch {
					/* offline: the cached shell below */
				}
				const cached = await caches.match('/', { cacheName: CACHE, ignoreVary: true });
				return cached ?? Response.error();
			})()
		);
		return;
	}
	if (!KNOWN.has(url.pathname)) return; // anything else goes to the network as usual
	// Built files never change under their name (hashed, or this build's static files): cache first.
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// ignoreSearch: the engine's worker wrapper is loaded with a ?worker= parameter.
			const cached = await cache.match(url.pathname, { ignoreSearch: true, ignoreVary: true });
			// A worker's location is its response's URL: a copy without one keeps the request's ?worker= for it.
			if (cached) return url.search ? new Response(cached.body, { status: cached.status, statusText: cached.statusText, headers: cached.headers }) : cached;
			const res = await fetch(req);
			if (res.ok && !url.search) await cache.put(url.pathname, res.clone());
			return res;
		})()
	);
});
