import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type AppSession } from './harness';
import { bandCounts, DEFAULT_WEIGHTS, expectedFit, fmt, LADDER } from './expected';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
});
afterAll(async () => {
	await s?.close();
});

const serious = async () => (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
const rows = expectedFit(DEFAULT_WEIGHTS);

describe('estate view', () => {
	it('shows the estate figures and explains them step by step', async () => {
		// A per-household estate (sold public housing) exercises the fee conversion in the explanation.
		const e = rows.find((r) => r.id === 'LJ0001')!;
		const { page } = s;
		await page.goto(`${s.baseUrl}/estate/${e.id}`);
		await page.getByTestId('fit-explanation').waitFor({ timeout: 60_000 });
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(e.name);
		expect(await page.getByTestId('estate-q').textContent()).toBe(fmt(e.q, 1));
		expect(await page.getByTestId('estate-fee').textContent()).toBe(fmt(e.fee, 2) + '元/㎡·月');
		expect(await page.getByTestId('estate-qpr').textContent()).toBe(fmt(e.qpr, 2));
		const text = (await page.getByTestId('fit-explanation').textContent())!;
		expect(text).toContain('按户计费换算');
		expect(text).toContain(`Q ${e.q.toFixed(1)}`);
		expect(text).toMatch(/质价比 = 指导价 ÷ 实收物业费/);
		expect(await page.getByRole('img', { name: /各项指标得分/ }).count()).toBe(1);
		expect(await serious()).toEqual([]);
	});

	it('shows the indicator chart as a table too', async () => {
		const { page } = s;
		await page.getByRole('button', { name: '表格' }).first().click();
		const table = page.getByTestId('indicator-chart-table');
		await table.waitFor();
		// The 11 indicators of the default system and owner satisfaction; a multi-storey estate without
		// elevators has no elevator score, shown as a dash rather than a zero.
		expect(await table.locator('tbody tr').count()).toBe(12);
		const elevator = await table.locator('tbody tr', { hasText: '电梯' }).locator('td').allTextContents();
		expect(elevator[0]).toBe('—');
		expect(await serious()).toEqual([]);
	});
});

describe('compare', () => {
	it('compares estates ticked in the ranking', async () => {
		const { page } = s;
		await page.goto(`${s.baseUrl}/district`);
		await page.getByTestId('ranking').waitFor({ timeout: 60_000 });
		const ranked = [...rows].sort((a, b) => b.q - a.q || a.id.localeCompare(b.id));
		await page.getByLabel(`选择 ${ranked[0].name} 进行对比`).check();
		await page.getByLabel(`选择 ${ranked[1].name} 进行对比`).check();
		await page.getByRole('button', { name: /对比所选/ }).click();
		await page.getByTestId('compare').waitFor({ timeout: 30_000 });
		const heads = await page.locator('[data-testid=compare] thead th a').allTextContents();
		expect(heads).toEqual([ranked[0].name, ranked[1].name]);
		const qRow = page.locator('[data-testid=compare] tbody tr', { hasText: '服务质量分 Q' });
		expect((await qRow.locator('td').allTextContents()).map((x) => x.trim())).toEqual([fmt(ranked[0].q, 1), fmt(ranked[1].q, 1)]);
		expect(await serious()).toEqual([]);
	});
});

describe('guide-price catalogues', () => {
	it('a copied and edited catalogue drives the analysis', async () => {
		const { page } = s;
		await page.goto(`${s.baseUrl}/methods`);
		await page.getByTestId('catalogue-detail').waitFor({ timeout: 60_000 });
		expect(await serious()).toEqual([]);
		await page.getByLabel('复制为可编辑目录').fill('我区 2026 试行');
		await page.getByRole('button', { name: '复制', exact: true }).click();
		await expect.poll(() => page.getByRole('heading', { level: 2, name: '我区 2026 试行' }).count()).toBe(1);
		// Raise the high-rise grade-2 price from 1.90 to 2.20.
		const input = page.getByLabel('高层 二级');
		await input.fill('2.2');
		await input.press('Tab');
		const ladder = { ...LADDER, high: [2.3, 2.2, 1.5, 1.1, 0.7] };
		const expected = bandCounts(expectedFit(DEFAULT_WEIGHTS, '2025Q4', ladder));
		expect(expected).not.toEqual(bandCounts(rows));

		await page.getByRole('link', { name: '质价分析' }).click();
		await page.getByTestId('ranking').waitFor({ timeout: 30_000 });
		const n = async (b: string) => Number(await page.getByTestId(`count-${b}`).locator('.n').textContent());
		await expect
			.poll(async () => ({ matched: await n('matched'), price_above_quality: await n('price_above_quality'), quality_above_price: await n('quality_above_price') }), { timeout: 10_000 })
			.toEqual(expected);
	});

	it('made no request to another origin and logged no console error', () => {
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
