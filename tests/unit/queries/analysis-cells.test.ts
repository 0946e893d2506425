import { describe, expect, it } from 'vitest';
import { tableFromArrays, type Table } from 'apache-arrow';
import { readCells } from '../../../src/lib/queries/analysis-cells';
import type { Engine } from '../../../src/lib/engine/engine';

/** An engine whose one query answers with `table` read as an Arrow table (a null slot, or the native engine). */
const asTable = (table: Table) => ({ numberParts: async () => ({ table }) }) as unknown as Engine;
/** The same answer as typed arrays per record batch, as Engine.numberParts reads duckdb-wasm's bytes. */
const asParts = (table: Table) =>
	({ numberParts: async () => ({ parts: [0, 1, 2].map((c) => table.batches.map((b) => b.getChildAt(c)!.toArray())) }) }) as unknown as Engine;
const batch = (ix: number[], k: (number | null)[], m: number[]) =>
	tableFromArrays({ ix: Int32Array.from(ix), k: k.some((x) => x === null) ? k : Int32Array.from(k as number[]), m: Float64Array.from(m) });

// Two indicators a, b (slots 0, 1), satisfaction (slot 2); the period before: slots 3-5.
const CODES = ['a', 'b'];
const SQL = 'SELECT ix, k, m FROM the_rows';

describe.each([
	['an Arrow table', asTable],
	['typed arrays from the bytes', asParts]
])('readCells: score rows pivoted into the fit columns as means, read as %s', (_, answering) => {
	it('reads means spread over several record batches into the right estate and slot', async () => {
		const t = batch([0, 1], [0, 0], [80, 70]).concat(batch([0, 2], [1, 5], [90, 60]), batch([1], [2], [75]));
		expect(t.batches.length).toBe(3);
		const c = await readCells(answering(t), SQL, CODES, [true, true, true]);
		expect(Array.from(c.current[0])).toEqual([80, 70, NaN]);
		expect(Array.from(c.current[1])).toEqual([90, NaN, NaN]);
		expect(Array.from(c.satisfaction)).toEqual([NaN, 75, NaN]);
		expect(Array.from(c.previousSatisfaction)).toEqual([NaN, NaN, 60]);
		expect(c.previous.map((col) => Array.from(col))).toEqual([[NaN, NaN, NaN], [NaN, NaN, NaN]]);
	});

	it('names the row across batches when a mean points outside the estates', async () => {
		const t = batch([0, 1], [0, 0], [80, 70]).concat(batch([1, 7], [1, 1], [60, 50]));
		await expect(readCells(answering(t), SQL, CODES, [true, true])).rejects.toThrow(/row 4: slot 1 of estate 7 is outside 6 slots × 2 estates/);
	});

	it('reads a city-sized table in many batches (more rows than one pivot step) the same as one batch', async () => {
		const n = 13_000;
		const ix: number[] = [], k: number[] = [], m: number[] = [];
		for (let i = 0; i < n; i++) for (const s of [0, 1, 3]) { ix.push(i); k.push(s); m.push((i % 97) + s); }
		const parts: Table[] = [];
		for (let at = 0; at < ix.length; at += 2048) parts.push(batch(ix.slice(at, at + 2048), k.slice(at, at + 2048), m.slice(at, at + 2048)));
		const many = parts[0].concat(...parts.slice(1));
		expect(many.batches.length).toBe(Math.ceil((3 * n) / 2048));
		const got = await readCells(answering(many), SQL, CODES, new Array(n).fill(true));
		for (const i of [0, 2047, 2048, 6000, n - 1]) {
			expect([got.current[0][i], got.current[1][i], got.previous[0][i]]).toEqual([i % 97, (i % 97) + 1, (i % 97) + 3]);
		}
		const one = await readCells(answering(batch(ix, k, m)), SQL, CODES, new Array(n).fill(true));
		expect(got.current.map((c) => Array.from(c))).toEqual(one.current.map((c) => Array.from(c)));
		expect(got.previous.map((c) => Array.from(c))).toEqual(one.previous.map((c) => Array.from(c)));
	});

	it('averages the scores of one estate and slot, wherever their rows are', async () => {
		// Estate 0, slot a: 80, 70 and 90 in three batches → (80 + 70 + 90) / 3 = 80. Estate 1, slot b: 61 and 64 →
		// 62.5. Estate 1, slot a: one score, 55, kept as it is. Satisfaction of estate 0: 70 and 71 → 70.5.
		const t = batch([0, 1, 1], [0, 1, 0], [80, 61, 55]).concat(batch([0, 1, 0], [0, 1, 2], [70, 64, 70]), batch([0, 0], [0, 2], [90, 71]));
		const c = await readCells(answering(t), SQL, CODES, [true, true]);
		expect(Array.from(c.current[0])).toEqual([80, 55]);
		expect(Array.from(c.current[1])).toEqual([NaN, 62.5]);
		expect(Array.from(c.satisfaction)).toEqual([70.5, NaN]);
	});

	it('leaves out the elevator scores of an estate without elevators, and averages the others', async () => {
		// Codes a, elevator: estate 0 has no elevators, so its 10 and 20 are left out; estate 1's 60 and 90 → 75.
		const t = batch([0, 1, 0, 1], [1, 1, 1, 1], [10, 60, 20, 90]);
		const c = await readCells(answering(t), SQL, ['a', 'elevator'], [false, true]);
		expect(Array.from(c.current[1])).toEqual([NaN, 75]);
	});
});

describe('readCells refuses rows it cannot place', () => {
	it('names the query when a slot is null (the query leaves out indicators outside the system)', async () => {
		const t = batch([0], [0], [80]).concat(batch([1, 1], [null, 1], [10, 65]));
		await expect(readCells(asTable(t), SQL, CODES, [true, true])).rejects.toThrow(/no null estate, slot or score[\s\S]*the_rows/);
	});
});
