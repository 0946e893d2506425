import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSurvey, SurveyFileError } from '../../../src/lib/import/survey';
import { writeXlsx } from '../../../src/lib/import/xlsx';
import { applyRecipe, DEFAULT_SCALE, hasNumberAnswers, readNumbersAs, recipeOf, scoreSurvey } from '../../../src/lib/domain/survey';
import { gbk } from '../../fixtures/import-files';

const utf8 = (text: string) => new TextEncoder().encode(text);
const byHeader = (r: Awaited<ReturnType<typeof readSurvey>>) => Object.fromEntries(r.counts.questions.map((q) => [q.number, q]));

/** The survey reader on four export shapes; counts worked out from the rows written here or in the fixture. */
describe('questionnaire exports', () => {
	it('问卷星 text export, GB18030 CSV: meta columns left out, open and multi-choice questions not rated', async () => {
		const r = await readSurvey('wjx.csv', readFileSync('tests/unit/survey/fixtures/wjx-gb18030.csv'));
		expect(r.encoding).toBe('gb18030');
		expect(r.counts.responses).toBe(10);
		expect(r.counts.others).toEqual([
			...['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '总分'].map((header) => ({ header, reason: 'meta' })),
			{ header: '1、您的房屋所在楼栋', reason: 'not_rating' },
			{ header: '6、您最希望改进的方面（多选）', reason: 'not_rating' }
		]);
		const q = byHeader(r);
		// Q2 保洁: 非常满意 ×2; 满意 ×3 + 比较满意 → 4; 一般 1; 不满意 1; 很不满意 1; (跳过) 1
		expect(q[2]).toMatchObject({ counts: [2, 4, 1, 1, 1], skipped: 1, indicator: 'cleaning' });
		// The export keeps a trailing space after the question; the reader trims headers, so recipes match either way.
		expect(q[2].header).toBe('2、您对小区保洁和卫生的满意程度');
		// Q3 绿化: 非常满意 1; 满意 5; 一般 2 + 基本满意 → 3; (跳过) 1
		expect(q[3]).toMatchObject({ counts: [1, 5, 3, 0, 0], skipped: 1, indicator: 'greening' });
		// Q4 门岗: 非常满意 2; 满意 5; 一般 2; 不太满意 1
		expect(q[4]).toMatchObject({ counts: [2, 5, 2, 1, 0], skipped: 0, indicator: 'order' });
		// Q5 报修: 满意 3; 一般 3; 不满意 2; 非常不满意 1; (跳过) 1
		expect(q[5]).toMatchObject({ counts: [0, 3, 3, 2, 1], skipped: 1, indicator: 'upkeep' });
		// Q7 总体: 非常满意 3; 满意 4; 一般 2; 不满意 1
		expect(q[7]).toMatchObject({ counts: [3, 4, 2, 1, 0], skipped: 0, indicator: 'satisfaction' });
	});

	it('腾讯问卷 xlsx with a title row: Q-numbered headers, (空) skipped', async () => {
		const bytes = writeXlsx([
			{
				name: '答卷数据',
				rows: [
					['2024年第二季度业主满意度调查', null, null, null, null],
					['编号', '开始答题时间', '结束答题时间', 'Q1.您对电梯运行的满意度', 'Q2.您对客服服务态度的满意度'],
					[1, '2024-05-01 10:00:00', '2024-05-01 10:03:00', '非常满意', '满意'],
					[2, '2024-05-01 11:00:00', '2024-05-01 11:02:00', '满意', '(空)'],
					[3, '2024-05-02 09:00:00', '2024-05-02 09:05:00', '不满意', '一般'],
					[4, '2024-05-02 10:00:00', '2024-05-02 10:01:00', '(空)', '非常不满意']
				]
			}
		]);
		const r = await readSurvey('tencent.xlsx', bytes);
		expect(r.headerRow).toBe(2);
		expect(r.titleLines.join(' ')).toContain('满意度调查');
		expect(r.counts.responses).toBe(4);
		const q = byHeader(r);
		expect(q[1]).toMatchObject({ counts: [1, 1, 0, 1, 0], skipped: 1, indicator: 'elevator' });
		expect(q[2]).toMatchObject({ counts: [0, 1, 1, 0, 1], skipped: 1, indicator: 'customer_service' });
	});

	it('满意度 as numbers 1-5 (5 the top), "5." headers, empty cells skipped', async () => {
		const csv = '序号,5.您对消防设施的满意度,6.您对收支公示的满意度\r\n1,5,4\r\n2,4,\r\n3,3,3\r\n4,5,1\r\n5,,2\r\n';
		const r = await readSurvey('numbers.csv', utf8(csv));
		const q = byHeader(r);
		expect(q[5]).toMatchObject({ counts: [2, 1, 1, 0, 0], skipped: 1, indicator: 'fire' });
		expect(q[6]).toMatchObject({ counts: [0, 1, 1, 1, 1], skipped: 1, indicator: 'accounts' });
	});

	it('option letters (A.非常满意, B、满意, bare C) under 第N题 headers; 0/1 option columns are not ratings', async () => {
		const csv = '第1题 您对保洁的满意度,第2题(保洁),第2题(绿化),第3题 您对小区绿化的满意度\n' + 'A.非常满意,1,0,B、满意\n' + 'B.满意,0,1,C\n' + 'C.一般,1,1,A\n' + 'E.非常不满意,0,0,(跳过)\n';
		const r = await readSurvey('letters.csv', utf8(csv));
		expect(r.counts.others.map((o) => o.header)).toEqual(['第2题(保洁)', '第2题(绿化)']);
		const q = byHeader(r);
		expect(q[1]).toMatchObject({ counts: [1, 1, 1, 0, 1], skipped: 0, indicator: 'cleaning' });
		expect(q[3]).toMatchObject({ counts: [1, 1, 1, 0, 0], skipped: 1, indicator: 'greening' });
	});

	it('an export by option number (问卷星 按序号, GBK): 1 is the first option, 非常满意, and the person may turn it round', async () => {
		// Options in the questionnaire: 1 非常满意, 2 满意, 3 一般, 4 不满意, 5 非常不满意; -3 a question skipped; 0/1 columns per
		// option of a multiple-choice question.
		const csv = [
			'序号,提交答卷时间,来自IP,2、您对小区保洁服务的满意程度：,3、您对物业服务的总体满意程度：,4、第4题(保洁),4、第4题(绿化)',
			'1,2025/9/1 10:00:00,1.2.3.4,1,1,1,0',
			'2,2025/9/1 10:05:00,1.2.3.5,1,2,0,1',
			'3,2025/9/1 10:09:00,1.2.3.6,2,2,1,1',
			'4,2025/9/2 09:00:00,1.2.3.7,4,-3,0,0',
			'5,2025/9/2 09:30:00,1.2.3.8,2,1,1,0'
		].join('\r\n');
		const r = await readSurvey('问卷_按序号.csv', gbk(csv));
		expect(r.counts).toMatchObject({ coded: true, numbers: 'one_top' });
		expect(hasNumberAnswers(r.counts)).toBe(true);
		const q = byHeader(r);
		// 保洁: 1 ×2 → 非常满意 2; 2 ×2 → 满意 2; 4 → 不满意 1.
		expect(q[2]).toMatchObject({ counts: [2, 2, 0, 1, 0], skipped: 0, indicator: 'cleaning' });
		// 总体: 1 ×2, 2 ×2, -3 skipped.
		expect(q[3]).toMatchObject({ counts: [2, 2, 0, 0, 0], skipped: 1, indicator: 'satisfaction' });
		// Scored on 100/80/60/40/20: (2×100 + 2×80 + 40) ÷ 5 = 80 for 保洁.
		expect(scoreSurvey(r.counts, DEFAULT_SCALE).items[0].score).toBeCloseTo(80, 10);
		// Read the other way round (5 the top): 1 is 非常不满意, (2×20 + 2×40 + 80) ÷ 5 = 40.
		const turned = readNumbersAs(r.counts, 'five_top');
		expect(byHeader({ ...r, counts: turned })[2].counts).toEqual([0, 1, 0, 2, 2]);
		expect(scoreSurvey(turned, DEFAULT_SCALE).items[0].score).toBeCloseTo(40, 10);
		// And back; the recipe keeps the choice, and applying it reads the file so again.
		expect(readNumbersAs(turned, 'one_top').questions.map((x) => x.counts)).toEqual(r.counts.questions.map((x) => x.counts));
		const recipe = recipeOf('问卷', turned);
		expect(recipe.numbers).toBe('five_top');
		expect(applyRecipe(r.counts, recipe).questions[0].counts).toEqual([0, 1, 0, 2, 2]);
	});

	it('a text export with a 1-5 rating beside words: 5 the top by default, and only the numbers turn', async () => {
		const csv = '序号,5.您对消防设施的满意度\r\n1,5\r\n2,非常满意\r\n3,1\r\n4,满意\r\n5,5\r\n';
		const r = await readSurvey('mixed.csv', utf8(csv));
		expect(r.counts).toMatchObject({ coded: false, numbers: 'five_top' });
		// Two 5s and 非常满意 at the top, 满意 second, the 1 at the bottom.
		expect(byHeader(r)[5].counts).toEqual([3, 1, 0, 0, 1]);
		// Turned: the 1 and 非常满意 at the top, the two 5s at the bottom; the words stay where they are.
		expect(byHeader({ ...r, counts: readNumbersAs(r.counts, 'one_top') })[5].counts).toEqual([2, 1, 0, 0, 2]);
		const words = await readSurvey('words.csv', utf8('序号,5.您对消防设施的满意度\r\n1,满意\r\n2,一般\r\n'));
		expect(hasNumberAnswers(words.counts)).toBe(false);
	});

	it('refuses a file with no rating question, naming why', async () => {
		await expect(readSurvey('x.csv', utf8('序号,1、您的意见\n1,很好\n2,不错\n'))).rejects.toMatchObject({ code: 'no_questions' });
		await expect(readSurvey('x.csv', utf8('a,b\n1,2\n'))).rejects.toBeInstanceOf(SurveyFileError);
	});
});
