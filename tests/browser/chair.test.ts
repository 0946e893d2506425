/**
 * The closing case, played as the owners' committee chair at 1366 × 768: from the home page, find the
 * estate by typing its name in the header search, read the verdict and the fair range, and reach a proposal in at
 * most three clicks. The estate and every expected figure are worked out here from the sample CSV files
 * (docs/sources.md §4-§6: Q, grade, the illustrative ladder, fair range = guide ÷ 1.1 … guide ÷ 0.9).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type AppSession } from './harness';
import { DEFAULT_WEIGHTS, LADDER, expectedFit, readCsv } from './expected';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
	await s.page.setViewportSize({ width: 1366, height: 768 });
});
afterAll(async () => {
	await s?.close();
});

const f2 = (v: number) => (Math.round(v * 100 + 1e-7) / 100).toFixed(2);
const GRADE_ZH = ['一级', '二级', '三级', '四级', '五级（不达标）'];

// The chair's estate: one whose fee per ㎡ is above the range its quality justifies, with a name no other estate
// contains (so typing it finds exactly one).
const estates = readCsv('estates.csv');
const fees = readCsv('fees.csv');
const perM2 = new Set(fees.filter((f) => f.fee_unit !== 'per_household_month').map((f) => f.estate_id));
const fits = expectedFit(DEFAULT_WEIGHTS);
const chair = fits.find((r) => {
	const e = estates.find((x) => x.estate_id === r.id)!;
	const guide = LADDER[e.building_type][r.grade - 1];
	const unique = estates.filter((x) => x.name.includes(r.name)).length === 1;
	return perM2.has(r.id) && r.fee > guide / 0.9 + 0.01 && unique;
})!;
const chairEstate = estates.find((x) => x.estate_id === chair.id)!;
const guide = LADDER[chairEstate.building_type][chair.grade - 1];
const fair = { low: guide / 1.1, high: guide / 0.9 };

describe('the chair: search, verdict, proposal', () => {
	it('reaches a proposal at the top of the fair range in three clicks from the home page', async () => {
		const { page } = s;
		expect(chair).toBeTruthy();
		let clicks = 0;
		await page.goto(s.baseUrl);
		const search = page.getByTestId('header-search').getByRole('combobox');
		await search.waitFor({ timeout: 90_000 });
		await search.fill(chair.name);
		const option = page.getByTestId('header-search').getByRole('option', { name: new RegExp(chair.name) });
		await option.first().waitFor({ timeout: 60_000 });
		await option.first().click();
		clicks++;
		await page.waitForURL(new RegExp(`/estate/${chair.id}$`));

		// The verdict, in one sentence and one range, before anything else.
		await page.getByTestId('verdict').waitFor({ timeout: 90_000 });
		const sentence = (await page.getByTestId('verdict-sentence').textContent())?.trim();
		expect(sentence).toBe(
			`与现有服务质量（${GRADE_ZH[chair.grade - 1]}）相符的收费为 ${f2(fair.low)}–${f2(fair.high)} 元/㎡·月；现行 ${f2(chair.fee)} 偏高。`
		);
		expect((await page.getByTestId('verdict-range').textContent())?.trim()).toBe(`${f2(fair.low)}–${f2(fair.high)}元/㎡·月`);

		await page.getByTestId('verdict-to-negotiate').click();
		clicks++;
		const propose = page.getByTestId('verdict-propose');
		await propose.waitFor({ timeout: 90_000 });
		// The top of the fair range, rounded down to 0.01 so the proposal stays inside it.
		const fee = Math.floor(fair.high * 100 + 1e-7) / 100;
		expect((await propose.textContent())?.trim()).toBe(`按 ${fee.toFixed(2)} 元/㎡·月拟定方案`);
		await propose.click();
		clicks++;
		const card = page.locator('[data-testid^="proposal-"]').filter({ has: page.locator('legend') });
		await expect.poll(() => card.count()).toBeGreaterThan(0);
		const added = await card.last().locator('input[type=number]').first().inputValue();
		expect(Number(added)).toBeCloseTo(fee, 10);
		expect(clicks).toBeLessThanOrEqual(3);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
