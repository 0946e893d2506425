import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../scripts/serve.mjs';
import { csvText, utf8 } from '../fixtures/import-files';
import { chromiumPath } from './chromium';
import { appendCsvThroughDataPage } from './harness';

/**
 * Useful before the engine is ready, and a second visit without the network.
 * One profile visits the built app several times. Its own server (not the shared one) so the test can cut the
 * network for real by stopping it. The overview's snapshot from the last visit is shown at once (before the
 * engine is ready), marked as such, then replaced by live results; after an import it is never shown (its key no
 * longer matches); with the server gone, the service worker still starts the app and the engine.
 */

// Records, from the first script on, whether the snapshot badge ever appeared and whether the engine was ready then.
const WATCH = `(() => {
	const w = (window.__snap = { seen: false, origin: null, engineReadyWhenSeen: null, estatesWhenSeen: null, badgeWhenSeen: null, figureWhenSeen: null, dotsWhenSeen: null });
	new MutationObserver(() => {
		if (w.seen || !document.querySelector('[data-testid=snapshot-badge]')) return;
		w.seen = true;
		w.origin = document.querySelector('[data-testid=snapshot-badge]').dataset.origin;
		w.engineReadyWhenSeen = performance.getEntriesByName('zhijia:engine-ready').length > 0;
		w.badgeWhenSeen = document.querySelector('[data-testid=snapshot-badge] strong')?.textContent ?? null;
		w.estatesWhenSeen = document.querySelector('[data-testid=kpi-estates] .value, [data-testid=kpi-estates]')?.textContent ?? null;
		// The chart as first painted: kept as drawn by the last visit (ChartPanel's data-figure) or drawn by Plot.
		w.figureWhenSeen = document.querySelector('[data-testid=fee-quality-chart] [data-figure]')?.dataset.figure ?? null;
		w.dotsWhenSeen = document.querySelectorAll('[data-testid=fee-quality-chart] svg circle').length;
	}).observe(document, { childList: true, subtree: true });
})();`;

type Snap = {
	seen: boolean;
	origin: string | null;
	engineReadyWhenSeen: boolean | null;
	estatesWhenSeen: string | null;
	badgeWhenSeen: string | null;
	figureWhenSeen: string | null;
	dotsWhenSeen: number | null;
};

let server: { url: string; close: () => Promise<void> } | null = null;
let context: BrowserContext;
let profile: string;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
	server = await serve({ dir: 'build', port: 0 });
	base = server.url;
	profile = mkdtempSync(join(tmpdir(), 'zhijia-snapshot-'));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath()!,
		headless: true,
		viewport: { width: 1366, height: 900 },
		locale: 'zh-CN',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	await context.addInitScript(WATCH);
});
afterAll(async () => {
	await context?.close();
	await server?.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
});

async function visit(path = '/'): Promise<Page> {
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await page.goto(base + path);
	return page;
}

const estates = (page: Page) => page.getByTestId('kpi-estates').textContent();
const live = (page: Page) => page.locator('[data-results=live]').waitFor({ timeout: 90_000 });
const snap = (page: Page) => page.evaluate('window.__snap') as Promise<Snap>;
/** The overview as stored for the next visit (written after the live results are on screen). */
const storedSnapshot = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string | null>((resolve) => {
				const req = indexedDB.open('zhijia', 1);
				req.onsuccess = () => {
					const get = req.result.transaction('workspace').objectStore('workspace').get('snapshot:overview');
					get.onsuccess = () => resolve(get.result ? String(get.result.data.totals.estates) : null);
					get.onerror = () => resolve(null);
				};
				req.onerror = () => resolve(null);
			})
	);
/** The number of dots in the chart the stored snapshot kept as drawn (null: no figure kept). */
const storedFigureDots = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number | null>((resolve) => {
				const req = indexedDB.open('zhijia', 1);
				req.onsuccess = () => {
					const get = req.result.transaction('workspace').objectStore('workspace').get('snapshot:overview');
					get.onsuccess = () => resolve(typeof get.result?.figure === 'string' ? (get.result.figure.match(/<circle/g) ?? []).length : null);
					get.onerror = () => resolve(null);
				};
				req.onerror = () => resolve(null);
			})
	);

describe('start-up snapshot and offline start', () => {
	it("first visit: the build's snapshot, then live results; the visit's snapshot is stored and the service worker installed", async () => {
		const page = await visit();
		await live(page);
		expect(await estates(page)).toMatch(/240/);
		// Nothing stored yet: the snapshot the build made for the sample district (tests/browser/snapshot-build.test.ts).
		// Its chart is the figure the build drew (before Plot has loaded), with one dot per estate of the sample (240).
		expect(await snap(page)).toMatchObject({ seen: true, origin: 'build', engineReadyWhenSeen: false, figureWhenSeen: 'kept', dotsWhenSeen: 240 });
		await expect.poll(() => storedSnapshot(page), { timeout: 30_000 }).toBe('240');
		// The live chart is kept with the snapshot as drawn (when the browser is idle after drawing it).
		await expect.poll(() => storedFigureDots(page), { timeout: 30_000 }).toBe(240);
		// ready resolves once the worker is active, i.e. after its precache (install) succeeded.
		expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? null))).toMatch(/service-worker\.js$/);
		await page.close();
	});

	it('second visit: the snapshot is shown before the engine is ready, marked, then replaced by live results', async () => {
		const page = await visit();
		await page.getByTestId('snapshot-badge').waitFor({ timeout: 30_000 });
		const seen = await snap(page);
		expect(seen.badgeWhenSeen).toBe('快照 · 引擎启动中');
		expect(seen.origin).toBe('visit');
		expect(seen.engineReadyWhenSeen).toBe(false);
		expect(seen.estatesWhenSeen).toMatch(/240/);
		// Its chart painted at once from the figure the last visit kept (before Plot has run), every dot in it.
		expect(seen).toMatchObject({ figureWhenSeen: 'kept', dotsWhenSeen: 240 });
		// The page and its scripts came from the app's cache through the static routes, not the worker's fetch handler
		// (src/lib/app/offline-routes.ts): Chromium says which source answered each request.
		const sources = await page.evaluate(() => {
			const source = (e: PerformanceEntry) => (e as PerformanceResourceTiming & { workerMatchedSourceType?: string }).workerMatchedSourceType ?? '';
			const scripts = performance.getEntriesByType('resource').filter((e) => /\/_app\/immutable\/.*\.js$/.test(e.name));
			return { page: source(performance.getEntriesByType('navigation')[0]), scripts: [...new Set(scripts.map(source))], count: scripts.length };
		});
		expect(sources).toMatchObject({ page: 'cache', scripts: ['cache'] });
		// The snapshot was read by index.html's first script while the app's scripts loaded (scripts/early-engine.mjs).
		expect(await page.evaluate(() => performance.getEntriesByName('zhijia:snapshot-read-early').length)).toBe(1);
		expect(sources.count).toBeGreaterThan(10);
		await live(page);
		// Then Plot draws the live chart (with its tips and links).
		await expect.poll(() => page.locator('[data-testid=fee-quality-chart] [data-figure]').getAttribute('data-figure'), { timeout: 30_000 }).toBe('live');
		expect(await page.locator('[data-testid=fee-quality-chart] svg circle').count()).toBe(240);
		expect(await page.getByTestId('snapshot-badge').count()).toBe(0);
		expect(await estates(page)).toMatch(/240/);
		await page.close();
	});

	it('imports one more estate through the data page', async () => {
		const page = await visit('/data');
		await page.getByTestId('tables').waitFor({ timeout: 90_000 });
		const csv = csvText([
			['小区编号', '小区名称', '街道', '小区类型', '建筑类型', '建成年份', '计费面积（㎡）', '户数', '有无电梯', '物业公司', '定价方式'],
			['SN01', '快照新苑', '江滨街道', '商品房', '高层', 2016, 50000, 400, '有', '新港物业', '市场调节价']
		]);
		await appendCsvThroughDataPage(page, { name: '新小区.csv', bytes: utf8(csv) }, 1);
		await page.close();
	});

	it('after the import the old snapshot is never shown, not even for a moment', async () => {
		const after = await visit();
		await live(after);
		expect(await estates(after)).toMatch(/241/);
		expect((await snap(after)).seen).toBe(false); // neither the visit's nor the build's 240-estate snapshot matches the data
		await expect.poll(() => storedSnapshot(after), { timeout: 30_000 }).toBe('241');
		await after.close();
	});

	it('the visit after that shows the new snapshot (241 estates), then live results', async () => {
		const next = await visit();
		await next.getByTestId('snapshot-badge').waitFor({ timeout: 30_000 });
		expect(await snap(next)).toMatchObject({ origin: 'visit', estatesWhenSeen: expect.stringMatching(/241/) });
		await live(next);
		await next.close();
	});

	it('with the network cut (server stopped), a further visit still starts: snapshot, engine and live results', async () => {
		await server!.close();
		server = null;
		const page = await visit();
		await page.getByTestId('snapshot-badge').waitFor({ timeout: 30_000 });
		await live(page);
		expect(await estates(page)).toMatch(/241/);
		// Served by the service worker: the engine started from the precached wasm.
		expect(await page.evaluate(() => performance.getEntriesByName('zhijia:engine-ready').length)).toBe(1);
		await page.close();
		// A bookmarked page other than the overview starts offline too: its own path, its own page.
		const district = await visit('/district');
		await district.locator('[data-testid=ranking] tbody tr').first().waitFor({ timeout: 90_000 });
		expect(new URL(district.url()).pathname).toBe('/district');
		await district.close();
	});

	it('no page errors on the way', () => {
		expect(errors).toEqual([]);
	});
});
