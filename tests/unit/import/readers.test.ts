/** Readers: xlsx (title rows, merged headers, dates, sheets), parquet, JSON, and format sniffing. */
import { describe, expect, it } from 'vitest';
import { inspectFile, prepareImport } from '../../../src/lib/import/index';
import { readJson } from '../../../src/lib/import/json';
import { readParquet } from '../../../src/lib/import/parquet';
import { sniffKind } from '../../../src/lib/import/source';
import { UnreadableFileError } from '../../../src/lib/import/types';
import { listSheets, readXlsx, writeXlsx } from '../../../src/lib/import/xlsx';
import * as XLSX from '@e965/xlsx';
import { json, parquet, utf8, workbook } from '../../fixtures/import-files';

/** A 考评汇总表 as districts make them: title row, merged header cells, Excel dates, a summary row. */
function assessmentWorkbook(): Uint8Array {
	return workbook([
		{ name: '说明', rows: [['本表为示例']] },
		{
			name: '汇总',
			rows: [
				['临江区2024年第一季度物业服务考评汇总表', null, null, null, null, null],
				[null, null, null, null, null, null],
				['小区编号', '小区名称', '检查得分', null, null, '满意度'],
				[null, null, '综合管理', '保洁（15分）', '电梯', null],
				['LJ0001', '梅澜公寓', 80, 13.5, null, '72.5'],
				['LJ0002', '望湖花园', '92', 12, 95, 80],
				['合计', null, 172, 25.5, 95, 152.5]
			],
			merges: [
				{ s: { r: 0, c: 0 }, e: { r: 0, c: 5 } },
				{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
				{ s: { r: 2, c: 1 }, e: { r: 3, c: 1 } },
				{ s: { r: 2, c: 2 }, e: { r: 2, c: 4 } },
				{ s: { r: 2, c: 5 }, e: { r: 3, c: 5 } }
			]
		}
	]);
}

describe('xlsx', () => {
	it('lists sheets and reads the one asked for', () => {
		const bytes = assessmentWorkbook();
		expect(listSheets(bytes)).toEqual(['说明', '汇总']);
		expect(readXlsx('a.xlsx', bytes).sheet).toBe('说明');
		expect(readXlsx('a.xlsx', bytes, { sheet: 1 }).sheet).toBe('汇总');
		expect(() => readXlsx('a.xlsx', bytes, { sheet: '无此表' })).toThrow(UnreadableFileError);
	});

	it('fills merged header cells, skips the title, keeps Excel row numbers and the title text', () => {
		const t = readXlsx('a.xlsx', assessmentWorkbook(), { sheet: '汇总' });
		expect(t.headerRow).toBe(4);
		expect(t.headers).toEqual(['小区编号', '小区名称', '综合管理', '保洁（15分）', '电梯', '满意度']);
		expect(t.rowNumbers).toEqual([5, 6]);
		expect(t.titleLines[0]).toBe('临江区2024年第一季度物业服务考评汇总表');
		expect(t.columns[4]).toEqual([null, 95]);
		expect(t.problems.map((p) => [p.code, p.row])).toEqual([['summary_row_skipped', 7]]);
	});

	it('melts the wide sheet into long scores, with the period from the title and points rescaled', async () => {
		const info = await inspectFile('考评.xlsx', assessmentWorkbook(), { sheet: '汇总' });
		expect(info).toMatchObject({ kind: 'xlsx', dataset: 'scores', layout: 'wide', titlePeriod: '2024Q1', headerRow: 4, rowCount: 2 });
		const p = await prepareImport(info.source);
		expect(p.counts.errors).toBe(0);
		const rows = p.rowNumbers.map((row, i) => [row, ...p.columns.map((c) => c[i])]);
		expect(rows).toEqual([
			[5, 'LJ0001', '2024Q1', 'management', 80, 'inspection'],
			[5, 'LJ0001', '2024Q1', 'cleaning', 90, 'inspection'],
			[5, 'LJ0001', '2024Q1', 'satisfaction', 72.5, 'satisfaction'],
			[6, 'LJ0002', '2024Q1', 'management', 92, 'inspection'],
			[6, 'LJ0002', '2024Q1', 'cleaning', 80, 'inspection'],
			[6, 'LJ0002', '2024Q1', 'elevator', 95, 'inspection'],
			[6, 'LJ0002', '2024Q1', 'satisfaction', 80, 'satisfaction']
		]);
		expect(p.problems.map((x) => x.code).sort()).toEqual(['ignored_column', 'period_from_title', 'rescaled_points', 'summary_row_skipped']);
	});

	it('reads date cells as dates, whatever the time zone', () => {
		const bytes = workbook([
			{
				name: 'tickets',
				rows: [
					['工单编号', '小区编号', '问题类别', '发现时间', '结案时间'],
					['WG1', 'LJ0001', '报修', new Date(Date.UTC(2024, 4, 1, 9, 30)), new Date(Date.UTC(2024, 4, 2))]
				]
			}
		]);
		const t = readXlsx('t.xlsx', bytes);
		expect(t.columns[3]).toEqual(['2024-05-01 09:30:00']);
		expect(t.columns[4]).toEqual(['2024-05-02']);
	});

	it('reads a number shown as a percentage as the percentage shown: a score of 86, a rate of 0.95', async () => {
		// Excel and LibreOffice store a typed 86% as 0.86 with a percent format.
		const ws = XLSX.utils.aoa_to_sheet([
			['小区编号', '考评月份', '保洁', '秩序维护'],
			['LJ0001', '2025-11', 0.86, 0.575],
			['LJ0002', '2025-11', 0.9, 88]
		]);
		ws.C2.z = '0%';
		ws.D2.z = '0.0%;[Red]-0.0%';
		ws.C3.z = '0.00"%"'; // a literal '%' after the number: shown as 0.90%, not a percentage format
		const wb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(wb, ws, '考评');
		const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		const t = readXlsx('pct.xlsx', bytes);
		expect(t.columns[2]).toEqual(['86%', 0.9]);
		expect(t.columns[3]).toEqual(['57.5%', 88]);
		const p = await prepareImport((await inspectFile('pct.xlsx', bytes)).source);
		const scores = p.rowNumbers.map((row, i) => [row, p.columns[2][i], p.columns[3][i]]);
		expect(scores).toEqual([
			[2, 'cleaning', 86],
			[2, 'order', 57.5],
			[3, 'cleaning', 0.9],
			[3, 'order', 88]
		]);
		expect(p.problems.filter((x) => x.code === 'score_percent').map((x) => x.row)).toEqual([2, 2]);

		// A collection rate typed as 95% is the rate 0.95, as '95%' in a CSV is.
		const fs = XLSX.utils.aoa_to_sheet([
			['小区编号', '年度', '物业费', '计费单位', '收缴率'],
			['LJ0001', 2025, 1.2, '元/㎡·月', 0.95]
		]);
		fs.E2.z = '0%';
		const fwb = XLSX.utils.book_new();
		XLSX.utils.book_append_sheet(fwb, fs, '收费');
		const fbytes = new Uint8Array(XLSX.write(fwb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
		expect(readXlsx('fees.xlsx', fbytes).columns[4]).toEqual(['95%']);
		const f = await prepareImport((await inspectFile('fees.xlsx', fbytes)).source);
		expect(f.dataset).toBe('fees');
		expect(f.counts.errors).toBe(0);
		// Canonical columns: estate_id, year, fee, fee_unit, collection_rate.
		expect(f.columns[4]).toEqual([0.95]);
	});

	it('writeXlsx round-trips', () => {
		const bytes = writeXlsx([{ name: '表', rows: [['a', 'b'], [1, '梅']], merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 1 } }] }]);
		const t = readXlsx('w.xlsx', bytes, { headerRow: 2 });
		expect(t.headers).toEqual(['1', '梅']);
		expect(sniffKind('anything', bytes)).toBe('xlsx');
	});

	it('a broken workbook is unreadable, not a crash', () => {
		const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
		expect(() => readXlsx('b.xlsx', broken)).toThrow(UnreadableFileError);
	});
});

describe('parquet', () => {
	it('reads columns with their names; INT64, timestamps and nulls become cells', async () => {
		const bytes = parquet([
			{ name: 'ticket_id', data: ['WG1', 'WG2'], type: 'STRING' },
			{ name: 'estate_id', data: ['LJ0001', 'LJ0002'], type: 'STRING' },
			{ name: 'category', data: ['repair', '群租'], type: 'STRING' },
			{ name: 'opened_at', data: [new Date(Date.UTC(2024, 0, 2, 8, 0, 5)), new Date(Date.UTC(2024, 0, 3))], type: 'TIMESTAMP' },
			{ name: 'closed_at', data: [null, new Date(Date.UTC(2024, 0, 4, 12))], type: 'TIMESTAMP' },
			{ name: 'n', data: [1n, 2n], type: 'INT64' }
		]);
		expect(sniffKind('x.bin', bytes)).toBe('parquet');
		const t = await readParquet('t.parquet', bytes);
		expect(t.headers).toEqual(['ticket_id', 'estate_id', 'category', 'opened_at', 'closed_at', 'n']);
		expect(t.rowNumbers).toEqual([1, 2]);
		expect(t.columns[3]).toEqual(['2024-01-02 08:00:05', '2024-01-03']);
		expect(t.columns[4]).toEqual([null, '2024-01-04 12:00:00']);
		expect(t.columns[5]).toEqual([1, 2]);
		const p = await prepareImport({ name: 't.parquet', bytes: Buffer.from(bytes) });
		expect(p.dataset).toBe('tickets');
		expect(p.counts.errors).toBe(0);
		expect(p.columns[2]).toEqual(['repair', 'group_renting']);
		expect(p.columns[3]).toEqual(['2024-01-02 08:00:05', '2024-01-03 00:00:00']);
	});
	it('a broken parquet file is unreadable', async () => {
		await expect(readParquet('b.parquet', utf8('PAR1 not really'))).rejects.toThrow(UnreadableFileError);
	});
});

describe('json', () => {
	const rows = [
		{ estate_id: 'LJ0001', year: 2024, fee: '2.38元/平米/月', collection_rate: '92%' },
		{ estate_id: 'LJ0002', year: 2024, fee: 24, fee_unit: '元/户·月' }
	];
	it('reads an array of objects, {rows: [...]}, arrays with a header, and JSON Lines', () => {
		for (const bytes of [
			json(rows),
			json({ rows }),
			json([['estate_id', 'year', 'fee', 'collection_rate', 'fee_unit'], ['LJ0001', 2024, '2.38元/平米/月', '92%', null], ['LJ0002', 2024, 24, null, '元/户·月']]),
			utf8(rows.map((r) => JSON.stringify(r)).join('\n'))
		]) {
			const t = readJson('f.json', bytes);
			expect(t.headers).toEqual(['estate_id', 'year', 'fee', 'collection_rate', 'fee_unit']);
			expect(t.columns[4]).toEqual([null, '元/户·月']);
		}
		expect(readJson('f.json', json(rows)).rowNumbers).toEqual([1, 2]);
	});
	it('normalises like any other format', async () => {
		const p = await prepareImport({ name: 'fees.json', bytes: json(rows) });
		expect(p.dataset).toBe('fees');
		expect(p.counts.errors).toBe(0);
		expect(p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]))).toEqual([
			['LJ0001', 2024, 2.38, 'per_m2_month', 0.92],
			['LJ0002', 2024, 24, 'per_household_month', null]
		]);
	});
	it('rejects JSON that is not a table', () => {
		expect(() => readJson('f.json', json({ a: 1 }))).toThrow(UnreadableFileError);
		expect(() => readJson('f.json', utf8('{broken'))).toThrow(UnreadableFileError);
		expect(() => readJson('f.json', json([1, 2]))).toThrow(UnreadableFileError);
	});
	it('sniffs JSON by content', () => {
		expect(sniffKind('data.txt', utf8(' [{"a":1}]'))).toBe('csv');
		expect(sniffKind('data', utf8(' [{"a":1}]'))).toBe('json');
		expect(sniffKind('data.ndjson', utf8('{"a":1}\n'))).toBe('json');
	});
});
