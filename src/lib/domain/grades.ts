/**
 * Service grades from the composite quality score Q, and red lines that cap a grade.
 * Grade 1 (一级) is the best, grade 5 (五级) means below standard (不达标).
 */
import type { Bilingual, Lang, Provenance } from './provenance';

/** Service grade: 1 = 一级 (best) … 5 = 五级/不达标. A bigger number is a worse grade. */
export type Grade = 1 | 2 | 3 | 4 | 5;

/** All grades, best first. */
export const GRADES: readonly Grade[] = [1, 2, 3, 4, 5];

/**
 * Lower bounds of grades 1-4 on Q, best first, e.g. [90, 80, 70, 60]. A score equal to a bound reaches
 * that grade (90 → 一级, 89.999 → 二级); below the last bound is grade 5.
 */
export type GradeThresholds = readonly [number, number, number, number];

/** Default grade bounds: ≥ 90 一级, 80-89 二级, 70-79 三级, 60-69 四级, < 60 五级. */
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = [90, 80, 70, 60];

/** Where the default grade bounds come from. */
export const DEFAULT_GRADE_THRESHOLDS_PROVENANCE: Provenance = {
	tag: 'E',
	source: 'Method notes §5: grade from Q, ≥ 90 grade 1, 80-89 grade 2, 70-79 grade 3, 60-69 grade 4, < 60 grade 5 (below standard) (this app\'s proposal)',
	source_zh: '《质价方法与来源说明》§5：按综合得分 Q 定级，≥ 90 一级，80-89 二级，70-79 三级，60-69 四级，< 60 五级/不达标（本应用的设计建议）'
};

/**
 * A rule that caps the grade when one indicator fails: an estate whose score on `indicator` is below
 * `floor` can be graded no better than `capGrade`, whatever its Q.
 */
export interface RedLine {
	/** Indicator code, e.g. 'elevator'. */
	indicator: string;
	/** Pass mark on that indicator's 0-100 score; a score strictly below it breaches the red line. */
	floor: number;
	/** Best grade still allowed after a breach. */
	capGrade: Grade;
	provenance: Provenance;
}

/** Display names of the grades. */
export const GRADE_LABELS: Readonly<Record<Grade, Bilingual>> = {
	1: { zh: '一级', en: 'Grade 1' },
	2: { zh: '二级', en: 'Grade 2' },
	3: { zh: '三级', en: 'Grade 3' },
	4: { zh: '四级', en: 'Grade 4' },
	5: { zh: '五级（不达标）', en: 'Grade 5 (below standard)' }
};

/** True when `value` is one of the five grades. */
export function isGrade(value: unknown): value is Grade {
	return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/**
 * Problems with a set of grade bounds (empty when fine): four finite numbers, strictly descending.
 */
export function gradeThresholdProblems(thresholds: readonly number[]): string[] {
	const problems: string[] = [];
	if (thresholds.length !== 4) problems.push(`need 4 grade thresholds, got ${thresholds.length}`);
	if (thresholds.some((t) => !Number.isFinite(t))) problems.push('grade thresholds must be finite numbers');
	for (let i = 1; i < thresholds.length; i++) {
		if (!(thresholds[i] < thresholds[i - 1])) {
			problems.push(`grade thresholds must be strictly descending (${thresholds.join(', ')})`);
			break;
		}
	}
	return problems;
}

/**
 * Grade reached by a composite score Q.
 * @throws RangeError if Q is not finite or the thresholds are malformed.
 */
export function gradeFromQ(q: number, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
	if (!Number.isFinite(q)) throw new RangeError(`Q must be a finite number, got ${q}`);
	const problems = gradeThresholdProblems(thresholds);
	if (problems.length > 0) throw new RangeError(problems.join('; '));
	for (let i = 0; i < 4; i++) if (q >= thresholds[i]) return (i + 1) as Grade;
	return 5;
}

/** Display name of a grade in one language: gradeLabel(3, 'zh') → '三级'. */
export function gradeLabel(grade: Grade, lang: Lang): string {
	return GRADE_LABELS[grade][lang];
}

/** One red line that an estate's score falls below. */
export interface RedLineBreach {
	indicator: string;
	score: number;
	floor: number;
	capGrade: Grade;
}

/** The grade after red lines, with what capped it. */
export interface RedLineResult {
	/** Final grade: the worse of the Q grade and the caps of all breached red lines. */
	grade: Grade;
	/** The grade Q alone gave. */
	uncappedGrade: Grade;
	/** Every breached red line, including ones whose cap is no worse than the Q grade already. */
	breaches: RedLineBreach[];
	/** The breaches that made the grade worse than Q alone gave. */
	cappedBy: RedLineBreach[];
	/** Red-line indicators with no usable score, so they could not be checked. */
	unchecked: string[];
}

/**
 * Apply red lines to a grade. A cap means "no better than capGrade", i.e. numerically
 * max(grade, capGrade). A score equal to the floor passes. An indicator with no finite score is reported
 * as unchecked rather than assumed to pass or fail; callers drop red lines that do not apply (an estate
 * without elevators has no elevator red line).
 */
export function applyRedLines(
	grade: Grade,
	indicatorScores: Readonly<Record<string, number | null | undefined>>,
	redLines: readonly RedLine[]
): RedLineResult {
	const breaches: RedLineBreach[] = [];
	const unchecked: string[] = [];
	for (const line of redLines) {
		const score = indicatorScores[line.indicator];
		if (typeof score !== 'number' || !Number.isFinite(score)) {
			unchecked.push(line.indicator);
			continue;
		}
		if (score < line.floor) {
			breaches.push({ indicator: line.indicator, score, floor: line.floor, capGrade: line.capGrade });
		}
	}
	const capped = breaches.reduce<Grade>((g, b) => (b.capGrade > g ? b.capGrade : g), grade);
	return {
		grade: capped,
		uncappedGrade: grade,
		breaches,
		cappedBy: breaches.filter((b) => b.capGrade > grade),
		unchecked
	};
}
