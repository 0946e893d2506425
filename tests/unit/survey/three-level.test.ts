import { describe, expect, it } from 'vitest';
import { readSurvey } from '../../../src/lib/import/survey';
import { applyRecipe, countSurvey, DEFAULT_SCALE, parseSurveyRecipe, recipeOf, scoreSurvey, threeLevelWords } from '../../../src/lib/domain/survey';
import { gbk } from '../../fixtures/import-files';

/**
 * A questionnaire worded on three levels (满意 / 基本满意 / 不满意, 好 / 一般 / 差), as many district surveys are. Figures
 * by hand on 100/80/60/40/20 (docs/sources.md §13):
 * - 保洁 满意, 满意, 基本满意, 不满意, 满意, 满意, 基本满意: three levels → levels 1, 1, 3, 5, 1, 1, 3 →
 *   (4 × 100 + 2 × 60 + 20) / 7 = 540 / 7 = 77.142857, satisfied (满意 and 基本满意) 6 of 7; on five levels 满意 is the
 *   second and 不满意 the fourth → (4 × 80 + 2 × 60 + 40) / 7 = 480 / 7 = 68.571429, satisfied (满意) 4 of 7.
 * - 绿化 满意 ×7: 100.0 on three levels, 80.0 on five.
 * - 总体 好, 好, 一般, 差, 好, 好, 一般: three levels → 77.142857; on five levels 好 and 差 say nothing alone, so it is not
 *   a rating.
 * Twenty-one answers in words: enough for their wording to say three levels (at least 20).
 */
const THREE = gbk(
	[
		'序号,提交答卷时间,来自IP,1、您对小区保洁的满意程度,2、您对绿化养护的满意程度,3、您对物业服务的总体评价',
		'1,2025/9/1 10:00:00,1.2.3.4,满意,满意,好',
		'2,2025/9/1 10:05:00,1.2.3.5,满意,满意,好',
		'3,2025/9/1 10:09:00,1.2.3.6,基本满意,满意,一般',
		'4,2025/9/2 09:00:00,1.2.3.7,不满意,满意,差',
		'5,2025/9/2 09:30:00,1.2.3.8,满意,满意,好',
		'6,2025/9/3 19:30:00,1.2.3.9,满意,满意,好',
		'7,2025/9/3 20:30:00,1.2.3.10,基本满意,满意,一般'
	].join('\r\n') + '\r\n'
);

describe('a questionnaire on three levels', () => {
	it('reads 满意 as the top and 不满意 as the bottom when no answer has a longer scale’s words', async () => {
		const r = await readSurvey('三级.csv', THREE);
		expect(r.counts.words).toBe('three_level');
		expect(r.counts.plainWords).toBe(true);
		const s = scoreSurvey(r.counts, DEFAULT_SCALE);
		const byNumber = Object.fromEntries(s.items.map((i) => [i.number, i]));
		expect(byNumber[1]).toMatchObject({ counts: [4, 0, 2, 0, 1], n: 7 });
		expect(byNumber[1].satisfiedShare).toBeCloseTo(6 / 7, 10);
		expect(byNumber[1].score).toBeCloseTo(77.142857, 5);
		expect(byNumber[2].score).toBeCloseTo(100, 10);
		expect(byNumber[3]).toMatchObject({ counts: [4, 0, 2, 0, 1], indicator: 'satisfaction' });
		expect(s.overall).toMatchObject({ from: 'question', n: 7 });
		expect(s.overall.score).toBeCloseTo(77.142857, 5);
	});
	it('reads them on five levels when the person says so, and the recipe keeps the choice', async () => {
		const r = await readSurvey('三级.csv', THREE, { words: 'five_level' });
		expect(r.counts.words).toBe('five_level');
		const s = scoreSurvey(r.counts, DEFAULT_SCALE);
		const byNumber = Object.fromEntries(s.items.map((i) => [i.number, i]));
		expect(byNumber[1].counts).toEqual([0, 4, 2, 1, 0]);
		expect(byNumber[1].score).toBeCloseTo(68.571429, 5);
		// On five levels the satisfied are the top two, 非常满意 and 满意 (4 of 7).
		expect(byNumber[1].satisfiedShare).toBeCloseTo(4 / 7, 10);
		expect(byNumber[2].score).toBeCloseTo(80, 10);
		// 好 / 一般 / 差 alone is no rating on five levels.
		expect(byNumber[3]).toBeUndefined();
		expect(r.counts.others.map((o) => o.header)).toContain('3、您对物业服务的总体评价');
		const recipe = parseSurveyRecipe(JSON.stringify(recipeOf('三级', r.counts)));
		expect(recipe.ok && recipe.recipe.words).toBe('five_level');
		// A recipe saved before the choice existed still parses, and maps as before.
		const old = JSON.parse(JSON.stringify(recipeOf('三级', r.counts)));
		delete old.words;
		const parsed = parseSurveyRecipe(JSON.stringify(old));
		expect(parsed.ok).toBe(true);
		if (parsed.ok) expect(applyRecipe(r.counts, parsed.recipe).words).toBe('five_level');
	});
	it('a questionnaire with 非常满意, 比较满意 or 不太满意 anywhere, with no middle word, or with few answers stays on five levels', () => {
		const times = (words: string[], n: number) => Array.from({ length: n }, () => words).flat();
		expect(threeLevelWords([times(['满意', '基本满意', '不满意'], 7), ['满意', '非常满意']])).toBe(false);
		expect(threeLevelWords([times(['满意', '一般', '不太满意'], 7)])).toBe(false);
		expect(threeLevelWords([times(['好', '较好', '一般', '差'], 5)])).toBe(false);
		expect(threeLevelWords([times(['满意', '不满意', '满意'], 7)])).toBe(false);
		expect(threeLevelWords([times(['A.满意', 'B.基本满意', 'C.不满意'], 7)])).toBe(true);
		expect(threeLevelWords([times(['好', '一般', '差'], 7), [null, 3, '']])).toBe(true);
		// Nineteen answers are too few to tell; twenty are enough.
		expect(threeLevelWords([[...times(['满意', '一般'], 9), '满意']])).toBe(false);
		expect(threeLevelWords([times(['满意', '一般'], 10)])).toBe(true);
		// The wjx-style five-level export is unchanged: 满意 there is the second level.
		const five = countSurvey(['1、保洁'], [['非常满意', '满意', '一般', '不满意', '非常不满意']], 5);
		expect(five.words).toBe('five_level');
		expect(five.questions[0].counts).toEqual([1, 1, 1, 1, 1]);
	});
});
