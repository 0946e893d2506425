/**
 * Goal seek in the subsidy plan (docs/sources.md §19): the one parameter of the schedule that makes the total
 * subsidy over the plan years equal a multi-year budget, and the smallest yearly cap at which every estate keeps
 * its base subsidy. Every evaluation is the app's own plan (planPortfolio: fees billed in whole fen per ㎡, amounts
 * in whole fen, the budget rule), so the totals are step functions of the parameter: the search is bracketed and
 * the answer is the roundest parameter among those that give the total nearest the budget from below.
 */
import { applyBudgetToYear, dataYearFor, latestDataYearOf, planPortfolio, ticketYear, type EstatePlanInput, type OwnerFee, type PlanRow, type Policy } from '../subsidy';
import { roundCandidates, smallestInteger, solveBracketed, type GoalAnswer, type GoalCheck } from './solver';
import { U, bi, fig, money, pc } from './text';

/** The parameter solved for: a yearly step of the taper, of the owners' share, or of the owners' fee. */
export type ScheduleParameter = 'taper_step' | 'owner_share_step' | 'owner_fee_step';

/** Parameters that apply to a policy: the taper always; the owners' step by the owner-fee mode. */
export function scheduleParameters(policy: Policy): ScheduleParameter[] {
	const out: ScheduleParameter[] = ['taper_step'];
	if (policy.ownerFee.mode === 'share_of_target') out.push('owner_share_step');
	if (policy.ownerFee.mode === 'current_fee') out.push('owner_fee_step');
	return out;
}

/** Largest value searched: a taper or share step of 1 ends it after the first year; 5 元/㎡·月 a year is past any fee. */
const MAX: Record<ScheduleParameter, number> = { taper_step: 1, owner_share_step: 1, owner_fee_step: 5 };

/**
 * The policy with parameter d (yearly caps removed: the multi-year budget takes their place):
 * taper_step: taper_i = max(0, 1 − i × d); owner_share_step: share_i = min(1, share₀ + i × d) of the target;
 * owner_fee_step: owners pay min(fee in force + i × d, max(fee in force, target)).
 */
export function policyWithParameter(policy: Policy, parameter: ScheduleParameter, d: number): Policy {
	const n = policy.years.length;
	const base: Policy = { ...policy, budget: { ...policy.budget, caps: null } };
	if (parameter === 'taper_step') return { ...base, taper: Array.from({ length: n }, (_, i) => Math.max(0, 1 - i * d)) };
	if (parameter === 'owner_share_step') {
		const s0 = policy.ownerFee.mode === 'share_of_target' ? policy.ownerFee.shares[0] : 0;
		const ownerFee: OwnerFee = { mode: 'share_of_target', shares: Array.from({ length: n }, (_, i) => Math.min(1, s0 + i * d)) };
		return { ...base, ownerFee };
	}
	return { ...base, ownerFee: { mode: 'current_fee', stepPerYear: d } };
}

/** Total requested over all plan years and estates, yuan (from the plan's fen). */
export function planTotal(policy: Policy, estates: readonly EstatePlanInput[]): number {
	const plan = planPortfolio(policy, estates);
	let fen = 0;
	for (const t of plan.totals) fen += t.requested_fen;
	return fen / 100;
}

/**
 * The estates with only the tickets of the data years the plan reads: the plan is the same (an assessment reads
 * the tickets of its own data year only), and faster to run. The final checks always run on the estates as given.
 */
export function searchInputs(policy: Policy, estates: readonly EstatePlanInput[]): EstatePlanInput[] {
	const latest = latestDataYearOf(estates);
	const years = new Set(policy.years.map((y) => dataYearFor(policy, y, latest).dataYear));
	return estates.map((e) => ({ ...e, tickets: e.tickets.filter((t) => years.has(ticketYear(t))) }));
}

/** Sum of the rewards requested over the plan years, yuan. */
function rewardTotal(policy: Policy, estates: readonly EstatePlanInput[]): number {
	let fen = 0;
	for (const t of planPortfolio(policy, estates).totals) fen += t.reward_fen;
	return fen / 100;
}

/**
 * The plan total as a function of the parameter, for the search: the rewards do not depend on the taper or the
 * owners' fee, so they are summed once and the base subsidies come from the plan run without rewards and without
 * tickets (which only feed the assessment behind the rewards): the same total, dozens of times faster.
 */
function totalFor(policy: Policy, parameter: ScheduleParameter, estates: readonly EstatePlanInput[]): (d: number) => number {
	const rewards = rewardTotal(policy, searchInputs(policy, estates));
	const bare = estates.map((e) => ({ ...e, tickets: [] }));
	const noReward: Policy = { ...policy, reward: { ...policy.reward, rate: { multi: 0, high: 0 } } };
	return (d) => Math.round((planTotal(policyWithParameter(noReward, parameter, d), bare) + rewards) * 100) / 100;
}

const FORMULA: Record<ScheduleParameter, { zh: string; en: string }> = {
	taper_step: { zh: '退坡系数ᵢ = max(0, 1 − i × d)', en: 'taperᵢ = max(0, 1 − i × d)' },
	owner_share_step: { zh: '业主承担比例ᵢ = min(1, 首年比例 + i × d)', en: 'owners’ shareᵢ = min(1, first-year share + i × d)' },
	owner_fee_step: { zh: '业主缴费ᵢ = min(现行收费 + i × d, max(现行收费, 目标费))', en: 'owner feeᵢ = min(fee in force + i × d, max(fee in force, target))' }
};

/** A parameter value as people read it: shares as percentages, a fee step in 元/㎡·月. */
function show(parameter: ScheduleParameter, d: number): { zh: string; en: string } {
	return parameter === 'owner_fee_step' ? bi(`${fig(d, 4)} 元/㎡·月`, `${fig(d, 4)} yuan/m²/month`) : bi(pc(d, 4), pc(d, 4));
}

export type ScheduleAnswer = GoalAnswer & { parameter: ScheduleParameter; total?: number };

/**
 * The parameter d (see policyWithParameter) at which the total subsidy over the plan years meets the budget: the
 * totals fall as d grows, so d is the smallest value whose total is within the budget, then the roundest value that
 * gives the same total. No solution when the budget exceeds the total at d = 0 or is below the total at the largest d.
 */
export function scheduleForBudget(policy: Policy, estates: readonly EstatePlanInput[], budget: number, parameter: ScheduleParameter): ScheduleAnswer {
	const total = totalFor(policy, parameter, estates);
	const n = policy.years.length;
	const equation = bi(
		`Σ ${n} 年 Σ ${estates.length} 个小区 [max(0, 目标费 − 业主缴费ᵢ) × 面积 × 12 × 退坡系数ᵢ + 考核奖励] = 预算 ${money(budget)} 元，其中 ${FORMULA[parameter].zh}，求 d（年度上限不计，多年预算代替）`,
		`Σ over ${n} years and ${estates.length} estates of [max(0, target − owner feeᵢ) × area × 12 × taperᵢ + reward] = budget ${money(budget)} yuan, where ${FORMULA[parameter].en}; solve for d (yearly caps left out: the multi-year budget replaces them)`
	);
	const hi = MAX[parameter];
	const t0 = total(0);
	const tMax = total(hi);
	if (!(Number.isFinite(budget) && budget >= 0)) {
		return { status: 'no_solution', parameter, equation, reason: bi('预算须为不小于 0 的金额。', 'The budget must be an amount of at least 0.') };
	}
	if (budget > t0 + 0.005) {
		return {
			status: 'no_solution',
			parameter,
			equation,
			reason: bi(
				`d = 0 时 ${n} 年合计只需 ${money(t0)} 元，低于预算 ${money(budget)}：这个参数只会让合计更少，无需调整（预算有余 ${money(budget - t0)} 元）。`,
				`At d = 0 the ${n} years need only ${money(t0)} yuan, less than the budget of ${money(budget)}: this parameter only lowers the total, so nothing needs to change (${money(budget - t0)} yuan to spare).`
			)
		};
	}
	if (budget < tMax - 0.005) {
		return {
			status: 'no_solution',
			parameter,
			equation,
			reason: bi(
				`d 取最大（${show(parameter, hi).zh}）时合计仍需 ${money(tMax)} 元，高于预算 ${money(budget)}（其中考核奖励与首年补贴不随 d 变化）：单靠这个参数无法满足预算。`,
				`Even at the largest d (${show(parameter, hi).en}) the total is ${money(tMax)} yuan, above the budget of ${money(budget)} (rewards and the first year do not depend on d): this parameter alone cannot meet the budget.`
			)
		};
	}
	// Smallest d with total ≤ budget (to 1e-9 or till the totals at the two ends are a fen apart), then the roundest
	// d at or above it that gives the same total.
	// Owners' fees are billed in whole fen per ㎡: the total is all steps, so bisection to 1e-7 (a share of 0.00001 %).
	const steps = parameter !== 'taper_step';
	const first = budget >= t0 - 0.005 ? { lo: 0, hi: 0, fhi: t0, flo: t0, evaluations: 0 } : solveBracketed(total, budget + 0.005, 0, hi, steps ? { xTol: 1e-7, bisect: true } : { xTol: 1e-9, fTol: 0.011 });
	if (!('lo' in first)) throw new Error('scheduleForBudget: the total is not monotone in the parameter');
	const dLow = first.hi;
	const reached = first.fhi;
	let d = dLow;
	let evaluations = 3 + first.evaluations;
	// From the bracket's low end: the search may stop anywhere on the plateau of the reached total.
	for (const c of roundCandidates(first.lo, hi)) {
		evaluations++;
		if (Math.abs(total(c) - reached) < 0.005) {
			d = c;
			break;
		}
	}
	// The check: the plan itself, on the estates as given.
	const got = planTotal(policyWithParameter(policy, parameter, d), estates);
	// Totals below the budget jump: the nearest total above it, just below dLow, says how close any d can come.
	const above = first.flo;
	const jump = above - reached;
	const exact = Math.abs(got - budget) <= 0.01;
	const check: GoalCheck = {
		forward: bi('补贴方案：planPortfolio 各年申请额合计', 'Subsidy plan: planPortfolio, requests summed over the years'),
		text: bi(
			`d = ${show(parameter, d).zh} 代入方案，${n} 年合计 ${money(got)} 元，预算 ${money(budget)} 元，差 ${money(got - budget)}${exact ? '' : `；d 略小于 ${show(parameter, dLow).zh} 时合计为 ${money(above)}：业主缴费按分计、金额按分取整，合计在此跳变 ${money(jump)} 元，没有 d 能恰好等于预算`}`,
			`With d = ${show(parameter, d).en} the plan totals ${money(got)} yuan over ${n} years against a budget of ${money(budget)}, off by ${money(got - budget)}${exact ? '' : `; just below d = ${show(parameter, dLow).en} it totals ${money(above)}: owners' fees are billed in whole fen per m² and amounts rounded to the fen, so the total jumps by ${money(jump)} here and no d meets the budget exactly`}`
		),
		residual: got - budget,
		tolerance: exact ? 0.01 : Math.max(0.01, jump),
		unit: U.yuan,
		ok: got <= budget + 0.01 && (exact || above > budget)
	};
	return {
		status: 'solved',
		parameter,
		equation,
		method: 'bisection',
		value: d,
		unit: parameter === 'owner_fee_step' ? U.feeM2 : U.share,
		text: bi(`d = ${show(parameter, d).zh}：${n} 年补贴合计 ${money(got)} 元`, `d = ${show(parameter, d).en}: the subsidy totals ${money(got)} yuan over ${n} years`),
		check,
		evaluations,
		total: got
	};
}

/** Rows whose base subsidy the budget cut. */
function baseCut(rows: readonly PlanRow[]): PlanRow[] {
	return rows.filter((r) => r.base_paid_fen < r.base_fen);
}

export interface CapYear {
	year: number;
	/** Smallest cap that year, yuan. */
	cap: number;
	requested: number;
	base: number;
}

export type CapAnswer = GoalAnswer & { byYear?: CapYear[] };

/**
 * The smallest yearly cap (one figure for every year, in whole fen) at which no estate's base subsidy is cut by the
 * budget rule in any year. Per year the predicate "every base paid in full" turns true once as the cap grows (between
 * the sum of the bases and the sum of the requests), so an integer bisection on the rule itself finds it; the answer
 * is the largest over the years, checked in the full plan at that cap and one fen below.
 */
export function smallestCapKeepingBase(policy: Policy, estates: readonly EstatePlanInput[]): CapAnswer {
	const uncapped: Policy = { ...policy, budget: { ...policy.budget, caps: null } };
	const rows = planPortfolio(uncapped, searchInputs(policy, estates)).rows;
	const rule = policy.budget.rule;
	const equation = bi(
		`求最小的年度上限 C（分）：按“${rule === 'pro_rata' ? '按比例削减' : rule === 'largest_gap_first' ? '缺口最大者优先' : '得分最低者优先'}”规则分配后，每年每个小区的基础补贴都足额拨付（已拨基础补贴 = 基础补贴）`,
		`Smallest yearly cap C (in fen) such that, after the ${rule.replace(/_/g, ' ')} rule, every estate's base subsidy is paid in full in every year (base paid = base)`
	);
	const byYear: CapYear[] = [];
	let evaluations = 0;
	for (const year of policy.years) {
		const ys = rows.filter((r) => r.year === year);
		const requested = ys.reduce((s, r) => s + r.request_fen, 0);
		const base = ys.reduce((s, r) => s + r.base_fen, 0);
		const keeps = (c: number) => baseCut(applyBudgetToYear(policy, ys.map((r) => ({ ...r, cap_fen: c, cap: c / 100 })))).length === 0;
		let cap = 0;
		if (base > 0) {
			const found = smallestInteger(keeps, base - 1, requested);
			cap = found.n;
			evaluations += found.evaluations;
		}
		byYear.push({ year, cap: cap / 100, requested: requested / 100, base: base / 100 });
	}
	if (byYear.every((y) => y.base === 0)) {
		return { status: 'no_solution', equation, reason: bi('方案中没有任何基础补贴，任何上限都不会削减它。', 'The plan has no base subsidy, so no cap can cut one.'), byYear };
	}
	const binding = byYear.reduce((a, b) => (b.cap > a.cap ? b : a));
	const capFen = Math.round(binding.cap * 100);
	const at = planPortfolio({ ...policy, budget: { ...policy.budget, caps: capFen / 100 } }, estates);
	const below = planPortfolio({ ...policy, budget: { ...policy.budget, caps: (capFen - 1) / 100 } }, estates);
	const cutAt = baseCut(at.rows);
	const cutBelow = baseCut(below.rows);
	const check: GoalCheck = {
		forward: bi('补贴方案：planPortfolio 按上限分配后的已拨基础补贴', 'Subsidy plan: planPortfolio, base paid after the cap'),
		text: bi(
			`上限 ${money(capFen / 100)} 元：基础补贴被削减的小区 ${cutAt.length} 个；上限少 1 分（${money((capFen - 1) / 100)} 元）：${cutBelow.length} 个${cutBelow[0] ? `（如 ${cutBelow[0].name}，${cutBelow[0].year} 年）` : ''}`,
			`Cap ${money(capFen / 100)} yuan: ${cutAt.length} estates lose base subsidy; one fen less (${money((capFen - 1) / 100)}): ${cutBelow.length}${cutBelow[0] ? ` (e.g. ${cutBelow[0].name}, ${cutBelow[0].year})` : ''}`
		),
		residual: cutAt.length,
		tolerance: 0,
		unit: U.estates,
		ok: cutAt.length === 0 && cutBelow.length > 0
	};
	return {
		status: 'solved',
		equation,
		method: 'bisection',
		value: capFen / 100,
		unit: U.yuan,
		text: bi(
			`最小年度上限 ${money(capFen / 100)} 元（${binding.year} 年申请 ${money(binding.requested)} 元，其中基础补贴 ${money(binding.base)} 元）`,
			`Smallest yearly cap ${money(capFen / 100)} yuan (${binding.year}: requests ${money(binding.requested)}, of which base ${money(binding.base)})`
		),
		check,
		evaluations: evaluations + 3,
		byYear
	};
}
