/**
 * The pure part of the data page's import workflow (src/lib/app/import-choices.ts): mapping targets, the parts a
 * file's choices give (a ledger: estates and fees; a fee year entered by the user), when a file needs shaping,
 * the recipe saved from the choices, which estates names may mean, and how a shaped import is stored.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choicesParts, choicesRecipe, estateMatchHeaders, mappingTargets, namesAgainst, needsShaping, storedShape, unmetColumns, type FileChoices } from '../../../src/lib/app/import-choices';
import { DEFAULT_INDICATOR_SYSTEM } from '../../../src/lib/domain/indicator-system';
import { generatedEstateId } from '../../../src/lib/domain/names';
import { inspectFile } from '../../../src/lib/import/index';
import { findYearInTitle } from '../../../src/lib/import/values';
import { prepareWithRecipes, recogniseRecipe } from '../../../src/lib/import/recipes';

const LEDGER = { name: 'recipes-ledger-2024.xlsx', bytes: readFileSync('tests/fixtures/real-shapes/recipes-ledger-2024.xlsx') };

async function ledgerChoices(): Promise<FileChoices> {
	const ins = await inspectFile(LEDGER.name, LEDGER.bytes);
	return { name: LEDGER.name, headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, dataset: ins.dataset, layout: ins.layout, mapping: ins.mapping, recipe: null };
}

describe('import choices', () => {
	it('targets: the dataset columns, or estate, period and one target per indicator for a wide score sheet', () => {
		expect(mappingTargets(null, 'long', DEFAULT_INDICATOR_SYSTEM)).toEqual([]);
		expect(mappingTargets('fees', 'long', DEFAULT_INDICATOR_SYSTEM)).toEqual(['estate_id', 'year', 'fee', 'fee_unit', 'collection_rate']);
		const wide = mappingTargets('scores', 'wide', DEFAULT_INDICATOR_SYSTEM);
		expect(wide.slice(0, 3)).toEqual(['estate_id', 'period', 'indicator:management']);
		expect(wide.slice(-2)).toEqual(['indicator:satisfaction', 'group:facilities']);
	});

	it('a ledger needs shaping; a fee year the user enters replaces the title', async () => {
		const c = await ledgerChoices();
		const parts = choicesParts(c);
		expect(needsShaping(parts)).toBe(true);
		expect(parts[1].year).toEqual({ from: 'title' });
		expect(choicesParts({ ...c, year: 2023 })[1].year).toEqual({ from: 'fixed', value: 2023 });
		expect(needsShaping([{ dataset: 'fees', columns: {}, estateId: { from: 'column' } }])).toBe(false);
	});

	it('the saved recipe keeps the choices and the name answers, and is recognised for the file', async () => {
		const c = await ledgerChoices();
		const recipe = choicesRecipe({ ...c, names: { '翠竹|城关': 'E9' } }, '街道收费台账', '2026-12-01T00:00:00.000Z');
		expect(recipe).toMatchObject({ name: '街道收费台账', headerRow: 2, names: { '翠竹|城关': 'E9' } });
		expect(recogniseRecipe([recipe], c.headers)?.recipe.name).toBe('街道收费台账');
		// With a recipe in use its parts win over the mapping shown.
		expect(choicesParts({ ...c, mapping: c.mapping.map(() => null), recipe }).map((p) => p.dataset)).toEqual(['estates', 'fees']);
	});

	it("names mean the workspace's estates unless the import replaces them", () => {
		const ws = [{ id: 'LJ0001', name: '梅澜公寓' }];
		expect(namesAgainst(ws, 'append', true)).toEqual(ws);
		expect(namesAgainst(ws, 'replace', false)).toEqual(ws);
		expect(namesAgainst(ws, 'replace', true)).toEqual([]);
	});

	it('a shaped dataset is stored as canonical CSV of its valid rows, replayed with the identity mapping', async () => {
		const c = await ledgerChoices();
		const run = await prepareWithRecipes([{ ...LEDGER, recipe: choicesRecipe(c, 't') }], []);
		const fees = storedShape(run.prepared[1].prepared, LEDGER.name);
		expect(fees.name).toBe('recipes-ledger-2024.xlsx.fees.csv');
		expect(fees.mapping).toEqual({ estate_id: 'estate_id', year: 'year', fee: 'fee', fee_unit: 'fee_unit', collection_rate: 'collection_rate' });
		const lines = new TextDecoder().decode(fees.bytes).trim().split('\n');
		expect(lines[0]).toBe('estate_id,year,fee,fee_unit,collection_rate');
		expect(lines[1]).toBe(`${generatedEstateId('阳光花园', '城关街道')},2024,1.8,per_m2_month,0.93`);
		expect(lines).toHaveLength(6);
	});

	describe('the required columns still unmet, as the data page says them', () => {
		const utf8 = (text: string) => new TextEncoder().encode(text);
		async function choicesOf(name: string, text: string): Promise<[FileChoices, { period?: string; year?: number }]> {
			const ins = await inspectFile(name, utf8(text));
			return [{ name, headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, dataset: ins.dataset, layout: ins.layout, mapping: ins.mapping, recipe: null }, { period: ins.titlePeriod, year: findYearInTitle(ins.titleLines) }];
		}

		it('a score sheet keyed by estate names misses nothing: its name column finds the estates', async () => {
			const [c, title] = await choicesOf('按名称.csv', '小区名称,考核期,指标,得分,来源\n梅澜公寓,2026Q1,cleaning,88,inspection\n');
			expect(c.dataset).toBe('scores');
			expect(c.mapping[0]).toBeNull();
			expect(unmetColumns(c, title)).toEqual([]);
			expect([...estateMatchHeaders(choicesParts(c))]).toEqual(['小区名称']);
		});

		it('a score sheet without a source column misses nothing (the source follows the indicator); without its score column it misses the score', async () => {
			const [c, title] = await choicesOf('无来源.csv', '小区编号,考核期,指标,得分\nLJ0001,2026Q1,cleaning,88\n');
			expect(c.dataset).toBe('scores');
			expect(unmetColumns(c, title)).toEqual([]);
			expect(unmetColumns({ ...c, mapping: c.mapping.map((m) => (m === 'score' ? null : m)) }, title)).toEqual(['score']);
			expect(unmetColumns({ ...c, mapping: c.mapping.map((m) => (m === 'score' || m === 'estate_id' ? null : m)) }, title)).toEqual(['estate_id', 'score']);
			expect(estateMatchHeaders(choicesParts(c)).size).toBe(0);
		});

		it('a register of one lift per row misses no quantity (each row is one); without its facility column it misses the facility', async () => {
			const [c, title] = await choicesOf('电梯登记表.csv', '小区编号,设备名称,设备注册代码,投入使用日期\nLJ0005,乘客电梯,31103301002005010001,2005年3月\n');
			expect(c.dataset).toBe('facilities');
			expect(unmetColumns(c, title)).toEqual([]);
			expect(unmetColumns({ ...c, mapping: c.mapping.map((m) => (m === 'facility' ? null : m)) }, title)).toEqual(['facility']);
		});

		it("a wide sheet's period may come from its title; without one the period is unmet", async () => {
			const [c, title] = await choicesOf('宽表.csv', '2026年第一季度物业服务考核得分\n小区编号,保洁,秩序维护\nLJ0001,88,90\n');
			expect(c.layout).toBe('wide');
			expect(title.period).toBe('2026Q1');
			expect(unmetColumns(c, title)).toEqual([]);
			expect(unmetColumns(c, {})).toEqual(['period']);
			expect(unmetColumns({ ...c, mapping: c.mapping.map((m) => (m?.startsWith('indicator:') ? null : m)) }, title)).toEqual(['indicator']);
		});

		it('an estates sheet without ids has them generated; a fee year comes from the title', async () => {
			const c = await ledgerChoices();
			expect(unmetColumns(c, {})).toEqual([]);
			expect(unmetColumns({ ...c, dataset: null }, {})).toEqual([]);
		});

		it("a fee sheet without a year column takes its title's year; without one the year is unmet", async () => {
			const [c, title] = await choicesOf('收费.csv', '2025年物业服务收费标准\n小区编号,物业服务费,收缴率\nLJ0001,1.5,95%\n');
			expect(c.dataset).toBe('fees');
			expect(title.year).toBe(2025);
			expect(unmetColumns(c, title)).toEqual([]);
			expect(unmetColumns(c, {})).toEqual(['year']);
		});
	});
});
