/**
 * Facts of one estate in one data year (fee in force, Q, collection rate, assessment) and the requests they give
 * for every plan year, before the budget.
 */
import { roundFee } from '../../money';
import { assessmentScore, ticketStats, ticketYear, type AssessmentScore } from '../assessment';
import {
	assessmentSettingsOf,
	capAt,
	ownerFeeAt,
	rewardFactor,
	rewardRate,
	taperAt,
	targetFee,
	targetGrade,
	type Policy
} from '../policy';
import {
	type BaseStatus,
	type EstatePlanInput,
	type FeeRowInput,
	type PlanRow,
	type RewardStatus,
	requestRow
} from './rows';

/** Fee in 元/㎡·月 as the SQL computes it: a per-household fee ÷ (area ÷ households). */
export function feeM2(row: FeeRowInput, area: number, households: number): number | null {
	if (row.fee_unit === 'per_m2_month') return row.fee;
	return households === 0 ? null : row.fee / (area / households);
}

function meanOf(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let s = 0;
	for (const v of values) s += v;
	return s / values.length;
}

/** Mean Q of an estate's score periods in a year; null without any. */
export function qOfYear(estate: EstatePlanInput, year: number): number | null {
	return meanOf(estate.quality.filter((p) => p.q !== null && Number(p.period.slice(0, 4)) === year).map((p) => p.q as number));
}

/** Fee rows by year, duplicates averaged (as the SQL groups them). */
function feeYears(estate: EstatePlanInput): { year: number; fee_m2: number | null; collection_rate: number | null }[] {
	const years = [...new Set(estate.fees.map((f) => f.year))].sort((a, b) => a - b);
	return years.map((year) => {
		const rows = estate.fees.filter((f) => f.year === year);
		const fees = rows.map((f) => feeM2(f, estate.area_m2, estate.households)).filter((x): x is number => x !== null);
		const coll = rows.map((f) => f.collection_rate).filter((x): x is number => x !== null);
		return { year, fee_m2: meanOf(fees), collection_rate: meanOf(coll) };
	});
}

/** Fee in force in a year: the latest fee year up to it, else the earliest fee year. */
export function feeInForce(estate: EstatePlanInput, year: number): number | null {
	const ys = feeYears(estate);
	if (ys.length === 0) return null;
	const upTo = ys.filter((f) => f.year <= year);
	return (upTo.length > 0 ? upTo[upTo.length - 1] : ys[0]).fee_m2;
}

/** Collection rate of a year (null without a fee row or rate for it). */
export function collectionOf(estate: EstatePlanInput, year: number): number | null {
	return feeYears(estate).find((f) => f.year === year)?.collection_rate ?? null;
}

/** Last year with a quality score across the estates (null without any). */
export function latestDataYearOf(estates: readonly EstatePlanInput[]): number | null {
	let y: number | null = null;
	for (const e of estates) for (const p of e.quality) if (p.q !== null) y = Math.max(y ?? -Infinity, Number(p.period.slice(0, 4)));
	return y;
}

/** Data year of a plan year: year − lag, moved back to the last data year when beyond it. */
export function dataYearFor(policy: Policy, year: number, latestDataYear: number | null): { dataYear: number; projected: boolean } {
	const d = year - policy.assessment.lag;
	return latestDataYear !== null && d > latestDataYear ? { dataYear: latestDataYear, projected: true } : { dataYear: d, projected: false };
}

/** The assessment of an estate in a data year (score with its inputs). */
export function assessEstateYear(policy: Policy, estate: EstatePlanInput, dataYear: number): AssessmentScore {
	const settings = assessmentSettingsOf(policy);
	const tickets = estate.tickets.filter((t) => ticketYear(t) === dataYear);
	return assessmentScore(qOfYear(estate, dataYear), ticketStats(tickets, settings.timeLimitsHours), settings);
}

/**
 * An estate's rows for every plan year, before the budget (funding as if uncapped). Operations in the SQL's order:
 * base = ((gap × area) × 12) × taper; reward = ((rate × factor) × area) × 12.
 */
export function planEstateRequests(policy: Policy, estate: EstatePlanInput, latestDataYear: number | null): PlanRow[] {
	return policy.years.map((year, i) => {
		const { dataYear, projected } = dataYearFor(policy, year, latestDataYear);
		const a = assessEstateYear(policy, estate, dataYear);
		const current = feeInForce(estate, dataYear);
		const collection = collectionOf(estate, dataYear);
		const target = targetFee(policy, estate.building_type, a.q, current);
		const owner = ownerFeeAt(policy, i, estate.building_type, target, current);
		// Both fees are whole fen per ㎡; rounding their difference removes binary noise (0.4 − 0.1 = 0.30000000000000004).
		const gap = target === null || owner === null ? 0 : roundFee(Math.max(0, target - owner));
		const taper = taperAt(policy, i);
		const base = gap * estate.area_m2 * 12 * taper;
		const baseStatus: BaseStatus =
			target === null ? 'no_target' : owner === null ? 'no_owner_fee' : gap === 0 ? 'no_gap' : taper === 0 ? 'taper_zero' : 'ok';

		const rate = rewardRate(policy, estate.building_type);
		const factor = rewardFactor(policy, a.score);
		const meets = a.score === null ? null : a.score >= policy.reward.threshold;
		const floor = policy.collectionFloor;
		const collectionOk = floor <= 0 || (collection !== null && collection >= floor);
		const rewardStatus: RewardStatus =
			rate === 0
				? 'no_rate'
				: a.score === null
					? 'no_score'
					: !meets
						? 'below_threshold'
						: !collectionOk && collection === null
							? 'collection_unknown'
							: !collectionOk
								? 'collection_below_floor'
								: 'paid';
		const reward = rewardStatus === 'paid' ? rate * (factor as number) * estate.area_m2 * 12 : 0;
		return requestRow({
			estate_id: estate.estate_id,
			name: estate.name,
			building_type: estate.building_type,
			area_m2: estate.area_m2,
			year,
			year_index: i,
			data_year: dataYear,
			projected,
			q: a.q,
			opened: a.tickets.opened,
			closed: a.tickets.closed,
			on_time: a.tickets.onTime,
			handling_rate: a.tickets.handlingRate,
			on_time_rate: a.tickets.onTimeRate,
			median_hours: a.tickets.medianHours,
			score: a.score,
			collection_rate: collection,
			current_fee: current,
			grade: targetGrade(policy, a.q),
			target_fee: target,
			owner_fee: owner,
			gap,
			taper,
			base_status: baseStatus,
			base,
			reward_rate: rate,
			reward_factor: factor,
			meets_threshold: meets,
			collection_ok: collectionOk,
			reward_status: rewardStatus,
			reward,
			cap: capAt(policy, i)
		});
	});
}
