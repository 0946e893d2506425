/**
 * Vite plugin: index.html's first script starts the engine's worker (src/lib/engine/early-worker.ts) when the app's
 * service worker serves the page, i.e. on every visit after the first; on every visit it also begins reading the
 * start-up snapshot (earlyReadsScript below) and readies number formatting (INTL_WARM_SCRIPT).
 *
 * The app's own scripts (a few hundred kB of modules) run only once they are fetched and parsed, 0.2-0.4 s after
 * navigation on this project's machine; this inline script runs as soon as the head is parsed, so the worker
 * fetches, compiles and instantiates the engine beside all that. Not on a first visit: there the engine's 27 MB
 * would share the network with the app's own files, and the first chart came later. It names the engine's built files (their hashed
 * names are known only after the build) and adds its own hash to the page's content security policy, which
 * allows no other inline script. Runs after the adapter, before precompress.mjs compresses index.html.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAdapterPlugin } from './after-adapter.mjs';

const MARK = '<!-- zhijia: the engine starts here (scripts/early-engine.mjs) -->';
/** Where the worker's wrapper, DuckDB's eh worker and the eh wasm are built to. */
const ASSETS = '_app/immutable/assets';
const FILES = {
	wrapper: /^duckdb-worker-cached\.[\w-]+\.js$/,
	mainWorker: /^duckdb-browser-eh\.worker\.[\w-]+\.js$/,
	wasm: /^duckdb-eh\.[\w-]+\.wasm$/
};

/**
 * The engine's built files as the page asks for them (`/_app/immutable/assets/…`).
 * @param {string} build the build directory
 * @returns {{ wrapper: string; mainWorker: string; wasm: string }}
 */
export function engineFiles(build) {
	const names = readdirSync(join(build, ASSETS));
	/** @param {RegExp} pattern */
	const one = (pattern) => {
		const found = names.filter((n) => pattern.test(n));
		if (found.length !== 1) throw new Error(`early-engine: expected one file like ${pattern} in ${ASSETS}, found ${found.length}`);
		return `/${ASSETS}/${found[0]}`;
	};
	return { wrapper: one(FILES.wrapper), mainWorker: one(FILES.mainWorker), wasm: one(FILES.wasm) };
}

/**
 * The inline script: the worker URL src/lib/engine/engine-files.ts `engineWorkerUrl` makes for the eh build, and the
 * record src/lib/engine/early-worker.ts adopts.
 * @param {{ wrapper: string; mainWorker: string; wasm: string }} files
 */
export function earlyEngineScript(files) {
	const url = `${files.wrapper}?worker=${encodeURIComponent(files.mainWorker)}&wasm=${encodeURIComponent(files.wasm)}`;
	return `(function(){if(typeof Worker!=="function"||typeof WebAssembly!=="object"||!navigator.serviceWorker||!navigator.serviceWorker.controller)return;try{var e={wasm:${JSON.stringify(files.wasm)},mainWorker:${JSON.stringify(files.mainWorker)},worker:new Worker(${JSON.stringify(url)}),failure:null};e.worker.addEventListener("error",function(v){if(e.failure===null)e.failure=v.message||"unknown error"});window.zhijiaEngineWorker=e;performance.mark("zhijia:engine-worker")}catch(x){}})();`;
}

/**
 * The build's start-up snapshots of the sample district (scripts/sample-snapshot.mjs) as the page asks for them, per
 * view; null for a view the build has none of.
 * @param {string} build the build directory
 * @returns {{ overview: string | null; district: string | null }}
 */
export function snapshotFiles(build) {
	const names = readdirSync(join(build, ASSETS));
	/** @param {string} view */
	const find = (view) => {
		const name = names.find((n) => n.startsWith(`sample-${view}.`) && n.endsWith('.json'));
		return name ? `/${ASSETS}/${name}` : null;
	};
	return { overview: find('overview'), district: find('district') };
}

/**
 * The inline script's other half: reads what the start-up snapshot needs from IndexedDB (the stored workspace and
 * the snapshot of the page opened) while the app's scripts load, instead of after they have run: the read took
 * 0.2 s there on a second visit (docs/performance.md, session 15). src/lib/snapshot/early-reads.ts takes the
 * result; the names are src/lib/workspace/idb.ts's and src/lib/snapshot/snapshots.svelte.ts's. The database is
 * never created here: an upgrade means there is none, so nothing is stored (a first visit), and it is aborted; only
 * the app's own code creates the database, with its store. A first visit then needs no read of its own at all, and
 * its snapshot is the build's: that file (10 kB) is requested at once, beside the app's scripts, not when the app
 * has started (on a throttled first visit it arrived 60-120 ms after that; at low priority it came later still).
 * @param {{ overview: string | null; district: string | null }} snapshots the build's snapshot files
 */
export function earlyReadsScript(snapshots) {
	const files = JSON.stringify(snapshots);
	return `(function(){if(typeof indexedDB!=="object"||!indexedDB)return;var v=location.pathname==="/district"?"district":"overview";window.zhijiaEarlyReads=new Promise(function(r){try{var q=indexedDB.open("zhijia",1);q.onupgradeneeded=function(){var u=${files}[v];if(u&&typeof fetch==="function")window.zhijiaEarlySnapshot={url:u,response:fetch(u)};r({view:v,workspace:undefined,snapshot:undefined});q.transaction.abort()};q.onerror=function(){r(null)};q.onsuccess=function(){var d=q.result;try{var t=d.transaction("workspace","readonly"),s=t.objectStore("workspace"),w=s.get("workspace"),n=s.get("snapshot:"+v);t.oncomplete=function(){d.close();r({view:v,workspace:w.result,snapshot:n.result})};t.onerror=t.onabort=function(){d.close();r(null)}}catch(x){d.close();r(null)}}}catch(x){r(null)}})})();`;
}

/**
 * The inline script's third part: the browser's number formatting (ICU) made ready while the page waits for its
 * scripts. The first Intl call of a page costs 70-100 ms on this project's machine, whichever format it is; the
 * first paint's numbers (src/lib/i18n/format.ts) paid it inside the task that paints the start-up snapshot. Run when
 * the page is idle, which on a first visit it is while the app's files arrive; if it never is before that paint, the
 * paint pays as before and this call is then cheap.
 */
export const INTL_WARM_SCRIPT = `(function(){if(typeof requestIdleCallback!=="function"||typeof Intl!=="object")return;requestIdleCallback(function(){try{new Intl.NumberFormat("zh-CN").format(1)}catch(x){}})})();`;

/**
 * index.html with the script after its content security policy, whose script-src gets the script's hash.
 * @param {string} html
 * @param {string} script
 */
export function withEarlyEngine(html, script) {
	if (html.includes(MARK)) return html;
	const policy = /(<meta http-equiv="content-security-policy" content="[^"]*script-src [^;"]*)([^>]*>)/.exec(html);
	if (!policy) throw new Error('early-engine: index.html has no content-security-policy meta with a script-src');
	const hash = createHash('sha256').update(script, 'utf8').digest('base64');
	const tag = `${policy[1]} 'sha256-${hash}'${policy[2]}\n\t\t${MARK}\n\t\t<script>${script}</script>`;
	return html.slice(0, policy.index) + tag + html.slice(policy.index + policy[0].length);
}

/**
 * @param {{ dir?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function earlyEnginePlugin({ dir = 'build' } = {}) {
	return afterAdapterPlugin('zhijia-early-engine', dir, async (index) => {
		const html = await readFile(index, 'utf8');
		const build = dirname(index);
		await writeFile(index, withEarlyEngine(html, earlyReadsScript(snapshotFiles(build)) + INTL_WARM_SCRIPT + earlyEngineScript(engineFiles(build))));
	});
}
