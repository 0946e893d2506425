/**
 * The group-scoring choice (a wide sheet's 设施设备运行 column spread to its member indicators, or kept at group
 * level; docs/sources.md §18) is part of a recipe: saved with the choices, applied when the recipe is used, and
 * absent from recipes saved before it was kept (those spread, the default).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choicesRecipe, type FileChoices } from '../../../../src/lib/app/import-choices';
import { DATASETS } from '../../../../src/lib/data/datasets';
import { inspectFile } from '../../../../src/lib/import/index';
import { parseRecipe, prepareWithRecipes, recipeJson, type Recipe } from '../../../../src/lib/import/recipes';
import type { PreparedImport } from '../../../../src/lib/import/validate';

const WIDE = { name: 'convert-wide-group.xlsx', bytes: new Uint8Array(readFileSync('tests/fixtures/real-shapes/convert-wide-group.xlsx')) };

async function choices(groupScoring?: 'spread' | 'group'): Promise<FileChoices> {
	const ins = await inspectFile(WIDE.name, WIDE.bytes);
	return { name: WIDE.name, headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, dataset: ins.dataset, layout: ins.layout, mapping: ins.mapping, recipe: null, groupScoring };
}

/** The facility scores a prepared sheet gives: "estate indicator score". */
function facilities(p: PreparedImport): string[] {
	const at = (n: string) => DATASETS.scores.columns.findIndex((c) => c.name === n);
	const [e, i, s] = [at('estate_id'), at('indicator'), at('score')];
	return p.rowNumbers.map((_, r) => `${p.columns[e][r]} ${p.columns[i][r]} ${p.columns[s][r]}`).filter((x) => /facilities|fire|water|elevator/.test(x));
}

describe('group scoring in a recipe', () => {
	it('a recipe saved with "group" keeps the group score at group level when it is used', async () => {
		const recipe = choicesRecipe(await choices('group'), '季度汇总', '2026-12-01T00:00:00.000Z');
		expect(recipe.parts[0]).toMatchObject({ dataset: 'scores', groupScoring: 'group' });
		// Exported and opened again: the choice survives the JSON.
		const opened = parseRecipe(recipeJson(recipe));
		expect(opened.parts[0].groupScoring).toBe('group');
		const run = await prepareWithRecipes([{ ...WIDE, recipe: opened }], []);
		expect(run.misfits).toEqual([]);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		// The sheet (see real-shapes.test.ts §14): JB001 scores 设施设备运行 76 and 电梯 92; JB002 only the group, 64.
		expect(facilities(p)).toEqual(['JB001 facilities 76', 'JB001 elevator 92', 'JB002 facilities 64']);
		expect(p.problems.some((x) => x.code === 'group_scored')).toBe(true);
	});

	it('"spread", and a recipe saved before the choice was kept, give the group score to the members', async () => {
		const spread = choicesRecipe(await choices('spread'), '季度汇总', '2026-12-01T00:00:00.000Z');
		const old = JSON.parse(recipeJson(spread)) as { parts: Record<string, unknown>[] };
		delete old.parts[0].groupScoring;
		const oldRecipe: Recipe = parseRecipe(JSON.stringify(old));
		expect(oldRecipe.parts[0].groupScoring).toBeUndefined();
		const expected = ['JB001 fire 76', 'JB001 water 76', 'JB001 facilities_other 76', 'JB001 elevator 92', 'JB002 elevator 64', 'JB002 fire 64', 'JB002 water 64', 'JB002 facilities_other 64'];
		for (const recipe of [spread, oldRecipe]) {
			const run = await prepareWithRecipes([{ ...WIDE, recipe }], []);
			expect(facilities(run.prepared[0].prepared)).toEqual(expected);
		}
	});
});
