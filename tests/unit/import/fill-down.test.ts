/**
 * "The same as above" (reading rules 12, docs/sources.md §18.4): 同上 in any column, and the blank cells a merged estate
 * cell leaves when Excel saves a ledger as CSV, take the value above, said once per column; never in the estates
 * themselves, never with nothing above, and not for imports stored before.
 */
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/lib/import/index';
import { prepareWithRecipes } from '../../../src/lib/import/recipes';
import { filledDown } from '../../../src/lib/import/fill-down';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';

const rowsOf = (p: Awaited<ReturnType<typeof prepareImport>>) => p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));

describe('cells that say the same as above', () => {
	it('filledDown: 同上 and 〃 anywhere, blanks only when asked, nothing above nothing filled', () => {
		expect(filledDown(['a', '同上', ' 〃 ', 'b', null, ''], false)).toEqual({ cells: ['a', 'a', 'a', 'b', null, ''], ditto: [1, 2], merged: [] });
		expect(filledDown(['a', '同上', 'b', null, ''], true)).toEqual({ cells: ['a', 'a', 'b', 'b', 'b'], ditto: [1], merged: [3, 4] });
		expect(filledDown([null, '同上', 'a'], true)).toBeUndefined();
		// A ditto with nothing above is no value for the one below it either.
		expect(filledDown(['同上', '同上', 'a', '同上'], false)).toEqual({ cells: ['同上', '同上', 'a', 'a'], ditto: [3], merged: [] });
		expect(filledDown(['a', 'b'], true)).toBeUndefined();
	});

	it('a facilities ledger saved from Excel with its estate cells merged: each row is the estate above it', async () => {
		const rows: FixtureCell[][] = [
			['LJ0001', '电梯', 4, 2006],
			[null, '生活水泵', 2, 2006],
			[null, '屋面防水', 3200, 2012],
			['LJ0002', '电梯', 2, 2010],
			[null, '门禁', '同上', '同上'],
			['同上', '消防报警', 1, 2010]
		];
		const p = await prepareImport({ name: '设施台账.csv', bytes: gbk(csvText([['小区编号', '设施', '数量', '安装年份'], ...rows])) }, { dataset: 'facilities' });
		expect(p.counts.errors).toBe(0);
		expect(rowsOf(p).map((r) => r.slice(0, 4))).toEqual([
			['LJ0001', 'elevator_midrise', 4, 2006],
			['LJ0001', 'water_pump', 2, 2006],
			['LJ0001', 'roof_waterproofing', 3200, 2012],
			['LJ0002', 'elevator_midrise', 2, 2010],
			['LJ0002', 'access_control', 2, 2010],
			['LJ0002', 'fire_alarm', 1, 2010]
		]);
		const merged = p.problems.find((x) => x.code === 'merged_cells_filled');
		// The header is row 1: the blanks are rows 3, 4 and 6.
		expect(merged).toMatchObject({ row: 3, column: '小区编号', severity: 'warning', params: { count: 3, rows: '3、4、6', value: 'LJ0001' } });
		expect(p.problems.filter((x) => x.code === 'ditto_read').map((x) => [x.column, x.row, x.params?.value])).toEqual([
			['数量', 6, '2'],
			['安装年份', 6, '2010'],
			['小区编号', 7, 'LJ0002']
		]);
	});

	it('a ledger keyed by estate names with its names merged finds each row its estate', async () => {
		const run = await prepareWithRecipes(
			[{ name: '收费.csv', bytes: gbk(csvText([['2025年物业服务收费标准'], ['小区名称', '收费标准（元/㎡·月）'], ['梅澜公寓', 1.8], [null, '同上'], ['锦馨一村', 0.65]])) }],
			[],
			[
				{ id: 'LJ0001', name: '梅澜公寓' },
				{ id: 'LJ0002', name: '锦馨一村' }
			]
		);
		expect(run.nameIssues).toEqual([]);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(p.columns[0]).toEqual(['LJ0001', 'LJ0001', 'LJ0002']);
		expect(p.problems.map((x) => x.code)).toEqual(expect.arrayContaining(['merged_cells_filled', 'ditto_read']));
	});

	it('a merged name takes its merged subdistrict too, so two estates of one name stay apart', async () => {
		const known = [
			{ id: 'CG0001', name: '阳光花园', subdistrict: '城关街道' },
			{ id: 'DC0001', name: '阳光花园', subdistrict: '东城街道' }
		];
		const sheet = [['2025年物业服务收费标准'], ['街道', '小区名称', '收费标准（元/㎡·月）'], ['城关街道', '阳光花园', 1.2], [null, null, 1.2], ['东城街道', '阳光花园', 1.5], [null, null, 1.5]];
		const run = await prepareWithRecipes([{ name: '收费.csv', bytes: gbk(csvText(sheet as FixtureCell[][])) }], [], known);
		expect(run.nameIssues).toEqual([]);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(p.columns[0]).toEqual(['CG0001', 'CG0001', 'DC0001', 'DC0001']);
	});

	it('同上 in a fee takes the fee above with its unit, and the note says the amount', async () => {
		const p = await prepareImport(
			{ name: '收费.csv', bytes: gbk(csvText([['小区编号', '年度', '收费标准'], ['LJ0001', 2025, '120元/户·月'], ['LJ0002', 2025, '同上'], ['LJ0003', 2025, '1.8']])) },
			{ dataset: 'fees' }
		);
		expect(p.counts.errors).toBe(0);
		const fee = p.columns[2];
		const unit = p.columns[3];
		expect([fee, unit]).toEqual([
			[120, 120, 1.8],
			['per_household_month', 'per_household_month', 'per_m2_month']
		]);
		expect(p.problems.find((x) => x.code === 'ditto_read')).toMatchObject({ row: 3, column: '收费标准', value: '同上', params: { count: 1, rows: '3', value: '120' } });
	});

	it('an estates list is not filled: a blank id is an estate without one', async () => {
		const header = ['小区编号', '小区名称', '小区类型', '房屋类型', '有无电梯', '建成年份', '户数', '计费面积'];
		const p = await prepareImport({
			name: '小区.csv',
			bytes: gbk(csvText([header, ['LJ0001', '梅澜公寓', '商品房', '高层', '有', 2006, 500, 40000], [null, '锦馨一村', '动迁房', '多层', '无', 1998, 620, 45000]]))
		}, { dataset: 'estates' });
		expect(p.problems.map((x) => x.code)).not.toContain('merged_cells_filled');
		expect(p.counts.errors).toBeGreaterThan(0);
	});

	it('stored before reading rules 12, the ledger replays as it was read then: the blank estate cells are errors', async () => {
		const p = await prepareImport(
			{ name: '设施台账.csv', bytes: gbk(csvText([['小区编号', '设施', '数量', '安装年份'], ['LJ0001', '电梯', 4, 2006], [null, '生活水泵', 2, 2006]])) },
			{ dataset: 'facilities', valuesBeforeRules12: true }
		);
		expect(p.counts.errors).toBe(1);
		expect(p.problems.map((x) => x.code)).not.toContain('merged_cells_filled');
	});
});
