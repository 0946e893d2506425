/**
 * A date written as its digits alone, as case and hotline systems export it (reading rules 13, docs/sources.md §18.4):
 * 20250305, 20250305 09:05, 20250305090500. Read as that date and time when the month, day and time are real ones,
 * said once per column; anything else keeps the reader's error. Only cells the reader refuses come here.
 */
import type { Cell } from '../types';
import { fold, isError, ok, type Norm } from './core';
import { validDate } from './dates';

const COMPACT = /^((?:19|20)\d\d)(\d\d)(\d\d)(?:[\sT]*(\d\d):?(\d\d)(?::?(\d\d))?)?$/;

/** The text a compact date stands for ('2025-03-05 09:05:00'), or undefined when it is no real date and time. */
export function compactDate(text: string): string | undefined {
	const m = COMPACT.exec(text);
	if (!m) return undefined;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (!validDate(y, mo, d)) return undefined;
	if (m[4] === undefined) return `${m[1]}-${m[2]}-${m[3]}`;
	if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return undefined;
	return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6] ?? '00'}`;
}

/** A date-time column's reader that also reads a compact date. */
export function withCompactDate<T>(read: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		const r = read(cell);
		if (!isError(r)) return r;
		const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : typeof cell === 'string' ? fold(cell) : '';
		const date = compactDate(text);
		const again = date === undefined ? r : read(date);
		return isError(again) ? r : ok(again.value, [...(again.warnings ?? []), { code: 'compact_date', params: { text } }]);
	};
}
