/**
 * The native engine (src/lib/engine/native.ts, @duckdb/node-api) behind the same Engine class: the same startup
 * settings, the same plain values as the wasm engine for every type the queries return, and files read by path.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { QueryError } from '../../../src/lib/engine/errors';
import { startNativeEngine } from '../../../src/lib/engine/native';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { CsvLoadError, loadCanonicalCsvPaths } from '../../../src/lib/workspace/canonical-csv';

let native: Engine;
let wasm: Engine;
let dir: string;
beforeAll(async () => {
	native = await startNativeEngine({ threads: 2 });
	wasm = await startNodeEngine();
	dir = await mkdtemp(join(tmpdir(), 'zhijia-native-'));
}, 60_000);
afterAll(async () => {
	await native?.close();
	await wasm?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

describe('native engine', () => {
	it('says what it is and applies the startup settings', async () => {
		expect(native.label).toMatch(/^native DuckDB v\d+\.\d+\.\d+ \(2 threads\)$/);
		const rows = await native.rows(
			"SELECT value FROM duckdb_settings() WHERE name IN ('autoload_known_extensions','autoinstall_known_extensions') ORDER BY name"
		);
		expect(rows.map((r) => r.value)).toEqual(['false', 'false']);
	});

	it('gives the same plain values as the wasm engine', async () => {
		const sql = `SELECT 42::INTEGER AS i, count(*) AS n, 2::BIGINT * 21 AS big, 12345::HUGEINT AS huge, 88.5 AS dec,
			1.25::DECIMAL(18, 2) AS dec2, 0.1::DOUBLE AS dbl, 'é临江' AS s, NULL AS nothing, true AS b,
			DATE '2024-01-02' AS d, TIMESTAMP '2024-01-02 03:04:05' AS ts, [1, 2, 3] AS list, ['a', NULL] AS strs
			FROM range(3)`;
		const [a, b] = [await native.rows(sql), await wasm.rows(sql)];
		expect(a).toEqual(b);
		expect(a[0]).toMatchObject({ n: 3, big: 42, dec: 88.5, d: Date.UTC(2024, 0, 2), list: [1, 2, 3] });
	});

	it('refuses to register files (it reads them by path) and reports failed SQL with the SQL', async () => {
		await expect(native.registerFileText('x.csv', 'a\n1\n')).rejects.toThrow(/reads files by path/);
		const err = await native.rows('SELECT no_such_column FROM range(1)').catch((e) => e);
		expect(err).toBeInstanceOf(QueryError);
	});

	it('loads canonical CSV files by path with the canonical types, all or nothing', async () => {
		// A BOM and CRLF line ends, as Excel writes them; the first sample estate.
		const header = 'estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime';
		const text = `\uFEFF${header}\r\nLJ0001,梅澜公寓,江滨街道,public_sold,multi,1983,30228.08,568,false,临江安居物业管理有限公司,guide\r\n`;
		const estates = join(dir, 'estates.csv');
		await writeFile(estates, text);
		await loadCanonicalCsvPaths(native, [{ dataset: 'estates', name: 'estates.csv', path: estates, head: text }]);
		expect(await native.rows('SELECT estate_id, name, households, has_elevator FROM estates')).toEqual([
			{ estate_id: 'LJ0001', name: '梅澜公寓', households: 568, has_elevator: false }
		]);

		const bad = await loadCanonicalCsvPaths(native, [{ dataset: 'estates', name: 'estates.csv', path: estates, head: 'estate_id,name\n' }]).catch((e) => e);
		expect(bad).toBeInstanceOf(CsvLoadError);
		expect((bad as CsvLoadError).reason).toMatch(/header is "estate_id,name"/);
		expect(await native.scalar('SELECT count(*) AS n FROM estates')).toBe(1);
	});
});
