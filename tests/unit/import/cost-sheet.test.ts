/**
 * A firm's cost sheet as it is written (reading rules 12, docs/sources.md §18.4): items numbered 一, 二 … with their
 * breakdown below (1 管理人员工资, 其中：电梯维保费) and tax and profit under the total. The breakdown is part of its item
 * and tax and profit are no costs: left out, each said, so the item is not counted twice. Figures by hand.
 */
import { describe, expect, it } from 'vitest';
import { commitImport, prepareImport } from '../../../src/lib/import/index';
import { prepareWithRecipes } from '../../../src/lib/import/recipes';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';
import { emptyEngineEachTest } from '../helpers/empty-engine';

const BODY: FixtureCell[][] = [
	['一', '人员费用', '856,000.00'],
	['1', '管理人员工资', '180,000.00'],
	['2', '保安人员工资', '420,000.00'],
	['3', '社会保险及福利', '256,000.00'],
	['二', '共用部位共用设施设备日常运行和维护费', '120,000.00'],
	[null, '其中：电梯维保费', '48,000.00'],
	['三', '绿化养护费', '60,000.00'],
	['四', '清洁卫生费', '150,000.00'],
	['合计', null, '1,186,000.00'],
	['税金（6%）', null, '71,160.00'],
	['利润（8%）', null, '94,880.00']
];

const engine = emptyEngineEachTest();

describe('a cost sheet with its breakdown, tax and profit', () => {
	it('with an estate column: the four items are imported, the breakdown, tax and profit said and left out', async () => {
		const rows = BODY.map((r) => ['LJ0002', 2024, ...r]);
		const p = await prepareImport({ name: '成本测算.csv', bytes: gbk(csvText([['小区编号', '年度', '序号', '成本项目', '金额'], ...rows])) }, { dataset: 'costs' });
		expect(p.counts.errors).toBe(0);
		const said = p.problems.filter((x) => x.code === 'cost_breakdown_row_skipped' || x.code === 'cost_margin_row_skipped').map((x) => [x.row, x.value, x.params?.parent ?? null]);
		// The header is row 1: 管理人员工资 is row 3.
		expect(said).toEqual([
			[3, '管理人员工资', '人员费用'],
			[4, '保安人员工资', '人员费用'],
			[5, '社会保险及福利', '人员费用'],
			[7, '其中：电梯维保费', '共用部位共用设施设备日常运行和维护费'],
			[11, '税金（6%）', null],
			[12, '利润（8%）', null]
		]);
		expect(await commitImport(engine(), [p])).toMatchObject({ committed: true, inserted: 4 });
		// 856,000 + 120,000 + 60,000 + 150,000 = 1,186,000, the sheet's own 合计: nothing counted twice.
		expect(await engine().scalar('SELECT sum(amount_yuan) FROM costs')).toBe(1_186_000);
	});

	it('a sheet of one estate (the estate in its title) leaves out the same rows, seen with its 序号 column', async () => {
		const run = await prepareWithRecipes([{ name: '成本.csv', bytes: gbk(csvText([['锦馨一村2024年度物业服务成本测算表'], ['序号', '项目', '金额（元/年）'], ...BODY])) }], [], [{ id: 'LJ0002', name: '锦馨一村' }]);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(p.problems.filter((x) => x.code === 'cost_breakdown_row_skipped')).toHaveLength(4);
		expect(p.problems.filter((x) => x.code === 'cost_margin_row_skipped').map((x) => [x.column, x.value])).toEqual([
			['序号', '税金（6%）'],
			['序号', '利润（8%）']
		]);
		expect(p.problems.find((x) => x.code === 'estate_from_title')?.params?.rows).toBe(4);
		expect(await commitImport(engine(), [p])).toMatchObject({ committed: true, inserted: 4 });
		expect(await engine().scalar('SELECT sum(amount_yuan) FROM costs')).toBe(1_186_000);
	});

	it('a sheet numbered 1 to 10 alone has no breakdown: every row is an item', async () => {
		const rows: FixtureCell[][] = [
			['LJ0002', 2024, '1', '人员费用', 856000],
			['LJ0002', 2024, '2', '绿化养护费', 60000],
			['LJ0002', 2024, '3', '税金', 71160]
		];
		const p = await prepareImport({ name: '成本.csv', bytes: gbk(csvText([['小区编号', '年度', '序号', '成本项目', '金额'], ...rows])) }, { dataset: 'costs' });
		expect(p.rowCount).toBe(2);
		expect(p.problems.map((x) => x.code)).not.toContain('cost_breakdown_row_skipped');
		expect(p.problems.find((x) => x.code === 'cost_margin_row_skipped')).toMatchObject({ row: 4, column: '成本项目', value: '税金' });
	});

	it('stored before reading rules 12, the sheet replays as it was read then: the breakdown rows are unknown items', async () => {
		const rows = BODY.map((r) => ['LJ0002', 2024, ...r]);
		const p = await prepareImport({ name: '成本测算.csv', bytes: gbk(csvText([['小区编号', '年度', '序号', '成本项目', '金额'], ...rows])) }, { dataset: 'costs', valuesBeforeRules12: true });
		expect(p.counts.errors).toBeGreaterThan(0);
		expect(p.problems.map((x) => x.code)).not.toContain('cost_breakdown_row_skipped');
	});
});
