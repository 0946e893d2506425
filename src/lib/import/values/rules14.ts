/**
 * What reading rules 14 taught the readers (docs/sources.md §18.4), for replaying an import stored before them: a
 * two-digit year in Chinese digits (九八年, 〇五年) and 还建房 as relocation housing. Each was an error then (〇五年 read as
 * the year 5, out of range), so a replay refuses it again: its row stays out, as it was.
 */
import type { Cell } from '../types';
import { isError, type Norm } from './core';

const CHINESE_YEAR_DIGIT = /[〇○零一二三四五六七八九]/;

/** A column's reader as an import stored before reading rules 14 read it. */
export function valuesBeforeRules14<T>(read: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		const r = read(cell);
		if (isError(r)) return r;
		const chineseShortYear = r.warnings?.some((w) => w.code === 'year_two_digit' && CHINESE_YEAR_DIGIT.test(String(w.params?.text ?? '')));
		const rebuiltForReturn = typeof cell === 'string' && cell.includes('还建') && r.value === 'relocation';
		return chineseShortYear || rebuiltForReturn ? { error: { code: 'not_a_number' } } : r;
	};
}
