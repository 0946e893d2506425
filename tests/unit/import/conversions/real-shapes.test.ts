/**
 * Files shaped as people keep them (tests/fixtures/real-shapes/convert-*, README.md there names the documents
 * their shapes and words come from), read through the whole preparation: each asserts the CONVERTED canonical
 * values, not only that nothing failed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS, type ColumnMeta } from '../../../../src/lib/data/datasets';
import { prepareImport, type PreparedImport, type PrepareImportOptions } from '../../../../src/lib/import/index';

const dir = new URL('../../../fixtures/real-shapes/', import.meta.url);
const load = (name: string, options: PrepareImportOptions = {}) =>
	prepareImport({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }, options);

/** Canonical rows as objects, only the columns asked for. */
function rows(p: PreparedImport, names: readonly string[]): Record<string, unknown>[] {
	const cols = DATASETS[p.dataset!].columns as readonly ColumnMeta[];
	const idx = names.map((n) => cols.findIndex((c) => c.name === n));
	return p.rowNumbers.map((_, r) => Object.fromEntries(names.map((n, k) => [n, p.columns[idx[k]][r]])));
}
const errors = (p: PreparedImport) => p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.value, x.code]);
const conversionOf = (p: PreparedImport, header: string) => p.conversions.conversions[p.headers.indexOf(header)];

describe('real file shapes, converted', () => {
	it('1. subdistrict ledger (xlsx, merged title row): elevator counts, 万㎡, 户, dates of completion, local words', async () => {
		const p = await load('convert-ledger.xlsx');
		expect(p.dataset).toBe('estates');
		expect(p.headerRow).toBe(3);
		expect(errors(p)).toEqual([]);
		expect(conversionOf(p, '电梯数量')).toEqual({ kind: 'count_to_bool' });
		expect(conversionOf(p, '竣工时间')).toEqual({ kind: 'date_to_year' });
		expect(conversionOf(p, '建筑面积')).toMatchObject({ kind: 'unit', factor: 10_000 });
		expect(rows(p, ['estate_id', 'estate_type', 'building_type', 'build_year', 'chargeable_area_m2', 'households', 'has_elevator'])).toEqual([
			{ estate_id: 'JB001', estate_type: 'commercial', building_type: 'high', build_year: 2003, chargeable_area_m2: 32_000, households: 1200, has_elevator: true },
			{ estate_id: 'JB002', estate_type: 'relocation', building_type: 'multi', build_year: 1998, chargeable_area_m2: 45_000, households: 860, has_elevator: false },
			{ estate_id: 'JB003', estate_type: 'public_sold', building_type: 'multi', build_year: 1985, chargeable_area_m2: 28_000, households: 640, has_elevator: false },
			{ estate_id: 'JB004', estate_type: 'commercial', building_type: 'high', build_year: 2012, chargeable_area_m2: 61_000, households: 2150, has_elevator: true }
		]);
		// The mapping table shows raw cells beside what they become.
		const samples = p.conversions.samples[p.headers.indexOf('电梯数量')];
		expect(samples).toEqual([
			{ raw: '27', value: 'true' },
			{ raw: '0', value: 'false' },
			{ raw: '无', value: 'false' }
		]);
	});

	it('2. fee table as GBK CSV: 执行日期 becomes the year, written units the fee unit, % the rate', async () => {
		const p = await load('convert-fees-gbk.csv');
		expect(p.encoding).toBe('gb18030');
		expect(p.dataset).toBe('fees');
		expect(errors(p)).toEqual([]);
		expect(conversionOf(p, '执行日期')).toEqual({ kind: 'date_to_year' });
		expect(rows(p, ['estate_id', 'year', 'fee', 'fee_unit', 'collection_rate'])).toEqual([
			{ estate_id: 'JB001', year: 2024, fee: 2.1, fee_unit: 'per_m2_month', collection_rate: 0.95 },
			{ estate_id: 'JB002', year: 2023, fee: 0.95, fee_unit: 'per_m2_month', collection_rate: 0.885 },
			{ estate_id: 'JB003', year: 2024, fee: 18, fee_unit: 'per_household_month', collection_rate: 0.91 },
			{ estate_id: 'JB004', year: 2024, fee: 3.8, fee_unit: 'per_m2_month', collection_rate: 0.97 }
		]);
	});

	it('3. inspection list: 检查日期 becomes the month, or the quarter when chosen; sources in local words', async () => {
		const auto = await load('convert-inspections.csv');
		expect(errors(auto)).toEqual([]);
		expect(rows(auto, ['period', 'indicator', 'source'])).toEqual([
			{ period: '2024-03', indicator: 'management', source: 'inspection' },
			{ period: '2024-05', indicator: 'management', source: 'inspection' },
			{ period: '2024-03', indicator: 'cleaning', source: 'inspection' },
			{ period: '2024-02', indicator: 'greening', source: 'third_party' }
		]);
		const q = await load('convert-inspections.csv', { conversions: [undefined, { kind: 'date_to_period', grain: 'quarter' }] });
		expect(rows(q, ['estate_id', 'period', 'score'])).toEqual([
			{ estate_id: 'JB001', period: '2024Q1', score: 88 },
			{ estate_id: 'JB001', period: '2024Q2', score: 90 },
			{ estate_id: 'JB002', period: '2024Q1', score: 76.5 },
			{ estate_id: 'JB003', period: '2024Q1', score: 81 }
		]);
		expect(q.conversions.auto[1]).toBe(false);
	});

	it('4. WPS export (BOM, empty trailing columns): 配备/未配备, √, N; 24年3月 and 2015-10-01 as build years', async () => {
		const p = await load('convert-wps.csv');
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['estate_id', 'estate_type', 'building_type', 'build_year', 'has_elevator'])).toEqual([
			{ estate_id: 'WP01', estate_type: 'relocation', building_type: 'high', build_year: 2024, has_elevator: true },
			{ estate_id: 'WP02', estate_type: 'public_sold', building_type: 'multi', build_year: 1992, has_elevator: false },
			{ estate_id: 'WP03', estate_type: 'commercial', building_type: 'high', build_year: 2015, has_elevator: true },
			{ estate_id: 'WP04', estate_type: 'relocation', building_type: 'multi', build_year: 2001, has_elevator: false }
		]);
	});

	it('5. questionnaire-platform export: 提交答卷时间 becomes the month (or quarter); 问卷调查/业主测评 are satisfaction', async () => {
		const p = await load('convert-questionnaire.csv', { conversions: [undefined, { kind: 'date_to_period', grain: 'quarter' }] });
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['estate_id', 'period', 'indicator', 'score', 'source'])).toEqual([
			{ estate_id: 'JB001', period: '2024Q2', indicator: 'satisfaction', score: 82, source: 'satisfaction' },
			{ estate_id: 'JB002', period: '2024Q2', indicator: 'satisfaction', score: 64, source: 'satisfaction' },
			{ estate_id: 'JB003', period: '2024Q2', indicator: 'satisfaction', score: 71.5, source: 'satisfaction' }
		]);
	});

	it('6. grid tickets: categories in call-takers’ words', async () => {
		const p = await load('convert-tickets.csv');
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['ticket_id', 'category', 'opened_at', 'closed_at'])).toEqual([
			{ ticket_id: 'GD0001', category: 'repair', opened_at: '2024-03-01 08:30:00', closed_at: '2024-03-02 17:00:00' },
			{ ticket_id: 'GD0002', category: 'order', opened_at: '2024-03-05 19:12:00', closed_at: null },
			{ ticket_id: 'GD0003', category: 'cleaning', opened_at: '2024-03-06 07:45:00', closed_at: '2024-03-06 11:00:00' },
			{ ticket_id: 'GD0004', category: 'illegal_building', opened_at: '2024-03-09 10:20:00', closed_at: null }
		]);
	});

	it('7. cost budget: items in a firm’s words, amounts in 万元 and 元', async () => {
		const p = await load('convert-costs.csv');
		expect(errors(p)).toEqual([]);
		expect(conversionOf(p, '金额')).toEqual({ kind: 'unit', unit: '万元', factor: 10_000 });
		expect(rows(p, ['year', 'item', 'amount_yuan'])).toEqual([
			{ year: 2024, item: 'staff', amount_yuan: 655_000 },
			{ year: 2024, item: 'cleaning', amount_yuan: 120_000 },
			{ year: 2024, item: 'facilities', amount_yuan: 180_000 }
		]);
	});

	it('8. fee table in Excel with date cells and a pasted serial number (45292 = 2024-01-01)', async () => {
		const p = await load('convert-fees-dates.xlsx');
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['estate_id', 'year', 'fee', 'fee_unit'])).toEqual([
			{ estate_id: 'JB001', year: 2024, fee: 2.1, fee_unit: 'per_m2_month' },
			{ estate_id: 'JB002', year: 2023, fee: 0.95, fee_unit: 'per_m2_month' },
			{ estate_id: 'JB004', year: 2024, fee: 3.8, fee_unit: 'per_m2_month' }
		]);
	});

	it('9. unknown words are asked once per word (with the row count and likely codes), then the answer is used', async () => {
		const p = await load('convert-unknown-words.csv');
		expect(errors(p)).toEqual([
			[2, '建筑类型', '框架高层', 'bad_enum'],
			[4, '建筑类型', '砖混', 'bad_enum']
		]);
		expect(p.problems[0].params.count).toBe(3);
		expect(p.problems[0].message.zh).toContain('共 3 行');
		expect(p.problems[0].params.candidatesEn).toBe('high, multi');
		expect(p.invalidRows).toBe(4);
		const map = p.conversions.valueMaps.find((m) => m.target === 'building_type')!;
		expect(map.entries.map((e) => [e.word, e.count, e.code])).toEqual([
			['框架高层', 3, null],
			['砖混', 1, null]
		]);
		const answered = await load('convert-unknown-words.csv', { valueAnswers: { building_type: { 框架高层: 'high', 砖混: 'multi' } } });
		expect(errors(answered)).toEqual([]);
		expect(rows(answered, ['estate_id', 'building_type'])).toEqual([
			{ estate_id: 'UK01', building_type: 'high' },
			{ estate_id: 'UK02', building_type: 'high' },
			{ estate_id: 'UK03', building_type: 'multi' },
			{ estate_id: 'UK04', building_type: 'high' }
		]);
		expect(answered.conversions.valueMaps.find((m) => m.target === 'building_type')!.entries.map((e) => e.from)).toEqual(['answer', 'answer']);
	});

	it('10. elevator counts written out in Chinese (二十七, 两台, 无, 3 部)', async () => {
		const p = await load('convert-counts.csv');
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['estate_id', 'has_elevator'])).toEqual([
			{ estate_id: 'CN01', has_elevator: true },
			{ estate_id: 'CN02', has_elevator: true },
			{ estate_id: 'CN03', has_elevator: false },
			{ estate_id: 'CN04', has_elevator: true }
		]);
	});

	it('11. a conversion the person turns off is off: the count column then fails as yes/no, once per row', async () => {
		const p = await load('convert-counts.csv', { conversions: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, null] });
		expect(p.conversions.conversions[7]).toBeNull();
		expect(errors(p).map((e) => e[3])).toEqual(['bad_boolean', 'bad_boolean', 'bad_boolean']);
	});

	it('12. unit sizes: 平米, 平方米, ㎡, 户, 套 and thousands separators', async () => {
		const p = await load('convert-unit-sizes.csv');
		expect(errors(p)).toEqual([]);
		expect(rows(p, ['unit_area_m2', 'households'])).toEqual([
			{ unit_area_m2: 89, households: 320 },
			{ unit_area_m2: 120.5, households: 1024 },
			{ unit_area_m2: 56, households: 86 }
		]);
	});

	it('13. a wide sheet counts its source rows beside the melted cells', async () => {
		const p = await load('convert-cascade-scores.csv');
		expect(p.layout).toBe('wide');
		expect(p.sourceRows).toBe(5);
		expect(p.rowCount).toBe(20);
	});

	it('14. a wide sheet with a group column (设施设备运行): spread to the members a row does not score itself, or kept at group level', async () => {
		const p = await load('convert-wide-group.xlsx');
		expect(p.layout).toBe('wide');
		expect(p.mapping[2]).toBe('group:facilities');
		expect(errors(p)).toEqual([]);
		const scores = rows(p, ['estate_id', 'period', 'indicator', 'score']).map((r) => `${r.estate_id} ${r.period} ${r.indicator} ${r.score}`);
		expect(scores).toEqual([
			'JB001 2024Q2 management 88',
			'JB001 2024Q2 fire 76',
			'JB001 2024Q2 water 76',
			'JB001 2024Q2 facilities_other 76',
			'JB001 2024Q2 elevator 92',
			'JB001 2024Q2 cleaning 90',
			'JB001 2024Q2 greening 85',
			'JB002 2024Q2 management 70',
			'JB002 2024Q2 elevator 64',
			'JB002 2024Q2 fire 64',
			'JB002 2024Q2 water 64',
			'JB002 2024Q2 facilities_other 64',
			'JB002 2024Q2 cleaning 72',
			'JB002 2024Q2 greening 68'
		]);
		const note = p.problems.find((x) => x.code === 'group_spread')!;
		expect(note.params).toMatchObject({ group: '设施设备运行', rows: 2 });
		const grouped = await load('convert-wide-group.xlsx', { groupScoring: 'group' });
		expect(rows(grouped, ['estate_id', 'indicator', 'score']).filter((r) => r.indicator === 'facilities')).toEqual([
			{ estate_id: 'JB001', indicator: 'facilities', score: 76 },
			{ estate_id: 'JB002', indicator: 'facilities', score: 64 }
		]);
		expect(grouped.problems.some((x) => x.code === 'group_scored')).toBe(true);
	});
});
