/**
 * What the maintenance-fund plan reads from DuckDB: the estates with their areas, households and owners, every
 * facility and fund balance, and any recorded vote on the fund. The plan itself is pure TypeScript
 * (src/lib/domain/reserve): a district has a few thousand facility rows, so the rows come over once and every
 * change of a setting recomputes in JavaScript without a query.
 */
import { z } from 'zod';
import { sqlString, type Engine } from '../engine/engine';
import { ASSESSMENT_RESULTS, FACILITY_KINDS } from '../data/facilities';
import { planReserve, type EstateReserveInput, type ReservePlan, type ReserveSettings } from '../domain/reserve';
import { RESERVE_SETTING_DEFAULTS } from '../domain/reserve/defaults';

const estateSchema = z.object({
	estate_id: z.string(),
	name: z.string(),
	subdistrict: z.string().nullable(),
	estate_type: z.string(),
	building_type: z.string(),
	build_year: z.number().nullable(),
	chargeable_area_m2: z.number(),
	households: z.number(),
	has_elevator: z.boolean(),
	exclusive_area_m2: z.number().nullable()
});

const facilitySchema = z.object({
	estate_id: z.string(),
	facility: z.enum(FACILITY_KINDS),
	quantity: z.number(),
	installed_year: z.number(),
	life_years: z.number().nullable(),
	unit_replacement_cost_yuan: z.number().nullable(),
	last_assessed_at: z.string().nullable(),
	last_assessment_result: z.enum(ASSESSMENT_RESULTS).nullable()
});

const balanceSchema = z.object({
	estate_id: z.string(),
	year: z.number(),
	balance_yuan: z.number(),
	annual_contribution_yuan: z.number().nullable()
});

const voteSchema = z.object({
	estate_id: z.string(),
	motion: z.string(),
	motion_kind: z.enum(['ordinary', 'major']),
	owners_total: z.number(),
	area_total_m2: z.number(),
	owners_participating: z.number(),
	area_participating_m2: z.number(),
	owners_yes: z.number(),
	area_yes_m2: z.number()
});

export type ReserveEstate = z.infer<typeof estateSchema>;
export type ReserveFacility = z.infer<typeof facilitySchema>;
export type ReserveVote = z.infer<typeof voteSchema>;

/** Everything the plan needs for a district, read once. */
export interface ReserveData {
	estates: ReserveEstate[];
	facilities: ReserveFacility[];
	balances: z.infer<typeof balanceSchema>[];
	/** Recorded votes whose motion concerns the maintenance fund. */
	fundVotes: ReserveVote[];
	/** Latest year with a balance on record (null: none). */
	latestBalanceYear: number | null;
}

/** Reads the district's estates, facilities, fund balances and fund votes. */
export async function loadReserveData(engine: Engine, estateId?: string): Promise<ReserveData> {
	const one = estateId === undefined ? null : sqlString(estateId);
	const where = one === null ? '' : `WHERE estate_id = ${one}`;
	const and = one === null ? '' : `AND estate_id = ${one}`;
	const [estates, facilities, balances, fundVotes, latest] = await Promise.all([
		engine.parse(
			`SELECT e.estate_id, e.name, e.subdistrict, e.estate_type, e.building_type, e.build_year, e.chargeable_area_m2,
				e.households, e.has_elevator, u.exclusive_area_m2
			FROM estates e
			LEFT JOIN (SELECT estate_id, sum(unit_area_m2 * households)::DOUBLE AS exclusive_area_m2 FROM unit_sizes GROUP BY estate_id) u USING (estate_id)
			${one === null ? '' : `WHERE e.estate_id = ${one}`}
			ORDER BY e.estate_id`,
			estateSchema
		),
		engine.parse(
			`SELECT estate_id, facility, quantity, installed_year, life_years, unit_replacement_cost_yuan,
				strftime(last_assessed_at, '%Y-%m-%d') AS last_assessed_at, last_assessment_result
			FROM facilities ${where} ORDER BY estate_id, installed_year, facility`,
			facilitySchema
		),
		engine.parse(`SELECT estate_id, year, balance_yuan, annual_contribution_yuan FROM fund_balances ${where} ORDER BY estate_id, year`, balanceSchema),
		engine.parse(
			`SELECT estate_id, motion, motion_kind, owners_total, area_total_m2, owners_participating, area_participating_m2, owners_yes, area_yes_m2
			FROM votes WHERE (motion LIKE '%维修资金%' OR motion LIKE '%维修基金%' OR lower(motion) LIKE '%maintenance fund%') ${and}
			ORDER BY estate_id, motion`,
			voteSchema
		),
		engine.rows(`SELECT max(year)::INTEGER AS y FROM fund_balances`)
	]);
	const y = latest[0]?.y;
	return { estates, facilities, balances, fundVotes, latestBalanceYear: typeof y === 'number' ? y : null };
}

/** The settings the app and the command line start from: the year after the latest balance, 20 years, 1.5 %, no growth. */
export function defaultReserveSettings(data: Pick<ReserveData, 'latestBalanceYear'>, thisYear = new Date().getUTCFullYear()): ReserveSettings {
	return {
		firstYear: data.latestBalanceYear === null ? thisYear : data.latestBalanceYear + 1,
		years: RESERVE_SETTING_DEFAULTS.years,
		interestRate: RESERVE_SETTING_DEFAULTS.interestRate.value,
		growthRate: RESERVE_SETTING_DEFAULTS.growthRate.value
	};
}

function groupBy<T extends { estate_id: string }>(rows: readonly T[]): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const r of rows) {
		const list = m.get(r.estate_id);
		if (list) list.push(r);
		else m.set(r.estate_id, [r]);
	}
	return m;
}

/** The plan input of each estate (costs shared over the chargeable area; households as recorded). */
export function reserveInputs(data: ReserveData): EstateReserveInput[] {
	const facilities = groupBy(data.facilities);
	const balances = groupBy(data.balances);
	return data.estates.map((e) => ({
		estate_id: e.estate_id,
		area_m2: e.chargeable_area_m2,
		households: e.households,
		facilities: facilities.get(e.estate_id) ?? [],
		balances: balances.get(e.estate_id) ?? []
	}));
}

/** Every estate's plan under the settings. */
export function reservePlans(data: ReserveData, settings: ReserveSettings): ReservePlan[] {
	return reserveInputs(data).map((input) => planReserve(input, settings));
}

/**
 * Owners and exclusive area for the vote: from a recorded fund vote if there is one (the assembly's own roll),
 * else households (one owner per home) and the unit-size table's exclusive area, else the chargeable area.
 */
export function voteBase(estate: ReserveEstate, votes: readonly ReserveVote[]): { owners: number; areaM2: number; from: 'vote' | 'unit_sizes' | 'chargeable_area' } {
	const v = votes.find((x) => x.estate_id === estate.estate_id);
	if (v) return { owners: v.owners_total, areaM2: v.area_total_m2, from: 'vote' };
	if (estate.exclusive_area_m2 !== null && estate.exclusive_area_m2 > 0) return { owners: estate.households, areaM2: estate.exclusive_area_m2, from: 'unit_sizes' };
	return { owners: estate.households, areaM2: estate.chargeable_area_m2, from: 'chargeable_area' };
}
