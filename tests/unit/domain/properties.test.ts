import { describe, expect, it } from 'vitest';
import {
	DEFAULT_INDICATOR_SYSTEM,
	compositeQ,
	gradeFromQ,
	inspectionScore,
	normaliseWeights,
	seededRandom,
	weightsForEstate,
	type IndicatorSystem
} from './helpers';

const RUNS = 500;

/** A random indicator system: the default codes with random weights (some zero) and blend. */
function randomSystem(rand: () => number): IndicatorSystem {
	const indicators = DEFAULT_INDICATOR_SYSTEM.indicators.map((ind) => ({
		...ind,
		// one in five weights is zero, the rest anywhere in (0, 50)
		weight: rand() < 0.2 ? 0 : rand() * 50
	}));
	// Make sure at least one non-elevator weight is positive, so every system is usable.
	indicators[0] = { ...indicators[0], weight: 1 + rand() * 20 };
	return { ...DEFAULT_INDICATOR_SYSTEM, indicators, blend: { inspection: rand() * 2, satisfaction: 0.01 + rand() * 2 } };
}

describe('properties (seeded random, reproducible)', () => {
	it('normalised weights always sum to 1 and keep the declared proportions', () => {
		const rand = seededRandom(20240611);
		for (let run = 0; run < RUNS; run++) {
			const sys = randomSystem(rand);
			const n = normaliseWeights(sys.indicators);
			expect(n.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
			for (const w of n.weights) expect(w.weight * n.declaredSum).toBeCloseTo(w.declared, 9);
			for (const hasElevator of [true, false]) {
				const e = weightsForEstate(sys, hasElevator);
				expect(e.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
			}
		}
	});

	it('inspection score, Q and grade always stay in range, whatever is missing', () => {
		const rand = seededRandom(7);
		for (let run = 0; run < RUNS; run++) {
			const sys = randomSystem(rand);
			const scores: Record<string, number | null> = {};
			for (const ind of sys.indicators) scores[ind.code] = rand() < 0.15 ? null : rand() * 100;
			const hasElevator = rand() < 0.5;
			const satisfaction = rand() < 0.2 ? null : rand() * 100;
			const insp = inspectionScore(sys, scores, hasElevator);
			if (insp.score !== null) {
				expect(insp.score).toBeGreaterThanOrEqual(0);
				expect(insp.score).toBeLessThanOrEqual(100);
				expect(insp.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
				// A weighted mean lies between the smallest and largest score used.
				const used = insp.weights.map((w) => scores[w.code] as number);
				expect(insp.score).toBeGreaterThanOrEqual(Math.min(...used) - 1e-9);
				expect(insp.score).toBeLessThanOrEqual(Math.max(...used) + 1e-9);
			}
			const { q } = compositeQ(sys, insp.score, satisfaction);
			if (q !== null) {
				expect(q).toBeGreaterThanOrEqual(0);
				expect(q).toBeLessThanOrEqual(100);
				expect([1, 2, 3, 4, 5]).toContain(gradeFromQ(q));
			}
		}
	});

	it('extreme scores: all 0 gives 0, all 100 gives 100', () => {
		const rand = seededRandom(99);
		for (let run = 0; run < 50; run++) {
			const sys = randomSystem(rand);
			for (const v of [0, 100]) {
				const scores = Object.fromEntries(sys.indicators.map((i) => [i.code, v]));
				const insp = inspectionScore(sys, scores, rand() < 0.5);
				expect(insp.score).toBeCloseTo(v, 9);
				expect(compositeQ(sys, insp.score, v).q).toBeCloseTo(v, 9);
			}
		}
	});
});
