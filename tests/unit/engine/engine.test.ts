import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { QueryError, ResultShapeError } from '../../../src/lib/engine/errors';
import { sharedPromise } from '../../../src/lib/engine/shared-promise';
import { arrowToRowsSteps, utf8Texts } from '../../../src/lib/engine/arrow-rows';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
});
afterAll(async () => {
	await engine?.close();
});

describe('engine on the real duckdb-wasm (Node, blocking build)', () => {
	it('turns extension autoloading off at start', async () => {
		const rows = await engine.rows(
			"SELECT value FROM duckdb_settings() WHERE name IN ('autoload_known_extensions','autoinstall_known_extensions') ORDER BY name"
		);
		expect(rows.map((r) => r.value)).toEqual(['false', 'false']);
	});

	it('keeps tables in a compressed in-memory database (text dictionary-coded, not stored as full values)', async () => {
		await engine.exec(`CREATE TABLE compressed_probe AS SELECT 'E' || (i % 50) AS estate_id, '2025-0' || (i % 9 + 1) AS period FROM range(200000) t(i)`);
		// Compression is applied when DuckDB checkpoints: on its own after a large write (a load or an import commit),
		// here on request.
		await engine.exec('CHECKPOINT');
		const rows = await engine.rows(
			`SELECT DISTINCT column_name, compression FROM pragma_storage_info('compressed_probe') WHERE segment_type = 'VARCHAR' ORDER BY ALL`
		);
		// 50 and 9 distinct values in 200,000 rows: the default in-memory database would still say 'Uncompressed'.
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => String(r.compression).startsWith('DICT'))).toBe(true);
		expect(await engine.scalar(`SELECT count(*)::INTEGER AS n FROM compressed_probe WHERE period = '2025-03'`)).toBe(22222);
		await engine.exec('DROP TABLE compressed_probe');
	});

	it('casts counts (bigint) to numbers', async () => {
		const rows = await engine.rows('SELECT count(*) AS n, 2::BIGINT * 21 AS answer FROM range(5)');
		expect(rows).toEqual([{ n: 5, answer: 42 }]);
		expect(typeof rows[0].n).toBe('number');
	});

	it('keeps Chinese text intact through a CSV file', async () => {
		await engine.registerFileText('t.csv', 'estate_id,name\nE1,临江花园\nE2,"东苑, 二期"\n');
		const rows = await engine.rows("SELECT name FROM read_csv('t.csv', header = true) ORDER BY estate_id");
		expect(rows.map((r) => r.name)).toEqual(['临江花园', '东苑, 二期']);
	});

	it('a failed query becomes an error that carries the SQL', async () => {
		const sql = 'SELECT no_such_column FROM range(1)';
		const err = await engine.rows(sql).catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
		expect((err as QueryError).sql).toBe(sql);
		expect((err as Error).message).toContain('no_such_column');
		expect((err as Error).message).toContain('while running');
	});

	it('a missing extension is a clean catalog error, not a hang', async () => {
		const err = await engine.rows("SELECT * FROM read_parquet('x.parquet')").catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
		expect(String(err.message)).toMatch(/parquet|Catalog/i);
	});

	it('checks domain rows with zod at the boundary', async () => {
		const schema = z.object({ id: z.string(), score: z.number().min(0).max(100) });
		await expect(engine.parse("SELECT 'A' AS id, 88.5 AS score", schema)).resolves.toEqual([{ id: 'A', score: 88.5 }]);
		await expect(engine.rows("SELECT -1.25::DECIMAL(18,3) AS d, 7.5::DOUBLE AS f")).resolves.toEqual([{ d: -1.25, f: 7.5 }]);
		const err = await engine.parse("SELECT 'A' AS id, 120.0 AS score", schema).catch((e) => e);
		expect(err).toBeInstanceOf(ResultShapeError);
		expect(err.message).toContain('row 1, score');
	});

	it('a transaction that fails changes nothing', async () => {
		await engine.exec('CREATE TABLE t_tx (x INTEGER PRIMARY KEY)');
		await engine.exec('INSERT INTO t_tx VALUES (1)');
		await expect(engine.transaction(['INSERT INTO t_tx VALUES (2)', 'INSERT INTO t_tx VALUES (1)'])).rejects.toBeInstanceOf(
			QueryError
		);
		expect(await engine.scalar('SELECT count(*) FROM t_tx')).toBe(1);
	});

	it('counts the statements that may change a table, and not the reads (what caches check)', async () => {
		const start = engine.writeCount;
		await engine.rows('SELECT 1 AS x');
		await engine.scalar('  select count(*) FROM range(3)');
		expect(engine.writeCount).toBe(start);
		await engine.exec('CREATE TABLE t_w (x INTEGER)');
		await engine.exec('INSERT INTO t_w VALUES (1)');
		await engine.transaction(['DELETE FROM t_w']);
		// CREATE, INSERT, then BEGIN, DELETE and COMMIT of the transaction.
		expect(engine.writeCount).toBe(start + 5);
	});
});

describe('sharedPromise', () => {
	it('starts once however many callers ask, and retries after a failure', async () => {
		let starts = 0;
		let fail = true;
		const shared = sharedPromise(async () => {
			starts++;
			if (fail) throw new Error('boom');
			return starts;
		});
		await expect(Promise.all([shared.get(), shared.get()])).rejects.toThrow('boom');
		expect(starts).toBe(1);
		fail = false;
		const [a, b, c] = await Promise.all([shared.get(), shared.get(), shared.get()]);
		expect([a, b, c]).toEqual([2, 2, 2]);
		expect(starts).toBe(2);
	});
});

describe('result conversion', () => {
	it('reads numeric columns with and without nulls, bigints, decimals, booleans and text alike', async () => {
		const engine = await startNodeEngine();
		const rows = await engine.rows(`
			SELECT i::INTEGER AS i, i * 1.5::DOUBLE AS f, CASE WHEN i % 2 = 0 THEN NULL ELSE i::DOUBLE END AS maybe,
			       i::BIGINT * 3 AS big, (i / 4)::DECIMAL(10, 2) AS dec, i > 1 AS flag, 'E' || i AS label
			FROM range(4) t(i) ORDER BY i`);
		expect(rows).toEqual([
			{ i: 0, f: 0, maybe: null, big: 0, dec: 0, flag: false, label: 'E0' },
			{ i: 1, f: 1.5, maybe: 1, big: 3, dec: 0.25, flag: false, label: 'E1' },
			{ i: 2, f: 3, maybe: null, big: 6, dec: 0.5, flag: true, label: 'E2' },
			{ i: 3, f: 4.5, maybe: 3, big: 9, dec: 0.75, flag: true, label: 'E3' }
		]);
		await engine.close();
	});

	it('converts a result of several thousand rows in steps, every row and column in place (a slice per step)', async () => {
		const engine = await startNodeEngine();
		// 5,000 rows (the steps below: slices of 2,048, 2,048 and 904); each row's values follow from i alone.
		const sql = `SELECT i::INTEGER AS i, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END AS half, '小区' || i AS name
			FROM range(5000) t(i) ORDER BY i`;
		const rows = await engine.rows(sql);
		expect(rows).toHaveLength(5000);
		expect(rows[0]).toEqual({ i: 0, half: null, name: '小区0' });
		expect(rows[2047]).toEqual({ i: 2047, half: 1023.5, name: '小区2047' });
		expect(rows[2048]).toEqual({ i: 2048, half: 1024, name: '小区2048' });
		expect(rows[4999]).toEqual({ i: 4999, half: 2499.5, name: '小区4999' });
		expect(rows.filter((r) => r.half === null)).toHaveLength(1667); // i = 0, 3, …, 4998
		// The steps themselves: one pause between two slices, none after the last.
		const steps = arrowToRowsSteps(await engine.arrow(sql), 2048);
		let pauses = 0;
		let r = steps.next();
		for (; !r.done; r = steps.next()) pauses++;
		expect(pauses).toBe(2);
		expect(r.value).toEqual(rows);
		// A row past the first slice that fails its schema is named by its own number.
		const schema = z.object({ i: z.number().max(2999) });
		const err = await engine.parse('SELECT i::INTEGER AS i FROM range(5000) t(i) ORDER BY i', schema).catch((e) => e);
		expect(err).toBeInstanceOf(ResultShapeError);
		expect(err.message).toContain('row 3001, i');
		await engine.close();
	});

	it('reads texts a record batch at a time: ASCII, Chinese, four-byte characters, empty texts and nulls, as Arrow reads each value', async () => {
		const engine = await startNodeEngine();
		// 5,000 rows over three record batches; row i's text follows from i % 5.
		const table = await engine.arrow(`
			SELECT CASE i % 5 WHEN 0 THEN 'E' || i WHEN 1 THEN '锦绣花园' || i || '期' WHEN 2 THEN '🏠' || i || '号楼' WHEN 3 THEN '' ELSE NULL END AS t
			FROM range(5000) t(i) ORDER BY i`);
		const col = table.getChildAt(0)!;
		expect(col.data!.length).toBeGreaterThan(1);
		const texts = utf8Texts(col, 5000);
		expect(texts).not.toBeNull();
		expect(texts!.slice(0, 6)).toEqual(['E0', '锦绣花园1期', '🏠2号楼', '', null, 'E5']);
		expect(texts![4997]).toBe('🏠4997号楼');
		expect(texts![4999]).toBeNull();
		// Every value as Arrow's own reader gives it.
		for (let i = 0; i < 5000; i++) expect(texts![i]).toBe(col.get(i));
		expect((await engine.rows('SELECT t FROM (VALUES (1, NULL), (2, \'甲🏠乙\')) v(k, t) ORDER BY k')).map((r) => r.t)).toEqual([null, '甲🏠乙']);
		// A batch of ASCII only (byte offsets are text positions), with nulls and empty texts.
		const ascii = await engine.arrow(`SELECT CASE WHEN i % 3 = 0 THEN NULL WHEN i % 3 = 1 THEN '' ELSE 'E' || i END AS t FROM range(3000) t(i) ORDER BY i`);
		const asciiTexts = utf8Texts(ascii.getChildAt(0)!, 3000);
		expect(asciiTexts!.slice(0, 6)).toEqual([null, '', 'E2', null, '', 'E5']);
		expect(asciiTexts![2999]).toBe('E2999');
		await engine.close();
	});

	it('reads a batch whose bytes are not UTF-8 value by value instead (its texts are not trusted to the batch reader)', () => {
		// Value 0 'ab', value 1 the lone byte 0xff (not UTF-8): Arrow's reader decodes each value leniently.
		const values = new Uint8Array([0x61, 0x62, 0xff]);
		const data = [{ values, valueOffsets: new Int32Array([0, 2, 3]), length: 2, nullCount: 0 }];
		const decoder = new TextDecoder();
		const col = { data, get: (i: number) => decoder.decode(values.subarray(data[0].valueOffsets[i], data[0].valueOffsets[i + 1])) };
		expect(utf8Texts(col, 2)).toBeNull();
		const table = { numRows: 2, schema: { fields: [{ name: 't', type: { typeId: 5 } }] }, getChildAt: () => col };
		const steps = arrowToRowsSteps(table);
		let r = steps.next();
		while (!r.done) r = steps.next();
		expect(r.value).toEqual([{ t: 'ab' }, { t: '\ufffd' }]);
	});
});
