#!/usr/bin/env node
/**
 * Precompresses the built app: next to each compressible file of build/ (JS, CSS, HTML, JSON, wasm, CSV, SVG, …)
 * a brotli `.br` and a gzip `.gz` copy, which scripts/serve.mjs sends to browsers that accept them. Made at build
 * time by the Vite plugin below (after the static adapter has written build/), or by hand:
 *   node scripts/precompress.mjs [dir]
 * The two DuckDB wasm files (73 MB) never change between builds but take ~30 s to compress, so compressed bytes
 * are kept in node_modules/.cache/zhijia-precompress/ by content hash: only the first build on a machine pays.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { afterAdapterPlugin } from './after-adapter.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/zhijia-precompress');
/** File types worth compressing (images and Parquet are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.csv', '.svg', '.txt', '.map', '.md']);
/** Smaller files gain nothing worth a second request path. */
const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Compresses one buffer both ways (from the cache when the same bytes were compressed before).
 * @param {Buffer} bytes
 * @returns {Promise<{ br: Buffer, gz: Buffer }>}
 */
async function compress(bytes) {
	const key = createHash('sha256').update(bytes).digest('hex');
	const brPath = join(CACHE, `${key}.br`);
	const gzPath = join(CACHE, `${key}.gz`);
	if (existsSync(brPath) && existsSync(gzPath)) return { br: await readFile(brPath), gz: await readFile(gzPath) };
	const [br, gz] = await Promise.all([
		// Quality 9 with a 16 MiB window: within ~5% of quality 11 on the wasm at a tenth of the time.
		brotli(bytes, {
			params: {
				[zlib.constants.BROTLI_PARAM_QUALITY]: 9,
				[zlib.constants.BROTLI_PARAM_LGWIN]: 24,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
			}
		}),
		gzip(bytes, { level: 9 })
	]);
	if (bytes.length > 1024 * 1024) {
		mkdirSync(CACHE, { recursive: true });
		await Promise.all([writeFile(brPath, br), writeFile(gzPath, gz)]);
	}
	return { br, gz };
}

/**
 * Writes `.br` and `.gz` beside every compressible file of `dir` (when they are smaller than the file).
 * @param {string} dir
 * @returns {Promise<{ files: number, bytes: number, br: number, gz: number }>} totals over the compressed files
 */
export async function precompressDir(dir) {
	const root = resolve(dir);
	/** @type {string[]} */
	const files = [];
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !COMPRESSIBLE.has(extname(entry.name))) continue;
		files.push(join(entry.parentPath, entry.name));
	}
	const totals = { files: 0, bytes: 0, br: 0, gz: 0 };
	// Two at a time: the machine has two cores, and the big wasm files dominate anyway.
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const file = files[next++];
			if ((await stat(file)).size < MIN_BYTES) continue;
			const bytes = await readFile(file);
			const { br, gz } = await compress(bytes);
			if (br.length < bytes.length * 0.95) await writeFile(`${file}.br`, br);
			if (gz.length < bytes.length * 0.95) await writeFile(`${file}.gz`, gz);
			totals.files++;
			totals.bytes += bytes.length;
			totals.br += Math.min(br.length, bytes.length);
			totals.gz += Math.min(gz.length, bytes.length);
		}
	};
	await Promise.all([worker(), worker()]);
	return totals;
}

/**
 * Vite plugin: precompresses build/ once the static adapter has written it (the end of `vite build`).
 * @param {{ dir?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function precompressPlugin({ dir = 'build' } = {}) {
	return afterAdapterPlugin('zhijia-precompress', dir, async (index) => {
		if (existsSync(`${index}.br`)) return;
		const t = Date.now();
		const r = await precompressDir(dir);
		const mb = (/** @type {number} */ n) => (n / 1048576).toFixed(1);
		console.log(`precompressed ${r.files} files in ${dir}/: ${mb(r.bytes)} MB → brotli ${mb(r.br)} MB, gzip ${mb(r.gz)} MB (${((Date.now() - t) / 1000).toFixed(1)} s)`);
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2] ?? 'build';
	const r = await precompressDir(dir);
	console.log(`precompressed ${r.files} files in ${dir}/: brotli ${r.br} bytes, gzip ${r.gz} bytes of ${r.bytes}`);
}
