#!/usr/bin/env node
/**
 * Takes screenshots of the built app in headless Chromium, for looking at it as a person would.
 * Usage: node scripts/screenshot.mjs <path> <out.png> [--width 1366] [--click "button text"] [--full]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const [path = '/', out = '/tmp/shot.png'] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
/** @param {string} name */
const opt = (name) => {
	const i = process.argv.indexOf(name);
	return i > 0 ? process.argv[i + 1] : undefined;
};
const server = await serve({ dir: 'build', port: 0 });
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'zhijia-shot-')), {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	headless: true,
	viewport: { width: Number(opt('--width') ?? 1366), height: Number(opt('--height') ?? 900) },
	locale: opt('--lang') === 'en' ? 'en-US' : 'zh-CN',
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
const page = context.pages()[0] ?? (await context.newPage());
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
if (opt('--lang') === 'en') await page.addInitScript(() => localStorage.setItem('zhijia.lang', 'en'));
await page.goto(server.url + path);
await page.locator('main[data-status=ready], main[data-status=error]').waitFor({ timeout: 60_000 });
await page.waitForTimeout(Number(opt('--wait') ?? 1500));
const click = opt('--click');
if (click) {
	await page.getByRole('button', { name: click }).first().click();
	await page.waitForTimeout(800);
}
await page.screenshot({ path: out, fullPage: process.argv.includes('--full') });
console.log(out);
await context.close();
await server.close();
