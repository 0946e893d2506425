/**
 * Whole files as district offices and owners' committees keep them, read by the import pipeline without the engine:
 * GBK CSV and xlsx with title rows, headers the app had no alias for, counts with measure words, approximate
 * figures, yearly fees, dates in other orders. Values are worked by hand from the cells.
 */
import { describe, expect, it } from 'vitest';
import { inspectFile, prepareImport } from '../../../src/lib/import/index';
import { csvText, gbk, workbook, type FixtureCell } from '../../fixtures/import-files';

type Prepared = Awaited<ReturnType<typeof prepareImport>>;
const rowsOf = (p: Prepared) => p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));
const problems = (p: Prepared) => p.problems.map((x) => [x.row, x.code, x.severity]);

describe('ledgers as written', () => {
	it('a facilities ledger in GBK: measure words, month-only assessment dates, Chinese numerals, a unit that does not fit', async () => {
		const rows: FixtureCell[][] = [
			['某小区共用设施设备台账（2025年）'],
			['*小区编号', '设施', '数量', '安装年份', '使用年限', '单价', '最近评估日期', '评估结果'],
			['LJ0001', '电梯', '12台', '2008年', '15年', '35万元/台', '2024年5月', '合格'],
			['LJ0001', '屋面防水', '1,200㎡', 2008, '十年', '120元/㎡', null, null],
			['LJ0002', '排水管网', '1.2公里', '2009年6月', '约30年', '600元/延米', null, null],
			['LJ0002', '二次供水水箱', '1,200㎡', 2010, 15, null, null, null]
		];
		const bytes = gbk(csvText(rows));
		const info = await inspectFile('设施台账.csv', bytes);
		expect(info).toMatchObject({ encoding: 'gb18030', headerRow: 2, dataset: 'facilities' });
		expect(info.mapping).toEqual(['estate_id', 'facility', 'quantity', 'installed_year', 'life_years', 'unit_replacement_cost_yuan', 'last_assessed_at', 'last_assessment_result']);
		const p = await prepareImport({ name: '设施台账.csv', bytes });
		// Aligned with the headers: the fourth is 安装年份.
		expect(p.conversions.conversions[3]).toEqual({ kind: 'date_to_year' });
		expect(rowsOf(p).slice(0, 3)).toEqual([
			['LJ0001', 'elevator_midrise', 12, 2008, 15, 350000, '2024-05-01 00:00:00', 'fit'],
			['LJ0001', 'roof_waterproofing', 1200, 2008, 10, 120, null, null],
			['LJ0002', 'drains', 1200, 2009, 30, 600, null, null]
		]);
		expect(problems(p)).toEqual([
			[3, 'day_assumed', 'warning'],
			// The year column holds a month (2009年6月), so the whole column is read by its year (a conversion the
			// mapping shows), without a note per cell.
			[5, 'approximate', 'warning'],
			[6, 'quantity_unit_mismatch', 'error']
		]);
		const mismatch = p.problems.find((x) => x.code === 'quantity_unit_mismatch')!;
		expect(mismatch.message.zh).toBe('数量的单位与设施不符：「二次供水水箱」按“座”计量');
		expect(mismatch).toMatchObject({ column: '数量', value: '1,200㎡' });
	});

	it('an xlsx ledger under 设施设备名称, installed dates typed 2008.06 (a number to the spreadsheet): the year, said', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '设施设备名称', '数量', '投入使用时间', '设计使用年限'],
			['LJ0001', '电梯', '2台', 2008.06, '15年'],
			['LJ0001', '二次供水水泵', '4台', 2008.1, '10'],
			['LJ0001', '屋面防水', '12,000㎡', '2008.06', '15'],
			['LJ0001', '外墙', '9000㎡', 2008.13, '20']
		];
		const bytes = workbook([{ name: '台账', rows }]);
		const p = await prepareImport({ name: '设施台账.xlsx', bytes });
		expect(p.dataset).toBe('facilities');
		expect(p.headers[p.mapping.indexOf('facility')]).toBe('设施设备名称');
		// 2008.06 and 2008.1 (January or October, its 0 dropped: 2008 either way) are 2008, said; 2008.13 is no month.
		expect(rowsOf(p).map((r) => r[3])).toEqual([2008, 2008, 2008, null]);
		expect(problems(p)).toEqual([
			[2, 'year_from_date', 'warning'],
			[3, 'year_from_date', 'warning'],
			[4, 'year_from_date', 'warning'],
			[5, 'not_an_integer', 'error']
		]);
		// Stored before reading rules 7, the numbers replay as the errors they were.
		const before = await prepareImport({ name: '设施台账.xlsx', bytes }, { valuesBeforeRules7: true });
		expect(problems(before).filter((x) => x[2] === 'error').map((x) => x[0])).toEqual([2, 3, 5]);
	});

	it('unit costs in 万 beside costs per lift and per metre: each cell by its own words', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '设施', '数量', '安装年份', '单价'],
			['LJ0001', '电梯', '2台', 2011, '30万'],
			['LJ0001', '加装电梯', '1台', 2020, '35万元/台'],
			['LJ0002', '排水管网', '800米', 2012, '600元/延米'],
			['LJ0002', '外墙', '1.2万㎡', 2013, '20万'],
			['LJ0003', '电梯', '3台', 2014, '28万']
		];
		const p = await prepareImport({ name: '设施.csv', bytes: gbk(csvText(rows)) });
		// The column is converted from 万 (its most common word); cells with words of their own are read by them.
		expect(p.conversions.conversions[4]).toMatchObject({ kind: 'unit', unit: '万', factor: 10000 });
		expect(rowsOf(p).map((r) => [r[2], r[5]])).toEqual([
			[2, 300000],
			[1, 350000],
			[800, 600],
			[12000, 200000],
			[3, 280000]
		]);
		expect(problems(p)).toEqual([]);
	});

	it('a vote tally with short headers; an approximate count is refused', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '表决事项', '事项类型', '业主总人数', '总面积', '参与人数', '参与面积', '同意人数', '同意面积'],
			['LJ0001', '调整物业费', '一般事项', '568人', '30,228㎡', '400人', '2.1万㎡', '三百人', '18,000.5'],
			['LJ0002', '使用维修资金', '重大事项', 1017, 62113.57, '约800', 50000, 600, 40000]
		];
		const p = await prepareImport({ name: '表决.csv', bytes: gbk(csvText(rows)) });
		expect(p.dataset).toBe('votes');
		expect(rowsOf(p)[0]).toEqual(['LJ0001', '调整物业费', 'ordinary', 568, 30228, 400, 21000, 300, 18000.5]);
		expect(problems(p)).toEqual([[3, 'approximate_not_exact', 'error']]);
	});

	it('a repair-ticket export with 报修时间 and 完成时间, in both date orders', async () => {
		const rows: FixtureCell[][] = [
			['工单号', '小区编号', '类别', '报修时间', '完成时间'],
			['T1', 'LJ0001', '绿化', '2026/3/5 14:30', '2026/3/6 9:00'],
			['T2', 'LJ0001', '绿化', '15/3/2026 14:30', '16/3/2026 09:00'],
			['T3', 'LJ0002', '绿化', '3/5/2026 14:30', '3/6/2026 09:00']
		];
		const p = await prepareImport({ name: '工单.csv', bytes: gbk(csvText(rows)) });
		expect(p.dataset).toBe('tickets');
		expect(rowsOf(p).slice(0, 2)).toEqual([
			['T1', 'LJ0001', 'greening', '2026-03-05 14:30:00', '2026-03-06 09:00:00'],
			['T2', 'LJ0001', 'greening', '2026-03-15 14:30:00', '2026-03-16 09:00:00']
		]);
		expect(problems(p)).toEqual([
			[4, 'date_order_unclear', 'error'],
			[4, 'date_order_unclear', 'error']
		]);
		expect(p.problems[0].message.zh).toContain('2026-03-05（月/日/年）或 2026-05-03（日/月/年）');
	});

	it('a fee ledger in xlsx: a yearly fee, the unit written first, an empty fee-unit cell, 面议', async () => {
		const bytes = workbook([
			{
				name: '收费',
				rows: [
					['2025年物业费收费情况'],
					['小区编号', '年度', '物业费', '收费方式', '收缴率'],
					['LJ0001', '2025年', '19.8元/㎡·年', '按面积', '95%'],
					['LJ0002', 2025, '每平米1.65元', null, 96.5],
					['LJ0003', 2025, 1.2, null, 0.9],
					['LJ0004', 2025, '面议', null, null]
				]
			}
		]);
		const p = await prepareImport({ name: '收费.xlsx', bytes });
		expect(p.dataset).toBe('fees');
		expect(rowsOf(p).slice(0, 3)).toEqual([
			['LJ0001', 2025, 1.65, 'per_m2_month', 0.95],
			['LJ0002', 2025, 1.65, 'per_m2_month', 0.965],
			['LJ0003', 2025, 1.2, 'per_m2_month', 0.9]
		]);
		expect(problems(p)).toEqual([
			[3, 'fee_per_year', 'warning'],
			[4, 'rate_read_as_percent', 'warning'],
			[6, 'fee_not_stated', 'error'],
			[null, 'fee_unit_cells_assumed', 'warning']
		]);
	});

	it('an estates ledger: years with events and months, approximate and Chinese counts, a header with its unit', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '小区名称', '所属街道', '小区类型', '楼型', '建成年份', '收费面积（万㎡）', '总户数', '有无电梯'],
			['LJ0001', '梅澜公寓', '江滨街道', '售后公房', '多层', '1983年', 3.02, '568户', '无'],
			['LJ0002', '锦馨一村', '江滨街道', '售后公房', '多层', '1984年建成', '6.21万㎡', '约1017户', '否'],
			['LJ0003', '新苑', '江滨街道', '动迁安置房', '小高层', '2012年6月', '12万㎡', '1200余户', '有'],
			['LJ0004', '二期', '江滨街道', '商品房', '高层', '二〇一五年', '80000平方米', '一千二百户', '有']
		];
		const p = await prepareImport({ name: '小区台账.csv', bytes: gbk(csvText(rows)) });
		expect(p.dataset).toBe('estates');
		const got = rowsOf(p).map((r) => [r[5], r[6], r[7]]);
		expect(got).toEqual([
			[1983, 30200, 568],
			[1984, 62100, 1017],
			[2012, 120000, 1200],
			[2015, 80000, 1200]
		]);
		expect(p.counts.errors).toBe(0);
	});
});
