/**
 * Figures as people say and type them (reading rules 10, docs/sources.md §18.4): 一千二 is 1,200, digits with units
 * between them (3万2千, 2千5百, 1万零500), 千 or 百 before a unit (1.2千户), and a fee said in 块 and 毛 (一块二 is
 * 1.2 元). Values worked by hand from the text.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/lib/data/datasets';
import { chineseNumber, mixedFigure } from '../../../src/lib/domain/chinese-numbers';
import { prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { columnNormaliser, figuresBeforeRules10, parseNumber } from '../../../src/lib/import/values';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';
import { replayedUnder } from './replay';

describe('a last Chinese digit right after 百, 千, 万 or 亿', () => {
	it.each([
		['一千二', 1200],
		['三百五', 350],
		['两万五', 25000],
		['一万二', 12000],
		['三万五千二', 35200],
		['一亿二', 120000000]
	])('%s counts in the next unit down: %d', (t, n) => expect(chineseNumber(t)).toBe(n));

	it.each([
		['一千零二', 1002],
		['一百零五', 105],
		['二十五', 25],
		['十二', 12],
		['一千零一十', 1010],
		['二十万零三百', 200300]
	])('after 零, or after 十, it is ones: %s is %d', (t, n) => expect(chineseNumber(t)).toBe(n));
});

describe('digits with Chinese units between them', () => {
	it.each([
		['3万2千', 32000, ''],
		['5万9千元', 59000, '元'],
		['2千5百户', 2500, '户'],
		['1万零500', 10500, ''],
		['3万2千5百平米', 32500, '平米'],
		['3万2', 32000, ''],
		['2千5', 2500, ''],
		['1万5000', 15000, ''],
		['3千2百万元', 32000000, '元']
	])('%s is %d, then %j', (t, n, rest) => expect(mixedFigure(t)).toEqual({ n, rest }));

	it.each(['3.2万', '1200', '1万20000', '12千3', '3万25百', '万2千', '3万2千万'])('%s is not one', (t) => expect(mixedFigure(t)).toBeUndefined());
});

describe('figures in columns', () => {
	const households = columnNormaliser('estates', 'households');
	const area = columnNormaliser('estates', 'chargeable_area_m2');
	const amount = columnNormaliser('costs', 'amount_yuan');

	it('千 and 百 before a unit word, or alone, in a column of amounts', () => {
		expect(households('1.2千户')).toEqual({ value: 1200 });
		expect(households('5百户')).toEqual({ value: 500 });
		expect(households('2千5百户')).toEqual({ value: 2500 });
		expect(households('一千二户')).toEqual({ value: 1200 });
		expect(area('3万2千平方米')).toEqual({ value: 32000 });
		expect(area('１万２千５百㎡')).toEqual({ value: 12500 });
		expect(amount('5万9千元')).toEqual({ value: 59000 });
		expect(amount('1.5千元')).toEqual({ value: 1500 });
		expect(amount('一千二元')).toEqual({ value: 1200 });
	});

	it('a cell that names its magnitude is not scaled again by the header (面积（万㎡）)', () => {
		expect(columnNormaliser('estates', 'chargeable_area_m2', '收费面积（万㎡）')('3万2千')).toEqual({ value: 32000 });
		expect(columnNormaliser('estates', 'chargeable_area_m2', '收费面积（万㎡）')('3.2')).toEqual({ value: 32000 });
	});

	it('approximate and noted figures say so; a note after the unit is said, not swallowed', () => {
		expect(area('约3万2千平米')).toEqual({ value: 32000, warnings: [{ code: 'approximate', params: { value: 32000 } }] });
		expect(area('32000㎡（含车库）')).toEqual({ value: 32000, warnings: [{ code: 'note_ignored', params: { note: '含车库' } }] });
		expect(area('3万2千平米（含车库）')).toEqual({ value: 32000, warnings: [{ code: 'note_ignored', params: { note: '含车库' } }] });
	});

	it('not in a score, and not with a unit of another measure', () => {
		expect(parseNumber('3万2千', { unit: '分' })).toEqual({ error: { code: 'not_a_number' } });
		expect(households('3万2千平米')).toEqual({ error: { code: 'unknown_unit', params: { unit: '平米' } } });
		expect(households('1万20000户')).toEqual({ error: { code: 'not_a_number' } });
	});

	it('what was read before reads as it did: 千米 is a length, 3.2万㎡ an area', () => {
		expect(parseNumber('3千米', { unit: 'quantity' })).toEqual({ value: 3000 });
		expect(parseNumber('5百米', { unit: 'quantity' })).toEqual({ value: 500 });
		expect(area('3.2万㎡')).toEqual({ value: 32000 });
	});
});

describe('an estates register in GBK whose areas and households are written as said', () => {
	const rows: FixtureCell[][] = [
		['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '收费面积', '总户数', '有无电梯', '收费方式'],
		['E1', '梅园', '金桥街道', '商品房', '高层', '5万平方米', '600户', '有', '市场调节价'],
		['E2', '兰园', '金桥街道', '商品房', '多层', '3万2千平方米', '1.2千户', '无', '市场调节价'],
		['E3', '竹园', '金桥街道', '商品房', '高层', '3千米', '一千二户', '有', '市场调节价'],
		['E4', '菊园', '金桥街道', '商品房', '高层', '2万8千平方米', '3千3百户', '有', '市场调节价']
	];
	const bytes = () => gbk(csvText(rows));
	type Prepared = Awaited<ReturnType<typeof prepareImport>>;
	const col = (p: Prepared, name: string) => p.columns[(DATASETS.estates.columns as readonly { name: string }[]).findIndex((c) => c.name === name)];
	const errors = (p: Prepared) => p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code, x.value]);

	it('every figure reads; a length in the area column is still an error', async () => {
		const p = await prepareImport({ name: '小区名册.csv', bytes: bytes() });
		expect(errors(p)).toEqual([[4, 'unknown_unit', '3千米']]);
	});

	it('stored before reading rules 10, the file replays as it was read then: the new figures are errors, 一千二 is 1,002', async () => {
		const then = await replayedUnder('小区名册.csv', bytes(), 'estates', 9);
		expect(errors(then)).toEqual([
			[3, 'not_a_number', '3万2千平方米'],
			[3, 'not_a_number', '1.2千户'],
			[4, 'unknown_unit', '3千米'],
			[5, 'not_a_number', '2万8千平方米'],
			[5, 'not_a_number', '3千3百户']
		]);
		expect(col(then, 'households').slice(0, 3)).toEqual([600, null, 1002]);
		expect(READ_RULES).toBeGreaterThanOrEqual(10);
		const now = await replayedUnder('小区名册.csv', bytes(), 'estates', READ_RULES);
		expect(col(now, 'households')).toEqual([600, 1200, 1200, 3300]);
		expect(col(now, 'chargeable_area_m2')).toEqual([50000, 32000, null, 28000]);
	});
});

describe('a fee as it is said: a last digit after 元 or 角 without its coin', () => {
	const fee = columnNormaliser('fees', 'fee');
	it.each([
		['一块二', 1.2],
		['两块五', 2.5],
		['1块2', 1.2],
		['1元2', 1.2],
		['一块二毛五', 1.25],
		['1块2毛5', 1.25]
	])('%s is %d 元', (t, n) => expect(fee(t)).toEqual({ value: { fee: n, unit: null } }));

	it('with its unit, in front or behind; 分 written out still counts in 分', () => {
		expect(fee('每平米一块二')).toEqual({ value: { fee: 1.2, unit: 'per_m2_month' } });
		expect(fee('一块二/平方米·月')).toEqual({ value: { fee: 1.2, unit: 'per_m2_month' } });
		expect(fee('2元5分')).toEqual({ value: { fee: 2.05, unit: null } });
		expect(fee('1元5角5分')).toEqual({ value: { fee: 1.55, unit: null } });
	});

	it('two digits after 元 are not a said 角: 1元20 stays an error', () => {
		expect('error' in fee('1元20')).toBe(true);
	});

	it('stored before reading rules 10, a said fee is refused as it was then; a written one reads as before', () => {
		const then = figuresBeforeRules10(fee);
		expect(then('一块二')).toEqual({ error: { code: 'not_a_number' } });
		expect(then('1块2毛5')).toEqual({ error: { code: 'not_a_number' } });
		expect(then('一元二角')).toEqual({ value: { fee: 1.2, unit: null } });
		expect(then('2元5分')).toEqual({ value: { fee: 2.05, unit: null } });
		const amount = figuresBeforeRules10(columnNormaliser('costs', 'amount_yuan'));
		expect(amount('一千二元')).toEqual({ value: 1002 });
		expect(amount('1200元5角')).toEqual({ value: 1200.5 });
	});
});

describe('a figure not known yet (待查, 未统计)', () => {
	const said = (text: string) => [{ code: 'figure_not_known', params: { text } }];
	it('is no value, said', () => {
		expect(columnNormaliser('estates', 'build_year')('待查')).toEqual({ value: null, warnings: said('待查') });
		expect(columnNormaliser('estates', 'households')('未统计')).toEqual({ value: null, warnings: said('未统计') });
		expect(columnNormaliser('costs', 'amount_yuan')(' 待核实 ')).toEqual({ value: null, warnings: said('待核实') });
		// Not a word for "not known": still an error.
		expect(columnNormaliser('estates', 'households')('待查询中')).toEqual({ error: { code: 'not_a_number' } });
	});

	it('an optional column keeps its row, a required one reports it empty; stored before rules 10, both were errors', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '建成年份', '收费面积', '总户数', '有无电梯', '收费方式'],
			['E1', '梅园', '金桥街道', '商品房', '高层', '待查', 50000, 600, '有', '市场调节价'],
			['E2', '兰园', '金桥街道', '商品房', '多层', 1998, 40000, '未统计', '无', '市场调节价']
		];
		const bytes = gbk(csvText(rows));
		const p = await prepareImport({ name: '名册.csv', bytes });
		const problems = (x: Awaited<ReturnType<typeof prepareImport>>) => x.problems.filter((q) => q.row !== null).map((q) => [q.row, q.code, q.severity]);
		expect(problems(p)).toEqual([
			[2, 'figure_not_known', 'warning'],
			[3, 'figure_not_known_required', 'error']
		]);
		expect([...p.invalid.slice(0, 2)]).toEqual([0, 1]);
		const then = await replayedUnder('名册.csv', bytes, 'estates', 9);
		expect(problems(then)).toEqual([
			[2, 'not_a_number', 'error'],
			[3, 'not_a_number', 'error']
		]);
	});

	it('in a wide score sheet it is no score, as an empty cell', async () => {
		const p = await prepareImport({ name: 's.csv', bytes: new TextEncoder().encode('小区编号,考核期,保洁,绿化\nLJ1,2026Q1,80,待查\nLJ2,2026Q1,85,90\n') });
		expect(p.dataset).toBe('scores');
		expect(p.rowCount).toBe(3);
		expect(p.problems.map((q) => [q.row, q.column, q.code, q.severity])).toEqual([[2, '绿化', 'figure_not_known', 'warning']]);
	});
});

describe('a fee or figure as keyboards and ledgers add to it', () => {
	const fee = columnNormaliser('fees', 'fee');
	const m2 = { unit: 'per_m2_month' };
	const note = (n: string) => [{ code: 'note_ignored', params: { note: n } }];
	it('the middle dot typed as •, ∙, ⋅, ・ or *, and the unit in brackets', () => {
		for (const t of ['1.2元/㎡•月', '1.2元／㎡∙月', '1.2元/㎡⋅月', '1.2元/平方米・月', '1.2元/平方米*月', '1.2元/(㎡·月)', '1.2元/（平方米·月）']) expect(fee(t), t).toEqual({ value: { fee: 1.2, ...m2 } });
	});

	it('a remark after the fee or the figure, in brackets or after a comma, is said; a second amount is not a remark', () => {
		expect(fee('1.2元/㎡·月（含税）')).toEqual({ value: { fee: 1.2, ...m2 }, warnings: note('含税') });
		expect(fee('1.2元/平方米·月，车位另计')).toEqual({ value: { fee: 1.2, ...m2 }, warnings: note('车位另计') });
		expect(fee('多层1.2元，高层2.0元')).toEqual({ error: { code: 'several_fees', params: { count: 2 } } });
		const area = columnNormaliser('estates', 'chargeable_area_m2');
		expect(area('3.2万㎡，含地下车库')).toEqual({ value: 32000, warnings: note('含地下车库') });
		expect(area('1,200㎡')).toEqual({ value: 1200 });
		expect('error' in area('3.2万㎡，另1200㎡车库')).toBe(true);
		// A remark with a figure in Chinese numerals is no mere remark either.
		expect('error' in columnNormaliser('estates', 'build_year')('2005年，二〇〇八年二期')).toBe(true);
	});

	it('a comparison before a figure is an approximate figure; a vote needs the exact one', () => {
		expect(columnNormaliser('estates', 'households')('>600户')).toEqual({ value: 600, warnings: [{ code: 'approximate', params: { value: 600 } }] });
		expect(columnNormaliser('estates', 'households')('≥600')).toEqual({ value: 600, warnings: [{ code: 'approximate', params: { value: 600 } }] });
		// A rate says so too, in the rate as written (the number reader's note was dropped before).
		const rate = columnNormaliser('fees', 'collection_rate');
		expect(rate('>95%')).toEqual({ value: 0.95, warnings: [{ code: 'approximate', params: { value: '95%' } }] });
		expect(rate('约85%')).toEqual({ value: 0.85, warnings: [{ code: 'approximate', params: { value: '85%' } }] });
		expect(rate('约0.85')).toEqual({ value: 0.85, warnings: [{ code: 'approximate', params: { value: 0.85 } }] });
		expect(rate('95%')).toEqual({ value: 0.95 });
	});

	it('stored before reading rules 10, each was refused as it was then; a note in brackets read then reads the same', () => {
		const then = figuresBeforeRules10(fee);
		for (const t of ['1.2元/㎡•月', '1.2元/(㎡·月)', '1.2元/平方米·月，车位另计']) expect(then(t), t).toEqual({ error: { code: 'not_a_number' } });
		expect(then('1.2元/㎡·月（含税）')).toEqual({ value: { fee: 1.2, ...m2 }, warnings: note('含税') });
		const households = figuresBeforeRules10(columnNormaliser('estates', 'households'));
		expect(households('>600户')).toEqual({ error: { code: 'not_a_number' } });
		expect(households('约600户')).toEqual({ value: 600, warnings: [{ code: 'approximate', params: { value: 600 } }] });
	});
});
