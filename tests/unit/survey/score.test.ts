import { describe, expect, it } from 'vitest';
import { columnWording, DEFAULT_SCALE, readAnswer, scoreCounts, scoreSurvey, countSurvey, t975, suggestIndicator, parseQuestionHeader, surveyScoreRows } from '../../../src/lib/domain/survey';

/**
 * A ten-response survey scored by hand (docs/sources.md §13), on the default scale 100/80/60/40/20.
 *
 * Question "7、总体而言，您对物业服务的满意程度", ten owners answered:
 *   非常满意 3, 满意 4, 一般 2, 不满意 1, 非常不满意 0  → n = 10, skipped 0
 *   points: 3×100 + 4×80 + 2×60 + 1×40 + 0×20 = 300 + 320 + 120 + 40 = 780; mean = 780 / 10 = 78
 *   squared deviations: 3×(100−78)² + 4×(80−78)² + 2×(60−78)² + 1×(40−78)²
 *                      = 3×484 + 4×4 + 2×324 + 1444 = 1452 + 16 + 648 + 1444 = 3560
 *   sample variance 3560 / 9 = 395.556; SD = √395.556 = 19.8886; SE = 19.8886 / √10 = 6.28932
 *   t(0.975, 9) = 2.2622 (table); half width 2.2622 × 6.28932 = 14.2277
 *   95 % interval 78 ± 14.2277 = [63.7723, 92.2277]
 *   satisfied share (top two levels) (3 + 4) / 10 = 0.7
 */
describe('a ten-response survey scored by hand', () => {
	it('mean, SD, t interval and satisfied share', () => {
		const s = scoreCounts([3, 4, 2, 1, 0], DEFAULT_SCALE);
		expect(s.n).toBe(10);
		expect(s.score).toBe(78);
		expect(s.sd!).toBeCloseTo(19.8886, 4);
		expect(s.ci95![0]).toBeCloseTo(63.7723, 3);
		expect(s.ci95![1]).toBeCloseTo(92.2277, 3);
		expect(s.satisfiedShare).toBe(0.7);
	});

	it('from answer words to the same figures, with skipped answers counted apart', () => {
		// The same ten answers in the words people export, plus two skipped ones (not part of n).
		const cells = ['非常满意', 'A.非常满意', '很满意', '满意', '比较满意', '满意', 'B、满意', '一般', '基本满意', '不满意', '(跳过)', ''];
		const counted = countSurvey(['7、总体而言，您对物业服务的满意程度'], [cells], 12);
		expect(counted.questions[0].counts).toEqual([3, 4, 2, 1, 0]);
		expect(counted.questions[0].skipped).toBe(2);
		expect(counted.questions[0].indicator).toBe('satisfaction');
		const r = scoreSurvey(counted, DEFAULT_SCALE, 40);
		// response rate 12 respondents / 40 households = 0.3
		expect(r.responseRate).toBe(0.3);
		expect(r.overall).toMatchObject({ score: 78, from: 'question', n: 10 });
		expect(r.overall.ci95![0]).toBeCloseTo(63.7723, 3);
		expect(surveyScoreRows(r, 'E1', '2024Q2')).toEqual([{ estate_id: 'E1', period: '2024Q2', indicator: 'satisfaction', score: 78, source: 'satisfaction' }]);
	});

	it('another scale changes the points: 100/75/50/25/0 gives (300 + 300 + 100 + 25) / 10 = 72.5', () => {
		expect(scoreCounts([3, 4, 2, 1, 0], { points: [100, 75, 50, 25, 0], source: 'test' }).score).toBe(72.5);
	});

	it('one answer: a score but no interval; none: no score', () => {
		expect(scoreCounts([0, 1, 0, 0, 0], DEFAULT_SCALE)).toMatchObject({ n: 1, score: 80, ci95: null, sd: null, satisfiedShare: 1 });
		expect(scoreCounts([0, 0, 0, 0, 0], DEFAULT_SCALE)).toMatchObject({ n: 0, score: null, ci95: null });
	});

	it('t quantiles: table and expansion meet (t(0.975, 30) = 2.0423, t(0.975, 120) = 1.9799, large df → 1.96)', () => {
		expect(t975(9)).toBe(2.2622);
		expect(t975(31)).toBeCloseTo(2.0395, 3);
		expect(t975(120)).toBeCloseTo(1.9799, 3);
		expect(t975(1e6)).toBeCloseTo(1.96, 3);
	});
});

describe('answers and questions', () => {
	it('reads the wordings and codes in use', () => {
		const level = (c: string | number | null) => {
			const a = readAnswer(c);
			return typeof a === 'object' ? a.level : a;
		};
		expect(['非常满意', '很满意', '满意', '比较满意', '一般', '基本满意', '不满意', '不太满意', '很不满意', '非常不满意'].map(level)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
		expect([5, 4, '3', '2分', 1, 'A', 'e', 'Ａ．非常满意', 'C.一般'].map(level)).toEqual([0, 1, 2, 3, 4, 0, 4, 0, 2]);
		expect(['(跳过)', '（跳过）', '(空)', '', null, '-3'].map(level)).toEqual(Array(6).fill('skipped'));
		expect(['3号楼', '保洁┋绿化', 6, '还可以吧我觉得'].map(level)).toEqual(Array(4).fill('other'));
		// Options exported with their number in front or their points after the words: the words say the level.
		expect(['4.满意', '5、非常满意', '1)非常不满意', '满意（4分）', '非常满意(5分)', 'B.不满意(2分)', '一般（3）'].map(level)).toEqual([1, 0, 4, 1, 0, 3, 2]);
		expect(['6.满意', '满意(4分钟)', '4.5'].map(level)).toEqual(['other', 'other', 'other']);
	});

	it('reads good-and-bad wordings and stars; a bare 好 or 差 by the rest of its column', () => {
		const level = (c: string, column?: Parameters<typeof readAnswer>[1]) => {
			const a = readAnswer(c, column);
			return typeof a === 'object' ? a.level : a;
		};
		expect(['非常好', '很好', '较好', '一般', '较差', '很差', '★★★★★', '★★★★☆', '★☆☆☆☆', '4星'].map((c) => level(c))).toEqual([0, 0, 1, 2, 3, 4, 0, 1, 4, 1]);
		// The empty stars left out: ★★★★ is four of five; six stars or ☆ alone are no rating.
		expect(['★★★★', '★★', '★', '★★★★★★', '☆☆☆☆☆', '★☆★'].map((c) => level(c))).toEqual([1, 3, 4, 'other', 'other', 'other']);
		// 好 / 较好 / 一般 / 较差 / 差: 好 is the top and 差 the bottom.
		const comparative = columnWording(['好', '较好', '一般', '较差', '差']);
		expect(['好', '较好', '差'].map((c) => level(c, comparative))).toEqual([0, 1, 4]);
		// 很好 / 好 / 一般 / 差 / 很差: 好 is second and 差 fourth.
		const intense = columnWording(['很好', '好', 'C.一般', '差', '很差']);
		expect(['很好', '好', '差', '很差'].map((c) => level(c, intense))).toEqual([0, 1, 3, 4]);
		// Graded 优 / 良 / 中 / 差: 优 the top, 差 the bottom; 优秀 / 良好 / 一般 / 较差 / 差 and 及格 / 不及格 on five levels.
		const graded = columnWording(['优', '良', '中', '差']);
		expect(['优', '良', '中', '差'].map((c) => level(c, graded))).toEqual([0, 1, 2, 4]);
		expect(['优秀', '良好', '一般', '较差', '差'].map((c) => level(c, columnWording(['优秀', '良好', '一般', '较差', '差'])))).toEqual([0, 1, 2, 3, 4]);
		expect(['中等', '及格', '不及格'].map((c) => level(c))).toEqual([2, 3, 4]);
		// 好 / 一般 / 差 alone: the place of 好 on five levels is not known, so it is not read.
		const three = columnWording(['好', '一般', '差']);
		expect(['好', '差'].map((c) => level(c, three))).toEqual(['other', 'other']);
		expect(level('好')).toBe('other');
	});

	it('不满意 is the bottom of 很满意 / 满意 / 基本满意 / 不太满意 / 不满意, and 满意 the top of 满意 / 比较满意 / …', () => {
		const count = (column: string[]) => countSurvey(['3、您对保洁的评价'], [column], column.length).questions[0].counts;
		// Five levels, one answer each: every level gets one, 不太满意 and 不满意 are not merged.
		expect(count(['很满意', '满意', '基本满意', '不太满意', '不满意'])).toEqual([1, 1, 1, 1, 1]);
		expect(count(['满意', '比较满意', '一般', '比较不满意', '不满意'])).toEqual([1, 1, 1, 1, 1]);
		// The usual scale keeps 满意 second and 不满意 fourth.
		expect(count(['非常满意', '满意', '一般', '不满意', '非常不满意'])).toEqual([1, 1, 1, 1, 1]);
		expect(count(['满意', '满意', '一般', '不满意'])).toEqual([0, 2, 1, 1, 0]);
	});

	it('a column worded 很好 … 很差 is counted on its own scale', () => {
		const column = ['很好', '好', '好', '一般', '差', '很差', '(跳过)'];
		const survey = countSurvey(['3、您对保洁的评价'], [column], column.length);
		expect(survey.questions[0].counts).toEqual([1, 2, 1, 1, 1]);
		expect(survey.questions[0].skipped).toBe(1);
	});

	it('splits numbered headers in four shapes', () => {
		expect(parseQuestionHeader('5、您对报修响应和维修质量的满意程度')).toEqual({ number: 5, text: '您对报修响应和维修质量的满意程度' });
		expect(parseQuestionHeader('Q5.您对电梯的满意度')).toEqual({ number: 5, text: '您对电梯的满意度' });
		expect(parseQuestionHeader('5. 保洁')).toEqual({ number: 5, text: '保洁' });
		expect(parseQuestionHeader('第５题 绿化')).toEqual({ number: 5, text: '绿化' });
		expect(parseQuestionHeader('您的意见')).toEqual({ number: null, text: '您的意见' });
	});

	it('suggests the indicator from the question words', () => {
		const cases: [string, string | null][] = [
			['您对小区保洁和卫生的满意程度', 'cleaning'],
			['您对绿化养护的满意程度', 'greening'],
			['您对门岗和巡逻的满意程度', 'order'],
			['您对报修响应和维修质量的满意程度', 'upkeep'],
			['您对电梯运行的满意程度', 'elevator'],
			['您对客服人员服务态度的评价', 'customer_service'],
			['物业费收支公示情况', 'accounts'],
			['总体而言，您对物业服务的满意程度', 'satisfaction'],
			['您对保洁的总体评价', 'cleaning'],
			['您的房屋所在楼栋', null]
		];
		for (const [text, code] of cases) expect(suggestIndicator(text), text).toBe(code);
	});
});
