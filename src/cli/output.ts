/**
 * Output formats of the command line: an aligned text table for people, JSON for programs, and CSV for Excel
 * (UTF-8 with a byte-order mark, which Excel on Chinese Windows needs to read UTF-8; cells that Excel would run as a
 * formula are neutralised).
 */
import { csvTextWithBom } from '../lib/csv/write';

/** A cell: text, a number, a boolean or empty. */
export type Cell = string | number | boolean | null;

/** One output column: its key in the record, and how the table shows a number (decimals; none: as is). */
export interface Column {
	key: string;
	decimals?: number;
}

/** Terminal columns a character takes: 2 for East Asian wide and full-width characters (CJK), else 1. */
function charWidth(cp: number): number {
	const wide =
		(cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		(cp >= 0x20000 && cp <= 0x3fffd);
	return wide ? 2 : 1;
}

/** Display width of a string in a terminal. */
export function displayWidth(s: string): number {
	let w = 0;
	for (const ch of s) w += charWidth(ch.codePointAt(0)!);
	return w;
}

function tableCell(v: Cell, c: Column): string {
	if (v === null) return '-';
	// "-0.000" for a residual of -1e-16 would read as a sign that means something.
	if (typeof v === 'number' && c.decimals !== undefined) return v.toFixed(c.decimals).replace(/^-(0\.?0*)$/, '$1');
	return String(v);
}

/** An aligned text table: numbers right-aligned, text left-aligned, empty cells as '-'. */
export function formatTable(columns: readonly Column[], records: readonly Record<string, Cell>[]): string {
	const cells = records.map((r) => columns.map((c) => tableCell(r[c.key] ?? null, c)));
	const numeric = columns.map((c) => records.some((r) => typeof r[c.key] === 'number'));
	const widths = columns.map((c, i) => Math.max(displayWidth(c.key), ...cells.map((row) => displayWidth(row[i]))));
	const pad = (s: string, i: number) => {
		const fill = ' '.repeat(widths[i] - displayWidth(s));
		return numeric[i] ? fill + s : s + fill;
	};
	const line = (row: string[]) => row.map(pad).join('  ').trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('  ');
	return [line(columns.map((c) => c.key)), rule, ...cells.map(line)].join('\n') + '\n';
}

/** The records as a JSON array with only the columns' keys, numbers at full precision. */
export function formatJson(columns: readonly Column[], records: readonly Record<string, Cell>[]): string {
	const picked = records.map((r) => Object.fromEntries(columns.map((c) => [c.key, r[c.key] ?? null])));
	return JSON.stringify(picked, null, 2) + '\n';
}

/** CSV for Excel: UTF-8 byte-order mark, header of the column keys, CRLF line ends (the shared writer). */
export function formatCsv(columns: readonly Column[], records: readonly Record<string, Cell>[]): string {
	return csvTextWithBom([columns.map((c) => c.key), ...records.map((r) => columns.map((c) => r[c.key] ?? null))]);
}
