/**
 * The import safeguards (docs/sources.md §17) in Chromium, on the built app, as a user would meet it: the five holes (a header-only replace, a stray
 * quote, mixed encodings, a formula in the problem list download, a workspace file with bad settings), the three
 * refusals said in Chinese, and undo: import, reload, undo, counts back exactly; undo of a replace brings the old
 * rows back.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { encodeWorkspace } from '../../src/lib/workspace/workspace-file';
import { axeViolations, datasetCount, openDataPage, type AppSession } from './harness';
import { gbk, json, parquet, utf8 } from '../fixtures/import-files';

const SAMPLE = readFileSync('data/sample/estates.csv', 'utf8');
const LINES = SAMPLE.trimEnd().split('\n');
const HEADER = LINES[0];

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

const count = (dataset: string) => datasetCount(s.page, dataset);

async function upload(files: { name: string; bytes: Uint8Array }[]) {
	await clearPending();
	await s.page.getByTestId('file-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'application/octet-stream', buffer: Buffer.from(f.bytes) })));
	await expect.poll(() => s.page.getByTestId('pending-file').count(), { timeout: 30_000 }).toBe(files.length);
}

/** Removes every file waiting on the page. */
async function clearPending() {
	const remove = s.page.locator('[data-testid=pending-file] header button');
	while ((await remove.count()) > 0) await remove.first().click();
}

async function check() {
	await s.page.getByRole('button', { name: '检查数据' }).click();
	await s.page.getByTestId('reports').waitFor({ timeout: 60_000 });
}

async function problemRows(): Promise<string[][]> {
	return s.page
		.getByTestId('problems')
		.locator('tbody tr')
		.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')));
}

describe('import safeguards: nothing lost, nothing garbled', () => {
	it('a header-only file cannot replace the 240 estates without asking, and the question says how many rows go', async () => {
		const { page } = s;
		expect(await count('estates')).toBe(240);
		await upload([{ name: '小区.csv', bytes: utf8(HEADER + '\r\n') }]);
		await page.getByLabel('替换该数据集').check();
		await check();
		expect(await page.getByTestId('reports').locator('[data-field=errors]').textContent()).toBe('1');
		expect(await problemRows()).toContainEqual(['小区.csv', '—', '—', '', '只有表头，没有数据行；用它“替换”会清空该数据集，已拒绝']);
		expect(await page.getByTestId('commit').isDisabled()).toBe(true);

		// Even choosing to drop invalid rows, the replace stops and asks.
		await page.getByTestId('drop-invalid').check();
		await page.getByTestId('commit').click();
		const ask = page.getByTestId('shrink');
		await ask.waitFor({ timeout: 60_000 });
		expect(await ask.locator('li').textContent()).toBe('“小区”将从 240 行变为 0 行，删除 240 行。');
		await page.getByTestId('shrink-cancel').click();
		expect(await page.getByTestId('outcome').textContent()).toBe('没有替换，数据没有改动。');
		expect(await count('estates')).toBe(240);
		await page.getByTestId('drop-invalid').uncheck();
		await clearPending();
	});

	it('a stray quote that would swallow five rows is reported on its row; nothing can be imported', async () => {
		const { page } = s;
		const lines = [...LINES];
		lines[3] = lines[3].replace(',', ',"');
		lines[8] = lines[8].replace(/^(LJ0008),([^,]+),/, '$1,"$2",');
		await upload([{ name: '小区名录.csv', bytes: utf8(lines.join('\r\n') + '\r\n') }]);
		await check();
		const reports = page.getByTestId('reports');
		expect(await reports.locator('[data-field=rows]').textContent()).toBe('235');
		expect(await reports.locator('[data-field=errors]').textContent()).toBe('1');
		const [row] = await problemRows();
		expect(row.slice(0, 3)).toEqual(['小区名录.csv', '4', 'name']);
		expect(row[4]).toContain('像是一个不成对的引号吞掉了后面的行（第 5 至 9 行）');
		expect(await page.getByTestId('commit').isDisabled()).toBe(true);
		expect(await count('estates')).toBe(240);
		await clearPending();
	});

	it('a file mixing UTF-8 and GBK lines is read line by line: every name intact, nothing garbled', async () => {
		const { page } = s;
		const rows = [HEADER, ...LINES.slice(1, 121)].map((l, i) => (i % 2 ? gbk(l + '\r\n') : utf8(l + '\r\n')));
		const bytes = new Uint8Array(rows.reduce((a, r) => a + r.length, 0));
		rows.reduce((at, r) => (bytes.set(r, at), at + r.length), 0);
		await upload([{ name: '混合编码.csv', bytes }]);
		const file = page.locator('[data-testid=pending-file][data-file="混合编码.csv"]');
		expect(await file.locator('[data-field=encoding]').textContent()).toBe('UTF-8 与 GBK 混合（逐行识别）');
		await page.getByLabel('替换该数据集').check();
		await check();
		expect(await page.getByTestId('reports').locator('[data-field=errors]').textContent()).toBe('0');
		await page.getByTestId('show-warnings').click();
		expect((await problemRows()).map((r) => r[4])).toContain('文件中的行编码不一致：60 行为 UTF-8，60 行为 GBK/GB18030，已逐行识别；建议统一用 UTF-8 另存');
		// The preview shows the names as written (a GBK line's name included).
		await file.locator('summary').click();
		expect(await file.locator('.mapping tbody tr').nth(1).locator('td').last().textContent()).toBe(LINES.slice(1, 4).map((l) => l.split(',')[1]).join(' · '));
		await clearPending();
	});

	it('the problem list CSV download neutralises formulas', async () => {
		const { page } = s;
		await upload([{ name: '得分.csv', bytes: utf8('小区编号,期间,指标,得分,来源\r\nLJ0001,2025Q1,保洁,=1+1,检查\r\n') }]);
		await page.getByLabel('追加到该数据集').check();
		await check();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('problems').getByRole('button', { name: '下载 CSV' }).click()]);
		const text = readFileSync((await download.path())!, 'utf8');
		expect(text.split('\r\n')[1]).toBe("得分.csv,2,得分,'=1+1,错误,not_a_number,不是数字");
		await clearPending();
	});

	it('the three refusals and a UTF-16 file without BOM are said in Chinese, with the position where known', async () => {
		const { page } = s;
		const CFB = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Uint8Array): void }; write(c: unknown, o: object): ArrayLike<number> } }).CFB;
		const zip = CFB.utils.cfb_new();
		CFB.utils.cfb_add(zip, 'readme.txt', utf8('hello'));
		const full = parquet([{ name: 'estate_id', data: ['LJ0001', 'LJ0002'] }]);
		const text = 'estate_id,name,estate_type,building_type,chargeable_area_m2,households,has_elevator\r\nNX01,新港花园,commercial,high,1000,10,true\r\n';
		await upload([
			{ name: '小区.xlsx', bytes: Uint8Array.from(CFB.write(zip, { type: 'array', fileType: 'zip' })) },
			{ name: '物业费.json', bytes: json([{ 小区编号: 'LJ0001' }, 7, 'x']) },
			{ name: '户型.parquet', bytes: full.slice(0, full.length - 20) },
			{ name: '无BOM.csv', bytes: new Uint8Array(Buffer.from(text, 'utf16le')) }
		]);
		const refused = (name: string) => page.locator(`[data-testid=pending-file][data-file="${name}"] [role=alert]`).textContent();
		expect(await refused('小区.xlsx')).toBe('“小区.xlsx”无法读取：文件是 ZIP 压缩包，但里面不是 Excel 工作簿；请解压后导入其中的表格，或在 Excel 中另存为 .xlsx 或 CSV');
		expect(await refused('物业费.json')).toBe('“物业费.json”无法读取：JSON 数组中第 2 条记录（7）不是对象；每条记录都应写成 {"列名": 值}');
		expect(await refused('户型.parquet')).toBe(
			`“户型.parquet”无法读取：Parquet 文件不完整：文件在第 ${full.length - 20} 字节处结束，缺少结尾标记（可能没有下载或复制完整）；请重新导出或复制后重试`
		);
		const utf16 = page.locator('[data-testid=pending-file][data-file="无BOM.csv"]');
		expect(await utf16.locator('[data-field=encoding]').textContent()).toBe('UTF-16 LE');
		expect(await utf16.getByTestId('dataset').inputValue()).toBe('estates');
		await clearPending();
	});

	it('a workspace file whose settings have the wrong types is refused whole; the settings survive a reload', async () => {
		const { page } = s;
		const before = await page.evaluate(() => localStorage.getItem('zhijia.analysis.v1'));
		expect(before).not.toBeNull();
		const bad = await encodeWorkspace({
			workspace: { base: 'sample', files: [], mappings: {}, history: [] },
			contents: new Map(),
			settings: { ...JSON.parse(before!), system: [1, 2, 3], bands: { low: 'low' } }
		});
		await page.getByTestId('open-workspace').setInputFiles({ name: '坏设置.zhijia.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 30_000 }).toMatch(/^“坏设置\.zhijia\.json”中的分析设置不符合格式（settings\.system: .*），整个文件未打开。当前数据和设置没有改动。$/);
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await page.evaluate(() => localStorage.getItem('zhijia.analysis.v1'))).toBe(before);
		// The pages that broke in the report still work.
		for (const path of ['/compare', '/negotiate', '/data']) {
			await page.goto(s.baseUrl + path);
			await page.locator('h1').first().waitFor({ timeout: 60_000 });
		}
		expect(s.errors).toEqual([]);
	});
});

describe('undo for every import', () => {
	const NEW = utf8(
		[
			'estate_id,name,estate_type,building_type,chargeable_area_m2,households,has_elevator',
			'NX01,新港花园,commercial,high,85000.5,720,true',
			'NX02,新港二村,relocation,multi,42000,610,false',
			'NX03,新港名苑,commercial,high,120000,1050,true'
		].join('\r\n') + '\r\n'
	);

	async function importFile(name: string, mode: '替换该数据集' | '追加到该数据集') {
		const { page } = s;
		await upload([{ name, bytes: NEW }]);
		await page.getByLabel(mode).check();
		await check();
		await page.getByTestId('commit').click();
	}

	it('import (append), reload, undo: counts back exactly; the history says file, time, rows added and removed', async () => {
		const { page } = s;
		await page.goto(s.baseUrl + '/data');
		expect(await count('estates')).toBe(240);
		expect(await count('scores')).toBe(33_240);
		await importFile('新小区.csv', '追加到该数据集');
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 3 行/);
		expect(await count('estates')).toBe(243);

		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await count('estates')).toBe(243);
		const entry = page.getByTestId('history-entry');
		expect(await entry.count()).toBe(1);
		expect(await entry.locator('.history-files').textContent()).toBe('新小区.csv');
		expect(await entry.locator('[data-field=rows]').textContent()).toBe('+3 / −0 行');
		expect(await entry.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);

		await page.getByTestId('undo').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toBe('已撤销“新小区.csv”的导入，数据已恢复到导入之前。');
		expect(await count('estates')).toBe(240);
		expect(await count('scores')).toBe(33_240);
		expect(await page.getByTestId('history-entry').count()).toBe(0);
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await count('estates')).toBe(240);
	});

	it('undo of a replace (confirmed) restores the old rows, after a reload too', async () => {
		const { page } = s;
		await importFile('只有三个小区.csv', '替换该数据集');
		await page.getByTestId('shrink').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('shrink').locator('li').textContent()).toBe('“小区”将从 240 行变为 3 行，删除 237 行。');
		await page.getByTestId('shrink-confirm').click();
		await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(/已导入 3 行/);
		expect(await count('estates')).toBe(3);
		expect(await page.getByTestId('history-entry').first().locator('[data-field=rows]').textContent()).toBe('+3 / −240 行');

		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await count('estates')).toBe(3);
		await page.getByTestId('undo').click();
		await expect.poll(() => count('estates'), { timeout: 60_000 }).toBe(240);
		expect(await count('scores')).toBe(33_240);
		// The old rows themselves: the first sample estate is back under its name.
		await page.goto(s.baseUrl + '/estate/LJ0001');
		await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 60_000 }).toContain('梅澜公寓');
	});

	it('has no serious accessibility violation, no foreign request and no console error', async () => {
		await s.page.goto(s.baseUrl + '/data');
		await s.page.getByTestId('tables').waitFor({ timeout: 60_000 });
		const serious = (await axeViolations(s.page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
		expect(serious).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	});
});
