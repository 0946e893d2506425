import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static single-page app: every route falls back to index.html and renders on the client,
		// because duckdb-wasm only runs in the browser.
		adapter: adapter({ fallback: 'index.html', strict: true }),
		// src/service-worker.ts is registered by the app once it has started (src/lib/app/service-worker.ts).
		serviceWorker: { register: false },
		// No other origin, ever: scripts, workers, wasm and fetches all come from the app itself.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'blob:', 'data:'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self', 'data:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
