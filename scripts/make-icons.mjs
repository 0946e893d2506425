#!/usr/bin/env node
/**
 * Renders the app icon (static/favicon.svg) as the PNG sizes the web app manifest lists (static/icon-*.png),
 * in Debian's Chromium. Run again after changing the SVG: node scripts/make-icons.mjs
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('static/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
	for (const size of [192, 512]) {
		const page = await browser.newPage({ viewport: { width: size, height: size } });
		await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`);
		await page.screenshot({ path: `static/icon-${size}.png`, omitBackground: true });
		await page.close();
	}
} finally {
	await browser.close();
}
