/**
 * A CSV parser for files people make: RFC 4180 quotes (with "" inside), CRLF, LF or CR line ends, and the
 * delimiter detected among comma, tab and semicolon (Excel's `sep=;` first line is honoured).
 *
 * Row numbers are Excel's: the n-th record is row n, the header included and blank lines counted, so a
 * problem names the row the user sees when the file is opened in Excel. A quoted cell with a line break is
 * one record (one Excel row) spanning several text lines; the text line where each record starts is kept too.
 */

/** Delimiters the parser detects. */
export type Delimiter = ',' | '\t' | ';';

/** One record: its cells, its Excel row number (1-based) and the 1-based text line it starts on. */
export interface CsvRecord {
	readonly cells: string[];
	readonly row: number;
	readonly line: number;
}

/**
 * A malformed quote in a record (RFC 4180 allows quotes only around a whole cell, doubled inside): text after a
 * closing quote (`"a"b`) or a quote inside an unquoted cell (`a"b`). Excel keeps such text as it is; the
 * importer reports the row, because a stray quote is how rows get merged or cut.
 */
export interface CsvQuirk {
	/** 0-based index of the first such cell in the record. */
	readonly cell: number;
	readonly kind: 'text_after_quote' | 'quote_in_cell';
}

/** What the parser found besides the records. */
export interface CsvParseInfo {
	/** Whether the last record ended with a line break (a file cut short usually does not). */
	readonly endsWithLineEnd: boolean;
	readonly delimiter: Delimiter;
	/** Excel row of a quote that is never closed (the rest of the text became one cell), else null. */
	readonly unclosedQuoteRow: number | null;
	/** Number of records read (blank lines included). */
	readonly records: number;
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
	/** Delimiter to use instead of detecting one. */
	readonly delimiter?: Delimiter;
	/**
	 * Offered each record that is one line without a quote, as its range of the text (line end excluded) before it
	 * is split; returning true takes it, and `onRecord` is not called for it. Lets a reader keep the cells of such
	 * lines without a string per cell (TableBuilder.pushLine).
	 */
	readonly plainLine?: (start: number, end: number, row: number, line: number) => boolean;
}

import { csvText, quoteCsv } from '../csv/write';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Guesses the delimiter from the first lines: the candidate that splits most lines into the same number
 * (> 1) of cells wins; ties go to comma, then tab, then semicolon. Quotes are respected.
 */
export function detectDelimiter(text: string): Delimiter {
	const sep = /^sep=([,;\t])\r?\n/.exec(text.slice(0, 8));
	if (sep) return sep[1] as Delimiter;
	// Sample whole lines from the start (a multi-line quoted cell cut here only costs a little accuracy).
	const cutAt = text.length > 65536 ? text.lastIndexOf('\n', 65536) : -1;
	const sample = cutAt > 0 ? text.slice(0, cutAt) : text;
	const candidates: Delimiter[] = [',', '\t', ';'];
	let best: Delimiter = ',';
	let bestScore = -1;
	for (const d of candidates) {
		const counts: number[] = [];
		parseCsv(
			sample,
			(cells) => {
				if (cells.length > 1 || cells[0] !== '') counts.push(cells.length);
				return counts.length < 30;
			},
			{ delimiter: d }
		);
		const freq = new Map<number, number>();
		for (const c of counts) if (c > 1) freq.set(c, (freq.get(c) ?? 0) + 1);
		// Score: lines agreeing on the most common width, then that width as a tie-break.
		let score = 0;
		for (const [width, n] of freq) score = Math.max(score, n * 1000 + Math.min(width, 999));
		if (score > bestScore) {
			best = d;
			bestScore = score;
		}
	}
	return best;
}

/**
 * Parses `text`, calling `onRecord` for every record in order (blank lines give `['']`). Returning `false`
 * from the callback stops parsing. A leading `sep=X` line sets the delimiter and is not a row (Excel hides
 * it), but it is counted in the text line numbers.
 */
export function parseCsv(
	text: string,
	onRecord: (cells: string[], row: number, line: number, quirk?: CsvQuirk) => boolean | void,
	options: CsvOptions = {}
): CsvParseInfo {
	let pos = 0;
	const sep = /^sep=([,;\t])\r?\n/.exec(text.slice(0, 8));
	if (sep) pos = sep[0].length;
	const delimiter = options.delimiter ?? detectDelimiter(text);
	const d = delimiter.charCodeAt(0);
	const plainLine = options.plainLine;
	const n = text.length;
	let row = 0;
	let line = sep ? 2 : 1;
	let unclosedQuoteRow: number | null = null;
	let endsWithLineEnd = true;

	// Fast path: a record on one line without quotes is split natively. Only for files whose line ends are
	// LF or CRLF (a lone CR, old Mac style, goes through the general parser).
	const firstCr = text.indexOf('\r');
	const fast = firstCr === -1 || text.charCodeAt(firstCr + 1) === LF;
	let nextQuote = fast ? text.indexOf('"', pos) : 0;

	while (pos < n) {
		if (fast) {
			if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
			const nl = text.indexOf('\n', pos);
			const lineEnd = nl === -1 ? n : nl;
			if (nextQuote === -1 || nextQuote >= lineEnd) {
				const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
				const start = pos;
				row++;
				const startLine = line;
				endsWithLineEnd = nl !== -1;
				pos = nl === -1 ? n : nl + 1;
				if (nl !== -1) line++;
				if (plainLine && plainLine(start, contentEnd, row, startLine)) continue;
				if (onRecord(text.slice(start, contentEnd).split(delimiter), row, startLine) === false) break;
				continue;
			}
		}
		const cells: string[] = [];
		const startLine = line;
		row++;
		let endOfRecord = false;
		let quirk: CsvQuirk | undefined;
		while (!endOfRecord) {
			if (pos < n && text.charCodeAt(pos) === QUOTE) {
				// Quoted cell: read to the closing quote; "" is a quote.
				pos++;
				let value = '';
				let chunkStart = pos;
				for (;;) {
					const q = text.indexOf('"', pos);
					if (q === -1) {
						value += text.slice(chunkStart);
						countLines(text, chunkStart, n);
						pos = n;
						unclosedQuoteRow ??= row;
						break;
					}
					if (text.charCodeAt(q + 1) === QUOTE) {
						value += text.slice(chunkStart, q + 1);
						countLines(text, chunkStart, q);
						pos = q + 2;
						chunkStart = pos;
						continue;
					}
					value += text.slice(chunkStart, q);
					countLines(text, chunkStart, q);
					pos = q + 1;
					break;
				}
				// Text between the closing quote and the delimiter (malformed, e.g. "a"b): kept, as Excel does.
				let tailEnd = pos;
				while (tailEnd < n) {
					const c = text.charCodeAt(tailEnd);
					if (c === d || c === LF || c === CR) break;
					tailEnd++;
				}
				if (tailEnd > pos) {
					value += text.slice(pos, tailEnd);
					quirk ??= { cell: cells.length, kind: 'text_after_quote' };
				}
				pos = tailEnd;
				cells.push(value);
			} else {
				let end = pos;
				while (end < n) {
					const c = text.charCodeAt(end);
					if (c === d || c === LF || c === CR) break;
					end++;
				}
				const value = text.slice(pos, end);
				if (value.includes('"')) quirk ??= { cell: cells.length, kind: 'quote_in_cell' };
				cells.push(value);
				pos = end;
			}
			// After a cell: a delimiter, a line end or the end of the text.
			if (pos >= n) {
				endOfRecord = true;
				endsWithLineEnd = false;
			} else {
				const c = text.charCodeAt(pos);
				if (c === d) {
					pos++;
					if (pos >= n) {
						cells.push('');
						endOfRecord = true;
						endsWithLineEnd = false;
					}
				} else {
					pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
					line++;
					endOfRecord = true;
				}
			}
		}
		if (onRecord(cells, row, startLine, quirk) === false) break;
	}
	return { delimiter, unclosedQuoteRow, records: row, endsWithLineEnd: n === 0 || endsWithLineEnd };

	function countLines(s: string, from: number, to: number): void {
		for (let i = from; i < to; i++) {
			const c = s.charCodeAt(i);
			if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) line++;
		}
	}
}

/** Convenience: every record as an array (for small texts and tests). */
export function parseCsvRecords(text: string, options: CsvOptions = {}): { records: CsvRecord[]; info: CsvParseInfo } {
	const records: CsvRecord[] = [];
	const info = parseCsv(text, (cells, row, line) => void records.push({ cells, row, line }), options);
	return { records, info };
}

/** Quotes a cell for CSV output when it needs it (the shared writer's rule, src/lib/csv/write.ts). */
export function csvCell(value: string, delimiter: Delimiter = ','): string {
	return quoteCsv(value, delimiter);
}

/** Writes rows as CSV text with CRLF line ends, formula-leading text neutralised: the shared writer (src/lib/csv/write.ts). */
export function writeCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
	return csvText(rows);
}
