import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE, recipeOf, scoreSurvey } from '../../../src/lib/domain/survey';
import { readSurvey, surveyFiles } from '../../../src/lib/import/survey';
import { decodeWorkspace, encodeWorkspace, type WorkspaceBundle } from '../../../src/lib/workspace/workspace-file';

/**
 * What the workspace keeps of a survey: its recipe (exported and read back with the workspace file) and two
 * canonical files holding counts and scores, never a respondent-level value of the export.
 */
describe('a survey in the workspace', () => {
	it('keeps counts and scores only, and the recipe travels with the workspace file', async () => {
		const read = await readSurvey('wjx.csv', readFileSync('tests/unit/survey/fixtures/wjx-gb18030.csv'));
		const result = scoreSurvey(read.counts, DEFAULT_SCALE, 640);
		const files = surveyFiles(read.counts, result, 'MY-1', '2024Q2');
		expect(files.map((f) => [f.name, f.dataset])).toEqual([
			['survey-MY-1-2024Q2-scores.csv', 'scores'],
			['survey-MY-1-2024Q2-counts.csv', 'survey_counts']
		]);
		const all = files.map((f) => f.text).join('\n');
		for (const personal of ['112.10.', '2024/5/', '手机提交', '秒', '3号楼', '┋']) expect(all, personal).not.toContain(personal);
		// Scores: overall 78 (question 7), and per indicator: 保洁 640/9 = 71.11, 绿化 680/9 = 75.56, 门岗 760/10 = 76,
		// 报修 (240 + 180 + 80 + 20)/9 = 57.78.
		expect(files[0].text.split('\r\n').filter(Boolean)).toEqual([
			'estate_id,period,indicator,score,source',
			'MY-1,2024Q2,satisfaction,78,satisfaction',
			'MY-1,2024Q2,cleaning,71.11,satisfaction',
			'MY-1,2024Q2,greening,75.56,satisfaction',
			'MY-1,2024Q2,order,76,satisfaction',
			'MY-1,2024Q2,upkeep,57.78,satisfaction'
		]);
		// Counts: five rated questions × (five levels + skipped) = 30 rows.
		expect(files[1].text.split('\r\n').filter(Boolean)).toHaveLength(31);
		expect(files[1].text).toContain('MY-1,2024Q2,5、您对报修响应和维修质量的满意程度,upkeep,very_dissatisfied,1');

		const recipe = recipeOf('业主满意度调查', read.counts);
		const bundle: WorkspaceBundle = {
			workspace: { base: 'empty', files: [], mappings: {}, history: [], surveyRecipes: [recipe] },
			contents: new Map(),
			settings: null
		};
		const back = await decodeWorkspace(await encodeWorkspace(bundle));
		expect(back.ok).toBe(true);
		if (back.ok) expect(back.bundle.workspace.surveyRecipes).toEqual([recipe]);
	});
});

describe('undoing "only my estate"', () => {
	it('brings the base back with the imports before it', async () => {
		const { undoLast } = await import('../../../src/lib/workspace/history');
		const f = { id: 'q1', name: 'my-estate-MY-1-estates.csv', dataset: 'estates' as const, mode: 'append' as const, options: { dropInvalid: false }, rows: 1, addedAt: 'x' };
		const ws = {
			base: 'empty' as const,
			files: [f],
			mappings: {},
			history: [{ id: 'h', at: 'x', files: [{ name: f.name, dataset: f.dataset, mode: f.mode, rows: 1 }], changes: [], added: 1, removed: 0, previous: [], previousBase: 'sample' as const }]
		};
		const undone = undoLast(ws)!;
		expect(undone.workspace.base).toBe('sample');
		expect(undone.workspace.files).toEqual([]);
	});
});
