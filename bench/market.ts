/**
 * Market references at city scale (docs/performance.md "Market references"): a generated export of 100,000
 * listings (seeded; fee texts in the shares domain.md §14 reports: single values, ranges, 暂无数据, plus a few
 * per-household, per-day and per-form texts), then
 * - Node, DuckDB-wasm: the validated import (read, normalise every cell, stage, check, commit) and the market
 *   page's queries after a filter change (marketView), median of runs;
 * - Chromium, the built app: upload on the Data page → check → commit, timed to the outcome message; then the
 *   Market page, a filter changed, timed from the change to the redrawn figures (two animation frames after the
 *   new counts are on screen), and the page's own query time (data-ms).
 * Run: npx vite build && npx tsx bench/market.ts [--runs 5] [--no-browser] [--no-node]
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Rng } from '../data/rng.mjs';
import { startNodeEngine } from '../src/lib/engine/node';
import { commitImport, prepareImport } from '../src/lib/import/index';
import { marketView, NO_FILTERS } from '../src/lib/queries/market';
import { serve } from '../scripts/serve.mjs';

const N = 100_000;
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A city export: 40 areas, fees around 0.5-4 with the texts listing sites write. */
export function cityListings(n = N): string {
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

async function node(bytes: Uint8Array) {
	const times: number[] = [];
	const filters: number[] = [];
	for (let r = 0; r < runs; r++) {
		const engine = await startNodeEngine();
		const t0 = performance.now();
		const p = await prepareImport({ name: 'city-listings.csv', bytes });
		const res = await commitImport(engine, p);
		times.push(performance.now() - t0);
		if (!res.committed) throw new Error('not committed');
		await marketView(engine, NO_FILTERS);
		const t1 = performance.now();
		await marketView(engine, { ...NO_FILTERS, area: '片区7', yearFrom: 2000 });
		filters.push(performance.now() - t1);
		await engine.close();
	}
	return { importMs: median(times), filterMs: median(filters) };
}

async function browser(bytes: Uint8Array) {
	const server = await serve({ dir: 'build', port: 0 });
	const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'zhijia-mbench-')), {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1366, height: 900 },
		locale: 'zh-CN',
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(server.url + '/data');
		await page.getByTestId('tables').waitFor({ timeout: 120_000 });
		await page.getByTestId('file-input').setInputFiles([{ name: 'city-listings.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) }]);
		await page.getByTestId('pending-file').waitFor({ timeout: 120_000 });
		const t0 = performance.now();
		await page.getByRole('button', { name: '检查数据' }).click();
		await page.getByTestId('reports').waitFor({ timeout: 300_000 });
		await page.getByTestId('commit').click();
		await page.getByTestId('outcome').filter({ hasText: '已导入' }).waitFor({ timeout: 300_000 });
		const importMs = performance.now() - t0;
		console.log(`Chromium: import (check + commit) ${importMs.toFixed(0)} ms`);
		page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
		page.on('pageerror', (e) => console.error('pageerror:', e.message));

		await page.getByRole('link', { name: '挂牌参考' }).click();
		await page.getByTestId('kpi-listings').waitFor({ timeout: 120_000 });
		const firstMs = performance.now() - t0 - importMs;
		console.log(`Chromium: market page first figures ${firstMs.toFixed(0)} ms after the import`);
		await page.waitForTimeout(1000);
		const redraws: number[] = [];
		const queries: number[] = [];
		for (let r = 0; r < runs; r++) {
			const area = `片区${r + 3}`;
			const before = await page.getByTestId('kpi-shown').textContent();
			const t1 = performance.now();
			await page.getByTestId('filter-area').selectOption(area);
			await page.waitForFunction((b) => document.querySelector('[data-testid=kpi-shown]')?.textContent !== b, before, { timeout: 300_000 });
			await page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res))));
			redraws.push(performance.now() - t1);
			queries.push(Number(await page.getByTestId('market-page').getAttribute('data-ms')));
		}
		return { importMs, redrawMs: median(redraws), queryMs: median(queries) };
	} finally {
		await context.close();
		await server.close();
	}
}

const csv = cityListings();
const bytes = new TextEncoder().encode(csv);
writeFileSync(join(tmpdir(), 'city-listings.csv'), csv);
console.log(`100,000 listings: ${(bytes.length / 1e6).toFixed(1)} MB CSV, ${runs} runs`);
if (!process.argv.includes('--no-node')) {
	const n = await node(bytes);
	console.log(`Node wasm: validated import ${n.importMs.toFixed(0)} ms; market page queries after a filter change ${n.filterMs.toFixed(0)} ms`);
}
if (!process.argv.includes('--no-browser')) {
	const b = await browser(bytes);
	console.log(`Chromium: import (check + commit) ${b.importMs.toFixed(0)} ms; filter change to redrawn page ${b.redrawMs.toFixed(0)} ms (queries ${b.queryMs} ms)`);
}
process.exit(0);
