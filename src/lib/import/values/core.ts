/** The shape every cell normaliser returns, and what all of them share: cell text, folding, missing cells. */
import type { Cell, Issue } from '../types';

/** Result of a normaliser: a value (null for a missing cell) with optional warnings, or an error. */
export type Norm<T> = { readonly value: T; readonly warnings?: readonly Issue[] } | { readonly error: Issue };

/** Whether a result is an error. */
export function isError<T>(r: Norm<T>): r is { readonly error: Issue } {
	return 'error' in r;
}

export const ok = <T>(value: T, warnings?: Issue[]): Norm<T> => (warnings && warnings.length ? { value, warnings } : { value });
export const fail = (code: string, params?: Issue['params']): { error: Issue } => ({ error: params ? { code, params } : { code } });

/** Columns whose values are fees or prices (元/㎡·月). */
export const PRICE_COLUMNS: ReadonlySet<string> = new Set(['fee', 'price', 'price_low', 'price_high']);

// ---------------------------------------------------------------------------------------------------
// Cells as text
// ---------------------------------------------------------------------------------------------------

/** A cell as the user wrote it, for problem lists ('' for an empty cell). */
export function cellText(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	return String(cell);
}

/** Text beyond ASCII: only such text can need NFKC, or hold numerals in words. */
export const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC (full-width to half-width, ㎡ to m2, ideographic space to space), trimmed. ASCII text skips NFKC (it is a no-op there, and slow). */
export function fold(s: string): string {
	return NON_ASCII.test(s) ? s.normalize('NFKC').trim() : s.trim();
}

/** Texts read as "no value" (compared after NFKC, trim and lower case). '无' is also boolean false: booleans are checked first. */
export const MISSING_TEXTS: ReadonlySet<string> = new Set([
	'',
	'-',
	'--',
	'---',
	'—',
	'——',
	'–',
	'―',
	'/',
	'\\',
	'n/a',
	'na',
	'null',
	'none',
	'nan',
	'#n/a',
	'暂无数据',
	'暂无',
	'无数据',
	'无',
	'空',
	'不详',
	'未知',
	'未填',
	'未报',
	'缺',
	'缺失',
	'?',
	'…',
	'...'
]);

const EXCEL_ERRORS = new Set(['#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', '#getting_data', '#spill!', '#calc!']);

/** Whether a cell means "no value". */
export function isMissing(cell: Cell | undefined): boolean {
	if (cell === null || cell === undefined) return true;
	if (typeof cell === 'number') return !Number.isFinite(cell);
	if (typeof cell === 'boolean') return false;
	if (cell.length === 0) return true;
	// Every missing-value text is at most 4 characters: longer cells (most of them) skip the folding.
	if (cell.length > 4 && cell.trim().length > 4) return false;
	return MISSING_TEXTS.has(fold(cell).toLowerCase());
}

export function excelError(cell: Cell): Issue | undefined {
	if (typeof cell !== 'string' || cell.charCodeAt(0) !== 35 /* # */) return undefined;
	const t = cell.trim().toLowerCase();
	return EXCEL_ERRORS.has(t) ? { code: 'excel_error', params: { value: cell.trim() } } : undefined;
}


/** Rounds away binary noise from scaling (0.1 * 3 and the like), keeping 10 significant decimals. */
export function round(n: number): number {
	return Number(n.toPrecision(12));
}

