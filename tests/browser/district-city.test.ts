/**
 * The district page with more estates than the sample: 1,800 imported through the data page (2,040 in all), which
 * puts the scatter on its canvas path (more than 1,500 dots). A person hovers a dot, reads its tip, clicks it and
 * lands on that estate; the ranking puts the one estate scored 100 everywhere first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type AppSession } from './harness';

const INDICATORS = ['management', 'upkeep', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];
const N = 1800;
const PERIOD = '2025Q4'; // the sample district's latest period: the page analyses it by default

/** A deterministic district: estate i scores 40 + (i × 7 mod 55) on everything; the last one scores 100. */
function files() {
	const id = (i: number) => `TC${String(i).padStart(4, '0')}`;
	const estates = ['estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime'];
	const scores = ['estate_id,period,indicator,score,source'];
	const fees = ['estate_id,year,fee,fee_unit,collection_rate'];
	for (let i = 1; i <= N; i++) {
		const name = i === N ? '满分示范小区' : `测试小区${i}号`;
		estates.push(`${id(i)},${name},测试街道,commercial,multi,${1990 + (i % 30)},${20000 + i},${300 + (i % 200)},false,测试物业有限公司,guide`);
		const score = i === N ? 100 : 40 + ((i * 7) % 55);
		for (const code of INDICATORS) scores.push(`${id(i)},${PERIOD},${code},${score},inspection`);
		fees.push(`${id(i)},2025,${(0.8 + (i % 20) / 10).toFixed(2)},per_m2_month,0.9`);
	}
	const csv = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n') + '\n') });
	return [csv('estates-city.csv', estates), csv('scores-city.csv', scores), csv('fees-city.csv', fees)];
}

let s: AppSession;
beforeAll(async () => {
	s = await openBrowser();
});
afterAll(async () => {
	await s?.close();
});

describe('district page with 2,040 estates', () => {
	it('imports 1,800 more estates with their scores and fees through the data page', async () => {
	const { page } = s;
	await page.goto(s.baseUrl + '/data');
	await page.getByTestId('tables').waitFor({ timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles(files());
	await expect.poll(() => page.getByTestId('pending-file').count(), { timeout: 60_000 }).toBe(3);
	await page.getByLabel('追加到该数据集').check();
	await page.getByRole('button', { name: '检查数据' }).click();
	await page.getByTestId('commit').waitFor({ timeout: 60_000 });
	await page.getByTestId('commit').click();
	await expect.poll(() => page.getByTestId('outcome').textContent(), { timeout: 120_000 }).toMatch(/已导入/);
	await page.click('a[href="/district"]');
	await page.getByTestId('ranking').locator('tbody tr').first().waitFor({ timeout: 60_000 });
	}, 240_000);

	it('ranks the estate scored 100 on every indicator first and counts every estate', async () => {
		const { page } = s;
		await expect.poll(() => page.locator('[data-testid=ranking] tbody tr [data-field=name]').first().textContent()).toBe('满分示范小区');
		const first = page.locator('[data-testid=ranking] tbody tr').first();
		expect(await first.locator('[data-field=q]').textContent()).toBe('100.0');
		expect(await page.locator('.showing').textContent()).toMatch(/2,040/);
	});

	it('paints the first draw a few dots a task, to the same picture as a redraw in one go', async () => {
		const { page } = s;
		const canvas = page.locator('[data-testid=fit-chart] canvas');
		await canvas.waitFor({ timeout: 30_000 });
		// The alpha of every pixel, and how many are painted (the first draw's last step may still be to come).
		const alphas = () =>
			canvas.evaluate((c: HTMLCanvasElement) => {
				const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
				const a = new Uint8Array(data.length / 4);
				let painted = 0;
				for (let i = 0; i < a.length; i++) if ((a[i] = data[4 * i + 3]) > 0) painted++;
				return { a: Array.from(a), painted, width: c.width };
			});
		let stepped = await alphas();
		await expect
			.poll(async () => {
				const before = stepped.painted;
				stepped = await alphas();
				return stepped.painted > 0 && stepped.painted === before;
			}, { timeout: 10_000, interval: 200 })
			.toBe(true);
		await canvas.evaluate((c) => ((c as unknown as { firstDraw: boolean }).firstDraw = true));
		// A narrower window and back: the chart is drawn again at the same width, in one go this time.
		await page.setViewportSize({ width: 1100, height: 900 });
		await expect.poll(() => canvas.evaluate((c) => !(c as unknown as { firstDraw?: boolean }).firstDraw)).toBe(true);
		await canvas.evaluate((c) => ((c as unknown as { firstDraw: boolean }).firstDraw = true));
		await page.setViewportSize({ width: 1366, height: 900 });
		await expect.poll(() => canvas.evaluate((c) => !(c as unknown as { firstDraw?: boolean }).firstDraw)).toBe(true);
		const whole = await alphas();
		expect(whole.width).toBe(stepped.width);
		expect(whole.painted).toBeGreaterThan(1000);
		// One path and one fill per colour either way: dots of one colour that overlap are covered once (this
		// district has hundreds of estates on the same spot).
		let differ = 0;
		for (let i = 0; i < whole.a.length; i++) if (Math.abs(whole.a[i] - stepped.a[i]) > 8) differ++;
		expect(differ / whole.painted).toBeLessThan(0.01);
	});

	it('paints the scatter on a canvas, shows a tip for the dot under the pointer, and opens that estate on click', async () => {
		const { page } = s;
		const canvas = page.locator('[data-testid=fit-chart] canvas');
		await canvas.waitFor({ timeout: 30_000 });
		expect(await page.locator('[data-testid=fit-chart] svg circle').count()).toBe(0);
		// Find a painted pixel (a dot) and point at it, as a person would. A first draw paints in steps: wait for one.
		const findDot = () => canvas.evaluate((c: HTMLCanvasElement) => {
			const ctx = c.getContext('2d')!;
			const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
			const ratio = c.width / c.getBoundingClientRect().width;
			for (let y = 0; y < height; y += 2) {
				for (let x = 0; x < width; x += 2) {
					if (data[(y * width + x) * 4 + 3] > 200) {
						const box = c.getBoundingClientRect();
						return { x: box.left + x / ratio, y: box.top + y / ratio };
					}
				}
			}
			return null;
		});
		await expect.poll(findDot, { timeout: 10_000 }).not.toBeNull();
		const dot = await findDot();
		await page.mouse.move(dot!.x, dot!.y);
		const tip = page.locator('[data-testid=fit-chart] .dot-tip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		const text = (await tip.textContent())!;
		const name = text.split('（')[0];
		expect(name.length).toBeGreaterThan(0);
		expect(text).toMatch(/Q \d+\.\d/);
		await page.mouse.click(dot!.x, dot!.y);
		await page.waitForURL(/\/estate\//, { timeout: 30_000 });
		await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 30_000 }).toContain(name);
		expect(s.errors).toEqual([]);
		expect(s.foreignRequests).toEqual([]);
	});

	it('paints the overview scatter on a canvas too, with the tip of the dot under the pointer', async () => {
		const { page } = s;
		await page.click('a[href="/"]');
		const canvas = page.locator('[data-testid=fee-quality-chart] canvas');
		await canvas.waitFor({ timeout: 30_000 });
		expect(await page.locator('[data-testid=fee-quality-chart] svg circle').count()).toBe(0);
		const dot = await canvas.evaluate((c: HTMLCanvasElement) => {
			const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
			const ratio = c.width / c.getBoundingClientRect().width;
			const box = c.getBoundingClientRect();
			for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) if (data[(y * width + x) * 4 + 3] > 200) return { x: box.left + x / ratio, y: box.top + y / ratio };
			return null;
		});
		expect(dot).not.toBeNull();
		await page.mouse.move(dot!.x, dot!.y);
		const tip = page.locator('[data-testid=fee-quality-chart] .dot-tip');
		await expect.poll(() => tip.isVisible()).toBe(true);
		expect(await tip.textContent()).toMatch(/Q \d+\.\d · \d+\.\d{2}/);
	});
});
