/**
 * Turns an Arrow result into plain rows. Works on the table's shape (numRows, schema, getChildAt) rather than
 * its class, so a second copy of apache-arrow cannot break it.
 */
export interface ArrowLike {
	numRows: number;
	schema: { fields: { name: string; type: { typeId: number; scale?: number } }[] };
	getChildAt(i: number): { get(i: number): unknown } | null;
}

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

export function arrowToRows(table: ArrowLike): Record<string, unknown>[] {
	const fields = table.schema.fields;
	const columns = fields.map((_, i) => table.getChildAt(i));
	const rows: Record<string, unknown>[] = new Array(table.numRows);
	for (let r = 0; r < table.numRows; r++) {
		const row: Record<string, unknown> = {};
		for (let c = 0; c < fields.length; c++) {
			const raw = columns[c]?.get(r) ?? null;
			const type = fields[c].type;
			row[fields[c].name] = type.typeId === ARROW_DECIMAL ? decimalValue(raw, type.scale ?? 0) : plainValue(raw);
		}
		rows[r] = row;
	}
	return rows;
}
