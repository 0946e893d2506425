/**
 * An estates register saved as CSV with its 街道 (type, firm) cells merged over groups of estates (reading rules 13,
 * docs/sources.md §18.4): each blank takes its group's value, said once per column; a column that is merely
 * incomplete is not filled; an import stored before replays as it was.
 */
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/lib/import/index';
import { DATASETS } from '../../../src/lib/data/datasets';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';

const HEADER = ['区', '街道', '小区编号', '小区名称', '小区类型', '房屋类型', '有无电梯', '建成年份', '户数', '建筑面积', '物业企业'];
const prepare = (rows: FixtureCell[][], options: { valuesBeforeRules13?: boolean } = {}) =>
	prepareImport({ name: '小区登记表.csv', bytes: gbk(csvText([HEADER, ...rows])) }, { dataset: 'estates', ...options });
const column = (p: Awaited<ReturnType<typeof prepare>>, name: string) => p.columns[DATASETS.estates.columns.findIndex((c) => c.name === name)];

describe('an estates register with merged group cells', () => {
	const merged: FixtureCell[][] = [
		['临江区', '城关街道', 'LJ0001', '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000, '临江安居物业'],
		[null, null, 'LJ0002', '锦馨二村', null, '多层', '无', 1999, 540, 41000, null],
		[null, null, 'LJ0003', '金桥十二街坊', '商品房', '高层', '有', 2008, 900, 76000, '邻里家物业'],
		[null, '江滨街道', 'LJ0004', '金桥十三街坊', null, '高层', '有', 2009, 880, 74000, null],
		[null, null, 'LJ0005', '梅澜公寓', '售后公房', '多层', '无', 1983, 568, 30228, '临江安居物业'],
		[null, null, 'LJ0006', '晨都公寓', null, '多层', '无', 1989, 592, 35251.9, null]
	];

	it('fills each blank from its group, and says so once per column with its rows', async () => {
		const p = await prepare(merged);
		expect(p.counts.errors).toBe(0);
		expect(column(p, 'subdistrict')).toEqual(['城关街道', '城关街道', '城关街道', '江滨街道', '江滨街道', '江滨街道']);
		expect(column(p, 'estate_type')).toEqual(['relocation', 'relocation', 'commercial', 'commercial', 'public_sold', 'public_sold']);
		expect(column(p, 'firm')).toEqual(['临江安居物业', '临江安居物业', '邻里家物业', '邻里家物业', '临江安居物业', '临江安居物业']);
		const notes = p.problems.filter((x) => x.code === 'merged_cells_filled');
		expect(notes.map((x) => [x.column, x.params?.count, x.params?.rows, x.params?.value]).sort()).toEqual([
			['小区类型', 3, '3、5、7', '动迁房'],
			['物业企业', 3, '3、5、7', '临江安居物业'],
			['街道', 4, '3、4、6、7', '城关街道']
		]);
	});

	it('leaves a column of distinct values with a gap as it is: no group spans rows', async () => {
		const p = await prepare([
			['临江区', '城关街道', 'LJ0001', '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000, '临江安居物业'],
			['临江区', '江滨街道', 'LJ0002', '梅澜公寓', '售后公房', '多层', '无', 1983, 568, 30228, '邻里家物业'],
			['临江区', null, 'LJ0003', '金桥十一街坊', '商品房', '高层', '有', 2006, 1200, 98000, null]
		]);
		expect(column(p, 'subdistrict')).toEqual(['城关街道', '江滨街道', null]);
		expect(column(p, 'firm')).toEqual(['临江安居物业', '邻里家物业', null]);
		expect(p.problems.map((x) => x.code)).not.toContain('merged_cells_filled');
	});

	it('leaves a column that is merely incomplete as it is: its values repeat, so no cell is merged', async () => {
		const p = await prepare([
			['临江区', '城关街道', 'LJ0006', '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000, null],
			['临江区', '城关街道', 'LJ0007', '金桥十一街坊', '商品房', '高层', '有', 2006, 1200, 98000, null],
			['临江区', null, 'LJ0008', '梅澜公寓', '售后公房', '多层', '无', 1983, 568, 30228, null]
		]);
		expect(column(p, 'subdistrict')).toEqual(['城关街道', '城关街道', null]);
		expect(p.problems.map((x) => x.code)).not.toContain('merged_cells_filled');
	});

	it('does not fill a column whose first estate has no value', async () => {
		const p = await prepare([
			['临江区', null, 'LJ0009', '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000, null],
			['临江区', '城关街道', 'LJ0010', '金桥十一街坊', '商品房', '高层', '有', 2006, 1200, 98000, null],
			['临江区', null, 'LJ0011', '梅澜公寓', '售后公房', '多层', '无', 1983, 568, 30228, null]
		]);
		expect(column(p, 'subdistrict')).toEqual([null, '城关街道', null]);
	});

	it('stored before reading rules 13, the register replays as it was read then', async () => {
			const p = await prepare(merged, { valuesBeforeRules13: true });
		expect(column(p, 'subdistrict')[1]).toBeNull();
		expect(p.invalidRows).toBe(3);
		expect(p.problems.map((x) => x.code)).not.toContain('merged_cells_filled');
	});
});

describe('an estates register with merged 街道 cells and no id column, through the recipes', () => {
	it('generates each estate\'s id from its name and its group\'s 街道, as the workbook with the cells merged would', async () => {
		const { prepareWithRecipes } = await import('../../../src/lib/import/recipes');
		const { generatedEstateId } = await import('../../../src/lib/domain/names');
		const header = ['街道', '小区名称', '小区类型', '房屋类型', '有无电梯', '建成年份', '户数', '建筑面积'];
		const rows: FixtureCell[][] = [
			['城关街道', '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000],
			[null, '金桥十一街坊', '商品房', '高层', '有', 2006, 1200, 98000],
			['江滨街道', '梅澜公寓', '售后公房', '多层', '无', 1983, 568, 30228],
			[null, '晨都公寓', '售后公房', '多层', '无', 1989, 592, 35251.9]
		];
		const run = await prepareWithRecipes([{ name: '小区登记表.csv', bytes: gbk(csvText([header, ...rows])) }], [], []);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(column(p, 'subdistrict')).toEqual(['城关街道', '城关街道', '江滨街道', '江滨街道']);
		expect(column(p, 'estate_id')[1]).toBe(generatedEstateId('金桥十一街坊', '城关街道'));
	});
});
