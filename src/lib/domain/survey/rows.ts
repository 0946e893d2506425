/**
 * A scored survey as canonical rows: `scores` rows with source `satisfaction` (the overall score as indicator
 * `satisfaction`, and one per indicator the questions map to, which the quality score leaves out of the
 * inspection part: docs/sources.md §5) and `survey_counts` rows (counts per question and level; no respondent).
 */
import { LEVELS } from './scale';
import type { SurveyCounts, SurveyResult } from './survey';

const LEVEL_CODES = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'] as const;

/** Rounds a score to the two decimals the tables keep. */
const r2 = (x: number) => Math.round(x * 100) / 100;

/** `scores` rows of a scored survey. */
export function surveyScoreRows(result: SurveyResult, estateId: string, period: string) {
	const rows: { estate_id: string; period: string; indicator: string; score: number; source: 'satisfaction' }[] = [];
	if (result.overall.score !== null) rows.push({ estate_id: estateId, period, indicator: 'satisfaction', score: r2(result.overall.score), source: 'satisfaction' });
	for (const s of result.byIndicator) if (s.score !== null) rows.push({ estate_id: estateId, period, indicator: s.indicator, score: r2(s.score), source: 'satisfaction' });
	return rows;
}

/** `survey_counts` rows of a counted survey: five levels and the skipped answers per rating question. */
export function surveyCountRows(survey: SurveyCounts, estateId: string, period: string) {
	return survey.questions.flatMap((q) => [
		...Array.from({ length: LEVELS }, (_, i) => ({ estate_id: estateId, period, question: q.header.trim(), indicator: q.indicator, level: LEVEL_CODES[i] as string, count: q.counts[i] })),
		{ estate_id: estateId, period, question: q.header.trim(), indicator: q.indicator, level: 'skipped', count: q.skipped }
	]);
}
