/**
 * Start-up figures (the built app in Chromium, sample district) and the command line's wall time:
 * - first chart from a fresh profile over a throttled network (CDP Network.emulateNetworkConditions: 20 Mbit/s,
 *   40 ms latency), served precompressed by scripts/serve.mjs;
 * - a second visit in the same profile (HTTP cache, service worker and snapshot in place): first chart (the
 *   snapshot's), first live chart, and engine ready (the app's mark `zhijia:engine-ready`);
 * - its baseline, interleaved with it: engine ready on a second visit of a page that starts the app's engine and does
 *   nothing else (bench/bare-engine.ts);
 * - `zhijia analyze data/sample` wall time (node bin/zhijia.mjs, built CLI) with the wasm and the native engine.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromiumPath } from '../tests/browser/chromium';
import { bareEngineSecondVisits, buildBareEngine } from './bare-engine';
import { firstChart, INIT_SCRIPT, startupMarks } from './browser';
import type { Ctx } from './import';
import { median } from './stats';

export const START_TASKS = {
	throttled: 'first chart, fresh profile, 20 Mbit/s + 40 ms (sample)',
	secondChart: 'first chart, second visit (sample, snapshot)',
	secondLive: 'first live chart, second visit (sample)',
	secondEngine: 'engine ready, second visit',
	bareEngine: 'engine ready, second visit: the engine alone',
	cli: 'zhijia analyze data/sample, wall time'
} as const;

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Milliseconds from navigation start until the overview shows live results. */
async function liveChart(page: Page): Promise<number> {
	await page.locator('[data-results=live] [data-testid=fee-quality-chart] svg').first().waitFor({ timeout: 120_000 });
	return page.evaluate(() => performance.now());
}

/** The Chromium start-up figures; `dir` is the built app to serve. */
export async function startFigures(ctx: Ctx, dir: string, runs: number): Promise<void> {
	const { results } = ctx;
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error('Chromium was not found (set CHROMIUM_PATH).');
	const app = await serve({ dir, port: 0 });
	const bareDir = mkdtempSync(join(tmpdir(), 'zhijia-bench-bare-engine-'));
	try {
		await buildBareEngine(bareDir);
		const bare: number[] = [];
		const throttled: number[] = [];
		const second: number[] = [];
		const secondLive: number[] = [];
		const secondEngine: number[] = [];
		for (let i = 0; i < runs; i++) {
			const profile = mkdtempSync(join(tmpdir(), 'zhijia-bench-start-'));
			const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1366, height: 900 }, locale: 'zh-CN', args: ARGS });
			try {
				await context.addInitScript(INIT_SCRIPT);
				// Visit 1: fresh profile over the throttled network.
				const page = await context.newPage();
				const cdp = await context.newCDPSession(page);
				await cdp.send('Network.enable');
				await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: (20e6 / 8), uploadThroughput: (20e6 / 8) });
				await page.goto(app.url + '/');
				throttled.push(await firstChart(page, 300_000));
				await startupMarks(page);
				// Let the service worker precache and the snapshot be stored, as a person's first visit would.
				await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
				await page.waitForFunction(() => document.querySelector('[data-results=live]') !== null, undefined, { timeout: 60_000, polling: 100 });
				await page.waitForTimeout(2000);
				await page.close();
				// Visit 2: same profile, normal network.
				const again = await context.newPage();
				await again.goto(app.url + '/');
				second.push(await firstChart(again, 120_000));
				secondLive.push(await liveChart(again));
				secondEngine.push((await startupMarks(again)).engineReady);
				await again.close();
			} finally {
				await context.close();
				rmSync(profile, { recursive: true, force: true });
			}
			bare.push(...(await bareEngineSecondVisits(bareDir, executablePath, ARGS, 1)));
		}
		results.add(START_TASKS.throttled, 'chromium', throttled, 'ms', 'fresh profile, CDP Network.emulateNetworkConditions 20 Mbit/s down/up, 40 ms; brotli assets from scripts/serve.mjs');
		results.add(START_TASKS.secondChart, 'chromium', second, 'ms', 'same profile, second visit: navigation start to the overview chart in the DOM (the start-up snapshot, marked as such)');
		results.add(START_TASKS.secondLive, 'chromium', secondLive, 'ms', 'second visit: navigation start to the chart of live results (engine started, sample loaded, overview queried)');
		results.add(START_TASKS.secondEngine, 'chromium', secondEngine, 'ms', "second visit: navigation start to the app's mark zhijia:engine-ready");
		results.add(START_TASKS.bareEngine, 'chromium', bare, 'ms', "the app's engine start alone (bench/bare-engine/), second visit in a fresh profile, interleaved with the app's: navigation start to the start-up settings applied");
		ctx.log(`chromium: throttled first chart ${median(throttled)?.toFixed(0)} ms, second visit chart ${median(second)?.toFixed(0)} ms, live ${median(secondLive)?.toFixed(0)} ms, engine ${median(secondEngine)?.toFixed(0)} ms (the engine alone ${median(bare)?.toFixed(0)} ms)`);
	} finally {
		await app.close();
		rmSync(bareDir, { recursive: true, force: true });
	}
}

function wall(args: string[]): Promise<number> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		execFile(process.execPath, ['bin/zhijia.mjs', ...args], { maxBuffer: 16 * 1024 * 1024 }, (error) => (error ? reject(error) : resolve(performance.now() - t0)));
	});
}

/** The command line's wall time on the sample district (the built CLI; `npm ci` or `npm run build:cli` makes it). */
export async function cliFigures(ctx: Ctx, runs: number): Promise<void> {
	if (!existsSync('dist/cli/zhijia.mjs')) throw new Error('dist/cli/zhijia.mjs is missing: run npm run build:cli');
	const wasm: number[] = [];
	const native: number[] = [];
	for (let i = 0; i < runs; i++) {
		wasm.push(await wall(['analyze', 'data/sample', '--json']));
		native.push(await wall(['analyze', 'data/sample', '--json', '--engine', 'native']));
	}
	ctx.results.add(START_TASKS.cli, 'wasm', wasm, 'ms', 'node bin/zhijia.mjs analyze data/sample --json, process start to exit (built CLI, wasm engine)');
	ctx.results.add(START_TASKS.cli, 'nativeAll', native, 'ms', 'the same with --engine native');
	ctx.log(`cli: wasm ${median(wasm)?.toFixed(0)} ms, native ${median(native)?.toFixed(0)} ms`);
}
