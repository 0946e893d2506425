/** Sums over plan rows (削减额 / 削减比例 per estate over the plan years). */
import { sumFen } from '../../money';
import type { BuildingType } from '../../vocabulary';
import type { Plan, PlanRow } from './rows';

/** Amounts of a set of plan rows, summed in fen, with the cut share. */
export interface RowSums {
	base_fen: number;
	reward_fen: number;
	request_fen: number;
	paid_fen: number;
	/** 削减额: request − paid. */
	cut_fen: number;
	/** 削减比例: cut ÷ request; null when nothing was requested. */
	cut_share: number | null;
}

/** Sums of plan rows in fen (exact), e.g. one year's rows or one estate's years. */
export function sumRows(rows: readonly PlanRow[]): RowSums {
	const f = (g: (r: PlanRow) => number) => sumFen(rows.map(g));
	const request = f((r) => r.request_fen);
	const cut = f((r) => r.cut_fen);
	return {
		base_fen: f((r) => r.base_fen),
		reward_fen: f((r) => r.reward_fen),
		request_fen: request,
		paid_fen: f((r) => r.paid_fen),
		cut_fen: cut,
		cut_share: request > 0 ? cut / request : null
	};
}

/** One estate over all plan years. */
export interface EstatePlanTotal extends RowSums {
	estate_id: string;
	name: string;
	building_type: BuildingType;
	area_m2: number;
	/** Plan years with a row. */
	years: number;
}

/** Each estate's amounts summed over the plan years (the estates that lose most under a cap: sort by cut). */
export function estateTotals(plan: Plan): EstatePlanTotal[] {
	const by = new Map<string, PlanRow[]>();
	for (const r of plan.rows) {
		const list = by.get(r.estate_id);
		if (list) list.push(r);
		else by.set(r.estate_id, [r]);
	}
	return [...by.values()].map((rs) => ({
		estate_id: rs[0].estate_id,
		name: rs[0].name,
		building_type: rs[0].building_type,
		area_m2: rs[0].area_m2,
		years: rs.length,
		...sumRows(rs)
	}));
}
