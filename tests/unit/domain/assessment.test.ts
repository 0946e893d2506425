import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATOR_SYSTEM as SYS, assessQuality } from './helpers';

const all = (v: number) => Object.fromEntries(SYS.indicators.map((i) => [i.code, v]));

describe('assessQuality', () => {
	it('inspection 82 everywhere, satisfaction 70: Q = 0.6 × 82 + 0.4 × 70 = 77.2 → 三级', () => {
		const r = assessQuality(SYS, { scores: all(82), satisfaction: 70, hasElevator: true });
		expect(r.inspection.score).toBeCloseTo(82, 10);
		expect(r.composite.q).toBeCloseTo(77.2, 10);
		expect(r.grade).toBe(3);
		expect(r.notes).toEqual([]);
	});

	it('Q 95 is 一级, but fire 50 < 60 caps at 三级', () => {
		// inspection = (95 × 95 + 5 × 50) / 100 = (9025 + 250) / 100 = 92.75
		// Q = 0.6 × 92.75 + 0.4 × 98 = 55.65 + 39.2 = 94.85 → 一级, capped → 三级
		const r = assessQuality(SYS, { scores: { ...all(95), fire: 50 }, satisfaction: 98, hasElevator: true });
		expect(r.composite.q).toBeCloseTo(94.85, 10);
		expect(r.gradeFromQ).toBe(1);
		expect(r.grade).toBe(3);
		expect(r.cappedBy.map((b) => b.indicator)).toEqual(['fire']);
		expect(r.notes.at(-1)?.zh).toContain('三级');
	});

	it('no elevator: the elevator red line does not apply and its score is ignored', () => {
		// Elevator 10 is ignored; the other ten at 92 → inspection 92, Q = inspection alone = 92 → 一级
		const r = assessQuality(SYS, { scores: { ...all(92), elevator: 10 }, hasElevator: false });
		expect(r.composite.basis).toBe('inspection_only');
		expect(r.grade).toBe(1);
		expect(r.breaches).toEqual([]);
		expect(r.inspection.elevatorRedistributed).toBe(true);
		expect(r.notes.length).toBeGreaterThanOrEqual(3); // redistribution, ignored score, satisfaction missing
	});

	it('a missing elevator score leaves its red line unchecked, and says so', () => {
		// Ten indicators at 90 over 94 points → inspection 90; Q = 0.6 × 90 + 0.4 × 90 = 90 → 一级
		const { elevator: _, ...scores } = all(90);
		const r = assessQuality(SYS, { scores, satisfaction: 90, hasElevator: true });
		expect(r.grade).toBe(1);
		expect(r.redLinesUnchecked).toEqual(['elevator']);
		expect(r.notes.at(-1)?.zh).toContain('红线未能检查');
	});

	it('no inspection scores: no Q, no grade', () => {
		const r = assessQuality(SYS, { scores: {}, satisfaction: 80, hasElevator: true });
		expect(r.composite.q).toBeNull();
		expect(r.grade).toBeNull();
	});
});
