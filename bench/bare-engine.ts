/**
 * The baseline of "engine ready, second visit": the app's engine start alone (bench/bare-engine/, browserEngine()
 * in a page that does nothing else), built with Vite and the app's patched glue, precompressed like the app and served
 * by scripts/serve.mjs. Two visits per fresh profile, as the app's figure (bench/start.ts); the second visit's time
 * from navigation start to the engine's start-up settings applied is the figure. No service worker: the second visit
 * reads the engine from the HTTP cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { duckdbGluePlugin } from '../scripts/duckdb-glue.mjs';
import { precompressDir } from '../scripts/precompress.mjs';
import { serve } from '../scripts/serve.mjs';

/** Builds the page into `outDir` (emptied first). */
export async function buildBareEngine(outDir: string): Promise<void> {
	await build({
		configFile: false,
		root: join(import.meta.dirname, 'bare-engine'),
		base: '/',
		logLevel: 'warn',
		plugins: [duckdbGluePlugin()],
		// As the app's config: duckdb-wasm's files stay files, the worker wrapper too.
		build: { outDir: resolve(outDir), emptyOutDir: true, assetsDir: '_app/immutable/assets', assetsInlineLimit: (file: string) => (file.endsWith('duckdb-worker-cached.js') ? false : undefined) }
	});
	await precompressDir(outDir);
}

type BareResult = { ready: number; instantiated: number | null } | { error: string };

async function bareResult(page: Page): Promise<{ ready: number; instantiated: number | null }> {
	const handle = await page.waitForFunction(() => (globalThis as unknown as { zhijiaBareEngine?: unknown }).zhijiaBareEngine, undefined, { timeout: 120_000, polling: 50 });
	const r = (await handle.jsonValue()) as BareResult;
	if ('error' in r) throw new Error(`bare engine page: ${r.error}`);
	return r;
}

/** Second-visit engine-ready times of the bare page, one fresh profile per run. */
export async function bareEngineSecondVisits(dir: string, executablePath: string, args: string[], runs: number): Promise<number[]> {
	const site = await serve({ dir, port: 0 });
	const out: number[] = [];
	try {
		for (let i = 0; i < runs; i++) {
			const profile = mkdtempSync(join(tmpdir(), 'zhijia-bench-bare-'));
			const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, viewport: { width: 1366, height: 900 }, args });
			try {
				const first = await context.newPage();
				await first.goto(site.url + '/');
				await bareResult(first);
				// As the app's first visit: time for the browser to keep what it keeps (HTTP cache, code cache).
				await first.waitForTimeout(2000);
				await first.close();
				const again = await context.newPage();
				await again.goto(site.url + '/');
				out.push((await bareResult(again)).ready);
				await again.close();
			} finally {
				await context.close();
				rmSync(profile, { recursive: true, force: true });
			}
		}
	} finally {
		await site.close();
	}
	return out;
}
