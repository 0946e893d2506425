import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type AppSession } from './harness';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
});
afterAll(async () => {
	await s?.close();
});

describe('when the engine cannot start', () => {
	it('shows what failed and what to try, and recovers with Retry once the engine can load', async () => {
		const { page, context } = s;
		// As a blocked or broken download of the DuckDB wasm would.
		await context.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'blocked' }));
		await page.goto(s.baseUrl + '/');
		const alert = page.getByRole('alert');
		await alert.waitFor({ timeout: 60_000 });
		expect(await alert.getByRole('heading', { level: 1 }).textContent()).toBe('分析引擎未能启动');
		expect(await alert.textContent()).toContain('刷新页面重试');
		expect(await alert.locator('.message').textContent()).toMatch(/无法下载分析引擎文件（HTTP 404 duckdb-(eh|mvp)\.[\w-]+\.wasm）/);

		await context.unroute('**/*.wasm');
		await alert.getByRole('button', { name: '重试' }).click();
		await page.getByTestId('kpi-estates').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('kpi-estates').textContent()).toBe('240个');
	});
});
