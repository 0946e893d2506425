/**
 * The negotiation workspace and appraisal report, driven as a person would in the built app. Every expected
 * figure is worked out here from the sample CSV files with plain arithmetic (docs/sources.md §3, §6, §8), never
 * from the app's code.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { axeViolations, openBrowser, type AppSession } from './harness';
import { fmt, readCsv } from './expected';

// The estate: 竹汇新村二期 (LJ0192), relocation housing, multi-storey, with a 2025 cost budget, a unit-size table
// and one owners' vote on its fee (0.40 → 0.45 元/㎡·月).
const ID = 'LJ0192';
const estate = readCsv('estates.csv').find((e) => e.estate_id === ID)!;
const AREA = Number(estate.chargeable_area_m2);
const COST = readCsv('costs.csv')
	.filter((c) => c.estate_id === ID && c.year === '2025')
	.reduce((s, c) => s + Number(c.amount_yuan), 0);
const COLLECTION = Number(
	readCsv('fees.csv')
		.filter((f) => f.estate_id === ID)
		.sort((a, b) => Number(b.year) - Number(a.year))[0].collection_rate
);
const UNITS = readCsv('unit_sizes.csv')
	.filter((u) => u.estate_id === ID)
	.map((u) => ({ area: Number(u.unit_area_m2), households: Number(u.households) }));
const VOTE = readCsv('votes.csv').find((v) => v.estate_id === ID)!;
// Defaults of docs/sources.md §3-§4: 8% profit on cost, 6% VAT; the illustrative multi-storey ladder 1.5/1.2/0.9/0.6/0.4;
// the band 0.9-1.1. The estate's Q (about 60.4) puts it at 四级, whose guide price is 0.60.
const PROFIT = 0.08;
const VAT = 0.06;
const GUIDE = { 3: 0.9, 4: 0.6 };

/** Cost-based fee and break-even fee (docs/sources.md §3) at a collection rate. */
function costFee(cost: number, collection: number) {
	const unit = cost / 12 / AREA;
	const fee = unit * (1 + PROFIT) * (1 + VAT);
	return { unit, fee, breakEven: fee / collection };
}

let s: AppSession;
const downloads = mkdtempSync(join(tmpdir(), 'zhijia-neg-'));

beforeAll(async () => {
	s = await openBrowser();
	await s.page.goto(s.baseUrl + '/negotiate');
	await s.page.locator('#cost').waitFor({ timeout: 90_000 });
});
afterAll(async () => {
	await s?.close();
});

const text = async (testid: string) => (await s.page.getByTestId(testid).textContent())?.trim() ?? '';
const cell = (row: string, col: string) => s.page.locator(`[data-testid=proposal-table] tr[data-row="${row}"] td[data-col="${col}"]`);
const serious = async () => (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');

describe('negotiation workspace', () => {
	it('finds the estate by name and fills the cost build-up from its budget', async () => {
		const { page } = s;
		await page.getByLabel('搜索小区').fill(estate.name);
		await page.getByLabel('小区', { exact: true }).selectOption(ID);
		await expect.poll(() => text('cost-total'), { timeout: 30_000 }).toBe(fmt(COST, 0));
		expect(await text('cost-basis')).toContain('2025 年度成本预算');
		const c = costFee(COST, COLLECTION);
		expect(await text('result-unit-cost')).toBe(fmt(c.unit, 4));
		expect(await text('result-fee')).toBe(fmt(c.fee, 4));
		expect(await text('result-break-even')).toBe(fmt(c.breakEven, 4));
		// The collection rate comes from the estate's fee record and says so; the profit rate is a sourced default.
		expect(await page.getByLabel('收缴率', { exact: true }).inputValue()).toBe((COLLECTION * 100).toFixed(1));
		expect(await page.locator('#cost [data-tag=data]').count()).toBeGreaterThanOrEqual(11);
		expect(await page.locator('#cost [data-tag=V]').count()).toBeGreaterThanOrEqual(2);
	});

	it('builds two proposals and shows each household’s bill as worked out from the unit-size table', async () => {
		const { page } = s;
		await page.getByTestId('add-proposal').click();
		await page.getByTestId('add-proposal').click();
		// A: the fee the owners voted on, same grade. B: 0.60 for 三级 with two more guards (96,000 yuan a year).
		await page.getByLabel('方案 A 物业费', { exact: true }).fill('0.45');
		await page.getByLabel('方案 B 物业费', { exact: true }).fill('0.6');
		await page.getByLabel('方案 B 承诺等级', { exact: true }).selectOption({ label: '三级' });
		await page.getByTestId('proposal-B').getByText(/成本项目变动/).click();
		await page.getByLabel('方案 B 秩序维护费变动（元/年）', { exact: true }).fill('96000');

		for (const u of UNITS) {
			await expect.poll(() => cell(`month-${u.area}`, 'A').textContent()).toBe(fmt(0.45 * u.area, 2));
			expect(await cell(`month-${u.area}`, 'B').textContent()).toBe(fmt(0.6 * u.area, 2));
			expect(await cell(`month-${u.area}`, '__current__').textContent()).toBe(fmt(0.4 * u.area, 2));
			expect(await cell(`year-${u.area}`, 'A').textContent()).toBe(fmt(0.45 * u.area * 12, 2));
			expect(await cell(`year-${u.area}`, 'B').textContent()).toBe(fmt(0.6 * u.area * 12, 2));
		}
		// The median household (of 2,353) lives in the 85 ㎡ flats: +0.05 × 85 = +4.25 a month under A.
		expect(await cell('median-change', 'A').textContent()).toBe('+' + fmt(0.05 * 85, 2));

		// B's revenue and the firm's surplus (lump sum, VAT inside the price): docs/sources.md §3 by hand.
		const billed = 0.6 * AREA * 12;
		const collected = billed * COLLECTION;
		const surplus = collected - (collected * VAT) / (1 + VAT) - (COST + 96_000);
		expect(await cell('revenue-full', 'B').textContent()).toBe(fmt(billed, 0));
		expect(await cell('revenue-collected', 'B').textContent()).toBe(fmt(collected, 0));
		expect(await cell('cost', 'B').textContent()).toBe(fmt(COST + 96_000, 0));
		expect(await cell('surplus', 'B').textContent()).toBe((surplus > 0 ? '+' : '') + fmt(surplus, 0));
		// QPR against the grade promised: 三级 guide 0.90 ÷ 0.60 = 1.50, above 1.1.
		expect(await cell('qpr-promised', 'B').textContent()).toContain(`${fmt(GUIDE[3] / 0.6, 2)} · 质高于价`);
		expect(await cell('qpr-current', 'A').textContent()).toContain(`${fmt(GUIDE[4] / 0.45, 2)} · 质高于价`);
	});

	it('tallies the estate’s vote under Civil Code art. 278 and says what is missing', async () => {
		const { page } = s;
		const v = page.getByTestId('vote-0');
		await expect.poll(() => v.getByTestId('vote-0-result').textContent()).toContain('表决未通过');
		const n = (k: string) => Number(VOTE[k]);
		// Participation: both at least 2/3 (exact integer comparison: 3 × part ≥ 2 × total).
		expect(3 * n('owners_participating') >= 2 * n('owners_total')).toBe(true);
		const result = (test: string) => v.locator(`tr[data-test=${test}] [data-field=result]`).textContent();
		const short = (test: string) => v.locator(`tr[data-test=${test}] [data-field=shortfall]`).textContent();
		expect(await result('participation_owners')).toBe('通过');
		expect(await result('participation_area')).toBe('通过');
		// Approval of an ordinary matter needs more than half of the participants: the smallest whole number above
		// 1,562 / 2 is 782, so 782 − 617 = 165 owners are missing; of the area, the least 0.01 m² above 126,174.90 / 2
		// = 63,087.45 is 63,087.46, so 63,087.46 − 48,694.80 = 14,392.66 m² (the rule and the shortfall agree).
		const needOwners = Math.floor(n('owners_participating') / 2) + 1;
		expect(await result('approval_owners')).toBe('未通过');
		expect(await short('approval_owners')).toBe(`${fmt(needOwners - n('owners_yes'), 0)} 人`);
		expect(await result('approval_area')).toBe('未通过');
		const cents = (k: string) => Math.round(n(k) * 100);
		expect(await short('approval_area')).toBe(`${fmt((Math.floor(cents('area_participating_m2') / 2) + 1 - cents('area_yes_m2')) / 100, 2)} ㎡`);
	});

	it('takes a vote typed in by hand', async () => {
		const { page } = s;
		await page.getByTestId('add-vote').click();
		const fill = async (what: string, owners: string, area: string) => {
			await page.getByLabel(`表决 2：${what}业主人数`, { exact: true }).fill(owners);
			await page.getByLabel(`表决 2：${what}面积（㎡）`, { exact: true }).fill(area);
		};
		await fill('总数', '300', '30000');
		await fill('参与表决', '200', '20000');
		await fill('同意', '101', '10000.01');
		// Exactly 2/3 takes part (passes); 101 of 200 is more than half; 10,000.01 of 20,000 ㎡ too.
		await expect.poll(() => page.getByTestId('vote-1-result').textContent()).toContain('表决通过');
		await page.getByLabel('表决 2：同意业主人数', { exact: true }).fill('100');
		await expect.poll(() => page.getByTestId('vote-1-result').textContent()).toContain('表决未通过');
		expect(await page.getByTestId('vote-1').locator('tr[data-test=approval_owners] [data-field=shortfall]').textContent()).toBe('1 人');
		await page.getByRole('button', { name: '删除表决 2' }).click();
	});

	it('shows the negotiating range and the tornado with a table view', async () => {
		const { page } = s;
		const c = costFee(COST, COLLECTION);
		const ceiling = GUIDE[4] / 0.9;
		expect(await text('range-floor')).toBe(fmt(c.breakEven, 2) + '元/㎡·月');
		expect(await text('range-ceiling')).toBe(fmt(ceiling, 2) + '元/㎡·月');
		// Floor above ceiling: a gap, and no recommended range until it is closed.
		expect(await text('range-status')).toContain(`差距 ${fmt(c.breakEven - ceiling, 2)}`);
		expect(await text('range-recommended')).toBe('—');
		expect(await page.getByRole('img', { name: /区间图/ }).count()).toBe(1);
		expect(await page.getByRole('img', { name: /龙卷风图/ }).count()).toBe(1);
		const tornado = page.locator('#sensitivity');
		await tornado.getByRole('button', { name: '表格' }).click();
		const rows = tornado.locator('[data-testid=tornado-chart-table] tbody tr');
		await expect.poll(() => rows.count()).toBe(12);
		// The collection rate moves the break-even fee most: ±10% of 69.8%.
		const first = await rows.first().locator('th, td').allTextContents();
		expect(first[0]).toBe('收缴率');
		expect(first[3]).toBe(fmt(c.fee / (COLLECTION * 0.9), 4));
		expect(first[5]).toBe(fmt(c.fee / (COLLECTION * 1.1), 4));
		await tornado.getByRole('button', { name: '图表' }).click();
	});

	it('has no serious accessibility violation on the workspace', async () => {
		expect(await serious()).toEqual([]);
	});
});

describe('appraisal report', () => {
	// If arrears were recovered (100% collection) the floor falls below the quality ceiling and a range exists.
	const c = costFee(COST, 1);
	const low = Math.max(c.breakEven, GUIDE[4] / 1.1);
	const high = GUIDE[4] / 0.9;

	it('recommends a range once the collection rate is set to 100%', async () => {
		const { page } = s;
		expect(c.breakEven).toBeLessThan(high); // the premise of this test
		await page.getByLabel('收缴率', { exact: true }).fill('100');
		await expect.poll(() => text('range-recommended')).toBe(`${fmt(low, 2)} – ${fmt(high, 2)}元/㎡·月`);
		expect(await page.locator('#cost .field', { hasText: '收缴率' }).locator('[data-tag]').getAttribute('data-tag')).toBe('user');
	});

	it('prints to an A4 PDF whose text holds the recommended range and the preparer', async () => {
		const { page } = s;
		await page.getByTestId('open-report').click();
		await page.getByTestId('report').waitFor({ timeout: 60_000 });
		await page.getByTestId('preparer').fill('张评估（临江评估事务所）');
		const line = `推荐收费区间：${fmt(low, 2)} – ${fmt(high, 2)} 元/㎡·月`;
		expect(await text('recommended')).toContain(line);
		expect(await serious()).toEqual([]);

		const pdf = join(downloads, 'report.pdf');
		await page.pdf({ path: pdf, format: 'A4', printBackground: true });
		const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), disableFontFace: true }).promise;
		let all = '';
		for (let i = 1; i <= doc.numPages; i++) {
			const content = await (await doc.getPage(i)).getTextContent();
			all += content.items.map((x) => ('str' in x ? x.str : '')).join('');
		}
		const squash = (x: string) => x.replace(/\s+/g, '');
		expect(squash(all)).toContain(squash(line));
		expect(squash(all)).toContain('张评估（临江评估事务所）');
		expect(squash(all)).toContain(estate.name);
		// A4 portrait: 210 × 297 mm = 595.3 × 841.9 pt (Chromium rounds to whole device pixels).
		const [, , w, h] = (await doc.getPage(1)).view;
		expect(Math.abs(w - 595.3)).toBeLessThan(1.5);
		expect(Math.abs(h - 841.9)).toBeLessThan(1.5);
		expect(doc.numPages).toBeGreaterThan(1);
		// The navigation and buttons are not printed.
		expect(all).not.toContain('导出 Excel');
		expect(all).not.toContain('方法与目录');
	});

	it('exports its tables to xlsx, one sheet per table with Chinese headers', async () => {
		const { page } = s;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
		const file = join(downloads, download.suggestedFilename());
		await download.saveAs(file);
		expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
		const wb = XLSX.read(readFileSync(file));
		expect(wb.SheetNames).toEqual(expect.arrayContaining(['封面', '十项成本', '协商区间与推荐收费', '方案比较', '业主表决', '输入与来源']));
		const costs = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['十项成本'], { header: 1 });
		expect(costs[0]).toEqual(['成本项目', '年度金额（元/年）', '占比', '单位成本（元/㎡·月）', '来源']);
		expect(costs.at(-1)?.[1]).toBe(COST);
		const range = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['协商区间与推荐收费'], { header: 1 });
		const rec = (label: string) => range.find((r) => r[0] === label)?.[1] as number;
		expect(rec('推荐区间下沿')).toBeCloseTo(low, 9);
		expect(rec('推荐区间上沿')).toBeCloseTo(high, 9);
	});
});

describe('scenarios that last', () => {
	it('keeps the scenario across a reload', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/negotiate');
		await page.locator('#cost').waitFor({ timeout: 90_000 });
		await expect.poll(() => page.getByTestId('proposal-B').count()).toBe(1);
		expect(await page.getByLabel('方案 B 物业费', { exact: true }).inputValue()).toBe('0.6');
	});

	it('refuses a bad JSON file with a clear error and changes nothing', async () => {
		const { page } = s;
		const before = await text('cost-total');
		await page.getByTestId('import-file').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ cost: { chargeableAreaM2: -5 }, quality: { currentFee: 1 } }))
		});
		const alert = page.getByTestId('notice-error');
		await expect.poll(() => alert.textContent()).toContain('未能导入');
		expect(await alert.textContent()).toContain('cost.chargeableAreaM2');
		expect(await alert.textContent()).toContain('当前方案未作任何改动');
		expect(await text('cost-total')).toBe(before);
		expect(await page.getByTestId('proposal-B').count()).toBe(1);
		await alert.getByRole('button', { name: '关闭' }).click();
	});

	it('exports the scenario as JSON and imports it back', async () => {
		const { page } = s;
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 JSON' }).click()]);
		const file = join(downloads, 'scenario.json');
		await download.saveAs(file);
		const json = JSON.parse(readFileSync(file, 'utf8'));
		expect(json.estateId).toBe(ID);
		expect(json.proposals.map((p: { label: string }) => p.label)).toEqual(['A', 'B']);
		json.proposals[1].label = 'C';
		await page.getByTestId('import-file').setInputFiles({ name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
		await expect.poll(() => page.getByTestId('proposal-C').count()).toBe(1);
		expect(await page.getByTestId('proposal-B').count()).toBe(0);
	});

	it('shares the parameters as a link, and a damaged link falls back to defaults with a notice', async () => {
		const { page } = s;
		await page.getByRole('button', { name: '复制分享链接' }).click();
		const link = await page.getByTestId('share-link').inputValue();
		expect(link).toMatch(/\/negotiate\?s=[A-Za-z0-9_-]+$/);

		await page.goto(s.baseUrl + '/negotiate?s=' + link.split('?s=')[1].slice(0, 40));
		await page.locator('#cost').waitFor({ timeout: 90_000 });
		await expect.poll(() => page.getByTestId('notice-error').textContent()).toContain('分享链接已损坏');
		expect(await page.getByTestId('proposal-C').count()).toBe(0);

		await page.goto(link);
		await page.locator('#cost').waitFor({ timeout: 90_000 });
		await expect.poll(() => page.getByTestId('proposal-C').count()).toBe(1);
		expect(await page.getByTestId('notice-info').textContent()).toContain('已从分享链接载入方案');
		expect(await text('cost-total')).toBe(fmt(COST, 0));
	});

	it('made no foreign request and logged no console error', async () => {
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
