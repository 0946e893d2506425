/**
 * Goal seek on quality: the Q (grade) that justifies a proposed fee under a catalogue and band, and the indicator
 * raises that would get there. Every answer is put back into gradeFromQ / judgePriceQuality and inspectionScore /
 * compositeQ and must agree to 0.01 points.
 */
import { describe, expect, it } from 'vitest';
import { qualityForFee, type QualityScores } from '$lib/domain/goal-seek';
import { DEFAULT_BANDS, DEFAULT_INDICATOR_SYSTEM, compositeQ, gradeFromQ, inspectionScore, judgePriceQuality } from '$lib/domain';
import { HIGH_LADDER } from '../negotiation/fixtures';

/** Every indicator of the default system at `score`, satisfaction `sat`, high-rise with elevators. */
function flat(score: number, sat: number, over: Record<string, number> = {}): QualityScores {
	const scores = Object.fromEntries(DEFAULT_INDICATOR_SYSTEM.indicators.map((i) => [i.code, score]));
	return { system: DEFAULT_INDICATOR_SYSTEM, scores: { ...scores, ...over }, satisfaction: sat, hasElevator: true };
}

const qOf = (s: QualityScores) => compositeQ(s.system, inspectionScore(s.system, s.scores, s.hasElevator).score, s.satisfaction).q as number;

describe('quality that justifies a fee', () => {
	it('2.00 on the illustrative high-rise ladder needs 二级, Q ≥ 80', () => {
		// guide ≥ 2.00 × 0.9 = 1.80: 三级 1.50 (QPR 0.75) falls short, 二级 1.90 (QPR 0.95) meets it.
		const g = qualityForFee({ fee: 2, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 72.5 });
		expect(g.answer.status).toBe('solved');
		expect(g.grade).toBe(2);
		expect(g.qNeeded).toBe(80);
		expect(g.pointsToGain).toBeCloseTo(7.5, 12);
		if (g.answer.status !== 'solved') return;
		expect(g.answer.check.ok).toBe(true);
		expect(Math.abs(g.answer.check.residual)).toBeLessThanOrEqual(0.01);
		// Put back: at Q 80 the grade is 二级 and 1.90 ÷ 2.00 = 0.95 is matched; at 79.99 三级, 1.50 ÷ 2.00 = 0.75 is not.
		expect(gradeFromQ(80)).toBe(2);
		expect(judgePriceQuality(1.9, 2).band).toBe('matched');
		expect(judgePriceQuality(HIGH_LADDER[gradeFromQ(79.99)] as number, 2).band).toBe('price_above_quality');
		expect(g.answer.equation.zh).toContain('1.8');
	});

	it('0.70 is justified at any Q (五级 0.70 ÷ 0.70 = 1.0)', () => {
		const g = qualityForFee({ fee: 0.7, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 50 });
		expect(g.grade).toBe(5);
		expect(g.qNeeded).toBe(0);
		expect(g.pointsToGain).toBe(0);
		expect(g.answer.status === 'solved' && g.answer.check.ok).toBe(true);
	});

	it('no grade justifies 2.60: even 一级 2.30 ÷ 0.9 = 2.5556', () => {
		const g = qualityForFee({ fee: 2.6, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 95 });
		expect(g.answer.status).toBe('no_solution');
		if (g.answer.status === 'no_solution') expect(g.answer.reason.en).toContain('2.5556');
	});

	it('a catalogue without 一级 (Dongguan-style) still solves 1.70 at 三级 (1.60 ÷ 1.70 = 0.94)', () => {
		const g = qualityForFee({ fee: 1.7, guidePrices: { 2: 2.0, 3: 1.6, 4: 1.3, 5: 1.0 }, bands: DEFAULT_BANDS, q: 60 });
		expect(g.grade).toBe(3);
		expect(g.qNeeded).toBe(70);
		expect(g.answer.status === 'solved' && g.answer.check.ok).toBe(true);
	});
});

describe('which indicators would have to rise', () => {
	/**
	 * All eleven indicators at 75 and satisfaction 82.5: inspection 75, Q = 0.6 × 75 + 0.4 × 82.5 = 45 + 33 = 78.
	 * 二级 needs 80: 2 points. One indicator of weight 15 (of 100) adds 0.6 × 0.15 = 0.09 per point: 2 ÷ 0.09 = 22.22
	 * points (75 → 97.22). Customer service (12) would need 2 ÷ 0.072 = 27.78 (past 100). Satisfaction: 2 ÷ 0.4 = 5
	 * (82.5 → 87.5). Every indicator together: 2 ÷ 0.6 = 3.33.
	 */
	const s = flat(75, 82.5);
	const g = qualityForFee({ fee: 2, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 78, scores: s });

	it('starts from Q 78 recomputed by the scoring functions', () => {
		expect(qOf(s)).toBeCloseTo(78, 12);
		expect(g.qFromScores).toBeCloseTo(78, 12);
	});

	it('cheapest first: a 15-point indicator +22.22', () => {
		const first = g.routes[0];
		expect(first.kind).toBe('indicator');
		expect(['management', 'order', 'cleaning']).toContain(first.indicator);
		expect(first.raiseBy).toBeCloseTo(2 / 0.09, 9);
		expect(first.feasible).toBe(true);
		const raised = { ...s, scores: { ...s.scores, [first.indicator as string]: 75 + first.raiseBy } };
		expect(Math.abs(qOf(raised) - 80)).toBeLessThanOrEqual(0.01);
		expect(first.check?.ok).toBe(true);
	});

	it('customer service alone cannot: 27.78 points would pass 100', () => {
		const cs = g.routes.find((r) => r.indicator === 'customer_service');
		expect(cs?.raiseBy).toBeCloseTo(2 / 0.072, 9);
		expect(cs?.feasible).toBe(false);
		expect(cs?.check).toBeNull();
	});

	it('satisfaction +5 and every indicator +3.33, each checked to 0.01 points', () => {
		const sat = g.routes.find((r) => r.kind === 'satisfaction');
		expect(sat?.raiseBy).toBeCloseTo(5, 9);
		expect(sat?.check?.ok).toBe(true);
		const all = g.routes.find((r) => r.kind === 'all');
		expect(all?.raiseBy).toBeCloseTo(2 / 0.6, 6);
		expect(Math.abs(all?.check?.residual as number)).toBeLessThanOrEqual(0.01);
		expect(all?.check?.ok).toBe(true);
	});

	it('every indicator together, capped at 100: cleaning at 99 moves 1 point at most', () => {
		// Ten at 70, cleaning 99, satisfaction 80: inspection = (85 × 70 + 15 × 99) ÷ 100 = 74.35; Q = 44.61 + 32 = 76.61.
		// 80 needs 3.39 more: the ten move δ with weight 0.85, cleaning 1 point (to 100) with weight 0.15:
		// 0.6 × (0.85 δ + 0.15 × 1) = 3.39 → δ = (5.65 − 0.15) ÷ 0.85 = 6.4706.
		const capped = flat(70, 80, { cleaning: 99 });
		expect(qOf(capped)).toBeCloseTo(76.61, 9);
		const r = qualityForFee({ fee: 2, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 76.61, scores: capped });
		const all = r.routes.find((x) => x.kind === 'all');
		expect(all?.raiseBy).toBeCloseTo(5.5 / 0.85, 6);
		expect(all?.check?.ok).toBe(true);
	});

	it('a breached red line is named: elevator 55 caps at 三级, below the 二级 needed', () => {
		const r = qualityForFee({ fee: 2, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 78, scores: flat(75, 82.5, { elevator: 55 }) });
		expect(r.redLines.map((x) => [x.indicator, x.score, x.floor])).toEqual([['elevator', 55, 60]]);
	});

	it('already there: 1.60 needs 三级 (1.50 ÷ 1.60 = 0.9375 ≥ 0.9), Q 85 has it, no routes', () => {
		const r = qualityForFee({ fee: 1.6, guidePrices: HIGH_LADDER, bands: DEFAULT_BANDS, q: 85, scores: flat(85, 85) });
		expect(r.grade).toBe(3);
		expect(r.qNeeded).toBe(70);
		expect(r.pointsToGain).toBe(0);
		expect(r.routes).toEqual([]);
	});
});
