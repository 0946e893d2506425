/**
 * A questionnaire export as answer counts: which columns are rating questions, their counts per level, the
 * indicator each is mapped to (suggested from its words or given by a recipe), and the scores (docs/sources.md
 * §13). Only counts leave this module: the respondents' rows are read once and dropped. Pure.
 */
import { isMetaColumn, OVERALL, parseQuestionHeader, suggestIndicator } from './questions';
import { columnWording, readAnswer, LEVELS, type SurveyScale } from './scale';
import { scoreCounts, type ItemScore } from './score';
import type { SurveyRecipe } from './recipe';

type Cell = string | number | boolean | null;

/** Share of a column's non-skipped answers that must read as levels for it to count as a rating question. */
export const RATING_SHARE = 0.8;

/** One rating question: its header, answer counts (top level first), skipped answers and its indicator. */
export interface SurveyQuestion {
	readonly header: string;
	readonly number: number | null;
	readonly text: string;
	readonly counts: readonly number[];
	readonly skipped: number;
	/** Answers that did not read as a level (left out of n). */
	readonly unrecognised: number;
	/** Indicator code, 'satisfaction' for overall, or null (not used). */
	readonly indicator: string | null;
}

/** A column that is not a rating question, and why. */
export interface OtherColumn {
	readonly header: string;
	readonly reason: 'meta' | 'not_rating';
}

/** What a questionnaire export holds, as counts. */
export interface SurveyCounts {
	readonly responses: number;
	readonly questions: readonly SurveyQuestion[];
	readonly others: readonly OtherColumn[];
}

/**
 * Counts the answers of every question column. `columns[i]` are the cells of `headers[i]`, one per respondent.
 * A 0/1 column (a multiple-choice option of a coded export) is not a rating, nor is a column whose answers
 * mostly do not read as levels (open questions, "┋"-joined choices).
 */
export function countSurvey(headers: readonly string[], columns: readonly (readonly Cell[])[], responses: number): SurveyCounts {
	const questions: SurveyQuestion[] = [];
	const others: OtherColumn[] = [];
	headers.forEach((header, c) => {
		if (isMetaColumn(header)) return void others.push({ header, reason: 'meta' });
		const counts = new Array<number>(LEVELS).fill(0);
		let skipped = 0;
		let other = 0;
		let zero = false;
		const wording = columnWording(columns[c]);
		for (const cell of columns[c]) {
			if (cell === 0 || cell === '0') zero = true;
			const a = readAnswer(cell, wording);
			if (a === 'skipped') skipped++;
			else if (a === 'other') other++;
			else counts[a.level]++;
		}
		const valid = counts.reduce((a, x) => a + x, 0);
		if (zero || valid === 0 || valid < RATING_SHARE * (valid + other)) return void others.push({ header, reason: 'not_rating' });
		const { number, text } = parseQuestionHeader(header);
		questions.push({ header, number, text, counts, skipped, unrecognised: other, indicator: suggestIndicator(text) });
	});
	return { responses, questions, others };
}

/** Applies a recipe's mapping: a question is matched by its header, else by its number; unmatched ones keep the suggestion. */
export function applyRecipe(survey: SurveyCounts, recipe: SurveyRecipe): SurveyCounts {
	const questions = survey.questions.map((q) => {
		const hit =
			recipe.questions.find((r) => r.header.trim() === q.header.trim()) ??
			(q.number === null ? undefined : recipe.questions.find((r) => r.number === q.number));
		return hit ? { ...q, indicator: hit.indicator } : q;
	});
	return { ...survey, questions };
}

/** One question's figures. */
export interface SurveyItem extends ItemScore {
	readonly question: string;
	readonly number: number | null;
	readonly indicator: string | null;
	readonly skipped: number;
	readonly unrecognised: number;
	readonly counts: readonly number[];
}

/** The survey's overall satisfaction and where it comes from. */
export interface SurveyOverall {
	readonly score: number | null;
	readonly ci95: readonly [number, number] | null;
	/** 'question': the question mapped to overall satisfaction; 'items': the plain mean of the mapped items' scores. */
	readonly from: 'question' | 'items' | 'none';
	readonly n: number;
}

/** The scored survey. */
export interface SurveyResult {
	readonly responses: number;
	readonly households: number | null;
	/** responses ÷ households (null without households). */
	readonly responseRate: number | null;
	readonly items: readonly SurveyItem[];
	/** Per indicator (overall excluded): the counts of its questions pooled, then scored. */
	readonly byIndicator: readonly (ItemScore & { readonly indicator: string })[];
	readonly overall: SurveyOverall;
	readonly scale: SurveyScale;
}

/**
 * Scores a counted survey. Overall satisfaction is the overall question when one is mapped (several: their
 * counts pooled); otherwise the plain mean of the mapped items' scores, without an interval (the same people
 * answered every item, so the items are not independent samples).
 */
export function scoreSurvey(survey: SurveyCounts, scale: SurveyScale, households: number | null = null): SurveyResult {
	const items: SurveyItem[] = survey.questions.map((q) => ({
		question: q.text || q.header,
		number: q.number,
		indicator: q.indicator,
		skipped: q.skipped,
		unrecognised: q.unrecognised,
		counts: q.counts,
		...scoreCounts(q.counts, scale)
	}));
	const pooled = new Map<string, number[]>();
	for (const q of survey.questions) {
		if (q.indicator === null) continue;
		const sum = pooled.get(q.indicator) ?? new Array<number>(LEVELS).fill(0);
		q.counts.forEach((c, i) => (sum[i] += c));
		pooled.set(q.indicator, sum);
	}
	const byIndicator = [...pooled]
		.filter(([code]) => code !== OVERALL)
		.map(([indicator, counts]) => ({ indicator, ...scoreCounts(counts, scale) }))
		.filter((s) => s.n > 0);
	let overall: SurveyOverall;
	const overallCounts = pooled.get(OVERALL);
	if (overallCounts && overallCounts.some((c) => c > 0)) {
		const s = scoreCounts(overallCounts, scale);
		overall = { score: s.score, ci95: s.ci95, from: 'question', n: s.n };
	} else if (byIndicator.length > 0) {
		const mean = byIndicator.reduce((a, s) => a + (s.score ?? 0), 0) / byIndicator.length;
		overall = { score: mean, ci95: null, from: 'items', n: Math.min(...byIndicator.map((s) => s.n)) };
	} else overall = { score: null, ci95: null, from: 'none', n: 0 };
	const responseRate = households && households > 0 ? survey.responses / households : null;
	return { responses: survey.responses, households, responseRate, items, byIndicator, overall, scale };
}
