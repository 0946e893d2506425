/**
 * The one CSV writer for every CSV file the app or the command line hands to a person (problem lists,
 * templates, subsidy plans, `zhijia analyze --csv`): RFC 4180 quoting, CRLF line ends, and formula injection
 * neutralised. A TEXT cell that starts with = + - @ (or a tab or carriage return) would be run as a formula by
 * Excel or LibreOffice (OWASP "CSV injection"), so it gets a leading apostrophe; numbers are written as numbers
 * and never touched, so −5 stays −5. Pure TypeScript, no dependencies: domain, import and CLI code share it.
 *
 * Not for the importer's internal staging CSV (stage.ts), which DuckDB reads back and must stay byte-exact.
 */

/** A cell: text, a number, a boolean, or empty. */
export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet read a text cell as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe for spreadsheets: a leading apostrophe when it would start a formula. */
export function neutraliseText(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Quotes text when CSV needs it: the delimiter, a quote, a line break, or spaces at either end. */
export function quoteCsv(text: string, delimiter = ','): string {
	if (text === '') return text;
	const needs = text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r') || text.trim() !== text;
	return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV field: empty for null, numbers as numbers (non-finite as empty), booleans as TRUE/FALSE, text neutralised and quoted. */
export function csvField(value: CsvValue, delimiter = ','): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
	return quoteCsv(neutraliseText(value), delimiter);
}

/** Rows as CSV text with CRLF line ends (what Excel writes and expects); no byte-order mark. */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
	return rows.map((r) => r.map((v) => csvField(v)).join(',')).join('\r\n') + '\r\n';
}

/** Rows as CSV text for Excel: a UTF-8 byte-order mark first (Chinese Excel needs it to read UTF-8), then {@link csvText}. */
export function csvTextWithBom(rows: readonly (readonly CsvValue[])[]): string {
	return '\uFEFF' + csvText(rows);
}
