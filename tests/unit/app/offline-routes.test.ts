import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineWorkerEntry, SHELL_PATHS, staticRoutes } from '../../../src/lib/app/offline-routes';
import { workerUrl } from '../../../src/lib/engine/worker-url';

/** src/lib/app/offline-routes.ts: what a second visit reads from the app's cache without the service worker. */

/** Every page of src/routes whose path has no parameter, as the browser asks for it. */
function pagePaths(dir = 'src/routes'): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...pagePaths(full));
		else if (entry.name === '+page.svelte' && !full.includes('[')) out.push('/' + relative('src/routes', dir).split(sep).filter(Boolean).join('/'));
	}
	return out;
}

const BUILD = [
	'/_app/immutable/entry/start.Ab1.js',
	'/_app/immutable/assets/duckdb-worker-cached.BaC_M68v.js',
	'/_app/immutable/assets/duckdb-browser-eh.worker.CcsOY-7i.js',
	'/_app/immutable/assets/duckdb-browser-mvp.worker.DoAviUyA.js',
	'/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
	'/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm'
];

describe('static routes of the service worker', () => {
	it('keep a shell for every page without a parameter in its path, and for no other', () => {
		expect([...SHELL_PATHS].sort()).toEqual(pagePaths().sort());
	});

	it("name the engine's worker by the URL the page starts the eh build from", () => {
		expect(engineWorkerEntry(BUILD)).toEqual({
			wrapper: '/_app/immutable/assets/duckdb-worker-cached.BaC_M68v.js',
			url: '/_app/immutable/assets/duckdb-worker-cached.BaC_M68v.js?worker=%2F_app%2Fimmutable%2Fassets%2Fduckdb-browser-eh.worker.CcsOY-7i.js&wasm=%2F_app%2Fimmutable%2Fassets%2Fduckdb-eh.9ubY-jlA.wasm'
		});
		const entry = engineWorkerEntry(BUILD)!;
		expect(entry.url).toBe(workerUrl(entry.wrapper, { mainWorker: BUILD[2], mainModule: BUILD[4] }));
		expect(engineWorkerEntry(BUILD.filter((f) => !f.includes('duckdb-eh.')))).toBeNull();
	});

	it('send hashed files to any of the app caches, the shell and static files to this build only, GET only', () => {
		const routes = staticRoutes('zhijia-7', ['/favicon.svg', '/icon-192.png', '/a(1)+b.txt'], engineWorkerEntry(BUILD));
		expect(routes[0]).toEqual({ condition: { urlPattern: { pathname: '/_app/immutable/*', search: '' }, requestMethod: 'GET' }, source: 'cache' });
		// The worker's query names its files: any query, looked up as the page asks for it.
		expect(routes[1]).toEqual({ condition: { urlPattern: { pathname: '/_app/immutable/assets/duckdb-worker-cached.BaC_M68v.js' }, requestMethod: 'GET' }, source: 'cache' });
		expect(routes.filter((r) => r.condition.requestMode === 'navigate').map((r) => r.condition.urlPattern.pathname)).toEqual(SHELL_PATHS);
		for (const r of routes.slice(2)) expect(r.source).toEqual({ cacheName: 'zhijia-7' });
		for (const r of routes.filter((r) => r.condition.requestMode !== 'navigate')) expect(r.condition.requestMethod).toBe('GET');
		// A static file's name is matched as written, not as a pattern.
		expect(routes[4].condition.urlPattern).toEqual({ pathname: '/a\\(1\\)\\+b.txt', search: '' });
	});
});
