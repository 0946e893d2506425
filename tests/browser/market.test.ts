import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openDataPage, type AppSession } from './harness';
import { csvText, gbk } from '../fixtures/import-files';

/**
 * Market references in the built app, as a person uses them: a listing-site export (GB18030 CSV, a dated title row)
 * uploaded on the Data page, the Market page with a filter changed, the estate's market panel (rule and undo of the
 * match) and the market section of the appraisal report. Figures worked by hand in the comments.
 *
 * 祥都花园 (LJ0013, sample district: 江滨街道, high-rise, built 2003, fee 1.95 元/㎡·月) has its own listing (40000).
 * Comparables under the default rule (same area, 1998–2008, high-rise class, 28000–52000): 1.6, 2.0 (1.8–2.2), 2.4
 * (江滨四号 has no fee) → median 2.0, Q1 1.8, Q3 2.2; 1.95 is above one of three → percentile 33.
 */
const LISTINGS = gbk(
	csvText([
		['某网站小区数据 2024年5月1日'],
		['小区名称', '区域', '物业费', '建成年代', '建筑类型', '参考均价'],
		['祥都花园', '江滨街道', '2.0元/平米/月', '2003年建成', '高层', '40000'],
		['江滨一号', '江滨街道', '1.6元/平米/月', '2001年建成', '高层', '38000'],
		['江滨二号', '江滨街道', '1.8至2.2元/平米/月', '2005年建成', '塔楼', '42000'],
		['江滨三号', '江滨街道', '2.4元/平米/月', '2006年建成', '小高层', '45000'],
		['江滨四号', '江滨街道', '暂无数据', '2004年建成', '高层', '41000'],
		['老公房', '江滨街道', '30元/户·月', '1985年建成', '多层', '30000'],
		['望湖一号', '望湖街道', '1.2元/平米/月', '2002年建成', '高层', '35000'],
		['望湖二号', '望湖街道', '1.4元/平米/月', '2010年建成', '多层', '30000']
	])
);

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

const text = async (testid: string) => (await s.page.getByTestId(testid).textContent())?.replace(/\s+/g, ' ').trim() ?? '';
const serious = async () => (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('market references', () => {
	it('a listing export is recognised and imported on the Data page', async () => {
		const { page } = s;
		await page.getByTestId('file-input').setInputFiles([{ name: '挂牌小区.csv', mimeType: 'text/csv', buffer: Buffer.from(LISTINGS) }]);
		const pending = page.locator('[data-testid=pending-file][data-file="挂牌小区.csv"]');
		await pending.waitFor({ timeout: 30_000 });
		expect(await pending.getByTestId('dataset').inputValue()).toBe('market');
		expect(await pending.locator('[data-field=encoding]').textContent()).toBe('GBK / GB18030');
		await page.getByRole('button', { name: '检查数据' }).click();
		const reports = page.getByTestId('reports');
		await reports.waitFor({ timeout: 60_000 });
		expect(await reports.locator('tr[data-file="挂牌小区.csv"] [data-field=errors]').textContent()).toBe('0');
		await page.getByTestId('commit').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 8 行/);
	});

	it('the Market page shows counts, medians by area, and follows a filter', async () => {
		const { page } = s;
		await page.getByRole('link', { name: '挂牌参考' }).click();
		await page.getByTestId('kpi-listings').waitFor({ timeout: 60_000 });
		// 8 rows; per-m² fees 2.0 1.6 2.0 2.4 1.2 1.4 → 6, median (1.6 + 2.0) / 2 = 1.8; one per household.
		expect(await text('kpi-listings')).toBe('8');
		expect(await text('kpi-with-fee')).toBe('6');
		expect(await text('kpi-per-household')).toBe('1');
		expect(await text('kpi-median')).toMatch(/^1\.80/);
		expect(await text('market-source')).toContain('挂牌小区.csv');
		expect(await text('market-source')).toContain('2024-05-01');
		expect(await text('market-source')).toContain('不是服务质量评分');
		// The by-area chart's table: 江滨街道 2.0 1.6 2.0 2.4 → median 2.0; 望湖街道 1.2 1.4 → 1.3.
		const areaPanel = page.locator('section.panel', { has: page.getByRole('heading', { name: '各区域物业费（中位数与四分位区间）' }) });
		await areaPanel.getByRole('button', { name: '表格' }).click();
		const rows = page.getByTestId('table-area').locator('tbody tr');
		expect(await rows.count()).toBe(2);
		expect((await rows.nth(0).textContent())!.replace(/\s+/g, ' ')).toContain('江滨街道');
		expect(await rows.nth(0).locator('[data-field=median]').textContent()).toBe('2.00');
		expect(await rows.nth(1).locator('[data-field=median]').textContent()).toBe('1.30');

		await page.getByTestId('filter-area').selectOption('望湖街道');
		await expect.poll(() => text('kpi-shown')).toBe('2');
		expect(await text('kpi-median')).toMatch(/^1\.30/);
		expect(await page.getByTestId('table-area').locator('tbody tr').count()).toBe(1);
		expect(await serious()).toEqual([]);
	});

	it('the Market page places an estate typed in: band, percentile, hedonic n and R², an editable rule, by keyboard', async () => {
		const { page } = s;
		// Typed in: 江滨街道, 2003, 高层, 40000 元/㎡, 1.90 元/㎡·月. Default rule: same area, 1998–2008, high-rise class,
		// 28000–52000: 祥都花园 2.0, 江滨一号 1.6, 江滨二号 2.0 (1.8–2.2), 江滨三号 2.4 (江滨四号 has no fee) →
		// median 2.0, Q1 1.6 + 0.75 × 0.4 = 1.90, Q3 2.0 + 0.25 × 0.4 = 2.10; 1.90 is above one of four → percentile 25.
		const est = page.getByTestId('market-estimate');
		await est.getByTestId('est-area').fill('江滨街道');
		await est.getByTestId('est-year').fill('2003');
		// Keyboard: Tab from the year reaches the building form, and a key chooses it.
		await est.getByTestId('est-year').press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('est-form');
		await est.getByTestId('est-form').selectOption('high');
		await est.getByTestId('est-price').fill('40000');
		await est.getByTestId('est-fee').fill('1.9');
		await expect.poll(() => text('est-band')).toBe('市场参照：与您类似的小区收费 1.90–2.10 元/㎡·月');
		expect(await text('est-stats')).toContain('同类 4 个：中位数 2.00，四分位区间 1.90–2.10');
		expect(await text('est-stats')).toContain('第 25 百分位');
		// Six listings have a per-m² fee, a house price and a year: the model's n.
		expect(await text('est-hedonic')).toMatch(/n = 6，R² = [\d.-]+）：预期 [\d.]+ 元\/㎡·月，本小区残差 -?[\d.]+/);
		expect(await est.getByTestId('est-comparables').locator('tbody tr').count()).toBe(4);
		expect(await est.textContent()).toContain('不是服务质量评分');
		expect(await est.getByTestId('market-rule-text').textContent()).toContain('同一区域（江滨街道），建成年份 1998–2008');

		// House price ±10 % (36000–44000) drops 江滨三号 (45000): 1.6 2.0 2.0 → Q1 1.80, Q3 2.00.
		await est.getByTestId('rule-price').fill('10');
		await est.getByTestId('rule-price').press('Tab');
		await expect.poll(() => text('est-band')).toBe('市场参照：与您类似的小区收费 1.80–2.00 元/㎡·月');
		await est.getByTestId('rule-price').fill('30');
		await est.getByTestId('rule-price').press('Tab');
		await expect.poll(() => text('est-band')).toBe('市场参照：与您类似的小区收费 1.90–2.10 元/㎡·月');
		expect(await serious()).toEqual([]);
	});

	it("the estate's market panel: comparables, band, percentile, an editable rule", async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/estate/LJ0013');
		await page.getByTestId('market-band').waitFor({ timeout: 60_000 });
		expect(await text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.80–2.20 元/㎡·月');
		expect(await text('market-match')).toContain('本小区的挂牌记录：祥都花园（江滨街道）');
		expect(await text('market-stats')).toContain('同类 3 个：中位数 2.00');
		expect(await text('market-stats')).toContain('第 33 百分位');
		expect(await page.getByTestId('market-comparables').locator('tbody tr').count()).toBe(3);

		// Narrow the rule to ±1 year (2002–2004): none of the three remains.
		await page.getByTestId('rule-year').fill('1');
		await page.getByTestId('rule-year').press('Enter');
		await page.getByTestId('rule-year').blur();
		await expect.poll(() => text('market-band')).toBe('市场参考：没有足够的同类挂牌小区');
		await page.getByTestId('rule-year').fill('5');
		await page.getByTestId('rule-year').blur();
		await expect.poll(() => text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.80–2.20 元/㎡·月');

		expect(await serious()).toEqual([]);
	});

	it("the estate's match can be undone, kept across a reload, and redone", async () => {
		const { page } = s;
		// Undo the match: the own listing (2.0) now counts as a comparable and no house-price band applies:
		// 1.6 2.0 2.0 2.4 → Q1 1.6 + 0.75 × 0.4 = 1.90, Q3 2.0 + 0.25 × 0.4 = 2.10. Kept across a reload.
		await page.getByTestId('market-undo').click();
		await expect.poll(() => text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.90–2.10 元/㎡·月');
		await page.reload();
		await page.getByTestId('market-band').waitFor({ timeout: 60_000 });
		expect(await text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.90–2.10 元/㎡·月');
		await page.getByTestId('market-redo').click();
		await expect.poll(() => text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.80–2.20 元/㎡·月');
		expect(await serious()).toEqual([]);
	});

	it("the estate's listing chosen by hand (a searchable picker, by keyboard), kept in the workspace across a reload", async () => {
		const { page } = s;
		// 江滨一号 chosen (1.6, 2001, 38000): it leaves the comparables and gives the house price (±30 %: 26600–49400).
		// Comparables 祥都花园 2.0, 江滨二号 2.0, 江滨三号 2.4 → Q1 2.0, Q3 2.0 + 0.5 × 0.4 = 2.20; 1.95 below all → 0.
		await page.getByTestId('market-pick').click();
		await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('market-pick-search');
		await page.keyboard.type('江滨一');
		await expect.poll(() => text('market-pick-count')).toBe('找到 1 条，列出 1 条');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('market-pick-hit');
		await page.keyboard.press('Enter');
		await expect.poll(() => text('market-band')).toBe('市场参考：与本小区类似的小区收费 2.00–2.20 元/㎡·月');
		expect(await text('market-match')).toMatch(/本小区的挂牌记录：江滨一号（江滨街道） ?（由用户指定）/);
		expect(await text('market-stats')).toContain('第 0 百分位');
		await page.reload();
		await page.getByTestId('market-band').waitFor({ timeout: 60_000 });
		await expect.poll(() => text('market-match'), { timeout: 30_000 }).toMatch(/江滨一号（江滨街道） ?（由用户指定）/);
		expect(await text('market-band')).toBe('市场参考：与本小区类似的小区收费 2.00–2.20 元/㎡·月');

	});

	it('"no listing" is a choice of its own, kept across a reload; the automatic match can come back', async () => {
		const { page } = s;
		// "No listing": no own listing, no house-price band: 1.6 2.0 2.0 2.4 → 1.90–2.10, as after an undo.
		await page.getByTestId('market-pick').click();
		await page.getByTestId('market-pick-none').click();
		await expect.poll(() => text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.90–2.10 元/㎡·月');
		expect(await text('market-match')).toContain('已设为无挂牌记录');
		await page.reload();
		await page.getByTestId('market-band').waitFor({ timeout: 60_000 });
		await expect.poll(() => text('market-match'), { timeout: 30_000 }).toContain('已设为无挂牌记录');
		expect(await text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.90–2.10 元/㎡·月');
		await page.getByTestId('market-redo').click();
		await expect.poll(() => text('market-match')).toMatch(/本小区的挂牌记录：祥都花园（江滨街道） ?（按名称和区域匹配）/);
		expect(await text('market-band')).toBe('市场参考：与本小区类似的小区收费 1.80–2.20 元/㎡·月');
		expect(await serious()).toEqual([]);
	});

	it('the district view lists the estate on the market with the same band and percentile', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/district');
		// With the automatic match back, the same figures as the panel: fee 1.95, three comparables, Q1 1.80, median 2.00, Q3 2.20, percentile 33.
		const row = page.getByTestId('market-district').locator('tbody tr', { hasText: '祥都花园' });
		await row.waitFor({ timeout: 90_000 });
		const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
		expect(cells).toEqual(['祥都花园', '祥都花园', '1.95', '3', '1.80', '2.00', '2.20', '33']);
	});

	it('the appraisal report carries the market band with its source file and date', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/negotiate?estate=LJ0013');
		await page.locator('#cost').waitFor({ timeout: 90_000 });
		await page.getByTestId('open-report').click();
		await page.getByTestId('report').waitFor({ timeout: 60_000 });
		await page.getByTestId('report-market-band').waitFor({ timeout: 60_000 });
		expect(await text('report-market-band')).toBe('市场参考：与本小区类似的小区收费 1.80–2.20 元/㎡·月');
		expect(await text('report-market-source')).toBe('来源文件 挂牌小区.csv，数据日期 2024-05-01。');
	});

	it('made no request to another origin and logged no error', () => {
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
