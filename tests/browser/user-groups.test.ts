import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type AppSession } from './harness';

/**
 * A user's own indicator group (docs/sources.md §18): defined in the indicator system editor (a group without
 * members is refused with the reason), then a wide score sheet with a column for it (环境管理 = 保洁 + 绿化,
 * tests/fixtures/real-shapes/make-groups.ts) is accepted on the data page (not "未识别的列"), spread to the
 * members a row does not score itself, and the estate page shows the scores that result.
 */
const SHEET = new Uint8Array(readFileSync(new URL('../fixtures/real-shapes/groups-wide-environment.xlsx', import.meta.url)));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
	await s.page.goto(s.baseUrl + '/district');
	await s.page.getByTestId('ranking').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
	await s?.close();
});

async function count(dataset: string): Promise<number> {
	const cell = s.page.locator(`[data-testid=tables] tr[data-dataset=${dataset}] [data-field=count]`);
	await expect.poll(() => cell.textContent(), { timeout: 60_000 }).not.toBe('…');
	return Number((await cell.textContent())!.replace(/,/g, ''));
}

describe('a user group from the system editor to the import', () => {
	it('defines 环境管理 (保洁 + 绿化) in the system editor; a group without members is refused with the reason', async () => {
		const { page } = s;
		const editor = page.getByTestId('group-editor');
		// The default system's 设施设备运行 is listed as built in.
		expect(await editor.locator('tr[data-group=facilities]').textContent()).toContain('设施设备运行');
		await editor.getByLabel('组代码').fill('environment');
		await editor.getByLabel('中文名称').fill('环境管理');
		await editor.getByLabel('英文名称').fill('Environment');
		await editor.getByRole('button', { name: '添加指标组' }).click();
		expect(await editor.getByTestId('group-issues').textContent()).toContain('指标组“environment”没有组内指标：请至少勾选一项。');
		await editor.locator('input[data-member=cleaning]').check();
		await editor.locator('input[data-member=greening]').check();
		await editor.getByRole('button', { name: '添加指标组' }).click();
		await expect.poll(() => editor.locator('tr[data-group=environment]').textContent()).toMatch(/环境管理.*environment.*保洁、绿化/);
		expect(await editor.getByTestId('group-issues').count()).toBe(0);
	});

	it('a wide sheet with the group column is accepted, spread to the members, and committed', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/data');
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		const before = await count('scores');
		await page.getByTestId('file-input').setInputFiles([{ name: '2026年一季度考评汇总.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(SHEET) }]);
		await expect.poll(() => page.getByTestId('pending-file').count(), { timeout: 30_000 }).toBe(1);
		expect(await page.getByLabel('“环境管理”对应的字段').locator('option:checked').textContent()).toBe('环境管理（指标组）');
		expect(await page.getByTestId('group-scoring').locator('option:checked').textContent()).toBe('组得分分给组内指标');
		await page.getByLabel('追加到该数据集').check();
		await page.getByRole('button', { name: '检查数据' }).click();
		const reports = page.getByTestId('reports');
		await reports.waitFor({ timeout: 60_000 });
		expect(await reports.locator('[data-field=errors]').first().textContent()).toBe('0');
		await page.getByTestId('show-warnings').click();
		const problems = (await page.getByTestId('problems').textContent()) ?? '';
		expect(problems).not.toContain('未识别的列');
		expect(problems).toMatch(/环境管理.*保洁、绿化/);
		await page.getByTestId('commit').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 8 行/);
		await expect.poll(() => count('scores')).toBe(before + 8);
		// Replayed from the stored file (with its group) after a reload.
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		await expect.poll(() => count('scores'), { timeout: 60_000 }).toBe(before + 8);
	});

	it('the estate page shows the scores that result: LJ0002 had no 保洁 of its own, so both members get 66', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/estate/LJ0002');
		await page.getByTestId('fit-explanation').waitFor({ timeout: 60_000 });
		// The latest period is the sheet's (its title: 2026年第一季度).
		// (polled: the stored imports are replayed after the page opens, and the analysis follows them)
		await expect.poll(() => page.locator('main').textContent(), { timeout: 60_000 }).toContain('2026Q1');
		await page.getByRole('button', { name: '表格' }).first().click();
		const table = page.getByTestId('indicator-chart-table');
		await table.waitFor();
		const score = async (name: string) => (await table.locator('tbody tr').filter({ has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) }).locator('td').first().textContent())?.trim();
		await expect.poll(() => score('保洁'), { timeout: 60_000 }).toBe('66.0');
		expect(await score('绿化')).toBe('66.0');
		expect(await score('综合管理')).toBe('70.0');
		expect(await score('秩序维护')).toBe('75.0');
	});

	it('has no serious accessibility violation on the editor, no foreign request and no console error', async () => {
		await s.page.goto(s.baseUrl + '/district');
		await s.page.getByTestId('group-editor').waitFor({ timeout: 60_000 });
		const serious = (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
