import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetCount, openDataPage, type AppSession } from './harness';
import { csvText, gbk } from '../fixtures/import-files';

/**
 * Value conversions on the data page (docs/sources.md §18): a subdistrict ledger with elevator counts, 万㎡ and
 * completion dates shows each raw cell beside what it becomes and imports; a file with words the vocabulary does
 * not know asks each word once, the answers are saved in the workspace, the import succeeds, and a reload keeps
 * both the imported rows and the answers.
 */
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/real-shapes/${name}`, import.meta.url)));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

const count = (dataset: string) => datasetCount(s.page, dataset);

async function upload(name: string, bytes: Uint8Array, mimeType: string) {
	await s.page.getByTestId('file-input').setInputFiles([{ name, mimeType, buffer: Buffer.from(bytes) }]);
	await expect.poll(() => s.page.getByTestId('pending-file').count(), { timeout: 20_000 }).toBe(1);
}

/** The mapping-table row of a source header (the mapping details opened first). */
async function mappingRow(header: string) {
	const details = s.page.locator('[data-testid=pending-file] details.mapping');
	if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
	return details.locator('tbody tr').filter({ has: s.page.locator('th', { hasText: new RegExp(`^${header}$`) }) });
}

async function checkAndCommit(expectRows: RegExp) {
	const { page } = s;
	await page.getByLabel('追加到该数据集').check();
	await page.getByRole('button', { name: '检查数据' }).click();
	await page.getByTestId('reports').waitFor({ timeout: 60_000 });
	expect(await page.getByTestId('reports').locator('[data-field=errors]').first().textContent()).toBe('0');
	await page.getByTestId('commit').click();
	await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(expectRows);
}

describe('value conversions on the data page', () => {
	it('shows converted samples beside the raw cells, and the conversion can be changed', async () => {
		expect(await count('estates')).toBe(240);
		await upload('街道小区台账.xlsx', fixture('convert-ledger.xlsx'), XLSX_TYPE);
		const elevators = await mappingRow('电梯数量');
		expect(await elevators.getByTestId('samples').textContent()).toContain('27 → true');
		expect(await elevators.getByTestId('samples').textContent()).toContain('无 → false');
		expect(await elevators.getByTestId('conversion').locator('option:checked').textContent()).toBe('自动：数量 → 有/无（大于 0 为有）');
		const built = await mappingRow('竣工时间');
		expect(await built.getByTestId('samples').textContent()).toContain('2003年6月 → 2003');
		const area = await mappingRow('建筑面积');
		expect(await area.getByTestId('samples').textContent()).toContain('3.2万㎡ → 32000');
		// Turned off, the counts are read as yes/no and fail (shown in red as ✗); back to automatic.
		await elevators.getByTestId('conversion').selectOption('none');
		expect(await elevators.getByTestId('samples').textContent()).toContain('27 → ✗');
		await elevators.getByTestId('conversion').selectOption('auto');
		expect(await elevators.getByTestId('samples').textContent()).toContain('27 → true');
		await checkAndCommit(/已导入 4 行/);
		expect(await count('estates')).toBe(244);
	});

	it('asks an unknown word once, saves the answer, and the import succeeds', async () => {
		const { page } = s;
		await upload('小区名录.csv', fixture('convert-unknown-words.csv'), 'text/csv');
		const panel = page.getByTestId('value-map');
		await panel.waitFor();
		// 框架高层 is in three rows: one question, with the likely code first.
		const frame = panel.locator('tr[data-word="框架高层"]');
		expect(await frame.locator('td.num').textContent()).toBe('3');
		expect(await frame.getByTestId('value-answer').locator('option').nth(1).textContent()).toBe('高层（最可能）');
		await frame.getByTestId('value-answer').selectOption('high');
		await panel.locator('tr[data-word="砖混"]').getByTestId('value-answer').selectOption('multi');
		await expect.poll(() => panel.getByTestId('value-saved').count()).toBe(2);
		await checkAndCommit(/已导入 4 行/);
		expect(await count('estates')).toBe(248);
	});

	it('reads the inspection dates of a sheet titled by a quarter as that quarter, and months can still be chosen', async () => {
		// A GBK sheet as a district office writes it: a title naming the quarter, then each estate's inspection day.
		const sheet = gbk(
			csvText([
				['2026年第一季度物业服务质量检查考评表'],
				['小区编号', '检查日期', '综合管理', '保洁'],
				['LJ0001', '2026-01-15', 88, 90],
				['LJ0002', '2026/2/3', 79, 76],
				['LJ0003', '2026年3月20日', 91, 85]
			])
		);
		await upload('一季度考评.csv', sheet, 'text/csv');
		const day = await mappingRow('检查日期');
		expect(await day.getByTestId('conversion').locator('option:checked').textContent()).toBe('自动：日期 → 季度');
		expect(await day.getByTestId('samples').textContent()).toContain('2026-01-15 → 2026Q1');
		expect(await day.getByTestId('samples').textContent()).toContain('2026年3月20日 → 2026Q1');
		// The person may still read them by month; back to automatic for the import.
		await day.getByTestId('conversion').selectOption({ label: '日期 → 月份' });
		expect(await day.getByTestId('samples').textContent()).toContain('2026-01-15 → 2026-01');
		await day.getByTestId('conversion').selectOption('auto');
		const before = await count('scores');
		await checkAndCommit(/已导入/);
		// Three estates × two indicators, all in 2026Q1.
		await expect.poll(() => count('scores'), { timeout: 30_000 }).toBe(before + 6);
	});

	it('keeps the rows and the answers across a reload; the next file with the same words needs no question', async () => {
		const { page } = s;
		await page.reload();
		await page.getByTestId('tables').waitFor({ timeout: 60_000 });
		expect(await count('estates')).toBe(248);
		await upload('小区名录.csv', fixture('convert-unknown-words.csv'), 'text/csv');
		const panel = page.getByTestId('value-map');
		await panel.waitFor();
		expect(await panel.locator('tr[data-word="框架高层"]').getByTestId('value-answer').inputValue()).toBe('high');
		expect(await panel.getByTestId('value-saved').count()).toBe(2);
		const building = await mappingRow('建筑类型');
		expect(await building.getByTestId('samples').textContent()).toContain('框架高层 → high');
	});
});
