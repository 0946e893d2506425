import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, waitForApp, type AppSession } from './harness';

/**
 * The engine's own copy (src/lib/engine/duckdb-worker-cached.js): after a start from the network the wasm is kept
 * in the origin's private file system, and later visits read and compile that copy instead of fetching the wasm.
 * A copy that does not compile is replaced, and copies of other builds are removed, without the user noticing.
 */
const ASSETS = 'build/_app/immutable/assets';
const wasmName = readdirSync(ASSETS).find((f) => /^duckdb-eh\.[\w-]+\.wasm$/.test(f))!;
const wasmSize = statSync(join(ASSETS, wasmName)).size;
const copyName = `zhijia-engine-${wasmName}.${wasmSize}`;
const STALE = 'zhijia-engine-duckdb-eh.ABCDEFGH.wasm.3';

let s: AppSession;
/** Paths of GET requests for an engine wasm, from the page or its workers (served by the network or the service worker). */
const wasmGets: string[] = [];
beforeAll(async () => {
	s = await openBrowser();
	s.context.on('request', (r) => {
		const path = new URL(r.url()).pathname;
		if (r.method() === 'GET' && path.endsWith('.wasm')) wasmGets.push(path);
	});
});
afterAll(async () => {
	await s?.close();
});

/** The origin's private files: name → size and whether the bytes start as a wasm module does. */
const privateFiles = () =>
	s.page.evaluate(async () => {
		const out: Record<string, { size: number; wasm: boolean }> = {};
		const root = await navigator.storage.getDirectory();
		for await (const [name, handle] of (root as unknown as { entries(): AsyncIterable<[string, FileSystemFileHandle]> }).entries()) {
			const file = await handle.getFile();
			const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
			out[name] = { size: file.size, wasm: head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d };
		}
		return out;
	});

/** Opens the overview and waits for live results, then for the district's ranking (queries run on the engine). */
async function visitAndUse(): Promise<void> {
	await s.page.goto(s.baseUrl + '/');
	await waitForApp(s.page);
	expect(await s.page.getByTestId('kpi-estates').textContent()).toBe('240个');
	await s.page.getByRole('link', { name: '质价分析' }).first().click();
	await s.page.locator('main[data-status=ready] [data-testid=ranking] tbody tr').first().waitFor({ timeout: 60_000 });
	await expect.poll(() => s.page.getByTestId('snapshot-badge').count(), { timeout: 30_000 }).toBe(0);
}

describe('the engine’s own copy of its wasm', () => {
	it('is kept after the first visit’s start from the network, the same bytes as the served file', async () => {
		await visitAndUse();
		expect(wasmGets).toContain(`/_app/immutable/assets/${wasmName}`);
		await expect.poll(async () => (await privateFiles())[copyName], { timeout: 30_000 }).toEqual({ size: wasmSize, wasm: true });
		await s.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	});

	it('starts the next visit’s engine without fetching the wasm', async () => {
		wasmGets.length = 0;
		await visitAndUse();
		expect(wasmGets).toEqual([]);
		expect(s.errors).toEqual([]);
	});

	it('replaces a copy that does not compile, removes copies of other builds, and the visit still starts', async () => {
		await s.page.evaluate(
			async ({ copyName, stale }) => {
				const root = await navigator.storage.getDirectory();
				const put = async (name: string, bytes: Uint8Array<ArrayBuffer>) => {
					const w = await (await root.getFileHandle(name, { create: true })).createWritable();
					await w.write(bytes);
					await w.close();
				};
				const size = (await (await root.getFileHandle(copyName)).getFile()).size;
				await put(copyName, new Uint8Array(size).fill(7)); // the right length, not a module
				await put(stale, new Uint8Array([0, 0x61, 0x73]));
			},
			{ copyName, stale: STALE }
		);
		wasmGets.length = 0;
		await visitAndUse();
		expect(wasmGets).toContain(`/_app/immutable/assets/${wasmName}`);
		await expect.poll(async () => (await privateFiles())[copyName]?.wasm, { timeout: 30_000 }).toBe(true);
		await expect.poll(async () => Object.keys(await privateFiles()).filter((n) => n.startsWith('zhijia-engine-')), { timeout: 30_000 }).toEqual([copyName]);
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	});
});
