#!/usr/bin/env node
/**
 * Serves the built app (build/) on localhost: the files as they are, index.html for app routes (SPA fallback),
 * and a 404 for a missing asset, so a broken asset link fails loudly instead of receiving HTML.
 * Usage: node scripts/serve.mjs [--port 4173] [--dir build]
 */
import { createReadStream, statSync } from 'node:fs';
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
	'.txt': 'text/plain; charset=utf-8',
	'.parquet': 'application/octet-stream',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
};

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
		const immutable = url.pathname.startsWith('/_app/immutable/');
		res.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'content-length': stat.size,
			'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((resolveStart, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolveStart({ url: `http://${host}:${actualPort}`, close: () => /** @type {Promise<void>} */ (new Promise((r) => server.close(() => r()))) });
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
