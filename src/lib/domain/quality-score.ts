/**
 * Quality scores from an indicator system: the inspection score (weighted indicator scores) and the
 * composite Q that blends it with owner satisfaction.
 */
import { weightsForEstate, type Blend, type IndicatorSystem, type NormalisedWeight } from './indicator-system';
import type { Bilingual } from './provenance';

/** The inspection score of one estate and everything that shaped it. */
export interface InspectionResult {
	/** Weighted mean of the usable indicator scores, 0-100; null when no weighted indicator has a score. */
	score: number | null;
	/** Weights actually used: over the indicators with a usable score, summing to 1. */
	weights: NormalisedWeight[];
	/** Applicable indicators with no score (left out; the rest were re-normalised). */
	missing: string[];
	/** Indicators whose score was not a number in 0-100 (left out like missing ones). */
	invalid: string[];
	/** Scores given for indicators that do not apply here or are not in the system. */
	ignored: string[];
	elevatorRedistributed: boolean;
	/** What to tell the user about the above, one note per fact. */
	notes: Bilingual[];
}

/** True for a finite score on the 0-100 scale. */
function isScore(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100;
}

/** Names of indicators for notes, in both languages. */
function namesOf(system: IndicatorSystem, codes: readonly string[]): Bilingual {
	const find = (code: string) => system.indicators.find((ind) => ind.code === code);
	return {
		zh: codes.map((c) => find(c)?.name_zh ?? c).join('、'),
		en: codes.map((c) => find(c)?.name_en ?? c).join(', ')
	};
}

/**
 * Inspection score: weighted mean of indicator scores (each 0-100) with the estate's normalised weights.
 * Missing indicators are not scored as zero (that would punish missing paperwork as failed service):
 * they are left out, the weights of the indicators present are re-normalised, and the missing ones are
 * reported so the user can see the score rests on fewer indicators. Scores outside 0-100 are treated the
 * same way and reported as invalid.
 */
export function inspectionScore(
	system: IndicatorSystem,
	scoresByIndicator: Readonly<Record<string, number | null | undefined>>,
	hasElevator: boolean
): InspectionResult {
	const estate = weightsForEstate(system, hasElevator);
	const applicable = new Set(estate.weights.map((w) => w.code));
	const missing: string[] = [];
	const invalid: string[] = [];
	const present: NormalisedWeight[] = [];
	for (const w of estate.weights) {
		const s = scoresByIndicator[w.code];
		if (s === null || s === undefined) missing.push(w.code);
		else if (!isScore(s)) invalid.push(w.code);
		else present.push(w);
	}
	const ignored = Object.keys(scoresByIndicator).filter(
		(code) => !applicable.has(code) && scoresByIndicator[code] !== null && scoresByIndicator[code] !== undefined
	);

	const notes: Bilingual[] = [];
	if (estate.explanation) notes.push(estate.explanation);
	if (missing.length > 0) {
		const n = namesOf(system, missing);
		notes.push({
			zh: `缺少 ${missing.length} 项指标评分（${n.zh}）：检查得分按其余指标的权重重新归一计算。`,
			en: `${missing.length} indicator score(s) missing (${n.en}): the inspection score re-normalises the weights of the others.`
		});
	}
	if (invalid.length > 0) {
		const n = namesOf(system, invalid);
		notes.push({
			zh: `${invalid.length} 项指标评分不在 0-100 之间（${n.zh}），未计入。`,
			en: `${invalid.length} indicator score(s) not within 0-100 (${n.en}) were left out.`
		});
	}
	if (ignored.length > 0) {
		notes.push({
			zh: `以下评分不适用于本小区或不在指标体系中，未计入：${ignored.join('、')}。`,
			en: `Scores not applicable to this estate or not in the system were ignored: ${ignored.join(', ')}.`
		});
	}

	const presentSum = present.reduce((s, w) => s + w.declared, 0);
	if (!(presentSum > 0)) {
		return { score: null, weights: [], missing, invalid, ignored, elevatorRedistributed: estate.elevatorRedistributed, notes };
	}
	const weights = present.map((w) => ({ code: w.code, declared: w.declared, weight: w.declared / presentSum }));
	let score = 0;
	for (const w of present) score += w.declared * (scoresByIndicator[w.code] as number);
	score /= presentSum;
	// A weighted mean of values in [0, 100] is in [0, 100]; the clamp only absorbs float rounding.
	score = Math.min(100, Math.max(0, score));
	return { score, weights, missing, invalid, ignored, elevatorRedistributed: estate.elevatorRedistributed, notes };
}

/** How Q was formed. */
export type CompositeBasis = 'blend' | 'inspection_only' | 'none';

/** The composite quality score Q and how it was formed. */
export interface CompositeResult {
	/** Q on 0-100; null when there is no inspection score. */
	q: number | null;
	basis: CompositeBasis;
	/** Blend weights actually used (normalised to sum to 1). */
	used: Blend;
	/** Said to the user when Q is not the full blend; null otherwise. */
	note: Bilingual | null;
}

/**
 * Composite Q = blend.inspection × inspection + blend.satisfaction × satisfaction (blend normalised to
 * sum to 1). Without a usable satisfaction score (missing or outside 0-100) Q is the inspection score
 * alone, flagged, because inspection is the assessment of record and satisfaction surveys are often not
 * run. Without an inspection score Q is null: a survey alone does not establish a service grade.
 * @throws RangeError if a blend weight is negative or not finite, or both are zero.
 */
export function compositeQ(
	system: IndicatorSystem,
	inspection: number | null | undefined,
	satisfaction: number | null | undefined
): CompositeResult {
	const { inspection: wi, satisfaction: ws } = system.blend;
	if (!Number.isFinite(wi) || !Number.isFinite(ws) || wi < 0 || ws < 0 || !(wi + ws > 0)) {
		throw new RangeError(`blend weights must be finite, ≥ 0 and not both 0, got ${wi} / ${ws}`);
	}
	const used: Blend = { inspection: wi / (wi + ws), satisfaction: ws / (wi + ws) };
	if (!isScore(inspection)) {
		return {
			q: null,
			basis: 'none',
			used,
			note: {
				zh: '没有有效的检查得分，无法计算综合质量分 Q。',
				en: 'No usable inspection score, so the composite quality score Q cannot be computed.'
			}
		};
	}
	if (!isScore(satisfaction) && used.satisfaction > 0) {
		const why = satisfaction === null || satisfaction === undefined ? { zh: '缺少', en: 'missing' } : { zh: '无效（不在 0-100 之间）', en: 'invalid (not within 0-100)' };
		return {
			q: inspection,
			basis: 'inspection_only',
			used: { inspection: 1, satisfaction: 0 },
			note: {
				zh: `业主满意度得分${why.zh}：Q 仅取检查得分。`,
				en: `Owner-satisfaction score ${why.en}: Q is the inspection score alone.`
			}
		};
	}
	const s = isScore(satisfaction) ? satisfaction : 0;
	const q = Math.min(100, Math.max(0, used.inspection * inspection + used.satisfaction * s));
	return { q, basis: 'blend', used, note: null };
}
