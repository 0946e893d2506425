/**
 * Goal seek (反推) in the built app on the sample district, as a person uses it: on the negotiation page type a
 * collection rate and read the break-even fee with its check; on the subsidy page read the smallest cap at which
 * every estate keeps its base subsidy, and solve a taper step for a five-year budget. Expected figures are worked
 * out here from the sample CSV files (docs/sources.md §3, §7, §15), never taken from the app's code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type AppSession } from './harness';
import { fmt, readCsv } from './expected';

// 竹汇新村二期 (LJ0192): multi-storey relocation estate with a 2025 cost budget.
const ID = 'LJ0192';
const AREA = Number(readCsv('estates.csv').find((e) => e.estate_id === ID)!.chargeable_area_m2);
const COST = readCsv('costs.csv')
	.filter((c) => c.estate_id === ID && c.year === '2025')
	.reduce((s, c) => s + Number(c.amount_yuan), 0);
/** Break-even fee at collection rate c (docs/sources.md §3): cost ÷ 12 ÷ area × 1.08 (profit) × 1.06 (VAT) ÷ c. */
const breakEven = (c: number) => ((COST / 12 / AREA) * 1.08 * 1.06) / c;
/** As the app writes a figure in an equation: at most 4 decimals, no trailing zeros. */
const fig4 = (v: number) => String(Number(v.toFixed(4)));

/*
 * Xiamen-style declining transition (docs/sources.md §7): owners pay 50, 50, 60, 70, 80 % of the target 0.70 (multi) /
 * 1.28 (high), billed to the fen per ㎡; no reward. Every subsidy is a base subsidy, so under pro rata any cut of a
 * year's total cuts somebody's base: the smallest cap is the largest year's total (2026 = 2027, owners at 50 %).
 */
const TARGET: Record<string, number> = { multi: 0.7, high: 1.28 };
const OWNER_SHARE = [0.5, 0.5, 0.6, 0.7, 0.8];
const relocation = readCsv('estates.csv').filter((e) => e.estate_type === 'relocation');
const billed = (fee: number) => Math.floor(fee * 100 + 0.5 + 1e-7) / 100;
function due(e: Record<string, string>, i: number, taper = 1): number {
	const target = TARGET[e.building_type];
	const gap = billed(target - billed(OWNER_SHARE[i] * target));
	return Math.floor(gap * Number(e.chargeable_area_m2) * 12 * taper * 100 + 0.5 + 1e-7);
}
const yearDue = (i: number, taper = 1) => relocation.reduce((s, e) => s + due(e, i, taper), 0);

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
});
afterAll(async () => {
	await s?.close();
});

describe('goal seek on the negotiation page', () => {
	it('types 80 % and reads the break-even fee with its check', async () => {
		const { page } = s;
		await page.goto(`${s.baseUrl}/negotiate?estate=${ID}`);
		const panel = page.getByTestId('goalseek-panel');
		await panel.waitFor({ timeout: 90_000 });
		const rate = page.getByTestId('goal-rate');
		await rate.fill('80');
		// 80 %: the fee is the cost-based fee ÷ 0.8.
		await expect.poll(async () => page.getByTestId('goal-breakeven-text').textContent(), { timeout: 20_000 }).toContain(`${fig4(breakEven(0.8))} 元/㎡·月`);
		expect(await page.getByTestId('goal-breakeven-check').getAttribute('data-ok')).toBe('true');
		expect(await page.getByTestId('goal-breakeven-billed').getAttribute('data-ok')).toBe('true');
		// The equation is there to read, with the rate in it.
		await page.getByTestId('goal-breakeven').locator('summary').click();
		expect(await page.getByTestId('goal-breakeven-equation').textContent()).toContain('80%');
		// The quality a fee needs is answered and checked.
		expect(await page.getByTestId('goal-quality-check').getAttribute('data-ok')).toBe('true');
		// The fee in force (0.40) is below the cost-based fee even at full collection: no collection rate covers it.
		expect(breakEven(1)).toBeGreaterThan(0.4);
		expect(await page.getByTestId('goal-collection-none').textContent()).toContain('100%');
		// A fee 0.10 above the full-collection break-even fee is covered below 100 %, and the rate is checked.
		const fee = Math.ceil(breakEven(1) * 100) / 100 + 0.1;
		await page.getByTestId('goal-fee').fill(fee.toFixed(2));
		await page.getByTestId('goal-collection-check').waitFor({ timeout: 10_000 });
		expect(await page.getByTestId('goal-collection-check').getAttribute('data-ok')).toBe('true');
		// The collection rate shown is the cost-based fee ÷ the fee, to two decimals of a percent.
		expect(await page.getByTestId('goal-collection-text').textContent()).toContain(`${String(Number(((breakEven(1) / Number(fee.toFixed(2))) * 100).toFixed(2)))}%`);
		// 0 % has no answer; 76 % gives the cost-based fee ÷ 0.76.
		await rate.fill('0');
		await page.getByTestId('goal-breakeven-none').waitFor({ timeout: 10_000 });
		await rate.fill('76');
		await expect.poll(async () => page.getByTestId('goal-breakeven-text').textContent(), { timeout: 10_000 }).toContain(fig4(breakEven(0.76)));
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	});
});

describe('goal seek in the appraisal report', () => {
	it('lists the quality and collection rate each fee needs, checked', async () => {
		const { page } = s;
		await page.goto(`${s.baseUrl}/negotiate/report`);
		const block = page.getByTestId('report-goalseek');
		await block.waitFor({ timeout: 90_000 });
		const text = (await block.textContent()) ?? '';
		// The fee in force, 0.40: 五级's guide 0.40 ÷ 0.40 = 1.0 is matched at any Q; no collection rate covers it.
		expect(text).toContain('Q ≥ 0 ✓');
		expect(text).toContain('无解');
		expect(s.errors).toEqual([]);
	});
});

describe('goal seek on the subsidy page', () => {
	it('shows the smallest cap at which every estate keeps its base subsidy, checked', async () => {
		const { page } = s;
		await page.goto(`${s.baseUrl}/subsidy`);
		await page.getByTestId('year-totals').waitFor({ timeout: 90_000 });
		await page.getByLabel('政策预设').selectOption('xiamen-declining');
		const cap = Math.max(...[0, 1, 2, 3, 4].map((i) => yearDue(i)));
		await expect.poll(async () => page.getByTestId('goal-cap-text').textContent(), { timeout: 60_000 }).toContain(fmt(cap / 100, 2));
		expect(await page.getByTestId('goal-cap-check').getAttribute('data-ok')).toBe('true');
	});

	it('solves the taper step for a five-year budget: taper 1, 0.9, 0.8, 0.7, 0.6 → 10 %', async () => {
		const { page } = s;
		// The budget the taper 1 − 0.1 i spends, each estate's amount rounded to the fen.
		const budget = [0, 1, 2, 3, 4].reduce((t, i) => t + yearDue(i, 1 - 0.1 * i), 0) / 100;
		await page.getByTestId('goal-budget').fill(String(budget));
		await page.getByTestId('goal-parameter').selectOption('taper_step');
		await page.getByTestId('goal-solve').click();
		await expect.poll(async () => page.getByTestId('goal-fit-text').textContent(), { timeout: 60_000 }).toContain('d = 10%');
		expect(await page.getByTestId('goal-fit-check').getAttribute('data-ok')).toBe('true');
		expect(await page.getByTestId('goal-fit-text').textContent()).toContain(fmt(budget, 2));
		expect(s.errors).toEqual([]);
	});
});
