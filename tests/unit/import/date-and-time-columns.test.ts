/**
 * A ticket's moment written in two columns, the date in one and the time of day in the next (reading rules 11,
 * docs/sources.md §18.4). Every expected time is the two cells put together by hand.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { DATASETS } from '../../../src/lib/data/datasets';
import { prepareImport } from '../../../src/lib/import/index';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';
import { replayedUnder } from './replay';

type Prepared = Awaited<ReturnType<typeof prepareImport>>;
const column = (p: Prepared, name: string) => p.columns[(DATASETS.tickets.columns as readonly { name: string }[]).findIndex((c) => c.name === name)];
const fileNotes = (p: Prepared) => p.problems.filter((x) => x.row === null).map((x) => [x.column, x.code]);
const rowErrors = (p: Prepared) => p.problems.filter((x) => x.row !== null && x.severity === 'error').map((x) => [x.row, x.column, x.code]);

const HEADER = ['工单编号', '小区编号', '问题类别', '报修日期', '报修时间', '办结日期', '办结时间'];

describe('a date and its time of day in two columns', () => {
	const rows: FixtureCell[][] = [
		HEADER,
		['WG1', 'LJ0001', '房屋报修', '2024-03-05', '08:05', '2024-03-05', '15:30'],
		['WG2', 'LJ0002', '房屋报修', '2024/3/5', '23:00:10', '2024/3/6', '1:15'],
		['WG3', 'LJ0003', '环境卫生', '2024年3月7日', '下午2点半', '', ''],
		['WG4', 'LJ0004', '环境卫生', '2024-03-08', '', '2024-03-08', '10:00']
	];
	const bytes = gbk(csvText(rows));

	it('are read as one moment, and said once per pair instead of the date column being ignored', async () => {
		const p = await prepareImport({ name: '工单.csv', bytes });
		expect(p.dataset).toBe('tickets');
		expect(fileNotes(p)).toEqual([
			['报修时间', 'date_time_joined'],
			['办结时间', 'date_time_joined']
		]);
		expect(column(p, 'opened_at')).toEqual(['2024-03-05 08:05:00', '2024-03-05 23:00:10', '2024-03-07 14:30:00', null]);
		// WG3 is still open; WG4's closing reads, and its opening, with no time of day, is not made midnight: an error.
		expect(column(p, 'closed_at')).toEqual(['2024-03-05 15:30:00', '2024-03-06 01:15:00', null, '2024-03-08 10:00:00']);
		expect(rowErrors(p)).toEqual([[5, '报修时间', 'required']]);
	});

	it('an Excel sheet with date cells and time cells reads the same', async () => {
		const ws = XLSX.utils.aoa_to_sheet([HEADER, ['WG1', 'LJ0001', '房屋报修', null, null, null, null]]);
		// 2024-03-05 is serial 45356; 08:05 is 485 / 1440 of a day, 15:30 is 930 / 1440.
		ws.D2 = { t: 'n', v: 45356, z: 'yyyy-mm-dd' };
		ws.E2 = { t: 'n', v: 485 / 1440, z: 'hh:mm' };
		ws.F2 = { t: 'n', v: 45356, z: 'yyyy/m/d' };
		ws.G2 = { t: 'n', v: 930 / 1440, z: 'h:mm' };
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, '工单');
		const p = await prepareImport({ name: '工单.xlsx', bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer) });
		expect(column(p, 'opened_at')).toEqual(['2024-03-05 08:05:00']);
		expect(column(p, 'closed_at')).toEqual(['2024-03-05 15:30:00']);
	});

	it('a date column holding times already, or headers that do not pair, are not joined', async () => {
		const full = gbk(csvText([HEADER, ['WG1', 'LJ0001', '房屋报修', '2024-03-05 08:05', '08:05', '', '']]));
		const p = await prepareImport({ name: '工单.csv', bytes: full });
		expect(fileNotes(p).filter(([, code]) => code === 'date_time_joined')).toEqual([]);
		const other = gbk(csvText([['工单编号', '小区编号', '问题类别', '登记日期', '报修时间'], ['WG1', 'LJ0001', '房屋报修', '2024-03-05', '08:05']]));
		const q = await prepareImport({ name: '工单.csv', bytes: other });
		expect(rowErrors(q)).toEqual([[2, '报修时间', 'bad_timestamp']]);
	});

	it('stored before reading rules 11, the file replays as it was read then: each time alone is an error', async () => {
		const then = await replayedUnder('工单.csv', bytes, 'tickets', 10);
		expect(fileNotes(then).filter(([, code]) => code !== 'no_estates_to_check')).toEqual([
			['报修日期', 'ignored_column'],
			['办结日期', 'ignored_column']
		]);
		expect(rowErrors(then).map(([row, col, code]) => [row, col, code])).toEqual([
			[2, '报修时间', 'bad_timestamp'],
			[2, '办结时间', 'bad_timestamp'],
			[3, '报修时间', 'bad_timestamp'],
			[3, '办结时间', 'bad_timestamp'],
			[4, '报修时间', 'bad_timestamp'],
			[5, '办结时间', 'bad_timestamp'],
			[5, '报修时间', 'required']
		]);
	});
});
