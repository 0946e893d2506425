/**
 * Applying a conversion to a cell, before the column's own normaliser reads it: the conversion turns what the
 * person wrote (27台, 2024年1月, 3.2万㎡) into what the column holds (true, 2024, 32000), and the normaliser
 * then checks it as it checks any cell. docs/sources.md §18.
 */
import type { ColumnMeta } from '../../data/datasets';
import type { Cell, Issue } from '../types';
import { isMissing, type Norm } from '../values/core';
import { parseBoolean } from '../values/codes';
import type { CellNormaliser } from '../values/columns';
import { parseCount } from './counts';
import { dateParts, periodOf } from './dates';
import type { Conversion } from './types';
import { applyUnit, baseOfColumnUnit } from './units';

const fail = (code: string, params?: Issue['params']): { error: Issue } => ({ error: params ? { code, params } : { code } });

/** The cell a conversion makes of a cell (still to be read by the column's normaliser), or the reason it cannot. */
export function convertCell(conv: Conversion, cell: Cell, column: ColumnMeta): Norm<Cell> {
	if (cell === null || (typeof cell === 'string' && isMissing(cell) && cell.trim() !== '无')) return { value: null };
	switch (conv.kind) {
		case 'count_to_bool': {
			const n = parseCount(cell);
			if (n !== undefined) return { value: n > 0 };
			// A yes/no word among the counts ("有", "否", and 有，2部 with what it says) is read as it is written.
			const b = parseBoolean(cell);
			return 'error' in b ? fail('not_a_count') : b;
		}
		case 'date_to_year': {
			const p = dateParts(cell);
			return p ? { value: p.y } : fail('date_unreadable');
		}
		case 'date_to_period': {
			const p = dateParts(cell);
			if (!p) return fail('date_unreadable');
			const period = periodOf(p, conv.grain);
			return period ? { value: period } : fail('period_needs_month');
		}
		case 'unit': {
			const base = baseOfColumnUnit(column.unit, column.name) ?? conv.unit;
			const r = applyUnit(conv, cell, base);
			// A cell this conversion cannot read ('35万元/台', '约30万', '三十万') goes to the column's own reader as written:
			// it knows more words, and its error names the cell's own unit.
			return 'value' in r ? { value: r.value } : { value: cell };
		}
		case 'value_map':
			// Words are looked up by the column's own normaliser, which has the answers (values/codes.ts).
			return { value: cell };
	}
}

/** The column's reading of a converted cell, with what the conversion said first. */
function withNotes(notes: readonly Issue[] | undefined, r: Norm<unknown>): Norm<unknown> {
	return !notes?.length || 'error' in r ? r : { value: r.value, warnings: [...notes, ...(r.warnings ?? [])] };
}

/** A column normaliser that converts each cell first. */
export function withConversion(norm: CellNormaliser, conv: Conversion | null | undefined, column: ColumnMeta): CellNormaliser {
	if (!conv || conv.kind === 'value_map') return norm;
	const memo = new Map<string, Norm<unknown>>();
	return (cell) => {
		const key = typeof cell === 'string' ? cell : undefined;
		if (key !== undefined) {
			const hit = memo.get(key);
			if (hit) return hit;
		}
		const c = convertCell(conv, cell, column);
		const r: Norm<unknown> = 'error' in c ? c : withNotes(c.warnings, norm(c.value));
		if (key !== undefined && memo.size < 20_000) memo.set(key, r);
		return r;
	};
}
