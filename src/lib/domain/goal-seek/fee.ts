/**
 * Goal seek in the negotiation (docs/sources.md §19): the fee at which the firm breaks even at a given
 * collection rate, and the collection rate at which a proposed fee does.
 *
 * "Breaks even" means what the app's floor means (docs/sources.md §3, §6): what is collected pays the cost,
 * VAT and the stated profit (包干制) or commission (酬金制). Set the profit rate to 0 for the bare cost.
 * Both answers are checked in the app's own forward calculations: the break-even fee in computeCostFee (the
 * floor the negotiating range shows) and, billed to the fen, in evaluateProposals (the firm's surplus in the
 * proposals table); the collection rate in evaluateProposals.
 */
import { computeCostFee, evaluateProposals, type CostFeeInput, type CostFeeResult, type Proposal, type ProposalResult } from '../negotiation';
import { checkOf, solveBracketed, type GoalAnswer, type GoalCheck } from './solver';
import { U, bi, fig, money, pc } from './text';

/** A fee answer with the fee as billed (rounded up to the fen per ㎡, so it still breaks even) and its surplus. */
export type BreakEvenFeeAnswer = GoalAnswer & { billed?: { fee: number; check: GoalCheck } };

/** What the firm must keep once cost and VAT are paid: the profit (包干制) or nothing (酬金制, commission is a cost). */
export function requiredSurplus(costFee: CostFeeResult): number {
	return costFee.contract === 'lump_sum' ? costFee.annualCost * (costFee.rates.profitRate?.value ?? 0) : 0;
}

/** The firm's surplus at a fee and collection rate, from the proposals table's own calculation. */
function surplusAt(cost: CostFeeInput, fee: number, collectionRate: number, proposal?: Partial<Proposal>): ProposalResult {
	const context = { currentFee: fee, currentGrade: 3 as const, cost: { ...cost, collectionRate }, unitSizes: [], guidePrices: {} };
	return evaluateProposals(context, [{ label: 'goal', fee_m2: fee, promisedGrade: 3, ...proposal }])[0];
}

const surplusForward = bi('方案比较：企业盈亏（evaluateProposals）', 'Proposals: firm surplus (evaluateProposals)');

/**
 * The fee F at which the firm breaks even at collection rate c: F × c × billable share = cost-based fee.
 * Hand example: cost 1,200,000 元/年, 50,000 ㎡, no profit, no VAT, 80 % → 1,200,000 ÷ (50,000 × 12 × 0.8) = 2.50.
 * @throws RangeError from the cost build-up (area, negative cost, rates out of range).
 */
export function breakEvenFeeAt(cost: CostFeeInput, collectionRate: number): BreakEvenFeeAnswer {
	const full = computeCostFee({ ...cost, collectionRate: 1 });
	const fee = full.fee;
	const b = full.billableShare;
	const c = collectionRate;
	const head = bi(
		`F × 收缴率 × 可计费比例 = 成本法物业费（${full.explanation.fee.text.zh}）`,
		`F × collection rate × billable share = cost-based fee (${full.explanation.fee.text.en})`
	);
	if (!(Number.isFinite(c) && c > 0 && c <= 1)) {
		return {
			status: 'no_solution',
			equation: head,
			reason: bi(
				`收缴率须大于 0 且不超过 100%，输入为 ${Number.isFinite(c) ? pc(c) : String(c)}。收缴率为 0 时任何收费都收不到钱。`,
				`The collection rate must be above 0 and at most 100 %, got ${Number.isFinite(c) ? pc(c) : String(c)}. At 0 no fee collects anything.`
			)
		};
	}
	const F = fee / (c * b);
	const equation = bi(
		`${head.zh}：F × ${pc(c)} × ${fig(b)} = ${fig(fee)} ⇒ F = ${fig(fee)} ÷ (${pc(c)} × ${fig(b)}) = ${fig(F)} 元/㎡·月`,
		`${head.en}: F × ${pc(c)} × ${fig(b)} = ${fig(fee)} ⇒ F = ${fig(fee)} ÷ (${pc(c)} × ${fig(b)}) = ${fig(F)} yuan/m²/month`
	);
	const floor = computeCostFee({ ...cost, collectionRate: c }).breakEvenFee;
	const check = checkOf(
		bi(`成本核算：收缴率 ${pc(c)} 时的保本收费（协商区间底线，computeCostFee）`, `Cost build-up: break-even fee at ${pc(c)} collection (the range floor, computeCostFee)`),
		bi(`收缴率 ${pc(c)} 代入成本核算得保本收费 ${fig(floor, 6)}，解 ${fig(F, 6)}`, `At ${pc(c)} the cost build-up gives a break-even fee of ${fig(floor, 6)}; the answer is ${fig(F, 6)}`),
		floor,
		F,
		0.0005,
		U.feeM2
	);
	// Billed to the fen per ㎡, rounded up so the firm still breaks even (docs/sources.md §15 rule 3).
	const billedFee = Math.ceil(F * 100 - 1e-7) / 100;
	const r = surplusAt(cost, billedFee, c);
	const need = requiredSurplus(r.costFee);
	const billedCheck: GoalCheck = {
		forward: surplusForward,
		text: bi(
			`按 ${fig(billedFee, 2)} 元/㎡·月计费、收缴率 ${pc(c)}：实收 ${money(r.annualRevenueCollected)} − 增值税 ${money(r.annualVat)} − 成本 ${money(r.annualCost)}${r.annualCommission ? ` − 酬金 ${money(r.annualCommission)}` : ''} = ${money(r.surplus)} 元/年，应不少于 ${money(need)}（利润）`,
			`Billed at ${fig(billedFee, 2)} yuan/m²/month at ${pc(c)}: collected ${money(r.annualRevenueCollected)} − VAT ${money(r.annualVat)} − cost ${money(r.annualCost)}${r.annualCommission ? ` − commission ${money(r.annualCommission)}` : ''} = ${money(r.surplus)} yuan/year, at least ${money(need)} (profit)`
		),
		residual: r.surplus - need,
		tolerance: 0.01,
		unit: U.yuanPerYear,
		ok: r.surplus - need >= -0.01
	};
	return {
		status: 'solved',
		equation,
		method: 'closed_form',
		value: F,
		unit: U.feeM2,
		text: bi(
			`收缴率 ${pc(c)} 时的保本收费为 ${fig(F, 4)} 元/㎡·月（按分计费 ${fig(billedFee, 2)}）`,
			`At ${pc(c)} collection the break-even fee is ${fig(F, 4)} yuan/m²/month (billed ${fig(billedFee, 2)})`
		),
		check,
		evaluations: 0,
		billed: { fee: billedFee, check: billedCheck }
	};
}

/**
 * The collection rate c at which a proposal (fee, cost changes) breaks even: surplus(c) = the profit (包干制) or 0
 * (酬金制), surplus as the proposals table computes it (revenue rounded to the fen, so a bracketed search rather
 * than the closed form c = cost-based fee ÷ (F × billable share), which is shown beside it).
 * No solution when even 100 % collection falls short.
 */
export function collectionToCover(cost: CostFeeInput, proposal: Pick<Proposal, 'fee_m2'> & Partial<Proposal>): GoalAnswer {
	const F = proposal.fee_m2;
	const at = (c: number) => surplusAt(cost, F, c, proposal);
	const r1 = at(1);
	const need = requiredSurplus(r1.costFee);
	const fee = r1.costFee.fee;
	const b = r1.costFee.billableShare;
	const closed = fee / (F * b);
	const lump = r1.costFee.contract === 'lump_sum';
	const equation = bi(
		`实收 − 增值税 − 成本${lump ? '' : ' − 酬金'} = ${lump ? '利润' : '0'}，实收 = ${fig(F, 2)} × ${money(cost.chargeableAreaM2)} × 12 × ${fig(b)} × c；近似解 c = 成本法物业费 ÷ (F × 可计费比例) = ${fig(fee)} ÷ (${fig(F, 2)} × ${fig(b)}) = ${pc(closed)}`,
		`collected − VAT − cost${lump ? '' : ' − commission'} = ${lump ? 'profit' : '0'}, collected = ${fig(F, 2)} × ${money(cost.chargeableAreaM2)} × 12 × ${fig(b)} × c; closed form c = cost-based fee ÷ (F × billable share) = ${fig(fee)} ÷ (${fig(F, 2)} × ${fig(b)}) = ${pc(closed)}`
	);
	if (r1.surplus < need - 1e-9) {
		return {
			status: 'no_solution',
			equation,
			reason: bi(
				`收缴率 100% 时实收 ${money(r1.annualRevenueCollected)} 元/年，扣除增值税与成本后为 ${money(r1.surplus)}，仍少于 ${money(need)}：没有不超过 100% 的收缴率能保本（需 ${pc(closed)}）。`,
				`At 100 % collection the proposal collects ${money(r1.annualRevenueCollected)} yuan/year, leaving ${money(r1.surplus)} after VAT and cost, short of ${money(need)}: no collection rate up to 100 % covers it (it would take ${pc(closed)}).`
			)
		};
	}
	const s = solveBracketed((c) => at(c).surplus, need, 1e-9, 1, { xTol: 1e-12 });
	if (!s.ok) throw new Error('collectionToCover: the surplus is not monotone in the collection rate');
	// The end of the bracket where the surplus reaches the target: the smallest rate that covers.
	const c = s.fhi >= need ? s.hi : s.lo;
	const r = at(c);
	const check = checkOf(
		surplusForward,
		bi(
			`收缴率 ${pc(c, 4)}：实收 ${money(r.annualRevenueCollected)} − 增值税 ${money(r.annualVat)} − 成本 ${money(r.annualCost)}${lump ? '' : ` − 酬金 ${money(r.annualCommission)}`} = ${money(r.surplus)} 元/年，目标 ${money(need)}`,
			`At ${pc(c, 4)}: collected ${money(r.annualRevenueCollected)} − VAT ${money(r.annualVat)} − cost ${money(r.annualCost)}${lump ? '' : ` − commission ${money(r.annualCommission)}`} = ${money(r.surplus)} yuan/year, target ${money(need)}`
		),
		r.surplus,
		need,
		0.01,
		U.yuanPerYear
	);
	return {
		status: 'solved',
		equation,
		method: 'bisection',
		value: c,
		unit: U.share,
		text: bi(`收费 ${fig(F, 2)} 元/㎡·月在收缴率 ${pc(c, 2)} 时保本`, `A fee of ${fig(F, 2)} yuan/m²/month breaks even at ${pc(c, 2)} collection`),
		check,
		evaluations: s.evaluations + 1
	};
}
