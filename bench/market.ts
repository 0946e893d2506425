/**
 * Market references at city scale (docs/performance.md "Market references"), part of `npm run bench` and runnable
 * alone: a generated export of 100,000 listings (seeded; fee texts in the shares docs/sources.md §14 reports: single
 * values, ranges, 暂无数据, plus a few per-household, per-day and per-form texts), then
 * - Node, DuckDB-wasm: the validated import through the shared pipeline (prepareImport: read, recognise, normalise
 *   every cell, validate; commitImport: stage, check, commit) and the market page's queries after a filter change
 *   (marketView: the GROUP BYs on binned age, price and fee, and the binned scatter);
 * - Chromium, the built app: upload on the Data page → 检查数据 → 导入, timed to the outcome message; then the
 *   Market page with a filter changed, timed from the change to the redrawn page (the next view on screen, then two
 *   animation frames so the charts are painted), and the page's own query time (data-ms).
 * Alone: npx vite build && npx tsx bench/market.ts [--runs 3] [--no-browser] [--no-node]
 */
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { Rng } from '../data/rng.mjs';
import { startNodeEngine } from '../src/lib/engine/node';
import { commitImport, prepareImport } from '../src/lib/import/index';
import { marketView, NO_FILTERS } from '../src/lib/queries/market';
import { serve } from '../scripts/serve.mjs';
import { chromiumPath } from '../tests/browser/chromium';
import { Results } from './report';

export const MARKET_LISTINGS = 100_000;

export const MARKET_TASKS = {
	import: 'market: import 100,000 listings, validated',
	queries: 'market: filter change → page queries',
	redraw: 'market: filter change → page redrawn'
} as const;

/** A city export: 40 areas, fees around 0.5-4 with the texts listing sites write. */
export function cityListings(n = MARKET_LISTINGS): string {
	const rng = new Rng(17, 'market-bench');
	const lines = ['小区名称,区域,物业费,建成年代,建筑类型,房屋总数,楼栋总数,参考均价'];
	const forms = ['板楼', '塔楼', '塔板结合', '多层', '小高层', '高层', '板楼/塔楼', '别墅'];
	for (let i = 0; i < n; i++) {
		const area = `片区${(i % 40) + 1}`;
		const year = 1980 + Math.floor(rng.next() * 44);
		const price = Math.round(15000 + rng.next() * 60000);
		const fee = Math.round((0.4 + (price / 75000) * 2.5 + (year - 1980) * 0.02 + rng.next() * 0.6) * 100) / 100;
		const u = rng.next();
		let text: string;
		if (u < 0.47) text = `${fee}元/平米/月`;
		else if (u < 0.71) text = `${fee}至${Math.round((fee + 0.5) * 100) / 100}元/平米/月`;
		else if (u < 0.96) text = '暂无数据';
		else if (u < 0.97) text = `${Math.round(fee * 80)}元/户·月`;
		else if (u < 0.98) text = `${Math.round((fee / 30) * 1000) / 1000}元/平方米·天`;
		else text = `"多层${fee}元/平米/月，小高层${Math.round((fee + 0.4) * 100) / 100}元/平米/月"`;
		lines.push(`小区${i},${area},${text},${year}年建成,${forms[i % forms.length]},${200 + (i % 3000)}户,${1 + (i % 60)}栋,${price}`);
	}
	return lines.join('\n') + '\n';
}

/** The import and the page's queries on the app's wasm engine in Node. */
async function nodeFigures(bytes: Uint8Array, runs: number, results: Results): Promise<void> {
	const imports: number[] = [];
	const filters: number[] = [];
	for (let r = 0; r < runs; r++) {
		const engine = await startNodeEngine();
		const t0 = performance.now();
		const p = await prepareImport({ name: 'city-listings.csv', bytes });
		const res = await commitImport(engine, p);
		imports.push(performance.now() - t0);
		if (!res.committed) throw new Error('the 100,000-listing file was not committed');
		await marketView(engine, NO_FILTERS);
		const t1 = performance.now();
		await marketView(engine, { ...NO_FILTERS, area: '片区7', yearFrom: 2000 });
		filters.push(performance.now() - t1);
		await engine.close();
	}
	results.add(MARKET_TASKS.import, 'wasm', imports, 'ms', 'prepareImport + commitImport, the pipeline a user file goes through');
	results.add(MARKET_TASKS.queries, 'wasm', filters, 'ms', 'marketView after area + year filters: totals, three GROUP BYs, histogram, binned scatter');
}

/** The same file through the built app's Data page, then filter changes on the Market page. */
async function browserFigures(bytes: Uint8Array, runs: number, results: Results, log: (m: string) => void): Promise<void> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('Chromium was not found: sudo apt-get install -y chromium fonts-wqy-microhei, or set CHROMIUM_PATH.');
	const server = await serve({ dir: 'build', port: 0 });
	const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'zhijia-mbench-')), {
		executablePath,
		headless: true,
		viewport: { width: 1366, height: 900 },
		locale: 'zh-CN',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (e) => log(`market bench pageerror: ${e.message}`));
		await page.goto(server.url + '/data');
		await page.getByTestId('tables').waitFor({ timeout: 180_000 });
		await page.getByTestId('file-input').setInputFiles([{ name: 'city-listings.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) }]);
		await page.getByTestId('pending-file').waitFor({ timeout: 180_000 });
		const t0 = performance.now();
		await page.getByRole('button', { name: '检查数据' }).click();
		await page.getByTestId('reports').waitFor({ timeout: 600_000 });
		await page.getByTestId('commit').click();
		await page.getByTestId('outcome').filter({ hasText: '已导入' }).waitFor({ timeout: 600_000 });
		const importMs = performance.now() - t0;
		results.add(MARKET_TASKS.import, 'chromium', [importMs], 'ms', 'Data page: 检查数据 → 导入 until the outcome message (file already chosen)');
		log(`market: Chromium import ${importMs.toFixed(0)} ms`);

		await page.getByRole('link', { name: '挂牌参考' }).click();
		await page.getByTestId('kpi-listings').waitFor({ timeout: 180_000 });
		await page.waitForTimeout(1000);
		const redraws: number[] = [];
		const queries: number[] = [];
		for (let r = 0; r < runs; r++) {
			// The page counts the views it has shown (data-views); the next one is the filtered view.
			const before = Number(await page.getByTestId('market-page').getAttribute('data-views'));
			const t1 = performance.now();
			await page.getByTestId('filter-area').selectOption(`片区${r + 3}`);
			await page.waitForFunction((b) => Number(document.querySelector('[data-testid=market-page]')?.getAttribute('data-views')) > b, before, { timeout: 300_000 });
			await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
			redraws.push(performance.now() - t1);
			queries.push(Number(await page.getByTestId('market-page').getAttribute('data-ms')));
		}
		results.add(MARKET_TASKS.redraw, 'chromium', redraws, 'ms', 'area filter chosen → the filtered view on screen + two animation frames (charts painted); the scatter is binned in SQL');
		results.add(MARKET_TASKS.queries, 'chromium', queries, 'ms', "the page's own query round (data-ms), inside the redraw");
	} finally {
		await context.close();
		await server.close();
	}
}

/** Every market figure into `results`; the load average before and after is returned for the report. */
export async function marketFigures(
	results: Results,
	opts: { runs: number; node: boolean; browser: boolean; log: (m: string) => void }
): Promise<{ load1Before: number; load1After: number; csvBytes: number }> {
	const load1Before = loadavg()[0];
	const bytes = new TextEncoder().encode(cityListings());
	opts.log(`market: ${MARKET_LISTINGS.toLocaleString('en')} listings, ${(bytes.length / 1e6).toFixed(1)} MB CSV, ${opts.runs} runs`);
	if (opts.node) await nodeFigures(bytes, opts.runs, results);
	if (opts.browser) await browserFigures(bytes, opts.runs, results, opts.log);
	return { load1Before, load1After: loadavg()[0], csvBytes: bytes.length };
}

// Alone: prints the figures and the load average.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const args = process.argv.slice(2);
	const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
	const results = new Results();
	const load = await marketFigures(results, { runs, node: !args.includes('--no-node'), browser: !args.includes('--no-browser'), log: console.log });
	for (const f of results.figures) console.log(`${f.task} / ${f.engine}: median ${f.median?.toFixed(0)} ms of [${f.runs.map((v) => v.toFixed(0)).join(', ')}]${f.note ? ` (${f.note})` : ''}`);
	console.log(`load average (1 min): ${load.load1Before.toFixed(1)} before, ${load.load1After.toFixed(1)} after (2 cores)`);
	process.exit(0);
}
