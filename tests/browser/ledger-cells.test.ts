import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, gbk, type FixtureCell } from '../fixtures/import-files';
import { datasetCount, openDataPage, type AppSession } from './harness';

/**
 * A facilities ledger as a property office keeps it (docs/sources.md §18.4), saved from Excel as GBK CSV with a title
 * row: quantities with measure words (12台, 1,200㎡, 1.2公里), an assessment dated to the month, a life in Chinese
 * numerals, a required-field mark in a header. One row counts a water tank in ㎡: the data page names that row, column,
 * value and why, and writes nothing; without it, the file imports and the values are the ones the cells say.
 */
const TITLE: FixtureCell[] = ['江滨街道共用设施设备台账（2025年）'];
const HEADER: FixtureCell[] = ['*小区编号', '设施', '数量', '安装年份', '使用年限', '单价', '最近评估日期', '评估结果'];
const GOOD: FixtureCell[][] = [
	['LJ0001', '电梯', '12台', '2011年', '15年', '35万元/台', '2024年5月', '合格'],
	['LJ0002', '排水管网', '1.2公里', '2012年6月', '约30年', '600元/延米', null, null],
	['LJ0002', '屋面防水', '1,200㎡', 2013, '十年', '120元/㎡', null, null]
];
const BAD: FixtureCell[] = ['LJ0002', '二次供水水箱', '1,200㎡', 2014, 15, null, null, null];
const file = (rows: FixtureCell[][]) => ({ name: '设施台账.csv', mimeType: 'text/csv', buffer: Buffer.from(gbk(csvText([TITLE, HEADER, ...rows]))) });

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

const facilities = () => datasetCount(s.page, 'facilities');

type Upload = { name: string; mimeType: string; buffer: Buffer };

/** Chooses a file, lets `onCard` look at its card, then appends and checks it as a person does. */
async function checkFile(upload: Upload, onCard?: (card: Locator) => Promise<void>) {
	const { page } = s;
	await page.getByTestId('file-input').setInputFiles([upload]);
	const card = page.getByTestId('pending-file');
	await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(1);
	await onCard?.(card);
	await page.getByLabel('追加到该数据集').check();
	await page.getByRole('button', { name: '检查数据' }).click();
	await page.getByTestId('reports').waitFor({ timeout: 60_000 });
}

const check = (rows: FixtureCell[][]) => checkFile(file(rows));

/** The data page afresh (after an import), with its tables listed. */
async function reload() {
	await s.page.reload();
	await s.page.getByTestId('tables').waitFor({ timeout: 60_000 });
}

/** The text of the checked files' notes (the 提醒 tab). */
async function notes(): Promise<string> {
	await s.page.getByRole('button', { name: /提醒/ }).first().click();
	return (await s.page.getByTestId('problems').textContent()) ?? '';
}

/** Imports the checked file and waits until the page says `rows` rows were imported. */
async function commit(rows: number) {
	await s.page.getByTestId('commit').click();
	await expect.poll(() => s.page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`已导入 ${rows} 行`));
}

describe('a facilities ledger with measure words', () => {
	it('names the row whose unit does not fit its facility, and writes nothing', async () => {
		const before = await facilities();
		expect(before).toBe(1684);
		await check([...GOOD, BAD]);
		const problems = s.page.getByTestId('problems');
		await problems.waitFor({ timeout: 60_000 });
		const rows = await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
		// The title row is row 1 and the header row 2: the fourth data row is source row 6.
		expect(rows).toContainEqual(expect.arrayContaining(['设施台账.csv', '6', '数量', '1,200㎡', expect.stringContaining('「二次供水水箱」按“座”计量')]));
		expect(rows.filter((r) => r.some((c) => c?.includes('计量')))).toHaveLength(1);
		expect(await s.page.getByTestId('commit').isDisabled()).toBe(true);
		expect(await facilities()).toBe(before);
	});

	it('without that row, imports the three facilities as written', async () => {
		await reload();
		await check(GOOD);
		await commit(3);
		await expect.poll(() => facilities()).toBe(1687);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});

/**
 * A lift register of one lift per row (reading rules 12): no quantity column. The card says nothing is missing, the
 * check says each row is one, and the two lifts of 2005 are two rows, neither a repeat.
 */
const REGISTER = (rows: FixtureCell[][]) => ({
	name: '电梯登记表.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(gbk(csvText([['序号', '小区编号', '设备名称', '设备注册代码', '投入使用日期', '最近检验日期', '检验结论'], ...rows])))
});

describe('a register of one lift per row', () => {
	it('counts each row as one and imports the rows', async () => {
		await reload();
		const before = await facilities();
		const rows: FixtureCell[][] = [
			[1, 'LJ0003', '乘客电梯', '31103301002005010001', '2005年3月', '2024-03-15', '合格'],
			[2, 'LJ0003', '乘客电梯', '31103301002005010002', '2005年3月', '2024-03-15', '整改后合格'],
			[3, 'LJ0003', '生活水泵', null, '2005年', null, null]
		];
		await checkFile(REGISTER(rows), async (card) => expect(await card.textContent()).not.toContain('未找到必需字段'));
		const said = await notes();
		expect(said).toContain('每行按一台（套、座）计');
		expect(said).not.toContain('重复');
		await commit(3);
		await expect.poll(() => facilities()).toBe(before + 3);
		expect(s.errors).toEqual([]);
	});
});

/**
 * A firm's cost sheet of one estate (its title names 梅澜公寓, LJ0001): items numbered 一, 二 with their breakdown below
 * and tax and profit under the total (reading rules 12). No word of the breakdown is asked; the check says each row left
 * out; the items imported sum to the sheet's own 合计, 856,000 + 120,000 + 60,000 = 1,036,000.
 */
const COSTS = {
	name: '成本测算.csv',
	mimeType: 'text/csv',
	buffer: Buffer.from(
		gbk(
			csvText([
				['梅澜公寓2019年度物业服务成本测算表'],
				['序号', '项目', '金额（元/年）'],
				['一', '人员费用', '856,000.00'],
				['1', '管理人员工资', '180,000.00'],
				['2', '保安人员工资', '676,000.00'],
				['二', '共用部位共用设施设备日常运行和维护费', '120,000.00'],
				[null, '其中：电梯维保费', '48,000.00'],
				['三', '绿化养护费', '60,000.00'],
				['合计', null, '1,036,000.00'],
				['税金（6%）', null, '62,160.00'],
				['利润（8%）', null, '82,880.00']
			])
		)
	)
};

describe('a cost sheet with its breakdown, tax and profit', () => {
	it('asks no word of the breakdown, says each row left out, and imports the three items', async () => {
		await reload();
		const before = await datasetCount(s.page, 'costs');
		await checkFile(COSTS, async (card) => {
			await expect.poll(async () => (await card.textContent()) ?? '').toContain('成本预算');
			expect(await card.textContent()).not.toContain('管理人员工资');
		});
		const said = await notes();
		expect(said).toContain('“人员费用”的明细行，已跳过');
		expect(said).toContain('“税金（6%）”是税金或利润，不是成本项目，已跳过');
		await commit(3);
		await expect.poll(() => datasetCount(s.page, 'costs')).toBe(before + 3);
		expect(s.errors).toEqual([]);
	});
});

/**
 * A ledger saved from Excel with its estate cells merged (only the first row of each estate keeps it) and 同上 in a
 * year (reading rules 12): each row is the estate above, said once; nothing is an error; the three rows import.
 */
describe('a ledger with merged estate cells and 同上', () => {
	it('reads each blank estate cell and 同上 from above, says so, and imports', async () => {
		await reload();
		const before = await facilities();
		const rows: FixtureCell[][] = [['小区编号', '设施', '数量', '安装年份'], ['LJ0004', '电梯', 2, 2008], [null, '生活水泵', 1, '同上'], [null, '门禁', 6, 2015]];
		await checkFile({ name: '合并单元格台账.csv', mimeType: 'text/csv', buffer: Buffer.from(gbk(csvText(rows))) });
		expect(await s.page.getByTestId('commit').isDisabled()).toBe(false);
		const said = await notes();
		expect(said).toContain('2 格为空，按 Excel 合并单元格的写法取上方的值（第 3、4 行；如“LJ0004”）');
		expect(said).toContain('“同上”按上一行的值读取（共 1 格：第 3 行；如“2008”）');
		await commit(3);
		await expect.poll(() => facilities()).toBe(before + 3);
		expect(s.errors).toEqual([]);
	});
});

/**
 * A fund centre's per-home ledger of 锦馨一村 (LJ0002; its title names the estate and the year, reading rules 13): three
 * homes' accounts, 3,387.10 + 4,064.56 + 3,387.10 = 10,838.76 yuan, the sheet's own 合计. One row lands, the estate's
 * balance for 2026; the homes and their owners' names are not kept.
 */
describe('a per-home fund ledger', () => {
	it('sums the homes into the estate\'s balance, says so, and imports one row', async () => {
		await reload();
		const before = await datasetCount(s.page, 'fund_balances');
		const rows: FixtureCell[][] = [
			['锦馨一村住宅专项维修资金分户账'],
			['截至2026年12月31日　单位：元'],
			['房号', '业主姓名', '建筑面积(㎡)', '首期交存', '利息', '账户余额'],
			['1-101', '张三', 62.5, '3,125.00', 412.3, '3,387.10'],
			['1-102', '李四', 75, '3,750.00', 494.8, '4,064.56'],
			['1-201', '王五', 62.5, '3,125.00', 412.3, '3,387.10'],
			['合计', null, 200, '10,000.00', '1,319.40', '10,838.76']
		];
		await checkFile({ name: '分户账.csv', mimeType: 'text/csv', buffer: Buffer.from(gbk(csvText(rows))) });
		expect(await s.page.getByTestId('commit').isDisabled()).toBe(false);
		expect(await notes()).toContain('分户账：3 户的账户按小区和年度合计为 1 行（如 LJ0002 2026：10,838.76 元）');
		await commit(1);
		await expect.poll(() => datasetCount(s.page, 'fund_balances')).toBe(before + 1);
		expect(s.errors).toEqual([]);
	});
});
