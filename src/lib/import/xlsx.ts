/**
 * Excel workbooks through SheetJS (@e965/xlsx): list the sheets, read one into a {@link SourceTable} (merged
 * cells filled, title rows above the header skipped, dates as text, Excel row numbers kept), and write
 * workbooks for templates and problem lists. Reads .xlsx and legacy .xls alike.
 */
import * as XLSX from '@e965/xlsx';
import { TableBuilder } from './table';
import { UnreadableFileError, type Cell, type ReadOptions, type SourceTable } from './types';
import { asBytes } from './decode';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Excel's error codes as the text Excel shows. */
const ERROR_TEXT: Record<number, string> = {
	0x00: '#NULL!',
	0x07: '#DIV/0!',
	0x0f: '#VALUE!',
	0x17: '#REF!',
	0x1d: '#NAME?',
	0x24: '#NUM!',
	0x2a: '#N/A',
	0x2b: '#GETTING_DATA'
};

function readWorkbook(file: string, bytes: Uint8Array, opts: XLSX.ParsingOptions): XLSX.WorkBook {
	try {
		return XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellText: false, cellDates: false, ...opts });
	} catch (e) {
		const reason = e instanceof Error ? e.message : String(e);
		// A zip that holds no workbook (an archive of files, a .docx renamed) versus a workbook that will not open.
		const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
		throw new UnreadableFileError(file, reason, { cause: e, code: zip && /zip/i.test(reason) ? 'not_a_workbook' : 'workbook_damaged' });
	}
}

/** Sheet names of a workbook, in order (reads only the workbook index). */
export function listSheets(bytes: Uint8Array | ArrayBuffer, file = 'workbook.xlsx'): string[] {
	return readWorkbook(file, asBytes(bytes), { bookSheets: true }).SheetNames;
}

/** A date cell as text: 'YYYY-MM-DD', or with ' HH:MM:SS' when it has a time of day. */
function dateText(serial: number, date1904: boolean): Cell {
	const p = XLSX.SSF.parse_date_code(serial, { date1904 });
	if (!p) return serial;
	const time = `${pad2(p.H)}:${pad2(p.M)}:${pad2(Math.floor(p.S))}`;
	if (serial < 1 && serial >= 0) return time;
	const day = `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
	return p.H === 0 && p.M === 0 && p.S === 0 ? day : `${day} ${time}`;
}

/** True for a number format that shows the value as a percentage ('0%', '0.00%'), not a '%' inside quotes or brackets. */
function isPercentFormat(z: string): boolean {
	return /%/.test(z.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));
}

/**
 * A number shown as a percentage, as the text the sheet shows, to full precision: Excel stores a typed 86% as 0.86,
 * and the columns read '86%' as they do from a CSV (a score of 86 with a warning, a rate of 0.86). Read as the bare
 * 0.86, a score would be 0.86 points.
 */
function percentText(v: number): string {
	return `${Number((v * 100).toPrecision(15))}%`;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
	if (!cell) return null;
	switch (cell.t) {
		case 's':
			return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? null : String(cell.v);
		case 'n': {
			const v = cell.v as number;
			if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return dateText(v, date1904);
			if (typeof cell.z === 'string' && Number.isFinite(v) && isPercentFormat(cell.z)) return percentText(v);
			return v;
		}
		case 'b':
			return cell.v as boolean;
		case 'e':
			return ERROR_TEXT[cell.v as number] ?? '#VALUE!';
		case 'd': {
			const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
			return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
		}
		default:
			return null;
	}
}

/**
 * Reads one sheet (the first by default). Every merged range takes the value of its top-left cell in all
 * its cells (headers merged across, names merged down); the header row is detected (or given) and rows keep
 * their Excel row numbers.
 */
export function readXlsx(file: string, input: Uint8Array | ArrayBuffer, options: ReadOptions = {}): SourceTable {
	const bytes = asBytes(input);
	const names = listSheets(bytes, file);
	const wanted = options.sheet ?? 0;
	const name = typeof wanted === 'number' ? names[wanted] : names.find((n) => n === wanted);
	if (name === undefined) {
		throw new UnreadableFileError(file, `sheet ${String(wanted)} not found (sheets: ${names.join(', ')})`, {
			code: 'sheet_missing',
			params: { sheet: String(wanted), sheets: names.join('、') }
		});
	}
	const wb = readWorkbook(file, bytes, { sheets: name });
	const ws = wb.Sheets[name];
	const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
	const builder = new TableBuilder({ file, kind: 'xlsx', sheets: names, sheet: name, headerRow: options.headerRow });
	if (!ws || !ws['!ref']) return builder.finish();
	const range = XLSX.utils.decode_range(ws['!ref']);
	const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
	// Merged ranges: (row, col) → value of the range's top-left cell.
	const merged = new Map<number, Map<number, Cell>>();
	for (const m of ws['!merges'] ?? []) {
		const v = cellValue(data[m.s.r]?.[m.s.c], date1904);
		for (let r = m.s.r; r <= m.e.r; r++) {
			let row = merged.get(r);
			if (!row) merged.set(r, (row = new Map()));
			for (let c = m.s.c; c <= m.e.c; c++) row.set(c, v);
		}
	}
	// Walk the cells that exist, not the declared range: a sheet formatted down to row 1,048,576 or out to
	// column XFD declares a huge range with nothing in it.
	const lastRow = Math.min(range.e.r, Math.max(data.length - 1, ...[...merged.keys()]));
	for (let r = range.s.r; r <= lastRow; r++) {
		const src = data[r];
		const fill = merged.get(r);
		let lastCol = Math.min(range.e.c, (src?.length ?? 0) - 1);
		if (fill) for (const c of fill.keys()) lastCol = Math.max(lastCol, c);
		const cells: Cell[] = [];
		for (let c = range.s.c; c <= lastCol; c++) {
			const v = fill?.has(c) ? fill.get(c)! : cellValue(src?.[c], date1904);
			cells.push(v);
		}
		builder.push(cells, r + 1);
	}
	return builder.finish();
}

/** One sheet to write: rows of cells, optional merged ranges (0-based) and column widths in characters. */
export interface XlsxSheet {
	readonly name: string;
	readonly rows: readonly (readonly (string | number | boolean | null)[])[];
	readonly merges?: readonly { s: { r: number; c: number }; e: { r: number; c: number } }[];
	readonly columnWidths?: readonly number[];
}

/** Writes a workbook (for templates and problem lists) and returns the .xlsx bytes. */
export function writeXlsx(sheets: readonly XlsxSheet[]): Uint8Array {
	const wb = XLSX.utils.book_new();
	for (const s of sheets) {
		const ws = XLSX.utils.aoa_to_sheet(s.rows.map((r) => [...r]));
		if (s.merges?.length) ws['!merges'] = s.merges.map((m) => ({ s: { ...m.s }, e: { ...m.e } }));
		if (s.columnWidths) ws['!cols'] = s.columnWidths.map((w) => ({ wch: w }));
		XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
	}
	const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
	return new Uint8Array(out);
}
