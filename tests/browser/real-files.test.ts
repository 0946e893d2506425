import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { generatedEstateId } from '../../src/lib/domain/names';
import { datasetCount, openDataPage, type AppSession } from './harness';

/**
 * Files as a subdistrict office keeps them (docs/sources.md §18.5, §18.6): a fee ledger xlsx without estate ids
 * (merged title "2024年…", 收费标准 beside each estate) and an inspection score list saved as GBK CSV, keyed by
 * names written differently. A failed import changes nothing; the two import together (estates, fees, scores),
 * the recipes are saved, survive a reload, and the next year's ledger is recognised. `zhijia import` of the same
 * files gives canonical CSV whose `zhijia analyze` figures are those the app shows.
 */
const DIR = 'tests/fixtures/real-shapes';
const file = (name: string, mimeType: string) => ({ name, mimeType, buffer: readFileSync(join(DIR, name)) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LEDGER = file('recipes-ledger-2024.xlsx', XLSX);
const LEDGER_2025 = file('recipes-ledger-2025.xlsx', XLSX);
const SCORES = file('recipes-scores-by-name-gbk.csv', 'text/csv');

let s: AppSession;
let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'zhijia-real-'));
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
	if (scratch) await rm(scratch, { recursive: true, force: true });
});

const count = (dataset: string) => datasetCount(s.page, dataset);
const counts = async () => ({ estates: await count('estates'), fees: await count('fees'), scores: await count('scores') });

async function upload(files: { name: string; mimeType: string; buffer: Buffer }[], expected: number) {
	await s.page.getByTestId('file-input').setInputFiles(files);
	await expect.poll(() => s.page.getByTestId('pending-file').count(), { timeout: 30_000 }).toBe(expected);
}
const pending = (name: string) => s.page.locator(`[data-testid=pending-file][data-file="${name}"]`);

/** The scores file's 考评期间 mapped to the period (the only choice made by hand). */
async function mapPeriod() {
	const card = pending(SCORES.name);
	await card.getByLabel('“考评期间”对应的字段').selectOption('period');
}

describe('real files: a ledger without ids and scores keyed by names', () => {
	it('scores whose names match no estate are listed once each, and the failed import changes nothing', async () => {
		const { page } = s;
		const before = await counts();
		expect(before.estates).toBe(240);
		await upload([SCORES], 1);
		const card = pending(SCORES.name);
		expect(await card.locator('[data-field=encoding]').textContent()).toBe('GBK / GB18030');
		await mapPeriod();
		// Nothing required is missing: the name and subdistrict columns find the estates, and the page says so.
		expect(await card.getByTestId('recognition').textContent()).toBe('必需字段已齐全 · 宽表（每个指标一列）');
		for (const column of ['小区名称', '街道']) {
			expect(await card.getByLabel(`“${column}”对应的字段`).locator('option:checked').textContent()).toBe('（用于对应小区）');
		}
		// Ignoring the period column leaves the period unmet (the title names none), said in the line.
		await card.getByLabel('“考评期间”对应的字段').selectOption('');
		expect(await card.getByTestId('recognition').textContent()).toMatch(/^未找到必需字段：期间 \(period\)；/);
		await mapPeriod();
		await page.getByRole('button', { name: '检查数据' }).click();
		const names = page.getByTestId('name-issues');
		await names.waitFor({ timeout: 60_000 });
		expect(await names.locator('tbody tr').count()).toBe(5);
		expect(await names.locator('tr[data-name="阳光花园"]').count()).toBe(1);
		// Counted in the rows the person sees (5 in the file), the melted records beside (55 scores).
		expect(await page.getByTestId('drop-invalid-count').textContent()).toBe('只导入有效行（丢弃 5 行有错误的数据，展开后为 55 条记录）');
		// Even with "import only the valid rows" nothing is valid: refused, the tables as they were.
		await page.getByTestId('drop-invalid').check();
		await page.getByTestId('commit').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/没有|no valid|无/);
		expect(await counts()).toEqual(before);
		await page.getByTestId('drop-invalid').uncheck();
		// "Not one of ours" leaves that name's row out, said once as a reminder; the other four names are still asked,
		// and the answered one stays listed with its answer, to be changed.
		const pick = names.getByLabel('“阳光花园”对应的小区');
		await pick.selectOption({ label: '不是本区小区（这些行不导入）' });
		await page.getByRole('button', { name: '检查数据' }).click();
		await expect.poll(() => names.locator('tbody tr[data-answered=true]').count(), { timeout: 60_000 }).toBe(1);
		expect(await names.locator('tbody tr').count()).toBe(5);
		expect(await names.locator('tr[data-name="阳光花园"] th').textContent()).toContain('已选择');
		expect(await pick.inputValue()).toBe('-');
		expect(await page.getByTestId('drop-invalid-count').textContent()).toBe('只导入有效行（丢弃 4 行有错误的数据，展开后为 44 条记录）');
		await page.getByTestId('show-warnings').click();
		await expect.poll(() => page.getByTestId('problems').textContent()).toContain('小区名称“阳光花园”(城关)已选为“不是本区小区”：这 1 行不导入');
		// Back to 请选择…: the name is asked again, as before any answer.
		await pick.selectOption({ label: '请选择…' });
		await page.getByRole('button', { name: '检查数据' }).click();
		await expect.poll(() => names.locator('tbody tr[data-answered=true]').count(), { timeout: 60_000 }).toBe(0);
		expect(await names.locator('tbody tr').count()).toBe(5);
		expect(await page.getByTestId('drop-invalid-count').textContent()).toBe('只导入有效行（丢弃 5 行有错误的数据，展开后为 55 条记录）');
	});

	it('with the ledger the names join its generated estates: estates, fees and scores in one commit; recipes saved', async () => {
		const { page } = s;
		await upload([LEDGER], 2);
		const ledger = pending(LEDGER.name);
		await expect.poll(() => ledger.getByTestId('recipe-parts').textContent()).toMatch(/小区.*生成.*物业费.*年度取自标题/);
		// The one word the vocabulary does not know is asked once (1 row), and answered.
		const word = ledger.locator('[data-testid=value-map] tr[data-word="单位集资房"]');
		await word.waitFor({ timeout: 30_000 });
		await word.getByTestId('value-answer').selectOption('public_sold');
		await ledger.getByTestId('recipe-name').fill('街道收费台账');
		await ledger.getByTestId('recipe-save').click();
		await expect.poll(() => page.getByTestId('outcome').textContent()).toMatch(/已保存导入方案“街道收费台账”/);
		const scores = pending(SCORES.name);
		await scores.getByTestId('recipe-name').fill('考评汇总（按名称）');
		await scores.getByTestId('recipe-save').click();
		await expect.poll(() => page.getByTestId('outcome').textContent()).toMatch(/考评汇总（按名称）/);

		await page.getByRole('button', { name: '检查数据' }).click();
		const reports = page.getByTestId('reports');
		await reports.waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('name-issues').count()).toBe(0);
		const errors = await reports.locator('[data-field=errors]').allTextContents();
		expect(errors).toEqual(['0', '0', '0']);
		await page.getByTestId('commit').click();
		// Replacing the sample's 240 estates by 5 is asked first.
		await page.getByTestId('shrink-confirm').click({ timeout: 60_000 });
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 65 行/);
		await expect.poll(() => counts(), { timeout: 30_000 }).toEqual({ estates: 5, fees: 5, scores: 55 });
	});

	it('after a reload the tables and recipes are there, and the next year ledger is recognised', async () => {
		const { page } = s;
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await counts()).toEqual({ estates: 5, fees: 5, scores: 55 });
		await upload([LEDGER_2025], 1);
		const card = pending(LEDGER_2025.name);
		await expect.poll(() => card.getByTestId('recipe-recognised').textContent(), { timeout: 30_000 }).toMatch(/已识别导入方案“街道收费台账”/);
		await page.getByRole('button', { name: '检查数据' }).click();
		await page.getByTestId('reports').waitFor({ timeout: 60_000 });
		await page.getByTestId('commit').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 10 行/);
		// The same estates (stable ids): the 2024 scores still belong to them.
		await expect.poll(() => counts(), { timeout: 30_000 }).toEqual({ estates: 5, fees: 5, scores: 55 });
	});

	it('undo brings back the 2024 ledger the 2025 one replaced', async () => {
		const { page } = s;
		// Back to the 2024 ledger in the app, as the command line imports it.
		await page.getByTestId('undo').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已撤销|undone/i);
		expect(await counts()).toEqual({ estates: 5, fees: 5, scores: 55 });
	});

	let cli: { estate_id: string; q: number; fee_m2: number }[] = [];
	it('zhijia import of the same files with the recipes saved on the page writes canonical CSV that analyze reads', async () => {
		const { page } = s;
		// The recipe as exported from the page, for the command line.
		const recipes = await page.evaluate(async () => {
			const req = indexedDB.open('zhijia');
			const db = await new Promise<IDBDatabase>((res, rej) => ((req.onsuccess = () => res(req.result)), (req.onerror = () => rej(req.error))));
			const get = db.transaction('workspace').objectStore('workspace').get('workspace');
			const ws = await new Promise<{ recipes: { name: string }[] }>((res) => (get.onsuccess = () => res(get.result)));
			return ws.recipes.map((r) => JSON.stringify(r));
		});
		expect(recipes).toHaveLength(2);
		const recipeArgs: string[] = [];
		for (const [i, text] of recipes.entries()) {
			const path = join(scratch, `recipe-${i}.json`);
			await writeFile(path, text);
			recipeArgs.push('--recipe', path);
		}
		const out = join(scratch, 'district');
		let stdout = '';
		const io = { stdout: (x: string) => void (stdout += x), stderr: (x: string) => void (stdout += x) };
		expect(await main(['import', join(DIR, LEDGER.name), join(DIR, SCORES.name), ...recipeArgs, '--out', out], io)).toBe(0);
		stdout = '';
		expect(await main(['analyze', out, '--json'], io)).toBe(0);
		cli = JSON.parse(stdout) as typeof cli;
		expect(cli).toHaveLength(5);
	}, 120_000); // two command-line runs, each starting its own engine: slow on a loaded machine

	it('the app shows the figures the command line computes from those files', async () => {
		const { page } = s;
		expect(cli).toHaveLength(5);

		await page.goto(s.baseUrl + '/district');
		await page.getByTestId('ranking').waitFor({ timeout: 60_000 });
		for (const id of [generatedEstateId('阳光花园', '城关街道'), generatedEstateId('梅苑新村', '东城街道'), generatedEstateId('锦绣家园（二期）', '东城街道')]) {
			const want = cli.find((r) => r.estate_id === id)!;
			const row = page.locator(`[data-testid=ranking] tr[data-estate="${id}"]`);
			await row.waitFor({ timeout: 30_000 });
			expect(Number(await row.locator('[data-field=q]').textContent())).toBeCloseTo(want.q, 1);
			expect(parseFloat((await row.locator('[data-field=fee_m2]').textContent())!)).toBeCloseTo(want.fee_m2, 2);
		}
		// 阳光花园 hand-worked: Q = 87.18 (tests/unit/cli/import.test.ts), fee 1.80 元/㎡·月 as its ledger row says.
		expect(cli.find((r) => r.estate_id === generatedEstateId('阳光花园', '城关街道'))).toMatchObject({ fee_m2: 1.8 });
	});
});
