/**
 * What reading rules 11 taught the readers (docs/sources.md §18.4), for replaying an import stored before them. Every
 * cell rules 11 reads was an error then, so a replay refuses it again: its row stays out, as it was.
 */
import type { ColumnMeta } from '../../data/datasets';
import { YEAR_COLUMNS, YEAR_EVENT_WORDS } from '../conversions/dates';
import { PRICE_COLUMNS, YEAR_AROUND } from './columns';
import type { Cell } from '../types';
import { fail, fold, isError, type Norm } from './core';
import { PERCENT_THEN_APPROX } from './fees';
import { TIME_WORDS_SINCE_RULES11 } from './time-words';
import { ASSESSMENT_WORDS } from './period-notes';
import { shortYear } from './short-year';

/**
 * Notes only rules 11's readings give: w or k for 万 or 千, a negative sum as accounts write it, a tick after a yes or
 * a no (有√ 无), a facility's name beside its quantity (2部电梯), a score over its full marks (8.5/10).
 */
const NOTES_SINCE_RULES11 = new Set(['letter_magnitude', 'accounting_negative', 'yes_no_ticked', 'quantity_object', 'score_of_full_marks']);

/**
 * A period's forms since: a quarter in Roman numerals (2025年第Ⅲ季度; NFKC makes it III), 2025Q3季度, a note in brackets
 * (2025Q3（7-9月）), the assessment's name after it (2025年第三季度考核).
 */
const PERIOD_SINCE = new RegExp(String.raw`第?(?:IV|I{1,3})季|Q[1-4]季|[)\]】]$|` + ASSESSMENT_WORDS.source);
/**
 * Words after a year (1998年竣工交付): the readers of then took off one (起执行 as a whole), so a text still ending in
 * one after that was refused. 1998年前后 and 1998年以前 are YEAR_AROUND's.
 */
const ONE_YEAR_WORD = new RegExp(`(?:${YEAR_EVENT_WORDS})$`);
const moreThanOneYearWord = (t: string): boolean => ONE_YEAR_WORD.test(t.replace(ONE_YEAR_WORD, ''));
/** A rate's forms since: an approximation word after its percent sign (85%左右), a note after it (85%（预计）). */
const RATE_NOTE_SINCE = /%[(\[【,;]/;
/** A fee's forms since: 。 typed for the middle dot, 每月1.65元/㎡ (the unit's m² after the figure). */
const FEE_SINCE = /。|^每\D*?\d[\d.,~至到\-—–―]*元?\D*m2\D*$/;

/** A column's normaliser as an import stored before reading rules 11 read it. */
export function valuesBeforeRules11<T>(column: ColumnMeta, norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	const refused = column.type === 'TIMESTAMP' ? 'bad_timestamp' : column.name === 'period' ? 'bad_period' : 'not_a_number';
	const since = readSince(column);
	return (cell) => {
		const now = norm(cell);
		// 晚上12点 and 晚上1点 were read then as the afternoon's (12:00, 13:00), as 下午 still is.
		if (isError(now) && now.error.code === 'time_night_ambiguous' && typeof cell === 'string' && cell.includes('晚上')) return norm(cell.replaceAll('晚上', '下午'));
		if (isError(now) || now.value === null) return now;
		if (now.warnings?.some((w) => NOTES_SINCE_RULES11.has(w.code))) return fail(refused);
		// A fee gave no approximate note then: '约1.65元/㎡·月' was an error.
		if (PRICE_COLUMNS.has(column.name) && now.warnings?.some((w) => w.code === 'approximate')) return fail(refused);
		if (typeof cell !== 'string') return now;
		// A replay reads every stored row on each reload: most cells hold none of the characters the forms need.
		if (!since.may.test(cell)) return now;
		return since.read(fold(cell).replace(/\s+/g, '')) ? fail(refused) : now;
	};
}

/**
 * What rules 11 read in this column where rules 10 did not: `may`, a cheap test of the cell as written (NFKC leaves
 * these characters as they are), then `read`, the exact test of the folded text.
 */
function readSince(column: ColumnMeta): { may: RegExp; read: (t: string) => boolean } {
	if (column.type === 'TIMESTAMP') return { may: /[早晨午傍晚夜深半刻]|[ap][.．]/i, read: (t) => TIME_WORDS_SINCE_RULES11.test(t) };
	if (column.name === 'period') return { may: /[季)）\]】］核评查测分]/, read: (t) => PERIOD_SINCE.test(t.toUpperCase()) };
	// A two-digit year with 年 was read then whatever followed it ('98年前后' was 1998).
	if (YEAR_COLUMNS.has(column.name)) return { may: /[前后建竣落交入投启安末底初起执实施生以]/, read: (t) => (YEAR_AROUND.test(t) || moreThanOneYearWord(t)) && !shortYear(t) };
	if (column.name === 'collection_rate') return { may: /[%％]/, read: (t) => PERCENT_THEN_APPROX.test(t) || RATE_NOTE_SINCE.test(t) };
	// Ballots and answer sheets counting owners or respondents (1160票, 120份) were unknown units.
	if (column.unit === '人') return { may: /[票张份]/, read: (t) => /\d\D*[票张份]/.test(t) };
	if (PRICE_COLUMNS.has(column.name)) return { may: /[。每]/, read: (t) => FEE_SINCE.test(t) };
	return { may: /(?!)/, read: () => false };
}
