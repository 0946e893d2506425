import { describe, expect, it } from 'vitest';
import { DEFAULT_RED_LINES_FOR_TEST, applyRedLines, gradeFromQ, gradeLabel, type RedLine } from './helpers';

describe('gradeFromQ with [90, 80, 70, 60]', () => {
	it.each([
		[100, 1],
		[90, 1], // on the bound reaches it
		[89.999, 2],
		[80, 2],
		[79.99, 3],
		[70, 3],
		[69.99, 4],
		[60, 4],
		[59.9, 5],
		[0, 5]
	] as const)('Q %d → grade %d', (q, grade) => {
		expect(gradeFromQ(q)).toBe(grade);
	});

	it('uses custom thresholds (Guangzhou-like 95/90/85/75)', () => {
		expect(gradeFromQ(92, [95, 90, 85, 75])).toBe(2);
	});

	it('rejects non-finite Q and malformed thresholds', () => {
		expect(() => gradeFromQ(NaN)).toThrow(RangeError);
		expect(() => gradeFromQ(80, [90, 90, 70, 60])).toThrow(RangeError);
	});
});

describe('gradeLabel', () => {
	it('names grades in both languages', () => {
		expect(gradeLabel(1, 'zh')).toBe('一级');
		expect(gradeLabel(3, 'zh')).toBe('三级');
		expect(gradeLabel(5, 'zh')).toBe('五级（不达标）');
		expect(gradeLabel(5, 'en')).toBe('Grade 5 (below standard)');
	});
});

describe('applyRedLines (elevator or fire < 60 caps at 三级)', () => {
	const lines: readonly RedLine[] = DEFAULT_RED_LINES_FOR_TEST;

	it('Q 92 is 一级, but elevator 55 < 60 caps it at 三级: max(1, 3) = 3', () => {
		const r = applyRedLines(gradeFromQ(92), { elevator: 55, fire: 80 }, lines);
		expect(r.uncappedGrade).toBe(1);
		expect(r.grade).toBe(3);
		expect(r.cappedBy.map((b) => b.indicator)).toEqual(['elevator']);
	});

	it('a score on the floor passes: fire 60 is not a breach', () => {
		const r = applyRedLines(1, { elevator: 70, fire: 60 }, lines);
		expect(r.grade).toBe(1);
		expect(r.breaches).toEqual([]);
	});

	it('a grade already worse than the cap stays: max(4, 3) = 4, breach reported, nothing capped', () => {
		const r = applyRedLines(4, { elevator: 40, fire: 90 }, lines);
		expect(r.grade).toBe(4);
		expect(r.breaches).toHaveLength(1);
		expect(r.cappedBy).toEqual([]);
	});

	it('missing scores are reported as unchecked, not as passes or failures', () => {
		const r = applyRedLines(2, { fire: 90 }, lines);
		expect(r.grade).toBe(2);
		expect(r.unchecked).toEqual(['elevator']);
	});
});
