import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Int32, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { plainNumberColumns, type NumberPart } from '../../../src/lib/engine/ipc-numbers';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { QueryError } from '../../../src/lib/engine/errors';

/** `batches` record batches of `rows` rows each, built by `columns(first row of the batch)`. */
function ipcOf(batches: number, rows: number, columns: (from: number) => Record<string, Vector>, format: 'file' | 'stream' = 'stream'): Uint8Array {
	const parts = Array.from({ length: batches }, (_, b) => new Table(columns(b * rows)));
	return tableToIPC(new Table(parts.flatMap((p) => p.batches)), format);
}

const ixAndMean = (rows: number) => (from: number) => ({
	ix: vectorFromArray(Int32Array.from({ length: rows }, (_, r) => from + r - 1000)),
	m: vectorFromArray(Float64Array.from({ length: rows }, (_, r) => (from + r) / 3))
});

const flat = (parts: NumberPart[]) => parts.flatMap((p) => [...p]);

/** The columns' parts alone (their names are checked where the engine reads them). */
const plainNumberParts = (bytes: Uint8Array) => plainNumberColumns(bytes)?.parts ?? null;

describe('plainNumberParts (INTEGER and DOUBLE columns read from the IPC bytes)', () => {
	it('gives every record batch of every column, with the values the Table holds', () => {
		const bytes = ipcOf(5, 1000, ixAndMean(1000));
		const parts = plainNumberParts(bytes)!;
		expect(parts.length).toBe(2);
		expect(parts[0].map((p) => p.length)).toEqual([1000, 1000, 1000, 1000, 1000]);
		expect(parts[0][0]).toBeInstanceOf(Int32Array);
		expect(parts[1][0]).toBeInstanceOf(Float64Array);
		// Hand-worked: row 4321 is batch 4, row 321; ix = 4321 − 1000, m = 4321 / 3.
		expect(parts[0][4][321]).toBe(3321);
		expect(parts[1][4][321]).toBe(4321 / 3);
		const table = new Table(ixAndMean(5000)(0));
		expect(flat(parts[0])).toEqual([...table.getChild('ix')!.toArray()]);
		expect(flat(parts[1])).toEqual([...table.getChild('m')!.toArray()]);
	});

	it("reads bytes that do not start on an aligned offset (copied, same values); leaves a file with its schema only in the footer to the Table", () => {
		// apache-arrow's own file writer puts the schema in the footer only (DuckDB's writes it first too: the engine tests below).
		expect(plainNumberParts(ipcOf(3, 700, ixAndMean(700), 'file'))).toBeNull();
		const bytes = ipcOf(2, 500, ixAndMean(500));
		const shifted = new Uint8Array(bytes.length + 3).subarray(3);
		shifted.set(bytes);
		const parts = plainNumberParts(shifted)!;
		expect(flat(parts[0])).toEqual(flat(plainNumberParts(bytes)![0]));
		expect(flat(parts[1])).toEqual(flat(plainNumberParts(bytes)![1]));
	});

	it('gives the columns without parts for a result of no rows', () => {
		const empty = tableToIPC(new Table(ixAndMean(0)(0)).slice(0, 0), 'stream');
		const parts = plainNumberParts(empty);
		expect(parts?.length).toBe(2);
		expect(parts?.flat().reduce((n, p) => n + p.length, 0)).toBe(0);
	});

	it('refuses what it does not read: a null, text, BIGINT, FLOAT', () => {
		const withNull = ipcOf(2, 10, (from) => ({ ix: vectorFromArray(Array.from({ length: 10 }, (_, r) => (from + r === 13 ? null : from + r)), new Int32()) }));
		expect(plainNumberParts(withNull)).toBeNull();
		expect(plainNumberParts(ipcOf(1, 10, () => ({ name: vectorFromArray(Array.from({ length: 10 }, (_, r) => `小区${r}`), new Utf8()) })))).toBeNull();
		expect(plainNumberParts(ipcOf(1, 10, () => ({ n: vectorFromArray(BigInt64Array.from({ length: 10 }, (_, r) => BigInt(r))) })))).toBeNull();
		expect(plainNumberParts(ipcOf(1, 10, () => ({ x: vectorFromArray(Float32Array.from({ length: 10 }, (_, r) => r)) })))).toBeNull();
		// One plain column beside one that is not: the whole result goes to the Table.
		expect(plainNumberParts(ipcOf(1, 10, () => ({ m: vectorFromArray(Float64Array.from({ length: 10 }, (_, r) => r)), name: vectorFromArray(Array.from({ length: 10 }, () => 'x'), new Utf8()) })))).toBeNull();
	});
});

describe('Engine.numberParts on DuckDB-wasm', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await startNodeEngine();
	});
	afterAll(async () => {
		await engine.close();
	});

	it("gives DuckDB's INTEGER and DOUBLE columns as parts, the same values as its Arrow table", async () => {
		const sql = `SELECT (i * 7 % 1000)::INTEGER AS ix, i / 8 AS m FROM range(10000) t(i)`;
		// duckdb-wasm sends results in the IPC file format, its schema first.
		const result = await engine.numberParts(sql);
		expect('parts' in result).toBe(true);
		const parts = (result as { parts: NumberPart[][] }).parts;
		// DuckDB sends its vectors of 2,048 rows as record batches.
		expect(parts[0].reduce((n, p) => n + p.length, 0)).toBe(10000);
		expect(parts[0].length).toBeGreaterThan(1);
		expect(flat(parts[0])).toEqual(Array.from({ length: 10000 }, (_, i) => (i * 7) % 1000));
		expect(flat(parts[1])).toEqual((await engine.columns(sql)).m);
		expect(flat(parts[1])[9999]).toBe(9999 / 8);
	});

	it('gives the Arrow table of any other result: a null, text, BIGINT', async () => {
		for (const sql of [`SELECT CASE WHEN i = 5 THEN NULL ELSE i END::INTEGER AS k FROM range(10) t(i)`, `SELECT '小区' || i AS name FROM range(3) t(i)`, `SELECT i FROM range(3) t(i)`]) {
			const result = await engine.numberParts(sql);
			expect('table' in result).toBe(true);
			expect((result as { table: { numRows: number } }).table.numRows).toBeGreaterThan(0);
		}
	});

	it('reports a failed query with its SQL, and counts a statement that may write', async () => {
		await expect(engine.numberParts('SELECT no_such_column FROM range(3)')).rejects.toBeInstanceOf(QueryError);
		const before = engine.writeCount;
		await engine.numberParts('CREATE TABLE t_ipc AS SELECT 1::INTEGER AS a');
		expect(engine.writeCount).toBe(before + 1);
		const read = await engine.numberParts('SELECT a FROM t_ipc');
		expect(read).toEqual({ names: ['a'], parts: [[Int32Array.of(1)]] });
		expect(engine.writeCount).toBe(before + 1);
	});
});
