import { describe, expect, it } from 'vitest';
import { Float64, Int32, RecordBatchReader, Schema, Field, Table, tableToIPC, Utf8, vectorFromArray, makeData, RecordBatch, Struct } from 'apache-arrow';
import { tableInSteps } from '../../../src/lib/engine/ipc-steps';

/** A table of `batches` record batches of `rows` rows each, as duckdb-wasm's worker sends results (IPC file format). */
function ipcOf(batches: number, rows: number): Uint8Array {
	const parts = Array.from({ length: batches }, (_, b) =>
		new Table({
			ix: vectorFromArray(Int32Array.from({ length: rows }, (_, r) => b * rows + r)),
			m: vectorFromArray(Float64Array.from({ length: rows }, (_, r) => (b * rows + r) / 4)),
			// Plain text as DuckDB sends it (not dictionary-coded, which would give each part its own dictionary).
			name: vectorFromArray(Array.from({ length: rows }, (_, r) => `小区${b * rows + r}`), new Utf8())
		})
	);
	return tableToIPC(new Table(parts.flatMap((p) => p.batches)), 'file');
}

describe('tableInSteps (a query result read a record batch at a time)', () => {
	it('gives the table duckdb-wasm would: the same schema, batches and values', async () => {
		const bytes = ipcOf(5, 1000);
		const expected = new Table(RecordBatchReader.from(bytes));
		const got = await tableInSteps(bytes);
		expect(got.batches.length).toBe(5);
		expect(got.numRows).toBe(5000);
		expect(got.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual(expected.schema.fields.map((f) => `${f.name}:${f.type}`));
		expect(got.getChild('ix')?.get(4321)).toBe(4321);
		expect(got.getChild('m')?.get(4321)).toBe(4321 / 4);
		expect(got.getChild('name')?.get(4999)).toBe('小区4999');
		expect(got.toArray().map((r) => r.toJSON())).toEqual(expected.toArray().map((r) => r.toJSON()));
	});

	it('ends its task between batches once the budget is spent, and still reads every batch', async () => {
		const bytes = ipcOf(4, 10);
		let done = false;
		// A budget of 0: the task ends after every batch, so the read is not over once this task's microtasks ran
		// (a read in one task would be).
		const reading = tableInSteps(bytes, 0).then((t) => ((done = true), t));
		for (let i = 0; i < 50; i++) await Promise.resolve();
		expect(done).toBe(false);
		const got = await reading;
		expect(got.numRows).toBe(40);
		expect([...got.getChild('ix')!]).toEqual(Array.from({ length: 40 }, (_, i) => i));
	});

	it('reads a small result in the task it was given when the budget allows', async () => {
		let done = false;
		const reading = tableInSteps(ipcOf(2, 10), 10_000).then(() => (done = true));
		for (let i = 0; i < 50; i++) await Promise.resolve();
		expect(done).toBe(true);
		await reading;
	});

	it('reads a result of no rows as duckdb-wasm does (an empty table)', async () => {
		const schema = new Schema([new Field('ix', new Int32()), new Field('m', new Float64()), new Field('name', new Utf8())]);
		const empty = new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: 0, nullCount: 0, children: schema.fields.map((f) => makeData({ type: f.type, length: 0 })) }));
		const bytes = tableToIPC(new Table([empty]), 'file');
		const expected = new Table(RecordBatchReader.from(bytes));
		const got = await tableInSteps(bytes);
		expect(got.numRows).toBe(0);
		expect(got.schema.fields.length).toBe(expected.schema.fields.length);
	});
});
