#!/usr/bin/env node
/**
 * Builds the command line (src/cli/main.ts and the app modules it uses) into one JavaScript file,
 * dist/cli/zhijia.mjs, which bin/zhijia.mjs runs: no TypeScript is compiled when a user runs `zhijia`.
 * Packages stay external (they are runtime dependencies, resolved from node_modules as usual).
 * Runs from `npm ci` (the `prepare` script) and before the unit tests (tests/unit/cli-build.setup.ts), ~0.5 s.
 * Usage: node scripts/build-cli.mjs [--out dist/cli/zhijia.mjs]
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT = resolve(ROOT, 'dist/cli/zhijia.mjs');

/**
 * Bundles the CLI; resolves with the output path.
 * @param {string} [outfile]
 * @returns {Promise<string>}
 */
export async function buildCli(outfile = CLI_OUT) {
	await build({
		absWorkingDir: ROOT,
		entryPoints: ['src/cli/main.ts'],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		packages: 'external',
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
