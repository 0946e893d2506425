/**
 * A grid-ticket export as people keep it: times written many ways, tickets still open, a time without a year; and the
 * replay of imports stored before reading rules 6, 7 and 8.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/lib/data/datasets';
import { inspectFile, prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { storedConversions } from '../../../src/lib/workspace/rebuild';
import { storedFileSchema } from '../../../src/lib/workspace/workspace-file';
import { csvText, gbk } from '../../fixtures/import-files';

const EXPORT = gbk(
	csvText([
		['工单编号', '小区编号', '问题类别', '上报时间', '办结时间'],
		['T1', 'LJ0001', '环境卫生', '2025/7/1 9:05', '2025/7/1 15:30'],
		['T2', 'LJ0001', '漏水', '2025年7月2日 8时30分', '未办结'],
		['T3', 'LJ0002', '乱停车', '2025.07.03 14:00', '处理中'],
		['T4', 'LJ0002', '绿化', '2025-7-5 下午3:05', '未办结'],
		['T5', 'LJ0003', '绿化', '7月7日 10:00', '']
	])
);

describe('ticket times', () => {
	it('still-open words are no closing time, said once per word with its rows; a time without a year is an error of its row', async () => {
		const p = await prepareImport({ name: '工单.csv', bytes: EXPORT });
		expect(p.dataset).toBe('tickets');
		const open = p.problems.filter((x) => x.code === 'ticket_still_open').map((x) => [x.row, x.value, x.params?.count, x.severity]);
		expect(open).toEqual([
			[3, '未办结', 2, 'warning'],
			[4, '处理中', 1, 'warning']
		]);
		const errors = p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.code]);
		expect(errors).toEqual([[6, '上报时间', 'timestamp_no_year']]);
		// Hand-read: T1 closed at 15:30; T2-T4 still open; 下午3:05 is 15:05.
		const col = (name: string) => p.columns[DATASETS.tickets.columns.findIndex((c) => c.name === name)];
		expect([0, 1, 2, 3].map((r) => col('closed_at')[r])).toEqual(['2025-07-01 15:30:00', null, null, null]);
		expect([0, 1, 2, 3].map((r) => col('opened_at')[r])).toEqual(['2025-07-01 09:05:00', '2025-07-02 08:30:00', '2025-07-03 14:00:00', '2025-07-05 15:05:00']);
		expect(p.counts).toEqual({ errors: 1, warnings: 2 });
	});
});

describe('stored imports replay under the rules they were accepted with', () => {
	const stored = (name: string, dataset: 'tickets' | 'estates', rules: number) =>
		storedFileSchema.parse({ id: 'f1', name, dataset, mode: 'append', options: { headerRow: 1, dropInvalid: true, rules }, rows: 1, addedAt: '2026-12-01T00:00:00.000Z' });

	it("a ticket's 未办结 stored under rules 5 replays as the error it was (its row dropped then, dropped again); under 6 it is open", async () => {
		const ins = await inspectFile('工单.csv', EXPORT);
		const before = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', 5), ins.headers) });
		expect(before.problems.filter((x) => x.column === '办结时间').map((x) => [x.row, x.code])).toEqual([
			[3, 'bad_timestamp'],
			[4, 'bad_timestamp'],
			[5, 'bad_timestamp']
		]);
		const now = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', READ_RULES), ins.headers) });
		expect(now.problems.filter((x) => x.column === '办结时间').map((x) => x.code)).toEqual(['ticket_still_open', 'ticket_still_open']);
	});

	it('a date with its weekday beside it, stored under rules 6, replays as the error it was; under 7 it is read, the weekday checked', async () => {
		// Calendar: 1 July 2025 was a Tuesday, 2 July a Wednesday.
		const ledger = gbk(
			csvText([
				['工单编号', '小区编号', '问题类别', '上报时间', '办结时间'],
				['T1', 'LJ0001', '环境卫生', '2025年7月1日（周二）9:05', '2025年7月1日（周二）15:30'],
				['T2', 'LJ0001', '漏水', '2025-07-02 星期三 08:30', '2025-07-02 星期四 17:00']
			])
		);
		const ins = await inspectFile('工单.csv', ledger);
		const before = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', 6), ins.headers) });
		expect(before.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code])).toEqual([
			[2, 'bad_timestamp'],
			[2, 'bad_timestamp'],
			[3, 'bad_timestamp'],
			[3, 'bad_timestamp']
		]);
		const now = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', READ_RULES), ins.headers) });
		const col = (name: string) => now.columns[DATASETS.tickets.columns.findIndex((c) => c.name === name)];
		expect(col('opened_at').slice(0, 2)).toEqual(['2025-07-01 09:05:00', '2025-07-02 08:30:00']);
		expect(col('closed_at')[0]).toBe('2025-07-01 15:30:00');
		// 2 July was a Wednesday, not a Thursday: the one error, its row, column and what the date really was.
		const errors = now.problems.filter((x) => x.severity === 'error');
		expect(errors.map((x) => [x.row, x.column, x.code, x.params?.actual])).toEqual([[3, '办结时间', 'weekday_mismatch', '三']]);
	});

	it('a two-digit year before 年 (24年3月5日) is read as a year column reads it, the nearest year not in the future (98年 is 1998), said; stored under rules 7 it replays as the error it was', async () => {
		const ledger = gbk(
			csvText([
				['工单编号', '小区编号', '问题类别', '上报时间', '办结时间'],
				['T1', 'LJ0001', '环境卫生', '24年3月5日 9:05', '24年3月5日 15:30'],
				['T2', 'LJ0001', '漏水', '98年12月31日 8时', '1999年1月2日 10时'],
				['T3', 'LJ0002', '绿化', '24年3月6日 10:00', '2024-03-06 16:00']
			])
		);
		const ins = await inspectFile('工单.csv', ledger);
		const now = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', READ_RULES), ins.headers) });
		const col = (name: string) => now.columns[DATASETS.tickets.columns.findIndex((c) => c.name === name)];
		expect(col('opened_at')).toEqual(['2024-03-05 09:05:00', '1998-12-31 08:00:00', '2024-03-06 10:00:00']);
		expect(col('closed_at')).toEqual(['2024-03-05 15:30:00', '1999-01-02 10:00:00', '2024-03-06 16:00:00']);
		expect(now.problems.filter((x) => x.severity === 'error')).toEqual([]);
		// Said once per column and year, with its rows and the first of them.
		expect(now.problems.filter((x) => x.code === 'year_two_digit_rows').map((x) => [x.row, x.column, x.value, x.params?.year, x.params?.count])).toEqual([
			[2, '上报时间', '24年', 2024, 2],
			[2, '办结时间', '24年', 2024, 1],
			[3, '上报时间', '98年', 1998, 1]
		]);
		const before = await prepareImport(ins.source, { dataset: 'tickets', ...storedConversions(stored('工单.csv', 'tickets', 7), ins.headers) });
		expect(before.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.code])).toEqual([
			[2, '上报时间', 'bad_timestamp'],
			[2, '办结时间', 'bad_timestamp'],
			[3, '上报时间', 'bad_timestamp'],
			[4, '上报时间', 'bad_timestamp']
		]);
	});

	it('a register stored under rules 5 without a stored mapping replays mapped by its headers alone', async () => {
		const register = gbk(csvText([['小区编号', '小区名称', '街道', '小区类型', '房屋类型', '计费面积', '户数', '有无电梯'], ['A1', '甲', '城关', '商品房', '高层', 1000, 10, '有'], ['A2', '乙', '城关', '安置房', '多层', 2000, 20, '无']]));
		const ins = await inspectFile('小区.csv', register);
		const before = await prepareImport(ins.source, { dataset: 'estates', ...storedConversions(stored('小区.csv', 'estates', 5), ins.headers) });
		expect(before.mapping[4]).toBeNull();
		expect(before.problems.map((x) => x.code)).toContain('missing_column');
		const now = await prepareImport(ins.source, { dataset: 'estates', ...storedConversions(stored('小区.csv', 'estates', READ_RULES), ins.headers) });
		expect(now.mapping[4]).toBe('building_type');
		expect(now.fileError).toBe(false);
	});
});
