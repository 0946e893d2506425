/**
 * Queries of the quick start and the survey import: an estate's rows to reopen its form, the estates to attach a
 * survey to, and an estate's owner satisfaction per indicator beside its inspection scores.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import type { EstateRows } from '../app/my-estate';

const estateSchema = z.object({
	estate_id: z.string(),
	name: z.string(),
	estate_type: z.string(),
	building_type: z.string(),
	build_year: z.number().nullable(),
	chargeable_area_m2: z.number(),
	households: z.number(),
	has_elevator: z.boolean(),
	firm: z.string().nullable()
});

/** The rows of one estate (latest fee year, its costs, the latest inspection period's scores); null if absent. */
export async function loadEstateRows(engine: Engine, estateId: string): Promise<EstateRows | null> {
	const id = sqlString(estateId);
	const [estate] = await engine.parse(
		`SELECT estate_id, name, estate_type, building_type, build_year, chargeable_area_m2, households, has_elevator, firm FROM estates WHERE estate_id = ${id}`,
		estateSchema
	);
	if (!estate) return null;
	const [fee] = await engine.parse(
		`SELECT year, fee, fee_unit, collection_rate FROM fees WHERE estate_id = ${id} ORDER BY year DESC LIMIT 1`,
		z.object({ year: z.number(), fee: z.number(), fee_unit: z.string(), collection_rate: z.number().nullable() })
	);
	const costs = fee ? await engine.parse(`SELECT item, amount_yuan FROM costs WHERE estate_id = ${id} AND year = ${fee.year}`, z.object({ item: z.string(), amount_yuan: z.number() })) : [];
	const scores = await engine.parse(
		`SELECT period, indicator, score FROM scores WHERE estate_id = ${id} AND source = 'inspection'
		 AND period = (SELECT max(period) FROM scores WHERE estate_id = ${id} AND source = 'inspection')`,
		z.object({ period: z.string(), indicator: z.string(), score: z.number() })
	);
	return { estate, fee: fee ?? null, costs, scores };
}

/** Estate ids, names and households for the given ids (the quick start's own estates), in that order. */
export async function estatesByIds(engine: Engine, ids: readonly string[]): Promise<{ estate_id: string; name: string; households: number }[]> {
	if (ids.length === 0) return [];
	const rows = await engine.parse(
		`SELECT estate_id, name, households FROM estates WHERE estate_id IN (${ids.map(sqlString).join(', ')})`,
		z.object({ estate_id: z.string(), name: z.string(), households: z.number() })
	);
	return ids.flatMap((id) => rows.filter((r) => r.estate_id === id));
}

/** Households of one estate (null when it is not in the tables). */
export async function estateHouseholds(engine: Engine, estateId: string): Promise<{ name: string; households: number } | null> {
	const [r] = await engine.parse(`SELECT name, households FROM estates WHERE estate_id = ${sqlString(estateId)}`, z.object({ name: z.string(), households: z.number() }));
	return r ?? null;
}

/** One indicator of an estate's latest surveyed period: inspection mean and owner satisfaction. */
export interface SatisfactionBeside {
	period: string;
	/** Responses: the most answers (given or skipped) any question of the survey had. */
	responses: number | null;
	overall: number | null;
	rows: { indicator: string; inspection: number | null; satisfaction: number | null }[];
}

/** The latest period with owner-satisfaction rows, per indicator beside the inspection score of that period. */
export async function satisfactionBeside(engine: Engine, estateId: string): Promise<SatisfactionBeside | null> {
	const id = sqlString(estateId);
	const [p] = await engine.parse(`SELECT max(period) AS period FROM scores WHERE estate_id = ${id} AND source = 'satisfaction'`, z.object({ period: z.string().nullable() }));
	if (!p?.period) return null;
	const period = sqlString(p.period);
	const rows = await engine.parse(
		`SELECT indicator,
		        avg(score) FILTER (WHERE source <> 'satisfaction') AS inspection,
		        avg(score) FILTER (WHERE source = 'satisfaction') AS satisfaction
		 FROM scores WHERE estate_id = ${id} AND period = ${period} GROUP BY indicator`,
		z.object({ indicator: z.string(), inspection: z.number().nullable(), satisfaction: z.number().nullable() })
	);
	const [resp] = await engine.parse(
		`SELECT max(n)::INTEGER AS n FROM (SELECT sum(count) AS n FROM survey_counts WHERE estate_id = ${id} AND period = ${period} GROUP BY question)`,
		z.object({ n: z.number().nullable() })
	);
	return {
		period: p.period,
		responses: resp?.n ?? null,
		overall: rows.find((r) => r.indicator === 'satisfaction')?.satisfaction ?? null,
		rows: rows.filter((r) => r.indicator !== 'satisfaction')
	};
}
