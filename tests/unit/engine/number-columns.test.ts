import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numberColumns } from '../../../src/lib/engine/number-columns';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { Engine } from '../../../src/lib/engine/engine';
import { ResultShapeError } from '../../../src/lib/engine/errors';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 120_000);
afterAll(() => engine?.close());

describe('numberColumns', () => {
	it('joins the record batches of INTEGER and DOUBLE columns into one Float64Array each', async () => {
		// 5,000 rows come as three record batches (2,048 + 2,048 + 904).
		const cols = await numberColumns(engine, 'SELECT i::INTEGER AS i, i / 4 AS q FROM range(5000) t(i) ORDER BY i', ['i', 'q']);
		expect(cols.i).toBeInstanceOf(Float64Array);
		expect(cols.i).toHaveLength(5000);
		// Hand-worked: row 4,097 (the third batch's first) is i = 4096, q = 1024; the last is 4999 and 1249.75.
		expect([cols.i[4096], cols.q[4096], cols.i[4999], cols.q[4999]]).toEqual([4096, 1024, 4999, 1249.75]);
		expect(cols.i.every((v, r) => v === r)).toBe(true);
	});

	it('gives NaN for a null (such a result is read from its table)', async () => {
		const cols = await numberColumns(engine, 'SELECT * FROM (VALUES (1.5, 2), (NULL, 3), (4.25, NULL)) t(a, b)', ['a', 'b']);
		expect([...cols.a]).toEqual([1.5, NaN, 4.25]);
		expect([...cols.b]).toEqual([2, 3, NaN]);
	});

	it('reads the other numeric types from the table by their values, not their stored words', async () => {
		// SMALLINT and FLOAT come as their own typed arrays; BIGINT and DECIMAL (stored as raw integer words) as values.
		const cols = await numberColumns(
			engine,
			`SELECT * FROM (VALUES (-3::SMALLINT, 0.5::FLOAT, 9007199254740991::BIGINT, 1.25::DECIMAL(5, 2)), (7::SMALLINT, -2.25::FLOAT, -4::BIGINT, 30.05::DECIMAL(5, 2))) t(s, f, b, d)`,
			['s', 'f', 'b', 'd']
		);
		expect([...cols.s, ...cols.f, ...cols.b, ...cols.d]).toEqual([-3, 7, 0.5, -2.25, 9007199254740991, -4, 1.25, 30.05]);
	});

	it('refuses text with the row, column and value, and columns other than those named', async () => {
		const text = numberColumns(engine, `SELECT * FROM (VALUES (1, 'x'), (2, 'seven')) t(a, b)`, ['a', 'b']);
		await expect(text).rejects.toBeInstanceOf(ResultShapeError);
		await expect(text).rejects.toThrow(/row 1, b: expected a number, got x/);
		// Both ways of reading: INTEGER columns from the bytes, a null from the table.
		await expect(numberColumns(engine, 'SELECT 1 AS a, 2 AS c', ['a', 'b'])).rejects.toThrow(/expected the columns a, b, got a, c/);
		await expect(numberColumns(engine, 'SELECT 1.5 AS a, NULL::DOUBLE AS b', ['a'])).rejects.toThrow(/expected the columns a, got a, b/);
	});
});
