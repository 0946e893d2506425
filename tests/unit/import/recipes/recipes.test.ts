/**
 * Recipes on the real files of tests/fixtures/real-shapes (docs/sources.md §18.5, §18.6): a ledger without ids
 * into estates and fees in one commit, scores keyed by names joined to the generated ids, a recipe saved,
 * recognised, exported, parsed and refused when it no longer fits; a failed import changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../../src/lib/data/datasets';
import { generatedEstateId } from '../../../../src/lib/domain/names';
import type { Engine } from '../../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../../src/lib/engine/node';
import { commitImport, inspectFile, validateFiles } from '../../../../src/lib/import/index';
import {
	makeRecipe,
	parseRecipe,
	prepareWithRecipes,
	recipeJson,
	recipeMisfit,
	recogniseRecipe,
	RecipeFormatError,
	suggestParts,
	type Recipe
} from '../../../../src/lib/import/recipes';
import { findYearInTitle as yearInTitle } from '../../../../src/lib/import/values';
import { createAllTablesSql } from '../../../../src/lib/workspace/canonical-csv';
import { csvText, gbk, workbook } from '../../../fixtures/import-files';
import { LEDGER_2024, LEDGER_HEADER, SCORES_BY_NAME } from '../../../fixtures/real-shapes/make-recipes';

const fixture = (name: string) => ({ name, bytes: readFileSync(`tests/fixtures/real-shapes/${name}`) });
const LEDGER = fixture('recipes-ledger-2024.xlsx');
const LEDGER_2025 = fixture('recipes-ledger-2025.xlsx');
const SCORES = fixture('recipes-scores-by-name-gbk.csv');

/** The recipe the data page suggests for a file, with the user's corrections to the mapping. */
async function recipeFor(file: { name: string; bytes: Uint8Array }, name: string, fix: Record<string, string> = {}): Promise<Recipe> {
	const ins = await inspectFile(file.name, file.bytes);
	const mapping = ins.headers.map((h, i) => fix[h] ?? ins.mapping[i]);
	return makeRecipe({ name, headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, parts: suggestParts(ins.dataset!, ins.headers, mapping), valueMaps: ANSWERS, savedAt: '2026-12-01T10:00:00.000Z' });
}

/** The answer the user gave once to the ledger's one unknown word (docs/sources.md §18). */
const ANSWERS = { estate_type: { 单位集资房: 'public_sold' } };

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => {
	await engine?.close();
});
beforeEach(async () => {
	await engine.transaction(createAllTablesSql());
});
const counts = async () => Object.fromEntries(await Promise.all(DATASET_IDS.map(async (id) => [id, await engine.scalar(`SELECT count(*)::INTEGER FROM ${id}`)])));

describe('a ledger without ids: estates and fees from one sheet', () => {
	it('the suggested recipe generates ids from name and subdistrict, and takes the fee year from the title', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		expect(recipe.parts.map((p) => p.dataset)).toEqual(['estates', 'fees']);
		expect(recipe.parts[0].estateId).toEqual({ from: 'generate', name: '小区名称', subdistrict: '所属街道' });
		expect(recipe.parts[1]).toMatchObject({ estateId: { from: 'name', name: '小区名称', subdistrict: '所属街道' }, year: { from: 'title' } });
		expect(Object.fromEntries(Object.entries(recipe.parts[1].columns).map(([h, p]) => [h, p.target]))).toEqual({ '收费标准(元/㎡·月)': 'fee', 收缴率: 'collection_rate' });
	});

	it('imports 5 estates and their 5 fees of 2024 in one commit', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const run = await prepareWithRecipes([LEDGER], [recipe]);
		expect(run.misfits).toEqual([]);
		expect(run.prepared.map((p) => [p.prepared.file, p.prepared.dataset, p.prepared.rowCount, p.prepared.counts.errors])).toEqual([
			['recipes-ledger-2024.xlsx (estates)', 'estates', 5, 0],
			['recipes-ledger-2024.xlsx (fees)', 'fees', 5, 0]
		]);
		const result = await commitImport(engine, run.prepared.map((p) => p.prepared));
		expect(result).toMatchObject({ committed: true, inserted: 10 });
		const sunshine = generatedEstateId('阳光花园', '城关');
		expect(await engine.rows(`SELECT * FROM estates WHERE estate_id = '${sunshine}'`)).toEqual([
			{ estate_id: sunshine, name: '阳光花园小区', subdistrict: '城关街道', estate_type: 'commercial', building_type: 'high', build_year: 2008, chargeable_area_m2: 85000, households: 920, has_elevator: true, firm: '安居物业', pricing_regime: null }
		]);
		// The two phases are two estates; every fee row is joined to its own estate.
		expect(await engine.rows('SELECT e.name, f.year, f.fee, f.fee_unit, f.collection_rate FROM fees f JOIN estates e USING (estate_id) ORDER BY f.fee')).toEqual([
			{ name: '梅苑新村', year: 2024, fee: 0.45, fee_unit: 'per_m2_month', collection_rate: 0.8 },
			{ name: '翠竹苑', year: 2024, fee: 0.65, fee_unit: 'per_m2_month', collection_rate: 0.88 },
			{ name: '阳光花园小区', year: 2024, fee: 1.8, fee_unit: 'per_m2_month', collection_rate: 0.93 },
			{ name: '锦绣家园（一期）', year: 2024, fee: 2.2, fee_unit: 'per_m2_month', collection_rate: 0.95 },
			{ name: '锦绣家园（二期）', year: 2024, fee: 2.3, fee_unit: 'per_m2_month', collection_rate: 0.96 }
		]);
	});

	it('the unknown word is asked once; the answer saved in the recipe reads it', async () => {
		const recipe = makeRecipe({ ...(await recipeFor(LEDGER, '收费台账')), valueMaps: {} });
		const run = await prepareWithRecipes([LEDGER], [recipe]);
		const estates = run.prepared[0].prepared;
		expect(estates.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.value, p.code])).toEqual([[7, '小区类型', '单位集资房', 'bad_enum']]);
		const answered = await prepareWithRecipes([LEDGER], [await recipeFor(LEDGER, '收费台账')]);
		expect(answered.prepared[0].prepared.counts.errors).toBe(0);
		expect(answered.prepared[0].prepared.columns[3]).toEqual(['commercial', 'relocation', 'commercial', 'commercial', 'public_sold']);
	});

	it('the same file imported again gives the same ids', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const a = await prepareWithRecipes([LEDGER], [recipe]);
		const b = await prepareWithRecipes([fixture('recipes-ledger-2024.xlsx')], [recipe]);
		expect(a.prepared[0].prepared.columns[0]).toEqual(b.prepared[0].prepared.columns[0]);
		expect(a.prepared[0].prepared.columns[0]).toContain(generatedEstateId('锦绣家园（二期）', '东城街道'));
	});

	it('a title without a year and no year column: the year is asked (an error), and a fixed year answers it', async () => {
		const rows = [['城关街道收费台账', ...LEDGER_2024[0].slice(1)], ...LEDGER_2024.slice(1)];
		const file = { name: '无年份台账.xlsx', bytes: workbook([{ name: 'S', rows }]) };
		const recipe = await recipeFor(file, '台账');
		const run = await prepareWithRecipes([file], [recipe]);
		const fees = run.prepared.find((p) => p.prepared.dataset === 'fees')!.prepared;
		expect(fees.problems.filter((p) => p.code === 'year_unknown')).toHaveLength(1);
		expect(fees.counts.errors).toBeGreaterThan(0);
		const answered = makeRecipe({ ...recipe, parts: recipe.parts.map((p) => (p.dataset === 'fees' ? { ...p, year: { from: 'fixed' as const, value: 2023 } } : p)) });
		const again = await prepareWithRecipes([file], [answered]);
		expect(again.prepared.map((p) => p.prepared.counts.errors)).toEqual([0, 0]);
		expect(yearInTitle(['２０２５年度台账'])).toBe(2025);
		expect(yearInTitle(['２０２４－２０２５年度台账'])).toBeUndefined();
		expect(yearInTitle(['2024—2025年度台账'], { spans: false })).toBe(2025);
	});
});

describe('scores keyed by estate names', () => {
	const scoresRecipe = () => recipeFor(SCORES, '考评汇总（按名称）', { 考评期间: 'period' });

	it('join the estates of the ledger imported with them, each name written its own way', async () => {
		const run = await prepareWithRecipes([SCORES, LEDGER], [await recipeFor(LEDGER, '收费台账'), await scoresRecipe()]);
		expect(run.nameIssues).toEqual([]);
		const reports = await validateFiles(engine, run.prepared.map((p) => p.prepared));
		expect(reports.map((r) => [r.file, r.counts.errors])).toEqual([
			['recipes-ledger-2024.xlsx (estates)', 0],
			['recipes-ledger-2024.xlsx (fees)', 0],
			['recipes-scores-by-name-gbk.csv', 0]
		]);
		expect(await commitImport(engine, run.prepared.map((p) => p.prepared))).toMatchObject({ committed: true, inserted: 10 + 5 * 11 });
		expect(await engine.rows("SELECT e.name, s.score FROM scores s JOIN estates e USING (estate_id) WHERE s.indicator = 'management' ORDER BY s.score")).toEqual([
			{ name: '梅苑新村', score: 65 },
			{ name: '翠竹苑', score: 72 },
			{ name: '阳光花园小区', score: 88 },
			{ name: '锦绣家园（二期）', score: 89 },
			{ name: '锦绣家园（一期）', score: 91 }
		]);
	});

	it('an unknown and an ambiguous name are listed once each with candidates; nothing is joined, nothing changes', async () => {
		const rows = [...SCORES_BY_NAME, ['翠竹', '城关', '2024Q4', ...Array(11).fill(70)], ['翠竹', '城关', '2024Q4', ...Array(11).fill(71)], ['锦绣家园', '东城', '2024Q4', ...Array(11).fill(80)]];
		const file = { name: '得分.csv', bytes: gbk(csvText(rows)) };
		const before = await counts();
		const run = await prepareWithRecipes([file, LEDGER], [await recipeFor(LEDGER, '收费台账'), await scoresRecipe()]);
		expect(run.nameIssues.map((i) => [i.name, i.kind, i.rows, i.candidates.map((c) => c.name)])).toEqual([
			['翠竹', 'unmatched', [7, 8], ['翠竹苑']],
			['锦绣家园', 'unmatched', [9], ['锦绣家园（一期）', '锦绣家园（二期）']]
		]);
		const scores = run.prepared.find((p) => p.prepared.dataset === 'scores')!.prepared;
		expect(scores.problems.filter((p) => p.code.startsWith('estate_name')).map((p) => [p.row, p.column, p.value, p.message.en])).toEqual([
			[7, '小区名称', '翠竹', expect.stringContaining('closest: ')],
			[9, '小区名称', '锦绣家园', expect.stringContaining('锦绣家园（一期）')]
		]);
		// Each name is the one error of its rows: their empty ids are not said again, row by row (wide rows: 11 scores each).
		expect(scores.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['estate_name_unmatched', 'estate_name_unmatched']);
		expect(scores.counts.errors).toBe(2);
		expect(scores.invalidSourceRows).toBe(3);
		const result = await commitImport(engine, run.prepared.map((p) => p.prepared));
		expect(result.committed).toBe(false);
		expect(await counts()).toEqual(before);
	});

	it("the user's answer in the recipe joins the name", async () => {
		const rows = [...SCORES_BY_NAME.slice(0, 2), ['翠竹', '城关', '2024Q4', ...Array(11).fill(70)]];
		const file = { name: '得分.csv', bytes: gbk(csvText(rows)) };
		const base = await scoresRecipe();
		const answered = makeRecipe({ ...base, names: { '翠竹|城关': generatedEstateId('翠竹苑', '城关街道') } });
		const run = await prepareWithRecipes([file, LEDGER], [await recipeFor(LEDGER, '收费台账'), answered]);
		expect(run.nameIssues).toEqual([]);
		expect(run.prepared.map((p) => p.prepared.counts.errors)).toEqual([0, 0, 0]);
	});
});

describe('a name answered "not one of ours"', () => {
	it('leaves its rows out with one warning, and the other rows import', async () => {
		const rows = [...SCORES_BY_NAME.slice(0, 2), ['翠竹', '城关', '2024Q4', ...Array(11).fill(70)], ['翠竹', '城关', '2024Q3', ...Array(11).fill(71)]];
		const file = { name: '得分.csv', bytes: gbk(csvText(rows)) };
		const refused = makeRecipe({ ...(await recipeFor(SCORES, '考评汇总（按名称）', { 考评期间: 'period' })), names: { '翠竹|城关': null } });
		const run = await prepareWithRecipes([file, LEDGER], [await recipeFor(LEDGER, '收费台账'), refused]);
		expect(run.nameIssues).toEqual([]);
		const scores = run.prepared.find((p) => p.prepared.dataset === 'scores')!.prepared;
		expect(scores.counts).toEqual({ errors: 0, warnings: 1 });
		expect(scores.problems.map((p) => [p.row, p.column, p.value, p.code, p.severity, p.message.zh])).toEqual([
			[3, '小区名称', '翠竹', 'estate_name_refused', 'warning', '小区名称“翠竹”(城关)已选为“不是本区小区”：这 2 行不导入']
		]);
		// One source row is left (wide: 11 scores), and nothing of 翠竹's.
		expect(scores.sourceRows).toBe(1);
		expect(scores.rowCount).toBe(11);
		const result = await commitImport(engine, run.prepared.map((p) => p.prepared));
		expect(result).toMatchObject({ committed: true, inserted: 10 + 11 });
		expect(await engine.scalar("SELECT count(*)::INTEGER FROM scores WHERE period = '2024Q4' AND score IN (70, 71)")).toBe(0);
	});
});

describe('recipes saved, recognised, exported, opened', () => {
	it('a second file of the same shape is recognised by its headers; another shape is not', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const next = await inspectFile(LEDGER_2025.name, LEDGER_2025.bytes);
		expect(recogniseRecipe([recipe], next.headers)).toEqual({ recipe, exact: true });
		const scores = await inspectFile(SCORES.name, SCORES.bytes);
		expect(recogniseRecipe([recipe], scores.headers)).toBeNull();
		// Columns moved (the same words in another order) still fit every column the recipe uses.
		const moved = [...next.headers].reverse();
		expect(recogniseRecipe([recipe], moved)).toEqual({ recipe, exact: false });
	});

	it('the 2025 ledger through the 2024 recipe gives 2025 fees for the same estates', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const run = await prepareWithRecipes([LEDGER_2025], [recipe]);
		const fees = run.prepared[1].prepared;
		expect(fees.columns[1]).toEqual([2025, 2025, 2025, 2025, 2025]);
		expect(fees.columns[0]).toEqual(run.prepared[0].prepared.columns[0]);
		expect(fees.columns[2]).toEqual([1.98, 0.72, 2.42, 2.53, 0.5]);
	});

	it('exports as JSON and parses back equal; a damaged file is refused with the reason', async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const text = recipeJson(recipe);
		expect(JSON.parse(text)).toMatchObject({ format: 'zhijia-recipe', version: 1, name: '收费台账' });
		expect(parseRecipe(text)).toEqual(recipe);
		expect(() => parseRecipe('{"format":"zhijia-recipe","version":1}')).toThrow(RecipeFormatError);
		expect(() => parseRecipe('{"format":"zhijia-recipe","version":1}')).toThrow(/name/);
		expect(() => parseRecipe('not json')).toThrow(RecipeFormatError);
	});

	it("a recipe that no longer fits says which column it could not find, and nothing is imported", async () => {
		const recipe = await recipeFor(LEDGER, '收费台账');
		const renamed = LEDGER_2024.map((r, i) => (i === 1 ? LEDGER_HEADER.map((h) => (h === '收缴率' ? '物业费收缴情况' : h)) : r));
		const file = { name: '改过的台账.xlsx', bytes: workbook([{ name: 'S', rows: renamed }]) };
		expect(recipeMisfit(recipe, (await inspectFile(file.name, file.bytes)).headers)).toEqual(['收缴率']);
		const run = await prepareWithRecipes([{ ...file, recipe }], []);
		expect(run.prepared).toEqual([]);
		expect(run.misfits.map((p) => [p.file, p.column, p.message.en])).toEqual([["改过的台账.xlsx", '收缴率', "recipe '收费台账': column '收缴率' not found in file"]]);
	});
});
