/**
 * The price-quality analysis per estate (docs/sources.md §4-§6) in DuckDB: Q and grade with red lines, the fee in
 * force, guide price, QPR and band, and the peer regression's expected fee, residual and percentile.
 * SQL text: analysis-sql.ts and quality-sql.ts; running and caching: analysis-run.ts; one estate: analysis-detail.ts.
 */
import type { Engine } from '../engine/engine';
import type { PeerModel } from '../domain/regression';
import type { BuildingType } from '../domain/vocabulary';
import { runAnalysis, type AnalysisSettings, type EstateFit } from './analysis-run';

export {
	AnalysisSettingsError,
	invalidateAnalysis,
	listPeriods,
	rowOf,
	runAnalysis,
	runAnalysisColumns,
	type AnalysisColumns,
	type AnalysisResult,
	type AnalysisSettings,
	type EstateFit
} from './analysis-run';
export { estateDetail, type EstateDetail } from './analysis-detail';

/** One row per estate: quality, grade, fee, guide price, QPR and band, expected fee and residual (built from schema-checked columns). */
export async function analyseEstates(engine: Engine, s: AnalysisSettings): Promise<EstateFit[]> {
	return (await runAnalysis(engine, s)).estates;
}

/** The peer regression fee_m2 ~ Q + age of each building type (the domain's fitPeerModel, with its fall-backs). */
export async function peerModels(engine: Engine, s: AnalysisSettings): Promise<Record<BuildingType, PeerModel>> {
	return (await runAnalysis(engine, s)).models;
}
