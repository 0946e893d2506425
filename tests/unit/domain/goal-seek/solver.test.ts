/** The goal-seek solver on functions whose roots are known by hand. */
import { describe, expect, it } from 'vitest';
import { roundCandidates, smallestInteger, solveBracketed } from '$lib/domain/goal-seek';

describe('solveBracketed', () => {
	it('a line: 3x − 1 = 0.5 at x = 0.5, in a handful of evaluations', () => {
		const r = solveBracketed((x) => 3 * x - 1, 0.5, 0, 10, { xTol: 1e-12 });
		expect(r.ok && r.x).toBeCloseTo(0.5, 10);
		expect(r.evaluations).toBeLessThan(10);
	});

	it('a curve: x³ = 2 at 1.259921…, to 1e-12', () => {
		const r = solveBracketed((x) => x ** 3, 2, 0, 2, { xTol: 1e-12 });
		expect(r.ok && r.x).toBeCloseTo(Math.cbrt(2), 11);
	});

	it('a decreasing step function (amounts in whole fen): the bracket closes on the jump', () => {
		// f(x) = round(100 × (10 − x)) / 100 reaches 7.5 for x in (2.495, 2.505]: the bracket ends straddle 7.505 → 7.50.
		const f = (x: number) => Math.round(100 * (10 - x)) / 100;
		const r = solveBracketed(f, 7.5, 0, 10, { xTol: 1e-9, bisect: true });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.hi - r.lo).toBeLessThanOrEqual(1e-9);
		expect(f(r.x)).toBe(7.5);
	});

	it('no solution when the target is outside [f(lo), f(hi)]', () => {
		const r = solveBracketed((x) => x, 5, 0, 1, { xTol: 1e-9 });
		expect(r.ok).toBe(false);
		if (!r.ok) expect([r.flo, r.fhi]).toEqual([0, 1]);
	});
});

describe('smallestInteger', () => {
	it('finds the first n with n² ≥ 1000 (32) between 0 and 1000', () => {
		expect(smallestInteger((n) => n * n >= 1000, 0, 1000).n).toBe(32);
	});
});

describe('roundCandidates', () => {
	it('roundest first: in [0.09875, 0.105) 0.1 comes before 0.0988', () => {
		const c = roundCandidates(0.09875, 0.105);
		expect(c[0]).toBe(0.1);
		expect(c).toContain(0.099);
	});
	it('nothing round between 0.1234561 and 0.1234562 up to 1e-6 steps', () => {
		expect(roundCandidates(0.1234561, 0.1234562)).toEqual([]);
	});
});
