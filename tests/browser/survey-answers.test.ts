import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseSurvey, openDataPage, type AppSession } from './harness';
import { gbk } from '../fixtures/import-files';

/**
 * An owners' survey exported by option number (问卷星 按序号, GBK CSV): its answers are the options' numbers, 1 the
 * first (非常满意). The page reads them so, says why, and the person can turn them round. Figures by hand on
 * 100/80/60/40/20: 总体 answers 1, 1, 2, 1, -3 (skipped) → 非常满意 3, 满意 1 → (300 + 80) / 4 = 95.0; turned (5 the
 * top) 1 is 非常不满意 and 2 不满意 → (3 × 20 + 40) / 4 = 25.0.
 */
const CODED = gbk(
	[
		'序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您对小区保洁服务的满意程度：,2、您对物业服务的总体满意程度：,3、第3题(保洁),3、第3题(绿化)',
		'1,2025/9/1 10:00:00,61秒,手机提交,直接访问,1.2.3.4,1,1,1,0',
		'2,2025/9/1 10:05:00,75秒,手机提交,直接访问,1.2.3.5,2,1,0,1',
		'3,2025/9/1 10:09:00,80秒,手机提交,直接访问,1.2.3.6,2,2,1,1',
		'4,2025/9/2 09:00:00,66秒,手机提交,直接访问,1.2.3.7,3,1,0,0',
		'5,2025/9/2 09:30:00,90秒,手机提交,直接访问,1.2.3.8,1,-3,1,0'
	].join('\r\n') + '\r\n'
);

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

describe('a survey exported by option number', () => {
	it('reads 1 as the top, says why, and turns round when the person says 5 is', async () => {
		const { panel, summary } = await chooseSurvey(s.page, 'LJ0001', { name: '满意度_按序号.csv', bytes: CODED });
		const numbers = panel.getByTestId('survey-numbers');
		const select = numbers.getByLabel('答案中的数字 1-5');
		expect(await select.inputValue()).toBe('one_top');
		expect(await numbers.textContent()).toContain('文件有按选项序号导出的标记');
		expect((await summary.textContent())!.replace(/\s+/g, ' ')).toContain('总体满意度 95.0');
		// 保洁: 1, 2, 2, 3, 1 → 非常满意 2, 满意 2, 一般 1 → (200 + 160 + 60) / 5 = 84.0.
		expect(await panel.locator('tr[data-question="1"] [data-field=score]').textContent()).toBe('84.0');
		await select.selectOption('five_top');
		await expect.poll(async () => (await summary.textContent())!.replace(/\s+/g, ' ')).toContain('总体满意度 25.0');
		// Turned: 1 非常不满意 ×2, 2 不满意 ×2, 3 一般 → (40 + 80 + 60) / 5 = 36.0.
		expect(await panel.locator('tr[data-question="1"] [data-field=score]').textContent()).toBe('36.0');
		expect(s.errors).toEqual([]);
	});
});

describe('a survey worded on three levels', () => {
	it('reads 满意 as the top, says why, and reads it on five levels when the person says so', async () => {
		const { panel, summary } = await chooseSurvey(s.page, 'LJ0001', { name: '满意度_三级.csv', bytes: THREE });
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
