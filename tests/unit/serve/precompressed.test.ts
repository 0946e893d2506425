import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/precompress.mjs';
import { pickEncoding, serve } from '../../../scripts/serve.mjs';

/**
 * `npm run serve` (scripts/serve.mjs) on a small build made here and precompressed by scripts/precompress.mjs:
 * brotli when accepted, else gzip, else the file; Vary and Content-Encoding; a year's caching for hashed files
 * (the wasm among them), no-cache + ETag (304 on a match) for the rest.
 */
let dir: string;
let server: { url: string; close: () => Promise<void> };
const wasm = Buffer.alloc(64 * 1024, 0); // zeros: compresses well, like the real wasm's long runs
wasm.set([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
const html = '<!doctype html><title>质价</title>' + '<p>质价相符</p>'.repeat(200);
const HASHED = '/_app/immutable/assets/duckdb-eh.AbC123.wasm';

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'zhijia-serve-'));
	await mkdir(join(dir, '_app/immutable/assets'), { recursive: true });
	await writeFile(join(dir, HASHED), wasm);
	await writeFile(join(dir, 'index.html'), html);
	await writeFile(join(dir, 'small.txt'), 'tiny'); // under 1 KB: never compressed
	await precompressDir(dir);
	server = await serve({ dir, port: 0 });
});
afterAll(async () => {
	await server?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

const get = (path: string, acceptEncoding: string, extra: Record<string, string> = {}) =>
	fetch(server.url + path, { headers: { 'accept-encoding': acceptEncoding, ...extra } });

describe('precompressed serving', () => {
	it('writes .br and .gz copies that decompress to the file, and none for a tiny file', async () => {
		expect(brotliDecompressSync(await readFile(join(dir, HASHED + '.br')))).toEqual(wasm);
		expect(gunzipSync(await readFile(join(dir, 'index.html.gz'))).toString()).toBe(html);
		await expect(readFile(join(dir, 'small.txt.br'))).rejects.toThrow(/ENOENT/);
	});

	it('sends the hashed wasm brotli-compressed, as application/wasm, cached for a year', async () => {
		const r = await get(HASHED, 'gzip, deflate, br, zstd');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-encoding')).toBe('br');
		expect(r.headers.get('content-type')).toBe('application/wasm');
		expect(r.headers.get('vary')).toBe('Accept-Encoding');
		expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		expect(Number(r.headers.get('content-length'))).toBeLessThan(wasm.length / 10);
		expect(Buffer.from(await r.arrayBuffer())).toEqual(wasm); // fetch decodes it
	});

	it('falls back to gzip, then to the plain file, as Accept-Encoding says', async () => {
		const gz = await get(HASHED, 'gzip');
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(Buffer.from(await gz.arrayBuffer())).toEqual(wasm);
		const plain = await get(HASHED, 'identity');
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(Number(plain.headers.get('content-length'))).toBe(wasm.length);
		const refused = await get(HASHED, 'br;q=0, gzip');
		expect(refused.headers.get('content-encoding')).toBe('gzip');
	});

	it('revalidates the unhashed shell with an ETag: 304 when unchanged', async () => {
		const r = await get('/', 'br');
		expect(r.headers.get('cache-control')).toBe('no-cache');
		expect(r.headers.get('content-encoding')).toBe('br');
		expect(await r.text()).toBe(html);
		const etag = r.headers.get('etag');
		expect(etag).toMatch(/^W\/".+-br"$/);
		const again = await get('/', 'br', { 'if-none-match': etag! });
		expect(again.status).toBe(304);
		// An app route gets the same shell (SPA fallback); a missing asset is still a 404.
		expect((await get('/district', 'identity')).headers.get('etag')).toBe(etag!.replace('-br', ''));
		expect((await get('/_app/immutable/missing.js', 'br')).status).toBe(404);
	});

	it('pickEncoding reads q-values and prefers brotli', () => {
		const f = join(dir, HASHED);
		expect(pickEncoding('gzip;q=1, br;q=0.5', f)?.encoding).toBe('br');
		expect(pickEncoding('*', f)?.encoding).toBe('br');
		expect(pickEncoding('br;q=0, *;q=0', f)).toBeNull();
		expect(pickEncoding(undefined, f)).toBeNull();
		expect(pickEncoding('br', join(dir, 'small.txt'))).toBeNull();
	});
});
