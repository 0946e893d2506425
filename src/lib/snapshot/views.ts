/**
 * What the snapshotted views show, computed from the engine: one function per view, called by the pages with the
 * live engine and by the build (sample-build.ts) with a Node engine, so a snapshot holds exactly what the page
 * would compute. Pure TypeScript with relative imports (bundled for Node by scripts/sample-snapshot.mjs).
 */
import { DEFAULT_INDICATOR_SYSTEM, type Bands, type GuidePriceCatalogue, type IndicatorSystem } from '../domain';
import type { Engine } from '../engine/engine';
import { listPeriods, runAnalysis, type AnalysisResult } from '../queries/analysis';
import { loadOverview, type Overview } from '../queries/overview';
import { qualityModelOf } from '../queries/quality-sql';
import type { PackedAnalysis } from './analysis-columns-packed';

/** The overview page's figures (the default system's Q: the overview does not follow the editor). */
export function overviewView(engine: Engine): Promise<Overview> {
	return loadOverview(engine, qualityModelOf(DEFAULT_INDICATOR_SYSTEM));
}

/** What the district page reads besides the analysis: the periods (its period menu) and the indicator codes found. */
export interface DistrictLists {
	periods: string[];
	foundCodes: string[];
}

/** The district page's lists. */
export async function districtLists(engine: Engine): Promise<DistrictLists> {
	const [periods, rows] = await Promise.all([
		listPeriods(engine),
		engine.rows("SELECT DISTINCT indicator FROM scores WHERE indicator <> 'satisfaction' ORDER BY 1")
	]);
	return { periods, foundCodes: rows.map((r) => String(r.indicator)) };
}

/** The district page as a snapshot: its lists and one analysis run. */
export interface DistrictView extends DistrictLists {
	result: AnalysisResult;
}

/**
 * A district snapshot as kept: the build's, with the analysis as rows (a JSON file), or a visit's, with the run as
 * packed columns (IndexedDB clones those whole, where 13,000 row objects were one long task to store).
 */
export type DistrictSnapshot = DistrictLists & ({ result: AnalysisResult } | { packed: PackedAnalysis });

/** The district page's analysis for the given settings, with its lists. */
export async function districtView(
	engine: Engine,
	input: { system: IndicatorSystem; catalogue: GuidePriceCatalogue; bands: Bands; period: string | null }
): Promise<DistrictView> {
	const lists = await districtLists(engine);
	return { ...lists, result: await runAnalysis(engine, input) };
}
