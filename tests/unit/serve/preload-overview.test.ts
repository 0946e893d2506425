import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { overviewFiles, withOverviewPreloads } from '../../../scripts/preload-overview.mjs';

/**
 * scripts/preload-overview.mjs: the fallback page (index.html) fetches the overview page's chunks and styles
 * beside the layout's. A small .svelte-kit made here: node 1 is the overview (src/routes/+page.svelte).
 */
const dirs: string[] = [];
afterAll(async () => {
	for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function kit(): Promise<string> {
	const dir = await mkdtemp(join(tmpdir(), 'zhijia-preload-'));
	dirs.push(dir);
	await mkdir(join(dir, 'generated/client-optimized/nodes'), { recursive: true });
	await mkdir(join(dir, 'output/client/.vite'), { recursive: true });
	await writeFile(join(dir, 'generated/client-optimized/nodes/0.js'), 'export { default as component } from "../../../../src/routes/+layout.svelte";');
	await writeFile(join(dir, 'generated/client-optimized/nodes/1.js'), 'export { default as component } from "../../../../src/routes/+page.svelte";');
	const n = '.svelte-kit/generated/client-optimized/nodes';
	const manifest = {
		[`${n}/0.js`]: { file: '_app/immutable/nodes/0.A.js', imports: ['_shared'], css: ['_app/immutable/assets/0.css'] },
		[`${n}/1.js`]: { file: '_app/immutable/nodes/1.B.js', imports: ['_shared', '_kpi'], css: ['_app/immutable/assets/1.css'] },
		_shared: { file: '_app/immutable/chunks/S.js' },
		_kpi: { file: '_app/immutable/chunks/K.js', imports: ['_shared'], css: ['_app/immutable/assets/Kpi.css'] },
		_plot: { file: '_app/immutable/chunks/P.js' } // only imported dynamically: not preloaded
	};
	await writeFile(join(dir, 'output/client/.vite/manifest.json'), JSON.stringify(manifest));
	return dir;
}

const INDEX = [
	'<head>',
	'<link href="/_app/immutable/nodes/0.A.js" rel="modulepreload">',
	'<link href="/_app/immutable/chunks/S.js" rel="modulepreload">',
	'<link href="/_app/immutable/assets/0.css" rel="stylesheet">',
	'</head>'
].join('\n');

describe('index.html preloads the overview page', () => {
	it("finds the overview's chunks (dependencies first) and styles, not its dynamic imports", async () => {
		expect(overviewFiles(await kit())).toEqual({
			scripts: ['_app/immutable/chunks/S.js', '_app/immutable/chunks/K.js', '_app/immutable/nodes/1.B.js'],
			styles: ['_app/immutable/assets/Kpi.css', '_app/immutable/assets/1.css']
		});
	});

	it("adds what the layout's links lack: scripts after its scripts, styles after its styles; once", async () => {
		const once = withOverviewPreloads(INDEX, overviewFiles(await kit()));
		expect(once.split('\n').map((l) => l.trim())).toEqual([
			'<head>',
			'<link href="/_app/immutable/nodes/0.A.js" rel="modulepreload">',
			'<link href="/_app/immutable/chunks/S.js" rel="modulepreload">',
			'<!-- zhijia: the overview page preloaded (scripts/preload-overview.mjs) -->',
			'<link href="/_app/immutable/chunks/K.js" rel="modulepreload">',
			'<link href="/_app/immutable/nodes/1.B.js" rel="modulepreload">',
			'<link href="/_app/immutable/assets/0.css" rel="stylesheet">',
			'<link href="/_app/immutable/assets/Kpi.css" rel="stylesheet">',
			'<link href="/_app/immutable/assets/1.css" rel="stylesheet">',
			'</head>'
		]);
		expect(withOverviewPreloads(once, overviewFiles(await kit()))).toBe(once);
	});
});
