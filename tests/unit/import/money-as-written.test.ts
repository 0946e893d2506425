/**
 * Money as receipts, contracts and fund notices write it (the financial capitals 壹贰叁, 人民币…元整, 元角分), and yes/no
 * answers copied from a printed form (■, □, ☑有 ☐无). Values worked by hand from the cells; docs/sources.md §18.4.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/lib/data/datasets';
import { chineseNumber, commonNumerals } from '../../../src/lib/domain/chinese-numbers';
import { inspectFile, prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { parseBoolean, parseFee, parseNumber } from '../../../src/lib/import/values';
import { storedConversions } from '../../../src/lib/workspace/rebuild';
import { storedFileSchema } from '../../../src/lib/workspace/workspace-file';
import { csvText, gbk, workbook, type FixtureCell } from '../../fixtures/import-files';

type Prepared = Awaited<ReturnType<typeof prepareImport>>;
const column = (p: Prepared, dataset: 'facilities' | 'estates', name: string) =>
	p.columns[(DATASETS[dataset].columns as readonly { name: string }[]).findIndex((c) => c.name === name)];
const errorRows = (p: Prepared) => p.problems.filter((x) => x.severity === 'error').map((x) => x.row);

describe('the financial capitals', () => {
	it('are the common numerals: 壹仟贰佰 is 1,200, 叁拾伍萬 is 350,000, 拾贰 is 12', () => {
		expect(commonNumerals('壹仟贰佰元整')).toBe('一千二百元整');
		expect(chineseNumber(commonNumerals('壹仟贰佰'))).toBe(1200);
		expect(chineseNumber(commonNumerals('叁拾伍萬'))).toBe(350000);
		expect(chineseNumber(commonNumerals('拾贰'))).toBe(12);
		// Other text is left as it is: 陆家嘴 is a name.
		expect(commonNumerals('翠苑一区')).toBe('翠苑一区');
	});

	it('a sum of money as a receipt writes it: 人民币, 圆, 整, and 角 and 分 after 元', () => {
		const money = (text: string) => parseNumber(text, { unit: '元' });
		expect(money('人民币壹仟贰佰元整')).toEqual({ value: 1200 });
		expect(money('叁拾伍万元整')).toEqual({ value: 350000 });
		expect(money('壹佰贰拾圆')).toEqual({ value: 120 });
		// 1,200 元 and 5 角 (0.5 元), in words and in figures.
		expect(money('壹仟贰佰元伍角')).toEqual({ value: 1200.5 });
		expect(money('1200元5角')).toEqual({ value: 1200.5 });
		expect(money('1200元整')).toEqual({ value: 1200 });
		// A figure that is not money still reads the capitals (捌拾伍 is 85), but 整 is no word of a score.
		expect(parseNumber('捌拾伍', { unit: '分' })).toEqual({ value: 85 });
		expect('error' in parseNumber('85整', { unit: '分' })).toBe(true);
	});

	it('a fee in capitals: 壹元伍角 is 1.5 元, 每平方米每月壹元贰角伍分 is 1 + 0.2 + 0.05 = 1.25 元/㎡·月', () => {
		expect(parseFee('壹元伍角')).toEqual({ value: { fee: 1.5, unit: null } });
		expect(parseFee('每平方米每月壹元贰角伍分')).toEqual({ value: { fee: 1.25, unit: 'per_m2_month' } });
		expect(parseFee('收费标准：人民币壹元伍角/平方米·月')).toEqual({ value: { fee: 1.5, unit: 'per_m2_month' } });
		expect(parseFee('1.5圆/平方米/月')).toEqual({ value: { fee: 1.5, unit: 'per_m2_month' } });
	});
});

describe("a printed form's boxes", () => {
	it('■ alone is yes, □ and ☐ alone are no; a ticked word among the choices is that word', () => {
		expect(parseBoolean('■')).toEqual({ value: true });
		expect(parseBoolean('□')).toEqual({ value: false });
		expect(parseBoolean('☐')).toEqual({ value: false });
		expect(parseBoolean('☑有 ☐无')).toEqual({ value: true });
		expect(parseBoolean('□是 ■否')).toEqual({ value: false });
		expect(parseBoolean('☐有/☑无')).toEqual({ value: false });
		expect(parseBoolean('√有')).toEqual({ value: true });
	});

	it('two ticked, none ticked, or a ticked word that is no yes or no: an error, never a guess', () => {
		expect(parseBoolean('■是 ■否')).toEqual({ error: { code: 'bad_boolean' } });
		expect(parseBoolean('□是 □否')).toEqual({ error: { code: 'bad_boolean' } });
		expect(parseBoolean('☑部分 ☐全部')).toEqual({ error: { code: 'bad_boolean' } });
	});
});

describe('whole files', () => {
	const ledger: FixtureCell[][] = [
		['某小区共用设施设备台账'],
		['小区编号', '设施', '数量', '安装年份', '单价'],
		['LJ0001', '电梯', '2台', 2011, '叁拾伍万元/台'],
		['LJ0001', '屋面防水', '1,200㎡', 2012, '人民币壹佰贰拾元整'],
		['LJ0002', '外墙', '9000㎡', 2013, '捌拾元伍角'],
		['LJ0002', '排水管网', '800米', 2014, '600元/延米']
	];

	it('a GBK facilities ledger with unit costs in capitals: 350,000, 120, 80.5 and 600 元', async () => {
		const p = await prepareImport({ name: '设施台账.csv', bytes: gbk(csvText(ledger)) });
		expect(p.dataset).toBe('facilities');
		expect(errorRows(p)).toEqual([]);
		expect(column(p, 'facilities', 'unit_replacement_cost_yuan')).toEqual([350000, 120, 80.5, 600]);
		// Stored before reading rules 8, the three rows in capitals replay as the errors they were; 600元/延米 stays.
		const before = await prepareImport({ name: '设施台账.csv', bytes: gbk(csvText(ledger)) }, { valuesBeforeRules8: true });
		expect(errorRows(before)).toEqual([3, 4, 5]);
	});

	it('a workspace replays the ledger by the rules it was accepted under: rules 7 as the errors they were, rules 8 as read now', async () => {
		const ins = await inspectFile('设施台账.csv', gbk(csvText(ledger)));
		const stored = (rules: number) =>
			storedFileSchema.parse({ id: 'f1', name: '设施台账.csv', dataset: 'facilities', mode: 'append', options: { headerRow: 2, dropInvalid: true, rules }, rows: 4, addedAt: '2026-12-01T00:00:00.000Z' });
		const then = await prepareImport(ins.source, { dataset: 'facilities', ...storedConversions(stored(7), ins.headers) });
		expect(column(then, 'facilities', 'unit_replacement_cost_yuan').filter((v) => v !== null)).toEqual([600]);
		expect(READ_RULES).toBeGreaterThanOrEqual(8);
		const now = await prepareImport(ins.source, { dataset: 'facilities', ...storedConversions(stored(READ_RULES), ins.headers) });
		expect(column(now, 'facilities', 'unit_replacement_cost_yuan')).toEqual([350000, 120, 80.5, 600]);
	});

	it('an xlsx register whose 有无电梯 was copied from a form: ☑有 ☐无 is yes, □有 ■无 and □ are no', async () => {
		const rows: FixtureCell[][] = [
			['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '收费面积（㎡）', '总户数', '有无电梯', '收费方式'],
			['A001', '翠苑一区', '西湖街道', '商品房', '高层', 32000, 1234, '☑有 ☐无', '市场调节价'],
			['A002', '翠苑二区', '西湖街道', '安置房', '多层', 32000.5, 800, '□有 ■无', '政府指导价'],
			['A003', '文新花园', '西湖街道', '售后公房', '小高层', 45000, 1020, '□', '指导价'],
			['A004', '文新二园', '西湖街道', '售后公房', '高层', 41000, 980, '■', '指导价']
		];
		const bytes = workbook([{ name: '小区', rows }]);
		const p = await prepareImport({ name: '小区.xlsx', bytes });
		expect(p.dataset).toBe('estates');
		expect(errorRows(p)).toEqual([]);
		expect(column(p, 'estates', 'has_elevator')).toEqual([true, false, false, true]);
		const before = await prepareImport({ name: '小区.xlsx', bytes }, { valuesBeforeRules8: true });
		expect(errorRows(before)).toEqual([2, 3, 4, 5]);
	});
});
