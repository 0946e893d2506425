/**
 * One estate in depth: its analysis row, each indicator against its peers, Q over time, its fee history and its
 * nearest peers (the domain's findPeers). The row, the indicators and the peers come from the analysis run (held in
 * memory); Q over time and the fees are one-estate SQL, so the page stays cheap at city scale.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { SATISFACTION_CODE } from '../domain/indicator-system';
import { compareWithPeers, type IndicatorComparison } from '../domain/indicator-peers';
import type { FitInput } from '../domain/district-fit';
import { DEFAULT_PEER_OPTIONS, findPeers } from '../domain/peers';
import { FEE_UNITS } from '../domain/vocabulary';
import { systemCodes } from './analysis-sql';
import { analyseWithInput, AnalysisSettingsError, resultOf, serialised, type AnalysisColumns, type AnalysisSettings, type EstateFit } from './analysis-run';
import { applicableScoresSql, FEE_M2_SQL, qualityModelOf, qualitySelectSql } from './quality-sql';

/** One of the nearest peers. */
export interface PeerEstate {
	estate_id: string;
	name: string;
	distance: number;
	q: number | null;
	fee_m2: number | null;
}

/** Everything the estate page shows. */
export interface EstateDetail {
	fit: EstateFit;
	/** The system's indicators in order, then satisfaction, for the analysed period. */
	indicators: IndicatorComparison[];
	/** Q in every period with scores, oldest first, with the same settings. */
	qSeries: { period: string; inspection: number | null; satisfaction: number | null; q: number | null }[];
	fees: { year: number; fee: number; fee_unit: (typeof FEE_UNITS)[number]; fee_m2: number | null; collection_rate: number | null }[];
	/** The k = 5 nearest estates of the same building type (findPeers with its default distance). */
	peers: PeerEstate[];
}

const SeriesRow = z.object({ period: z.string(), inspection: z.number().nullable(), satisfaction: z.number().nullable(), q: z.number().nullable() });
const FeeRow = z.object({
	year: z.number().int(),
	fee: z.number(),
	fee_unit: z.enum(FEE_UNITS),
	fee_m2: z.number().nullable(),
	collection_rate: z.number().nullable()
});

/**
 * The estate's means per indicator of the analysed period (the system's, then satisfaction) against its peers': the
 * same building type and estate type, from the means the analysis was fitted on.
 */
function compareIndicators(columns: AnalysisColumns, input: FitInput, target: number): IndicatorComparison[] {
	const { building_type: building, estate_type: type } = columns.own;
	return compareWithPeers(
		{ codes: [...input.codes, SATISFACTION_CODE], columns: [...input.current, input.satisfaction] },
		target,
		(i) => building[i] === building[target] && type[i] === type[target]
	);
}

/** Q of one estate in every period, computed from its raw scores with the same SQL as the analysis. */
function qSeriesSql(s: AnalysisSettings, estateId: string): string {
	const codes = systemCodes(s.system);
	const source = `(${applicableScoresSql(codes, `s.estate_id = ${sqlString(estateId)}`)})`;
	return `SELECT period, inspection, satisfaction, q FROM (${qualitySelectSql(qualityModelOf(s.system), codes, source)}) ORDER BY period`;
}

function feesSql(estateId: string): string {
	return `SELECT f.year, f.fee, f.fee_unit, ${FEE_M2_SQL} AS fee_m2, f.collection_rate
		FROM fees f JOIN estates e ON e.estate_id = f.estate_id
		WHERE f.estate_id = ${sqlString(estateId)} ORDER BY f.year`;
}

/** The nearest peers among the analysed estates, by the domain's distance (same building type only). */
function nearestPeers(target: EstateFit, all: readonly EstateFit[]): PeerEstate[] {
	const asCandidate = (f: EstateFit) => ({
		id: f.estate_id,
		estate_type: f.estate_type,
		building_type: f.building_type,
		age: f.age,
		chargeable_area_m2: f.chargeable_area_m2,
		q: f.q,
		fit: f
	});
	const search = findPeers(asCandidate(target), all.map(asCandidate), { ...DEFAULT_PEER_OPTIONS, k: 5 });
	return search.matches.map((m) => ({
		estate_id: m.candidate.id,
		name: m.candidate.fit.name,
		distance: m.distance,
		q: m.candidate.q,
		fee_m2: m.candidate.fit.fee_m2
	}));
}

/**
 * One estate in depth for the settings' period.
 * @throws AnalysisSettingsError when the estate does not exist (or the settings are unusable).
 */
export function estateDetail(engine: Engine, s: AnalysisSettings, estateId: string): Promise<EstateDetail> {
	return serialised(engine, async () => {
		// The whole analysis is needed anyway: the regression, percentiles and peers depend on every estate.
		const { columns, input } = await analyseWithInput(engine, s);
		const result = resultOf(columns);
		const target = result.estates.findIndex((f) => f.estate_id === estateId);
		if (target < 0) throw new AnalysisSettingsError(`No estate '${estateId}'.`);
		const fit = result.estates[target];
		return {
			fit,
			indicators: compareIndicators(columns, input, target),
			qSeries: await engine.parse(qSeriesSql(s, estateId), SeriesRow),
			fees: await engine.parse(feesSql(estateId), FeeRow),
			peers: nearestPeers(fit, result.estates)
		};
	});
}
