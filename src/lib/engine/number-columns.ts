/**
 * A result whose columns are all numbers, one Float64Array per column (NaN for null): read from the result's bytes
 * where the backend gives them (Engine.numberParts), otherwise from its Arrow table value by value. Read as plain
 * values, a city's base table (13,000 estates × 7 columns) was 91,000 boxed numbers in one task of the district's
 * first visit (docs/performance.md, session 28).
 */
import type { Engine } from './engine';
import { ResultShapeError } from './errors';
import { arrowColumn } from './arrow-rows';
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
		const values = arrowColumn(table, c);
		const col = new Float64Array(values.length);
		for (let i = 0; i < values.length; i++) {
			const v = values[i];
			if (v === null) col[i] = NaN;
			else if (typeof v === 'number') col[i] = v;
			else throw new ResultShapeError(sql, `row ${i + 1}, ${name}: expected a number, got ${String(v)}`);
		}
		out[name] = col;
	});
	return out;
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
