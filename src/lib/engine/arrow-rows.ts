/**
 * Turns an Arrow result into plain rows. Works on the table's shape (numRows, schema, getChildAt) rather than
 * its class, so a second copy of apache-arrow cannot break it.
 */
export interface ArrowLike {
	numRows: number;
	schema: { fields: { name: string; type: { typeId: number; scale?: number } }[] };
	getChildAt(i: number): ArrowColumn | null;
}

/** The parts of an Arrow vector used here. */
export interface ArrowColumn {
	get(i: number): unknown;
	nullCount?: number;
	toArray?(): ArrayLike<unknown>;
	/** Its record batches' data (apache-arrow's Vector.data): value i of a batch at `values[stride × i]`. */
	data?: readonly ArrowData[];
}

/** The parts of one record batch's data used here (apache-arrow's Data). */
interface ArrowData {
	values?: unknown;
	stride?: number;
	length: number;
	/** utf8: byte offsets of each value in `values` (length + 1 of them). */
	valueOffsets?: unknown;
	nullCount?: number;
	getValid?(index: number): boolean;
}

/** Arrow type ids whose toArray() is a plain typed array of the values (Int, Float). */
export const ARROW_INT = 2;
export const ARROW_FLOAT = 3;

/** Arrow's type id for Decimal (apache-arrow `Type.Decimal`); DuckDB gives literals like 88.5 this type. */
const ARROW_DECIMAL = 7;

/** Arrow's type id for Utf8 (32-bit offsets): DuckDB's VARCHAR. */
const ARROW_UTF8 = 5;

/** Strict, and keeping a leading U+FEFF as text (as it is in the table). */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A utf8 column's texts, one decoder call per record batch instead of one per value (Arrow's `get`, which also
 * searches the value's batch first): value by value, the city's estates' texts were the longest task of the district's
 * first visit in a cold page (docs/performance.md). Each value is the slice of its batch's text between the UTF-16 positions of its first and
 * last byte: a UTF-8 sequence is one UTF-16 unit, a four-byte one two. Null where the batch's layout is not the
 * plain one read here or its bytes are not UTF-8; the caller then reads value by value.
 */
export function utf8Texts(col: ArrowColumn, n: number): (string | null)[] | null {
	const chunks = col.data;
	if (!chunks) return null;
	const out = new Array<string | null>(n);
	let r = 0;
	for (const d of chunks) {
		const { values, valueOffsets: offsets, length } = d;
		if (!(values instanceof Uint8Array) || !(offsets instanceof Int32Array) || offsets.length < length + 1 || r + length > n) return null;
		let text: string;
		try {
			text = utf8.decode(values.subarray(offsets[0], offsets[length]));
		} catch {
			return null;
		}
		const nulls = (d.nullCount ?? 0) > 0;
		if (nulls && typeof d.getValid !== 'function') return null;
		if (text.length === offsets[length] - offsets[0]) {
			// As many UTF-16 units as bytes: all ASCII, so byte offsets are text positions.
			for (let i = 0; i < length; i++) out[r++] = nulls && !d.getValid!(i) ? null : text.slice(offsets[i] - offsets[0], offsets[i + 1] - offsets[0]);
			continue;
		}
		let unit = 0;
		let b = offsets[0];
		for (let i = 0; i < length; i++) {
			const from = unit;
			for (const end = offsets[i + 1]; b < end; b++) {
				const x = values[b];
				if ((x & 0xc0) !== 0x80) unit += x >= 0xf0 ? 2 : 1;
			}
			out[r++] = nulls && !d.getValid!(i) ? null : text.slice(from, unit);
		}
		if (unit !== text.length) return null;
	}
	return r === n ? out : null;
}

/** DuckDB returns counts and BIGINT columns as bigint; the UI and zod want numbers. */
export function plainValue(v: unknown): unknown {
	if (typeof v === 'bigint') return Number(v);
	if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
		if (Array.isArray(v)) return v.map(plainValue);
		if ('toJSON' in v && typeof v.toJSON === 'function') return plainValue(v.toJSON());
	}
	return v;
}

/** A Decimal arrives as an unscaled big number; its string form is the integer, so divide by 10^scale. */
function decimalValue(v: unknown, scale: number): number | null {
	if (v === null || v === undefined) return null;
	return Number(String(v)) / 10 ** scale;
}

/** What a column's conversion reads once and keeps between slices: its typed array, or its texts (null: unreadable at once). */
interface ColumnCache {
	values?: ArrayLike<unknown>;
	texts?: (string | null)[] | null;
}

/**
 * A column's values [from, to) as plain JS, written to out[from..to) (`n`: the column's length). Numeric columns
 * without nulls are read from their typed array (cell-by-cell access costs about 20× more, which matters for
 * city-scale results), text columns a record batch at a time (`typed` keeps either once read); others per cell.
 */
function columnRange(col: ArrowColumn, type: { typeId: number; scale?: number }, typed: ColumnCache, out: unknown[], from: number, to: number, n: number): void {
	if ((type.typeId === ARROW_INT || type.typeId === ARROW_FLOAT) && col.nullCount === 0 && col.toArray) {
		const values = (typed.values ??= col.toArray());
		for (let r = from; r < to; r++) out[r] = plainValue(values[r]);
		return;
	}
	if (type.typeId === ARROW_UTF8) {
		if (typed.texts === undefined) typed.texts = utf8Texts(col, n);
		const texts = typed.texts;
		if (texts) {
			for (let r = from; r < to; r++) out[r] = texts[r];
			return;
		}
	}
	if (type.typeId === ARROW_DECIMAL) {
		for (let r = from; r < to; r++) out[r] = decimalValue(col.get(r), type.scale ?? 0);
		return;
	}
	for (let r = from; r < to; r++) out[r] = plainValue(col.get(r) ?? null);
}

/** One column's values as plain JS. */
function columnValues(col: ArrowColumn | null, type: { typeId: number; scale?: number }, n: number): unknown[] {
	const out = new Array<unknown>(n);
	if (!col) return out.fill(null);
	columnRange(col, type, {}, out, 0, n, n);
	return out;
}

/** One column of a result as plain JS values (as in {@link arrowToRowsSteps}). */
export function arrowColumn(table: ArrowLike, index: number): unknown[] {
	return columnValues(table.getChildAt(index), table.schema.fields[index].type, table.numRows);
}

/** The result column by column (plain JS values, as in {@link arrowToRowsSteps}): no row objects for wide, long results. */
export function arrowToColumns(table: ArrowLike): Record<string, unknown[]> {
	return Object.fromEntries(table.schema.fields.map((f, i) => [f.name, arrowColumn(table, i)]));
}

/** Rows converted between two chances to end the task (see {@link arrowToRowsSteps}). */
export const ROWS_PER_STEP = 256;

/**
 * The result as plain rows, a slice of rows per step: run by `runSteps`, a large result (a city's 13,000 estates with
 * their texts: 70 ms and more in Chromium) no longer holds the page in one task, and a small one stays in one.
 */
export function* arrowToRowsSteps(table: ArrowLike, perStep = ROWS_PER_STEP): Generator<void, Record<string, unknown>[], void> {
	const fields = table.schema.fields;
	const n = table.numRows;
	const cols = fields.map((_, i) => table.getChildAt(i));
	const typed = fields.map((): ColumnCache => ({}));
	const columns = fields.map(() => new Array<unknown>(n));
	const rows: Record<string, unknown>[] = new Array(n);
	for (let from = 0; from < n; from += perStep) {
		const to = Math.min(n, from + perStep);
		for (let c = 0; c < fields.length; c++) {
			const col = cols[c];
			if (col) columnRange(col, fields[c].type, typed[c], columns[c], from, to, n);
			else columns[c].fill(null, from, to);
		}
		for (let r = from; r < to; r++) {
			const row: Record<string, unknown> = {};
			for (let c = 0; c < fields.length; c++) row[fields[c].name] = columns[c][r];
			rows[r] = row;
		}
		if (to < n) yield;
	}
	return rows;
}
