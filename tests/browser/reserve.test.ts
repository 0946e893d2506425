/**
 * The maintenance-fund plan as an owners' committee and a housing official use it: the estate page's section
 * (renewals, the fund year by year, the shortfall, the refill and the vote), the district page, the CSV and xlsx
 * exports and the printed one-page plan. Every expected figure is worked out here from the sample CSV files with the
 * convention of docs/sources.md §11 in plain arithmetic, never taken from the app's code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type AppSession } from './harness';
import { fmt, readCsv } from './expected';

/** Default life (years) and unit cost (yuan) of each facility kind: the table of docs/sources.md §11. */
const DEFAULTS: Record<string, [number, number] | undefined> = {
	elevator_midrise: [20, 400_000],
	elevator_highrise: [20, 600_000],
	elevator_added: [20, 300_000],
	fire_alarm: [12, 80_000],
	fire_water: [20, 150_000],
	water_pump: [12, 60_000],
	water_tank: [20, 50_000],
	roof_waterproofing: [20, 115],
	exterior_wall: [15, 120],
	access_control: [8, 12_000],
	drains: [30, 800]
};
const FROM = 2026; // the year after the latest balance (2025)
const estates = readCsv('estates.csv');
const facilities = readCsv('facilities.csv');
const balances = readCsv('fund_balances.csv');

/** The convention by hand, in fen: renewals, then opening + contribution + interest (on a positive opening) − spend. */
function plan(id: string, years = 20, interestPerMille = 15) {
	const e = estates.find((x) => x.estate_id === id)!;
	const spend = new Array<number>(years).fill(0);
	let renewals = 0;
	for (const f of facilities.filter((x) => x.estate_id === id)) {
		const d = DEFAULTS[f.facility];
		const life = f.life_years ? Number(f.life_years) : d?.[0];
		const cost = f.unit_replacement_cost_yuan ? Number(f.unit_replacement_cost_yuan) : d?.[1];
		if (!life || cost === undefined) continue;
		for (let y = Math.max(FROM, Number(f.installed_year) + life); y < FROM + years; y += life) {
			spend[y - FROM] += Math.round(Number(f.quantity) * cost * 100);
			renewals++;
		}
	}
	const last = balances.filter((b) => b.estate_id === id && Number(b.year) < FROM).sort((a, b) => Number(b.year) - Number(a.year))[0];
	let opening = last ? Math.round(Number(last.balance_yuan) * 100) : 0;
	const contribution = last?.annual_contribution_yuan ? Math.round(Number(last.annual_contribution_yuan) * 100) : 0;
	const rows = spend.map((s, i) => {
		const interest = opening > 0 ? Math.round((opening * interestPerMille) / 1000) : 0;
		const row = { year: FROM + i, opening, contribution, interest, spend: s, closing: opening + contribution + interest - s };
		opening = row.closing;
		return row;
	});
	const first = rows.find((r) => r.closing < 0);
	const worst = Math.max(0, ...rows.map((r) => -r.closing));
	const area = Number(e.chargeable_area_m2);
	return { e, rows, renewals, spendTotal: spend.reduce((a, b) => a + b, 0), first, worst, refillM2: Math.ceil(worst / area), refillHousehold: Math.ceil(worst / Number(e.households)) };
}

// 桃源二村 (LJ0005): sold public housing, walk-up, a small fund, its roof and door sets due at once.
const ID = 'LJ0005';
const P = plan(ID);
const yuan = (fen: number) => fmt(fen / 100, 2);
const wan = (fen: number) => fmt(fen / 1_000_000, 2);

let s: AppSession;
const downloads = mkdtempSync(join(tmpdir(), 'zhijia-reserve-'));
const serious = async () => (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
const text = async (testid: string) => ((await s.page.getByTestId(testid).textContent()) ?? '').trim();

beforeAll(async () => {
	s = await openBrowser();
	await s.page.goto(`${s.baseUrl}/estate/${ID}`);
	await s.page.getByTestId('reserve-first-shortfall').waitFor({ timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
	rmSync(downloads, { recursive: true, force: true });
});

describe('the estate page section', () => {
	it('shows the opening balance, the renewal spend, the first shortfall and the refill worked out from the CSV', async () => {
		expect(P.e.name).toBe('桃源二村');
		expect(P.first).toBeDefined(); // the premise: this fund runs short
		expect(await text('reserve-opening')).toBe(`${wan(P.rows[0].opening)}万元`);
		expect(await text('reserve-spend')).toBe(`${wan(P.spendTotal)}万元`);
		expect(await text('reserve-first-shortfall')).toBe(String(P.first!.year));
		expect(await text('reserve-refill-m2')).toBe(`${yuan(P.refillM2)}元/㎡`);
		expect(await text('reserve-refill-household')).toContain(yuan(P.refillHousehold));
	});

	it('lists every renewal with its source tags in the table view of the timeline', async () => {
		const { page } = s;
		const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: '设施更新时间线' }) });
		await panel.getByRole('button', { name: '表格' }).click();
		const rows = page.locator('[data-testid=reserve-renewals] tbody tr');
		expect(await rows.count()).toBe(P.renewals);
		// The roof (no figures given) uses the defaults tagged [M] for life and [V-calc] for cost, or the data's quote.
		const roof = page.locator('[data-testid=reserve-renewals] tr[data-facility=roof_waterproofing]').first();
		const tags = await roof.locator('[data-tag]').evaluateAll((els) => els.map((el) => el.getAttribute('data-tag')));
		const given = facilities.find((f) => f.estate_id === ID && f.facility === 'roof_waterproofing')!;
		expect(tags).toEqual(['M', given.unit_replacement_cost_yuan ? 'user' : 'V-calc']);
	});

	it('with interest set to 0 the ledger follows opening + contribution − spend, to the fen', async () => {
		const { page } = s;
		await page.getByTestId('reserve-interest').fill('0');
		const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: '维修资金逐年余额' }) });
		await panel.getByRole('button', { name: '表格' }).click();
		const noInterest = plan(ID, 20, 0);
		const cell = (year: number, field: string) => page.locator(`[data-testid=reserve-ledger] tr[data-year="${year}"] [data-field=${field}]`).textContent();
		await expect.poll(() => cell(FROM, 'interest')).toBe('0.00');
		for (const r of [noInterest.rows[0], noInterest.rows[7], noInterest.rows[19]]) {
			expect(await cell(r.year, 'closing')).toBe(yuan(r.closing));
			expect(await cell(r.year, 'spend')).toBe(yuan(r.spend));
		}
		expect(await text('reserve-refill-m2')).toBe(`${yuan(noInterest.refillM2)}元/㎡`);
		// The interest rate is now the user's figure.
		expect(await page.locator('[data-testid=reserve-section] form details[data-tag]').first().getAttribute('data-tag')).toBe('user');
		await page.getByTestId('reserve-interest').fill('1.5');
		await expect.poll(() => text('reserve-refill-m2')).toBe(`${yuan(P.refillM2)}元/㎡`);
	});

	it('says what the vote on refilling needs: 2/3 of owners to take part, 3/4 of them to agree', async () => {
		const owners = Number(P.e.households); // no recorded fund vote for this estate: one owner a home
		const take = Math.ceil((2 * owners) / 3);
		const row = s.page.locator('[data-testid=reserve-vote] tr[data-decision=refill]');
		expect(await row.locator('[data-field=turnout]').textContent()).toContain(`${fmt(take, 0)} 人`);
		expect(await row.locator('[data-field=yes-min]').textContent()).toContain(`${fmt(Math.ceil((3 * take) / 4), 0)} 人`);
		const use = s.page.locator('[data-testid=reserve-vote] tr[data-decision=use]');
		expect(await use.locator('[data-field=yes-min]').textContent()).toContain(`${fmt(Math.floor(take / 2) + 1, 0)} 人`);
		expect(await serious()).toEqual([]);
	});

	it('exports the ledger as CSV with a BOM and the workbook with its sources', async () => {
		const { page } = s;
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reserve-export-csv').click()]);
		const csvPath = join(downloads, 'ledger.csv');
		await csv.saveAs(csvPath);
		const bytes = readFileSync(csvPath);
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
		expect(lines[0]).toBe('小区编号,年度,期初(元),续筹(元),利息(元),更新支出(元),期末(元)');
		expect(lines).toHaveLength(21);
		expect(lines[1].split(',').slice(0, 2)).toEqual([ID, String(FROM)]);
		expect(Number(lines[1].split(',')[6])).toBeCloseTo(P.rows[0].closing / 100, 2);

		const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reserve-export-xlsx').click()]);
		const xlsxPath = join(downloads, 'plan.xlsx');
		await xlsx.saveAs(xlsxPath);
		const wb = XLSX.read(readFileSync(xlsxPath));
		expect(wb.SheetNames).toEqual(['各小区测算', '逐年资金', '更新计划', '假设与来源']);
		const assumptions = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['假设与来源'], { header: 1 });
		expect(assumptions.some((r) => String(r[0]).startsWith('屋面防水') && r[2] === 'M')).toBe(true);
	});

	it('prints a one-page A4 plan whose text holds the shortfall, the motion and the vote', async () => {
		const { page } = s;
		await page.getByTestId('reserve-print-link').click();
		await page.getByTestId('reserve-plan').waitFor({ timeout: 60_000 });
		expect(await serious()).toEqual([]);
		const pdfPath = join(downloads, 'plan.pdf');
		await page.pdf({ path: pdfPath, format: 'A4', printBackground: true });
		const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const doc = await getDocument({ data: new Uint8Array(readFileSync(pdfPath)), disableFontFace: true }).promise;
		let all = '';
		for (let i = 1; i <= doc.numPages; i++) {
			const content = await (await doc.getPage(i)).getTextContent();
			all += content.items.map((x) => ('str' in x ? x.str : '')).join('');
		}
		const squash = (x: string) => x.replace(/\s+/g, '');
		expect(doc.numPages).toBe(1);
		const [, , w, h] = (await doc.getPage(1)).view;
		expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
		expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
		expect(squash(all)).toContain(squash(`${P.e.name} 专项维修资金更新与续筹方案`));
		expect(squash(all)).toContain(squash(`资金将于 ${P.first!.year} 年首次出现缺口 ${yuan(-P.first!.closing)} 元`));
		expect(squash(all)).toContain(squash(`每平方米 ${yuan(P.refillM2)} 元`));
		expect(squash(all)).toContain('筹集（续筹）专项维修资金');
		expect(squash(all)).toContain('第6项');
		// Defaults are printed with their tags; the navigation and buttons are not printed.
		expect(all).toContain('[M]');
		expect(all).not.toContain('方法与目录');
		expect(all).not.toContain('打印');
	});
});

describe('the district page', () => {
	const plans = estates.map((e) => plan(e.estate_id));
	const lifts = facilities.filter((f) => f.facility.startsWith('elevator'));

	it('counts the estates that run short and the overdue lifts, as worked out from the CSV', async () => {
		const { page } = s;
		await page.getByRole('link', { name: '维修资金', exact: true }).click();
		await page.getByTestId('district-estates').waitFor({ timeout: 60_000 });
		expect(await text('district-estates')).toBe('240');
		expect(await text('district-short')).toBe(String(plans.filter((p) => p.first).length));
		const overdue = lifts.filter((f) => Number(f.installed_year) + (f.life_years ? Number(f.life_years) : 20) < FROM).reduce((n, f) => n + Number(f.quantity), 0);
		expect(overdue).toBeGreaterThan(0);
		expect(await text('district-overdue-lifts')).toBe(fmt(overdue, 0));
		expect(await text('district-need')).toBe(`${wan(plans.reduce((n, p) => n + p.spendTotal, 0))}万元`);
	});

	it('lists estates by first shortfall year, soonest first', async () => {
		const firstYears = await s.page.locator('[data-testid=district-estates-table] [data-field=first-shortfall]').allTextContents();
		expect(firstYears).toHaveLength(240);
		const years = firstYears.map((y) => (y === '无' ? Infinity : Number(y)));
		expect(years).toEqual([...years].sort((a, b) => a - b));
		expect(years[0]).toBe(FROM);
	});

	it('lists lifts of 15 years or more, oldest first, with their last assessment', async () => {
		const rows = s.page.locator('[data-testid=district-lifts] tbody tr');
		const oldest = Math.max(...lifts.map((f) => FROM - Number(f.installed_year)));
		expect(await rows.first().locator('[data-field=age]').textContent()).toBe(String(oldest));
		const assessed = lifts.find((f) => f.last_assessed_at && f.last_assessment_result === 'replace')!;
		const row = s.page.locator(`[data-testid=district-lifts] tr[data-estate=${assessed.estate_id}]`, { hasText: assessed.last_assessed_at.slice(0, 10) });
		expect(await row.locator('[data-field=result]').first().textContent()).toBe('建议更新');
	});

	it('shows the renewal need per year in its table, and has no accessibility or network problems', async () => {
		const { page } = s;
		const panel = page.locator('section.panel', { has: page.getByRole('heading', { name: '全区逐年更新需求' }) });
		await panel.getByRole('button', { name: '表格' }).click();
		const need2026 = plans.reduce((n, p) => n + (p.rows[0].spend ?? 0), 0);
		expect(await page.locator('[data-testid=district-need] tr[data-year="2026"] [data-field=need]').textContent()).toBe(wan(need2026));
		expect(await serious()).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});

	it('exports every estate as CSV for Excel', async () => {
		const { page } = s;
		const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('district-export-csv').click()]);
		const path = join(downloads, 'district.csv');
		await csv.saveAs(path);
		const textOut = readFileSync(path, 'utf8');
		expect(textOut.charCodeAt(0)).toBe(0xfeff);
		expect(textOut.slice(1).trimEnd().split('\r\n')).toHaveLength(241);
	});
});
