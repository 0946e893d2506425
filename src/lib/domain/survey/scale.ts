/**
 * The five answer levels of an owners' satisfaction question and the points each is worth (docs/sources.md §13).
 * Level 0 is the top (非常满意), level 4 the bottom (非常不满意). Pure: no Svelte, no DuckDB.
 */

/** Number of answer levels on the scale. */
export const LEVELS = 5;

/** Level names, top first, as the common platforms word them. */
export const LEVEL_NAMES = [
	{ zh: '非常满意', en: 'Very satisfied' },
	{ zh: '满意', en: 'Satisfied' },
	{ zh: '一般', en: 'Neutral' },
	{ zh: '不满意', en: 'Dissatisfied' },
	{ zh: '非常不满意', en: 'Very dissatisfied' }
] as const;

/** Points per level (top first) and where they come from. */
export interface SurveyScale {
	readonly points: readonly [number, number, number, number, number];
	readonly source: string;
}

/**
 * Default scale: 100 / 80 / 60 / 40 / 20, one of the conventions in use [M] (docs/sources.md §13). No national
 * standard was found, so the app shows the scale and lets the user pick another or type their own.
 */
export const DEFAULT_SCALE: SurveyScale = { points: [100, 80, 60, 40, 20], source: 'docs/sources.md §13 [M]: 100/80/60/40/20, in use; no national standard' };

/** Other conventions seen (docs/sources.md §13), offered beside the default. */
export const SCALE_PRESETS: readonly (SurveyScale & { readonly id: string })[] = [
	{ id: '100-20', ...DEFAULT_SCALE },
	{ id: '100-0-even', points: [100, 75, 50, 25, 0], source: 'docs/sources.md §13 [M]: 100/75/50/25/0, in use' },
	{ id: '100-0-30', points: [100, 80, 60, 30, 0], source: 'docs/sources.md §13 [V, secondary]: 很满意 100, 满意 80, 基本满意 60, 不太满意 30, 不满意 0' }
];

/** A scale's points must lie in 0-100 and not rise from a level to the one below it. */
export function scaleProblem(points: readonly number[]): string | null {
	if (points.length !== LEVELS) return `a scale needs ${LEVELS} points, got ${points.length}`;
	if (points.some((p) => !Number.isFinite(p) || p < 0 || p > 100)) return 'every point must be between 0 and 100';
	for (let i = 1; i < LEVELS; i++) if (points[i] > points[i - 1]) return 'points must not rise from a level to the one below it';
	return null;
}

/**
 * A bare number 1-5 (4, '4', '4.0'; not 4分 or 4星, which are points), or null. Such an answer means a level only once
 * it is known which end is the top: 5 on a rating question, but 1 in an export by option number when the options run
 * from 非常满意 down ({@link NumberReading}).
 */
export function bareNumber(cell: string | number | boolean | null | undefined): number | null {
	if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 && cell <= LEVELS ? cell : null;
	if (typeof cell !== 'string') return null;
	const m = /^([1-5])(\.0+)?$/.exec(halfWidth(cell).trim());
	return m ? Number(m[1]) : null;
}

/** Which end of the bare numbers 1-5 is the top level: 5 (a rating, 满意度 points) or 1 (the first option, 非常满意). */
export type NumberReading = 'five_top' | 'one_top';

/** What one answer cell means: a level, skipped, or something that is not a rating. */
export type Answer = { readonly level: number } | 'skipped' | 'other';

// Words per level. Longer phrases are tried first (非常不满意 before 不满意 before 满意).
const WORDS: readonly (readonly [string, number])[] = (
	[
		['非常不满意', 4], ['很不满意', 4], ['极不满意', 4], ['十分不满意', 4], ['特别不满意', 4], ['极其不满意', 4],
		['比较不满意', 3], ['较不满意', 3], ['不太满意', 3], ['不大满意', 3], ['不满意', 3],
		['非常满意', 0], ['很满意', 0], ['十分满意', 0], ['特别满意', 0], ['极其满意', 0],
		['比较满意', 1], ['较满意', 1], ['满意', 1],
		['基本满意', 2], ['一般', 2], ['还行', 2], ['尚可', 2], ['中立', 2], ['说不清', 2], ['不好说', 2],
		// The same five levels worded as good and bad. Bare 好 and 差 depend on the column's scale: see columnWording.
		['非常好', 0], ['很好', 0], ['特别好', 0], ['较好', 1], ['比较好', 1], ['良好', 1],
		['不太好', 3], ['较差', 3], ['比较差', 3], ['很差', 4], ['非常差', 4], ['极差', 4],
		// Graded as 优 / 良 / 中 / 差 (or 优秀 / 良好 / 一般 / 较差 / 差, 及格 / 不及格). Bare 差 by its column: see columnWording.
		['优秀', 0], ['优', 0], ['良', 1], ['中等', 2], ['中', 2], ['及格', 3], ['不及格', 4]
	] as const
)
	.slice()
	.sort((a, b) => b[0].length - a[0].length);

const SKIP = new Set(['', '(跳过)', '跳过', '(空)', '空', '-2', '-3', '(未填)', '未填', '未作答', '(未作答)', 'n/a', '-', '—']);

/** Full-width ASCII (digits, letters, brackets, dots) to half-width, so Ａ．５ reads like A.5. */
function halfWidth(s: string): string {
	return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Reads one answer cell. Option letters or numbers in front (A.非常满意, B、满意, 4.满意) and points after the words
 * (满意（4分）) are dropped; a bare letter A-E is the option's place (A the top, as the platforms list the levels from
 * the top); numbers 1-5 (also 4星) are 满意度 points (5 the top); ★★★★☆ and ★★★★ are four stars of five; 很好 / 好 /
 * 一般 / 差 / 很差 are the five levels too, and so are the grades 优 / 良 / 中 / 及格 / 不及格. Skipped: empty, (跳过), (空), -2/-3 (coded exports). Anything else is
 * 'other' (not a rating).
 */
export function readAnswer(cell: string | number | boolean | null | undefined, column?: ColumnWording): Answer {
	if (cell === null || cell === undefined) return 'skipped';
	if (typeof cell === 'boolean') return 'other';
	const s = halfWidth(String(cell)).trim().replace(/\s+/g, '').toLowerCase();
	if (SKIP.has(s)) return 'skipped';
	const num = /^([1-5])(\.0+)?(分|星|颗星)?$/.exec(s);
	if (num) return { level: 5 - Number(num[1]) };
	// Star ratings: ★★★★☆ is four stars of five; ★★★★ alone (the empty stars left out) is four too.
	const stars = /^(★{1,5})☆*$/.exec(s);
	if (stars && (stars[0].length === LEVELS || stars[0].length === stars[1].length)) return { level: LEVELS - stars[1].length };
	const letter = /^([a-e])$/.exec(s);
	if (letter) return { level: letter[1].charCodeAt(0) - 97 };
	// The option's letter or number in front (A.非常满意, 4.满意) and its points after it (满意(4分)) are dropped: the words say the level.
	const text = s.replace(/^(?:[a-e]|[1-5])(?:[.、:)]|(?=[\u4e00-\u9fff]))/, '').replace(/(?<=[\u4e00-\u9fff])\(\d+(?:\.\d+)?分?\)$/, '');
	if (column) {
		if (text === '满意') return { level: column.satisfied };
		if (text === '不满意') return { level: column.dissatisfied };
		if (text === '好') return column.good === null ? 'other' : { level: column.good };
		if (text === '差') return column.bad === null ? 'other' : { level: column.bad };
	}
	for (const [word, level] of WORDS) if (text === word) return { level };
	return 'other';
}

/** The levels of the words whose place depends on the question's own scale (see {@link columnWording}). */
export interface ColumnWording {
	/** 满意: the top of 满意 / 比较满意 / 一般 / 比较不满意 / 不满意, else the second level. */
	readonly satisfied: number;
	/** 不满意: the bottom of 很满意 / 满意 / 基本满意 / 不太满意 / 不满意, else the fourth level. */
	readonly dissatisfied: number;
	/** 好 and 差 alone; null when the column does not say where they stand. */
	readonly good: number | null;
	readonly bad: number | null;
}

/**
 * How the plain words 满意 / 不满意 (and 好 / 差) stand: on a five-level scale as the question's other answers place them
 * ({@link columnWording}), or on a three-level one (满意 / 基本满意 / 不满意, 好 / 一般 / 差) as its top and bottom.
 */
export type WordReading = 'five_level' | 'three_level';

/** Where the plain words stand on a three-level scale: 满意 and 好 the top, 不满意 and 差 the bottom. */
const THREE_LEVEL: ColumnWording = { satisfied: 0, dissatisfied: LEVELS - 1, good: 0, bad: LEVELS - 1 };

/** A word only a scale of more than three levels has: 非常满意, 比较满意, 不太满意, 很好, 较差 … */
const FIVE_LEVEL_WORD = /^(非常|很|十分|特别|极其|极|比较|较|不太|不大|较不|比较不)(满意|不满意|好|差)$/;
const MIDDLE_WORD = /^(基本满意|一般)$/;
const TOP_WORD = /^(满意|好)$/;
const BOTTOM_WORD = /^(不满意|差)$/;

/** An answer's words without its option mark in front and its points after (A.满意, 满意(4分) → 满意). */
function answerWords(cell: string): string {
	return halfWidth(cell).replace(/\s+/g, '').replace(/^(?:[a-eA-E]|[1-5])(?:[.、:)]|(?=[\u4e00-\u9fff]))/, '').replace(/(?<=[\u4e00-\u9fff])\(\d+(?:\.\d+)?分?\)$/, '');
}

/**
 * Answers in words a questionnaire needs before the absence of 非常满意 and the like says it has three levels: on five
 * levels one answer in four or five is usually at an end, so twenty without one would happen well under once in a
 * hundred questionnaires; four answers say nothing.
 */
export const THREE_LEVEL_MIN_ANSWERS = 20;

/**
 * Whether a questionnaire's answers are worded on three levels: at least {@link THREE_LEVEL_MIN_ANSWERS} answers in
 * these words, among them a middle word (基本满意, 一般) and a plain top word (满意, 好), and nowhere a word of a longer
 * scale (非常满意, 比较满意, 不太满意, 很好, 较差 …). On such a questionnaire 满意 is the top and 不满意 the bottom; read on
 * five levels they were the second and the fourth (an estate whose owners all answered 满意 scored 80 on
 * 100/80/60/40/20), and 好 / 一般 / 差 was not read at all.
 */
export function threeLevelWords(columns: readonly (readonly (string | number | boolean | null | undefined)[])[]): boolean {
	let middle = false;
	let top = false;
	let answers = 0;
	for (const column of columns) {
		for (const cell of column) {
			if (typeof cell !== 'string') continue;
			const w = answerWords(cell);
			if (FIVE_LEVEL_WORD.test(w)) return false;
			if (MIDDLE_WORD.test(w)) middle = true;
			else if (TOP_WORD.test(w)) top = true;
			else if (!BOTTOM_WORD.test(w)) continue;
			answers++;
		}
	}
	return middle && top && answers >= THREE_LEVEL_MIN_ANSWERS;
}

/** Whether an answer is a plain word whose level depends on the reading (满意, 不满意, 好, 差). */
export function isPlainWord(cell: string | number | boolean | null | undefined): boolean {
	return typeof cell === 'string' && /^(满意|不满意|好|差)$/.test(answerWords(cell));
}

const STRONG_SATISFIED = /^(非常|很|十分|特别|极其)满意$/;
const MILD_SATISFIED = /^(比较|较)满意$/;
const STRONG_DISSATISFIED = /^(非常|很|极|十分|特别|极其)不满意$/;
const MILD_DISSATISFIED = /^(不太|不大|较不|比较不)满意$/;

/**
 * Where the scale-dependent words of one question stand, from the other answers in its column:
 * - 满意 is the top when 比较满意 is beside it and no 非常满意 / 很满意 (满意 / 比较满意 / 一般 / …); else second.
 * - 不满意 is the bottom when 不太满意 is beside it and no 非常不满意 / 很不满意 (很满意 / 满意 / 基本满意 / 不太满意 /
 *   不满意); else fourth.
 * - 好 and 差 alone: beside 较好 / 较差 the scale is 好 / 较好 / 一般 / 较差 / 差 (好 the top, 差 the bottom); beside 很好 /
 *   很差 it is 很好 / 好 / 一般 / 差 / 很差 (好 second, 差 fourth); with neither or both, not read (null).
 * - 差 beside 优 or 良 (优 / 良 / 中 / 差) is the bottom grade.
 * Read on three levels ({@link WordReading}) they stand at the top and the bottom whatever the column holds.
 */
export function columnWording(cells: readonly (string | number | boolean | null | undefined)[], words: WordReading = 'five_level'): ColumnWording {
	if (words === 'three_level') return THREE_LEVEL;
	const seen = new Set<string>();
	for (const cell of cells) {
		if (typeof cell !== 'string') continue;
		seen.add(answerWords(cell));
	}
	const any = (re: RegExp) => [...seen].some((t) => re.test(t));
	const satisfied = any(MILD_SATISFIED) && seen.has('满意') && !any(STRONG_SATISFIED) ? 0 : 1;
	const dissatisfied = any(MILD_DISSATISFIED) && seen.has('不满意') && !any(STRONG_DISSATISFIED) ? 4 : 3;
	const comparative = any(/^(比较|较)(好|差)$/);
	const intense = any(/^(很|非常|特别|极)(好|差)$/);
	const [good, bad] = comparative === intense ? [null, null] : comparative ? [0, 4] : [1, 3];
	// Beside 优 and 良, 差 is the bottom grade (优 / 良 / 中 / 差).
	if (bad === null && any(/^(优秀?|良好?)$/)) return { satisfied, dissatisfied, good, bad: LEVELS - 1 };
	return { satisfied, dissatisfied, good, bad };
}
