#!/usr/bin/env node
/**
 * Builds the command line (src/cli/main.ts and the app modules it uses) into JavaScript, dist/cli/zhijia.mjs plus
 * chunks in dist/cli/chunks/, which bin/zhijia.mjs runs: no TypeScript is compiled when a user runs `zhijia`.
 * Packages stay external (they are runtime dependencies, resolved from node_modules as usual).
 * Runs from `npm ci` (the `prepare` script) and before the unit tests (tests/unit/cli-build.setup.ts), ~0.5 s.
 * Usage: node scripts/build-cli.mjs [--out dist/cli/zhijia.mjs]
 *
 * Start-up speed (the `zhijia analyze data/sample` wall-time target, docs/performance.md):
 * - dist/cli/engine-module.mjs (src/lib/engine/node-module.ts) lets bin/zhijia.mjs start reading and compiling the
 *   wasm engine's module on other threads while the main thread loads the command's JavaScript.
 * - Code splitting: every dynamic import in the sources (each subcommand, the import pipeline, the engines) is
 *   its own chunk, so a command loads only what it runs; `zhijia analyze` never parses xlsx or hyparquet.
 * - The native engine package is loaded with require() through a small generated module. Node's ESM import() of a
 *   CommonJS file first scans all its source for export names (cjs-module-lexer): for duckdb-wasm's 1.3 MB Node
 *   glue that scan alone cost as much as compiling it. require() skips the scan. (duckdb-wasm's blocking build is
 *   require()d by src/lib/engine/node.ts itself, from its patched copy: scripts/duckdb-glue.mjs.)
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ARROW } from './duckdb-glue.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = resolve(ROOT, 'dist/cli/zhijia.mjs');

/**
 * Packages the CLI loads through require() (see above). apache-arrow: duckdb-wasm's Node glue require()s it (its
 * single-file build, scripts/duckdb-glue.mjs NODE_ARROW), so the CLI takes that same copy instead of loading the
 * package's ESM build as a second one (about 0.1 s of `zhijia analyze`, docs/performance.md, session 33).
 */
const CJS_PACKAGES = ['@duckdb/node-api', 'apache-arrow'];
/** What a package in CJS_PACKAGES is require()d as, when not by its name. */
const REQUIRED_AS = { 'apache-arrow': NODE_ARROW };

/**
 * The module standing in for a CommonJS package: require() it and re-export its names (read from the package at
 * build time). When the package cannot be loaded here (e.g. no native DuckDB binary for this platform), the plain
 * import stays, so the CLI reports it at run time exactly as before.
 * @param {string} pkg
 * @returns {string | null}
 */
function requireShim(pkg) {
	const specifier = REQUIRED_AS[/** @type {keyof typeof REQUIRED_AS} */ (pkg)] ?? pkg;
	/** @type {string[]} */
	let names;
	try {
		names = Object.keys(createRequire(resolve(ROOT, 'package.json'))(specifier)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n));
	} catch {
		return null;
	}
	return [
		"import { createRequire } from 'node:module';",
		`const m = createRequire(import.meta.url)(${JSON.stringify(specifier)});`,
		`export const { ${names.join(', ')} } = m;`,
		'export default m;'
	].join('\n');
}

/** @type {import('esbuild').Plugin} */
const requireCjs = {
	name: 'require-cjs',
	setup(b) {
		const filter = new RegExp(`^(${CJS_PACKAGES.map((p) => p.replace(/[/.@-]/g, '\\$&')).join('|')})$`);
		b.onResolve({ filter }, (args) => (args.namespace === 'require-cjs' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-cjs' }));
		b.onLoad({ filter: /.*/, namespace: 'require-cjs' }, (args) => {
			const shim = requireShim(args.path);
			return { contents: shim ?? `export * from ${JSON.stringify(args.path)};`, loader: 'js', resolveDir: ROOT };
		});
	}
};

/**
 * Bundles the CLI; resolves with the entry's path.
 * @param {string} [outfile]
 * @returns {Promise<string>}
 */
export async function buildCli(outfile = CLI_OUT) {
	const outdir = dirname(outfile);
	// Chunks are named by content hash: drop the previous build's so they do not pile up.
	rmSync(resolve(outdir, 'chunks'), { recursive: true, force: true });
	await build({
		absWorkingDir: ROOT,
		// engine-module: the wasm engine's compile, which bin/zhijia.mjs starts before it loads the command (one shared
		// chunk with the engine's own import of it, so both see the same compile).
		entryPoints: { [basename(outfile).replace(/\.mjs$/, '')]: 'src/cli/main.ts', 'engine-module': 'src/lib/engine/node-module.ts' },
		outdir,
		outExtension: { '.js': '.mjs' },
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		packages: 'external',
		plugins: [requireCjs],
		// The app's tsconfig extends .svelte-kit/, which does not exist on a fresh clone; the CLI needs none of it.
		tsconfigRaw: {},
		sourcemap: 'linked',
		logLevel: 'warning',
		banner: { js: '// Built by scripts/build-cli.mjs from src/cli/main.ts: edit the sources, not this file.' }
	});
	return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const i = process.argv.indexOf('--out');
	const out = await buildCli(i > 0 ? resolve(process.argv[i + 1]) : CLI_OUT);
	console.log(`zhijia CLI built: ${out}`);
}
