/**
 * What reading rules 14 taught the readers (docs/sources.md §18.4), for replaying an import stored before them: a
 * two-digit year in Chinese digits (九八年, 〇五年, 二五年第三季度), 还建房 as relocation housing, and a bare number of
 * floors under 层数 as a building form. Each was an error then (〇五年 was the year 5, out of range), so a replay refuses
 * it again: its row stays out, as it was.
 */
import type { ColumnMeta } from '../../data/datasets';
import type { Cell } from '../types';
import { YEAR_COLUMNS } from '../conversions/dates';
import { isError, type Norm } from './core';
import { CHINESE_SHORT_YEAR } from './short-year';

/** A column's reader as an import stored before reading rules 14 read it. */
export function valuesBeforeRules14<T>(column: Pick<ColumnMeta, 'name' | 'type'>, read: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	// Only a year, a date or a period read 九八年 since: a name or a note starting so was read as written then and now.
	const dated = YEAR_COLUMNS.has(column.name) || column.name === 'period' || column.type === 'TIMESTAMP';
	return (cell) => {
		const r = read(cell);
		if (isError(r)) return r;
		const chineseShortYear = dated && typeof cell === 'string' && CHINESE_SHORT_YEAR.test(cell);
		const rebuiltForReturn = typeof cell === 'string' && cell.includes('还建') && r.value === 'relocation';
		// 18 under 房屋层数: floors without 层 were not read as a building form.
		const bareFloors = r.warnings?.some((w) => w.code === 'building_form_from_floors') === true;
		return chineseShortYear || rebuiltForReturn || bareFloors ? { error: { code: 'not_a_number' } } : r;
	};
}
