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
	data?: readonly { values?: unknown; stride?: number; length: number }[];
}

/** Arrow type ids whose toArray() is a plain typed array of the values (Int, Float). */
export const ARROW_INT = 2;
export const ARROW_FLOAT = 3;

/** Arrow's type id for Decimal (apache-arrow `Type.Decimal`); DuckDB gives literals like 88.5 this type. */
const ARROW_DECIMAL = 7;

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

/**
 * One column's values as plain JS. Numeric columns without nulls are read in one go from their typed array
 * (cell-by-cell access costs about 20× more, which matters for city-scale results); others per cell.
 */
function columnValues(col: ArrowColumn | null, type: { typeId: number; scale?: number }, n: number): unknown[] {
	const out = new Array<unknown>(n);
	if (!col) return out.fill(null);
	if ((type.typeId === ARROW_INT || type.typeId === ARROW_FLOAT) && col.nullCount === 0 && col.toArray) {
		const values = col.toArray();
		for (let r = 0; r < n; r++) out[r] = plainValue(values[r]);
		return out;
	}
	if (type.typeId === ARROW_DECIMAL) {
		for (let r = 0; r < n; r++) out[r] = decimalValue(col.get(r), type.scale ?? 0);
		return out;
	}
	for (let r = 0; r < n; r++) out[r] = plainValue(col.get(r) ?? null);
	return out;
}

/** One column of a result as plain JS values (as in {@link arrowToRows}). */
export function arrowColumn(table: ArrowLike, index: number): unknown[] {
	return columnValues(table.getChildAt(index), table.schema.fields[index].type, table.numRows);
}

/** The result column by column (plain JS values, as in {@link arrowToRows}): no row objects for wide, long results. */
export function arrowToColumns(table: ArrowLike): Record<string, unknown[]> {
	return Object.fromEntries(table.schema.fields.map((f, i) => [f.name, arrowColumn(table, i)]));
}

export function arrowToRows(table: ArrowLike): Record<string, unknown>[] {
	const fields = table.schema.fields;
	const n = table.numRows;
	const columns = fields.map((f, i) => columnValues(table.getChildAt(i), f.type, n));
	const rows: Record<string, unknown>[] = new Array(n);
	for (let r = 0; r < n; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < fields.length; c++) row[fields[c].name] = columns[c][r];
		rows[r] = row;
	}
	return rows;
}
