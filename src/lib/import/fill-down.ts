/**
 * Cells that say "the same as above" (reading rules 12, docs/sources.md §18.4): a ditto word (同上, 〃) in any column,
 * and, in the column naming a row's estate, the blank cells a merged cell leaves when Excel saves a ledger as CSV (one
 * estate written once beside its many facilities, costs or scores). Both take the value above, and are said once per
 * column with their rows; a blank estate cell with nothing above it stays blank (an error, as before).
 */
import { makeProblem } from './messages';
import type { Cell, Problem, SourceTable } from './types';

/** Words that mean the cell above's value. */
const DITTO = /^\s*(同上|〃|同前|同上行|ditto)\s*$/i;

/** The first character of a ditto word (同, 〃, d or D) or a space before it: a million cells are not all tested. */
const mayBeDitto = (code: number): boolean => code === 0x540c || code === 0x3003 || (code | 0x20) === 0x64 || code === 0x20 || code === 0x3000;

/** Empty, or only spaces (tested without trimming every cell of a million-row column). */
export const blank = (c: Cell): boolean => {
	if (c === null || c === undefined || c === '') return true;
	if (typeof c !== 'string') return false;
	const first = c.charCodeAt(0);
	return (first <= 0x20 || first === 0x3000) && c.trim() === '';
};

/** A column with its cells filled from above, and which rows were (indices into the column). */
export interface FilledColumn {
	readonly cells: Cell[];
	readonly ditto: readonly number[];
	readonly merged: readonly number[];
}

/** The column with its ditto words (and, with `blanks`, its blank cells) replaced by the value above; undefined if none. */
export function filledDown(cells: readonly Cell[], blanks: boolean): FilledColumn | undefined {
	let out: Cell[] | undefined;
	const ditto: number[] = [];
	const merged: number[] = [];
	let above: Cell = null;
	for (let r = 0; r < cells.length; r++) {
		const c = cells[r];
		// The same value as the row above (a sorted id, a repeated period), or a number: nothing to look at.
		if (c === above || typeof c === 'number') {
			above = c;
			continue;
		}
		const same = isDitto(c);
		if ((same || (blanks && blank(c))) && !blank(above)) {
			out ??= cells.slice();
			out[r] = above;
			(same ? ditto : merged).push(r);
			continue;
		}
		// A ditto word with nothing above stays as written, and is no value for the rows below.
		if (!blank(c) && !same) above = c;
	}
	return out ? { cells: out, ditto, merged } : undefined;
}

/** Row numbers as the person sees them, a few of them, for a note: "3、4、7 …". */
function someRows(indices: readonly number[], rowNumbers: readonly number[]): string {
	const shown = indices.slice(0, 5).map((i) => String(rowNumbers[i]));
	return indices.length > 5 ? `${shown.join('、')} …` : shown.join('、');
}

/** The notes of column `c` of a table filled from above: one for its ditto words, one for its blank cells. */
export function filledNotes(table: SourceTable, c: number, f: FilledColumn): Problem[] {
	const notes: Problem[] = [];
	for (const [code, rows] of [['ditto_read', f.ditto], ['merged_cells_filled', f.merged]] as const) {
		if (rows.length === 0) continue;
		const first = rows[0];
		const params = { count: rows.length, rows: someRows(rows, table.rowNumbers), value: String(f.cells[first]) };
		notes.push(makeProblem(table.file, table.rowNumbers[first], table.headers[c] ?? null, code === 'ditto_read' ? String(table.columns[c][first]) : null, { code, params }, 'warning'));
	}
	return notes;
}

/** Whether a cell is a ditto word (同上, 〃). */
export function isDitto(c: Cell): boolean {
	return typeof c === 'string' && c.length <= 8 && mayBeDitto(c.charCodeAt(0)) && DITTO.test(c);
}

/**
 * Cells that did not read, taken from above while a file's rows are checked: 同上 in any column, a blank cell in the
 * estate column. Only cells that fail their reader, and the cells of a column of names or ids, come here: a clean
 * million-row score file pays about 5 ms of its check's 350 (docs/performance.md, session 42). Said once per column
 * and kind, with the first rows.
 */
export class AboveFill {
	private readonly seen = new Map<string, { c: number; code: 'ditto_read' | 'merged_cells_filled'; count: number; rows: number[]; text: string | null; value: string }>();

	/** `freeText[c]`: column c takes any text (a name, an id), so a ditto word there reads without an error. */
	constructor(
		private readonly estateColumn: number,
		readonly freeText: readonly boolean[]
	) {}

	/** A cell read without an error: a blank estate cell (read as empty) or a ditto word in a free-text column takes the value above. */
	read(c: number, cell: Cell, v: unknown, above: unknown, row: number): unknown {
		if (v === null ? c !== this.estateColumn : !isDitto(cell)) return v;
		return this.take(c, cell, above, row) ?? v;
	}

	/** The value above (the row before's value in this column) for a cell that says so, else undefined. */
	take(c: number, cell: Cell, above: unknown, row: number): unknown {
		if (above === null || above === undefined) return undefined;
		const ditto = isDitto(cell);
		if (!ditto && !(c === this.estateColumn && blank(cell))) return undefined;
		const code = ditto ? 'ditto_read' : 'merged_cells_filled';
		const key = `${c}|${code}`;
		const note = this.seen.get(key);
		if (note) {
			note.count++;
			if (note.rows.length < 6) note.rows.push(row);
		} else this.seen.set(key, { c, code, count: 1, rows: [row], text: ditto ? String(cell) : null, value: shown(above) });
		return above;
	}

	/** One warning per column and kind. */
	report(file: string, header: (c: number) => string | null): Problem[] {
		return [...this.seen.values()].map((n) => {
			const rows = n.rows.slice(0, 5).join('、') + (n.count > 5 ? ' …' : '');
			return makeProblem(file, n.rows[0], header(n.c), n.text, { code: n.code, params: { count: n.count, rows, value: n.value } }, 'warning');
		});
	}
}

/** A value taken from above as the note says it: a fee read with its unit ({fee, unit}) by its amount. */
function shown(v: unknown): string {
	return typeof v === 'object' && v !== null && 'fee' in v ? String((v as { fee: unknown }).fee) : String(v);
}
