/**
 * From a file's name and bytes to a {@link SourceTable}: the format is told by the bytes (zip or OLE
 * workbook, parquet magic, JSON text) with the extension as a fallback, then the matching reader runs.
 */
import { detectDelimiter, parseCsv } from './csv';
import { asBytes, decodeText } from './decode';
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
	} else if (!info.endsWithLineEnd && builder.lastDataRow() === info.records && info.records > 1) {
		// The last record has no line end and is data: a file cut short ends like this, mid-row or mid-value.
		builder.addProblem(makeProblem(file, info.records, null, null, { code: 'unterminated_last_row' }, builder.rowSeverity()));
	}
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
