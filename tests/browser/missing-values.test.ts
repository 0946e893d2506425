import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText, utf8 } from '../fixtures/import-files';
import { appendCsvThroughDataPage, openApp, type AppSession } from './harness';

/**
 * An estate the office has just added, with no fee and no scores yet: its page shows a dash where a value is
 * missing, never the word null.
 */
let s: AppSession;
beforeAll(async () => {
	s = await openApp();
});
afterAll(async () => {
	await s?.close();
});

describe('an estate without fees or scores', () => {
	it('shows dashes, not null, on its page', async () => {
		const { page } = s;
		await page.click('a[href="/data"]');
		const csv = csvText([
			['小区编号', '小区名称', '街道', '小区类型', '建筑类型', '建成年份', '计费面积（㎡）', '户数', '有无电梯', '物业公司', '定价方式'],
			['NV01', '新建小区', '江滨街道', '商品房', '高层', 2020, 30000, 250, '有', '新港物业', '市场调节价']
		]);
		await appendCsvThroughDataPage(page, { name: '新建小区.csv', bytes: utf8(csv) }, 1);
		await page.goto(s.baseUrl + '/estate/NV01');
		const fee = page.getByTestId('estate-fee');
		await fee.waitFor({ timeout: 60_000 });
		const tile = page.locator('.kpi', { has: fee });
		await expect.poll(() => tile.locator('small').textContent(), { timeout: 30_000 }).toBe('收费年度 —');
		// A missing fee is a dash alone, not a dash with the fee's unit.
		expect(await fee.textContent()).toBe('—');
		expect(await page.locator('main').textContent()).not.toMatch(/null|undefined|NaN/);
		expect(s.errors).toEqual([]);
	});
});
