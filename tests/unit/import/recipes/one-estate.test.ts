/**
 * A sheet of one estate (docs/sources.md §18.5): a cost breakdown, a facility ledger without an estate column, whose
 * title names the estate. Found among the estates known, asked when not, never joined on a guess; committed through
 * the engine as the data page and `zhijia import` commit it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { estateNameGuessInTitle, estateNameInTitle, type KnownEstate } from '../../../../src/lib/domain/names';
import type { Engine } from '../../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../../src/lib/engine/node';
import { commitImport, inspectFile } from '../../../../src/lib/import/index';
import { asksEstate, choicesRecipe, unmetColumns, type FileChoices } from '../../../../src/lib/app/import-choices';
import { makeRecipe, prepareWithRecipes } from '../../../../src/lib/import/recipes';
import { queryKey } from '../../../../src/lib/domain/names';
import { createAllTablesSql } from '../../../../src/lib/workspace/canonical-csv';
import { csvText, gbk, type FixtureCell } from '../../../fixtures/import-files';

const KNOWN: KnownEstate[] = [
	{ id: 'LJ0001', name: '梅澜公寓', subdistrict: '江滨街道' },
	{ id: 'LJ0002', name: '锦馨一村', subdistrict: '江滨街道' },
	{ id: 'LJ0003', name: '梅澜公寓二期', subdistrict: '江滨街道' },
	{ id: 'CG0001', name: '阳光花园', subdistrict: '城关街道' },
	{ id: 'DC0001', name: '阳光花园', subdistrict: '东城街道' }
];

const costSheet = (title: string): FixtureCell[][] => [
	[title],
	['成本项目', '金额（万元）', '占比'],
	['人员费用', 60.2, '45%'],
	['物业共用部位、共用设施设备的日常运行、维护费用', 28.4, '21%'],
	['绿化养护费', 8.5, '6%'],
	['物业共用部位共用设施设备及公众责任保险费用', 1.1, '1%'],
	['合计', 98.2, '73%']
];
const file = (name: string, rows: FixtureCell[][]) => ({ name, bytes: gbk(csvText(rows)) });

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

describe('the estate a title names', () => {
	it('is found by its whole name among the known; a phase after it is another estate; 小区 may be left out', () => {
		expect(estateNameInTitle(['锦馨一村2024年度物业服务成本明细'], KNOWN)).toBe('锦馨一村');
		expect(estateNameInTitle(['梅澜公寓二期 2025年收费标准'], KNOWN)).toBe('梅澜公寓二期');
		expect(estateNameInTitle(['梅澜公寓三期2025年收费标准'], KNOWN)).toBeUndefined();
		expect(estateNameInTitle(['关于锦馨一村小区2025年第三季度考评的通知'], KNOWN)).toBe('锦馨一村');
		expect(estateNameInTitle(['2024年物业服务成本明细'], KNOWN)).toBeUndefined();
	});

	it('else its likely name: the title without years and periods, before the words for what the sheet is', () => {
		expect(estateNameGuessInTitle(['2024年度星河湾小区设施设备台账'])).toBe('星河湾小区');
		expect(estateNameGuessInTitle(['星河湾 2024-2025年度 维修资金使用情况'])).toBe('星河湾');
		expect(estateNameGuessInTitle(['2025年7月至9月翠苑一区物业服务考评'])).toBe('翠苑一区');
		// Nothing name-like, or a place above estates: no name.
		for (const t of ['2024年物业服务成本明细', '临江市2024年度住宅小区物业服务成本', '西湖区住宅小区基本情况表', '']) expect(estateNameGuessInTitle([t]), t).toBeUndefined();
	});
});

describe('a cost sheet of one estate', () => {
	it('imports every row for the estate and the year its title names, amounts in 万元 read in yuan', async () => {
		const run = await prepareWithRecipes([file('成本.csv', costSheet('锦馨一村2024年度物业服务成本明细'))], [], KNOWN);
		expect(run.nameIssues).toEqual([]);
		const p = run.prepared[0].prepared;
		expect(p.dataset).toBe('costs');
		expect(p.counts.errors).toBe(0);
		expect(p.problems.find((x) => x.code === 'estate_from_title')).toMatchObject({ severity: 'warning', column: '小区(取自标题)', value: '锦馨一村', params: { id: 'LJ0002', rows: 4 } });
		const result = await commitImport(engine, [p]);
		expect(result).toMatchObject({ committed: true, inserted: 4 });
		// Hand-worked: 60.2万 = 602,000; 28.4万 = 284,000; 8.5万 = 85,000; 1.1万 = 11,000 (the 合计 row skipped).
		expect(await engine.rows('SELECT estate_id, year, item, amount_yuan FROM costs ORDER BY amount_yuan DESC')).toEqual([
			{ estate_id: 'LJ0002', year: 2024, item: 'staff', amount_yuan: 602000 },
			{ estate_id: 'LJ0002', year: 2024, item: 'facilities', amount_yuan: 284000 },
			{ estate_id: 'LJ0002', year: 2024, item: 'greening', amount_yuan: 85000 },
			{ estate_id: 'LJ0002', year: 2024, item: 'insurance', amount_yuan: 11000 }
		]);
	});

	it('an estate not known is asked once, nothing committed; the answer in the recipe joins it', async () => {
		const sheet = file('成本.csv', costSheet('星河湾2024年度物业服务成本明细'));
		const run = await prepareWithRecipes([sheet], [], KNOWN);
		expect(run.nameIssues.map((i) => [i.name, i.kind, i.rows.length])).toEqual([['星河湾', 'unmatched', 4]]);
		// The name is the one error: its four rows' empty estate ids are not said again, row by row.
		const asked = run.prepared[0].prepared;
		expect(asked.problems.filter((x) => x.severity === 'error').map((x) => [x.code, x.column])).toEqual([['estate_name_unmatched', '小区(取自标题)']]);
		expect(asked.counts.errors).toBe(1);
		const result = await commitImport(engine, run.prepared.map((x) => x.prepared));
		expect(result.committed).toBe(false);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM costs')).toBe(0);
		const recipe = run.prepared[0].recipe!;
		const answered = makeRecipe({ ...recipe, names: { [queryKey({ name: '星河湾' })]: 'LJ0001' } });
		const again = await prepareWithRecipes([sheet], [answered], KNOWN);
		expect(again.nameIssues).toEqual([]);
		expect(again.prepared[0].prepared.counts.errors).toBe(0);
	});

	it('two estates of the name the title gives are asked, never guessed', async () => {
		const run = await prepareWithRecipes([file('成本.csv', costSheet('阳光花园2024年度物业服务成本明细'))], [], KNOWN);
		expect(run.nameIssues.map((i) => [i.name, i.kind, i.candidates.map((c) => c.id)])).toEqual([['阳光花园', 'ambiguous', ['CG0001', 'DC0001']]]);
	});

	it('a title without a year: the year is asked, and a year entered answers it', async () => {
		const sheet = file('成本.csv', costSheet('锦馨一村物业服务成本明细'));
		const run = await prepareWithRecipes([sheet], [], KNOWN);
		expect(run.prepared[0].prepared.problems.filter((x) => x.severity === 'error').map((x) => x.code)).toContain('year_unknown');
		const recipe = run.prepared[0].recipe!;
		const fixed = makeRecipe({ ...recipe, parts: recipe.parts.map((part) => ({ ...part, year: { from: 'fixed' as const, value: 2025 } })) });
		const again = await prepareWithRecipes([sheet], [fixed], KNOWN);
		expect(again.prepared[0].prepared.counts.errors).toBe(0);
	});

	it('a recipe saved for one estate read on a sheet whose title names none says so', async () => {
		const run = await prepareWithRecipes([file('成本.csv', costSheet('锦馨一村2024年度物业服务成本明细'))], [], KNOWN);
		const recipe = run.prepared[0].recipe!;
		const other = await prepareWithRecipes([file('成本2.csv', costSheet('2024年度物业服务成本明细'))], [recipe], KNOWN);
		const p = other.prepared[0].prepared;
		// One error says it, not one per row.
		expect(p.problems.filter((x) => x.severity === 'error').map((x) => [x.code, x.column])).toEqual([['estate_title_unknown', '小区(取自标题)']]);
		expect(p.counts.errors).toBe(1);
		const result = await commitImport(engine, [p]);
		expect(result.committed).toBe(false);
	});
});

describe('a sheet of one estate that names none', () => {
	const sheet = file('成本.csv', costSheet('2024年度物业服务成本明细'));
	const choices = async (): Promise<FileChoices> => {
		const ins = await inspectFile(sheet.name, sheet.bytes);
		return { name: sheet.name, headers: ins.headers, titleLines: ins.titleLines, headerRow: ins.headerRow, dataset: ins.dataset, layout: ins.layout, mapping: ins.mapping, recipe: null };
	};

	it('is asked which estate it is; the estate chosen takes every row and is kept in the recipe', async () => {
		const c = await choices();
		expect(c.dataset).toBe('costs');
		expect(asksEstate(c)).toBe(true);
		expect(unmetColumns(c, { year: 2024 })).toEqual(['estate_id']);
		const chosen: FileChoices = { ...c, estate: 'LJ0002' };
		expect(unmetColumns(chosen, { year: 2024 })).toEqual([]);
		// Still asked, so the person can change it.
		expect(asksEstate(chosen)).toBe(true);
		const recipe = choicesRecipe(chosen, '成本明细');
		expect(recipe.parts[0].estateId).toEqual({ from: 'chosen', id: 'LJ0002' });
		const run = await prepareWithRecipes([sheet], [recipe], KNOWN);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(p.problems.find((x) => x.code === 'estate_chosen')).toMatchObject({ severity: 'warning', column: '小区(所选)', value: '锦馨一村', params: { id: 'LJ0002', rows: 4 } });
		expect(await commitImport(engine, [p])).toMatchObject({ committed: true, inserted: 4 });
		// Hand-worked as above: 60.2万 + 28.4万 + 8.5万 + 1.1万 = 982,000 yuan, all LJ0002's, 2024 from the title.
		expect(await engine.rows('SELECT estate_id, year, count(*)::INTEGER AS n, sum(amount_yuan) AS total FROM costs GROUP BY ALL')).toEqual([{ estate_id: 'LJ0002', year: 2024, n: 4, total: 982000 }]);
	});

	it('a kept estate no longer among the known is one error and nothing is committed', async () => {
		const recipe = choicesRecipe({ ...(await choices()), estate: 'LJ0002' }, '成本明细');
		const run = await prepareWithRecipes([sheet], [recipe], KNOWN.filter((k) => k.id !== 'LJ0002'));
		const p = run.prepared[0].prepared;
		expect(p.problems.filter((x) => x.severity === 'error').map((x) => [x.code, x.column, x.value])).toEqual([['estate_chosen_unknown', '小区(所选)', 'LJ0002']]);
		expect((await commitImport(engine, [p])).committed).toBe(false);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM costs')).toBe(0);
	});

	it('a sheet with an estate column, or a title naming one, is not asked', async () => {
		const titled = await inspectFile('t.csv', gbk(csvText(costSheet('锦馨一村2024年度物业服务成本明细'))));
		expect(asksEstate({ name: 't.csv', headers: titled.headers, titleLines: titled.titleLines, headerRow: titled.headerRow, dataset: titled.dataset, layout: titled.layout, mapping: titled.mapping, recipe: null })).toBe(false);
		const rows = [['小区编号', '年度', '成本项目', '金额'], ['LJ0002', 2024, '人员费用', 1000]];
		const column = await inspectFile('c.csv', gbk(csvText(rows)));
		expect(asksEstate({ name: 'c.csv', headers: column.headers, headerRow: column.headerRow, dataset: column.dataset, layout: column.layout, mapping: column.mapping, recipe: null })).toBe(false);
	});
});
