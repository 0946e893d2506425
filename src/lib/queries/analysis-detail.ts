/**
 * One estate in depth: its analysis row, each indicator against its peers, Q over time, its fee history and its
 * nearest peers (the domain's findPeers). Everything except the peer ranking is one-estate SQL, so it stays cheap at
 * city scale.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { ELEVATOR_CODE, SATISFACTION_CODE } from '../domain/indicator-system';
import { DEFAULT_PEER_OPTIONS, findPeers } from '../domain/peers';
import { FEE_UNITS } from '../domain/vocabulary';
import { BASE_TABLE, CELL_TABLE, systemCodes } from './analysis-sql';
import { analyseUnlocked, AnalysisSettingsError, resultOf, serialised, type AnalysisSettings, type EstateFit } from './analysis-run';
import { applicableScoresSql, FEE_M2_SQL, qualityModelOf, qualitySelectSql } from './quality-sql';

/** One indicator of the estate next to its peers (same building type and estate type, the estate itself left out). */
export interface IndicatorComparison {
	/** Indicator code; the owner-satisfaction score comes last as 'satisfaction'. */
	indicator: string;
	score: number | null;
	peer_median: number | null;
	/** Peers with a score on this indicator. */
	peer_n: number;
}

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
 * Per slot of the analysed period (the indicators, then satisfaction): the estate's mean (score), its peers' median
 * (peer_median) and how many peers have a mean (peer_n), read from the cell table (which holds that period's means,
 * slots 0 … n−1) and the base table (the peers: same building and estate type, the estate itself left out).
 */
function indicatorComparisonSql(estateId: string, codes: readonly string[]): string {
	const id = sqlString(estateId);
	const elevator = codes.indexOf(ELEVATOR_CODE);
	// An estate without elevators has no elevator score, as in the analysis (analysis-run.ts readCells).
	const applies = elevator < 0 ? '' : ` AND (c.k <> ${elevator} OR near.has_elevator)`;
	return `
WITH me AS (SELECT ix, building_type, estate_type FROM ${BASE_TABLE} WHERE estate_id = ${id}),
near AS (SELECT b.ix, b.has_elevator, b.ix = me.ix AS self FROM ${BASE_TABLE} b JOIN me ON me.building_type = b.building_type AND me.estate_type = b.estate_type)
SELECT c.k, max(c.m) FILTER (WHERE near.self) AS score, median(c.m) FILTER (WHERE NOT near.self) AS peer_median,
	count(c.m) FILTER (WHERE NOT near.self) AS peer_n
FROM ${CELL_TABLE} c JOIN near ON near.ix = c.ix
WHERE c.k < ${codes.length}${applies}
GROUP BY c.k`;
}

const ComparisonRow = z.object({ k: z.number().int(), score: z.number().nullable(), peer_median: z.number().nullable(), peer_n: z.number().int() });

async function compareIndicators(engine: Engine, s: AnalysisSettings, estateId: string): Promise<IndicatorComparison[]> {
	const codes = [...systemCodes(s.system), SATISFACTION_CODE];
	const rows = await engine.parse(indicatorComparisonSql(estateId, codes), ComparisonRow);
	const bySlot = new Map(rows.map((r) => [r.k, r]));
	return codes.map((indicator, k) => ({
		indicator,
		score: bySlot.get(k)?.score ?? null,
		peer_median: bySlot.get(k)?.peer_median ?? null,
		peer_n: bySlot.get(k)?.peer_n ?? 0
	}));
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
		const result = resultOf(await analyseUnlocked(engine, s));
		const fit = result.estates.find((f) => f.estate_id === estateId);
		if (!fit) throw new AnalysisSettingsError(`No estate '${estateId}'.`);
		return {
			fit,
			indicators: await compareIndicators(engine, s, estateId),
			qSeries: await engine.parse(qSeriesSql(s, estateId), SeriesRow),
			fees: await engine.parse(feesSql(estateId), FeeRow),
			peers: nearestPeers(fit, result.estates)
		};
	});
}
