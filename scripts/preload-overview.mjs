/**
 * Vite plugin: lets build/index.html fetch the overview page's own chunks and styles from the start.
 *
 * The static adapter's fallback page (index.html, served for every path) preloads only the layout's chunks: it
 * cannot know the route. SvelteKit asks for the page's chunk once the layout's have been fetched and run, so on
 * the overview (the page a first visit opens) the page's chunks and its chart's code came one round of requests
 * later (about 0.2-0.3 s on this machine, more over a slow network). These `<link rel=modulepreload>` and
 * stylesheet links start them beside the layout's. Other paths fetch a few kB they may not use (the chart code
 * is shared with the district page). Runs after the adapter, before precompress.mjs compresses index.html.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAdapterPlugin } from './after-adapter.mjs';

const MARK = '<!-- zhijia: the overview page preloaded (scripts/preload-overview.mjs) -->';

/**
 * The overview page's static chunks and styles, from Vite's client manifest, in load order.
 * @param {string} kit the .svelte-kit directory
 * @returns {{ scripts: string[]; styles: string[] }}
 */
export function overviewFiles(kit) {
	const nodesDir = join(kit, 'generated/client-optimized/nodes');
	const node = readdirSync(nodesDir).find((f) => readFileSync(join(nodesDir, f), 'utf8').includes('src/routes/+page.svelte"'));
	if (!node) throw new Error('preload-overview: no generated node for src/routes/+page.svelte');
	/** @type {Record<string, { file: string; imports?: string[]; css?: string[] }>} */
	const manifest = JSON.parse(readFileSync(join(kit, 'output/client/.vite/manifest.json'), 'utf8'));
	/** @type {string[]} */
	const scripts = [];
	/** @type {string[]} */
	const styles = [];
	const seen = new Set();
	/** @param {string} key */
	const visit = (key) => {
		if (seen.has(key) || !manifest[key]) return;
		seen.add(key);
		for (const i of manifest[key].imports ?? []) visit(i);
		scripts.push(manifest[key].file);
		styles.push(...(manifest[key].css ?? []));
	};
	visit(`.svelte-kit/generated/client-optimized/nodes/${node}`);
	return { scripts, styles: [...new Set(styles)] };
}

/**
 * Adds the overview's links to an index.html that lacks them (after its own modulepreload links).
 * @param {string} html
 * @param {{ scripts: string[]; styles: string[] }} files
 */
export function withOverviewPreloads(html, files) {
	if (html.includes(MARK)) return html;
	const missing = (/** @type {string[]} */ list) => list.filter((f) => !html.includes(`"/${f}"`));
	const scripts = missing(files.scripts).map((f) => `<link href="/${f}" rel="modulepreload">`);
	// The page's styles after the layout's, in the order SvelteKit would have added them.
	const styles = missing(files.styles).map((f) => `<link href="/${f}" rel="stylesheet">`);
	return after(after(html, 'rel="modulepreload">', [MARK, ...scripts]), 'rel="stylesheet">', styles);
}

/**
 * `html` with `lines` inserted after the last occurrence of `tag`.
 * @param {string} html
 * @param {string} tag
 * @param {string[]} lines
 */
function after(html, tag, lines) {
	const at = html.lastIndexOf(tag);
	if (at < 0) throw new Error(`preload-overview: index.html has no ${tag}`);
	const end = at + tag.length;
	return lines.length ? `${html.slice(0, end)}\n\t\t${lines.join('\n\t\t')}${html.slice(end)}` : html;
}

/**
 * @param {{ dir?: string }} [options]
 * @returns {import('vite').Plugin}
 */
export function preloadOverviewPlugin({ dir = 'build' } = {}) {
	return afterAdapterPlugin('zhijia-preload-overview', dir, async (index) => {
		const html = await readFile(index, 'utf8');
		await writeFile(index, withOverviewPreloads(html, overviewFiles(resolve('.svelte-kit'))));
	});
}
