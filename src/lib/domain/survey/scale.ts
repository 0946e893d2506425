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

/** What one answer cell means: a level, skipped, or something that is not a rating. */
export type Answer = { readonly level: number } | 'skipped' | 'other';

// Words per level. Longer phrases are tried first (非常不满意 before 不满意 before 满意).
const WORDS: readonly (readonly [string, number])[] = (
	[
		['非常不满意', 4], ['很不满意', 4], ['极不满意', 4], ['十分不满意', 4], ['特别不满意', 4], ['极其不满意', 4],
		['比较不满意', 3], ['较不满意', 3], ['不太满意', 3], ['不大满意', 3], ['不满意', 3],
		['非常满意', 0], ['很满意', 0], ['十分满意', 0], ['特别满意', 0], ['极其满意', 0],
		['比较满意', 1], ['较满意', 1], ['满意', 1],
		['基本满意', 2], ['一般', 2], ['还行', 2], ['尚可', 2], ['中立', 2], ['说不清', 2], ['不好说', 2]
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
 * Reads one answer cell. Option letters in front (A.非常满意, B、满意) are dropped; a bare letter A-E is the
 * option's place (A the top, as the platforms list the levels from the top); numbers 1-5 are 满意度 points
 * (5 the top). Skipped: empty, (跳过), (空), -2/-3 (coded exports). Anything else is 'other' (not a rating).
 */
export function readAnswer(cell: string | number | boolean | null | undefined): Answer {
	if (cell === null || cell === undefined) return 'skipped';
	if (typeof cell === 'boolean') return 'other';
	const s = halfWidth(String(cell)).trim().replace(/\s+/g, '').toLowerCase();
	if (SKIP.has(s)) return 'skipped';
	const num = /^([1-5])(\.0+)?(分)?$/.exec(s);
	if (num) return { level: 5 - Number(num[1]) };
	const letter = /^([a-e])$/.exec(s);
	if (letter) return { level: letter[1].charCodeAt(0) - 97 };
	const text = s.replace(/^[a-e](?:[.、:)]|(?=[\u4e00-\u9fff]))/, '');
	for (const [word, level] of WORDS) if (text === word) return { level };
	return 'other';
}
