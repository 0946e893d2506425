import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { duckdbGluePlugin } from './scripts/duckdb-glue.mjs';
import { earlyEnginePlugin } from './scripts/early-engine.mjs';
import { precompressPlugin } from './scripts/precompress.mjs';
import { preloadOverviewPlugin } from './scripts/preload-overview.mjs';
import { sampleSnapshotPlugin } from './scripts/sample-snapshot.mjs';

export default defineConfig({
	// precompressPlugin: brotli and gzip copies of build/ for scripts/serve.mjs (docs/performance.md).
	// preloadOverviewPlugin: index.html fetches the overview page's chunks beside the layout's (before precompressing).
	// sampleSnapshotPlugin: the sample district's start-up snapshots, computed with the real engine at build time.
	// duckdbGluePlugin: duckdb-wasm's browser workers with the glue patched to link faster (scripts/duckdb-glue.mjs).
	// earlyEnginePlugin: index.html's first script starts the engine's worker (before precompressing).
	plugins: [duckdbGluePlugin(), sveltekit(), preloadOverviewPlugin(), earlyEnginePlugin(), precompressPlugin(), sampleSnapshotPlugin()],
	// duckdb-wasm ships its own workers and wasm; pre-bundling them breaks the ?url imports.
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	// The sample district's CSV files live in data/ and are served from there in dev.
	server: { fs: { allow: ['data'] } },
	build: {
		chunkSizeWarningLimit: 2000,
		// The engine's worker wrapper must be a file of the app (the CSP allows no data: workers), however small.
		assetsInlineLimit: (file) => (file.endsWith('duckdb-worker-cached.js') ? false : undefined)
	},
	// The import worker (src/lib/import/import.worker.ts) is a module worker: ES output, code-split like the app.
	worker: { format: 'es' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node',
					// The CLI tests run bin/zhijia.mjs, i.e. the built dist/cli/zhijia.mjs: build it from the sources first.
					globalSetup: ['tests/unit/cli-build.setup.ts'],
					setupFiles: ['tests/unit/fast-check.setup.ts'],
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					environment: 'node',
					// Drives the built app in Debian's Chromium; one browser at a time on a 2-core machine.
					globalSetup: ['tests/browser/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 90_000,
					hookTimeout: 90_000
				}
			}
		]
	}
});
