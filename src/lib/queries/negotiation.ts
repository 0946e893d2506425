/**
 * What the negotiation workspace reads from the data tables for one estate: its cost budgets (costs), its
 * unit-size table (unit_sizes) and its owners' vote tallies (votes); and, for the estate picker, which estates
 * have a budget or votes at all. Rows are zod-checked; the money math stays in the domain (negotiation/).
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { COST_ITEM_CODES, MOTION_KINDS, type CostItemCode, type MotionKind } from '../data/datasets';

/** One year's cost budget of an estate: yuan/year per item (items absent from the data are absent here). */
export interface CostBudget {
	year: number;
	items: Partial<Record<CostItemCode, number>>;
}

/** One tally of an owners' vote, as stored (motion text and kind, counts by head and by area). */
export interface VoteTallyRow {
	motion: string;
	motion_kind: MotionKind;
	owners_total: number;
	area_total_m2: number;
	owners_participating: number;
	area_participating_m2: number;
	owners_yes: number;
	area_yes_m2: number;
}

/** Everything the workspace reads for one estate. */
export interface EstateNegotiationData {
	estateId: string;
	/** Every budget year, oldest first. */
	budgets: CostBudget[];
	/** Households by unit area, smallest first; empty when the estate has no unit-size table. */
	unitSizes: { unit_area_m2: number; households: number }[];
	/** The estate's vote tallies in the order they were loaded. */
	votes: VoteTallyRow[];
}

/** For the estate picker: which estates have a cost budget, a unit-size table and votes. */
export interface EstateDataFlags {
	estate_id: string;
	/** Latest budget year; null without a budget. */
	budget_year: number | null;
	unit_sizes: number;
	votes: number;
}

const CostRow = z.object({ year: z.number().int(), item: z.enum(COST_ITEM_CODES), amount: z.number().min(0) });
const UnitRow = z.object({ unit_area_m2: z.number().positive(), households: z.number().int().min(0) });
const VoteRow = z.object({
	motion: z.string(),
	motion_kind: z.enum(MOTION_KINDS),
	owners_total: z.number().int(),
	area_total_m2: z.number(),
	owners_participating: z.number().int(),
	area_participating_m2: z.number(),
	owners_yes: z.number().int(),
	area_yes_m2: z.number()
});
const FlagRow = z.object({
	estate_id: z.string(),
	budget_year: z.number().int().nullable(),
	unit_sizes: z.number().int(),
	votes: z.number().int()
});

/** Cost rows of one estate; the same item twice in a year (an import may split it) is summed. */
export function costsSql(estateId: string): string {
	return `SELECT year::INTEGER AS year, item, sum(amount_yuan)::DOUBLE AS amount
		FROM costs WHERE estate_id = ${sqlString(estateId)} GROUP BY year, item ORDER BY year, item`;
}

/** Unit-size histogram of one estate; the same area twice is summed. */
export function unitSizesSql(estateId: string): string {
	return `SELECT unit_area_m2::DOUBLE AS unit_area_m2, sum(households)::INTEGER AS households
		FROM unit_sizes WHERE estate_id = ${sqlString(estateId)} GROUP BY unit_area_m2 ORDER BY unit_area_m2`;
}

/** Vote tallies of one estate, in load order. */
export function votesSql(estateId: string): string {
	return `SELECT motion, motion_kind, owners_total::INTEGER AS owners_total, area_total_m2::DOUBLE AS area_total_m2,
			owners_participating::INTEGER AS owners_participating, area_participating_m2::DOUBLE AS area_participating_m2,
			owners_yes::INTEGER AS owners_yes, area_yes_m2::DOUBLE AS area_yes_m2
		FROM votes WHERE estate_id = ${sqlString(estateId)} ORDER BY rowid`;
}

/** Per estate: latest budget year, unit-size rows and vote count. */
export const DATA_FLAGS_SQL = `
SELECT e.estate_id,
	c.budget_year,
	coalesce(u.n, 0)::INTEGER AS unit_sizes,
	coalesce(v.n, 0)::INTEGER AS votes
FROM estates e
LEFT JOIN (SELECT estate_id, max(year)::INTEGER AS budget_year FROM costs GROUP BY estate_id) c ON c.estate_id = e.estate_id
LEFT JOIN (SELECT estate_id, count(*) AS n FROM unit_sizes GROUP BY estate_id) u ON u.estate_id = e.estate_id
LEFT JOIN (SELECT estate_id, count(*) AS n FROM votes GROUP BY estate_id) v ON v.estate_id = e.estate_id
ORDER BY e.estate_id`;

/** Which estates have a budget, a unit-size table and votes. */
export function estateDataFlags(engine: Engine): Promise<EstateDataFlags[]> {
	return engine.parse(DATA_FLAGS_SQL, FlagRow);
}

/** Budgets, unit sizes and votes of one estate (empty lists where the data has none). */
export async function estateNegotiationData(engine: Engine, estateId: string): Promise<EstateNegotiationData> {
	const costRows = await engine.parse(costsSql(estateId), CostRow);
	const byYear = new Map<number, CostBudget>();
	for (const r of costRows) {
		const b = byYear.get(r.year) ?? { year: r.year, items: {} };
		b.items[r.item] = r.amount;
		byYear.set(r.year, b);
	}
	return {
		estateId,
		budgets: [...byYear.values()].sort((a, b) => a.year - b.year),
		unitSizes: await engine.parse(unitSizesSql(estateId), UnitRow),
		votes: await engine.parse(votesSql(estateId), VoteRow)
	};
}

/** The latest budget, or null. */
export function latestBudget(data: EstateNegotiationData): CostBudget | null {
	return data.budgets.at(-1) ?? null;
}
