/**
 * A scored survey as the canonical files the import path takes: `scores` (satisfaction rows) and
 * `survey_counts` (counts per question and level). These files, not the export, are what the workspace keeps,
 * so no respondent-level column (IP, times, sources) is ever stored (docs/sources.md §13).
 */
import { surveyCountRows, surveyScoreRows, type SurveyCounts, type SurveyResult } from '../../domain/survey';
import { canonicalText, type MadeFile } from '../made-files';

/** The two files of one estate's survey for a period; file names say estate and period. */
export function surveyFiles(counts: SurveyCounts, result: SurveyResult, estateId: string, period: string): MadeFile[] {
	const base = `survey-${estateId}-${period}`;
	return [
		{ name: `${base}-scores.csv`, dataset: 'scores', text: canonicalText('scores', surveyScoreRows(result, estateId, period)) },
		{ name: `${base}-counts.csv`, dataset: 'survey_counts', text: canonicalText('survey_counts', surveyCountRows(counts, estateId, period)) }
	];
}
