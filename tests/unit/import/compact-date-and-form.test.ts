/**
 * Reading rules 13 (docs/sources.md §18.4): a date as run-together digits (20250305 09:05), as case systems export it;
 * a building form written as floors (7层 and up have lifts by GB 50096-2011 §6.4.1: high-rise) or as the main form
 * (多层为主). Each said once per column; an import stored before refuses them again.
 */
import { describe, expect, it } from 'vitest';
import { columnNormaliser } from '../../../src/lib/import/values';
import { valueMapReport } from '../../../src/lib/import/conversions/value-map';
import { prepareImport } from '../../../src/lib/import/index';
import { DATASETS } from '../../../src/lib/data/datasets';
import { csvText, gbk } from '../../fixtures/import-files';

type Read = { value?: unknown; warnings?: { code: string }[]; error?: { code: string } };
const read = (dataset: Parameters<typeof columnNormaliser>[0], column: string, cell: string | number) => columnNormaliser(dataset, column)(cell) as Read;

describe('a date as run-together digits', () => {
	it('reads a real date and time, from text or a number', () => {
		for (const [cell, want] of [
			['20250305 09:05', '2025-03-05 09:05:00'],
			[20250305090533, '2025-03-05 09:05:33'],
			['20240229 23:59', '2024-02-29 23:59:00']
		] as const) {
			const r = read('tickets', 'opened_at', cell);
			expect(r.value, String(cell)).toBe(want);
			expect(r.warnings?.map((w) => w.code), String(cell)).toContain('compact_date');
		}
	});

	it('keeps the error of digits that are no real date or time', () => {
		for (const cell of ['20250229 09:05', '20251305 09:05', '20250305 25:00', '2025030', '12345678']) expect(read('tickets', 'opened_at', cell).error, cell).toBeDefined();
	});
});

describe('a building form written as floors or as the main form', () => {
	it('six floors or fewer are multi-storey, seven or more high-rise; the main form is that form', () => {
		for (const [cell, want, code] of [
			['6层', 'multi', 'building_form_floors'],
			['7层', 'high', 'building_form_floors'],
			['18层', 'high', 'building_form_floors'],
			['11F', 'high', 'building_form_floors'],
			['5-6层', 'multi', 'building_form_floors'],
			['多层为主', 'multi', 'building_form_mainly'],
			['以高层为主', 'high', 'building_form_mainly']
		] as const) {
			const r = read('estates', 'building_type', cell);
			expect(r.value, cell).toBe(want);
			expect(r.warnings?.map((w) => w.code), cell).toEqual([code]);
		}
		// A mix is the person's to settle.
		expect(read('estates', 'building_type', '多层+高层').error?.code).toBe('bad_enum');
	});

	it('is not asked as an unknown word on the data page', () => {
		const column = DATASETS.estates.columns.find((c) => c.name === 'building_type')!;
		const report = valueMapReport(column, ['18层', '多层为主', '多层+高层']);
		expect(report.map((e) => [e.word, e.code])).toEqual([
			['18层', 'high'],
			['多层为主', 'multi'],
			['多层+高层', null]
		]);
	});

	it('is said once per column in an import, and refused again for an import stored before reading rules 13', async () => {
		const header = ['小区编号', '小区名称', '小区类型', '房屋类型', '有无电梯', '建成年份', '户数', '计费面积'];
		const rows = [
			['LJ0001', '梅澜公寓', '商品房', '18层', '有', 2006, 500, 40000],
			['LJ0002', '锦馨一村', '动迁房', '6层', '无', 1998, 620, 45000],
			['LJ0003', '嘉汇公寓', '商品房', '多层', '无', 1999, 300, 20000]
		];
		const file = { name: '小区.csv', bytes: gbk(csvText([header, ...rows])) };
		const now = await prepareImport(file, { dataset: 'estates' });
		expect(now.counts.errors).toBe(0);
		expect(now.problems.filter((p) => p.code === 'building_form_floors_rows').map((p) => p.params?.count)).toEqual([2]);
		const then = await prepareImport(file, { dataset: 'estates', valuesBeforeRules13: true });
		expect(then.invalidRows).toBe(2);
	});
});
