import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataPage, type AppSession } from './harness';
import { gbk } from '../fixtures/import-files';

/**
 * An owners' survey worded on three levels (满意 / 基本满意 / 不满意, GBK CSV, eight respondents, 24 answers in words).
 * The page reads 满意 as the top, says why, and the person can read it on five levels instead. Figures by hand on
 * 100/80/60/40/20: 总体 满意 ×6, 基本满意, 不满意 → (600 + 60 + 20) / 8 = 85.0 on three levels; on five, 满意 is 80 and
 * 不满意 40 → (480 + 60 + 40) / 8 = 72.5. 保洁 满意 ×5, 基本满意 ×2, 不满意 → (500 + 120 + 20) / 8 = 80.0, or
 * (400 + 120 + 40) / 8 = 70.0.
 */
const THREE = gbk(
	[
		'序号,提交答卷时间,来自IP,1、您对小区保洁的满意程度,2、您对绿化养护的满意程度,3、您对物业服务的总体满意程度',
		'1,2025/9/1 10:00:00,1.2.3.4,满意,满意,满意',
		'2,2025/9/1 10:05:00,1.2.3.5,满意,满意,满意',
		'3,2025/9/1 10:09:00,1.2.3.6,基本满意,满意,基本满意',
		'4,2025/9/2 09:00:00,1.2.3.7,不满意,基本满意,不满意',
		'5,2025/9/2 09:30:00,1.2.3.8,满意,满意,满意',
		'6,2025/9/3 19:30:00,1.2.3.9,满意,满意,满意',
		'7,2025/9/3 20:30:00,1.2.3.10,基本满意,满意,满意',
		'8,2025/9/4 08:30:00,1.2.3.11,满意,满意,满意'
	].join('\r\n') + '\r\n'
);

let s: AppSession;
beforeAll(async () => {
	s = await openDataPage();
});
afterAll(async () => {
	await s?.close();
});

describe('a survey worded on three levels', () => {
	it('reads 满意 as the top, says why, and reads it on five levels when the person says so', async () => {
		const panel = s.page.getByTestId('survey-import');
		await panel.locator('[data-field=survey-estate]').fill('LJ0001');
		await panel.getByTestId('survey-file').setInputFiles({ name: '满意度_三级.csv', mimeType: 'text/csv', buffer: Buffer.from(THREE) });
		const summary = panel.getByTestId('survey-summary');
		await summary.waitFor({ timeout: 30_000 });
		const words = panel.getByTestId('survey-words');
		const select = words.getByLabel('答案中的“满意”“不满意”');
		expect(await select.inputValue()).toBe('three_level');
		expect(await words.textContent()).toContain('按三级量表读');
		expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain('总体满意度 85.0');
		expect(await panel.locator('tr[data-question="1"] [data-field=score]').textContent()).toBe('80.0');
		await select.selectOption('five_level');
		await expect.poll(async () => (await summary.textContent())!.replace(/\s+/g, ' ')).toContain('总体满意度 72.5');
		expect(await panel.locator('tr[data-question="1"] [data-field=score]').textContent()).toBe('70.0');
		// The questions keep their indicators across the new reading.
		expect(await panel.locator('tr[data-question="3"] select').inputValue()).toBe('satisfaction');
		expect(s.errors).toEqual([]);
	});
});
