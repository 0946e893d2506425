/**
 * The relocation-housing subsidy planner as a district official uses it: choose the Xiamen-style preset, set a
 * yearly budget cap and change a taper factor, read a yearly total and one estate's amount, open the estate's
 * explanation, export the plan as CSV and xlsx, compare with a second variant. Every expected figure is worked out
 * here from data/sample/estates.csv with the formulas of docs/sources.md §7, never taken from the app's code.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type AppSession } from './harness';
import { fmt, readCsv } from './expected';
import { textToFen } from '../unit/helpers/sheet-readback';

/*
 * The Xiamen-style declining transition (docs/sources.md §7): the district pays 50, 50, 40, 30, 20 % of the fee over five
 * years and the owners pay the rest. With a target (market) fee per building type and no assessment reward, the
 * policy model of §7 gives, per estate and year,
 *   base subsidy = max(0, target − owner-paid) × area × 12 × taper,  owner-paid = owner share × target,
 * so the amount depends only on the building type and the chargeable area. The preset's stand-in target fee is the
 * 2010 national commercial-housing average of §7: 0.70 multi-storey, 1.28 high-rise; taper 1 in every year.
 * Money follows docs/sources.md §15: the owner-paid fee is billed to 0.01 元/㎡·月 (0.6 × 1.28 = 0.768 → 0.77), each
 * amount is rounded to the fen, and a pro-rata cut shares the cap by the largest-remainder rule.
 */
const TARGET: Record<string, number> = { multi: 0.7, high: 1.28 };
const OWNER_SHARE = [0.5, 0.5, 0.6, 0.7, 0.8]; // 2026 … 2030
const YEARS = [2026, 2027, 2028, 2029, 2030];

const relocation = readCsv('estates.csv').filter((e) => e.estate_type === 'relocation');

/** A fee billed to 0.01 元/㎡·月, half up. */
const billed = (fee: number) => Math.floor(fee * 100 + 0.5 + 1e-7) / 100;
/** What one estate is due in plan year i (fen). */
function due(e: Record<string, string>, i: number, taper = 1): number {
	const target = TARGET[e.building_type];
	const gap = billed(target - billed(OWNER_SHARE[i] * target));
	return Math.floor(gap * Number(e.chargeable_area_m2) * 12 * taper * 100 + 0.5 + 1e-7);
}
/** The district's total due in plan year i (fen). */
function yearDue(i: number, taper = 1): number {
	return relocation.reduce((s, e) => s + due(e, i, taper), 0);
}
/** What each estate is paid in year i when the cap (fen) binds: floors of the exact shares, the fen left over to
 * the largest remainders (ties: the earlier estate id). */
function proRata(i: number, capFen: number, taper = 1): Map<string, number> {
	const total = BigInt(yearDue(i, taper));
	const sorted = [...relocation].sort((a, b) => (a.estate_id < b.estate_id ? -1 : 1));
	const parts = sorted.map((e) => {
		const num = BigInt(capFen) * BigInt(due(e, i, taper));
		return { id: e.estate_id, fen: Number(num / total), rem: num % total };
	});
	let left = capFen - parts.reduce((a, p) => a + p.fen, 0);
	for (const p of [...parts].sort((a, b) => (a.rem === b.rem ? 0 : a.rem > b.rem ? -1 : 1))) if (left-- > 0) p.fen += 1;
	return new Map(parts.map((p) => [p.id, p.fen]));
}

/*
 * The estate worked by hand: LJ0018 云阳新村, multi-storey, 67,315.14 m².
 *   2026: owner-paid = 0.5 × 0.70 = 0.35; gap = 0.70 − 0.35 = 0.35 元/㎡·月
 *         base = 0.35 × 67,315.14 × 12 = 0.35 × 807,781.68 = 282,723.588 → 282,723.59 yuan
 * With a yearly cap of 3,000 万元 split pro rata: 2026 is due 3,451.44 万元 > 3,000, so every estate gets
 * 3,000 ÷ 3,451.44… of its amount: 282,723.588 × 30,000,000 ÷ 34,514,416.03… ≈ 245,744 yuan (24.57 万元).
 * With the 2026 taper set to 0.8: due 0.8 × 3,451.44… = 2,761.15 万元 < cap, paid in full;
 *         LJ0018: 282,723.588 × 0.8 = 226,178.8704 → 226,178.87 yuan.
 */
const LJ0018 = relocation.find((e) => e.estate_id === 'LJ0018')!;
const CAP = 30_000_000;
const CAP_FEN = CAP * 100;

let s: AppSession;
let downloads: string;
beforeAll(async () => {
	s = await openBrowser();
	downloads = mkdtempSync(join(tmpdir(), 'zhijia-downloads-'));
	await s.page.goto(s.baseUrl + '/subsidy');
	await s.page.getByTestId('year-totals').waitFor({ timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
	rmSync(downloads, { recursive: true, force: true });
});

/** Fen as the screen writes yuan: two decimals, thousands separators. */
const yuan = (fen: number) => fmt(fen / 100, 2);
const cell = (year: number | string, field: string) =>
	s.page.locator(`[data-testid=year-totals] tr[data-year="${year}"] [data-field=${field}]`).textContent();

/** A minimal RFC 4180 reader (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field), rows.push(row), (row = []), (field = ''), i++;
		} else field += c;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	return rows;
}

describe('relocation-housing subsidy planner', () => {
	it('has the sample district\'s 48 relocation estates', async () => {
		expect(relocation).toHaveLength(48);
		expect(LJ0018.name).toBe('云阳新村');
		expect(LJ0018.building_type).toBe('multi');
		expect(await cell(2026, 'estates')).toBe('48');
	});

	it('the Xiamen-style preset fills the policy and gives the yearly totals worked out from the CSV', async () => {
		const { page } = s;
		await page.getByLabel('政策预设').selectOption('xiamen-declining');
		expect(await page.getByTestId('src-budget').getAttribute('data-tag')).toBe('E');
		expect(await page.getByTestId('src-taper').getAttribute('data-tag')).toBe('V-calc');
		expect(await page.getByTestId('src-design').getAttribute('data-tag')).toBe('V');
		for (const [i, y] of YEARS.entries()) {
			await expect.poll(() => cell(y, 'requested'), { timeout: 20_000 }).toBe(yuan(yearDue(i)));
			expect(await cell(y, 'paid')).toBe(yuan(yearDue(i)));
			expect(await cell(y, 'reward')).toBe('0.00');
		}
	});

	it('a yearly budget cap of 30,000,000 元 pro rata cuts 2026 and 2027 and LJ0018 as worked by hand', async () => {
		const { page } = s;
		await page.getByTestId('cap-mode').selectOption('same');
		await page.getByTestId('cap').fill('30000000');
		await expect.poll(() => page.getByTestId('src-budget').getAttribute('data-tag')).toBe('user');
		await expect.poll(() => cell(2026, 'paid'), { timeout: 20_000 }).toBe('30,000,000.00');
		expect(yearDue(0)).toBeGreaterThan(CAP_FEN); // the cap binds in 2026 …
		expect(yearDue(2)).toBeLessThan(CAP_FEN); // … and not in 2028
		expect(await cell(2026, 'requested')).toBe(yuan(yearDue(0)));
		expect(await cell(2026, 'shortfall')).toBe(yuan(yearDue(0) - CAP_FEN));
		expect(await cell(2026, 'binding')).toBe('超出预算');
		expect(await cell(2028, 'paid')).toBe(yuan(yearDue(2)));
		expect(await cell(2028, 'binding')).toBe('未超出');

		await page.getByTestId('plan-find').fill('云阳新村');
		const row = page.locator('[data-testid=plan-table] tr[data-key=LJ0018]');
		expect(await row.locator('[data-field=request]').textContent()).toBe(yuan(due(LJ0018, 0)));
		expect(await row.locator('[data-field=paid]').textContent()).toBe(yuan(proRata(0, CAP_FEN).get('LJ0018')!));
		expect(yuan(due(LJ0018, 0))).toBe('282,723.59');
		// the 48 amounts paid add up to the cap to the fen
		expect([...proRata(0, CAP_FEN).values()].reduce((a, b) => a + b, 0)).toBe(CAP_FEN);
		expect(await row.locator('[data-field=reasons]').textContent()).toContain('预算不足：按比例削减');
	});

	it('changing the 2026 taper factor to 0.8 brings 2026 under the cap', async () => {
		const { page } = s;
		await page.getByLabel('2026 年退坡系数').fill('0.8');
		await expect.poll(() => page.getByTestId('src-taper').getAttribute('data-tag')).toBe('user');
		await expect.poll(() => cell(2026, 'requested'), { timeout: 20_000 }).toBe(yuan(yearDue(0, 0.8)));
		expect(await cell(2026, 'paid')).toBe(yuan(yearDue(0, 0.8)));
		expect(await cell(2026, 'binding')).toBe('未超出');
		expect(await cell(2027, 'paid')).toBe('30,000,000.00');
		const row = page.locator('[data-testid=plan-table] tr[data-key=LJ0018]');
		await expect.poll(() => row.locator('[data-field=paid]').textContent()).toBe(yuan(due(LJ0018, 0, 0.8)));
		expect(yuan(due(LJ0018, 0, 0.8))).toBe('226,178.87');
		// The five-year total paid: 2026 under the cap, 2027 capped, 2028-2030 under it.
		const total = yearDue(0, 0.8) + CAP_FEN + yearDue(2) + yearDue(3) + yearDue(4);
		expect(await cell('all', 'paid')).toBe(yuan(total));
	});

	it('clicking the estate explains its amounts step by step', async () => {
		const { page } = s;
		await page.getByTestId('plan-table').getByRole('button', { name: '查看 云阳新村 的补贴计算步骤' }).click();
		const panel = page.getByTestId('estate-explanation');
		await panel.waitFor();
		expect(await panel.getAttribute('data-estate')).toBe('LJ0018');
		const steps = await panel.getByTestId('explain-steps').locator('li').allTextContents();
		expect(steps).toHaveLength(5);
		// base = max(0, 0.7 − 0.35) × 67315.14 × 12 × 0.8, as the explanation writes it (yuan, 2 decimals)
		expect(steps[2]).toContain('目标费 0.7');
		expect(steps[2]).toContain('业主缴费 0.35');
		expect(steps[2]).toContain('67315.14');
		expect(steps[2]).toContain('退坡系数 0.8');
		expect(steps[2]).toContain(`${(0.35 * 67315.14 * 12 * 0.8).toFixed(2)} 元`);
		expect(steps[3]).toContain('不设考核奖励');
		expect(await panel.locator('tr[data-year="2027"] [data-field=paid]').textContent()).toBe(yuan(proRata(1, CAP_FEN).get('LJ0018')!));
		// The focus moved to the explanation's heading (keyboard users land on it).
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('explain-title');
	});

	it('exports the plan as CSV with a BOM, the header and one row per estate and year', async () => {
		const { page } = s;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
		expect(download.suggestedFilename()).toMatch(/\.csv$/);
		const path = join(downloads, 'plan.csv');
		await download.saveAs(path);
		const bytes = readFileSync(path);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const rows = parseCsv(bytes.toString('utf8').slice(1));
		const [header, ...body] = rows;
		expect(header.slice(0, 5)).toEqual(['小区编号', '小区名称', '建筑类型', '计费面积(㎡)', '年度']);
		expect(header).toContain('拨付合计(元)');
		expect(body).toHaveLength(48 * 5 + 5 + 1); // estate rows, a total per year, a total over the years
		expect(body.every((r) => r.length === header.length)).toBe(true);
		const totalRows = body.filter((r) => r[0] === '合计');
		expect(totalRows).toHaveLength(6);
		const col = (name: string) => header.indexOf(name);
		const mine = body.find((r) => r[col('小区编号')] === 'LJ0018' && r[col('年度')] === '2026')!;
		expect(mine[col('小区名称')]).toBe('云阳新村');
		expect(textToFen(mine[col('拨付合计(元)')])).toBe(due(LJ0018, 0, 0.8));
		// 2027's 48 amounts as written add up to the cap to the fen, and to the file's own 2027 total row
		const rows2027 = body.filter((r) => r[0] !== '合计' && r[col('年度')] === '2027');
		const paid2027 = rows2027.reduce((sum, r) => sum + textToFen(r[col('拨付合计(元)')]), 0);
		expect(paid2027).toBe(CAP_FEN);
		expect(textToFen(totalRows.find((r) => r[col('年度')] === '2027')![col('拨付合计(元)')])).toBe(CAP_FEN);
	});

	it('exports the plan as an xlsx workbook that SheetJS opens, with the plan, totals and policy sheets', async () => {
		const { page } = s;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
		const path = join(downloads, 'plan.xlsx');
		await download.saveAs(path);
		const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
		expect(wb.SheetNames).toEqual(['补贴测算', '年度汇总', '政策参数']);
		const plan = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['补贴测算'], { header: 1 });
		expect(plan).toHaveLength(1 + 48 * 5 + 6);
		const totals = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['年度汇总']);
		expect(totals.map((r) => r['年度'])).toEqual([...YEARS, '合计']);
		expect(textToFen(String(totals[0]['拨付合计(元)']))).toBe(yearDue(0, 0.8));
		expect(textToFen(String(totals[1]['拨付合计(元)']))).toBe(CAP_FEN);
		const policy = XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['政策参数']);
		const budget = policy.find((r) => r['政策部分'] === '年度预算')!;
		expect(budget['来源标记']).toBe('user');
		expect(JSON.parse(String(budget['参数(JSON)'])).caps).toBe(CAP);
	});

	it('remembers the edited policy across a reload', async () => {
		const { page } = s;
		await page.reload();
		await page.getByTestId('year-totals').waitFor({ timeout: 90_000 });
		expect(await page.getByLabel('政策预设').inputValue()).toBe('xiamen-declining');
		expect(await page.getByLabel('2026 年退坡系数').inputValue()).toBe('0.8');
		await expect.poll(() => cell(2026, 'paid'), { timeout: 20_000 }).toBe(yuan(yearDue(0, 0.8)));
		expect(await cell(2027, 'paid')).toBe('30,000,000.00');
	});

	it('compares the edited policy with a second variant side by side', async () => {
		const { page } = s;
		await page.getByRole('button', { name: '将当前方案加入比较' }).click();
		// Back to the unedited preset in the editor: no cap, taper 1.
		await page.getByRole('button', { name: '恢复预设' }).click();
		const years = page.getByTestId('variant-years');
		await expect.poll(() => years.locator('tr[data-year="2026"] [data-field=paid-1]').textContent(), { timeout: 30_000 }).toBe(yuan(yearDue(0, 0.8)));
		await expect.poll(() => years.locator('tr[data-year="2026"] [data-field=paid-0]').textContent(), { timeout: 30_000 }).toBe(yuan(yearDue(0)));
		expect(await years.locator('tr[data-year="2027"] [data-field=paid-1]').textContent()).toBe('30,000,000.00');
		expect(await years.locator('tr[data-year="2027"] [data-field=paid-0]').textContent()).toBe(yuan(yearDue(1)));
	});

	it('works with the keyboard: the chart switches to its table view', async () => {
		const { page } = s;
		const panel = page.locator('section').filter({ has: page.getByRole('heading', { name: '逐年预算：基础补贴与考核奖励' }) });
		const tableButton = panel.getByRole('button', { name: '表格' });
		await tableButton.focus();
		await page.keyboard.press('Enter');
		await page.getByTestId('budget-chart-table').waitFor();
		expect(await page.getByTestId('budget-chart-table').locator('tbody tr').count()).toBe(5);
		expect(await page.getByRole('img', { name: /堆叠柱状图/ }).count()).toBe(0);
		await panel.getByRole('button', { name: '图表' }).click();
		expect(await page.getByRole('img', { name: /堆叠柱状图/ }).count()).toBe(1);
	});

	it('has no serious accessibility violation, and no foreign request or console error', async () => {
		// With the explanation, a source tag and a table view open as well.
		await s.page.locator('[data-testid=plan-table] tbody tr').first().getByRole('button').click();
		await s.page.getByTestId('estate-explanation').waitFor();
		await s.page.getByTestId('src-target').locator('summary').click();
		await s.page
			.locator('section')
			.filter({ has: s.page.getByRole('heading', { name: /年考核得分分布/ }) })
			.getByRole('button', { name: '表格' })
			.click();
		const serious = (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
