/**
 * Reading rules 14 (docs/sources.md §18.4): a two-digit year in Chinese digits (九八年, 〇五年) read as 98年 is, a decade in
 * Chinese (九十年代) said to be one, and 还建房 as relocation housing; files stored before replay as they were read then.
 * Every expected value is worked by hand from the text (in 2026 a two-digit year above 26 is of the 1900s).
 */
import { describe, expect, it } from 'vitest';
import { DATASETS, type DatasetId } from '../../../src/lib/data/datasets';
import { prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { columnNormaliser } from '../../../src/lib/import/values';
import { valueMapReport } from '../../../src/lib/import/conversions/value-map';
import type { ColumnMeta } from '../../../src/lib/data/datasets';
import { csvText, gbk } from '../../fixtures/import-files';
import { replayedUnder } from './replay';

const read = (dataset: DatasetId, column: string, cell: string) => columnNormaliser(dataset, column, '')(cell);

describe('a two-digit year in Chinese digits', () => {
	const year = (cell: string) => read('estates', 'build_year', cell);
	it.each([
		['九八年', 1998, '九八年'],
		['九八年建成', 1998, '九八年'],
		['〇五年', 2005, '〇五年'],
		['○五年', 2005, '○五年'],
		['零五年', 2005, '零五年'],
		['一二年竣工', 2012, '一二年']
	])('%s is %i, said', (cell, y, text) => {
		expect(year(cell)).toEqual({ value: y, warnings: [{ code: 'year_two_digit', params: { year: y, text } }] });
	});

	it('a year written in full is read as before, without a note; 十二年 is twelve years, not 2012', () => {
		expect(year('一九九八年')).toEqual({ value: 1998 });
		expect(year('二〇〇五年')).toEqual({ value: 2005 });
		// Read as the number 12, which the column's range (1900 to 2100) refuses, as before.
		expect(year('十二年')).toEqual({ value: 12 });
	});

	it('a date in a ticket', () => {
		expect(read('tickets', 'opened_at', '九八年三月五日')).toEqual({ value: '1998-03-05 00:00:00', warnings: [{ code: 'year_two_digit', params: { year: 1998, text: '九八年' } }] });
	});

	it('a period, of this century as 25年第三季度 is', () => {
		const period = (cell: string) => read('scores', 'period', cell);
		expect(period('二五年第三季度')).toEqual({ value: '2025Q3' });
		expect(period('二六年一月')).toEqual({ value: '2026-01' });
		expect(period('〇五年第一季度')).toEqual({ value: '2005Q1' });
		// 三四 before 季度 is not a year: still an error.
		expect(period('三四季度')).toEqual({ error: { code: 'bad_period' } });
	});

	it('a decade in Chinese is a decade, as 1990年代 is', () => {
		for (const cell of ['九十年代', '九〇年代', '上世纪九十年代', '二十世纪八十年代']) expect(year(cell)).toEqual({ error: { code: 'year_is_decade' } });
	});
});

describe('还建房', () => {
	it('is relocation housing', () => {
		expect(read('estates', 'estate_type', '还建房')).toEqual({ value: 'relocation' });
		expect(read('estates', 'estate_type', '还建安置房')).toEqual({ value: 'relocation' });
	});
});

describe('a column of floors read as the building form', () => {
	const head = (floors: string) => ['小区编号', '小区名称', '所属街道', '小区类型', floors, '建成年份', '收费面积', '总户数', '有无电梯'];
	const row = (id: string, floors: string | number) => [id, `${id}苑`, '金桥街道', '商品房', floors, 2001, 30000, 400, '有'];
	const form = (p: Awaited<ReturnType<typeof prepareImport>>) => p.columns[(DATASETS.estates.columns as readonly { name: string }[]).findIndex((c) => c.name === 'building_type')];

	it.each(['层数', '总层数', '地上层数', '楼层数', '房屋层数'])('under %s, 6 is multi-storey and 7 and 18 high-rise (lifts from seven floors), said once', async (header) => {
		const p = await prepareImport({ name: '名册.csv', bytes: gbk(csvText([head(header), row('E1', 6), row('E2', 7), row('E3', '18')])) });
		expect(p.dataset).toBe('estates');
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
		expect(form(p)).toEqual(['multi', 'high', 'high']);
		const notes = p.problems.filter((x) => x.code.startsWith('building_form'));
		expect(notes.map((x) => [x.code, x.column, x.params?.count])).toEqual([['building_form_from_floors_rows', header, 3]]);
	});

	it('beside 建筑类型, wherever it stands, the 建筑类型 column is read and 层数 is not', async () => {
		const headers = ['小区编号', '小区名称', '所属街道', '小区类型', '层数', '建筑类型', '建成年份', '收费面积', '总户数', '有无电梯'];
		const p = await prepareImport({ name: '名册.csv', bytes: gbk(csvText([headers, ['E1', '梅苑', '金桥街道', '商品房', 18, '多层', 2001, 30000, 400, '有']])) });
		expect(form(p)).toEqual(['multi']);
	});

	it('the data page asks nothing about a 层数 column\'s numbers, and still asks about a bare number under 建筑类型', () => {
		const column = (DATASETS.estates.columns as readonly ColumnMeta[]).find((c) => c.name === 'building_type')!;
		expect(valueMapReport(column, [6, '18', 6], undefined, '层数').map((e) => [e.word, e.count, e.code])).toEqual([
			['6', 2, 'multi'],
			['18', 1, 'high']
		]);
		expect(valueMapReport(column, ['6'], undefined, '建筑类型').map((e) => [e.word, e.code])).toEqual([['6', null]]);
	});

	it('a bare number under 建筑类型 is still an error: 6 there could be anything', () => {
		expect('error' in read('estates', 'building_type', '6')).toBe(true);
	});
});

describe('files stored before reading rules 14 replay as they were read then', () => {
	const errors = (p: Awaited<ReturnType<typeof prepareImport>>) => p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code, x.value]);
	const column = (p: Awaited<ReturnType<typeof prepareImport>>, name: string) => p.columns[(DATASETS.estates.columns as readonly { name: string }[]).findIndex((c) => c.name === name)];
	const register = gbk(
		csvText([
			['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '建成年份', '收费面积', '总户数', '有无电梯'],
			['E1', '梅园', '金桥街道', '还建房', '高层', '2010年', '32000', '600', '有'],
			['E2', '兰园', '金桥街道', '商品房', '多层', '九八年', '28000', '420', '无'],
			// A name that starts like a year was read as written then and now.
			['E3', '九八年新村', '金桥街道', '商品房', '高层', '2001年', '50000', '700', '有']
		])
	);

	it('read today: every row, 还建房 relocation and 九八年 1998', async () => {
		expect(READ_RULES).toBe(14);
		const now = await prepareImport({ name: '名册.csv', bytes: register });
		expect(errors(now)).toEqual([]);
		expect(column(now, 'estate_type')).toEqual(['relocation', 'commercial', 'commercial']);
		expect(column(now, 'build_year')).toEqual([2010, 1998, 2001]);
	});

	it('stored under rules 13: the two rows refused then are refused again, the third kept', async () => {
		const then = await replayedUnder('名册.csv', register, 'estates', 13);
		expect(errors(then)).toEqual([
			[2, 'not_a_number', '还建房'],
			[3, 'not_a_number', '九八年']
		]);
		const kept = [...then.invalid].map((x, i) => (x === 0 ? column(then, 'estate_id')[i] : null)).filter((x) => x !== null);
		expect(kept).toEqual(['E3']);
		expect(column(then, 'name')[2]).toBe('九八年新村');
	});

	it('a wide score sheet whose period is 二五年第三季度: refused then, read now', async () => {
		const sheet = gbk(csvText([['小区编号', '考核期间', '保洁', '绿化'], ['LJ1', '二五年第三季度', 85, 90], ['LJ2', '2025Q3', 80, 70]]));
		const now = await prepareImport({ name: '考评.csv', bytes: sheet });
		expect(now.dataset).toBe('scores');
		expect(errors(now)).toEqual([]);
		const scores = (p: typeof now) => p.columns[(DATASETS.scores.columns as readonly { name: string }[]).findIndex((c) => c.name === 'period')];
		expect(scores(now)).toEqual(['2025Q3', '2025Q3', '2025Q3', '2025Q3']);
		const then = await replayedUnder('考评.csv', sheet, 'scores', 13);
		expect(errors(then).map((e) => e.slice(0, 2))).toEqual([[2, 'not_a_number']]);
	});

	it('a register whose 房屋层数 column gives bare floors: refused then, read now', async () => {
		const bytes = gbk(csvText([['小区编号', '小区名称', '所属街道', '小区类型', '房屋层数', '建成年份', '收费面积', '总户数', '有无电梯'], ['E1', '梅苑', '金桥街道', '商品房', '6层', 2001, 30000, 400, '有'], ['E2', '兰苑', '金桥街道', '商品房', 18, 2001, 30000, 400, '有']]));
		const then = await replayedUnder('名册.csv', bytes, 'estates', 13);
		expect(errors(then)).toEqual([[3, 'not_a_number', '18']]);
	});
});
