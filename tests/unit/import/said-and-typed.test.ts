/**
 * Reading rules 11 (docs/sources.md §18.4): times of day in words, w and k for 万 and 千, negative sums as accounts
 * write them, years with 前后 or 以前, approximate rates and fees, 。 for a fee's middle dot, quarters in Roman numerals,
 * and the errors that name a sum or a range. Every expected value is worked by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS, type ColumnMeta, type DatasetId } from '../../../src/lib/data/datasets';
import { prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { columnNormaliser, valuesBeforeRules11 } from '../../../src/lib/import/values';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';
import { replayedUnder } from './replay';

const read = (dataset: DatasetId, column: string, cell: string, header = '') => columnNormaliser(dataset, column, header)(cell);
const codes = (r: ReturnType<typeof read>) => ('error' in r ? [r.error.code] : (r.warnings ?? []).map((w) => w.code));

describe('a time of day in words', () => {
	const opened = (cell: string) => read('tickets', 'opened_at', cell);
	it.each([
		['2024年3月5日 早上8点', '2024-03-05 08:00:00'],
		['2024年3月5日 清晨6点10分', '2024-03-05 06:10:00'],
		['2024年3月5日 午后2点', '2024-03-05 14:00:00'],
		['2024年3月5日 傍晚6点', '2024-03-05 18:00:00'],
		['2024年3月5日 晚间9点', '2024-03-05 21:00:00'],
		// 11 at night is 23:00 of the day written.
		['2024年3月5日 夜里11点', '2024-03-05 23:00:00'],
		['2024年3月5日 夜间9点', '2024-03-05 21:00:00'],
		['2024年3月5日 深夜11点半', '2024-03-05 23:30:00'],
		['2024年3月5日 上午8点半', '2024-03-05 08:30:00'],
		['2024年3月5日 8点一刻', '2024-03-05 08:15:00'],
		['2024年3月5日 下午三点三刻', '2024-03-05 15:45:00'],
		['2024年3月5日 下午3时半', '2024-03-05 15:30:00'],
		['2024-03-05 3:05 p.m.', '2024-03-05 15:05:00'],
		['2024-03-05 11:30 a.m.', '2024-03-05 11:30:00'],
		['2024-03-05 12:10 a.m.', '2024-03-05 00:10:00'],
		['2024-03-05 3:05p.m.', '2024-03-05 15:05:00']
	])('%s is %s', (cell, expected) => {
		expect(opened(cell)).toEqual({ value: expected });
	});

	it('an hour of the night past midnight may be of the day written or of the next: an error, never a guess', () => {
		expect(opened('2024年3月5日 夜里2点')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '夜里2点' } } });
		expect(opened('2024年3月5日 半夜12点')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '半夜12点' } } });
		expect(opened('2024年3月5日 深夜0:30')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '深夜0:30' } } });
		// 凌晨 says which: the small hours of the day written.
		expect(opened('2024年3月6日 凌晨2点')).toEqual({ value: '2024-03-06 02:00:00' });
		// 晚上12点 was noon and 晚上1点 13:00 before rules 11, silently; an import stored then replays so.
		expect(opened('2024年3月5日 晚上12点')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '晚上12点' } } });
		expect(opened('2024年3月5日 晚上1点半')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '晚上1点半' } } });
		const column = (DATASETS.tickets.columns as readonly ColumnMeta[]).find((c) => c.name === 'opened_at')!;
		const then = valuesBeforeRules11(column, columnNormaliser('tickets', 'opened_at'));
		expect(then('2024年3月5日 晚上12点')).toEqual({ value: '2024-03-05 12:00:00' });
		expect(then('2024年3月5日 晚上1点')).toEqual({ value: '2024-03-05 13:00:00' });
		expect(then('2024年3月5日 夜里2点')).toEqual({ error: { code: 'time_night_ambiguous', params: { text: '夜里2点' } } });
		expect(then('2024年3月5日 晚上8点')).toEqual({ value: '2024-03-05 20:00:00' });
	});

	it('the words of rules 10 read as before, and a time of no hour stays an error', () => {
		expect(opened('2024年3月5日 晚上8点')).toEqual({ value: '2024-03-05 20:00:00' });
		expect(opened('2024年3月5日 凌晨2点')).toEqual({ value: '2024-03-05 02:00:00' });
		expect(codes(opened('2024年3月5日 早上'))).toEqual(['bad_timestamp']);
		expect(codes(opened('2024年3月5日 8点二刻'))).toEqual(['bad_timestamp']);
	});
});

describe('a quarter in Roman numerals, and a quarter that says 季度 twice', () => {
	const period = (cell: string) => read('scores', 'period', cell);
	it.each([
		['2025年第Ⅲ季度', '2025Q3'],
		['2025年Ⅳ季度', '2025Q4'],
		['2025年第I季度', '2025Q1'],
		['2025年第II季度', '2025Q2'],
		['2025Q3季度', '2025Q3'],
		['2025年Q1季度', '2025Q1']
	])('%s is %s', (cell, expected) => {
		expect(period(cell)).toEqual({ value: expected });
	});

	it('a fifth quarter, or a season, is no period', () => {
		expect(codes(period('2025年第Ⅴ季度'))).toEqual(['bad_period']);
		expect(codes(period('2025年秋季'))).toEqual(['bad_period']);
	});
});

describe('w and k typed for 万 and 千', () => {
	it('areas, households and money read them, and say so', () => {
		expect(read('estates', 'chargeable_area_m2', '3.2w㎡')).toEqual({ value: 32000, warnings: [{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 32000 } }] });
		expect(read('estates', 'chargeable_area_m2', '3.2W')).toEqual({ value: 32000, warnings: [{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 32000 } }] });
		expect(read('estates', 'households', '1.2k户')).toEqual({ value: 1200, warnings: [{ code: 'letter_magnitude', params: { letter: 'k', word: '千', value: 1200 } }] });
		expect(read('fund_balances', 'balance_yuan', '12.5w元')).toEqual({ value: 125000, warnings: [{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 125000 } }] });
	});

	it('read within a range or an approximate figure, the letter is still said', () => {
		expect(read('estates', 'chargeable_area_m2', '约3.2w㎡')).toEqual({
			value: 32000,
			warnings: [{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 32000 } }, { code: 'approximate', params: { value: 32000 } }]
		});
		expect(read('estates', 'chargeable_area_m2', '3w-4w㎡')).toEqual({
			value: 35000,
			warnings: [
				{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 30000 } },
				{ code: 'letter_magnitude', params: { letter: 'w', word: '万', value: 40000 } },
				{ code: 'range_midpoint', params: { low: 30000, high: 40000, mid: 35000 } }
			]
		});
	});

	it('a unit of its own stays a unit, and scores and years take no magnitude', () => {
		expect(codes(read('estates', 'chargeable_area_m2', '32kg'))).toEqual(['unknown_unit']);
		expect(read('facilities', 'quantity', '2km')).toEqual({ value: 2000 });
		expect(codes(read('scores', 'score', '8.5w'))).toEqual(['unknown_unit']);
		expect(codes(read('estates', 'build_year', '2k'))).toEqual(['unknown_unit']);
	});
});

describe('a negative sum as accounts write it', () => {
	it('in brackets, with the minus after it, or after △ or ▲, in a column of money', () => {
		expect(read('fund_balances', 'balance_yuan', '(1,200)')).toEqual({ value: -1200, warnings: [{ code: 'accounting_negative', params: { value: -1200 } }] });
		expect(read('fund_balances', 'balance_yuan', '（1,200.50）')).toEqual({ value: -1200.5, warnings: [{ code: 'accounting_negative', params: { value: -1200.5 } }] });
		expect(read('fund_balances', 'balance_yuan', '1,200.50-')).toEqual({ value: -1200.5, warnings: [{ code: 'accounting_negative', params: { value: -1200.5 } }] });
		expect(read('fund_balances', 'balance_yuan', '△1200')).toEqual({ value: -1200, warnings: [{ code: 'accounting_negative', params: { value: -1200 } }] });
		expect(read('costs', 'amount_yuan', '▲3.5万元')).toEqual({ value: -35000, warnings: [{ code: 'accounting_negative', params: { value: -35000 } }] });
		expect(read('fund_balances', 'balance_yuan', '-1,200')).toEqual({ value: -1200 });
	});

	it("under a header in 万元 the bracketed figure is in 万元 too", () => {
		expect(read('fund_balances', 'balance_yuan', '(12.5)', '资金余额（万元）')).toEqual({
			value: -125000,
			warnings: [{ code: 'accounting_negative', params: { value: -125000 } }]
		});
	});

	it('households and areas are never negative that way', () => {
		expect(codes(read('estates', 'households', '(568)'))).toEqual(['not_a_number']);
		expect(codes(read('estates', 'chargeable_area_m2', '32000-'))).toEqual(['unknown_unit']);
	});
});

describe('a sum or a range where one figure is needed', () => {
	it('a sum is an error that gives its total', () => {
		expect(read('estates', 'households', '568+20')).toEqual({ error: { code: 'sum_written', params: { text: '568+20', total: 588 } } });
		expect(read('estates', 'households', '568户＋20户')).toEqual({ error: { code: 'sum_written', params: { text: '568户+20户', total: 588 } } });
		expect(read('estates', 'chargeable_area_m2', '3万+2000')).toEqual({ error: { code: 'sum_written', params: { text: '3万+2000', total: 32000 } } });
	});

	it('a range is an error that names its ends, in households and in a vote', () => {
		expect(read('estates', 'households', '500-600户')).toEqual({ error: { code: 'range_not_one', params: { low: 500, high: 600 } } });
		expect(read('votes', 'owners_yes', '600~700')).toEqual({ error: { code: 'range_not_one', params: { low: 600, high: 700 } } });
	});

	it('where a range is read, it is still its midpoint', () => {
		expect(read('estates', 'chargeable_area_m2', '3万-4万')).toEqual({ value: 35000, warnings: [{ code: 'range_midpoint', params: { low: 30000, high: 40000, mid: 35000 } }] });
	});
});

describe('a year with 前后, 以前 or two event words', () => {
	const year = (cell: string) => read('estates', 'build_year', cell);
	it.each([
		['1998年前后', 1998],
		['1998年以前', 1998],
		['1998年之前', 1998],
		['2000年以后建成', 2000],
		['2000年后', 2000],
		['98年前后', 1998]
	])('%s is about %i', (cell, y) => {
		const r = year(cell);
		expect('value' in r && r.value).toBe(y);
		expect(codes(r)).toContain('approximate');
	});

	it('1998年竣工交付 is 1998, and 上世纪90年代 is a decade', () => {
		expect(year('1998年竣工交付')).toEqual({ value: 1998 });
		expect(codes(year('上世纪90年代'))).toEqual(['year_is_decade']);
	});
});

describe('a rate or a fee written approximately, and a fee typed with 。', () => {
	const rate = (cell: string) => read('fees', 'collection_rate', cell);
	const fee = (cell: string) => read('fees', 'fee', cell);
	it('rates', () => {
		expect(rate('85%左右')).toEqual({ value: 0.85, warnings: [{ code: 'approximate', params: { value: '85%' } }] });
		expect(rate('95%以上')).toEqual({ value: 0.95, warnings: [{ code: 'approximate', params: { value: '95%' } }] });
		expect(rate('85%（预计）')).toEqual({ value: 0.85, warnings: [{ code: 'note_ignored', params: { note: '预计' } }] });
		expect(rate('85%，预计')).toEqual({ value: 0.85, warnings: [{ code: 'note_ignored', params: { note: '预计' } }] });
		expect(codes(rate('105%左右'))).toEqual(['rate_out_of_range']);
	});

	it('fees', () => {
		expect(fee('约1.65元/㎡·月')).toEqual({ value: { fee: 1.65, unit: 'per_m2_month' }, warnings: [{ code: 'approximate', params: { value: 1.65 } }] });
		expect(fee('2元/㎡·月左右')).toEqual({ value: { fee: 2, unit: 'per_m2_month' }, warnings: [{ code: 'approximate', params: { value: 2 } }] });
		// A yearly fee said approximately: made monthly (19.8 / 12 = 1.65), and both said.
		expect(fee('约19.8元/㎡·年')).toEqual({
			value: { fee: 1.65, unit: 'per_m2_month' },
			warnings: [{ code: 'fee_per_year', params: { from: 19.8, to: 1.65 } }, { code: 'approximate', params: { value: 1.65 } }]
		});
		expect(fee('1.65元/㎡。月')).toEqual({ value: { fee: 1.65, unit: 'per_m2_month' } });
		expect(fee('每月1.65元/㎡')).toEqual({ value: { fee: 1.65, unit: 'per_m2_month' } });
		expect(fee('每月80元/户')).toEqual({ value: { fee: 80, unit: 'per_household_month' } });
		expect(codes(fee('约面议'))).toEqual(['fee_not_stated']);
		expect(codes(fee('多层约1.2元，高层约2.0元'))).toEqual(['several_fees']);
	});
});

describe('a period with words around it', () => {
	const period = (cell: string) => read('scores', 'period', cell);
	it('the assessment named after it, and a note in brackets that agrees, are read', () => {
		expect(period('2025年第三季度考核')).toEqual({ value: '2025Q3' });
		expect(period('2025年度第二季度评分')).toEqual({ value: '2025Q2' });
		expect(period('2025年第三季度（7-9月）')).toEqual({ value: '2025Q3' });
		expect(period('2025Q3(2025.07-2025.09)')).toEqual({ value: '2025Q3' });
		expect(period('2025年3月（复核）')).toEqual({ value: '2025-03', warnings: [{ code: 'note_ignored', params: { note: '复核' } }] });
	});

	it('a note naming another period is an error naming both', () => {
		expect(period('2025年第三季度（4-6月）')).toEqual({ error: { code: 'period_note_disagrees', params: { period: '2025Q3', notePeriod: '2025Q2', note: '4-6月' } } });
		expect(period('2025年7月（第三季度）')).toEqual({ error: { code: 'period_note_disagrees', params: { period: '2025-07', notePeriod: '2025Q3', note: '第三季度' } } });
	});
});

describe('a yes or a no ticked after the word', () => {
	const lift = (cell: string) => read('estates', 'has_elevator', cell);
	it.each([
		['有√ 无', true, '有'],
		['有（√）无（）', true, '有'],
		['有（）无（√）', false, '无'],
		['是 否√', false, '否'],
		['有[✓] 无[ ]', true, '有'],
		['是√', true, '是']
	])('%s is %s', (cell, value, word) => {
		expect(lift(cell)).toEqual({ value, warnings: [{ code: 'yes_no_ticked', params: { word } }] });
	});

	it('two ticks, a tick between two words without a space, or a word that is no answer, stay errors', () => {
		for (const cell of ['有√ 无√', '有√无', '有√ 可能']) expect(codes(lift(cell))).toEqual(['bad_boolean']);
		// The boxes before the words read as before, without a note.
		expect(lift('☑有 ☐无')).toEqual({ value: true });
	});
});

describe("a facility's name beside its quantity, and a score over its full marks", () => {
	const quantity = (cell: string) => read('facilities', 'quantity', cell);
	it('the quantity is read with its measure word, and the name said', () => {
		expect(quantity('2部电梯')).toEqual({ value: 2, warnings: [{ code: 'quantity_object', params: { name: '电梯', value: 2 } }] });
		expect(quantity('电梯2部')).toEqual({ value: 2, warnings: [{ code: 'quantity_object', params: { name: '电梯', value: 2 } }] });
		expect(quantity('外墙1,200㎡')).toEqual({ value: 1200, warnings: [{ code: 'quantity_object', params: { name: '外墙', value: 1200 } }] });
		expect(quantity('排水管1.2公里')).toEqual({ value: 1200, warnings: [{ code: 'quantity_object', params: { name: '排水管', value: 1200 } }] });
		expect(codes(quantity('水箱2'))).toEqual(['not_a_number']);
		expect(codes(quantity('2部电梯3部扶梯'))).toEqual(['not_a_number']);
	});

	it('a score over its full marks is that share of 100', () => {
		const score = (cell: string, header = '') => read('scores', 'score', cell, header);
		expect(score('8.5/10')).toEqual({ value: 85, warnings: [{ code: 'score_of_full_marks', params: { text: '8.5/10', full: 10, value: 85 } }] });
		expect(score('17/20分')).toEqual({ value: 85, warnings: [{ code: 'score_of_full_marks', params: { text: '17/20分', full: 20, value: 85 } }] });
		// Its own full marks win over the header's: 8.5/10 under 保洁（10分） is 85, not 850.
		expect(score('8.5/10', '保洁（10分）')).toEqual({ value: 85, warnings: [{ code: 'score_of_full_marks', params: { text: '8.5/10', full: 10, value: 85 } }] });
		expect(codes(score('11/10'))).toEqual(['not_a_number']);
		expect(codes(score('3/0'))).toEqual(['not_a_number']);
	});
});

describe('ballots and answer sheets count owners and respondents', () => {
	it('1160票, 120份 and 85张 are counts', () => {
		expect(read('votes', 'owners_yes', '1160票')).toEqual({ value: 1160 });
		expect(read('survey_counts', 'count', '120份')).toEqual({ value: 120 });
		expect(read('votes', 'owners_participating', '1,495张')).toEqual({ value: 1495 });
		// Not in an area: 票 counts people, not square metres.
		expect(codes(read('votes', 'area_yes_m2', '1160票'))).toEqual(['unknown_unit']);
	});

	it('a period with a note or an assessment name, a year with 前后, stored before rules 11: refused as then, except what was read', () => {
		const meta = (dataset: DatasetId, name: string) => (DATASETS[dataset].columns as readonly ColumnMeta[]).find((c) => c.name === name)!;
		const period = valuesBeforeRules11(meta('scores', 'period'), columnNormaliser('scores', 'period'));
		for (const cell of ['2025Q3(7-9月)', '2025年第三季度（7-9月）', '2025年第三季度考核', '2025年第Ⅲ季度', '2025Q3季度']) expect(period(cell), cell).toEqual({ error: { code: 'bad_period' } });
		expect(period('2025年第三季度')).toEqual({ value: '2025Q3' });
		const year = valuesBeforeRules11(meta('estates', 'build_year'), columnNormaliser('estates', 'build_year'));
		expect(year('1998年前后')).toEqual({ error: { code: 'not_a_number' } });
		expect(year('1998年竣工交付')).toEqual({ error: { code: 'not_a_number' } });
		// '98年前后' was read as 1998 by the two-digit year's rule then, and still is (now said to be approximate).
		expect(year('98年前后')).toMatchObject({ value: 1998 });
		expect(year('1998年建成')).toEqual({ value: 1998 });
		// 起执行 was taken off whole then: a date from which a fee runs gave its year, and still does.
		expect(year('2021年7月1日起执行')).toMatchObject({ value: 2021 });
	});

	it('stored before reading rules 11, they are refused as then, and plain counts read as ever', () => {
		const column = (DATASETS.votes.columns as readonly ColumnMeta[]).find((c) => c.name === 'owners_yes')!;
		const then = valuesBeforeRules11(column, columnNormaliser('votes', 'owners_yes'));
		expect(then('1160票')).toEqual({ error: { code: 'not_a_number' } });
		expect(then('1160人')).toEqual({ value: 1160 });
	});
});

describe('files stored before reading rules 11 replay as they were read then', () => {
	const errors = (p: Awaited<ReturnType<typeof prepareImport>>) => p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code, x.value]);
	const column = (p: Awaited<ReturnType<typeof prepareImport>>, dataset: DatasetId, name: string) => p.columns[(DATASETS[dataset].columns as readonly { name: string }[]).findIndex((c) => c.name === name)];

	it('a fee sheet in GBK', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '年度', '物业费', '收缴率'],
			['E1', 2024, '约1.65元/㎡·月', '85%左右'],
			['E2', 2024, '1.80元/㎡。月', '95%'],
			['E3', 2024, '2.00', '90%']
		];
		const bytes = gbk(csvText(rows));
		const now = await prepareImport({ name: '收费.csv', bytes });
		expect(errors(now)).toEqual([]);
		expect(column(now, 'fees', 'fee')).toEqual([1.65, 1.8, 2]);
		expect(READ_RULES).toBeGreaterThanOrEqual(11);
		const then = await replayedUnder('收费.csv', bytes, 'fees', 10);
		expect(errors(then)).toEqual([
			[2, 'not_a_number', '约1.65元/㎡·月'],
			[2, 'not_a_number', '85%左右'],
			[3, 'not_a_number', '1.80元/㎡。月']
		]);
		expect(column(then, 'fees', 'fee')).toEqual([null, null, 2]);
	});

	it('a ticket ledger and an estates register', async () => {
		const tickets = gbk(
			csvText([
				['工单编号', '小区编号', '类别', '报修时间', '完成时间'],
				['T1', 'E1', '报修', '2024年3月5日 早上8点', '2024年3月5日 下午3点半'],
				['T2', 'E1', '报修', '2024年3月6日 9:00', '2024年3月6日 11:00']
			])
		);
		const now = await prepareImport({ name: '工单.csv', bytes: tickets }, { dataset: 'tickets' });
		expect(errors(now)).toEqual([]);
		expect(column(now, 'tickets', 'opened_at')).toEqual(['2024-03-05 08:00:00', '2024-03-06 09:00:00']);
		expect(column(now, 'tickets', 'closed_at')).toEqual(['2024-03-05 15:30:00', '2024-03-06 11:00:00']);
		const then = await replayedUnder('工单.csv', tickets, 'tickets', 10);
		expect(errors(then).map((e) => e.slice(0, 2))).toEqual([
			[2, 'bad_timestamp'],
			[2, 'bad_timestamp']
		]);

		const register = gbk(
			csvText([
				['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '建成年份', '收费面积', '总户数', '有无电梯', '收费方式'],
				['E1', '梅园', '金桥街道', '商品房', '高层', '1998年前后', '3.2w㎡', '600户', '有', '市场调节价'],
				['E2', '兰园', '金桥街道', '商品房', '多层', '1995年', '2.8万㎡', '1.2k户', '无', '市场调节价'],
				['E3', '竹园', '金桥街道', '商品房', '高层', '2001年', '5万㎡', '568+20', '有', '市场调节价']
			])
		);
		const reg = await prepareImport({ name: '名册.csv', bytes: register });
		expect(errors(reg)).toEqual([[4, 'sum_written', '568+20']]);
		expect(column(reg, 'estates', 'chargeable_area_m2').slice(0, 2)).toEqual([32000, 28000]);
		expect(column(reg, 'estates', 'households').slice(0, 2)).toEqual([600, 1200]);
		const regThen = await replayedUnder('名册.csv', register, 'estates', 10);
		expect(errors(regThen)).toEqual([
			[2, 'not_a_number', '1998年前后'],
			[2, 'not_a_number', '3.2w㎡'],
			[3, 'not_a_number', '1.2k户'],
			[4, 'sum_written', '568+20']
		]);
	});

	it('a wide score sheet and a facilities ledger', async () => {
		const sheet = gbk(csvText([['小区编号', '考核期间', '保洁', '绿化'], ['LJ1', '2026年第一季度考核', '8.5/10', 90], ['LJ2', '2026Q1', 85, '9/10']]));
		const now = await prepareImport({ name: '考评.csv', bytes: sheet });
		expect(now.dataset).toBe('scores');
		expect(errors(now)).toEqual([]);
		expect(column(now, 'scores', 'score')).toEqual([85, 90, 85, 90]);
		expect(column(now, 'scores', 'period')).toEqual(['2026Q1', '2026Q1', '2026Q1', '2026Q1']);
		const then = await replayedUnder('考评.csv', sheet, 'scores', 10);
		expect(errors(then).map((e) => e.slice(0, 2))).toEqual([
			[2, 'bad_period'],
			[2, 'not_a_number'],
			[3, 'not_a_number']
		]);

		const ledger = gbk(csvText([['小区编号', '设施', '数量', '安装年份'], ['LJ1', '电梯', '2部电梯', 2010], ['LJ1', '外墙', '1,200㎡', 2005], ['LJ2', '屋面', '2部电梯', 2008]]));
		const led = await prepareImport({ name: '设施.csv', bytes: ledger });
		expect(led.dataset).toBe('facilities');
		// Lifts counted on a roof: the measure word beside the name is checked against the facility as before.
		expect(errors(led).map((e) => e.slice(0, 2))).toEqual([[4, 'quantity_unit_mismatch']]);
		expect(column(led, 'facilities', 'quantity').slice(0, 2)).toEqual([2, 1200]);
		const ledThen = await replayedUnder('设施.csv', ledger, 'facilities', 10);
		expect(errors(ledThen).map((e) => e.slice(0, 2))).toEqual([
			[2, 'not_a_number'],
			[4, 'not_a_number']
		]);
	});
});
