/** The conversions one cell at a time: dates, counts, unit words and value maps as people write them. */
import { describe, expect, it } from 'vitest';
import { DATASETS, type ColumnMeta } from '../../../../src/lib/data/datasets';
import { convertCell } from '../../../../src/lib/import/conversions/apply';
import { autoConversion } from '../../../../src/lib/import/conversions/choose';
import { parseCount } from '../../../../src/lib/import/conversions/counts';
import { dateParts, periodOf } from '../../../../src/lib/import/conversions/dates';
import { conversionSchema, valueMapAnswersSchema } from '../../../../src/lib/import/conversions/types';
import { applyUnit, detectUnit } from '../../../../src/lib/import/conversions/units';
import { lookupWord, suggestCodes, valueMapReport } from '../../../../src/lib/import/conversions/value-map';
import { BUILDING_TYPE_LABELS, ESTATE_TYPE_LABELS } from '../../../../src/lib/domain/vocabulary';

const col = (ds: keyof typeof DATASETS, name: string) => (DATASETS[ds].columns as readonly ColumnMeta[]).find((c) => c.name === name)!;

describe('dates as people write them', () => {
	it.each([
		['2024年1月', { y: 2024, m: 1 }],
		['2024-01', { y: 2024, m: 1 }],
		['2024/1/5', { y: 2024, m: 1, d: 5 }],
		['2024.01', { y: 2024, m: 1 }],
		['2024.01.31', { y: 2024, m: 1, d: 31 }],
		['24年3月', { y: 2024, m: 3 }],
		['2024年第一季度', { y: 2024, q: 1 }],
		['2024Q1', { y: 2024, q: 1 }],
		['Q3 2023', { y: 2023, q: 3 }],
		['2024年3季度', { y: 2024, q: 3 }],
		['2023-07-01 00:00:00', { y: 2023, m: 7, d: 1 }],
		['2024/4/2 9:15:07', { y: 2024, m: 4, d: 2 }],
		['20240105', { y: 2024, m: 1, d: 5 }],
		['202403', { y: 2024, m: 3 }],
		['2003年', { y: 2003 }],
		['2024年度', { y: 2024 }]
	])('%s', (text, parts) => {
		expect(dateParts(text)).toEqual(parts);
	});

	it('Excel serial numbers are dates (45292 is 2024-01-01); years and yyyymm numbers are what they say', () => {
		expect(dateParts(45292)).toEqual({ y: 2024, m: 1, d: 1 });
		expect(dateParts(2019)).toEqual({ y: 2019 });
		expect(dateParts(202312)).toEqual({ y: 2023, m: 12 });
	});

	it('refuses what is not a date: 2024-02-30, 2024-13, free text', () => {
		expect(dateParts('2024-02-30')).toBeUndefined();
		expect(dateParts('2024-13')).toBeUndefined();
		expect(dateParts('上半年')).toBeUndefined();
	});

	it('periods at either grain; a quarter cannot become a month', () => {
		expect(periodOf({ y: 2024, m: 5, d: 17 }, 'quarter')).toBe('2024Q2');
		expect(periodOf({ y: 2024, m: 5, d: 17 }, 'month')).toBe('2024-05');
		expect(periodOf({ y: 2024, m: 12 }, 'quarter')).toBe('2024Q4');
		expect(periodOf({ y: 2024, q: 1 }, 'month')).toBeUndefined();
	});
});

describe('counts', () => {
	it.each([
		[27, 27],
		['27台', 27],
		['3 部', 3],
		['二十七', 27],
		['两台', 2],
		['十', 10],
		['十二', 12],
		['无', 0],
		['0', 0]
	] as const)('%s → %s', (cell, n) => {
		expect(parseCount(cell)).toBe(n);
	});
	it('not counts: 2.5, -1, 有, 27米', () => {
		expect(parseCount(2.5)).toBeUndefined();
		expect(parseCount(-1)).toBeUndefined();
		expect(parseCount('有')).toBeUndefined();
		expect(parseCount('27米')).toBeUndefined();
	});
	it('count → yes/no is count > 0, and yes/no words among the counts are read as written', () => {
		const c = col('estates', 'has_elevator');
		const conv = { kind: 'count_to_bool' } as const;
		expect(convertCell(conv, 27, c)).toEqual({ value: true });
		expect(convertCell(conv, '0', c)).toEqual({ value: false });
		expect(convertCell(conv, '无', c)).toEqual({ value: false });
		expect(convertCell(conv, '是', c)).toEqual({ value: true });
		expect(convertCell(conv, '若干', c)).toEqual({ error: { code: 'not_a_count' } });
	});
});

describe('numbers with unit words', () => {
	const area = col('estates', 'chargeable_area_m2');
	it('万㎡ is 10,000 ㎡; a bare number in a 万㎡ column is in 万㎡; thousands separators are dropped', () => {
		const conv = detectUnit(['3.2万㎡', '4.5万平方米', '28,000㎡'], '㎡')!;
		expect(conv.factor).toBe(10_000);
		expect(convertCell(conv, '3.2万㎡', area)).toEqual({ value: 32_000 });
		expect(convertCell(conv, '28,000㎡', area)).toEqual({ value: 28_000 });
		expect(convertCell(conv, 1.25, area)).toEqual({ value: 12_500 });
		expect(applyUnit(conv, '12户', '㎡')).toEqual({ error: 'unknown_unit', unit: '户' });
	});
	it('万元 in a yuan column', () => {
		const conv = detectUnit(['65.5万元', '12万元'], '元')!;
		expect(convertCell(conv, '65.5万元', col('costs', 'amount_yuan'))).toEqual({ value: 655_000 });
	});
});

describe('choosing a conversion only on clear evidence', () => {
	it('a count column mapped to yes/no; not a 1/0 column', () => {
		expect(autoConversion(col('estates', 'has_elevator'), [27, 0, '4台', null])).toEqual({ kind: 'count_to_bool' });
		expect(autoConversion(col('estates', 'has_elevator'), [1, 0, 1])).toBeUndefined();
		expect(autoConversion(col('estates', 'has_elevator'), ['有', '无'])).toBeUndefined();
	});
	it('dates in a year column; plain years need nothing', () => {
		expect(autoConversion(col('fees', 'year'), ['2024年1月', '2023-07-01', '2024'])).toEqual({ kind: 'date_to_year' });
		expect(autoConversion(col('fees', 'year'), [2024, '2023', '2022年'])).toBeUndefined();
	});
	it('full dates in a period column become months; periods need nothing', () => {
		expect(autoConversion(col('scores', 'period'), ['2024-03-15', '2024/5/20'])).toEqual({ kind: 'date_to_period', grain: 'month' });
		expect(autoConversion(col('scores', 'period'), ['2024Q1', '2024-03'])).toBeUndefined();
	});
	it("full dates under a title that names their quarter become that quarter; under another title, months", () => {
		const dates = ['2025-07-12', '2025/8/3', '2025年9月20日', 45870]; // 45870: an Excel date, 2025-08-01
		expect(autoConversion(col('scores', 'period'), dates, { titlePeriod: '2025Q3' })).toEqual({ kind: 'date_to_period', grain: 'quarter' });
		// The title names another quarter, a month or nothing: the dates are not that quarter's, so months (and the
		// import says the title and the column differ).
		expect(autoConversion(col('scores', 'period'), dates, { titlePeriod: '2025Q4' })).toEqual({ kind: 'date_to_period', grain: 'month' });
		expect(autoConversion(col('scores', 'period'), dates, { titlePeriod: '2025-08' })).toEqual({ kind: 'date_to_period', grain: 'month' });
		expect(autoConversion(col('scores', 'period'), dates)).toEqual({ kind: 'date_to_period', grain: 'month' });
		// One date of ten outside the quarter (a re-inspection in October) still reads as the quarter's sheet; two of
		// ten do not.
		const late = (k: number) => [...Array.from({ length: 10 - k }, (_, i) => `2025-08-${10 + i}`), ...Array.from({ length: k }, () => '2025-10-09')];
		expect(autoConversion(col('scores', 'period'), late(1), { titlePeriod: '2025Q3' })).toEqual({ kind: 'date_to_period', grain: 'quarter' });
		expect(autoConversion(col('scores', 'period'), late(2), { titlePeriod: '2025Q3' })).toEqual({ kind: 'date_to_period', grain: 'month' });
		// Months as written are periods already, under any title.
		expect(autoConversion(col('scores', 'period'), ['2025年8月', '2025-09'], { titlePeriod: '2025Q3' })).toBeUndefined();
	});
	it('a date conversion to quarters', () => {
		expect(convertCell({ kind: 'date_to_period', grain: 'quarter' }, '2024/5/20', col('scores', 'period'))).toEqual({ value: '2024Q2' });
		expect(convertCell({ kind: 'date_to_year' }, 45292, col('fees', 'year'))).toEqual({ value: 2024 });
	});
});

describe('value maps', () => {
	const building = col('estates', 'building_type');
	const estateType = col('estates', 'estate_type');
	it('the built-in vocabulary: relocation and sold-public words, high-rise forms', () => {
		for (const w of ['动迁房', '安置房', '回迁房', '拆迁安置房', '动迁配套商品房']) expect(lookupWord(estateType, w)?.code).toBe('relocation');
		for (const w of ['售后公房', '房改房', '已购公房']) expect(lookupWord(estateType, w)?.code).toBe('public_sold');
		for (const w of ['小高层', '中高层', '超高层', '塔楼', '塔板结合']) expect(lookupWord(building, w)?.code).toBe('high');
		for (const w of ['多层', '低层', '花园洋房', '联排别墅']) expect(lookupWord(building, w)?.code).toBe('multi');
		// A slab block (板楼) can be six storeys or thirty: not guessed, asked.
		expect(lookupWord(building, '板楼')).toBeUndefined();
	});
	it("the user's answer is used, and only if it is a code of the column", () => {
		expect(lookupWord(building, '框架高层', { building_type: { 框架高层: 'high' } })).toEqual({ code: 'high', from: 'answer' });
		expect(lookupWord(building, '框架高层', { building_type: { 框架高层: 'tower' } })).toBeUndefined();
	});
	it('likely codes first, by characters in common', () => {
		expect(suggestCodes(building, '框架高层')[0]).toBe('high');
		expect(suggestCodes(estateType, '商品住宅小区')[0]).toBe('commercial');
	});
	it('the distinct words of a column with their row counts', () => {
		const r = valueMapReport(building, ['高层', '框架高层', '框架高层', null, '砖混', '高层', '框架高层']);
		expect(r.map((e) => [e.word, e.count, e.code, e.from])).toEqual([
			['高层', 2, 'high', 'vocabulary'],
			['框架高层', 3, null, 'unknown'],
			['砖混', 1, null, 'unknown']
		]);
		expect(r[1].candidates[0]).toBe('high');
		// Runs of one cell, the same word written with spaces, and blanks between them: one word, every row counted.
		const runs = valueMapReport(building, [' 高层', ' 高层', '高层', '', '', null, '砖混', '高层 ', '高层 ', '砖混']);
		expect(runs.map((e) => [e.word, e.count])).toEqual([
			['高层', 5],
			['砖混', 2]
		]);
	});
	it('labels come from the one vocabulary (relocation is 动迁房, as docs/sources.md §18 names it)', () => {
		expect(ESTATE_TYPE_LABELS.relocation.zh).toBe('动迁房');
		expect(BUILDING_TYPE_LABELS.high.zh).toBe('高层');
	});
});

describe('the contract is plain JSON', () => {
	it('conversions and answers round-trip through JSON and are checked', () => {
		const c = { kind: 'unit', unit: '万㎡', factor: 10000 };
		expect(conversionSchema.parse(JSON.parse(JSON.stringify(c)))).toEqual(c);
		expect(conversionSchema.safeParse({ kind: 'date_to_period', grain: 'week' }).success).toBe(false);
		expect(valueMapAnswersSchema.safeParse({ building_type: { 框架高层: 'high' } }).success).toBe(true);
		expect(valueMapAnswersSchema.safeParse({ building_type: { 框架高层: 3 } }).success).toBe(false);
	});
});

describe('years written with the event they date', () => {
	// Subdistrict ledgers write 建成年份 as '1992年建成' or '2009年竣工' beside plain years.
	it('a year column with such words is converted, and each cell reads as its year', () => {
		expect(autoConversion(col('estates', 'build_year'), ['2008年', 2015, '1992年建成'])).toEqual({ kind: 'date_to_year' });
		expect(convertCell({ kind: 'date_to_year' }, '1992年建成', col('estates', 'build_year'))).toEqual({ value: 1992 });
		expect(convertCell({ kind: 'date_to_year' }, '2009年竣工', col('estates', 'build_year'))).toEqual({ value: 2009 });
		expect(convertCell({ kind: 'date_to_year' }, '2008年交付', col('estates', 'build_year'))).toEqual({ value: 2008 });
	});
});
