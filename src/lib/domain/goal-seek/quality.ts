/**
 * Goal seek on quality (docs/sources.md §19): the quality that would justify a proposed fee under the chosen
 * catalogue and band, and how the indicators could get there.
 *
 * A fee F is justified at grade g when QPR = guide(g) ÷ F ≥ band low (docs/sources.md §6), i.e. guide(g) ≥ F × low.
 * The answer is the lowest grade that does and the Q its threshold asks. The check puts Q back into gradeFromQ and
 * judgePriceQuality and searches the boundary on them by bisection: the two must agree to 0.01 points.
 * Ways to gain the points: Q = blend.inspection × Σ wᵢ sᵢ + blend.satisfaction × satisfaction, so raising one
 * indicator by Δ adds blend.inspection × wᵢ × Δ (closed form, the fewest points on the heaviest indicator);
 * raising every indicator by the same δ (capped at 100) is searched by bisection. Each is checked in
 * inspectionScore and compositeQ, the functions the app scores with.
 */
import {
	BAND_EPSILON,
	DEFAULT_GRADE_THRESHOLDS,
	GRADE_LABELS,
	compositeQ,
	gradeFromQ,
	inspectionScore,
	judgePriceQuality,
	type Bands,
	type Grade,
	type GradeThresholds,
	type IndicatorSystem
} from '..';
import type { Bilingual } from '../provenance';
import type { GuidePricesByGrade } from '../negotiation';
import { checkOf, solveBracketed, type GoalAnswer, type GoalCheck } from './solver';
import { U, bi, fig } from './text';

/** The estate's scores, for the ways to gain points. */
export interface QualityScores {
	system: IndicatorSystem;
	/** Indicator code → mean score of the period analysed (null when missing). */
	scores: Readonly<Record<string, number | null>>;
	satisfaction: number | null;
	hasElevator: boolean;
}

export interface QualityGoalInput {
	fee: number;
	guidePrices: GuidePricesByGrade;
	bands: Bands;
	thresholds?: GradeThresholds;
	/** Q now (as the scenario has it), to say how many points are missing. */
	q: number | null;
	scores?: QualityScores | null;
}

/** One way to reach the Q needed. */
export interface QualityRoute {
	kind: 'indicator' | 'satisfaction' | 'all';
	/** Indicator code (kind 'indicator'). */
	indicator: string | null;
	label: Bilingual;
	/** Score now (kind 'all': null). */
	from: number | null;
	/** Points to add. */
	raiseBy: number;
	/** Within 100. */
	feasible: boolean;
	/** The raised scores put back into inspectionScore and compositeQ; null when infeasible. */
	check: GoalCheck | null;
}

/** A red line that would still cap the grade below the one needed. */
export interface RedLineNeed {
	indicator: string;
	label: Bilingual;
	score: number;
	floor: number;
}

export interface QualityGoal {
	answer: GoalAnswer;
	grade: Grade | null;
	qNeeded: number | null;
	/** Q needed − Q now (0 when already there); null without Q now. */
	pointsToGain: number | null;
	/** Model Q recomputed from the scores (the routes start from it); null without scores. */
	qFromScores: number | null;
	/** Cheapest first: feasible single indicators by points, then satisfaction, then all together. */
	routes: QualityRoute[];
	redLines: RedLineNeed[];
}

const GRADES_WORST_FIRST: Grade[] = [5, 4, 3, 2, 1];

/** Q threshold of a grade (grade 5: 0, any Q). */
const thresholdOf = (g: Grade, t: GradeThresholds) => (g === 5 ? 0 : t[g - 1]);

/** Is the fee justified at the grade Q reaches? (No guide price at that grade: not justified.) */
function justifiedAt(q: number, fee: number, prices: GuidePricesByGrade, bands: Bands, t: GradeThresholds): boolean {
	const guide = prices[gradeFromQ(q, t)];
	return guide !== undefined && judgePriceQuality(guide, fee, bands).band !== 'price_above_quality';
}

function nameOf(system: IndicatorSystem, code: string): Bilingual {
	const ind = system.indicators.find((i) => i.code === code);
	return ind ? bi(ind.name_zh, ind.name_en) : bi(code, code);
}

/** Q from scores by the app's own scoring functions. */
function modelQ(s: QualityScores, scores: Readonly<Record<string, number | null>>, satisfaction: number | null) {
	const ins = inspectionScore(s.system, scores, s.hasElevator);
	return { ins, comp: compositeQ(s.system, ins.score, satisfaction) };
}

function routeCheck(label: Bilingual, q: number | null, target: number): GoalCheck {
	return checkOf(
		bi(`评分：${label.zh}提高后的综合质量分（inspectionScore、compositeQ）`, `Scoring: Q after raising ${label.en} (inspectionScore, compositeQ)`),
		bi(`提高后 Q = ${fig(q ?? NaN, 4)}，目标 ${fig(target, 2)}`, `Raised, Q = ${fig(q ?? NaN, 4)}; target ${fig(target, 2)}`),
		q ?? NaN,
		target,
		0.01,
		U.points
	);
}

/** Ways to gain the points from the estate's scores (empty when already there or Q cannot be scored). */
function routes(s: QualityScores, qNeeded: number): { qFromScores: number | null; routes: QualityRoute[] } {
	const { ins, comp } = modelQ(s, s.scores, s.satisfaction);
	if (comp.q === null) return { qFromScores: null, routes: [] };
	const dq = qNeeded - comp.q;
	if (dq <= 0) return { qFromScores: comp.q, routes: [] };
	const out: QualityRoute[] = [];
	for (const w of ins.weights) {
		const from = s.scores[w.code] as number;
		const gain = comp.used.inspection * w.weight;
		if (!(gain > 0)) continue;
		const raiseBy = dq / gain;
		const feasible = from + raiseBy <= 100 + 1e-9;
		const label = nameOf(s.system, w.code);
		const raised = { ...s.scores, [w.code]: Math.min(100, from + raiseBy) };
		out.push({
			kind: 'indicator',
			indicator: w.code,
			label,
			from,
			raiseBy,
			feasible,
			check: feasible ? routeCheck(label, modelQ(s, raised, s.satisfaction).comp.q, qNeeded) : null
		});
	}
	out.sort((a, b) => Number(b.feasible) - Number(a.feasible) || a.raiseBy - b.raiseBy);
	if (comp.basis === 'blend' && comp.used.satisfaction > 0 && s.satisfaction !== null) {
		const raiseBy = dq / comp.used.satisfaction;
		const feasible = s.satisfaction + raiseBy <= 100 + 1e-9;
		const label = bi('业主满意度', 'owner satisfaction');
		out.push({
			kind: 'satisfaction',
			indicator: null,
			label,
			from: s.satisfaction,
			raiseBy,
			feasible,
			check: feasible ? routeCheck(label, modelQ(s, s.scores, Math.min(100, s.satisfaction + raiseBy)).comp.q, qNeeded) : null
		});
	}
	// Every scored indicator up by the same δ, none beyond 100: clipped, so searched rather than inverted.
	const raisedAll = (d: number) => Object.fromEntries(ins.weights.map((w) => [w.code, Math.min(100, (s.scores[w.code] as number) + d)]));
	const qAll = (d: number) => modelQ(s, { ...s.scores, ...raisedAll(d) }, s.satisfaction).comp.q ?? NaN;
	const all = bi('每项检查指标', 'every inspection indicator');
	const found = solveBracketed(qAll, qNeeded, 0, 100, { xTol: 1e-9 });
	if (found.ok) {
		const d = found.fhi >= qNeeded ? found.hi : found.lo;
		out.push({ kind: 'all', indicator: null, label: all, from: null, raiseBy: d, feasible: true, check: routeCheck(all, qAll(d), qNeeded) });
	} else {
		out.push({ kind: 'all', indicator: null, label: all, from: null, raiseBy: NaN, feasible: false, check: null });
	}
	return { qFromScores: comp.q, routes: out };
}

/**
 * The quality that justifies a fee: the lowest grade whose guide price ÷ fee ≥ band low, the Q it asks, the points
 * missing and ways to gain them. No solution when even the best grade with a price does not justify the fee.
 */
export function qualityForFee(input: QualityGoalInput): QualityGoal {
	const { fee, guidePrices, bands } = input;
	const t = input.thresholds ?? DEFAULT_GRADE_THRESHOLDS;
	const need = fee * bands.low;
	const head = bi(
		`质价比 = 指导价 ÷ 收费 ≥ 相符下限 ⇒ 指导价 ≥ ${fig(fee, 2)} × ${fig(bands.low)} = ${fig(need)} 元/㎡·月`,
		`QPR = guide ÷ fee ≥ band low ⇒ guide ≥ ${fig(fee, 2)} × ${fig(bands.low)} = ${fig(need)} yuan/m²/month`
	);
	const none = { grade: null, qNeeded: null, pointsToGain: null, qFromScores: null, routes: [], redLines: [] };
	if (!(Number.isFinite(fee) && fee > 0)) {
		return { ...none, answer: { status: 'no_solution', equation: head, reason: bi('收费须大于 0。', 'The fee must be above 0.') } };
	}
	const grade = GRADES_WORST_FIRST.find((g) => {
		const p = guidePrices[g];
		return p !== undefined && Number.isFinite(p) && p / fee >= bands.low - BAND_EPSILON;
	});
	if (grade === undefined) {
		const priced = GRADES_WORST_FIRST.filter((g) => guidePrices[g] !== undefined).reverse();
		const best = priced[0];
		const reason =
			best === undefined
				? bi('所选目录对本楼型没有任何等级的指导价。', 'The catalogue has no guide price for this building type.')
				: bi(
						`最高的${GRADE_LABELS[best].zh}指导价 ${fig(guidePrices[best] as number)} 也只支持 ${fig(guidePrices[best] as number)} ÷ ${fig(bands.low)} = ${fig((guidePrices[best] as number) / bands.low)} 元/㎡·月，低于 ${fig(fee, 2)}：没有哪一级服务质量能使这个收费相符。`,
						`Even ${GRADE_LABELS[best].en} (guide ${fig(guidePrices[best] as number)}) justifies at most ${fig(guidePrices[best] as number)} ÷ ${fig(bands.low)} = ${fig((guidePrices[best] as number) / bands.low)} yuan/m²/month, below ${fig(fee, 2)}: no grade of service matches this fee.`
					);
		return { ...none, answer: { status: 'no_solution', equation: head, reason } };
	}
	const guide = guidePrices[grade] as number;
	const qNeeded = thresholdOf(grade, t);
	const name = GRADE_LABELS[grade];
	const equation = bi(
		`${head.zh}；满足的最低等级为${name.zh}（指导价 ${fig(guide)}，质价比 ${fig(guide)} ÷ ${fig(fee, 2)} = ${fig(guide / fee, 3)}），其分数线 Q ≥ ${fig(qNeeded)}`,
		`${head.en}; the lowest grade that meets it is ${name.en} (guide ${fig(guide)}, QPR ${fig(guide)} ÷ ${fig(fee, 2)} = ${fig(guide / fee, 3)}), whose threshold is Q ≥ ${fig(qNeeded)}`
	);
	// The check: the boundary of "justified" searched on the forward functions themselves.
	const justified0 = justifiedAt(0, fee, guidePrices, bands, t);
	const boundary = justified0 ? { ok: true as const, q: 0, evaluations: 1 } : (() => {
		const s = solveBracketed((q) => (justifiedAt(q, fee, guidePrices, bands, t) ? 1 : 0), 0.5, 0, qNeeded, { xTol: 1e-9, bisect: true });
		return s.ok ? { ok: true as const, q: s.hi, evaluations: s.evaluations } : { ok: false as const, q: NaN, evaluations: s.evaluations };
	})();
	const below = qNeeded - 0.01;
	const gBelow = below >= 0 ? gradeFromQ(below, t) : null;
	const check = checkOf(
		bi('分级与质价比：gradeFromQ、judgePriceQuality（按 Q 二分查找相符的边界）', 'Grading and QPR: gradeFromQ, judgePriceQuality (the boundary of "justified" found by bisection on Q)'),
		bi(
			`Q = ${fig(qNeeded, 2)} 评为${GRADE_LABELS[gradeFromQ(qNeeded, t)].zh}，相符；${gBelow === null ? 'Q 已为 0' : `Q = ${fig(below, 2)} 评为${GRADE_LABELS[gBelow].zh}，${justifiedAt(below, fee, guidePrices, bands, t) ? '仍相符' : '不相符'}`}；查得边界 Q = ${fig(boundary.q, 4)}`,
			`Q = ${fig(qNeeded, 2)} grades as ${GRADE_LABELS[gradeFromQ(qNeeded, t)].en}, justified; ${gBelow === null ? 'Q is already 0' : `Q = ${fig(below, 2)} grades as ${GRADE_LABELS[gBelow].en}, ${justifiedAt(below, fee, guidePrices, bands, t) ? 'still justified' : 'not justified'}`}; boundary found at Q = ${fig(boundary.q, 4)}`
		),
		boundary.q,
		qNeeded,
		0.01,
		U.points
	);
	const pointsToGain = input.q === null || !Number.isFinite(input.q) ? null : Math.max(0, qNeeded - input.q);
	const r = input.scores ? routes(input.scores, qNeeded) : { qFromScores: null, routes: [] };
	const redLines: RedLineNeed[] = [];
	if (input.scores) {
		for (const line of input.scores.system.redLines) {
			if (line.indicator === 'elevator' && !input.scores.hasElevator) continue;
			const score = input.scores.scores[line.indicator];
			if (typeof score === 'number' && score < line.floor && line.capGrade > grade) {
				redLines.push({ indicator: line.indicator, label: nameOf(input.scores.system, line.indicator), score, floor: line.floor });
			}
		}
	}
	return {
		answer: {
			status: 'solved',
			equation,
			method: 'threshold',
			value: qNeeded,
			unit: U.points,
			text: bi(
				`${fig(fee, 2)} 元/㎡·月需要${name.zh}服务质量：Q ≥ ${fig(qNeeded)}${pointsToGain === null ? '' : pointsToGain > 0 ? `，比现在（${fig(input.q as number, 2)}）高 ${fig(pointsToGain, 2)} 分` : '，现在已达到'}`,
				`${fig(fee, 2)} yuan/m²/month needs ${name.en} service: Q ≥ ${fig(qNeeded)}${pointsToGain === null ? '' : pointsToGain > 0 ? `, ${fig(pointsToGain, 2)} points above today's ${fig(input.q as number, 2)}` : ', reached already'}`
			),
			check,
			evaluations: boundary.evaluations
		},
		grade,
		qNeeded,
		pointsToGain,
		qFromScores: r.qFromScores,
		routes: r.routes,
		redLines
	};
}
