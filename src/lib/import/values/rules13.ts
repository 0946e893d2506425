/**
 * What reading rules 13 taught the readers (docs/sources.md §18.4), for replaying an import stored before them. Every
 * cell rules 13 reads was an error then, so a replay refuses it again: its row stays out, as it was.
 */
import type { Cell } from '../types';
import { fold, isError, type Norm } from './core';
import { BOUND_AFTER, BOUND_BEFORE } from './figure-label';

/** Notes only rules 13's readings give. */
const NOTES_SINCE_RULES13 = new Set(['label_before_figure', 'area_per_home', 'compact_date', 'building_form_floors', 'building_form_mainly']);

/** Whether a text has a bound in words only rules 13 reads (小于60㎡, 90㎡及以下). */
const boundSince = (t: string): boolean => BOUND_BEFORE.test(t) || BOUND_AFTER.test(t);

/** A column's reader as an import stored before reading rules 13 read it. */
export function valuesBeforeRules13<T>(read: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		const r = read(cell);
		if (isError(r)) return r;
		const since = r.warnings?.some((w) => NOTES_SINCE_RULES13.has(w.code)) || (typeof cell === 'string' && /[于过大小多少至最及以]/.test(cell) && boundSince(fold(cell).replace(/\s+/g, '')));
		return since ? { error: { code: 'not_a_number' } } : r;
	};
}
