/**
 * A figure after the name of what it measures, and a home's area per home (reading rules 13, docs/sources.md §18.4):
 * read when the label names the column, an error naming the label when it names something else, and refused again
 * for an import stored before.
 */
import { describe, expect, it } from 'vitest';
import { columnNormaliser } from '../../../src/lib/import/values';
import { prepareImport } from '../../../src/lib/import/index';
import { DATASETS } from '../../../src/lib/data/datasets';
import { csvText, gbk } from '../../fixtures/import-files';

type Read = { value?: unknown; warnings?: { code: string; params?: Record<string, unknown> }[]; error?: { code: string; params?: Record<string, unknown> } };
const read = (dataset: Parameters<typeof columnNormaliser>[0], column: string, cell: string) => columnNormaliser(dataset, column)(cell) as Read;
const value = (r: Read) => (r.value !== null && typeof r.value === 'object' ? (r.value as { fee: number }).fee : r.value);
const codes = (r: Read) => (r.warnings ?? []).map((w) => w.code);

describe('a figure after its own label', () => {
	it('reads the figure when the label names the column, and says so', () => {
		for (const [dataset, column, cell, want] of [
			['estates', 'chargeable_area_m2', '建筑面积30228㎡', 30228],
			['estates', 'chargeable_area_m2', '计费面积：45000', 45000],
			['estates', 'chargeable_area_m2', '面积 4.5万平方米', 45000],
			['estates', 'households', '户数：1200', 1200],
			['estates', 'households', '总户数1200户', 1200],
			['estates', 'households', '住户1200户', 1200],
			['estates', 'build_year', '建成于1989年', 1989],
			['estates', 'build_year', '竣工：1989年', 1989],
			['fees', 'fee', '物业费1.65元', 1.65],
			['fees', 'fee', '现行1.65', 1.65],
			['fees', 'fee', '住宅1.2元/㎡·月', 1.2],
			['fees', 'fee', '普通住宅1.2', 1.2],
			['unit_sizes', 'unit_area_m2', '建筑面积89.5㎡', 89.5],
			['unit_sizes', 'unit_area_m2', '二室一厅89.5㎡', 89.5],
			['unit_sizes', 'unit_area_m2', '3室2厅1卫 120.5平方米', 120.5]
		] as const) {
			const r = read(dataset, column, cell);
			expect(r.error, cell).toBeUndefined();
			expect(value(r), cell).toBe(want);
			expect(codes(r), cell).toContain('label_before_figure');
		}
	});

	it('keeps an approximation in the label as the figure\'s own', () => {
		const r = read('estates', 'chargeable_area_m2', '总建筑面积约4.5万㎡');
		expect(r.value).toBe(45000);
		expect(codes(r)).toEqual(expect.arrayContaining(['approximate', 'label_before_figure']));
	});

	it('reads a bound in words as an approximate figure, as ≤ is, except where the figure must be exact', () => {
		for (const [cell, want] of [
			['小于60㎡', 60],
			['不超过90平方米', 90],
			['90平方米及以下', 90],
			['144㎡及以上', 144]
		] as const) {
			const r = read('unit_sizes', 'unit_area_m2', cell);
			expect(r.value, cell).toBe(want);
			expect(codes(r), cell).toEqual(['approximate']);
		}
		// A vote's counts decide whether it passed: a bound is no count, and is said as such, not as a label.
		expect(read('votes', 'owners_yes', '至少1160').error?.code).toBe('approximate_not_exact');
		expect(read('votes', 'owners_yes', '不少于1160').error?.code).toBe('approximate_not_exact');
	});

	it('refuses a figure whose label names another measure, naming the label and the column', () => {
		for (const [dataset, column, cell, label] of [
			['estates', 'chargeable_area_m2', '占地2万㎡', '占地'],
			['estates', 'chargeable_area_m2', '绿化面积3000㎡', '绿化面积'],
			['estates', 'households', '二期1200户', '二期'],
			['fees', 'fee', '电梯费0.3元', '电梯费'],
			['fees', 'fee', '多层0.65', '多层'],
			['unit_sizes', 'unit_area_m2', '套内75㎡', '套内']
		] as const) {
			const r = read(dataset, column, cell);
			expect(r.error?.code, cell).toBe('label_other_measure');
			expect(r.error?.params?.label, cell).toBe(label);
		}
		// Two figures after a label are still the reader's own error, not a label's.
		expect(read('estates', 'households', '住宅1150户、商铺50户').error?.code).not.toBe('label_other_measure');
	});

	it('reads a home\'s area per home only in a column of home areas', () => {
		for (const cell of ['89.5㎡/套', '89.5平方米/户', '89.5平米每套']) {
			const r = read('unit_sizes', 'unit_area_m2', cell);
			expect(r.value, cell).toBe(89.5);
			expect(codes(r), cell).toContain('area_per_home');
		}
		// An estate's chargeable area is the whole estate's: per home it is no total.
		expect(read('estates', 'chargeable_area_m2', '89.5㎡/套').error).toBeDefined();
	});

	it('says it once per column with its row count, and an import stored before reading rules 13 refuses the rows again', async () => {
		const header = ['小区编号', '小区名称', '小区类型', '房屋类型', '有无电梯', '建成年份', '户数', '计费面积'];
		const rows = [
			['LJ0001', '梅澜公寓', '商品房', '高层', '有', 2006, '户数：500', '建筑面积40000㎡'],
			['LJ0002', '锦馨一村', '动迁房', '多层', '无', 1998, '户数：620', 45000],
			['LJ0003', '嘉汇公寓', '商品房', '多层', '无', 1999, 300, 20000]
		];
		const file = { name: '小区.csv', bytes: gbk(csvText([header, ...rows])) };
		const now = await prepareImport(file, { dataset: 'estates' });
		expect(now.counts.errors).toBe(0);
		const column = (name: string) => now.columns[DATASETS.estates.columns.findIndex((c) => c.name === name)];
		expect(column('households')).toEqual([500, 620, 300]);
		expect(column('chargeable_area_m2')).toEqual([40000, 45000, 20000]);
		const notes = now.problems.filter((p) => p.code === 'label_before_figure_rows');
		expect(notes.map((p) => [p.column, p.params?.count]).sort()).toEqual([
			['户数', 2],
			['计费面积', 1]
		]);
		const then = await prepareImport(file, { dataset: 'estates', valuesBeforeRules13: true });
		expect(then.invalidRows).toBe(2);
		// A bound in words was an error then too.
		const bounds = await prepareImport({ name: '户型.csv', bytes: gbk(csvText([['小区编号', '户型面积', '户数'], ['LJ0001', '90平方米及以下', 20], ['LJ0001', '小于60㎡', 12]])) }, { dataset: 'unit_sizes', valuesBeforeRules13: true });
		expect(bounds.invalidRows).toBe(2);
		// And in a wide score sheet (one column per indicator), whose cells have their own reader.
		const wide = { name: '考评汇总表.csv', bytes: gbk(csvText([['小区编号', '期间', '保洁', '绿化'], ['LJ0001', '2025Q1', '至少85', 80], ['LJ0002', '2025Q1', 90, 70]])) };
		const wideNow = await prepareImport(wide, { dataset: 'scores' });
		expect(wideNow.counts.errors).toBe(0);
		const wideThen = await prepareImport(wide, { dataset: 'scores', valuesBeforeRules13: true });
		expect(wideThen.invalidSourceRows).toBe(1);
	});
});
