/**
 * Replaying an import stored under older reading rules (READ_RULES): a cell is read as a text whose reading today is
 * its reading then, so the rows refused then stay out and the values kept then stay the same.
 */
import type { Cell } from '../types';
import { fail, isError, type Norm } from './core';

/** A character no reader knows, standing in for what the readers learned since. */
export const UNKNOWN_CHAR = '\uE000';

/**
 * The reading of `cell` as the rules of then read it, given `then`, the text whose reading today is that one: today's
 * result when both agree (its notes show the cell as written), the reading of `then` when they differ, and
 * "not a number" when `then` is refused (without the stand-in character in the message).
 */
export function readAsThen<T>(norm: (cell: Cell) => Norm<T>, cell: Cell, then: string): Norm<T> {
	const before = norm(then);
	if (isError(before)) return fail('not_a_number');
	const now = norm(cell);
	return !isError(now) && JSON.stringify(now.value) === JSON.stringify(before.value) ? now : before;
}
