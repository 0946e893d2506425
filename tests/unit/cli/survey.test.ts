import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

/** `zhijia survey` on the 问卷星 GB18030 fixture (tests/unit/survey/fixtures); figures worked out by hand. */
const FILE = 'tests/unit/survey/fixtures/wjx-gb18030.csv';

async function run(args: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

describe('zhijia survey', () => {
	it('prints responses, items and overall (--json)', async () => {
		const r = await run(['survey', FILE, '--estate-households', '120', '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		// 10 respondents of 120 households: 10 / 120 = 0.0833
		expect(out).toMatchObject({ responses: 10, households: 120, response_rate: 0.0833 });
		expect(out.items.map((i: { number: number; indicator: string }) => [i.number, i.indicator])).toEqual([
			[2, 'cleaning'],
			[3, 'greening'],
			[4, 'order'],
			[5, 'upkeep'],
			[7, 'satisfaction']
		]);
		// Q2 保洁 counts 2/4/1/1/1, 1 skipped: (200 + 320 + 60 + 40 + 20) / 9 = 640 / 9 = 71.11; squared deviations
		// 2×28.889² + 4×8.889² + 11.111² + 31.111² + 51.111² = 5688.9; SD √(5688.9 / 8) = 26.667; SE 26.667 / 3 = 8.889;
		// t(0.975, 8) = 2.306 → ± 20.50 → [50.61, 91.61]; satisfied (2 + 4) / 9 = 0.6667
		expect(out.items[0]).toEqual({
			question: '您对小区保洁和卫生的满意程度',
			number: 2,
			indicator: 'cleaning',
			n: 9,
			skipped: 1,
			unrecognised: 0,
			counts: [2, 4, 1, 1, 1],
			satisfied_share: 0.6667,
			score: 71.11,
			ci95: [50.61, 91.61]
		});
		// Q7 总体 3/4/2/1/0 → 78 ± 2.2622 × 6.2893 = [63.77, 92.23] (tests/unit/survey/score.test.ts works it through)
		expect(out.overall).toEqual({ score: 78, ci95: [63.77, 92.23], from: 'question', n: 10 });
		expect(out.not_rated).toEqual(['1、您的房屋所在楼栋', '6、您最希望改进的方面（多选）']);
		// No respondent-level value reaches the output.
		expect(r.stdout).not.toContain('112.10.');
		expect(r.stdout).not.toContain('2024/5/');
	});

	it('a recipe remaps questions and changes the scale; --save-recipe writes one to edit', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'zhijia-survey-'));
		const saved = join(dir, 'saved.json');
		expect((await run(['survey', FILE, '--save-recipe', saved, '--json'])).code).toBe(0);
		const recipe = JSON.parse(readFileSync(saved, 'utf8'));
		expect(recipe.kind).toBe('zhijia-survey-recipe');
		// Drop the overall question, move Q4 to customer service, use 100/75/50/25/0.
		recipe.questions = recipe.questions.map((q: { number: number; indicator: string | null }) =>
			q.number === 7 ? { ...q, indicator: null } : q.number === 4 ? { ...q, indicator: 'customer_service' } : q
		);
		recipe.scale = { points: [100, 75, 50, 25, 0], source: 'our committee' };
		const path = join(dir, 'r.json');
		writeFileSync(path, JSON.stringify(recipe));
		const out = JSON.parse((await run(['survey', FILE, '--recipe', path, '--json'])).stdout);
		expect(out.items.find((i: { number: number }) => i.number === 4).indicator).toBe('customer_service');
		// Items on 100/75/50/25/0: Q2 (200 + 300 + 50 + 25 + 0) / 9 = 63.89; Q3 (100 + 375 + 150) / 9 = 69.44;
		// Q4 (200 + 375 + 100 + 25) / 10 = 70; Q5 (225 + 150 + 50 + 0) / 9 = 47.22.
		// Without an overall question, overall = plain mean (63.889 + 69.444 + 70 + 47.222) / 4 = 62.64, no interval.
		expect(out.overall).toEqual({ score: 62.64, ci95: null, from: 'items', n: 9 });
	});

	it('an export by option number: 1 is the top, said, and --numbers five-top turns it round', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'zhijia-survey-'));
		const path = join(dir, 'coded.csv');
		// 总体: options 1 非常满意 … 5 非常不满意; -2 a question not shown.
		writeFileSync(path, '序号,来自IP,2、您对物业服务的总体满意程度：\r\n1,1.1.1.1,1\r\n2,1.1.1.2,1\r\n3,1.1.1.3,2\r\n4,1.1.1.4,-2\r\n');
		const coded = await run(['survey', path, '--json']);
		const out = JSON.parse(coded.stdout);
		expect(out.numbers).toEqual({ top: 1, coded_export: true });
		// 1, 1, 2 → 非常满意 2, 满意 1: (200 + 80) / 3 = 93.33.
		expect(out.items[0]).toMatchObject({ counts: [2, 1, 0, 0, 0], n: 3, skipped: 1, score: 93.33 });
		expect((await run(['survey', path])).stdout).toContain('1 为最满意 1 is the top');
		// Turned: 1 is 非常不满意, 2 不满意: (20 + 20 + 40) / 3 = 26.67.
		const turned = JSON.parse((await run(['survey', path, '--numbers', 'five-top', '--json'])).stdout);
		expect(turned.items[0]).toMatchObject({ counts: [0, 0, 0, 1, 2], score: 26.67 });
		expect((await run(['survey', path, '--numbers', 'upside-down'])).code).toBe(2);
	});

	it('a questionnaire on three levels: 满意 is the top, said, and --words five reads it on five; a recipe keeps the choice', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'zhijia-survey-'));
		const path = join(dir, 'three.csv');
		// 总体 满意 ×16, 基本满意 ×3, 不满意 ×1: twenty answers in words, none such as 非常满意.
		const answers = [...Array(16).fill('满意'), '基本满意', '基本满意', '基本满意', '不满意'];
		writeFileSync(path, '序号,来自IP,1、您对物业服务的总体满意程度\r\n' + answers.map((a, i) => `${i + 1},1.1.1.${i},${a}\r\n`).join(''));
		const three = JSON.parse((await run(['survey', path, '--json'])).stdout);
		expect(three.words).toEqual({ levels: 3, as_given: false });
		// (16 × 100 + 3 × 60 + 20) / 20 = 1,800 / 20 = 90; satisfied (满意 and 基本满意) 19 of 20.
		expect(three.items[0]).toMatchObject({ counts: [16, 0, 3, 0, 1], n: 20, score: 90, satisfied_share: 0.95 });
		expect((await run(['survey', path])).stdout).toContain('3 级 levels');
		// On five levels: (16 × 80 + 3 × 60 + 40) / 20 = 1,500 / 20 = 75; satisfied (满意) 16 of 20.
		const recipePath = join(dir, 'three.recipe.json');
		const five = JSON.parse((await run(['survey', path, '--words', 'five', '--save-recipe', recipePath, '--json'])).stdout);
		expect(five.items[0]).toMatchObject({ counts: [0, 16, 3, 1, 0], score: 75, satisfied_share: 0.8 });
		expect(JSON.parse(readFileSync(recipePath, 'utf8')).words).toBe('five_level');
		expect(JSON.parse((await run(['survey', path, '--recipe', recipePath, '--json'])).stdout).items[0].score).toBe(75);
		expect((await run(['survey', path, '--words', 'four'])).code).toBe(2);
	});
	it('usage and input errors exit 2 with a reason', async () => {
		expect((await run(['survey'])).code).toBe(2);
		const bad = await run(['survey', FILE, '--estate-households', 'many']);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--estate-households');
		const dir = mkdtempSync(join(tmpdir(), 'zhijia-survey-'));
		writeFileSync(join(dir, 'r.json'), JSON.stringify({ kind: 'zhijia-survey-recipe', version: 1, name: 'x', scale: { points: [20, 40, 60, 80, 100], source: 's' }, questions: [] }));
		const r = await run(['survey', FILE, '--recipe', join(dir, 'r.json')]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('points must not rise');
	});

	it('text output names the scale and the overall source', async () => {
		const r = await run(['survey', FILE]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('100/80/60/40/20');
		expect(r.stdout).toContain('总体满意度 overall: 78 [63.77, 92.23]');
	});
});
