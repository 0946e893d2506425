import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCsvThroughDataPage, openApp, type AppSession } from './harness';
import { csvText, gbk } from '../fixtures/import-files';

/**
 * An office appends next month's inspection scores for three of the sample's 240 estates, from a CSV saved by
 * Excel on Chinese Windows (GBK, CRLF, 考核月份 written as 2026年1月). The overview shows the district's latest
 * period, so its mean Q is now the mean of those three alone, and it must say so. Figures by hand (the default
 * system, docs/sources.md §5; uniform inspection scores make the elevator's weight irrelevant):
 *   LJ0001: every indicator 80, satisfaction 90 → I = 80, Q = 0.6 × 80 + 0.4 × 90 = 84.0
 *   LJ0002: every indicator 70, no survey → Q = I = 70.0
 *   LJ0003: every indicator 60, satisfaction 50 → Q = 0.6 × 60 + 0.4 × 50 = 56.0
 *   mean Q = (84 + 70 + 56) / 3 = 70.0, over 3 of 240 estates
 */
const CODES = ['management', 'upkeep', 'elevator', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];
const rows = (estate: string, score: number, satisfaction?: number) => [
	...CODES.map((c) => [estate, '2026年1月', c, score, '检查考评']),
	...(satisfaction === undefined ? [] : [[estate, '2026年1月', 'satisfaction', satisfaction, '满意度调查']])
];
const JANUARY = gbk(csvText([['小区编号', '考核月份', '考核项目', '得分', '数据来源'], ...rows('LJ0001', 80, 90), ...rows('LJ0002', 70), ...rows('LJ0003', 60, 50)]));

describe('the overview after a new period scored for a few estates', () => {
	let s: AppSession;
	beforeAll(async () => {
		s = await openApp();
	});
	afterAll(async () => {
		await s?.close();
	});

	it('says nothing about coverage while every estate has a Q in the latest period', async () => {
		expect(await s.page.getByTestId('kpi-estates').textContent()).toBe('240个');
		expect(await s.page.getByTestId('kpi-mean-q-note').count()).toBe(0);
	});

	it('shows the new period, the three estates’ mean Q, and that only they are scored', async () => {
		const { page } = s;
		await page.click('a[href="/data"]');
		await appendCsvThroughDataPage(page, { name: '一月考评得分.csv', bytes: JANUARY }, 35);

		await page.click('a[href="/"]');
		const note = page.getByTestId('kpi-mean-q-note');
		await expect.poll(() => note.textContent(), { timeout: 60_000 }).toBe('仅 3 / 240 个小区有 2026-01 的评分');
		expect(await page.getByTestId('kpi-mean-q').textContent()).toBe('70.0');
		expect(await page.getByTestId('kpi-estates').textContent()).toBe('240个');
		expect(await page.locator('main').textContent()).toContain('评分期 2026-01');
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	});
});
