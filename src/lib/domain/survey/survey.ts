/**
 * A questionnaire export as answer counts: which columns are rating questions, their counts per level, the
 * indicator each is mapped to (suggested from its words or given by a recipe), and the scores (docs/sources.md
 * §13). Only counts leave this module: the respondents' rows are read once and dropped. Pure.
 */
import { isMetaColumn, OVERALL, parseQuestionHeader, suggestIndicator } from './questions';
import { bareNumber, columnWording, isPlainWord, readAnswer, threeLevelWords, LEVELS, type NumberReading, type SurveyScale, type WordReading } from './scale';
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
	/**
	 * The bare-number answers (1-5) among them, counted with 5 the top (index 0 holds the 5s): kept apart so the
	 * counts can be made again when the person says 1 is the top ({@link readNumbersAs}).
	 */
	readonly numberCounts: readonly number[];
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
	/** How the bare numbers 1-5 are read (the counts follow it). */
	readonly numbers: NumberReading;
	/**
	 * The file shows the marks of an export by option number (a 0/1 column per option, 第6题(保洁); or the codes -2 and
	 * -3 for a question not shown or skipped): its numbers are options, 1 the first (非常满意), so that is the default.
	 */
	readonly coded: boolean;
	/** How the plain words 满意 / 不满意 / 好 / 差 were read (the counts follow it; a new reading needs the cells again). */
	readonly words: WordReading;
	/** Whether any answer is such a plain word, so that the reading matters. */
	readonly plainWords: boolean;
}

/** Whether any rating question was answered with bare numbers, whose top end the person should confirm. */
export function hasNumberAnswers(survey: SurveyCounts): boolean {
	return survey.questions.some((q) => q.numberCounts.some((c) => c > 0));
}

/** A multiple-choice option's 0/1 column in an export by option number: 6、第6题(保洁). */
const OPTION_COLUMN = /第\s*\d+\s*题\s*[(（]/;

/** The bare-number answers per level (top first) when `numbers`' end is the top. */
function numberLevels(numberCounts: readonly number[], numbers: NumberReading): number[] {
	return numbers === 'five_top' ? [...numberCounts] : [...numberCounts].reverse();
}

/** The survey with its bare numbers read with `numbers`' end on top: the numbers' counts move, the words' stay. */
export function readNumbersAs(survey: SurveyCounts, numbers: NumberReading): SurveyCounts {
	if (numbers === survey.numbers) return survey;
	const questions = survey.questions.map((q) => {
		const was = numberLevels(q.numberCounts, survey.numbers);
		const now = numberLevels(q.numberCounts, numbers);
		return { ...q, counts: q.counts.map((c, i) => c - was[i] + now[i]) };
	});
	return { ...survey, questions, numbers };
}

/**
 * Counts the answers of every question column. `columns[i]` are the cells of `headers[i]`, one per respondent.
 * A 0/1 column (a multiple-choice option of a coded export) is not a rating, nor is a column whose answers
 * mostly do not read as levels (open questions, "┋"-joined choices).
 */
export function countSurvey(headers: readonly string[], columns: readonly (readonly Cell[])[], responses: number, options: { readonly words?: WordReading } = {}): SurveyCounts {
	const found: (Omit<SurveyQuestion, 'counts'> & { words: number[] })[] = [];
	const others: OtherColumn[] = [];
	let coded = headers.some((h) => OPTION_COLUMN.test(h));
	const answerColumns = columns.filter((_, c) => !isMetaColumn(headers[c] ?? ''));
	// The file's own wording decides, unless the person said (docs/sources.md §13).
	const wordReading: WordReading = options.words ?? (threeLevelWords(answerColumns) ? 'three_level' : 'five_level');
	let plainWords = false;
	headers.forEach((header, c) => {
		if (isMetaColumn(header)) return void others.push({ header, reason: 'meta' });
		const words = new Array<number>(LEVELS).fill(0);
		const numberCounts = new Array<number>(LEVELS).fill(0);
		let skipped = 0;
		let other = 0;
		let zero = false;
		let negative = false;
		const wording = columnWording(columns[c], wordReading);
		let plain = false;
		for (const cell of columns[c]) {
			if (cell === 0 || cell === '0') zero = true;
			if (cell === -2 || cell === -3 || cell === '-2' || cell === '-3') negative = true;
			const n = bareNumber(cell);
			if (n !== null) {
				numberCounts[LEVELS - n]++;
				continue;
			}
			const a = readAnswer(cell, wording);
			if (a === 'skipped') skipped++;
			else if (a === 'other') other++;
			else words[a.level]++;
			plain ||= isPlainWord(cell);
		}
		// Said even of a column not read as a rating: 好 / 一般 / 差 is one only on three levels.
		plainWords ||= plain;
		const valid = words.reduce((a, x) => a + x, 0) + numberCounts.reduce((a, x) => a + x, 0);
		if (zero || valid === 0 || valid < RATING_SHARE * (valid + other)) return void others.push({ header, reason: 'not_rating' });
		if (negative) coded = true;
		const { number, text } = parseQuestionHeader(header);
		found.push({ header, number, text, words, numberCounts, skipped, unrecognised: other, indicator: suggestIndicator(text) });
	});
	const numbers: NumberReading = coded ? 'one_top' : 'five_top';
	const questions = found.map(({ words, ...q }) => {
		const fromNumbers = numberLevels(q.numberCounts, numbers);
		return { ...q, counts: words.map((c, i) => c + fromNumbers[i]) };
	});
	return { responses, questions, others, numbers, coded, words: wordReading, plainWords };
}

/** Applies a recipe's mapping: a question is matched by its header, else by its number; unmatched ones keep the suggestion. */
export function applyRecipe(survey: SurveyCounts, recipe: SurveyRecipe): SurveyCounts {
	const questions = survey.questions.map((q) => {
		const hit =
			recipe.questions.find((r) => r.header.trim() === q.header.trim()) ??
			(q.number === null ? undefined : recipe.questions.find((r) => r.number === q.number));
		return hit ? { ...q, indicator: hit.indicator } : q;
	});
	const mapped = { ...survey, questions };
	return recipe.numbers ? readNumbersAs(mapped, recipe.numbers) : mapped;
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
	// On three levels the satisfied are the top two of three: 满意 and 基本满意 (docs/sources.md §13).
	const satisfied = survey.words === 'three_level' ? 3 : 2;
	const items: SurveyItem[] = survey.questions.map((q) => ({
		question: q.text || q.header,
		number: q.number,
		indicator: q.indicator,
		skipped: q.skipped,
		unrecognised: q.unrecognised,
		counts: q.counts,
		...scoreCounts(q.counts, scale, satisfied)
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
		.map(([indicator, counts]) => ({ indicator, ...scoreCounts(counts, scale, satisfied) }))
		.filter((s) => s.n > 0);
	let overall: SurveyOverall;
	const overallCounts = pooled.get(OVERALL);
	if (overallCounts && overallCounts.some((c) => c > 0)) {
		const s = scoreCounts(overallCounts, scale, satisfied);
		overall = { score: s.score, ci95: s.ci95, from: 'question', n: s.n };
	} else if (byIndicator.length > 0) {
		const mean = byIndicator.reduce((a, s) => a + (s.score ?? 0), 0) / byIndicator.length;
		overall = { score: mean, ci95: null, from: 'items', n: Math.min(...byIndicator.map((s) => s.n)) };
	} else overall = { score: null, ci95: null, from: 'none', n: 0 };
	const responseRate = households && households > 0 ? survey.responses / households : null;
	return { responses: survey.responses, households, responseRate, items, byIndicator, overall, scale };
}
