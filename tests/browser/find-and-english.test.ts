/**
 * Finding an estate and the English interface (docs/sources.md §16), and smaller items, as a person meets them at 1366 × 768:
 * finding an estate from the header (pinyin initials, keyboard only), clicking a chart dot, the compare and
 * negotiation pickers; both languages at 768 (a tablet), 1024, 1280 and 1366 px without sideways scrolling or a table
 * squeezing a word one character per line; English without leftover Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openBrowser, waitForApp, type AppSession } from './harness';
import { DEFAULT_WEIGHTS, expectedFit, fmt, readCsv } from './expected';

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
	await s.page.setViewportSize({ width: 1366, height: 768 });
	await s.page.goto(s.baseUrl + '/');
	await waitForApp(s.page);
});
afterAll(async () => {
	await s?.close();
});

/** Follows an in-app link the way a click on one does (client-side, no engine restart). */
async function open(page: Page, path: string) {
	await page.evaluate((p) => {
		const a = document.createElement('a');
		a.href = p;
		document.body.append(a);
		a.click();
		a.remove();
	}, path);
	await page.waitForURL((u) => u.pathname + u.search === path, { timeout: 10_000 });
}

const estateH1 = (page: Page) => page.locator('main h1').first();
const FITS = expectedFit(DEFAULT_WEIGHTS);

describe('find any estate from anywhere (problem 6)', () => {
	it('header search: pinyin initials, arrow keys and Enter open the estate; Escape closes the list', async () => {
		const { page } = s;
		const box = page.getByRole('combobox', { name: '查找小区' });
		await box.focus();
		// 嘉汇公寓 jiā huì gōng yù (LJ0003) and 景晖公寓 jǐng huī gōng yù (LJ0074) share the initials jhgy.
		await page.keyboard.type('jhgy');
		const list = page.getByRole('listbox', { name: '匹配的小区' });
		await expect.poll(() => list.getByRole('option').allTextContents()).toEqual([expect.stringContaining('嘉汇公寓'), expect.stringContaining('景晖公寓')]);
		expect(await box.getAttribute('aria-expanded')).toBe('true');
		expect(await axeViolations(page)).toEqual([]);

		await page.keyboard.press('Escape');
		expect(await box.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => list.isVisible()).toBe(false);

		await page.keyboard.press('ArrowDown'); // opens the list again on the first match
		await page.keyboard.press('ArrowDown'); // second match
		const active = await box.getAttribute('aria-activedescendant');
		expect(await page.locator(`[id="${active}"]`).textContent()).toContain('景晖公寓');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/estate\/LJ0074$/);
		await expect.poll(() => estateH1(page).textContent(), { timeout: 15_000 }).toBe('景晖公寓');
		expect(await page.getByTestId('estate-q').textContent()).toBe(fmt(FITS.find((f) => f.id === 'LJ0074')!.q, 1));
	});

	it('finds by id and by part of the name too, from any page', async () => {
		const { page } = s;
		await open(page, '/subsidy');
		const box = page.getByRole('combobox', { name: '查找小区' });
		await box.fill('lj0001');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/estate\/LJ0001$/);
		await expect.poll(() => estateH1(page).textContent(), { timeout: 15_000 }).toBe('梅澜公寓');
		await box.fill('mlgy'); // 梅 méi 澜 lán 公 gōng 寓 yù
		await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('梅澜公寓')]);
		await box.fill('桃源二');
		await expect.poll(() => page.getByRole('option').allTextContents()).toEqual([expect.stringContaining('桃源二村')]);
		await page.keyboard.press('Escape');
		await page.keyboard.press('Escape');
		expect(await box.inputValue()).toBe('');
	});

	for (const [path, testid] of [
		['/', 'fee-quality-chart'],
		['/district', 'fit-chart']
	] as const) {
		it(`a click on a dot of ${testid} opens the estate its tip names`, async () => {
			const { page } = s;
			await open(page, path);
			const circles = page.locator(`[data-testid=${testid}] svg circle`);
			await expect.poll(() => circles.count(), { timeout: 20_000 }).toBeGreaterThan(200);
			// The highest-fee dot stands apart, so the pointer is nearest to it alone.
			const centres = await circles.evaluateAll((els) =>
				els.map((el) => {
					const b = el.getBoundingClientRect();
					return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
				})
			);
			const top = centres.reduce((a, b) => (b.y < a.y ? b : a));
			await page.mouse.move(top.x - 20, top.y + 20);
			await page.mouse.move(top.x, top.y, { steps: 3 });
			// Plot's tip: "name（subdistrict）" then "Q …" (the fee axis label also has a bracket, but no Q after it).
			const tip = page.locator(`[data-testid=${testid}] svg text`, { hasText: /（[^）]*）\W*Q / });
			await expect.poll(() => tip.count()).toBeGreaterThan(0);
			// Plot puts zero-width spaces around tip lines.
			const name = (await tip.first().textContent())!.split('（')[0].replace(/[\u200b\s]/g, '');
			const estate = readCsv('estates.csv').find((e) => e.name === name);
			expect(estate, `tip names an estate: ${name}`).toBeTruthy();
			await page.mouse.click(top.x, top.y);
			await page.waitForURL(new RegExp(`/estate/${estate!.estate_id}$`));
			await expect.poll(() => estateH1(page).textContent(), { timeout: 15_000 }).toBe(name);
		});
	}

	it('the overview table view links every estate (the keyboard route to the same pages)', async () => {
		const { page } = s;
		await open(page, '/');
		await page.locator('[data-testid=fee-quality-chart]').waitFor();
		await page.getByRole('button', { name: '表格' }).first().click();
		const link = page.locator('[data-testid=fee-quality-chart-table] a[href="/estate/LJ0002"]');
		await link.focus();
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/estate\/LJ0002$/);
	});

	it('compare: search adds estates, the selection survives Back and a return through the navigation', async () => {
		const { page } = s;
		await open(page, '/compare');
		const box = page.getByRole('combobox', { name: '添加小区' });
		await box.fill('mlgy');
		await expect.poll(() => page.getByRole('option').count()).toBe(1);
		await page.keyboard.press('Enter');
		await box.fill('LJ0002');
		await expect.poll(() => page.getByRole('option').first().textContent()).toContain('锦馨一村');
		await page.keyboard.press('Enter');
		const heads = () => page.locator('[data-testid=compare] thead th a').allTextContents();
		await expect.poll(heads, { timeout: 15_000 }).toEqual(['梅澜公寓', '锦馨一村']);
		expect(new URL(page.url()).searchParams.get('ids')).toBe('LJ0001,LJ0002');

		await page.locator('[data-testid=compare] thead th a', { hasText: '梅澜公寓' }).click();
		await page.waitForURL(/\/estate\/LJ0001$/);
		await page.goBack();
		await expect.poll(heads, { timeout: 15_000 }).toEqual(['梅澜公寓', '锦馨一村']);

		await page.getByRole('link', { name: '概览' }).click();
		await page.waitForURL((u) => u.pathname === '/');
		await page.getByRole('link', { name: '对比' }).click();
		await expect.poll(heads, { timeout: 15_000 }).toEqual(['梅澜公寓', '锦馨一村']);
	});

	it('negotiation: typing an id never leaves the old figures under a new name; Enter switches both', async () => {
		const { page } = s;
		await open(page, '/negotiate');
		const summary = page.getByTestId('estate-summary');
		await summary.locator('h2').waitFor({ timeout: 20_000 });
		const select = page.getByLabel('小区', { exact: true });
		const before = await select.inputValue();
		const beforeName = await summary.locator('h2').textContent();
		expect(before).not.toBe('LJ0074');

		const box = page.getByRole('combobox', { name: '搜索小区' });
		await box.fill('LJ0074');
		await expect.poll(() => page.getByRole('option').first().textContent()).toContain('景晖公寓');
		// Typing alone changes nothing: the list and the figures still belong to the same estate.
		expect(await select.inputValue()).toBe(before);
		expect(await summary.locator('h2').textContent()).toBe(beforeName);

		await page.keyboard.press('Enter');
		await expect.poll(() => summary.locator('h2').textContent(), { timeout: 15_000 }).toBe('景晖公寓');
		expect(await select.inputValue()).toBe('LJ0074');
		const q = fmt(FITS.find((f) => f.id === 'LJ0074')!.q, 1);
		await expect.poll(() => summary.textContent()).toContain(q);
	});
});

describe('the smaller items', () => {
	it('removing an indicator can be undone with the keyboard, restoring its weight and place', async () => {
		const { page } = s;
		await open(page, '/district');
		const names = () => page.locator('table.weights tbody th label').allTextContents();
		await expect.poll(names, { timeout: 20_000 }).toContain('保洁');
		const original = await names();
		await page.getByRole('button', { name: '移除指标 保洁' }).focus();
		await page.keyboard.press('Enter');
		await expect.poll(names).not.toContain('保洁');
		expect(await page.getByTestId('indicator-removed').textContent()).toContain('已删除指标“保洁”');
		// Focus is on 撤销: the next key press undoes.
		await page.keyboard.press('Enter');
		await expect.poll(names).toEqual(original);
		expect(await page.getByLabel('保洁', { exact: true }).inputValue()).toBe('15');
		expect(await page.getByTestId('weight-sum').textContent()).toContain('合计 100 分');
	});

	it('the start screen speaks plain words and keeps the engine name for the tooltip', async () => {
		const { page } = s;
		// The app registers its service worker once a page has been quiet for a while: wait for it, so this visit
		// starts as every later visit does (served by the worker) whatever the tests before left running.
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		// Hold the engine's download back a moment, so the start screen can be read as a person sees it.
		await page.route('**/*.wasm', async (route) => {
			await new Promise((r) => setTimeout(r, 800));
			await route.continue().catch(() => undefined); // the page may have moved on meanwhile
		});
		try {
			await page.goto(s.baseUrl + '/');
			const step = page.locator('main p[title]').first();
			await step.waitFor({ timeout: 10_000 });
			expect(await step.textContent()).toMatch(/^正在(准备|启动)本机计算引擎…$/);
			expect(await step.getAttribute('title')).toContain('DuckDB');
		} finally {
			await page.unroute('**/*.wasm');
		}
		await waitForApp(page);
	});
});

const PAGES = ['/', '/district', '/compare?ids=LJ0001,LJ0002', '/negotiate', '/subsidy', '/reserve', '/market', '/data', '/methods', '/estate/LJ0001'];
/** What each page shows once its figures are in. */
const READY: Record<string, string> = {
	'/district': '[data-testid=ranking]',
	'/compare?ids=LJ0001,LJ0002': '[data-testid=compare]',
	'/negotiate': '[data-testid=estate-summary] h2',
	'/subsidy': '[data-testid=kpi-total-paid]',
	'/reserve': '[data-testid=district-lifts]',
	'/estate/LJ0001': '[data-testid=fit-explanation]',
	'/': '[data-testid=kpi-estates]'
};

/** The page's sideways overflow and the header's pieces that would show a wrapped label. */
async function layout(page: Page) {
	return page.evaluate(() => {
		const tall = [...document.querySelectorAll('header.topbar nav a, header.topbar .lang')]
			.filter((el) => el.getBoundingClientRect().height > 34)
			.map((el) => el.textContent);
		// A table cell squeezed so narrow that a Chinese word stands one or two characters per line (街/道, 未/超/出).
		const squeezed = [...document.querySelectorAll('table th, table td')]
			.filter((el) => {
				const text = (el as HTMLElement).innerText.trim();
				if (!/[\u3400-\u9fff]{2}/.test(text)) return false;
				const range = document.createRange();
				range.selectNodeContents(el);
				const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
				return lines >= 3 && (el as HTMLElement).clientWidth < 60;
			})
			.map((el) => (el as HTMLElement).innerText.trim().slice(0, 20));
		return { scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth, tall, squeezed: [...new Set(squeezed)].slice(0, 5) };
	});
}

/**
 * Text (and labels) with Chinese characters outside the estates' own data (names, subdistricts, firms from the
 * sample files), outside anything marked lang="zh-CN" (the language button, the logo), and outside the bilingual
 * methods document.
 */
async function chineseLeft(page: Page, data: string[]) {
	return page.evaluate((DATA) => {
		const CJK = /[\u3400-\u9fff]/;
		const left = new Set<string>();
		const skip = (el: Element | null) => !el || el.closest('[lang^="zh"], #sources .doc, script, style, [hidden]') !== null;
		const strip = (text: string) => DATA.reduce((s, d) => s.replaceAll(d, ''), text);
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			if (skip(n.parentElement)) continue;
			const rest = strip(n.textContent ?? '');
			if (CJK.test(rest)) left.add(rest.trim().slice(0, 60));
		}
		for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
			if (skip(el)) continue;
			for (const a of ['title', 'aria-label', 'placeholder']) {
				const rest = strip(el.getAttribute(a) ?? '');
				if (CJK.test(rest)) left.add(`@${a}: ${rest.slice(0, 60)}`);
			}
		}
		return [...left];
	}, data);
}

describe('English mode at 768-1366 px, and Chinese at the same widths (problem 12)', () => {
	const estates = readCsv('estates.csv');
	const DATA = [...new Set(estates.flatMap((e) => [e.name, e.subdistrict, e.firm]))].sort((a, b) => b.length - a.length);

	for (const lang of ['en', 'zh-CN'] as const) {
		it(`${lang}: no page scrolls sideways, no header label wraps and no table squeezes a word at 768 (a tablet), 1024, 1280 and 1366 px`, async () => {
			const { page } = s;
			await page.evaluate((l) => localStorage.setItem('zhijia.lang', l), lang);
			await page.goto(s.baseUrl + '/');
			await waitForApp(page);
			const problems: string[] = [];
			for (const width of [1366, 1280, 1024, 768]) {
				await page.setViewportSize({ width, height: 768 });
				for (const path of PAGES) {
					await open(page, path);
					if (READY[path]) await page.locator(READY[path]).first().waitFor({ timeout: 30_000 });
					await page.waitForTimeout(300);
					const l = await layout(page);
					if (l.scrollWidth > l.width) problems.push(`${width} ${path}: page is ${l.scrollWidth} px wide`);
					if (l.tall.length) problems.push(`${width} ${path}: wrapped ${l.tall.join(', ')}`);
					if (l.squeezed.length) problems.push(`${width} ${path}: squeezed ${l.squeezed.join(', ')}`);
				}
			}
			expect(problems).toEqual([]);
		}, 420_000);
	}

	it('en: no Chinese left on any page outside the data, at 1366 px', async () => {
		const { page } = s;
		await page.setViewportSize({ width: 1366, height: 768 });
		await page.evaluate(() => localStorage.setItem('zhijia.lang', 'en'));
		await page.goto(s.baseUrl + '/');
		await waitForApp(page);
		const found: string[] = [];
		for (const path of PAGES) {
			await open(page, path);
			if (READY[path]) await page.locator(READY[path]).first().waitFor({ timeout: 30_000 });
			await page.waitForTimeout(500);
			for (const x of await chineseLeft(page, DATA)) found.push(`${path}: ${x}`);
		}
		// The scan must see the data it strips (or it could pass on an empty page).
		expect(await page.locator('main h1').first().textContent()).toBe('梅澜公寓');
		expect(found).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
		expect(s.errors).toEqual([]);
	}, 180_000);
});
