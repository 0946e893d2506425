/**
 * The build-time snapshots of the sample district: what a fresh browser profile shows while its engine starts.
 * Computed with the real engine (duckdb-wasm in Node, the same wasm as the browser) and the pages' own view
 * functions (views.ts), for the sample base with no imports and the default settings, and keyed exactly as the app
 * keys them at run time (key.ts): a profile with other data or settings gets another key and never sees these.
 * Node only. Bundled and run by the Vite plugin scripts/sample-snapshot.mjs during `vite build`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultAnalysisSettings } from '../app/analysis-settings-default';
import { DEFAULT_CATALOGUE, findCatalogue } from '../domain/catalogues';
import type { IndicatorSystem } from '../domain/indicator-system';
import { startNodeEngine } from '../engine/node';
import { loadSampleDistrict } from '../workspace/sample';
import { EMPTY_WORKSPACE } from '../workspace/workspace-file';
import { snapshotKey } from './key';
import { districtView, overviewView, type DistrictView } from './views';
import type { Overview } from '../queries/overview';
import type { Lang } from '../i18n/i18n.svelte';
import { overviewFigures } from './sample-figure';

/** The snapshotted views. */
export const SNAPSHOT_VIEWS = ['overview', 'district'] as const;
export type SnapshotView = (typeof SNAPSHOT_VIEWS)[number];

/** The views' results for the sample district (no key: they do not depend on the build's version). */
export interface SampleViews {
	overview: Overview;
	district: DistrictView;
	/** Figures drawn as markup, per view and interface language (sample-figure.ts). */
	figures: { overview: Record<Lang, string> | null };
}

/** Computes the sample district's views with a fresh Node engine, reading the files from `dataDir`. */
export async function computeSampleViews(dataDir: string): Promise<SampleViews> {
	const engine = await startNodeEngine();
	try {
		await loadSampleDistrict(engine, (file) => readFile(join(dataDir, file)).then((b) => new Uint8Array(b)));
		const s = defaultAnalysisSettings();
		const overview = await overviewView(engine);
		const district = await districtView(engine, {
			system: s.system as unknown as IndicatorSystem,
			catalogue: findCatalogue(s.catalogueId) ?? DEFAULT_CATALOGUE,
			bands: s.bands,
			period: s.period
		});
		return { overview, district, figures: { overview: overviewFigures(overview) } };
	} finally {
		await engine.close();
	}
}

/** The key a fresh profile computes for a view of this build (sample base, no imports, default settings). */
export function sampleKey(build: string, view: SnapshotView): Promise<string> {
	return snapshotKey({ build, view, workspace: EMPTY_WORKSPACE, settings: defaultAnalysisSettings() });
}

// `node <bundle> <data dir> <out.json>`: the views as JSON (run in a child process, so the engine's memory is
// freed with it and never held by the Vite build).
const [dataDir, out] = process.argv.slice(2);
if (process.env.ZHIJIA_SAMPLE_SNAPSHOT === '1' && dataDir && out) {
	await writeFile(out, JSON.stringify(await computeSampleViews(dataDir)));
}
