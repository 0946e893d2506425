/**
 * The goal-seek solver and the shape of every answer (docs/sources.md §19).
 *
 * An inverse question ("what fee breaks even at 80 % collection?") is answered in one of two ways:
 * - closed form, where the forward formula is linear in the unknown (the fee in the break-even formula);
 * - a bracketed search on the forward calculation itself, where it is monotone but not invertible by hand
 *   (amounts rounded to the fen, a taper clipped at zero, a budget rule): bisection with secant steps, so
 *   it cannot leave the bracket and converges on step functions too.
 * Either way the answer is then put back into the app's own forward calculation and the residual shown.
 */
import type { Bilingual } from '../provenance';

/** How an answer was found. */
export type GoalMethod = 'closed_form' | 'bisection' | 'threshold';

/** The answer put back into the forward calculation. */
export interface GoalCheck {
	/** Which forward calculation, e.g. "computeCostFee: break-even fee at 80 %". */
	forward: Bilingual;
	/** What was put in and what came out, with the numbers. */
	text: Bilingual;
	/** Forward result − target, in `unit`. */
	residual: number;
	/** Largest |residual| accepted. */
	tolerance: number;
	unit: Bilingual;
	ok: boolean;
}

/** A solved goal: the equation, the solution and its check. */
export interface GoalSolved {
	status: 'solved';
	/** The equation solved, with the numbers. */
	equation: Bilingual;
	method: GoalMethod;
	/** The solution, in `unit`. */
	value: number;
	unit: Bilingual;
	/** The solution in words, with the numbers. */
	text: Bilingual;
	check: GoalCheck;
	/** Evaluations of the forward calculation a search took (0 for closed form). */
	evaluations: number;
}

/** A goal no value in the allowed interval reaches, and why. */
export interface GoalNoSolution {
	status: 'no_solution';
	equation: Bilingual;
	reason: Bilingual;
}

export type GoalAnswer = GoalSolved | GoalNoSolution;

/** Outcome of a bracketed search. */
export type BracketResult =
	| {
			ok: true;
			/** The end of the final bracket nearer the target (smaller |f − target|). */
			x: number;
			/** The final bracket: f(lo) − target and f(hi) − target have opposite signs (or one is 0). */
			lo: number;
			hi: number;
			flo: number;
			fhi: number;
			evaluations: number;
	  }
	| { ok: false; flo: number; fhi: number; evaluations: number };

/**
 * Solve f(x) = target on [lo, hi] for a monotone f, until |hi − lo| ≤ xTol or |f(hi) − f(lo)| ≤ fTol. False position with the Illinois
 * modification (the end kept twice has its value halved, so both ends move), and bisection when the bracket has
 * not halved for two steps: false position alone can crawl on one side, and a step function (amounts rounded to
 * the fen) defeats a pure secant; `bisect` asks for bisection throughout (a function known to be all steps). Not ok when f − target has the same sign at both ends: no solution in [lo, hi].
 */
export function solveBracketed(
	f: (x: number) => number,
	target: number,
	lo: number,
	hi: number,
	{ xTol, fTol = 0, bisect = false, maxIter = 200 }: { xTol: number; fTol?: number; bisect?: boolean; maxIter?: number }
): BracketResult {
	let a = lo;
	let b = hi;
	let fa = f(a) - target;
	let fb = f(b) - target;
	let evaluations = 2;
	if (!Number.isFinite(fa) || !Number.isFinite(fb) || (fa > 0 && fb > 0) || (fa < 0 && fb < 0)) {
		return { ok: false, flo: fa + target, fhi: fb + target, evaluations };
	}
	// The values the interpolation uses (halved by the Illinois rule), apart from the true ones.
	let ia = fa;
	let ib = fb;
	let side = 0;
	let stall = 0;
	for (let i = 0; i < maxIter && b - a > xTol && Math.abs(fb - fa) > fTol && fa !== 0 && fb !== 0; i++) {
		const width = b - a;
		let m = bisect || stall >= 2 || ib === ia ? (a + b) / 2 : (a * ib - b * ia) / (ib - ia);
		if (!(m > a && m < b)) m = (a + b) / 2;
		const fm = f(m) - target;
		evaluations++;
		if (fm === 0) {
			a = b = m;
			fa = fb = 0;
			break;
		}
		if (Math.sign(fm) === Math.sign(fa)) {
			a = m;
			fa = ia = fm;
			if (side === -1) ib /= 2;
			side = -1;
		} else {
			b = m;
			fb = ib = fm;
			if (side === 1) ia /= 2;
			side = 1;
		}
		stall = b - a > width / 2 ? stall + 1 : 0;
	}
	const x = Math.abs(fa) <= Math.abs(fb) ? a : b;
	return { ok: true, x, lo: a, hi: b, flo: fa + target, fhi: fb + target, evaluations };
}

/**
 * The smallest integer n in (lo, hi] with pred(n) true, given pred(lo) false and pred(hi) true, for a
 * predicate that turns true once and stays true (e.g. "every estate keeps its base subsidy at cap n fen").
 */
export function smallestInteger(pred: (n: number) => boolean, lo: number, hi: number): { n: number; evaluations: number } {
	let a = lo;
	let b = hi;
	let evaluations = 0;
	while (b - a > 1) {
		const m = Math.floor((a + b) / 2);
		evaluations++;
		if (pred(m)) b = m;
		else a = m;
	}
	return { n: b, evaluations };
}

/**
 * Round numbers at or above lo and at most hi, roundest first: the first multiple of 0.1, 0.05, 0.01, 0.005, … 1e-6
 * that is ≥ lo. Among values that give the same result (a step function), the one a person would type.
 */
export function roundCandidates(lo: number, hi: number): number[] {
	const out: number[] = [];
	for (let k = 1; k <= 6; k++) {
		for (const step of [10 ** -k, 5 * 10 ** -(k + 1)]) {
			const r = Number((Math.ceil(lo / step - 1e-9) * step).toFixed(k + 1));
			if (r >= lo - 1e-12 && r <= hi + 1e-12 && !out.includes(r)) out.push(r);
		}
	}
	return out;
}

/** A check from a forward result and its target. */
export function checkOf(forward: Bilingual, text: Bilingual, value: number, target: number, tolerance: number, unit: Bilingual): GoalCheck {
	const residual = value - target;
	return { forward, text, residual, tolerance, unit, ok: Number.isFinite(residual) && Math.abs(residual) <= tolerance };
}
