/**
 * An estates register saved as CSV from a sheet whose 街道 (type, form, firm, pricing) cells were merged over a group of
 * estates (reading rules 13, docs/sources.md §18.4): Excel keeps the value on the group's first row only, and every
 * other estate of the group would be read with no subdistrict, or refused where the column is required. A workbook's
 * merged ranges are filled by the xlsx reader; this is the same for the CSV.
 *
 * A column is read as merged groups only when it looks like one: its first estate's cell is filled, at least as many
 * cells are blank as filled (a group spans rows), and no filled cell repeats the one before it (a merged group is
 * written once; a column that is merely incomplete repeats its values: 江滨街道, 江滨街道, (blank), 江滨街道). Only the rows of an estate (a name or an id)
 * are filled. Each column is said once, with its rows.
 */
import { blank, filledNotes } from './fill-down';
import type { Cell, Problem, SourceTable } from './types';

/** Columns of an estates register that group estates and are merged in such sheets. */
const GROUP_COLUMNS: ReadonlySet<string> = new Set(['subdistrict', 'estate_type', 'building_type', 'firm', 'pricing_regime']);

const text = (c: Cell): string => String(c).trim();

/** The blanks a merged group leaves in `cells` (rows where `isEstate`), or undefined when the column is not laid out so. */
export function mergedBlanks(cells: readonly Cell[], isEstate: (r: number) => boolean): { cells: Cell[]; merged: number[] } | undefined {
	const rows = cells.map((_, r) => r).filter(isEstate);
	if (rows.length < 2 || blank(cells[rows[0]])) return undefined;
	const out = cells.slice();
	const merged: number[] = [];
	let above: Cell = null;
	for (const r of rows) {
		const c = cells[r];
		if (blank(c)) {
			out[r] = above;
			merged.push(r);
		} else if (above !== null && text(c) === text(above)) return undefined;
		else above = c;
	}
	// A merged group spans rows: most values are written once over two rows or more. A column of distinct values with
	// a gap or two (each estate its own 街道, one unknown) is merely incomplete.
	return merged.length > 0 && merged.length >= rows.length - merged.length ? { cells: out, merged } : undefined;
}

/** The table with its merged group columns filled, and one note per column; null when no column is laid out so. */
export function mergedGroupsFilled(table: SourceTable, mapping: readonly (string | null)[]): { table: SourceTable; problems: Problem[] } | null {
	const nameCols = mapping.flatMap((m, i) => (m === 'name' || m === 'estate_id' ? [i] : []));
	const isEstate = (r: number) => nameCols.some((i) => !blank(table.columns[i][r]));
	let columns: Cell[][] | null = null;
	const problems: Problem[] = [];
	mapping.forEach((m, i) => {
		if (m === null || !GROUP_COLUMNS.has(m)) return;
		const filled = mergedBlanks(table.columns[i], isEstate);
		if (!filled) return;
		columns ??= table.columns.slice();
		columns[i] = filled.cells;
		problems.push(...filledNotes(table, i, { cells: filled.cells, ditto: [], merged: filled.merged }));
	});
	return columns ? { table: { ...table, columns }, problems } : null;
}
