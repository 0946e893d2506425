/**
 * The quick start beside the sample district: a newcomer keeps the sample (240 estates, data/sample/estates.csv)
 * and adds an estate; it is compared with them at once. No cost budget is typed, so the negotiation page's 反推
 * panel must say what is missing rather than give a break-even fee from costs counted as 0, and still answer
 * the quality the current fee needs. Figures by hand:
 *   estates analysed: 240 sample + 1 = 241 (the estate's scores are for the sample's latest period, 2025Q4)
 *   inspection: all eleven indicators 80 → 80; no survey → Q = 80.0 (docs/sources.md §5)
 *   peers: same building type (multi-storey: 121 sample estates) → the 5 nearest are listed
 *   cost items without a figure: 10 − 1 (staff, estimated from the staffing template) = 9
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './expected';
import { openApp, type AppSession } from './harness';

const INDICATORS = ['management', 'upkeep', 'elevator', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];
const SAMPLE_ESTATES = readCsv('estates.csv').length;

describe('my estate beside the sample district', () => {
	let s: AppSession;
	let estateId = '';
	beforeAll(async () => {
		s = await openApp();
	});
	afterAll(async () => {
		await s?.close();
	});

	it('adds the estate to the sample district and compares it with its peers', async () => {
		const page = s.page;
		expect(SAMPLE_ESTATES).toBe(240);
		expect(await page.getByTestId('kpi-estates').textContent()).toContain('240');
		const panel = page.getByTestId('my-estate');
		await panel.getByTestId('my-estate-open').click();
		await panel.locator('[data-field=name]').fill('银杏里');
		await panel.locator('[data-field=buildYear]').fill('2010');
		await panel.locator('[data-field=areaM2]').fill('30000');
		await panel.locator('[data-field=households]').fill('400');
		await panel.locator('[data-field=fee]').fill('1.50');
		await panel.locator('summary').click();
		await panel.locator('[data-field=scorePeriod]').fill('2025Q4');
		for (const code of INDICATORS) await panel.locator(`[data-field="score.${code}"]`).fill('80');
		// Left unchecked: the estate joins the sample district.
		expect(await panel.locator('[data-field=onlyMine]').isChecked()).toBe(false);
		await panel.getByTestId('my-estate-save').click();
		const outcome = panel.getByTestId('my-estate-outcome');
		await outcome.waitFor({ timeout: 60_000 });
		estateId = /编号 (MY-[0-9A-F]{8})/.exec((await outcome.textContent())!)![1];
		await expect.poll(() => page.getByTestId('kpi-estates').textContent(), { timeout: 60_000 }).toContain(String(SAMPLE_ESTATES + 1));

		await outcome.getByRole('link').click();
		const q = page.getByTestId('estate-q');
		await q.waitFor({ timeout: 60_000 });
		expect(await q.textContent()).toBe('80.0');
		await expect.poll(() => page.getByTestId('peers').locator('tbody tr').count(), { timeout: 30_000 }).toBe(5);
		expect(await page.getByTestId('peers-none').count()).toBe(0);
	});

	it('says what is missing for the break-even fee, and answers the quality the fee needs', async () => {
		const page = s.page;
		await page.locator(`a[href="/negotiate?estate=${estateId}"]`).first().click();
		await page.getByTestId('goalseek-panel').scrollIntoViewIfNeeded({ timeout: 60_000 });
		const withheld = page.getByTestId('goal-breakeven-withheld');
		await withheld.waitFor({ timeout: 60_000 });
		expect(await withheld.textContent()).toContain('10 项成本中 9 项缺数据');
		expect(await page.getByTestId('goal-breakeven-text').count()).toBe(0);
		expect(await page.getByTestId('goal-collection-withheld').count()).toBe(1);
		await expect.poll(() => page.getByTestId('goal-quality').getAttribute('data-status'), { timeout: 30_000 }).toBe('solved');
		expect(await page.getByTestId('goal-quality-check').getAttribute('data-ok')).toBe('true');
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	});
});
