#!/usr/bin/env node
/**
 * Serves the built app (build/) on localhost: the files as they are, index.html for app routes (SPA fallback),
 * and a 404 for a missing asset, so a broken asset link fails loudly instead of receiving HTML.
 * A file's brotli or gzip copy (`.br`/`.gz`, made at build time by scripts/precompress.mjs) is sent instead when the
 * browser accepts it (Content-Encoding, Vary: Accept-Encoding). Hashed files (/_app/immutable/, the DuckDB wasm
 * among them) are cached for a year; everything else is revalidated (no-cache) with an ETag.
 * Usage: node scripts/serve.mjs [--port 4173] [--dir build]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8',
	'.parquet': 'application/octet-stream',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

/**
 * The precompressed copy to send, if the browser accepts it and it exists: brotli first, then gzip.
 * @param {string | undefined} accept the request's Accept-Encoding
 * @param {string} file
 * @returns {{ encoding: 'br' | 'gzip', file: string, size: number } | null}
 */
export function pickEncoding(accept, file) {
	/** @type {Map<string, number>} coding → q */
	const q = new Map();
	for (const part of (accept ?? '').toLowerCase().split(',')) {
		const [name, ...params] = part.trim().split(';');
		if (!name) continue;
		const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		q.set(name.trim(), qp ? Number(qp.slice(2)) : 1);
	}
	const accepts = (/** @type {string} */ c) => (q.get(c) ?? q.get('*') ?? 0) > 0;
	for (const [encoding, ext] of /** @type {const} */ ([['br', '.br'], ['gzip', '.gz']])) {
		if (!accepts(encoding)) continue;
		const stat = statSync(file + ext, { throwIfNoEntry: false });
		if (stat?.isFile()) return { encoding, file: file + ext, size: stat.size };
	}
	return null;
}

/**
 * Starts the server; resolves with its URL and a close function.
 * @param {{ dir?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serve({ dir = 'build', port = 4173, host = '127.0.0.1' } = {}) {
	const root = resolve(dir);
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let path;
		try {
			path = normalize(join(root, decodeURIComponent(url.pathname)));
		} catch {
			res.writeHead(400).end('Bad request');
			return;
		}
		if (path !== root && !path.startsWith(root + sep)) {
			res.writeHead(403).end('Forbidden');
			return;
		}
		let file = path;
		let stat = statSync(file, { throwIfNoEntry: false });
		if (stat?.isDirectory()) {
			file = join(file, 'index.html');
			stat = statSync(file, { throwIfNoEntry: false });
		}
		if (!stat) {
			// An app route (no file extension) gets the SPA shell; a missing asset is a real 404.
			if (extname(url.pathname) !== '') {
				res.writeHead(404, { 'content-type': 'text/plain' }).end(`Not found: ${url.pathname}`);
				return;
			}
			file = join(root, 'index.html');
			stat = statSync(file);
		}
		// Hashed names change with their content, so they can be kept for a year; the rest is checked every time.
		const immutable = url.pathname.startsWith('/_app/immutable/');
		const packed = pickEncoding(req.headers['accept-encoding'], file);
		/** @type {Record<string, string | number>} */
		const headers = {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': packed ? packed.size : stat.size,
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		};
		if (packed) headers['content-encoding'] = packed.encoding;
		if (existsSync(file + '.br') || existsSync(file + '.gz')) headers.vary = 'Accept-Encoding';
		if (!immutable) {
			const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}${packed ? '-' + packed.encoding : ''}"`;
			headers.etag = etag;
			if (req.headers['if-none-match'] === etag) {
				/** @type {Record<string, string>} */
				const notModified = { etag, 'cache-control': 'no-cache' };
				if (headers.vary) notModified.vary = String(headers.vary);
				res.writeHead(304, notModified).end();
				return;
			}
		}
		res.writeHead(200, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(packed ? packed.file : file).pipe(res);
	});
	return new Promise((resolveStart, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolveStart({ url: `http://${host}:${actualPort}`, close: () => /** @type {Promise<void>} */ (new Promise((r) => { server.close(() => r()); server.closeAllConnections(); })) });
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	/** @param {string} name @param {string | number} fallback */
	const arg = (name, fallback) => {
		const i = process.argv.indexOf(name);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	const { url } = await serve({ dir: String(arg('--dir', 'build')), port: Number(arg('--port', process.env.PORT ?? 4173)) });
	console.log(`Zhijia 质价 is running at ${url}/  (Ctrl+C to stop)`);
}
