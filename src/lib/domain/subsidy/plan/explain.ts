/** Why a row is reduced or withheld (reason codes) and the step-by-step explanation of one estate's plan. */
import { formatFigure } from '../../format';
import { fenToYuan } from '../../money';
import type { Bilingual } from '../../provenance';
import type { AssessmentScore } from '../assessment';
import { BUDGET_RULE_LABELS, type Policy } from '../policy';
import type { EstatePlanInput, Plan, PlanRow } from './rows';
import { assessEstateYear, planEstateRequests } from './requests';

export const REASON_CODES = [
	'projected',
	'no_target',
	'no_owner_fee',
	'no_gap',
	'taper_zero',
	'no_score',
	'below_threshold',
	'partial_reward',
	'collection_unknown',
	'collection_below_floor',
	'capped_pro_rata',
	'partial_funding',
	'unfunded'
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Readonly<Record<ReasonCode, Bilingual>> = {
	projected: { zh: '沿用最近一年的考核数据（预测）', en: 'Uses the last year with data (projection)' },
	no_target: { zh: '目标费未知（缺少 Q 或现行收费）', en: 'Target fee unknown (no Q or no fee in force)' },
	no_owner_fee: { zh: '业主缴费标准未知（缺少现行收费）', en: 'Owner-paid fee unknown (no fee in force)' },
	no_gap: { zh: '业主缴费已达目标费：无基础补贴', en: 'Owners already pay the target fee: no base subsidy' },
	taper_zero: { zh: '本年度基础补贴已退坡为零', en: 'Base subsidy tapered to zero this year' },
	no_score: { zh: '没有考核得分：不发奖励', en: 'No assessment score: no reward' },
	below_threshold: { zh: '考核得分未达门槛：不发奖励', en: 'Score below the threshold: no reward' },
	partial_reward: { zh: '考核得分未达满额：部分奖励', en: 'Score below full-reward level: part of the reward' },
	collection_unknown: { zh: '收缴率未知：暂停奖励', en: 'Collection rate unknown: reward withheld' },
	collection_below_floor: { zh: '收缴率低于底线：暂停奖励', en: 'Collection below the floor: reward withheld' },
	capped_pro_rata: { zh: '预算不足：按比例削减', en: 'Budget short: cut pro rata' },
	partial_funding: { zh: '预算用尽：部分拨付', en: 'Budget ran out: funded in part' },
	unfunded: { zh: '预算用尽：未拨付', en: 'Budget ran out: not funded' }
};

/** Every reason that applies to a row, in a fixed order. */
export function rowReasons(row: PlanRow): ReasonCode[] {
	const out: ReasonCode[] = [];
	if (row.projected) out.push('projected');
	if (row.base_status !== 'ok') out.push(row.base_status);
	if (row.reward_rate > 0) {
		if (row.score === null) out.push('no_score');
		else if (row.meets_threshold === false) out.push('below_threshold');
		else if (row.reward_status === 'paid' && (row.reward_factor ?? 0) < 1) out.push('partial_reward');
		if (!row.collection_ok) out.push(row.collection_rate === null ? 'collection_unknown' : 'collection_below_floor');
	}
	if (row.funding === 'pro_rata') out.push('capped_pro_rata');
	if (row.funding === 'partial') out.push('partial_funding');
	if (row.funding === 'unfunded') out.push('unfunded');
	return out;
}

const f2 = (x: number) => formatFigure(x, 2);
const f4 = (x: number) => formatFigure(x, 4);
const pct = (x: number) => `${formatFigure(100 * x, 1)}%`;

/**
 * Step-by-step explanation of one row with its figures (both languages): data year, assessment, target and
 * owner-paid fee, base subsidy, reward, budget.
 */
export function explainRow(policy: Policy, row: PlanRow): Bilingual[] {
	const steps: Bilingual[] = [];
	const lag = policy.assessment.lag;
	steps.push({
		zh: `${row.year} 年按 ${row.data_year} 年的考核数据计算（滞后 ${lag} 年${row.projected ? '；此后年份尚无数据，沿用最近一年' : ''}）。`,
		en: `${row.year} uses the assessment of ${row.data_year} (lag ${lag}${row.projected ? '; no data yet for later years, the last year is reused' : ''}).`
	});
	const w = policy.assessment.weights;
	const tickets =
		row.opened > 0
			? {
					zh: `工单 ${row.opened} 件，已结 ${row.closed} 件（处置率 ${pct(row.handling_rate as number)}），按时 ${row.on_time} 件（及时率 ${pct(row.on_time_rate as number)}）${row.median_hours === null ? '' : `，结单中位 ${f2(row.median_hours)} 小时`}`,
					en: `${row.opened} tickets, ${row.closed} closed (handling ${pct(row.handling_rate as number)}), ${row.on_time} on time (on-time ${pct(row.on_time_rate as number)})${row.median_hours === null ? '' : `, median ${f2(row.median_hours)} h to close`}`
				}
			: { zh: '无工单', en: 'no tickets' };
	steps.push({
		zh: `考核：Q ${row.q === null ? '缺失' : f2(row.q)}；${tickets.zh}；权重 Q ${w.q} / 处置 ${w.handling} / 及时 ${w.onTime} / 时长 ${w.median} → 得分 ${row.score === null ? '无' : f2(row.score)}。`,
		en: `Assessment: Q ${row.q === null ? 'missing' : f2(row.q)}; ${tickets.en}; weights Q ${w.q} / handling ${w.handling} / on-time ${w.onTime} / time ${w.median} → score ${row.score === null ? 'none' : f2(row.score)}.`
	});
	const t = policy.target;
	const targetHow: Bilingual =
		t.mode === 'by_building_type'
			? { zh: '按建筑类型', en: 'by building type' }
			: t.mode === 'by_grade'
				? { zh: `按 Q 所达等级（${row.grade ?? '—'} 级）`, en: `by the grade Q reaches (grade ${row.grade ?? '—'})` }
				: { zh: '取现行收费', en: 'the fee in force' };
	const o = policy.ownerFee;
	const ownerHow: Bilingual =
		o.mode === 'schedule'
			? { zh: '按年度缴费表', en: 'from the yearly schedule' }
			: o.mode === 'share_of_target'
				? { zh: `目标费的 ${pct(o.shares[row.year_index])}`, en: `${pct(o.shares[row.year_index])} of the target fee` }
				: {
						zh: `现行 ${row.current_fee === null ? '—' : f4(row.current_fee)} 每年加 ${o.stepPerYear}，至目标为止`,
						en: `fee in force ${row.current_fee === null ? '—' : f4(row.current_fee)} plus ${o.stepPerYear} a year, up to the target`
					};
	if (row.target_fee === null || row.owner_fee === null) {
		steps.push({
			zh: `基础补贴：${REASON_LABELS[row.base_status === 'no_owner_fee' ? 'no_owner_fee' : 'no_target'].zh}，为 0。`,
			en: `Base subsidy: ${REASON_LABELS[row.base_status === 'no_owner_fee' ? 'no_owner_fee' : 'no_target'].en}, so 0.`
		});
	} else {
		steps.push({
			zh: `基础补贴 = max(0, 目标费 ${f4(row.target_fee)}（${targetHow.zh}）− 业主缴费 ${f4(row.owner_fee)}（${ownerHow.zh}））× ${f2(row.area_m2)} ㎡ × 12 × 退坡系数 ${row.taper} = ${f2(row.base)} 元。`,
			en: `Base subsidy = max(0, target ${f4(row.target_fee)} (${targetHow.en}) − owner-paid ${f4(row.owner_fee)} (${ownerHow.en})) × ${f2(row.area_m2)} m² × 12 × taper ${row.taper} = ${f2(row.base)} yuan.`
		});
	}
	const { threshold, span } = policy.reward;
	if (row.reward_status === 'no_rate') {
		steps.push({ zh: '本政策不设考核奖励。', en: 'The policy pays no assessment reward.' });
	} else if (row.reward_status === 'paid') {
		steps.push({
			zh: `考核奖励 = ${row.reward_rate} × clip((${f2(row.score as number)} − ${threshold}) ÷ ${span}, 0, 1) = ${row.reward_rate} × ${f4(row.reward_factor as number)} × ${f2(row.area_m2)} ㎡ × 12 = ${f2(row.reward)} 元。`,
			en: `Reward = ${row.reward_rate} × clip((${f2(row.score as number)} − ${threshold}) ÷ ${span}, 0, 1) = ${row.reward_rate} × ${f4(row.reward_factor as number)} × ${f2(row.area_m2)} m² × 12 = ${f2(row.reward)} yuan.`
		});
	} else {
		const why: Bilingual =
			row.reward_status === 'below_threshold'
				? { zh: `得分 ${f2(row.score as number)} 低于门槛 ${threshold}`, en: `score ${f2(row.score as number)} is below the threshold ${threshold}` }
				: row.reward_status === 'collection_below_floor'
					? { zh: `收缴率 ${pct(row.collection_rate as number)} 低于底线 ${pct(policy.collectionFloor)}`, en: `collection ${pct(row.collection_rate as number)} is below the floor ${pct(policy.collectionFloor)}` }
					: row.reward_status === 'collection_unknown'
						? { zh: `${row.data_year} 年收缴率未知（底线 ${pct(policy.collectionFloor)}）`, en: `collection for ${row.data_year} unknown (floor ${pct(policy.collectionFloor)})` }
						: { zh: '没有考核得分', en: 'no assessment score' };
		steps.push({ zh: `考核奖励：${why.zh}，不发放。`, en: `Reward withheld: ${why.en}.` });
	}
	const rule = BUDGET_RULE_LABELS[policy.budget.rule];
	const budget: Bilingual =
		row.cap === null
			? { zh: `本年度不设预算上限：拨付 ${f2(row.paid)} 元。`, en: `No budget cap this year: ${f2(row.paid)} yuan paid.` }
			: row.funding === 'full'
				? { zh: `预算上限 ${f2(row.cap)} 元（${rule.zh}）内全额拨付 ${f2(row.paid)} 元。`, en: `Within the cap of ${f2(row.cap)} yuan (${rule.en}): ${f2(row.paid)} yuan paid in full.` }
				: row.funding === 'pro_rata'
					? { zh: `申请总额超出预算上限 ${f2(row.cap)} 元：按比例拨付 ${pct(row.funded_share as number)}，即 ${f2(row.paid)} 元。`, en: `Requests exceed the cap of ${f2(row.cap)} yuan: ${pct(row.funded_share as number)} paid pro rata, ${f2(row.paid)} yuan.` }
					: row.funding === 'partial'
						? { zh: `按「${rule.zh}」排第 ${row.priority_rank} 位，预算余额只够部分拨付：${f2(row.paid)} 元（${pct(row.funded_share as number)}）。`, en: `Ranked ${row.priority_rank} (${rule.en}); the rest of the budget funds it in part: ${f2(row.paid)} yuan (${pct(row.funded_share as number)}).` }
						: row.funding === 'unfunded'
							? { zh: `按「${rule.zh}」排第 ${row.priority_rank} 位，预算已用尽：未拨付。`, en: `Ranked ${row.priority_rank} (${rule.en}); the budget ran out: nothing paid.` }
							: { zh: '无申请金额。', en: 'Nothing requested.' };
	steps.push(budget);
	return steps;
}

/** One plan year of one estate, explained. */
export interface EstateYearExplanation {
	year: number;
	/** The row computed here in TypeScript, with the budget outcome taken from the portfolio plan. */
	row: PlanRow;
	/** The assessment behind the score: parts, shares and notes. */
	assessment: AssessmentScore;
	steps: Bilingual[];
	/** Requests computed here differ from the portfolio plan's (e.g. the plan came from other data). */
	differsFromPlan: boolean;
}

/**
 * The single-estate explanation: the estate's rows recomputed in TypeScript from its raw facts with the same
 * formulas, the budget outcome (which depends on the other estates) taken from the portfolio plan (typically the
 * one computed in SQL), and the steps of each year.
 */
export function explainEstate(policy: Policy, estate: EstatePlanInput, plan: Plan): EstateYearExplanation[] {
	return planEstateRequests(policy, estate, plan.latestDataYear).map((own) => {
		const portfolio = plan.rows.find((r) => r.estate_id === estate.estate_id && r.year === own.year);
		const row: PlanRow = portfolio
			? {
					...own,
					priority_rank: portfolio.priority_rank,
					funding: portfolio.funding,
					funded_share: portfolio.funded_share,
					base_paid_fen: portfolio.base_paid_fen,
					base_paid: portfolio.base_paid,
					reward_paid_fen: portfolio.reward_paid_fen,
					reward_paid: portfolio.reward_paid,
					paid_fen: portfolio.paid_fen,
					paid: portfolio.paid,
					cut_fen: own.request_fen - portfolio.paid_fen,
					cut: fenToYuan(own.request_fen - portfolio.paid_fen),
					cut_share: own.request_fen > 0 ? (own.request_fen - portfolio.paid_fen) / own.request_fen : null
				}
			: own;
		return {
			year: own.year,
			row,
			assessment: assessEstateYear(policy, estate, own.data_year),
			steps: explainRow(policy, row),
			differsFromPlan: portfolio === undefined || portfolio.base_fen !== own.base_fen || portfolio.reward_fen !== own.reward_fen
		};
	});
}
