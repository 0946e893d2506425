/**
 * Cells as ledgers write them beyond the canonical forms (docs/sources.md §18): Chinese numerals, approximate
 * figures, years with their event or a whole date, dates in other orders and languages, yearly fees, facility
 * quantities with their measure words. Expected values are worked by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import { columnNormaliser, parseBoolean, parseFee, parseGrade, parseNumber, parsePeriod, parseTimestamp } from '../../../src/lib/import/values';
import { chineseNumber, decimalNumber } from '../../../src/lib/domain/chinese-numbers';
import { quantityKind } from '../../../src/lib/import/values/numbers';

import { code, value, warnings } from './norm-results';

describe('Chinese numerals', () => {
	it.each([
		['十', 10],
		['十二', 12],
		['二十七', 27],
		['一百零五', 105],
		['两百', 200],
		['一千二百', 1200],
		['一千零一十', 1010],
		['三万五千', 35000],
		['十万', 100000],
		['二十万零三百', 200300],
		['一亿二千万', 120000000],
		['二〇二五', 2025],
		['一九八三', 1983]
	])('%s is %d', (t, n) => expect(chineseNumber(t)).toBe(n));

	it.each(['万', '百二', '五十三百', '二三', '三四', '一百百', 'abc', ''])('%s is not a number', (t) => expect(chineseNumber(t)).toBeUndefined());

	it.each([
		['九十五点五', 95.5],
		['95点5', 95.5],
		['零点八五', 0.85],
		['一百', 100],
		['12.5', 12.5]
	])('%s with 点 for the point is %d', (t, n) => expect(decimalNumber(t)).toBe(n));
	it.each(['九十五点', '一点二点三', '九十五点十', 'abc'])('%s is no decimal number', (t) => expect(decimalNumber(t)).toBeUndefined());
});

describe('numbers with their words', () => {
	it('reads Chinese numerals with a unit word', () => {
		expect(value(parseNumber('一千二百户', { unit: '户' }))).toBe(1200);
		expect(value(parseNumber('三百人', { unit: '人', integer: true }))).toBe(300);
		expect(value(parseNumber('十五年', { unit: '年' }))).toBe(15);
		expect(value(parseNumber('三万㎡', { unit: '㎡' }))).toBe(30000);
	});

	it('reads an approximate figure as its number, with a note', () => {
		for (const [cell, n] of [
			['约1200户', 1200],
			['1200余户', 1200],
			['300多户', 300],
			['1200户左右', 1200],
			['大约1,017户', 1017]
		] as const) {
			const r = parseNumber(cell, { unit: '户', integer: true });
			expect(value(r), cell).toBe(n);
			expect(warnings(r), cell).toEqual(['approximate']);
		}
		expect(value(parseNumber('约12万㎡', { unit: '㎡' }))).toBe(120000);
		expect(value(parseNumber('15年以上', { unit: '年' }))).toBe(15);
	});

	it('refuses an approximate figure where only an exact one will do', () => {
		expect(code(parseNumber('约800', { unit: '人', exact: true }))).toBe('approximate_not_exact');
		expect(value(parseNumber('800', { unit: '人', exact: true }))).toBe(800);
	});

	it('takes a total word and a typeset minus', () => {
		expect(value(parseNumber('共1200户', { unit: '户' }))).toBe(1200);
		expect(value(parseNumber('合计3.2万㎡', { unit: '㎡' }))).toBe(32000);
		expect(value(parseNumber('\u22121,000', { unit: '元' }))).toBe(-1000);
	});

	it('does not scale a cell twice: its own 万 wins over the header’s', () => {
		const area = columnNormaliser('estates', 'chargeable_area_m2', '收费面积（万㎡）');
		expect(value(area('12.5'))).toBe(125000);
		expect(value(area('12.5万㎡'))).toBe(125000);
		expect(value(area('125000㎡'))).toBe(125000);
		// Full marks in a header still scale a score written with its word: 8.5 of 10 points is 85.
		expect(value(columnNormaliser('scores', 'score', '保洁（10分）')('8.5分'))).toBe(85);
	});

	it('reads the figure before a note in brackets, and says the note was left aside', () => {
		const households = columnNormaliser('estates', 'households', '户数');
		const r = households('1200户（含商铺20户）');
		expect(value(r)).toBe(1200);
		expect(warnings(r)).toEqual(['note_ignored']);
		expect('warnings' in r && r.warnings![0].params).toEqual({ note: '含商铺20户' });
		expect(value(columnNormaliser('estates', 'chargeable_area_m2', '面积')('30228.08（建筑面积）'))).toBe(30228.08);
	});

	it('a score written as a percentage is that share of full marks, whatever the column’s full marks', () => {
		const cleaning = columnNormaliser('scores', 'score', '保洁（15分）');
		// 12 of 15 is 80 on the 100-point scale; 85% is 85.
		expect(value(cleaning('12'))).toBe(80);
		expect(value(cleaning('85%'))).toBe(85);
		expect(warnings(cleaning('85%'))).toEqual(['score_percent']);
	});

	it('reads grades in Roman numerals', () => {
		expect(value(parseGrade('Ⅰ级'))).toBe(1);
		expect(value(parseGrade('Ⅳ级'))).toBe(4);
		expect(value(parseGrade('III'))).toBe(3);
	});
});

describe('years', () => {
	const built = columnNormaliser('estates', 'build_year', '建成年份');
	it.each([
		['1984', 1984, []],
		['1984年', 1984, []],
		['1984年建成', 1984, []],
		['二〇一五年', 2015, []],
		['2012年6月', 2012, ['year_from_date']],
		['2012-06-30', 2012, ['year_from_date']],
		// Excel's date serial 41090 is 2012-06-30.
		[41090, 2012, ['year_from_date']],
		// Two digits with 年: the nearest year not in the future.
		['98年', 1998, ['year_two_digit']],
		["'05年建成", 2005, ['year_two_digit']],
		['12年6月', 2012, ['year_two_digit']],
		// A date something runs from, as fee tables write when a fee took effect.
		['2021年7月1日起', 2021, ['year_from_date']],
		['2020-01-01 起执行', 2020, ['year_from_date']],
		['2019年起', 2019, []]
	] as const)('%s → %d', (cell, y, notes) => {
		const r = built(cell);
		expect(value(r)).toBe(y);
		expect(warnings(r)).toEqual(notes);
	});

	it('a fund balance at the end of a year is that year', () => {
		expect(value(columnNormaliser('fund_balances', 'year', '年度')('2025年末'))).toBe(2025);
	});

	it('two bare digits are left as written (the range check refuses them), and a decade written with two digits is still a decade', () => {
		expect(value(built('98'))).toBe(98);
		expect(warnings(built('98'))).toEqual([]);
		expect(code(built('98年代'))).toBe('year_is_decade');
	});

	it('a decade is not a year', () => {
		expect(code(built('1990年代'))).toBe('year_is_decade');
		expect(code(built('90年代'))).toBe('year_is_decade');
	});

	it('two years joined as a span are an error naming both (one must be chosen by the person), not "not a number"', () => {
		for (const cell of ['2005-2008', '2005年至2008年', '2005~2008年竣工', '２００５－２００８', '1998—2001']) {
			const r = built(cell);
			expect(code(r), cell).toBe('year_span');
		}
		expect(built('2005年至2008年')).toEqual({ error: { code: 'year_span', params: { from: 2005, to: 2008 } } });
		// A year and a month stays the year with a note; two years the wrong way round are no span.
		expect(value(built('2005-06'))).toBe(2005);
		expect(code(built('2008-2005'))).toBe('not_a_number');
	});
});

describe('periods with a two-digit year', () => {
	it('are this century, as the date conversions read them', () => {
		for (const [cell, period] of [
			['26Q1', '2026Q1'],
			['26年第一季度', '2026Q1'],
			['24年3月', '2024-03']
		] as const) expect(value(parsePeriod(cell)), cell).toBe(period);
		// A bare two-digit or four-digit number is no period.
		expect(code(parsePeriod('2603'))).toBe('bad_period');
	});
});

describe('dates and times', () => {
	it('reads Chinese numerals and 号 in a date', () => {
		expect(value(parseTimestamp('二〇二四年五月二十日'))).toBe('2024-05-20 00:00:00');
		expect(value(parseTimestamp('2024年5月20号 下午三点'))).toBe('2024-05-20 15:00:00');
	});

	it('reads the year-last orders only when one reading is a real date', () => {
		expect(value(parseTimestamp('15/3/2026'))).toBe('2026-03-15 00:00:00');
		expect(value(parseTimestamp('3/15/2026 14:30'))).toBe('2026-03-15 14:30:00');
		expect(value(parseTimestamp('3/3/2026'))).toBe('2026-03-03 00:00:00');
		const r = parseTimestamp('3/5/2026');
		expect(code(r)).toBe('date_order_unclear');
		expect('error' in r && r.error.params).toMatchObject({ monthFirst: '2026-03-05', dayFirst: '2026-05-03' });
		expect(code(parseTimestamp('31/2/2026'))).toBe('bad_date');
	});

	it('reads English month names', () => {
		expect(value(parseTimestamp('Mar 5, 2026'))).toBe('2026-03-05 00:00:00');
		expect(value(parseTimestamp('5-Mar-2026'))).toBe('2026-03-05 00:00:00');
		expect(value(parseTimestamp('5 March 2026 14:30'))).toBe('2026-03-05 14:30:00');
		expect(code(parseTimestamp('Maybe 3, 2026'))).toBe('bad_timestamp');
	});

	it('an assessment dated to the month is its first day, with a note; a ticket needs the day', () => {
		const assessed = columnNormaliser('facilities', 'last_assessed_at', '评估日期');
		for (const cell of ['2024年5月', '2024-05', '2024.5', '2024/5']) {
			const r = assessed(cell);
			expect(value(r), cell).toBe('2024-05-01 00:00:00');
			expect(warnings(r), cell).toEqual(['day_assumed']);
		}
		expect(code(columnNormaliser('tickets', 'opened_at', '报修时间')('2024年5月'))).toBe('bad_timestamp');
	});
});

describe('fees as ledgers write them', () => {
	it('makes a yearly or daily fee monthly: ÷12, ×30', () => {
		expect(value(parseFee('19.8元/㎡·年'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(parseFee('960元/户·年'))).toEqual({ fee: 80, unit: 'per_household_month' });
		expect(value(parseFee('0.05元/平方米·天'))).toEqual({ fee: 1.5, unit: 'per_m2_month' });
		expect(warnings(parseFee('0.05元/平方米·天'))).toEqual(['fee_per_day']);
		// 18 / 12 = 1.5 and 24 / 12 = 2: the range and its midpoint are monthly.
		const r = parseFee('18-24元/㎡·年');
		expect(value(r)).toEqual({ fee: 1.75, unit: 'per_m2_month', low: 1.5, high: 2 });
		expect(warnings(r)).toEqual(['fee_per_year', 'range_midpoint']);
	});

	it('a header that names a yearly fee makes bare numbers monthly', () => {
		const fee = columnNormaliser('fees', 'fee', '物业费（元/㎡·年）');
		expect(value(fee('19.8'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(fee(19.8))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		// A cell with its own unit or period is read by it.
		expect(value(fee('1.65元/㎡·月'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(fee('1.65元/月'))).toEqual({ fee: 1.65, unit: null });
	});

	it('reads the unit written first and a label before the fee', () => {
		expect(value(parseFee('每平米1.65元'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(parseFee('每平方米每月1.65元'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
		expect(value(parseFee('每户每月80元'))).toEqual({ fee: 80, unit: 'per_household_month' });
		expect(value(parseFee('收费标准：1.65元/㎡·月'))).toEqual({ fee: 1.65, unit: 'per_m2_month' });
	});

	it('says when no amount is written, or several', () => {
		for (const t of ['面议', '待定', '按合同约定']) expect(code(parseFee(t)), t).toBe('fee_not_stated');
		const r = parseFee('2.3元/㎡·月(高层)；1.2元/㎡·月(多层)');
		expect(code(r)).toBe('several_fees');
		expect('error' in r && r.error.params).toMatchObject({ count: 2 });
	});
});

describe('facility quantities', () => {
	const quantity = columnNormaliser('facilities', 'quantity', '数量');
	it.each([
		['12台', 12],
		['3套', 3],
		['2座', 2],
		['1项', 1],
		['1,200㎡', 1200],
		['1.2万㎡', 12000],
		['800延米', 800],
		['1.2公里', 1200],
		['十二套', 12]
	] as const)('%s → %d', (cell, n) => expect(value(quantity(cell))).toBe(n));

	it('knows what each word measures', () => {
		expect(quantityKind('12台')).toBe('count');
		expect(quantityKind('1,200㎡')).toBe('area');
		expect(quantityKind('1.2万平方米')).toBe('area');
		expect(quantityKind('800延米')).toBe('length');
		expect(quantityKind('12')).toBeUndefined();
		expect(quantityKind('约12台')).toBe('count');
	});

	it('a unit cost per lift, per m² or per m', () => {
		const cost = columnNormaliser('facilities', 'unit_replacement_cost_yuan', '单价');
		expect(value(cost('35万元/台'))).toBe(350000);
		expect(value(cost('350000元/部'))).toBe(350000);
		expect(value(cost('120元/㎡'))).toBe(120);
		expect(value(cost('600元/延米'))).toBe(600);
	});
});

describe('yes and no', () => {
	it.each([
		['是的', true],
		['已有', true],
		['具备', true],
		['☑', true],
		['不是', false],
		['非', false],
		['未有', false],
		['没', false],
		['☒', false]
	] as const)('%s is %s', (cell, b) => expect(value(parseBoolean(cell))).toBe(b));

	it('a mark that could mean either is asked, not guessed', () => {
		for (const cell of ['x', '○', '●']) expect(code(parseBoolean(cell)), cell).toBe('bad_boolean');
	});
});
