/** Cell normalisers: cells as people write them (docs/sources.md §10) → canonical values, or a reason. */
import { describe, expect, it } from 'vitest';
import { DATASETS, type ColumnMeta } from '../../../src/lib/data/datasets';
import {
	columnNormaliser,
	findPeriodInText,
	headerHints,
	isMissing,
	matchIndicator,
	parseBoolean,
	parseClosingTime,
	parseEnum,
	parseFee,
	parseGrade,
	parseNumber,
	parsePeriod,
	parseRate,
	parseText,
	parseTimestamp
} from '../../../src/lib/import/values';

import { code, value, warnings } from './norm-results';
import { valueMapReport } from '../../../src/lib/import/conversions/value-map';

describe('numbers', () => {
	it.each([
		['1,234.5', 1234.5],
		['12,345,678', 12345678],
		['１２３．５', 123.5],
		['  42 ', 42],
		['-3.5', -3.5],
		['1e3', 1000],
		['.5', 0.5],
		[7, 7],
		['¥1,200', 1200]
	])('%s → %s', (cell, expected) => expect(value(parseNumber(cell))).toBe(expected));

	it('reads a unit word that fits the column, with 万 as ten thousand', () => {
		expect(value(parseNumber('120㎡', { unit: '㎡' }))).toBe(120);
		expect(value(parseNumber('120平方米', { unit: '㎡' }))).toBe(120);
		expect(value(parseNumber('568户', { unit: '户', integer: true }))).toBe(568);
		expect(value(parseNumber('6.5万元', { unit: '元/年' }))).toBe(65000);
		expect(value(parseNumber('2008年', { unit: '年', integer: true }))).toBe(2008);
		expect(code(parseNumber('120户', { unit: '㎡' }))).toBe('unknown_unit');
		expect(code(parseNumber('120㎡'))).toBe('unknown_unit');
	});

	it('reads 万 and 亿 before a unit word, or alone, in columns of areas, counts and money', () => {
		// 3.2 × 10,000 = 32,000 ㎡; 1.52 × 10,000 = 15,200 households (whole, though 1.52 × 1e4 is 15200.000000000002 in doubles).
		expect(value(parseNumber('3.2万', { unit: '㎡' }))).toBe(32_000);
		expect(value(parseNumber('3.2万平方米', { unit: '㎡' }))).toBe(32_000);
		expect(value(parseNumber('1.52万户', { unit: '户', integer: true }))).toBe(15_200);
		expect(value(parseNumber('0.07万', { unit: '户', integer: true }))).toBe(700);
		expect(value(parseNumber('1.2亿元', { unit: '元' }))).toBe(120_000_000);
		expect(value(parseNumber('2万人', { unit: '人' }))).toBe(20_000);
		// Not where the column is a score, a year or a grade, and not before a word of another measure.
		expect(code(parseNumber('9万', { unit: '分' }))).toBe('unknown_unit');
		expect(code(parseNumber('3.2万户', { unit: '㎡' }))).toBe('unknown_unit');
		expect(code(parseNumber('3.2千克', { unit: '㎡' }))).toBe('unknown_unit');
		// 千 and 百 too, since reading rules 10: 3.2 × 1,000 = 3,200 ㎡; 5 × 100 = 500 households.
		expect(value(parseNumber('3.2千', { unit: '㎡' }))).toBe(3_200);
		expect(value(parseNumber('5百户', { unit: '户', integer: true }))).toBe(500);
		expect(code(parseNumber('3千', { unit: '分' }))).toBe('unknown_unit');
	});

	it('rejects what is not a number, and a decimal comma as ambiguous', () => {
		expect(code(parseNumber('abc'))).toBe('not_a_number');
		expect(code(parseNumber('2,38'))).toBe('ambiguous_number');
		expect(code(parseNumber(true))).toBe('not_a_number');
		expect(code(parseNumber('12.5', { integer: true }))).toBe('not_an_integer');
		expect(code(parseNumber('#DIV/0!'))).toBe('excel_error');
	});

	it('reads a range as its midpoint, with a warning, only where ranges are allowed', () => {
		for (const text of ['1.2-1.8', '1.2~1.8', '1.2～1.8', '1.2至1.8', '1.2到1.8', '1.2—1.8']) {
			const r = parseNumber(text, { allowRange: true });
			expect(value(r), text).toBe(1.5);
			expect(warnings(r), text).toEqual(['range_midpoint']);
		}
		expect(code(parseNumber('1.2-1.8'))).toBeDefined();
		expect(code(parseNumber('1.8-1.2', { allowRange: true }))).toBeDefined();
	});

	it.each(['', '  ', '暂无数据', '暂无', '-', '—', '--', '无', 'N/A', 'n/a', '#N/A', '不详', '/', null])('%j is missing', (cell) => {
		expect(isMissing(cell)).toBe(true);
		expect(value(parseNumber(cell))).toBeNull();
	});

	it('grades in Chinese', () => {
		expect(value(parseGrade('一级'))).toBe(1);
		expect(value(parseGrade('3级'))).toBe(3);
		expect(value(parseGrade(2))).toBe(2);
		expect(value(parseGrade('五星'))).toBe(5);
	});
});

describe('rates: "33%", 0.33 and 33 all mean 0.33', () => {
	it('reads percent text, fractions, and 1 < x ≤ 100 as a percentage with a warning', () => {
		expect(value(parseRate('33%'))).toBe(0.33);
		expect(value(parseRate('95.5％'))).toBe(0.955);
		expect(value(parseRate(0.33))).toBe(0.33);
		expect(value(parseRate(1))).toBe(1);
		const r = parseRate(33);
		expect(value(r)).toBe(0.33);
		expect(warnings(r)).toEqual(['rate_read_as_percent']);
		expect(warnings(parseRate(33, true))).toEqual([]);
		expect(value(parseRate('100'))).toBe(1);
	});
	it('rejects rates above 100 or below 0', () => {
		expect(code(parseRate(150))).toBe('rate_out_of_range');
		expect(code(parseRate('-5%'))).toBe('rate_out_of_range');
		expect(code(parseRate('120%'))).toBe('rate_out_of_range');
	});

	it('a share in words: 九成 is 0.9, 八成五 0.85, 百分之八十五 0.85', () => {
		const cases: [string, number][] = [['九成', 0.9], ['八成五', 0.85], ['9成5', 0.95], ['十成', 1], ['两成', 0.2], ['百分之八十五', 0.85], ['百分之85', 0.85], ['百分之九十五', 0.95], ['百分之九十五点五', 0.955], ['百分之一百', 1], ['百分之 90', 0.9]];
		for (const [text, want] of cases) {
			expect(value(parseRate(text)), text).toBe(want);
			expect(warnings(parseRate(text)), text).toEqual([]);
		}
		expect(code(parseRate('百分之一百二十'))).toBe('rate_out_of_range');
		// Not a share: 成 after a number that is not one digit, and words that are no number.
		expect('error' in parseRate('十五成')).toBe(true);
		expect('error' in parseRate('百分之好多')).toBe(true);
	});
});

describe('fees as text', () => {
	it.each([
		['2.38元/平米/月', 2.38, 'per_m2_month'],
		['2.38元/㎡·月', 2.38, 'per_m2_month'],
		['2.38元/平方米·月', 2.38, 'per_m2_month'],
		['2.38 元/㎡', 2.38, 'per_m2_month'],
		['24元/户·月', 24, 'per_household_month'],
		['24元/户/月', 24, 'per_household_month'],
		['2.38元', 2.38, null],
		['2.38', 2.38, null],
		[1.9, 1.9, null]
	])('%s', (cell, fee, unit) => expect(value(parseFee(cell))).toEqual({ fee, unit }));

	it('keeps both ends of a range and uses the midpoint, with a warning', () => {
		for (const text of ['1.14至2.48元/平米/月', '1.14元至2.48元/平米/月']) {
			const r = parseFee(text);
			expect(value(r)).toEqual({ fee: 1.81, unit: 'per_m2_month', low: 1.14, high: 2.48 });
			expect(warnings(r)).toEqual(['range_midpoint']);
		}
		expect(value(parseFee('1.2-1.8'))).toEqual({ fee: 1.5, unit: null, low: 1.2, high: 1.8 });
		expect(value(parseFee('1.2~1.8'))).toEqual({ fee: 1.5, unit: null, low: 1.2, high: 1.8 });
	});

	it('missing and unknown units; a yearly fee is made monthly', () => {
		expect(value(parseFee('暂无数据'))).toBeNull();
		expect(code(parseFee('28元/亩/月'))).toBe('unknown_unit');
		// 19.8 / 12 = 1.65, said in a note.
		expect(value(parseFee('19.8元/平米/年'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(warnings(parseFee('19.8元/平米/年'))).toEqual(['fee_per_year']);
		expect(code(parseFee('面议'))).toBe('fee_not_stated');
		// A range in words is a range: 1.5 to 2, midpoint 1.75.
		expect(value(parseFee('一元五角到两元/平方米/月'))).toEqual({ fee: 1.75, unit: 'per_m2_month', low: 1.5, high: 2 });
		// Two fees in words in one cell are two fees, as in digits.
		expect(code(parseFee('高层二元，多层一元五角'))).toBe('several_fees');
		expect(code(parseFee('abc'))).toBe('not_a_number');
	});
});

describe('periods', () => {
	it.each([
		['2024-03', '2024-03'],
		['2024/3', '2024-03'],
		['2024.03', '2024-03'],
		['2024年3月', '2024-03'],
		['2024年03月份', '2024-03'],
		['202403', '2024-03'],
		['2024-03-01', '2024-03'],
		[45352, '2024-03'],
		[202403, '2024-03'],
		['2024Q1', '2024Q1'],
		['2024q3', '2024Q3'],
		['2024-Q2', '2024Q2'],
		['Q4 2024', '2024Q4'],
		['2024年第一季度', '2024Q1'],
		['2024年1季度', '2024Q1'],
		['2024年一季度', '2024Q1'],
		['2024年第4季度', '2024Q4'],
		['２０２４Ｑ２', '2024Q2'],
		// The quarter's number before its Q, and English month names with the year (Excel's mmm-yy too).
		['2026-1Q', '2026Q1'],
		['2026 3Q', '2026Q3'],
		['1Q2026', '2026Q1'],
		['4Q-25', '2025Q4'],
		['Mar 2026', '2026-03'],
		['March 2026', '2026-03'],
		['Sept. 2025', '2025-09'],
		['Dec-25', '2025-12'],
		['2026-Jan', '2026-01'],
		// A quarter written as its months, as office sheets do.
		['2025年7-9月', '2025Q3'],
		['2025年1月-3月', '2025Q1'],
		['2025年4月至6月', '2025Q2'],
		['2025年10~12月', '2025Q4'],
		['2025.07-2025.09', '2025Q3'],
		['2025年7月-2025年9月', '2025Q3'],
		['2025年5-5月', '2025-05']
	])('%s → %s', (cell, expected) => expect(value(parsePeriod(cell))).toBe(expected));

	it('a date with hyphens is a date, not a span of months', () => {
		expect(value(parsePeriod('2025-07-09'))).toBe('2025-07');
		expect(value(parsePeriod('2025.7.9'))).toBe('2025-07');
	});

	it.each(['2024-13', '2024Q5', 'spring', '2024年第五季度', 12, '2025年7-8月', '2025年2-4月', '2025.07-2026.09', '2025年12-2月', '2026-5Q', '2026H3', '2026年中半年', 'Ma 2026', 'Marchy 2026', 'Summer 2026', '1850年上半年', '2026年3-8月'])('%s is not a period', (cell) => {
		expect(code(parsePeriod(cell))).toBe('bad_period');
	});

	it('a half or a whole year is refused with the quarters to write instead, in every way they are written', () => {
		const refusal = (cell: string | number) => {
			const r = parsePeriod(cell);
			return 'error' in r ? [r.error.code, r.error.params?.quarters] : ['read', r.value];
		};
		for (const cell of ['2026年上半年', '2026上半年', '2026年度上半年', '2026H1', 'H1 2026', 'h1-2026', '2026-1H', '1H2026', '2026年1-6月', '2026年1月至6月', '2026.01-2026.06', '２０２６年上半年']) {
			expect(refusal(cell), String(cell)).toEqual(['period_half_year', '2026Q1、2026Q2']);
		}
		for (const cell of ['2026年下半年', '2026H2', '2H 2026', '2026年7-12月', '2026年7月到12月']) expect(refusal(cell), cell).toEqual(['period_half_year', '2026Q3、2026Q4']);
		for (const cell of ['2026', 2026, '2026年', '2026年度', '2026全年', '2026年1-12月']) expect(refusal(cell), String(cell)).toEqual(['period_whole_year', '2026Q1 — 2026Q4']);
		// Quarters and months written as spans are still read.
		expect(refusal('2026年4-6月')).toEqual(['read', '2026Q2']);
		expect(refusal('2026年6月')).toEqual(['read', '2026-06']);
	});

	it('a year.month that Excel stored as a number: read with a warning, except 2024.1 (January, or October written 2024.10)', () => {
		const read = (n: number) => {
			const r = parsePeriod(n);
			return 'error' in r ? r.error : { value: r.value, warnings: r.warnings?.map((w) => w.code) };
		};
		expect(read(2024.03)).toEqual({ value: '2024-03', warnings: ['period_from_number'] });
		expect(read(2024.3)).toEqual({ value: '2024-03', warnings: ['period_from_number'] });
		expect(read(2024.09)).toEqual({ value: '2024-09', warnings: ['period_from_number'] });
		expect(read(2024.11)).toEqual({ value: '2024-11', warnings: ['period_from_number'] });
		expect(read(2024.12)).toEqual({ value: '2024-12', warnings: ['period_from_number'] });
		expect(read(2024.01)).toEqual({ value: '2024-01', warnings: ['period_from_number'] });
		expect(read(2024.1)).toEqual({ code: 'period_decimal_ambiguous', params: { value: '2024.1', y: '2024' } });
		// No month: thirteen, a third decimal, a year out of range.
		for (const n of [2024.13, 2024.25, 2024.123, 1850.03]) expect(read(n)).toMatchObject({ code: 'bad_period' });
		// The text is not a number: '2024.1' and '2024.10' say which month they are.
		expect(value(parsePeriod('2024.1'))).toBe('2024-01');
		expect(value(parsePeriod('2024.10'))).toBe('2024-10');
	});

	it('finds a period in a title row', () => {
		expect(findPeriodInText('临江区2024年第一季度物业服务考评汇总表')).toBe('2024Q1');
		expect(findPeriodInText('2024年3月 检查得分')).toBe('2024-03');
		expect(findPeriodInText('物业服务考评汇总表')).toBeUndefined();
		// A span is read whole: the quarter it covers, or no period (a half year, a part of a quarter), never its first month.
		expect(findPeriodInText('2025年7月至9月物业服务考评')).toBe('2025Q3');
		expect(findPeriodInText('考核期间：2025-07-01至2025-09-30')).toBe('2025Q3');
		expect(findPeriodInText('2025年7月1日—9月30日考评')).toBe('2025Q3');
		expect(findPeriodInText('2025-07-05至2025-07-20 检查')).toBe('2025-07');
		for (const t of ['2026年1月至6月考评', '2026年上半年考评', '2026H1 考评', '2025-07-01至2025-09-15 检查', '2025年2-4月考评']) expect(findPeriodInText(t), t).toBeUndefined();
		// As before reading rules 5, for replays: the first month.
		expect(findPeriodInText('2025年7月至9月物业服务考评', { spans: false })).toBe('2025-07');
		// A single date in a title is still its month.
		expect(findPeriodInText('2025-07-09 检查')).toBe('2025-07');
	});
});

describe('date-times', () => {
	it.each([
		['2024-05-01 09:30:00', '2024-05-01 09:30:00'],
		['2024/5/1 9:30', '2024-05-01 09:30:00'],
		['2024-05-01T09:30:00', '2024-05-01 09:30:00'],
		['2024年5月1日 9时30分', '2024-05-01 09:30:00'],
		['2024年5月1日', '2024-05-01 00:00:00'],
		['2024/5/1 下午 3:30:00', '2024-05-01 15:30:00'],
		['2024/5/1 3:30 PM', '2024-05-01 15:30:00'],
		['20240501 093000', '2024-05-01 09:30:00'],
		['2024-05-01', '2024-05-01 00:00:00'],
		[45352.5, '2024-03-01 12:00:00'],
		['2024-02-29 23:59:59', '2024-02-29 23:59:59']
	])('%s → %s', (cell, expected) => expect(value(parseTimestamp(cell))).toBe(expected));

	it('warns when a time zone is dropped, rejects impossible dates and times', () => {
		expect(warnings(parseTimestamp('2024-05-01T09:30:00Z'))).toEqual(['timezone_ignored']);
		expect(code(parseTimestamp('2023-02-29 10:00:00'))).toBe('bad_date');
		expect(code(parseTimestamp('2024-05-01 25:00:00'))).toBe('bad_timestamp');
		expect(code(parseTimestamp('yesterday'))).toBe('bad_timestamp');
		expect(value(parseTimestamp(''))).toBeNull();
	});

	it('a month and day without a year says so, and the year is never guessed', () => {
		for (const cell of ['7月7日 10:00', '7月7日', '12月31号 下午3:05', '7/7 10:00', '07-07 09:00']) expect(code(parseTimestamp(cell)), cell).toBe('timestamp_no_year');
		// With a year they are times; other texts stay unrecognised.
		expect(value(parseTimestamp('2025年7月7日 10:00'))).toBe('2025-07-07 10:00:00');
		expect(code(parseTimestamp('第7周'))).toBe('bad_timestamp');
	});

	it('a weekday written beside the date is read and checked against it (calendar: 1 March 2024 was a Friday)', () => {
		for (const cell of ['2024年3月5日（周二）', '2024年3月5日(星期二)', '2024-03-05【周二】', 'Tue, Mar 5, 2024', '2024-03-05 Tuesday', '二〇二四年三月五日 星期二'])
			expect(value(parseTimestamp(cell)), cell).toBe('2024-03-05 00:00:00');
		expect(value(parseTimestamp('2024-03-05 星期二 08:05'))).toBe('2024-03-05 08:05:00');
		expect(value(parseTimestamp('2024/3/5 周二 下午3:30'))).toBe('2024-03-05 15:30:00');
		expect(value(parseTimestamp('2024年3月10日 礼拜天'))).toBe('2024-03-10 00:00:00');
		const wrong = parseTimestamp('2024年3月5日（周三）');
		expect(code(wrong)).toBe('weekday_mismatch');
		expect('error' in wrong && wrong.error.params).toMatchObject({ date: '2024-03-05', actual: '二', actualEn: 'Tuesday' });
		expect(code(parseTimestamp('15/3/2024 (Mon)'))).toBe('weekday_mismatch');
		// Both orders of 3/5/2024 are dates; the weekday falls on one: 5 March is a Tuesday, 3 May a Friday.
		expect(value(parseTimestamp('3/5/2024 (Tue)'))).toBe('2024-03-05 00:00:00');
		expect(value(parseTimestamp('3/5/2024 周五'))).toBe('2024-05-03 00:00:00');
		expect(code(parseTimestamp('3/5/2024'))).toBe('date_order_unclear');
		// A weekday alone is no date.
		expect(code(parseTimestamp('周二'))).toBe('bad_timestamp');
	});

	it("a ticket's closing time written as still open is none, with a note; a time is read as any time", () => {
		for (const cell of ['未办结', '未结案', ' 处理中 ', '办理中', '待处理', '跟进中', '挂起', 'Pending', 'in progress']) {
			expect(value(parseClosingTime(cell)), cell).toBeNull();
			expect(warnings(parseClosingTime(cell)), cell).toEqual(['ticket_still_open']);
		}
		expect(value(parseClosingTime('2025/7/1 15:30'))).toBe('2025-07-01 15:30:00');
		expect(value(parseClosingTime(''))).toBeNull();
		expect(warnings(parseClosingTime(''))).toEqual([]);
		expect(code(parseClosingTime('已办结'))).toBe('bad_timestamp');
		// Only the closing time: an opening time cannot be "still open".
		expect(code(parseTimestamp('未办结'))).toBe('bad_timestamp');
	});
});

describe('fees in 元, 角 and 分', () => {
	it.each([
		['一元五角', 1.5, null],
		['一元五角/平方米/月', 1.5, 'per_m2_month'],
		['1元5角5分/㎡·月', 1.55, 'per_m2_month'],
		['一块五毛', 1.5, null],
		['八十元/户·月', 80, 'per_household_month'],
		['五角五分', 0.55, null],
		['两元', 2, null],
		['每平方米每月一元八角', 1.8, 'per_m2_month'],
		['二十三元四角/平米/年', 1.95, 'per_m2_month']
	])('%s', (cell, fee, unit) => expect(value(parseFee(cell))).toEqual({ fee, unit }));

	it('leaves amounts in digits as they were read before', () => {
		expect(value(parseFee('1.65元/㎡·月'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(parseFee('12.5元/户·月'))).toEqual({ fee: 12.5, unit: 'per_household_month' });
		expect(code(parseFee('好几元'))).toBe('fee_not_stated');
	});
});

describe('fee units in a column of their own', () => {
	const unit = columnNormaliser('fees', 'fee_unit');
	it('reads the unit words a fee may carry, as well as the vocabulary', () => {
		for (const t of ['元/㎡·月', '每平方米每月', '每平米每月', '元/平/月', '平方米']) expect(value(unit(t)), t).toBe('per_m2_month');
		for (const t of ['元/户·月', '每户每月', '户/月']) expect(value(unit(t)), t).toBe('per_household_month');
	});
	it('lists such words as known in the value map, so the data page asks nothing about them', () => {
		const col = (DATASETS.fees.columns as readonly ColumnMeta[]).find((c) => c.name === 'fee_unit')!;
		const report = valueMapReport(col, ['每平方米每月', '元/户·月', '每平方米每月', '元/亩/月']);
		expect(report.map((e) => [e.word, e.count, e.code])).toEqual([['每平方米每月', 2, 'per_m2_month'], ['元/户·月', 1, 'per_household_month'], ['元/亩/月', 1, null]]);
	});
	it('still refuses a yearly unit or a unit that is no fee unit, with the allowed values', () => {
		for (const t of ['元/㎡·年', '元', '元/亩/月']) expect(code(unit(t)), t).toBe('bad_enum');
	});
});

describe('booleans, enums, text, indicators', () => {
	it('booleans through BOOLEAN_ALIASES; 无 is false here, not missing', () => {
		for (const t of ['是', '有', 'true', 'TRUE', 'yes', '1', '√', 1, true]) expect(value(parseBoolean(t)), String(t)).toBe(true);
		for (const t of ['否', '无', 'false', 'no', '0', '×', 0, false]) expect(value(parseBoolean(t)), String(t)).toBe(false);
		expect(value(parseBoolean(''))).toBeNull();
		expect(code(parseBoolean('maybe'))).toBe('bad_boolean');
		// A mix is neither: the person says which holds for most of the estate.
		for (const t of ['部分有', '部分楼栋有电梯', '个别单元有', '大部分有']) expect(code(parseBoolean(t)), t).toBe('bad_boolean_partly');
	});

	it('enums via matchEnumValue, with the allowed values in the error', () => {
		const col = (DATASETS.estates.columns as readonly ColumnMeta[]).find((c) => c.name === 'estate_type')!;
		expect(value(parseEnum(col, '动迁安置房'))).toBe('relocation');
		expect(value(parseEnum(col, 'Commercial Housing'))).toBe('commercial');
		const bad = parseEnum(col, '别墅');
		expect(code(bad)).toBe('bad_enum');
		expect('error' in bad && bad.error.params?.allowed).toContain('商品房');
		// Pricing regimes as ledgers write them; 政府定价 and the contract forms are asked, not guessed.
		const regime = (DATASETS.estates.columns as readonly ColumnMeta[]).find((c) => c.name === 'pricing_regime')!;
		for (const t of ['市场调节', '协议定价', '双方协商', '市场定价']) expect(value(parseEnum(regime, t)), t).toBe('market');
		for (const t of ['政府指导', '指导价', '政府指导价格']) expect(value(parseEnum(regime, t)), t).toBe('guide');
		for (const t of ['政府定价', '包干制', '酬金制']) expect(code(parseEnum(regime, t)), t).toBe('bad_enum');
	});

	it('ids fold full-width characters; numbers typed into id cells keep their digits', () => {
		expect(value(parseText('ＬＪ０００１', { id: true }))).toBe('LJ0001');
		expect(value(parseText(1001, { id: true }))).toBe('1001');
		expect(value(parseText('  梅园  '))).toBe('梅园');
	});

	it('indicator names in Chinese become codes; other names are kept', () => {
		expect(matchIndicator('综合管理')).toBe('management');
		expect(matchIndicator('保洁得分')).toBe('cleaning');
		expect(matchIndicator('保洁（15分）')).toBe('cleaning');
		expect(matchIndicator('业主满意度')).toBe('satisfaction');
		expect(matchIndicator('电梯')).toBe('elevator');
		// Names assessment sheets use beside the default's: security as 安保, a service named with 服务.
		expect(matchIndicator('安保')).toBe('order');
		expect(matchIndicator('安保服务')).toBe('order');
		expect(matchIndicator('保洁服务得分')).toBe('cleaning');
		expect(matchIndicator('绿化服务')).toBe('greening');
		expect(matchIndicator('电梯维保')).toBe('elevator');
		expect(matchIndicator('共用设施设备')).toBe('facilities_other');
		expect(matchIndicator('客户服务')).toBe('customer_service');
		expect(matchIndicator('停车服务')).toBeUndefined();
		expect(value(columnNormaliser('scores', 'indicator')('安保'))).toBe('order');
		expect(value(columnNormaliser('scores', 'indicator')('停车管理'))).toBe('停车管理');
	});
});

describe('what headers say', () => {
	it('reads units, percent and full marks from brackets', () => {
		expect(headerHints('金额（万元）')).toMatchObject({ scale: 10000 });
		expect(headerHints('收缴率(%)')).toMatchObject({ percent: true });
		expect(headerHints('收缴率%')).toMatchObject({ percent: true });
		expect(headerHints('保洁（15分）')).toMatchObject({ points: 15 });
		expect(headerHints('得分（满分100分）').points).toBeUndefined();
		expect(headerHints('物业费(元/户·月)')).toMatchObject({ feeUnit: 'per_household_month' });
	});

	it('column normalisers apply them', () => {
		expect(value(columnNormaliser('costs', 'amount_yuan', '金额（万元）')('6.02'))).toBe(60200);
		expect(warnings(columnNormaliser('fees', 'collection_rate', '收缴率(%)')('95'))).toEqual([]);
		expect(value(columnNormaliser('fees', 'collection_rate', '收缴率(%)')('95'))).toBe(0.95);
		expect(value(columnNormaliser('scores', 'score', '保洁（15分）')(12))).toBe(80);
	});

	it('cached normalisers return the same results as uncached ones', () => {
		const norm = columnNormaliser('scores', 'period');
		for (let i = 0; i < 3; i++) expect(value(norm('2024年第一季度'))).toBe('2024Q1');
		expect(code(norm('2024-13'))).toBe('bad_period');
		expect(code(norm('2024-13'))).toBe('bad_period');
	});
});
