/**
 * Scores of a satisfaction question from its answer counts (docs/sources.md §13): the 0-100 score is the mean
 * of the answers' points, its 95 % interval a Student-t interval on that mean, the satisfied share the top two
 * levels over the valid answers. Only counts come in: respondents are never needed. Pure.
 */
import { LEVELS, type SurveyScale } from './scale';

/** Two-sided 95 % Student-t quantiles t(0.975, df) for df 1-30 (standard tables, 4 decimals). */
const T975 = [
	12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.306, 2.2622, 2.2281, 2.201, 2.1788, 2.1604, 2.1448, 2.1314,
	2.1199, 2.1098, 2.1009, 2.093, 2.086, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423
];

/**
 * t(0.975, df): the table up to 30, beyond it the Cornish-Fisher expansion around z = 1.959964 (its error is
 * below 0.0001 from df 30 on).
 */
export function t975(df: number): number {
	if (!(df >= 1)) throw new RangeError(`t quantile needs df ≥ 1, got ${df}`);
	if (df <= 30) return T975[Math.floor(df) - 1];
	const z = 1.959964;
	const g1 = (z ** 3 + z) / 4;
	const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
	const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
	return z + g1 / df + g2 / df ** 2 + g3 / df ** 3;
}

/** The figures of one question. */
export interface ItemScore {
	/** Valid answers (a level given). */
	readonly n: number;
	/** Mean points, 0-100 (null without answers). */
	readonly score: number | null;
	/** Sample standard deviation of the points (null below two answers). */
	readonly sd: number | null;
	/** 95 % interval of the mean, clipped to 0-100 (null below two answers). */
	readonly ci95: readonly [number, number] | null;
	/** Top two levels of the questionnaire's scale ÷ valid answers (null without answers). */
	readonly satisfiedShare: number | null;
}

/**
 * Scores answer counts (top level first) on a scale. `satisfiedLevels` is how many of the five levels from the top
 * count as satisfied: 2 (非常满意, 满意); on a three-level questionnaire, read as levels 1, 3 and 5, its top two
 * (满意, 基本满意) are the first 3.
 */
export function scoreCounts(counts: readonly number[], scale: SurveyScale, satisfiedLevels: 2 | 3 = 2): ItemScore {
	if (counts.length !== LEVELS) throw new RangeError(`expected ${LEVELS} counts, got ${counts.length}`);
	const n = counts.reduce((a, c) => a + c, 0);
	if (n === 0) return { n, score: null, sd: null, ci95: null, satisfiedShare: null };
	const mean = counts.reduce((a, c, i) => a + c * scale.points[i], 0) / n;
	const satisfiedShare = counts.slice(0, satisfiedLevels).reduce((a, c) => a + c, 0) / n;
	if (n < 2) return { n, score: mean, sd: null, ci95: null, satisfiedShare };
	const ss = counts.reduce((a, c, i) => a + c * (scale.points[i] - mean) ** 2, 0);
	const sd = Math.sqrt(ss / (n - 1));
	const half = (t975(n - 1) * sd) / Math.sqrt(n);
	return { n, score: mean, sd, ci95: [Math.max(0, mean - half), Math.min(100, mean + half)], satisfiedShare };
}
