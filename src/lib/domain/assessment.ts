/**
 * One estate's quality assessment end to end: indicator scores → inspection score → Q → grade → red lines.
 * Composition only; each step lives in its own module.
 */
import { applyRedLines, gradeFromQ, gradeLabel, type Grade, type RedLineBreach } from './grades';
import { ELEVATOR_CODE, type IndicatorSystem } from './indicator-system';
import { compositeQ, inspectionScore, type CompositeResult, type InspectionResult } from './quality-score';
import type { Bilingual } from './provenance';

/** What is known about one estate's quality. */
export interface QualityInput {
	/** Indicator scores (0-100) by indicator code; missing ones may be absent or null. */
	scores: Readonly<Record<string, number | null | undefined>>;
	/** Owner-satisfaction score (0-100), if a survey was run. */
	satisfaction?: number | null;
	hasElevator: boolean;
}

/** The full assessment of one estate. */
export interface QualityAssessment {
	inspection: InspectionResult;
	composite: CompositeResult;
	/** Grade from Q alone; null without Q. */
	gradeFromQ: Grade | null;
	/** Grade after red lines; null without Q. */
	grade: Grade | null;
	breaches: RedLineBreach[];
	cappedBy: RedLineBreach[];
	/** Red-line indicators that apply but had no usable score. */
	redLinesUnchecked: string[];
	/** Everything the user should be told, in order. */
	notes: Bilingual[];
}

/**
 * Assess one estate with a stated indicator system. Red lines on the elevator indicator are skipped for
 * estates without elevators (the indicator does not apply there).
 */
export function assessQuality(system: IndicatorSystem, input: QualityInput): QualityAssessment {
	const inspection = inspectionScore(system, input.scores, input.hasElevator);
	const composite = compositeQ(system, inspection.score, input.satisfaction);
	const notes = [...inspection.notes];
	if (composite.note) notes.push(composite.note);
	if (composite.q === null) {
		return { inspection, composite, gradeFromQ: null, grade: null, breaches: [], cappedBy: [], redLinesUnchecked: [], notes };
	}
	const raw = gradeFromQ(composite.q, system.gradeThresholds);
	const lines = system.redLines.filter((l) => input.hasElevator || l.indicator !== ELEVATOR_CODE);
	const capped = applyRedLines(raw, input.scores, lines);
	for (const b of capped.cappedBy) {
		const ind = system.indicators.find((i) => i.code === b.indicator);
		notes.push({
			zh: `${ind?.name_zh ?? b.indicator}得分 ${b.score} 低于红线 ${b.floor}：等级最高为${gradeLabel(b.capGrade, 'zh')}。`,
			en: `${ind?.name_en ?? b.indicator} scored ${b.score}, below the red line of ${b.floor}: the grade can be no better than ${gradeLabel(b.capGrade, 'en')}.`
		});
	}
	if (capped.unchecked.length > 0) {
		const names = capped.unchecked.map((code) => system.indicators.find((i) => i.code === code));
		notes.push({
			zh: `红线未能检查（缺少评分）：${names.map((n, i) => n?.name_zh ?? capped.unchecked[i]).join('、')}。`,
			en: `Red lines not checked (no score): ${names.map((n, i) => n?.name_en ?? capped.unchecked[i]).join(', ')}.`
		});
	}
	return {
		inspection,
		composite,
		gradeFromQ: raw,
		grade: capped.grade,
		breaches: capped.breaches,
		cappedBy: capped.cappedBy,
		redLinesUnchecked: capped.unchecked,
		notes
	};
}
