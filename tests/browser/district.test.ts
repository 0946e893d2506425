import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type AppSession } from './harness';
import { bandCounts, DEFAULT_WEIGHTS, expectedFit, fmt } from './expected';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
	await s.page.goto(s.baseUrl + '/district');
	await s.page.getByTestId('ranking').waitFor({ timeout: 60_000 });
});
afterAll(async () => {
	await s?.close();
});

async function counts() {
	const { page } = s;
	const n = async (b: string) => Number((await page.getByTestId(`count-${b}`).locator('.n').textContent())!.replace(/,/g, ''));
	return { matched: await n('matched'), price_above_quality: await n('price_above_quality'), quality_above_price: await n('quality_above_price') };
}

async function topNames(k: number) {
	return (await s.page.locator('[data-testid=ranking] tbody tr [data-field=name]').allTextContents()).slice(0, k);
}

const byQ = (rows: ReturnType<typeof expectedFit>) => [...rows].sort((a, b) => b.q - a.q || a.id.localeCompare(b.id));

describe('district price-quality view', () => {
	it('shows the fit-class counts and the ranking the test computes from the CSV files', async () => {
		const rows = expectedFit(DEFAULT_WEIGHTS);
		await expect.poll(counts, { timeout: 10_000 }).toEqual(bandCounts(rows));
		expect(await topNames(5)).toEqual(byQ(rows).slice(0, 5).map((r) => r.name));
		const first = byQ(rows)[0];
		const cells = s.page.locator(`[data-testid=ranking] tr[data-estate="${first.id}"]`);
		expect(await cells.locator('[data-field=q]').textContent()).toBe(fmt(first.q, 1));
		expect(await cells.locator('[data-field=qpr]').textContent()).toBe(fmt(first.qpr, 2));
	});

	it('changing one weight (保洁 15 → 40) updates the ranking and the counts as worked out independently', async () => {
		const before = expectedFit(DEFAULT_WEIGHTS);
		const after = expectedFit({ ...DEFAULT_WEIGHTS, cleaning: 40 });
		// The change must matter, or this test could not fail.
		expect(bandCounts(after)).not.toEqual(bandCounts(before));
		expect(byQ(after).slice(0, 10).map((r) => r.id)).not.toEqual(byQ(before).slice(0, 10).map((r) => r.id));

		const input = s.page.getByLabel('保洁', { exact: true });
		await input.fill('40');
		await expect.poll(() => s.page.getByTestId('weight-sum').textContent()).toContain('合计 125 分');
		await expect.poll(counts, { timeout: 10_000 }).toEqual(bandCounts(after));
		await expect.poll(() => topNames(10), { timeout: 10_000 }).toEqual(byQ(after).slice(0, 10).map((r) => r.name));
	});

	it('remembers the changed weight across a reload, and resets to the default', async () => {
		const { page } = s;
		await page.reload();
		await page.getByTestId('ranking').waitFor({ timeout: 60_000 });
		expect(await page.getByLabel('保洁', { exact: true }).inputValue()).toBe('40');
		await page.getByRole('button', { name: '恢复默认' }).click();
		await expect.poll(counts, { timeout: 10_000 }).toEqual(bandCounts(expectedFit(DEFAULT_WEIGHTS)));
	});

	it('filters by fit class from the count tiles', async () => {
		const { page } = s;
		const expectedMatched = bandCounts(expectedFit(DEFAULT_WEIGHTS)).matched;
		await page.getByTestId('count-matched').click();
		await expect.poll(() => page.getByText(`显示 ${expectedMatched} / 240 个小区`).count()).toBe(1);
		const bands = await page.locator('[data-testid=ranking] tbody [data-field=band]').allTextContents();
		expect(new Set(bands)).toEqual(new Set(['质价相符']));
		await page.getByTestId('count-matched').click();
	});

	it('has no serious accessibility violation, and no foreign request or console error', async () => {
		const serious = (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
