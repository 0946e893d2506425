import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { earlyEngineScript, engineFiles, withEarlyEngine } from '../../../scripts/early-engine.mjs';

/**
 * scripts/early-engine.mjs: index.html's first script starts the engine's worker, and the page's content security
 * policy (which allows no other inline script) gets that script's hash.
 */
const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function build(names: string[]): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'zhijia-early-'));
	dirs.push(dir);
	await mkdir(join(dir, '_app/immutable/assets'), { recursive: true });
	for (const n of names) await writeFile(join(dir, '_app/immutable/assets', n), '');
	return dir;
}

const BUILT = ['duckdb-worker-cached.Ab1.js', 'duckdb-worker-cached.Ab1.js.br', 'duckdb-browser-eh.worker.Cd-2.js', 'duckdb-browser-mvp.worker.Ef3.js', 'duckdb-eh.Gh4.wasm', 'duckdb-eh.Gh4.wasm.gz', 'duckdb-mvp.Ij5.wasm'];
const POLICY = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-kit='; style-src 'self'">`;
const INDEX = `<head>\n<meta charset="utf-8" />\n${POLICY}\n<link href="/_app/immutable/entry/start.js" rel="modulepreload">\n</head>`;

describe('the engine started by index.html', () => {
	it('finds the eh build of the engine, not its compressed copies or the mvp build', async () => {
		expect(engineFiles(await build(BUILT))).toEqual({
			wrapper: '/_app/immutable/assets/duckdb-worker-cached.Ab1.js',
			mainWorker: '/_app/immutable/assets/duckdb-browser-eh.worker.Cd-2.js',
			wasm: '/_app/immutable/assets/duckdb-eh.Gh4.wasm'
		});
	});

	it('fails loudly when a file is missing or ambiguous', async () => {
		await expect(async () => engineFiles(await build(BUILT.filter((n) => !n.startsWith('duckdb-eh'))))).rejects.toThrow(/duckdb-eh.*found 0/);
		await expect(async () => engineFiles(await build([...BUILT, 'duckdb-eh.Zz9.wasm']))).rejects.toThrow(/found 2/);
	});

	it('starts the worker at the URL early-worker.ts would, with the wasm named', () => {
		const script = earlyEngineScript({ wrapper: '/a/w.js', mainWorker: '/a/duckdb-browser-eh.worker.X.js', wasm: '/a/duckdb-eh.Y.wasm' });
		expect(script).toContain('new Worker("/a/w.js?worker=%2Fa%2Fduckdb-browser-eh.worker.X.js&wasm=%2Fa%2Fduckdb-eh.Y.wasm")');
		expect(script).toContain('window.zhijiaEngineWorker=');
		// Only on a visit the service worker serves: a first visit's network is the app's own files'.
		expect(script).toMatch(/^\(function\(\)\{if\(.*!navigator\.serviceWorker\.controller\)return;/);
		expect(script).not.toContain('</script');
	});

	it('puts the script after the policy and adds its hash to script-src, once', () => {
		const script = 'console.log(1)';
		const html = withEarlyEngine(INDEX, script);
		const hash = createHash('sha256').update(script).digest('base64');
		expect(html).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-kit=' 'sha256-${hash}'; style-src 'self'`);
		// Before the app's modules, so it runs as soon as the head is parsed.
		expect(html.indexOf(`<script>${script}</script>`)).toBeGreaterThan(html.indexOf('content-security-policy'));
		expect(html.indexOf(`<script>${script}</script>`)).toBeLessThan(html.indexOf('modulepreload'));
		expect(withEarlyEngine(html, script)).toBe(html);
	});

	it('refuses a page without a script policy (the script would then be blocked or unguarded)', () => {
		expect(() => withEarlyEngine('<head><meta charset="utf-8"></head>', 'x')).toThrow(/content-security-policy/);
	});
});

describe("the start-up snapshot's early reads", () => {
	const FILES = { overview: '/_app/immutable/assets/sample-overview.0123456789abcdef.Ab1.json', district: '/_app/immutable/assets/sample-district.fedcba9876543210.Cd2.json' };

	it("read the app's own database, store and snapshot keys, and never create the database", async () => {
		const { earlyReadsScript } = await import('../../../scripts/early-engine.mjs');
		const { DB_NAME, STORE } = await import('../../../src/lib/workspace/idb');
		const { storeKey } = await import('../../../src/lib/snapshot/snapshots.svelte');
		const script = earlyReadsScript(FILES);
		expect(script).toContain(`indexedDB.open(${JSON.stringify(DB_NAME)},1)`);
		expect(script).toContain(`d.transaction(${JSON.stringify(STORE)},"readonly")`);
		expect(script).toContain('s.get("workspace")');
		// The page opened decides the view, as loadStartSnapshots does.
		expect(script).toContain(`s.get(${JSON.stringify(storeKey('overview').replace('overview', ''))}+v)`);
		expect(script).toContain('location.pathname==="/district"?"district":"overview"');
		// No database yet: nothing is stored, and the upgrade that would create it is aborted.
		expect(script).toMatch(/q\.onupgradeneeded=function\(\)\{.*r\(\{view:v,workspace:undefined,snapshot:undefined\}\);q\.transaction\.abort\(\)\}/);
	});

	it("on a first visit (no database) request the build's snapshot of the page opened, and only then", async () => {
		const { earlyReadsScript } = await import('../../../scripts/early-engine.mjs');
		// Run the script against a stand-in IndexedDB that either has no database (an upgrade) or has one.
		const run = (path: string, upgrade: boolean) => {
			const page: Record<string, unknown> = {};
			const fetched: string[] = [];
			const request: Record<string, (() => void) | unknown> = { transaction: { abort: () => undefined } };
			const indexedDB = { open: () => request };
			const fetch = (url: string) => (fetched.push(url), Promise.resolve(new Response('{}')));
			new Function('indexedDB', 'location', 'window', 'fetch', earlyReadsScript(FILES))(indexedDB, { pathname: path }, page, fetch);
			if (upgrade) (request.onupgradeneeded as () => void)();
			return { fetched, early: page.zhijiaEarlySnapshot as { url: string } | undefined };
		};
		expect(run('/', true)).toMatchObject({ fetched: [FILES.overview], early: { url: FILES.overview } });
		expect(run('/district', true)).toMatchObject({ fetched: [FILES.district], early: { url: FILES.district } });
		expect(run('/', false)).toEqual({ fetched: [], early: undefined });
		expect(run('/data', false)).toEqual({ fetched: [], early: undefined });
	});

	it("find the build's snapshot files by view, and none where the build made none", async () => {
		const { snapshotFiles } = await import('../../../scripts/early-engine.mjs');
		const dir = await build([...BUILT, 'sample-overview.0123456789abcdef.Ab1.json', 'sample-overview.0123456789abcdef.Ab1.json.br']);
		expect(snapshotFiles(dir)).toEqual({ overview: '/_app/immutable/assets/sample-overview.0123456789abcdef.Ab1.json', district: null });
	});

	it('hand the early response over once, and only for the file asked for', async () => {
		const { takeEarlySnapshot } = await import('../../../src/lib/snapshot/early-reads');
		const page = globalThis as unknown as Record<string, unknown>;
		const response = Promise.resolve(new Response('{"data":1}'));
		page.zhijiaEarlySnapshot = { url: FILES.overview, response };
		// The app's module names the file by its absolute URL, the script by its path.
		expect(takeEarlySnapshot(`http://localhost${FILES.overview}`)).toBe(response);
		expect(takeEarlySnapshot(FILES.overview)).toBeNull();
		page.zhijiaEarlySnapshot = { url: FILES.overview, response };
		expect(takeEarlySnapshot(FILES.district)).toBeNull();
		expect(page.zhijiaEarlySnapshot).toBeUndefined();
	});
});

describe('number formatting readied early', () => {
	it("readies the locale the interface formats every number in, when the page is idle, and never throws", async () => {
		const { INTL_WARM_SCRIPT } = await import('../../../scripts/early-engine.mjs');
		const { NUMBER_LOCALE, num } = await import('../../../src/lib/i18n/format');
		expect(INTL_WARM_SCRIPT).toContain(`new Intl.NumberFormat(${JSON.stringify(NUMBER_LOCALE)})`);
		expect(INTL_WARM_SCRIPT).toContain('requestIdleCallback(function(){try{');
		// Run as the page would: with requestIdleCallback, and in a browser without it (nothing happens).
		const idle: (() => void)[] = [];
		new Function('requestIdleCallback', INTL_WARM_SCRIPT)((f: () => void) => idle.push(f));
		expect(idle).toHaveLength(1);
		expect(() => idle[0]()).not.toThrow();
		expect(() => new Function('requestIdleCallback', INTL_WARM_SCRIPT)(undefined)).not.toThrow();
		expect(num(12345.67, 1)).toBe('12,345.7');
	});
});
