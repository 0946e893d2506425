/**
 * Chromium figures: the built app (build/, served by scripts/serve.mjs) in Debian's Chromium, driven through its
 * real UI. No test hook: a small front server answers the app's own requests for the sample district's CSV files
 * with the city's files instead, so the city loads through the app's start-up loader (fetch as bytes, registerFileBuffer in chunks,
 * read_csv in the worker) exactly as the sample does. Measured in the page itself (performance.now(), the app's
 * performance marks, a long-task PerformanceObserver), so Playwright's own latency is not counted:
 * - cold start: fresh profile, navigation to the first chart of the overview (sample district);
 * - import: the start-up loader's interval between the marks 'zhijia:engine-ready' and 'zhijia:data-ready', with
 *   1M score rows and with the whole city;
 * - on the district page with the city: the first visit and a period change (both build the analysis from the raw
 *   scores), and the 保洁 weight typed into its input, each until the ranking has re-rendered (the tiles' aria-busy
 *   turns false after the new rows are in the DOM);
 * - the 1M-row CSV and Parquet files through the data page (choose file, 检查数据, 导入), and the subsidy page's
 *   plan for the city (both pages are new; a page that changes is reported as not measured, not as a failure);
 * - the longest main-thread task during each of these (PerformanceObserver 'longtask');
 * - the renderer process's resident memory (Linux /proc) after the city is loaded, and its peak at the end.
 */
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromiumPath } from '../tests/browser/chromium';
import { DATASETS } from '../src/lib/data/datasets';
import type { City } from './data';
import type { Ctx } from './import';
import { IMPORT_TASKS } from './import';
import { ANALYSIS_TASKS, WEIGHT_VALUES, type Summary } from './analysis';
import { median } from './stats';

/** Task names that only Chromium has. */
export const BROWSER_TASKS = {
	cold: 'cold start → first chart (sample)',
	cityFirstChart: 'city: navigation → first chart',
	firstVisit: 'city: first district visit → ranking',
	longImport: 'longest main-thread task, city import',
	longRecompute: 'longest main-thread task, weight/period change',
	weightChart: 'weight change → scatter redrawn',
	longFirstVisit: 'longest main-thread task, first district visit',
	longImportPage: 'longest main-thread task, data page import',
	memory: 'memory after loading the city',
	memoryPeak: 'memory after analysis and subsidy plan'
} as const;

/** Files the start-up loader fetches that the bench can replace (votes.csv is inlined into the build as a data: URL). */
const REPLACEABLE = ['estates', 'scores', 'fees', 'tickets', 'costs', 'unit_sizes'] as const;
type Overrides = Partial<Record<(typeof REPLACEABLE)[number], string>>;

/**
 * A private copy of build/, so a rebuild by someone else during the run (vite empties build/ first) cannot pull
 * files from under the page. Waits for a complete build (index.html and the wasm files) for up to a minute.
 */
export async function snapshotBuild(dir: string): Promise<void> {
	const complete = () =>
		existsSync('build/index.html') && existsSync('build/_app/immutable/assets') && readdirSync('build/_app/immutable/assets').filter((f) => f.endsWith('.wasm')).length >= 2;
	for (let i = 0; !complete(); i++) {
		if (i >= 30) throw new Error('The Chromium figures drive the built app and build/ is missing or incomplete: run `npm run build` first.');
		await new Promise((r) => setTimeout(r, 2000));
	}
	rmSync(dir, { recursive: true, force: true });
	cpSync('build', dir, { recursive: true });
	if (!existsSync(join(dir, 'index.html'))) throw new Error('build/ changed while it was being copied; run the bench again.');
}

/** The built app (a snapshot of build/) behind a front server that can answer the sample CSV requests with other files. */
export async function startServers(buildDir: string): Promise<{ url: string; setOverrides(o: Overrides): void; close(): Promise<void> }> {
	const app = await serve({ dir: buildDir, port: 0 });
	const target = new URL(app.url);
	let overrides: Overrides = {};
	const front: Server = createServer((req, res) => {
		const m = /\/_app\/immutable\/assets\/([a-z_]+)\.[^/]+\.csv$/.exec(req.url ?? '');
		// The app's service worker precaches the sample's files (src/service-worker.ts) once the page is quiet; its
		// requests (referrer: the worker's script) get the real sample, as a user's would. Given the override they
		// downloaded the city's 460 MB a second time, beside the first district visit the bench times.
		const fromServiceWorker = /\/service-worker\.js$/.test(req.headers.referer ?? '');
		const file = m && !fromServiceWorker ? overrides[m[1] as keyof Overrides] : undefined;
		if (file) {
			res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': statSync(file).size, 'cache-control': 'no-store' });
			createReadStream(file).pipe(res);
			return;
		}
		const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
			res.writeHead(r.statusCode ?? 502, r.headers);
			r.pipe(res);
		});
		up.on('error', () => res.writeHead(502).end());
		req.pipe(up);
	});
	await new Promise<void>((ok) => front.listen(0, '127.0.0.1', ok));
	const port = (front.address() as { port: number }).port;
	return {
		url: `http://127.0.0.1:${port}`,
		setOverrides: (o) => (overrides = o),
		close: async () => {
			await new Promise<void>((ok) => front.close(() => ok()));
			await app.close();
		}
	};
}

/** Header-only CSV files, to empty a table in a scenario. */
export function headerFiles(dir: string): Record<string, string> {
	mkdirSync(dir, { recursive: true });
	const out: Record<string, string> = {};
	for (const t of REPLACEABLE) {
		const path = join(dir, `${t}.csv`);
		writeFileSync(path, DATASETS[t].columns.map((c) => c.name).join(',') + '\n');
		out[t] = path;
	}
	return out;
}

/**
 * Installed before any page script (a string, so no bundler helper leaks into the page): long tasks, the time the
 * first chart appears, the app's start-up marks, a watcher for one interaction, and the fit-class counts.
 */
export const INIT_SCRIPT = `(() => {
const bench = (window.__bench = { longtasks: [], firstChart: null, firstLiveChart: null });
new PerformanceObserver((list) => { for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration }); })
	.observe({ type: 'longtask', buffered: true });
// The first chart may be a start-up snapshot (src/lib/snapshot); the first live one is the engine's.
new MutationObserver((_, obs) => {
	if (bench.firstChart === null && document.querySelector('[data-testid=fee-quality-chart] svg')) bench.firstChart = performance.now();
	if (bench.firstLiveChart === null && document.querySelector('[data-results=live] [data-testid=fee-quality-chart] svg')) {
		bench.firstLiveChart = performance.now();
		obs.disconnect();
	}
}).observe(document, { childList: true, subtree: true });
bench.longest = (t0, t1) => Math.max(0, ...bench.longtasks.filter((t) => t.start + t.duration > t0 && t.start < t1).map((t) => t.duration));
bench.marks = () => {
	const at = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
	const engineReady = at('zhijia:engine-ready');
	const dataReady = at('zhijia:data-ready');
	return dataReady === null ? null : { engineReady, dataReady, longest: bench.longest(engineReady, dataReady) };
};
// Resolves with the time from the next '<type>' event on <target> until the district's tiles are no longer busy
// (after having been busy) with ranking rows in the DOM, and the longest task in between.
bench.arm = (target, type) => {
	bench.interaction = new Promise((resolve) => {
		let t0 = -1;
		let sawBusy = false;
		let chartAt = -1;
		// The district scatter redraws one task after the ranking (FitScatter): note when its figure changes too.
		const figure = document.querySelector('[data-testid=fit-chart]');
		const chartObs = new MutationObserver(() => {
			if (t0 >= 0 && chartAt < 0) chartAt = performance.now();
		});
		if (figure) chartObs.observe(figure, { childList: true, subtree: true });
		document.querySelector(target).addEventListener(type, () => (t0 = performance.now()), { capture: true, once: true });
		const obs = new MutationObserver(() => {
			const busy = document.querySelector('section.tiles')?.getAttribute('aria-busy') === 'true';
			if (busy) sawBusy = true;
			if (t0 >= 0 && sawBusy && !busy && document.querySelector('[data-testid=ranking] tbody tr')) {
				obs.disconnect();
				const t1 = performance.now();
				const finish = (waited) => {
					if (chartAt < 0 && figure && waited < 3000) return setTimeout(() => finish(waited + 10), 10);
					chartObs.disconnect();
					const chartMs = chartAt < 0 ? null : chartAt - t0;
					// Give the long-task observer time to report the tasks that just ended.
					setTimeout(() => resolve({ ms: t1 - t0, chartMs, longest: bench.longest(t0, Math.max(t1, chartAt)) }), 50);
				};
				finish(0);
			}
		});
		obs.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
	});
};
// Resolves with the time from the next '<type>' event on <target> until ready() holds (checked on every DOM change).
bench.armUntil = (target, type, ready) => {
	bench.interaction = new Promise((resolve) => {
		let t0 = -1;
		document.querySelector(target).addEventListener(type, () => (t0 = performance.now()), { capture: true, once: true });
		const obs = new MutationObserver(() => {
			if (t0 < 0 || !bench.ready[ready]()) return;
			obs.disconnect();
			const t1 = performance.now();
			setTimeout(() => resolve({ ms: t1 - t0, longest: bench.longest(t0, t1) }), 50);
		});
		obs.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
	});
};
const enabled = (el) => !!el && !el.disabled;
bench.ready = {
	// data page: a file inspected (the check button usable again), checked (commit usable), committed (an outcome)
	inspected: () => !!document.querySelector('[data-testid=pending-file]') && [...document.querySelectorAll('button.primary')].some((b) => b.textContent.trim() === '检查数据' && enabled(b)),
	checked: () => enabled(document.querySelector('[data-testid=commit]')),
	committed: () => !!document.querySelector('[data-testid=outcome]'),
	// subsidy page: the plan table
	plan: () => !!document.querySelector('[data-testid=plan-table]')
};
bench.counts = () => {
	const n = (b) => Number((document.querySelector('[data-testid=count-' + b + '] .n')?.textContent ?? 'NaN').replace(/[^0-9]/g, ''));
	return { matched: n('matched'), price_above_quality: n('price_above_quality'), quality_above_price: n('quality_above_price'), none: n('none') };
};
})();`;

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh context (empty cache and storage) with the init script; closed by the caller. */
export async function freshPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
	await context.addInitScript(INIT_SCRIPT);
	const page = await context.newPage();
	page.on('pageerror', (e) => console.error(`  [page error] ${e.message}`));
	return page;
}

/** What INIT_SCRIPT puts on window (only what the predicates read). */
type PageBench = { __bench: { firstChart: number | null; firstLiveChart: number | null; marks(): unknown } };

/** The app's start-up marks (waits for data-ready) and the longest task between them. */
export async function startupMarks(page: Page): Promise<{ engineReady: number; dataReady: number; longest: number }> {
	// A function, not a string: the app's CSP forbids eval, which a string predicate needs.
	await page.waitForFunction(() => (window as unknown as PageBench).__bench.marks() !== null, undefined, { timeout: 600_000, polling: 250 });
	return page.evaluate('window.__bench.marks()');
}

/** Waits for the overview's first chart (a start-up snapshot counts); its time since navigation start. */
export async function firstChart(page: Page, timeout: number): Promise<number> {
	await page.waitForFunction(() => (window as unknown as PageBench).__bench.firstChart !== null, undefined, { timeout, polling: 100 });
	return page.evaluate('window.__bench.firstChart');
}

/** Waits for the overview's first chart of live results (computed by the engine); its time since navigation start. */
export async function firstLiveChart(page: Page, timeout: number): Promise<number> {
	await page.waitForFunction(() => (window as unknown as PageBench).__bench.firstLiveChart !== null, undefined, { timeout, polling: 100 });
	return page.evaluate('window.__bench.firstLiveChart');
}

/**
 * Fresh-profile cold starts with the sample district: the first chart (the build's start-up snapshot) and the
 * first live chart, and the engine's marks.
 */
export async function coldStarts(browser: Browser, url: string, runs: number): Promise<{ cold: number[]; live: number[]; engineReady: number[]; dataReady: number[]; appStart: number[]; snapshotRead: number[] }> {
	const out = { cold: [] as number[], live: [] as number[], engineReady: [] as number[], dataReady: [] as number[], appStart: [] as number[], snapshotRead: [] as number[] };
	for (let i = 0; i < runs; i++) {
		const page = await freshPage(browser);
		await page.goto(url + '/');
		out.cold.push(await firstChart(page, 120_000));
		const at = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN, name);
		out.appStart.push(await at('zhijia:start'));
		out.snapshotRead.push(await at('zhijia:snapshot-overview'));
		out.live.push(await firstLiveChart(page, 120_000));
		const m = await startupMarks(page);
		out.engineReady.push(m.engineReady);
		out.dataReady.push(m.dataReady);
		await page.context().close();
	}
	return out;
}

/** The cold-start figure's note. */
export function coldNote(c: { live: number[]; engineReady: number[]; dataReady: number[]; appStart: number[]; snapshotRead: number[] }): string {
	const ms = (xs: number[]) => `${median(xs)?.toFixed(0)} ms`;
	return `fresh profile: navigation start to the overview chart in the DOM, the build's start-up snapshot of the sample district, marked as such (medians: app's start mark at ${ms(c.appStart)}, snapshot read at ${ms(c.snapshotRead)}, live chart at ${ms(c.live)}, engine ready at ${ms(c.engineReady)}, sample loaded at ${ms(c.dataReady)})`;
}

/** The interaction armed in the page, or an error after `timeout` ms (a page that breaks must not hang the bench). */
async function interactionResult(page: Page, what: string, timeout: number): Promise<{ ms: number; chartMs?: number | null; longest: number }> {
	let timer: NodeJS.Timeout | undefined;
	try {
		return await Promise.race([
			page.evaluate('window.__bench.interaction') as Promise<{ ms: number; chartMs?: number | null; longest: number }>,
			new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not reached within ${timeout / 1000} s`)), timeout)))
		]);
	} finally {
		clearTimeout(timer);
	}
}

/** Times one real input (through Playwright) until the ranking has re-rendered; see bench.arm in INIT_SCRIPT. */
export async function timeInteraction(page: Page, target: string, type: string, act: () => Promise<void>, timeout = 600_000): Promise<{ ms: number; chartMs?: number | null; longest: number }> {
	await page.evaluate(`window.__bench.arm(${JSON.stringify(target)}, ${JSON.stringify(type)})`);
	await act();
	return interactionResult(page, 'the re-rendered ranking', timeout);
}

/** Times one real input until a named readiness check of INIT_SCRIPT (bench.ready) holds. */
async function timeUntil(page: Page, target: string, type: string, ready: string, act: () => Promise<void>, timeout = 600_000): Promise<{ ms: number; longest: number }> {
	await page.evaluate(`window.__bench.armUntil(${JSON.stringify(target)}, ${JSON.stringify(type)}, ${JSON.stringify(ready)})`);
	await act();
	return interactionResult(page, `'${ready}'`, timeout);
}

/**
 * One file through the data page, as a person does it: choose the file, press 检查数据 (check), press 导入 (import).
 * Returns the three in-page intervals, each and summed (Playwright's time between the steps is not counted) and the longest
 * task, and whether the page reported the import as done.
 */
export async function importThroughPage(page: Page, file: string): Promise<{ ms: number; parts: [number, number, number]; longest: number; ok: boolean }> {
	const a = await timeUntil(page, '[data-testid=file-input]', 'change', 'inspected', () => page.getByTestId('file-input').setInputFiles(file));
	const check = page.getByRole('button', { name: '检查数据', exact: true });
	const b = await timeUntil(page, 'main', 'click', 'checked', () => check.click());
	const c = await timeUntil(page, 'main', 'click', 'committed', () => page.getByTestId('commit').click());
	const ok = (await page.getByTestId('outcome').getAttribute('class'))?.includes('ok') ?? false;
	return { ms: a.ms + b.ms + c.ms, parts: [a.ms, b.ms, c.ms], longest: Math.max(a.longest, b.longest, c.longest), ok };
}

/** The fit-class counts on the district page. */
const uiCounts = (page: Page): Promise<Summary['counts']> => page.evaluate('window.__bench.counts()');

/** Resident memory of the largest renderer process, now and at its peak, in MB (Linux /proc). */
async function rendererMemory(browser: Browser): Promise<{ rss: number; hwm: number } | null> {
	const cdp = await browser.newBrowserCDPSession();
	const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
	await cdp.detach();
	let best: { rss: number; hwm: number } | null = null;
	for (const p of info.processInfo.filter((x) => x.type === 'renderer')) {
		try {
			const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
			const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
			const m = { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
			if (!best || m.rss > best.rss) best = m;
		} catch {
			// The process ended or /proc is not there.
		}
	}
	return best;
}

/**
 * The 1M-row files through the data page (src/routes/data, work in progress): the city's estates loaded at start
 * (the scores reference them), then the CSV and the Parquet file, each replacing the scores. A page that fails or
 * changes is reported as not measured rather than failing the bench.
 */
async function dataPageImports(ctx: Ctx, browser: Browser, servers: { url: string; setOverrides(o: Overrides): void }, empty: Record<string, string>): Promise<void> {
	const { results, city } = ctx;
	servers.setOverrides({ ...empty, estates: city.path('estates.csv') });
	const page = await freshPage(browser);
	try {
		await page.goto(servers.url + '/');
		await startupMarks(page);
		await page.click('a[href="/data"]');
		await page.getByTestId('file-input').waitFor({ state: 'attached', timeout: 60_000 });
		const longest: number[] = [];
		for (const [task, file] of [
			[IMPORT_TASKS.csv1mValidated, 'scores-1m.csv'],
			[IMPORT_TASKS.pq1m, 'scores-1m.parquet']
		] as const) {
			try {
				const r = await importThroughPage(page, city.path(file));
				if (!r.ok) throw new Error('the page did not report the import as done');
				const [a, b, c] = r.parts.map((x) => x.toFixed(0));
				results.add(task, 'chromium', [r.ms], 'ms', `one run through the data page: choose file, 检查数据, 导入 (in-page time of the three steps: ${a} + ${b} + ${c} ms)`);
				longest.push(r.longest);
			} catch (e) {
				results.missing(task, 'chromium', `not measured: data page: ${(e as Error).message.split('\n')[0]}`);
			}
		}
		if (longest.length > 0) results.add(BROWSER_TASKS.longImportPage, 'chromium', [Math.max(...longest)], 'ms', 'PerformanceObserver longtask during the data page imports');
	} finally {
		await page.context().close();
	}
}

/** Runs for the Chromium family. */
export interface BrowserRuns {
	cold: number;
	import1m: number;
	weight: number;
	period: number;
}

/** Where the city's summaries come from (the Node wasm run), to check the page shows the same answer. */
export interface BrowserCheck {
	default?: Summary;
	weight?: Summary;
}

/**
 * The Chromium family. Throws with a clear message when build/ or Chromium is missing. `cityOnly`: only the city
 * (load, first district visit, weight and period changes), for `bench/run.ts --only city`.
 */
export async function browserFigures(ctx: Ctx, runs: BrowserRuns, check: BrowserCheck, cityOnly = false): Promise<{ chromium: string; agree: boolean | null }> {
	const { results, city } = ctx;
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('Chromium was not found: sudo apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH.');
	const buildDir = join(city.dir, '..', 'build-snapshot');
	await snapshotBuild(buildDir);
	const servers = await startServers(buildDir);
	const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
	const empty = headerFiles(join(city.dir, '..', 'headers'));
	let agree: boolean | null = null;
	try {
		if (!cityOnly) {
			// Cold start with the sample district.
			servers.setOverrides({});
			const c = await coldStarts(browser, servers.url, runs.cold);
			results.add(BROWSER_TASKS.cold, 'chromium', c.cold, 'ms', coldNote(c));
			ctx.log(`chromium: cold start ${median(c.cold)?.toFixed(0)} ms (live ${median(c.live)?.toFixed(0)} ms)`);

			// 1M score rows through the start-up loader (other tables empty).
			servers.setOverrides({ ...empty, scores: city.path('scores-1m.csv') });
			const imp: number[] = [];
			for (let i = 0; i < runs.import1m; i++) {
				const page = await freshPage(browser);
				await page.goto(servers.url + '/');
				const m = await startupMarks(page);
				imp.push(m.dataReady - m.engineReady);
				await page.context().close();
			}
			results.add(IMPORT_TASKS.csv1m, 'chromium', imp, 'ms', "start-up loader between the app's marks engine-ready and data-ready (fetch overlaps engine start)");
			await dataPageImports(ctx, browser, servers, empty);
		}

		// The city: load, overview, district page.
		servers.setOverrides({ ...empty, estates: city.path('estates.csv'), scores: city.path('scores.csv'), fees: city.path('fees.csv'), tickets: city.path('tickets.csv') });
		const page = await freshPage(browser);
		await page.goto(servers.url + '/');
		const m = await startupMarks(page);
		results.add(IMPORT_TASKS.cityCsv, 'chromium', [m.dataReady - m.engineReady], 'ms', 'one run: start-up loader, engine-ready to data-ready');
		results.add(BROWSER_TASKS.longImport, 'chromium', [m.longest], 'ms', 'PerformanceObserver longtask between engine-ready and data-ready');
		ctx.log(`chromium: city loaded in ${(m.dataReady - m.engineReady).toFixed(0)} ms`);
		const loaded = await rendererMemory(browser);
		if (loaded) results.add(BROWSER_TASKS.memory, 'chromium', [loaded.rss], 'MB', `renderer process resident memory right after the city loaded (peak so far ${loaded.hwm.toFixed(0)} MB): wasm heap, the CSV text, page and worker`);
		// The live chart: the build's snapshot of the sample district shows first (the bench swaps the sample's files).
		results.add(BROWSER_TASKS.cityFirstChart, 'chromium', [await firstLiveChart(page, 600_000)], 'ms', 'one run: the first live chart; includes fetching and loading the city and the overview queries over it');

		const first = await timeInteraction(page, 'a[href="/district"]', 'click', () => page.click('a[href="/district"]'));
		results.add(BROWSER_TASKS.firstVisit, 'chromium', [first.ms], 'ms', 'one run: click to ranking; includes the period list and the analysis from raw scores');
		results.add(BROWSER_TASKS.longFirstVisit, 'chromium', [first.longest], 'ms', 'the longest task from the click on 质价分析 to the ranking (page mount, estates read, base built, fit)');
		const longest: number[] = [];
		if (check.default) {
			const counts = await uiCounts(page);
			agree = JSON.stringify(counts) === JSON.stringify(check.default.counts);
		}

		const weight: number[] = [];
		const weightChart: number[] = [];
		// Two untimed changes first, as the Node figures have, so the page's code is compiled when timing starts.
		for (const value of WEIGHT_VALUES) await timeInteraction(page, 'input[data-weight=cleaning]', 'input', () => page.getByLabel('保洁', { exact: true }).fill(String(value)));
		for (let i = 0; i < runs.weight; i++) {
			const value = WEIGHT_VALUES[i & 1];
			const r = await timeInteraction(page, 'input[data-weight=cleaning]', 'input', () => page.getByLabel('保洁', { exact: true }).fill(String(value)));
			weight.push(r.ms);
			if (r.chartMs != null) weightChart.push(r.chartMs);
			longest.push(r.longest);
			const want = value === WEIGHT_VALUES[0] ? check.weight : check.default;
			if (want && agree !== false) agree = JSON.stringify(await uiCounts(page)) === JSON.stringify(want.counts);
		}
		results.add(ANALYSIS_TASKS.weight, 'chromium', weight, 'ms', 'typing 40 / 15 into 保洁 until the ranking and the counts re-rendered (the input event to the DOM update), after two untimed changes');
		if (weightChart.length > 0) results.add(BROWSER_TASKS.weightChart, 'chromium', weightChart, 'ms', 'the same changes until the scatter was redrawn (it follows the ranking by one task)');
		ctx.log(`chromium: weight change ${median(weight)?.toFixed(0)} ms`);

		const period: number[] = [];
		for (let i = 0; i < runs.period; i++) {
			const r = await timeInteraction(page, '[data-testid=period]', 'change', async () => {
				await page.getByTestId('period').selectOption({ index: i % 2 === 0 ? 1 : 0 });
			});
			period.push(r.ms);
			longest.push(r.longest);
		}
		results.add(ANALYSIS_TASKS.analysis, 'chromium', period, 'ms', 'period changed in the UI (base table rebuilt from raw scores) until the ranking re-rendered');
		results.add(BROWSER_TASKS.longRecompute, 'chromium', [Math.max(...longest)], 'ms', 'the longest task over the weight and period changes (the first visit is its own row)');

		if (!cityOnly) {
			try {
				const plan = await timeUntil(page, 'a[href="/subsidy"]', 'click', 'plan', () => page.click('a[href="/subsidy"]'));
				results.add(ANALYSIS_TASKS.subsidy, 'chromium', [plan.ms], 'ms', 'one run: click on 动迁房补贴 until the plan table is in the DOM (the subsidy page, work in progress)');
			} catch (e) {
				results.missing(ANALYSIS_TASKS.subsidy, 'chromium', `not measured: ${(e as Error).message.split('\n')[0]}`);
			}
		}
		const mem = await rendererMemory(browser);
		if (mem) results.add(BROWSER_TASKS.memoryPeak, 'chromium', [mem.hwm], 'MB', `renderer process peak resident memory over the session (VmHWM; now ${mem.rss.toFixed(0)} MB)`);
		else results.missing(BROWSER_TASKS.memoryPeak, 'chromium', 'renderer process not found in /proc', 'MB');
		await page.context().close();
		return { chromium: browser.version(), agree };
	} finally {
		await browser.close();
		await servers.close();
	}
}
