/**
 * From a file's name and bytes to a {@link SourceTable}: the format is told by the bytes (zip or OLE
 * workbook, parquet magic, JSON text) with the extension as a fallback, then the matching reader runs.
 */
import { detectDelimiter, parseCsv } from './csv';
import { asBytes, decodeText, plainUtf8Bytes, utf16WithoutBom } from './decode';
import { readJson } from './json';
import { makeProblem } from './messages';
import { readParquet } from './parquet';
import { TableBuilder } from './table';
import type { Cell, ReadOptions, SourceKind, SourceTable } from './types';

/** The format of a file, from its first bytes (and its name when the bytes do not say). */
export function sniffKind(name: string, input: Uint8Array | ArrayBuffer): SourceKind {
	const b = asBytes(input);
	if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
	if (b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xlsx';
	if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31) return 'parquet';
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return 'json';
	if (ext === 'xlsx' || ext === 'xls' || ext === 'xlsm') return 'xlsx';
	if (ext === 'parquet') return 'parquet';
	// Text starting with [ or { (after a BOM and blanks) is JSON.
	let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
	while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
	if (ext !== 'csv' && ext !== 'tsv' && ext !== 'txt' && (b[i] === 0x5b || b[i] === 0x7b)) return 'json';
	return 'csv';
}

/** Reads CSV (or tab/semicolon-separated) text in any encoding {@link decodeText} knows. */
export function readCsv(file: string, bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): SourceTable {
	return readPlainUtf8InChunks(file, asBytes(bytes), options) ?? readCsvWhole(file, bytes, options);
}

/** Bytes decoded at once for the first lines, where the delimiter and the header are found. */
const FIRST_CHUNK_BYTES = 256 * 1024;
/**
 * Bytes decoded at once after them: each piece of text is short-lived and small enough for V8's young generation,
 * instead of one string as large as the file in memory touched for the first time (docs/performance.md, session 24).
 */
const CHUNK_BYTES = 48 * 1024;

/**
 * The common case read without a string as large as the file: UTF-8 text (with or without a byte-order mark) that has
 * no quote at all and whose line ends are LF or CRLF. Such a text is read line by line exactly as {@link parseCsv}'s
 * fast path reads it, so the table, row numbers and problems are {@link readCsvWhole}'s. Returns null, having read
 * nothing, for any other file: quotes, a lone CR first, `sep=`, UTF-16, text that is not valid UTF-8 (GBK) or that
 * could be GBK read as UTF-8 by accident (decode.ts), a line longer than the first chunk.
 */
export function readPlainUtf8InChunks(file: string, bytes: Uint8Array, options: ReadOptions): SourceTable | null {
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const start = bom ? 3 : 0;
	if (bytes.length - start < 2 || bytes.indexOf(QUOTE_BYTE) !== -1) return null;
	if (bytes[start] === 0x73 && bytes[start + 1] === 0x65) return null; // "se": maybe Excel's sep= line
	if (!bom && (utf16WithoutBom(bytes) || !plainUtf8Bytes(bytes))) return null;
	const firstCr = bytes.indexOf(CR_BYTE);
	if (firstCr !== -1 && bytes[firstCr + 1] !== LF_BYTE) return null;
	// With a byte-order mark the whole-text reader decodes leniently (undecodable bytes become U+FFFD, errors of their
	// rows); without one, strictly (a failure means GB18030, read by the whole-text reader).
	const decoder = new TextDecoder('utf-8', { fatal: !bom });
	const firstEnd = chunkEnd(bytes, start, FIRST_CHUNK_BYTES);
	if (firstEnd === -1) return null;
	// One stream: a byte-order mark is dropped only at the start, as a whole decode does; every chunk ends after a line
	// feed, so no character is cut, and the last one ends the stream.
	const decode = (from: number, to: number): string | null => {
		try {
			return decoder.decode(bytes.subarray(from, to), { stream: to < bytes.length });
		} catch {
			return null;
		}
	};
	let text = decode(start, firstEnd);
	if (text === null) return null;
	const delimiter = detectDelimiter(text);
	const builder = new TableBuilder({
		file,
		kind: 'csv',
		encoding: bom ? 'utf-8-bom' : 'utf-8',
		headerRow: options.headerRow,
		delimiter,
		lenient: options.lenient,
		plainCells: false,
		expectedRows: byteLineCount(bytes, start)
	});
	let row = 0;
	let line = 1;
	let endsWithLineEnd = true;
	for (let at = firstEnd; ; ) {
		for (let pos = 0; pos < text.length; ) {
			const nl = text.indexOf('\n', pos);
			const lineEnd = nl === -1 ? text.length : nl;
			const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
			row++;
			const startLine = line;
			endsWithLineEnd = nl !== -1;
			if (nl !== -1) line++;
			if (!builder.pushLine(text, pos, contentEnd, row)) builder.push(text.slice(pos, contentEnd).split(delimiter) as Cell[], row, { line: startLine });
			pos = nl === -1 ? text.length : nl + 1;
		}
		if (at >= bytes.length) break;
		const end = chunkEnd(bytes, at, CHUNK_BYTES);
		const next = end === -1 ? bytes.length : end;
		text = decode(at, next);
		if (text === null) return null; // not UTF-8 after all: the whole-text reader starts again
		at = next;
	}
	noteCutShort(builder, file, row, endsWithLineEnd, options);
	return builder.finish();
}

/**
 * A last record without a line end that is data (`records` rows read). Text typed by hand or written by a script
 * often ends so, and so does a file cut short, mid-row or mid-value. A row short of cells is the second: an error of
 * the row. A complete one is imported with a warning to check it (reading rules 4; an error before, which a stored
 * import replays with {@link ReadOptions.unendedLastRowIsError}).
 */
function noteCutShort(builder: TableBuilder, file: string, records: number, endsWithLineEnd: boolean, options: ReadOptions): void {
	if (endsWithLineEnd || builder.lastDataRow() !== records || records <= 1) return;
	if (options.unendedLastRowIsError || builder.hasError(records)) {
		builder.addProblem(makeProblem(file, records, null, null, { code: 'unterminated_last_row' }, builder.rowSeverity()));
	} else builder.addProblem(makeProblem(file, records, null, null, { code: 'last_row_unended' }, 'warning'));
}

const QUOTE_BYTE = 0x22;
const LF_BYTE = 0x0a;
const CR_BYTE = 0x0d;

/**
 * Where a chunk starting at `from` ends: just after the last line feed within `size` bytes (a line feed is never
 * inside a UTF-8 character), the end of the bytes when they end within `size`, or -1 when no line ends there.
 */
function chunkEnd(bytes: Uint8Array, from: number, size: number): number {
	if (from + size >= bytes.length) return bytes.length;
	const lf = bytes.lastIndexOf(LF_BYTE, from + size - 1);
	return lf < from ? -1 : lf + 1;
}

/** Line feeds from `start` on, plus one ({@link lineCount} over bytes). */
function byteLineCount(bytes: Uint8Array, start: number): number {
	let n = 1;
	for (let i = bytes.indexOf(LF_BYTE, start); i !== -1; i = bytes.indexOf(LF_BYTE, i + 1)) n++;
	return n;
}

/**
 * Reads CSV text decoded as a whole (any encoding {@link decodeText} knows, quotes, any line ends): what
 * {@link readCsv} does for every file the plain path does not take, and the reference that path is tested against.
 */
export function readCsvWhole(file: string, bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): SourceTable {
	const decoded = decodeText(bytes);
	const { text, encoding } = decoded;
	const delimiter = detectDelimiter(text);
	// Undecodable characters are errors of the rows that hold them (TableBuilder); the file-level notes say how
	// the text was read when that was not plain.
	const builder = new TableBuilder({
		file,
		kind: 'csv',
		encoding,
		headerRow: options.headerRow,
		delimiter,
		lenient: options.lenient,
		plainCells: plainText(text),
		expectedRows: lineCount(text)
	});
	if (decoded.noBom) builder.addProblem(makeProblem(file, null, null, null, { code: 'utf16_no_bom', params: { encoding: encoding.toUpperCase() } }, 'warning'));
	if (decoded.lines) builder.addProblem(makeProblem(file, null, null, null, { code: 'mixed_encoding', params: decoded.lines }, 'warning'));
	const info = parseCsv(text, (cells, row, line, quirk) => builder.push(cells as Cell[], row, { line, quirk }), {
		delimiter,
		plainLine: (start, end, row) => builder.pushLine(text, start, end, row)
	});
	if (info.unclosedQuoteRow !== null) {
		builder.addProblem(
			makeProblem(file, info.unclosedQuoteRow, null, null, { code: 'unclosed_quote', params: { row: info.unclosedQuoteRow } }, 'error')
		);
	} else noteCutShort(builder, file, info.records, info.endsWithLineEnd, options);
	return builder.finish();
}

/** Line feeds in the text, plus one: at least the number of records (a quoted cell may span lines). */
function lineCount(text: string): number {
	let n = 1;
	for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
	return n;
}

/**
 * Whether no cell of the text can hold U+FFFD, a line break or a quote (what TableBuilder's text checks look for):
 * the text has no quote and no U+FFFD, and every CR ends a line (CRLF), so cells split at line ends hold neither.
 * One native scan per character instead of several per cell.
 */
function plainText(text: string): boolean {
	if (text.includes('"') || text.includes('\uFFFD')) return false;
	for (let cr = text.indexOf('\r'); cr !== -1; cr = text.indexOf('\r', cr + 1)) if (text.charCodeAt(cr + 1) !== 10) return false;
	return true;
}

/** Reads any supported file into a table of cells with source row numbers. */
export async function readSource(name: string, bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<SourceTable> {
	switch (sniffKind(name, bytes)) {
		case 'xlsx':
			// SheetJS (about 1 MB) is its own chunk, loaded with the first workbook, not with the app's start.
			return (await import('./xlsx')).readXlsx(name, bytes, options);
		case 'parquet':
			return readParquet(name, bytes);
		case 'json':
			return readJson(name, bytes);
		default:
			return readCsv(name, bytes, options);
	}
}
