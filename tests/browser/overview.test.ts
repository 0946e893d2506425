import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, waitForApp, type AppSession } from './harness';
import { expectedOverview, fmt } from './expected';

const expected = expectedOverview();
let s: AppSession;
let firstChartMs = 0;

beforeAll(async () => {
	s = await openBrowser();
	const t0 = performance.now();
	await s.page.goto(s.baseUrl + '/');
	await s.page.locator('[data-testid=fee-quality-chart] svg circle').first().waitFor({ timeout: 60_000 });
	firstChartMs = performance.now() - t0;
	console.log(`navigation to first chart: ${firstChartMs.toFixed(0)} ms`);
});
afterAll(async () => {
	await s?.close();
});

describe('overview of the sample district in Chromium', () => {
	it('is in Chinese and shows the district figures the test computes from the CSV files', async () => {
		const { page } = s;
		await waitForApp(page);
		expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('区域概览');
		expect(await page.getByTestId('kpi-estates').textContent()).toBe(fmt(expected.estates, 0) + '个');
		expect(await page.getByTestId('kpi-mean-q').textContent()).toBe(fmt(expected.meanQ, 1));
		expect(await page.getByTestId('kpi-mean-fee').textContent()).toBe(fmt(expected.meanFee, 2) + '元/㎡·月');
		expect(await page.getByTestId('kpi-mean-collection').textContent()).toBe(fmt(expected.meanCollection * 100, 1) + '%');
		for (const t of expected.byType) {
			const row = page.locator(`[data-testid=by-type] tr[data-type=${t.type}]`);
			expect(await row.locator('[data-field=estates]').textContent()).toBe(fmt(t.count, 0));
			expect(await row.locator('[data-field=mean_q]').textContent()).toBe(fmt(t.meanQ, 1));
			expect(await row.locator('[data-field=mean_fee]').textContent()).toBe(fmt(t.meanFee, 2));
		}
		expect(await page.getByText(`评分期 ${expected.period}`).count()).toBe(1);
	});

	it('draws one dot per estate with an accessible label, and the same data as a table', async () => {
		const { page } = s;
		const figure = page.getByRole('img', { name: new RegExp(`共 ${expected.estates} 个小区`) });
		await expect(figure.count()).resolves.toBe(1);
		expect(await figure.locator('svg circle').count()).toBe(expected.estates);

		await page.getByRole('button', { name: '表格' }).click();
		const table = page.getByTestId('fee-quality-chart-table');
		await table.waitFor();
		expect(await table.locator('tbody tr').count()).toBe(expected.estates);
		for (const e of [expected.rows[0], expected.rows[expected.rows.length - 1]]) {
			const cells = await table.locator(`tr[data-estate="${e.id}"] > *`).allTextContents();
			expect(cells[0]).toBe(e.name);
			expect(cells[4]).toBe(fmt(e.q, 1));
			expect(cells[5].replace('*', '')).toBe(fmt(e.fee, 2));
		}
		await page.getByRole('button', { name: '图表' }).click();
		await page.locator('[data-testid=fee-quality-chart] svg circle').first().waitFor();
	});

	it('switches to English, remembers it across a reload, and switches back', async () => {
		const { page } = s;
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('District overview');
		expect(await page.locator('html').getAttribute('lang')).toBe('en');
		await page.reload();
		await waitForApp(page);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('District overview');
		expect(await page.getByTestId('kpi-mean-q').textContent()).toBe(fmt(expected.meanQ, 1));
		await page.getByRole('button', { name: '中文' }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('区域概览');
	});

	it('has no serious or critical accessibility violation (axe-core), in chart and table view', async () => {
		const { page } = s;
		const serious = (vs: Awaited<ReturnType<typeof axeViolations>>) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious(await axeViolations(page))).toEqual([]);
		await page.getByRole('button', { name: '表格' }).click();
		expect(serious(await axeViolations(page))).toEqual([]);
		await page.getByRole('button', { name: '图表' }).click();
	});

	it('made no request to another origin and logged no console error', () => {
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
