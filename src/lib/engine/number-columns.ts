/**
 * A result whose columns are all numbers, one Float64Array per column (NaN for null): read from the result's bytes
 * where the backend gives them (Engine.numberParts), otherwise from its Arrow table ({@link numericValues}). Read as
 * plain values, a city's base table (13,000 estates × 7 columns) was 91,000 boxed numbers in one task of the
 * district's first visit (docs/performance.md, session 28).
 */
import type { Engine } from './engine';
import { ResultShapeError } from './errors';
import { ARROW_FLOAT, ARROW_INT, arrowColumn, type ArrowLike } from './arrow-rows';
import type { NumberPart } from './ipc-numbers';

/** The columns of `sql`'s result, which must be exactly `names` in that order, as Float64Arrays (NaN for null). */
export async function numberColumns<N extends string>(engine: Engine, sql: string, names: readonly N[]): Promise<Record<N, Float64Array>> {
	const result = await engine.numberParts(sql);
	const out = {} as Record<N, Float64Array>;
	const fields = 'parts' in result ? result.names : result.table.schema.fields.map((f) => f.name);
	if (fields.length !== names.length || names.some((name, c) => fields[c] !== name)) {
		throw new ResultShapeError(sql, `expected the columns ${names.join(', ')}, got ${fields.join(', ')}`);
	}
	if ('parts' in result) {
		names.forEach((name, c) => (out[name] = joined(result.parts[c])));
		return out;
	}
	const { table } = result;
	names.forEach((name, c) => {
		const values = numericValues(table, c, true);
		if (!values) {
			const plain = arrowColumn(table, c);
			const i = plain.findIndex((v) => v !== null && typeof v !== 'number');
			throw new ResultShapeError(sql, `row ${i + 1}, ${name}: expected a number, got ${String(plain[i])}`);
		}
		const col = new Float64Array(values.length);
		for (let i = 0; i < values.length; i++) col[i] = values[i] ?? NaN;
		out[name] = col;
	});
	return out;
}

/** Typed arrays whose elements are the values themselves: not a half float's raw bits, not 64-bit integers. */
export const isNumberArray = (v: unknown): v is Int8Array | Int16Array | Int32Array | Uint8Array | Uint32Array | Float32Array | Float64Array =>
	v instanceof Int32Array || v instanceof Float64Array || v instanceof Float32Array || v instanceof Int16Array || v instanceof Int8Array ||
	v instanceof Uint32Array || v instanceof Uint8Array;

/**
 * A numeric column of an Arrow result: its own typed array when it is an Arrow integer or float without a null
 * (duckdb-wasm's Arrow), otherwise its values one by one (the native adapter's columns, nulls, BIGINT, DECIMAL);
 * null if a value is neither a number nor, when `nullable`, a null. Only integer and float columns take the typed
 * path: a DECIMAL's or a DATE's typed array holds raw words, not values.
 */
export function numericValues(table: ArrowLike, index: number, nullable = false): ArrayLike<number | null> | null {
	const col = table.getChildAt(index);
	const typeId = table.schema.fields[index]?.type.typeId;
	if (col && col.nullCount === 0 && col.toArray && (typeId === ARROW_INT || typeId === ARROW_FLOAT)) {
		const values = col.toArray();
		if (isNumberArray(values)) return values;
	}
	const values = arrowColumn(table, index);
	return values.every((v) => typeof v === 'number' || (nullable && v === null)) ? (values as (number | null)[]) : null;
}

/** One column's record batches as one array (a copy: the parts are views of the whole result's bytes). */
function joined(parts: readonly NumberPart[]): Float64Array {
	let n = 0;
	for (const p of parts) n += p.length;
	const out = new Float64Array(n);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
