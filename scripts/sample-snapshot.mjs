/**
 * Vite plugin: the build-time start-up snapshots of the sample district (src/lib/snapshot/sample-build.ts), so a
 * first visit (fresh profile) shows the overview and the district analysis at once while the engine starts.
 *
 * During `vite build` it bundles sample-build.ts with esbuild, runs it in a child Node process (the real engine:
 * duckdb-wasm in Node, the app's own queries, data/sample/*.csv), and serves the app the virtual module
 * `virtual:zhijia-sample-snapshots`: each view's key (build version, sample base, default settings: the key the
 * app computes on a fresh profile) and the URL of its results, a hashed JSON asset of the build (same origin,
 * immutable, precached by the service worker). The results depend only on the code and the sample files, so they
 * are kept in node_modules/.cache/zhijia-snapshot/ by a hash of the bundle, the sample files and the versions of the
 * engine, Plot and linkedom: a rebuild of the same code only computes the keys (the version changes with every build).
 * In `vite dev` and in the unit tests the module exports null (no snapshot: the engine starts as before).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/zhijia-snapshot');
const DATA = join(ROOT, 'data/sample');
const VIRTUAL = 'virtual:zhijia-sample-snapshots';
const RESOLVED = '\0' + VIRTUAL;
const VIEWS = ['overview', 'district'];

/** @param {...(string | Uint8Array)} parts */
const sha = (...parts) => {
	const h = createHash('sha256');
	for (const p of parts) h.update(p);
	return h.digest('hex');
};

/** Bundles sample-build.ts (packages external, like the CLI); its text and where it was written. */
async function bundle() {
	const out = await build({
		absWorkingDir: ROOT,
		entryPoints: ['src/lib/snapshot/sample-build.ts'],
		bundle: true,
		write: false,
		platform: 'node',
		format: 'esm',
		target: 'node20.19',
		packages: 'external',
		// The app's modules may import through SvelteKit's alias.
		alias: { $lib: './src/lib' },
		tsconfigRaw: {},
		logLevel: 'warning'
	});
	const text = out.outputFiles[0].text;
	mkdirSync(CACHE, { recursive: true });
	const file = join(CACHE, `sample-build.${sha(text).slice(0, 16)}.mjs`);
	if (!existsSync(file)) writeFileSync(file, text);
	return { text, file };
}

/**
 * Runs the bundle in a child process; resolves when `out` holds the views' results.
 * @param {string} file
 * @param {string} out
 * @returns {Promise<void>}
 */
function computeViews(file, out) {
	return new Promise((resolve, reject) => {
		const tmp = `${out}.${process.pid}.tmp`;
		execFile(process.execPath, [file, DATA, tmp], { env: { ...process.env, ZHIJIA_SAMPLE_SNAPSHOT: '1' }, cwd: ROOT }, (error, _stdout, stderr) => {
			if (error) return reject(new Error(`The sample district's start-up snapshot could not be computed (${file}): ${stderr || error.message}`));
			renameSync(tmp, out);
			resolve(undefined);
		});
	});
}

/**
 * The snapshots for one build: per view its key and the path of a JSON file with its results.
 * @param {string} version SvelteKit's version name of this build
 * @returns {Promise<Record<string, { key: string, file: string }>>}
 */
export async function sampleSnapshots(version) {
	const { text, file } = await bundle();
	// The bundle leaves packages out: the engine's and the figure's (Plot, its DOM) versions decide the results too.
	const versions = ['@duckdb/duckdb-wasm', '@observablehq/plot', 'linkedom'].map((p) => JSON.parse(readFileSync(join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version);
	const sampleFiles = readSampleFiles();
	const inputs = sha(text, ...versions, ...sampleFiles);
	const views = join(CACHE, `views.${inputs.slice(0, 16)}.json`);
	if (!existsSync(views)) await computeViews(file, views);
	const results = JSON.parse(readFileSync(views, 'utf8'));
	const mod = await import(pathToFileURL(file).href);
	/** @type {Record<string, { key: string, file: string }>} */
	const out = {};
	for (const view of VIEWS) {
		// A view's results, and its chart drawn as markup per interface language where the build draws one.
		const json = JSON.stringify({ data: results[view], figures: results.figures?.[view] ?? null });
		const path = join(CACHE, `sample-${view}.${sha(json).slice(0, 16)}.json`);
		if (!existsSync(path)) writeFileSync(path, json);
		out[view] = { key: await mod.sampleKey(version, view), file: path };
	}
	return out;
}

/** The sample files' names and bytes, in a fixed order (their content decides the results). */
function readSampleFiles() {
	return readdirSync(DATA)
		.filter((n) => n.endsWith('.csv'))
		.sort()
		.flatMap((n) => [n, readFileSync(join(DATA, n))]);
}

/** @returns {import('vite').Plugin} */
export function sampleSnapshotPlugin() {
	/** @type {string | null} */
	let version = null;
	return {
		name: 'zhijia-sample-snapshot',
		configResolved(config) {
			const v = config.define?.__SVELTEKIT_APP_VERSION__;
			version = config.command === 'build' && typeof v === 'string' ? JSON.parse(v) : null;
		},
		resolveId(id) {
			return id === VIRTUAL ? RESOLVED : undefined;
		},
		async load(id) {
			if (id !== RESOLVED) return undefined;
			if (version === null) return 'export const sampleSnapshots = null;';
			const snaps = await sampleSnapshots(version);
			const lines = VIEWS.map((v, i) => `import u${i} from ${JSON.stringify(snaps[v].file + '?url')};`);
			const entries = VIEWS.map((v, i) => `${v}: { key: ${JSON.stringify(snaps[v].key)}, url: u${i} }`);
			return `${lines.join('\n')}\nexport const sampleSnapshots = { at: ${JSON.stringify(new Date().toISOString())}, ${entries.join(', ')} };\n`;
		}
	};
}
