/**
 * Opens the built app in a fresh headless Chromium profile and records what a careful tester watches:
 * requests to any other origin, console errors and uncaught page errors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { chromiumPath } from './chromium';

export interface AppSession {
	context: BrowserContext;
	page: Page;
	baseUrl: string;
	/** URLs requested from another origin (must stay empty). */
	foreignRequests: string[];
	/** Console errors and uncaught exceptions (must stay empty). */
	errors: string[];
	close(): Promise<void>;
}

export async function openBrowser(): Promise<AppSession> {
	const baseUrl = inject('baseUrl');
	const profile = mkdtempSync(join(tmpdir(), 'zhijia-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath()!,
		headless: true,
		viewport: { width: 1366, height: 900 },
		locale: 'zh-CN',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const origin = new URL(baseUrl).origin;
	const foreignRequests: string[] = [];
	const errors: string[] = [];
	context.on('request', (req) => {
		const url = req.url();
		if (/^(data|blob):/.test(url)) return;
		if (new URL(url).origin !== origin) foreignRequests.push(url);
	});
	const page = context.pages()[0] ?? (await context.newPage());
	page.on('console', (msg) => {
		if (msg.type() === 'error') errors.push(msg.text());
	});
	page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
	return {
		context,
		page,
		baseUrl,
		foreignRequests,
		errors,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** Waits until the app has started its engine and loaded data (the overview figures are on screen, live: not a start-up snapshot). */
export async function waitForApp(page: Page): Promise<void> {
	await page.locator('main[data-status=ready] [data-results=live] [data-testid=kpi-estates]').waitFor({ state: 'visible', timeout: 60_000 });
}

/** A fresh profile with the data page open and its tables listed. */
export async function openDataPage(): Promise<AppSession> {
	const s = await openBrowser();
	await s.page.goto(s.baseUrl + '/data');
	await s.page.getByTestId('tables').waitFor({ timeout: 60_000 });
	return s;
}

/** The row count the data page lists for a dataset, once it is known (not '…'). */
export async function datasetCount(page: Page, dataset: string): Promise<number> {
	const cell = page.locator(`[data-testid=tables] tr[data-dataset=${dataset}] [data-field=count]`);
	await expect.poll(() => cell.textContent(), { timeout: 60_000 }).not.toBe('…');
	return Number((await cell.textContent())!.replace(/,/g, ''));
}

/** A fresh profile with the app open on its overview, live. */
export async function openApp(): Promise<AppSession> {
	const s = await openBrowser();
	await s.page.goto(s.baseUrl + '/');
	await waitForApp(s.page);
	return s;
}

/**
 * On the data page, appends one CSV file to its dataset as a user does (choose the file, 追加到该数据集, 检查数据,
 * then 导入) and waits until the page says its `rows` rows were imported.
 */
export async function appendCsvThroughDataPage(page: Page, file: { name: string; bytes: Uint8Array }, rows: number): Promise<void> {
	await page.getByTestId('file-input').setInputFiles([{ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.bytes) }]);
	await expect.poll(() => page.getByTestId('pending-file').count(), { timeout: 30_000 }).toBe(1);
	await page.getByLabel('追加到该数据集').check();
	await page.getByRole('button', { name: '检查数据' }).click();
	await page.getByTestId('reports').waitFor({ timeout: 60_000 });
	await page.getByTestId('commit').click();
	await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`已导入 ${rows} 行`));
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page (through the debugging protocol, so the app's CSP needs no exception). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		// @ts-expect-error axe is injected above
		const result = await window.axe.run(document, { resultTypes: ['violations'] });
		return result.violations.map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
			id: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))
		}));
	});
}

/** On the data page, chooses a questionnaire export for an estate and waits for its summary: the panel and the summary. */
export async function chooseSurvey(page: Page, estate: string, file: { name: string; bytes: Uint8Array }): Promise<{ panel: Locator; summary: Locator }> {
	const panel = page.getByTestId('survey-import');
	await panel.locator('[data-field=survey-estate]').fill(estate);
	await panel.getByTestId('survey-file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.bytes) });
	const summary = panel.getByTestId('survey-summary');
	await summary.waitFor({ timeout: 30_000 });
	return { panel, summary };
}
