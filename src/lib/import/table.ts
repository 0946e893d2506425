/**
 * Builds a {@link SourceTable} from rows as a reader produces them (CSV records, worksheet rows): finds the
 * header (title rows and blank rows above it skipped, or the row the caller names), keeps each data row's
 * source row number, skips blank rows and summary rows (合计, 总计, 平均...), and stores cells by column.
 * Rows stream through: only the first rows are buffered, to find the header.
 */
import { detectHeaderRow, headerTexts } from './detect';
import { makeProblem } from './messages';
import { cellText } from './values';
import { HASH_SEED, hashStep, Interner } from './interner';
import type { CsvQuirk } from './csv';
import type { Cell, Encoding, Problem, SourceKind, SourceTable, SummaryRow } from './types';

/** What a text reader knows about a record besides its cells. */
export interface RecordInfo {
	/** 1-based text line the record starts on. */
	readonly line?: number;
	readonly quirk?: CsvQuirk;
}

/** Cells allocated ahead at most ({@link TableBuilderOptions.expectedRows}); rows beyond them are appended. */
const MAX_ALLOCATED_CELLS = 20_000_000;

/** Rows scanned for the header. */
export const HEADER_SCAN_ROWS = 30;
/** Problems kept per file while reading (counts beyond this are still reported by the caller's totals). */
export const MAX_READ_PROBLEMS = 1000;
/** Summary rows kept with their cells: a ledger has one total, or one per estate. */
const MAX_SUMMARY_ROWS = 50;

const SUMMARY_LABELS = new Set(['合计', '总计', '小计', '平均', '平均值', '均值', '汇总', '总平均', 'total', 'average', 'sum']);
/** Cheap pre-test before the exact summary-label check (runs on every row). */
const SUMMARY_START = /^\s*(合|总|小|平|均|汇|t|a|s)/i;
/**
 * The lines a form carries below its table (填表人：张三, 联系电话：…, 注：…): signatures, dates and notes, never data.
 * The label must end in a colon, so no estate called 备注园 is taken for one.
 */
const FOOTER_LABELS = ['填表人', '填报人', '制表人', '统计人', '审核人', '复核人', '审核', '负责人', '单位负责人', '分管领导', '主管领导', '联系人', '联系电话', '电话', '填报日期', '填表日期', '制表日期', '报送日期', '日期', '填报单位', '注', '备注', '说明'];
const FOOTER = new RegExp(`^\\s*(${FOOTER_LABELS.join('|')})\\s*[:：]`);
/** The first characters of the summary and footer labels (lower case), for {@link plainHead}. */
const SUMMARY_FIRST = new Set([...SUMMARY_LABELS, ...FOOTER_LABELS].map((label) => label.charCodeAt(0)));

/** Options of {@link TableBuilder}. */
export interface TableBuilderOptions {
	readonly file: string;
	readonly kind: SourceKind;
	readonly encoding?: Encoding;
	readonly sheets?: readonly string[];
	readonly sheet?: string;
	/** 1-based source row of the header; detected when absent. */
	readonly headerRow?: number;
	/** The format names its columns itself (JSON, parquet): every pushed row is data. */
	readonly headers?: readonly string[];
	/**
	 * Delimited text (CSV): every data row must have the header's number of cells, and cells holding line breaks
	 * with delimiters (rows swallowed by a stray quote) are errors. Worksheets leave trailing empty cells out, so
	 * they are not held to this.
	 */
	readonly delimiter?: string;
	/** Reading problems of rows are warnings ({@link ReadOptions.lenient}). */
	readonly lenient?: boolean;
	/**
	 * The reader knows no cell holds U+FFFD, a line break or a quote (a CSV text with none of them, see source.ts),
	 * so the per-cell text checks below cannot find anything and are skipped.
	 */
	readonly plainCells?: boolean;
	/**
	 * About how many rows will be pushed (a CSV's line count, a parquet file's row count). The columns are allocated
	 * at that length once instead of growing row by row: for a million rows, growing five columns took most of the
	 * reading time (docs/performance.md, session 18). Rows beyond it still fit; a smaller table is cut to size.
	 */
	readonly expectedRows?: number;
}

/** Collects rows into a {@link SourceTable}. */
export class TableBuilder {
	private readonly buffer: { cells: Cell[]; row: number; info?: RecordInfo }[] = [];
	private readonly errorRows = new Set<number>();
	private lastData = 0;
	private headers: string[] | undefined;
	private headerRow = 0;
	private detectedHeaderRow = 0;
	private titleLines: string[] = [];
	/** Summary rows left out, with their cells (a ledger's totals), up to {@link MAX_SUMMARY_ROWS}. */
	private summaries: SummaryRow[] = [];
	private columns: Cell[][] = [];
	/** Length the columns were allocated at ({@link TableBuilderOptions.expectedRows}). */
	private capacity = 0;
	/** Source row of each data row kept; allocated with the columns, so `rows` counts the ones filled. */
	private rowNumbers: number[] = [];
	private rows = 0;
	private readonly problems: Problem[] = [];
	private problemCount = 0;
	private interners: Interner[] = [];
	/** Cell boundaries of the line {@link pushLine} is reading (reused). */
	private bounds = new Int32Array(64);
	/** Hash of each cell of that line ({@link Interner.internHashedRange}). */
	private hashes = new Int32Array(64);

	constructor(private readonly options: TableBuilderOptions) {
		if (options.headers) {
			this.headers = [...options.headers];
			this.allocate();
			this.interners = this.headers.map(() => new Interner());
		}
	}

	/**
	 * One column per header, allocated at the expected row count (filled with null: a packed array, not holes), up to
	 * {@link MAX_ALLOCATED_CELLS} cells in all: a line count can overstate the rows of a file of long multi-line cells.
	 */
	private allocate(): void {
		const width = Math.max(1, this.headers!.length);
		this.capacity = Math.max(0, Math.min(Math.floor(this.options.expectedRows ?? 0), Math.floor(MAX_ALLOCATED_CELLS / width)));
		this.columns = this.headers!.map(() => (this.capacity > 0 ? new Array<Cell>(this.capacity).fill(null) : []));
		this.rowNumbers = this.capacity > 0 ? new Array<number>(this.capacity).fill(0) : [];
	}

	/** Adds a problem found while reading (kept up to {@link MAX_READ_PROBLEMS}). */
	addProblem(p: Problem): void {
		this.problemCount++;
		if (p.severity === 'error' && p.row !== null) this.errorRows.add(p.row);
		if (this.problems.length < MAX_READ_PROBLEMS) this.problems.push(p);
	}

	/** Adds one source row with its row number as the user sees it. */
	push(cells: Cell[], row: number, info?: RecordInfo): void {
		if (this.headers) {
			this.addData(cells, row, info);
			return;
		}
		this.buffer.push({ cells, row, info });
		const wanted = this.options.headerRow;
		if (wanted !== undefined ? row >= Math.max(wanted, HEADER_SCAN_ROWS) : this.buffer.length >= HEADER_SCAN_ROWS) this.decide();
	}

	/**
	 * Adds one line of delimited text, `text[start, end)` (no line end, no quote), as a data row when it is a plain
	 * one: the header is known, the line has the header's number of cells, its first cell starts with a character
	 * that is neither white space nor the first letter of a summary label, and it holds no U+FFFD and no CR. Then
	 * each cell is interned from its range of the text, so a repeated cell makes no new string. Returns false, and
	 * adds nothing, for any other line: the caller pushes its split cells, which get the full rules of {@link push}.
	 */
	pushLine(text: string, start: number, end: number, row: number): boolean {
		const headers = this.headers;
		const d = this.options.delimiter;
		if (!headers || d === undefined || start >= end) return false;
		const delimiter = d.charCodeAt(0);
		const first = text.charCodeAt(start);
		if (first === delimiter || !plainHead(first)) return false;
		const width = headers.length;
		let bounds = this.bounds;
		let hashes = this.hashes;
		if (bounds.length < width + 1) {
			bounds = this.bounds = new Int32Array(width + 1);
			hashes = this.hashes = new Int32Array(width + 1);
		}
		// One pass: where each cell starts, and its hash for the interner.
		bounds[0] = start;
		let cells = 1;
		let h = HASH_SEED;
		for (let i = start; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c === delimiter) {
				if (cells === width) return false;
				hashes[cells - 1] = h;
				h = HASH_SEED;
				bounds[cells++] = i + 1;
			} else if (c === 0xfffd || c === 13) return false;
			else h = hashStep(h, c);
		}
		if (cells !== width) return false;
		hashes[cells - 1] = h;
		bounds[cells] = end + 1;
		const k = this.rows;
		const columns = this.columns;
		const interners = this.interners;
		for (let c = 0; c < width; c++) {
			const cell = interners[c].internHashedRange(text, bounds[c], bounds[c + 1] - 1, hashes[c]);
			if (k < this.capacity) columns[c][k] = cell;
			else columns[c].push(cell);
		}
		this.lastData = row;
		this.addRowNumber(k, row);
		return true;
	}

	/**
	 * Adds whole columns (one array per header, equally long) for a format that names its columns itself (parquet):
	 * row i is source row `firstRow + i`. The same rules as {@link push}: blank rows and summary rows are left out,
	 * a text with undecodable characters is an error of its row. Column by column, so no array is made per row and
	 * each column's loop sees one kind of value (for a million parquet rows, building row by row took longer than
	 * decoding the file: docs/performance.md, session 19). The arrays are taken over, not copied; no row may have been
	 * pushed before.
	 */
	pushColumns(columns: Cell[][], firstRow: number): void {
		const headers = this.headers;
		if (!headers || columns.length !== headers.length) throw new Error('pushColumns needs the headers given and one column per header');
		if (this.rows > 0) throw new Error('pushColumns takes all of a table at once');
		const n = columns.length ? columns[0].length : 0;
		if (columns.some((c) => c.length !== n)) throw new Error('pushColumns needs columns of one length');
		// The first column (left to right) of each row holding U+FFFD. Repeated texts are one string, checked once.
		const undecodable = new Map<number, number>();
		for (let c = 0; c < columns.length; c++) {
			const column = columns[c];
			let clean: string | undefined;
			for (let i = 0; i < n; i++) {
				const v = column[i];
				if (typeof v !== 'string' || v === clean) continue;
				if (v.includes('\uFFFD')) {
					if (!undecodable.has(i)) undecodable.set(i, c);
				} else clean = v;
			}
		}
		let kept: Uint8Array | null = null; // rows left out, once there is one
		// A row number per row at most, allocated once: a million pushes took 0.1 s (docs/performance.md, session 39).
		if (this.rowNumbers.length < n) this.rowNumbers = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) {
			let first = -1;
			for (let c = 0; c < columns.length; c++) {
				if (filled(columns[c][i])) {
					first = c;
					break;
				}
			}
			const row = firstRow + i;
			const head = columns[first]?.[i];
			// Most rows start plainly (plainHead): the summary and footer patterns are tried on the others only.
			if (first === -1 || (typeof head === 'string' && !plainHead(head.charCodeAt(0)) && this.summaryRow(head, first, row, (c) => columns[c][i]))) {
				kept ??= new Uint8Array(n).fill(1);
				kept[i] = 0;
				continue;
			}
			const c = undecodable.get(i);
			if (c !== undefined) this.addUndecodable(columns[c][i] as string, c, row);
			this.addRowNumber(this.rows, row);
			this.lastData = row;
		}
		for (let c = 0; c < columns.length; c++) {
			const column = columns[c];
			const intern = this.interners[c];
			let to = 0;
			for (let i = 0; i < n; i++) {
				if (kept && kept[i] === 0) continue;
				const v = column[i];
				column[to++] = v === undefined ? null : typeof v === 'string' ? intern.intern(v) : v;
			}
			column.length = to;
			this.columns[c] = column;
		}
		this.capacity = 0;
	}

	/** Records the source row of data row `k` (the next one). */
	private addRowNumber(k: number, row: number): void {
		if (k < this.rowNumbers.length) this.rowNumbers[k] = row;
		else this.rowNumbers.push(row);
		this.rows = k + 1;
	}

	/** The table, once every row has been pushed. */
	finish(): SourceTable {
		if (!this.headers) this.decide();
		// Allocated for more rows than came: cut to the rows kept.
		for (const column of this.columns) if (column.length > this.rows) column.length = this.rows;
		if (this.rowNumbers.length > this.rows) this.rowNumbers.length = this.rows;
		const o = this.options;
		return {
			file: o.file,
			kind: o.kind,
			encoding: o.encoding,
			sheets: o.sheets,
			sheet: o.sheet,
			headerRow: this.headerRow,
			detectedHeaderRow: this.detectedHeaderRow,
			headers: this.headers ?? [],
			columns: this.columns,
			rowNumbers: this.rowNumbers,
			rowCount: this.rows,
			titleLines: this.titleLines,
			problems: this.problems,
			...(this.summaries.length ? { summaryRows: this.summaries } : {}),
			errorRows: [...this.errorRows],
			lenient: o.lenient
		};
	}

	/** Errors for the reading rules (docs/sources.md §17); warnings for a stored file accepted before them. */
	rowSeverity(): 'error' | 'warning' {
		return this.options.lenient ? 'warning' : 'error';
	}

	/** Whether a source row has a reading error so far. */
	hasError(row: number): boolean {
		return this.errorRows.has(row);
	}

	/** Source row of the last data row kept (0 when none), once every row has been pushed. */
	lastDataRow(): number {
		if (!this.headers) this.decide();
		return this.lastData;
	}

	private decide(): void {
		const rows = this.buffer.map((b) => b.cells);
		const guess = rows.length ? detectHeaderRow(rows) : { index: 0 };
		let index = guess.index;
		this.detectedHeaderRow = this.buffer[index]?.row ?? 0;
		const wanted = this.options.headerRow;
		if (wanted !== undefined) {
			const at = this.buffer.findIndex((b) => b.row === wanted);
			index = at === -1 ? this.buffer.length : at;
		}
		this.headerRow = this.buffer[index]?.row ?? wanted ?? 0;
		this.headers = index < this.buffer.length ? headerTexts(rows, index) : [];
		this.allocate();
		this.interners = this.headers.map(() => new Interner());
		this.titleLines = rows
			.slice(0, index)
			.map((r) => [...new Set(r.map((c) => cellText(c).trim()).filter((t) => t !== ''))].join(' '))
			.filter((t) => t !== '');
		const rest = this.buffer.slice(index + 1);
		this.buffer.length = 0;
		for (const b of rest) this.addData(b.cells, b.row, b.info);
	}

	private addData(cells: Cell[], row: number, info?: RecordInfo): void {
		const headers = this.headers!;
		const width = headers.length;
		let first = -1;
		for (let c = 0; c < cells.length; c++) {
			if (filled(cells[c])) {
				first = c;
				break;
			}
		}
		if (first === -1) return; // blank row
		if (this.summaryRow(cells[first], first, row, (c) => cells[c])) return;
		const k = this.rows;
		const columns = this.columns;
		const interners = this.interners;
		for (let c = 0; c < width; c++) {
			const v = cells[c];
			const cell = v === undefined ? null : typeof v === 'string' ? interners[c].intern(v) : v;
			if (k < this.capacity) columns[c][k] = cell;
			else columns[c].push(cell);
		}
		this.lastData = row;
		this.addRowNumber(k, row);
		const reported = this.options.plainCells ? false : this.checkText(cells, row, info);
		if (this.options.delimiter !== undefined) {
			// Delimited text: a row wider or narrower than the header has lost or gained a delimiter or a quote.
			let n = cells.length;
			while (n > width && cellText(cells[n - 1]).trim() === '') n--; // trailing empty cells are harmless
			if (n !== width && !reported) {
				const column = n < width ? headers[n] : null;
				const value = n < width ? null : clip(cellText(cells[width]));
				this.addProblem(makeProblem(this.options.file, row, column, value, { code: 'field_count', params: { count: n, expected: width } }, this.rowSeverity()));
			}
			return;
		}
		if (cells.length > width) {
			let extra = 0;
			let firstExtra = '';
			for (let c = width; c < cells.length; c++) {
				const t = cellText(cells[c]).trim();
				if (t !== '') {
					if (extra === 0) firstExtra = t;
					extra++;
				}
			}
			if (extra > 0) {
				this.addProblem(makeProblem(this.options.file, row, null, firstExtra, { code: 'extra_cells', params: { count: extra } }, 'warning'));
			}
		}
	}

	/**
	 * A row whose first filled cell (`head`, in column `column`) is a summary label (合计, 平均...): warned about, and
	 * kept aside with its cells (`cellAt`).
	 */
	private summaryRow(head: Cell, column: number, row: number, cellAt: (c: number) => Cell | undefined): boolean {
		if (typeof head === 'string' && FOOTER.test(head)) {
			this.addProblem(makeProblem(this.options.file, row, this.headers![column] ?? null, clip(head), { code: 'footer_row_skipped' }, 'warning'));
			return true;
		}
		const label = typeof head === 'string' && head.length <= 16 && SUMMARY_START.test(head) ? head.replace(/\s+/g, '').toLowerCase() : '';
		if (label === '' || !SUMMARY_LABELS.has(label)) return false;
		this.addProblem(makeProblem(this.options.file, row, this.headers![column] ?? null, cellText(head), { code: 'summary_row_skipped', params: { label } }, 'warning'));
		if (this.summaries.length < MAX_SUMMARY_ROWS) this.summaries.push({ row, label, cells: this.headers!.map((_, c) => cellAt(c) ?? null) });
		return true;
	}

	/** The error of a row whose text `v` (column `column`) holds U+FFFD: bytes the file's encoding could not decode. */
	private addUndecodable(v: string, column: number, row: number): void {
		const count = v.split('\uFFFD').length - 1;
		const encoding = this.options.encoding === 'mixed' ? 'UTF-8 / GB18030' : (this.options.encoding ?? 'utf-8');
		this.addProblem(makeProblem(this.options.file, row, this.headers![column] ?? null, clip(v), { code: 'undecodable', params: { count, encoding } }, this.rowSeverity()));
	}

	/** Undecodable characters, stray quotes and swallowed rows in a data row's text cells: one error per row. */
	private checkText(cells: Cell[], row: number, info: RecordInfo | undefined): boolean {
		const headers = this.headers!;
		const file = this.options.file;
		for (let c = 0; c < cells.length; c++) {
			const v = cells[c];
			if (typeof v !== 'string' || !v.includes('\uFFFD')) continue;
			this.addUndecodable(v, c, row);
			return true;
		}
		const d = this.options.delimiter;
		// A quoted cell may hold line breaks (an address, a remark), but lines that each carry delimiters are rows.
		const threshold = Math.max(1, Math.floor((headers.length - 1) / 2));
		for (let c = 0; d !== undefined && headers.length >= 2 && c < cells.length; c++) {
			const v = cells[c];
			if (typeof v !== 'string' || (!v.includes('\n') && !v.includes('\r'))) continue;
			const lines = v.split(/\r\n|\r|\n/);
			if (!lines.slice(1).some((l) => l.split(d).length - 1 >= threshold)) continue;
			const start = info?.line ?? row;
			this.addProblem(
				makeProblem(file, row, headers[c] ?? null, clip(v), { code: 'swallowed_rows', params: { lines: lines.length, from: start + 1, to: start + lines.length - 1 } }, this.rowSeverity())
			);
			return true;
		}
		if (info?.quirk) {
			const c = info.quirk.cell;
			this.addProblem(makeProblem(file, row, headers[c] ?? null, clip(cellText(cells[c] ?? null)), { code: 'stray_quote' }, this.rowSeverity()));
			return true;
		}
		return false;
	}
}

/** The cell holds something (not null, not empty or white space only); most texts tell by their first character. */
function filled(v: Cell | undefined): boolean {
	if (v === null || v === undefined || v === '') return false;
	if (typeof v !== 'string') return true;
	const first = v.charCodeAt(0);
	// Printable ASCII, and everything above U+3000 but the byte-order mark, is not white space (String#trim's set).
	if ((first > 32 && first < 127) || (first > 0x3000 && first !== 0xfeff)) return true;
	return v.trim() !== '';
}

/**
 * Whether a row whose first cell starts with this character is plainly data: the cell is filled (see
 * {@link filled}) and cannot be a summary label (合计, 总计, 小计, 平均, 均值, 汇总, total, average, sum).
 */
function plainHead(first: number): boolean {
	// `| 0x20` lower-cases an ASCII letter; it maps no other character onto a summary label's first letter.
	if (first > 32 && first < 127) return !SUMMARY_FIRST.has(first | 0x20);
	return first > 0x3000 && first !== 0xfeff && !SUMMARY_FIRST.has(first);
}

/** A cell's text shortened for a problem list (a swallowing cell can hold a whole file). */
function clip(text: string): string {
	return text.length > 80 ? text.slice(0, 80) + '…' : text;
}
