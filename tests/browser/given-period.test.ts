import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetCount, openDataPage, type AppSession } from './harness';
import { csvText, utf8 } from '../fixtures/import-files';

/**
 * A score sheet with no period column, whose title names a half year (docs/sources.md §18): the title gives no
 * period, so the data page asks for the sheet's period; a half year typed there is refused with the quarters to
 * write, a quarter is taken, and the rows keep it after a reload (the stored import replays with it).
 */
const SHEET = utf8(csvText([['2031年上半年物业服务考评'], ['小区编号', '综合管理', '保洁'], ['LJ0001', 88, 90], ['LJ0002', 76, 80]]));

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

describe('the period of a sheet without a period column', () => {
	it('is asked when the title names none, refused as a half year, taken as a quarter, and kept after a reload', async () => {
		const { page } = s;
		const before = await datasetCount(page, 'scores');
		await page.getByTestId('file-input').setInputFiles([{ name: '上半年考评.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) }]);
		const card = page.getByTestId('pending-file');
		await expect.poll(() => card.getByTestId('recognition').textContent(), { timeout: 30_000 }).toMatch(/^未找到必需字段：期间 \(period\)；.*，或填写本表的考核期间/);
		const period = card.getByTestId('given-period');
		await period.fill('2031年上半年');
		await period.press('Tab');
		await expect.poll(() => card.getByTestId('given-period-error').textContent()).toBe('“2031年上半年”是半年；这里的期间是季度或月份：请按季度（2031Q1、2031Q2）或月份分行填写');
		expect(await period.getAttribute('aria-invalid')).toBe('true');
		expect(await card.getByTestId('recognition').textContent()).toMatch(/^未找到必需字段：期间/);
		await period.fill('2031年第二季度');
		await period.press('Tab');
		await expect.poll(() => card.getByTestId('recognition').textContent()).toMatch(/^必需字段已齐全/);
		expect(await card.getByTestId('given-period-error').count()).toBe(0);

		await page.getByLabel('追加到该数据集').check();
		await page.getByRole('button', { name: '检查数据' }).click();
		await page.getByTestId('reports').waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-testid=reports] [data-field=errors]').allTextContents()).toEqual(['0']);
		await page.getByTestId('commit').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 4 行/);
		await expect.poll(() => datasetCount(page, 'scores'), { timeout: 30_000 }).toBe(before + 4);

		// After a reload the stored import replays with the period given, and the district page offers it.
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		await expect.poll(() => datasetCount(page, 'scores'), { timeout: 60_000 }).toBe(before + 4);
		await page.goto(s.baseUrl + '/district');
		// The latest period is the select's first option.
		await expect.poll(() => page.locator('[data-testid=period] option').first().textContent(), { timeout: 60_000 }).toBe('2031Q2');
		expect(await page.locator('[data-testid=period] option', { hasText: '2031Q1' }).count()).toBe(0);
	});
});
