/**
 * The overview page's named queries. Each returns rows checked with zod, so a change in the tables shows up as
 * a clear error rather than a wrong number.
 */
import { z } from 'zod';
import { BUILDING_TYPES, ESTATE_TYPES } from '../domain/vocabulary';
import type { Engine } from '../engine/engine';
import { currentFeeSql, qualityByPeriodSql, type QualityModel } from './quality-sql';

const EstatePoint = z.object({
	estate_id: z.string(),
	name: z.string(),
	subdistrict: z.string().nullable(),
	estate_type: z.enum(ESTATE_TYPES),
	building_type: z.enum(BUILDING_TYPES),
	q: z.number().min(0).max(100).nullable(),
	fee_m2: z.number().min(0).nullable(),
	fee_converted: z.boolean().nullable(),
	collection_rate: z.number().min(0).max(1).nullable()
});
export type EstatePoint = z.infer<typeof EstatePoint>;

const Totals = z.object({
	estates: z.number().int(),
	/** Estates with a Q in the period: the mean Q is theirs alone. */
	scored: z.number().int(),
	mean_q: z.number().nullable(),
	mean_fee: z.number().nullable(),
	mean_collection: z.number().nullable(),
	period: z.string().nullable(),
	fee_year: z.number().int().nullable()
});
export type OverviewTotals = z.infer<typeof Totals>;

const TypeRow = z.object({
	estate_type: z.enum(ESTATE_TYPES),
	estates: z.number().int(),
	mean_q: z.number().nullable(),
	mean_fee: z.number().nullable()
});
const FeeCell = z.object({ estate_type: z.enum(ESTATE_TYPES), building_type: z.string(), estates: z.number().int(), mean_fee: z.number().nullable() });

export interface Overview {
	totals: OverviewTotals;
	byType: z.infer<typeof TypeRow>[];
	feeMatrix: z.infer<typeof FeeCell>[];
	points: EstatePoint[];
}

/**
 * One row per estate: Q in the latest score period of the whole district, and the fee in force.
 * Q is computed for that period only (the filter is evaluated inside the scan of the scores): for a city of
 * 13,000 estates and 60 periods, one period's 150,000 score rows in 13,000 groups instead of 9M rows in 780,000,
 * 0.25 s instead of 3 s in wasm (docs/performance.md, session 11). The latest period is taken as the largest of the
 * distinct periods, which DuckDB finds about three times faster than the largest of all the rows' values.
 */
function snapshotSql(model: QualityModel): string {
	return `
WITH latest AS (SELECT max(period) AS period FROM (SELECT DISTINCT period FROM scores)),
quality AS (${qualityByPeriodSql(model, 's.period = (SELECT period FROM latest)')}),
fee AS (${currentFeeSql()})
SELECT e.estate_id, e.name, e.subdistrict, e.estate_type, e.building_type,
	quality.q, fee.fee_m2, fee.fee_converted, fee.collection_rate, latest.period, fee.fee_year
FROM estates e
CROSS JOIN latest
LEFT JOIN quality ON quality.estate_id = e.estate_id AND quality.period = latest.period
LEFT JOIN fee ON fee.estate_id = e.estate_id`;
}

const TYPE_ORDER = `CASE estate_type WHEN 'commercial' THEN 1 WHEN 'mixed' THEN 2 WHEN 'relocation' THEN 3 ELSE 4 END`;

/** Everything the overview shows, computed in DuckDB. */
export async function loadOverview(engine: Engine, model: QualityModel): Promise<Overview> {
	// Materialised once: the four queries below all read it, and Q from the raw scores is the costly part.
	await engine.exec(`CREATE OR REPLACE TEMP TABLE overview_snapshot AS ${snapshotSql(model)}`);
	const [totals] = await engine.parse(
		`SELECT count(*) AS estates, count(q) AS scored, avg(q) AS mean_q, avg(fee_m2) AS mean_fee, avg(collection_rate) AS mean_collection,
			max(period) AS period, max(fee_year)::INTEGER AS fee_year
		 FROM overview_snapshot`,
		Totals
	);
	const byType = await engine.parse(
		`SELECT estate_type, count(*) AS estates, avg(q) AS mean_q, avg(fee_m2) AS mean_fee
		 FROM overview_snapshot GROUP BY estate_type ORDER BY ${TYPE_ORDER}`,
		TypeRow
	);
	const feeMatrix = await engine.parse(
		`SELECT estate_type, building_type, count(*) AS estates, avg(fee_m2) AS mean_fee
		 FROM overview_snapshot GROUP BY estate_type, building_type ORDER BY ${TYPE_ORDER}, building_type`,
		FeeCell
	);
	const points = await engine.parse(
		`SELECT estate_id, name, subdistrict, estate_type, building_type, q, fee_m2, fee_converted, collection_rate
		 FROM overview_snapshot ORDER BY estate_id`,
		EstatePoint
	);
	return { totals, byType, feeMatrix, points };
}
