/**
 * Parquet files read column by column (src/lib/import/parquet-columns.ts, parquet.ts): files written by native
 * DuckDB (version-1 data pages, dictionaries and plain pages, several row groups, snappy and uncompressed) and by
 * hyparquet-writer (version-2 pages) give the values written, row for row, and the same cells as hyparquet's own
 * row reader; nested columns still read; rows the reading rules leave out are left out with their row numbers.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { startNativeEngine } from '../../../src/lib/engine/native';
import { parquetCell, readParquet } from '../../../src/lib/import/parquet';
import { UnreadableFileError } from '../../../src/lib/import/types';
import { unreadableCodec } from '../../../src/lib/import/parquet-codecs';
import { problemText } from '../../../src/lib/import/messages';
import { parquet } from '../../fixtures/import-files';

let native: Engine;
let dir: string;
beforeAll(async () => {
	native = await startNativeEngine({ threads: 1 });
	dir = await mkdtemp(join(tmpdir(), 'zhijia-parquet-'));
}, 60_000);
afterAll(async () => {
	await native?.close();
	if (dir) await rm(dir, { recursive: true, force: true });
});

/** Writes `select` to a parquet file with native DuckDB and returns its bytes. */
async function written(name: string, select: string, options: string): Promise<Uint8Array> {
	const path = join(dir, name);
	await native.exec(`COPY (${select}) TO '${path}' (FORMAT parquet, ${options})`);
	return new Uint8Array(await readFile(path));
}

/** hyparquet's own reading, row by row, as cells: the reference the column reader must agree with. */
async function referenceCells(bytes: Uint8Array, headers: readonly string[]): Promise<unknown[][]> {
	const objects = await parquetReadObjects({ file: bytes.slice().buffer });
	return headers.map((h) => objects.map((o) => parquetCell(o[h])));
}

// 2,500 rows: an estate id repeated per month (a dictionary), a unique text (plain pages once the dictionary is
// too big), a score with nulls every 7th row, a big integer, a decimal, a date, a timestamp and a yes/no.
const ROWS = `SELECT
	'CT' || lpad(((i // 12) + 1)::VARCHAR, 5, '0') AS estate_id,
	'备注 ' || i::VARCHAR || ' 号' AS remark,
	CASE WHEN i % 7 = 3 THEN NULL ELSE round(60 + (i * 37 % 400) / 10.0, 1)::DOUBLE END AS score,
	(9007199254740993 + i)::BIGINT AS big,
	(i % 1000)::INTEGER AS small,
	(i / 100.0)::DECIMAL(10, 2) AS fee,
	DATE '2021-01-01' + (i % 60)::INTEGER AS day,
	TIMESTAMP '2024-03-01 08:00:00' + to_seconds(i * 61) AS opened_at,
	i % 2 = 0 AS has_elevator
FROM range(2500) t(i)`;

describe('parquet column by column', () => {
	for (const [name, options] of [
		['small row groups, snappy', 'ROW_GROUP_SIZE 1000, COMPRESSION snappy'],
		['one row group, uncompressed', 'COMPRESSION uncompressed'],
		['data page version 2', 'ROW_GROUP_SIZE 700, COMPRESSION snappy, PARQUET_VERSION V2']
	] as const) {
		it(`reads DuckDB's file with ${name} as written`, async () => {
			const bytes = await written(`rows-${name.replace(/\W+/g, '-')}.parquet`, ROWS, options);
			const t = await readParquet('rows.parquet', bytes);
			expect(t.headers).toEqual(['estate_id', 'remark', 'score', 'big', 'small', 'fee', 'day', 'opened_at', 'has_elevator']);
			expect(t.rowCount).toBe(2500);
			expect(t.rowNumbers[0]).toBe(1);
			expect(t.rowNumbers[2499]).toBe(2500);
			// Row 1 (i = 0) and row 1,001 (i = 1000, the second row group's first row), worked by hand from ROWS.
			const row = (r: number) => t.columns.map((c) => c[r - 1]);
			expect(row(1)).toEqual(['CT00001', '备注 0 号', 60, '9007199254740993', 0, 0, '2021-01-01', '2024-03-01 08:00:00', true]);
			// i = 1000: estate 1000 // 12 + 1 = 84; score 60 + (37,000 mod 400) / 10 = 80; 2^53 + 1 + 1000 as text (past
			// 2^53); fee 10.00; 2021-01-01 + 40 days; 08:00:00 + 61,000 s = next day 00:56:40.
			expect(row(1001)).toEqual(['CT00084', '备注 1000 号', 80, '9007199254741993', 0, 10, '2021-02-10', '2024-03-02 00:56:40', true]);
			expect(row(4)[2]).toBeNull(); // i = 3: every 7th score is missing
			expect(t.columns[2].filter((v) => v === null)).toHaveLength(357); // i % 7 = 3 for i < 2500
			expect(t.columns).toEqual(await referenceCells(bytes, t.headers));
			expect(t.problems).toEqual([]);
		});
	}

	it('reads a column with no value in a whole row group, and one with no null at all', async () => {
		const bytes = await written(
			'sparse.parquet',
			`SELECT i::INTEGER AS n, CASE WHEN i < 2100 THEN NULL ELSE 'x' || (i % 3)::VARCHAR END AS late, 'same' AS fixed FROM range(2500) t(i)`,
			'ROW_GROUP_SIZE 1000'
		);
		const t = await readParquet('sparse.parquet', bytes);
		expect(t.rowCount).toBe(2500);
		expect(t.columns[1].slice(0, 2100).every((v) => v === null)).toBe(true);
		expect(t.columns[1].slice(2100, 2103)).toEqual(['x0', 'x1', 'x2']); // 2100 mod 3 = 0
		expect(new Set(t.columns[2])).toEqual(new Set(['same']));
		expect(t.columns).toEqual(await referenceCells(bytes, t.headers));
	});

	it('reads files compressed with ZSTD (polars\' default), GZIP, Brotli and LZ4 as the Snappy one', async () => {
		const snappy = await readParquet('rows.parquet', await written('snappy.parquet', ROWS, 'ROW_GROUP_SIZE 1000, COMPRESSION snappy'));
		for (const codec of ['zstd', 'gzip', 'brotli', 'lz4_raw']) {
			const bytes = await written(`${codec}.parquet`, ROWS, `ROW_GROUP_SIZE 1000, COMPRESSION ${codec}`);
			expect(parquetMetadata(bytes.slice().buffer).row_groups[0].columns[0].meta_data?.codec).toBe(codec === 'lz4_raw' ? 'LZ4_RAW' : codec.toUpperCase());
			const t = await readParquet('rows.parquet', bytes);
			expect(t.columns, codec).toEqual(snappy.columns);
			expect(t.rowCount).toBe(2500);
		}
	});

	it('a compression nothing here reads is named, not called damage', async () => {
		const metadata = parquetMetadata((await written('lzo.parquet', ROWS, 'COMPRESSION snappy')).slice().buffer);
		expect(unreadableCodec(metadata)).toBeNull();
		// LZO: no writer at hand makes it, so the codec of a real file's metadata is set to it.
		metadata.row_groups[0].columns[2].meta_data!.codec = 'LZO';
		expect(unreadableCodec(metadata)).toBe('LZO');
		expect(problemText('parquet_codec', { codec: 'LZO' }, 'zh')).toBe('Parquet 文件用 LZO 压缩，质价读不了这种压缩；请改用 Snappy、ZSTD 或 GZIP 压缩重新导出');
	});

	it('still reads nested columns (lists, structs) beside flat ones', async () => {
		const bytes = await written(
			'nested.parquet',
			`SELECT 'E' || i::VARCHAR AS estate_id, [i::INTEGER, i::INTEGER + 1] AS pair, {'a': i::INTEGER, 'b': 'x' || i::VARCHAR} AS st, CASE WHEN i = 2 THEN NULL ELSE i END AS n FROM range(5) t(i)`,
			'ROW_GROUP_SIZE 2'
		);
		const t = await readParquet('nested.parquet', bytes);
		expect(t.columns[0]).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
		expect(t.columns[1][3]).toBe('[3,4]');
		expect(t.columns[2][1]).toBe('{"a":1,"b":"x1"}');
		expect(t.columns[3]).toEqual([0, 1, null, 3, 4]);
		expect(t.columns).toEqual(await referenceCells(bytes, t.headers));
	});

	it('leaves out blank rows and summary rows and reports bad text with its row number', async () => {
		const bytes = parquet([
			{ name: 'estate_id', data: ['LJ0001', null, '合计', 'LJ0004', ' '], type: 'STRING' },
			{ name: 'name', data: ['梅澜公寓', null, null, '新城\uFFFD雅苑', null], type: 'STRING' },
			{ name: 'area', data: [30228.08, null, 250000, 45000, null], type: 'DOUBLE' }
		]);
		const t = await readParquet('e.parquet', bytes);
		expect(t.rowNumbers).toEqual([1, 4]);
		expect(t.columns).toEqual([
			['LJ0001', 'LJ0004'],
			['梅澜公寓', '新城\uFFFD雅苑'],
			[30228.08, 45000]
		]);
		expect(t.problems.map((p) => [p.code, p.row, p.column])).toEqual([
			['summary_row_skipped', 3, 'estate_id'],
			['undecodable', 4, 'name']
		]);
		expect(t.errorRows).toEqual([4]);
	});

	it('summary and footer rows are told by their first cell whatever it starts with; a name that only starts like one is data', async () => {
		const bytes = parquet([
			{ name: 'estate_id', data: ['Sunshine', ' 合计', 'Total', '注：面积为建筑面积', 'average-park', '平均', 'E7', '\u3000小计'], type: 'STRING' },
			{ name: 'area', data: [1, 2, 3, 4, 5, 6, 7, 8], type: 'DOUBLE' }
		]);
		const t = await readParquet('s.parquet', bytes);
		expect(t.rowNumbers).toEqual([1, 5, 7]);
		expect(t.columns).toEqual([
			['Sunshine', 'average-park', 'E7'],
			[1, 5, 7]
		]);
		expect(t.problems.map((p) => [p.code, p.row])).toEqual([
			['summary_row_skipped', 2],
			['summary_row_skipped', 3],
			['footer_row_skipped', 4],
			['summary_row_skipped', 6],
			['summary_row_skipped', 8]
		]);
	});

	it('a number that is not finite is no value; texts, numbers and true/false stay as written', async () => {
		const bytes = parquet([
			{ name: 'estate_id', data: ['E1', 'E2', 'E3', 'E4'], type: 'STRING' },
			{ name: 'area', data: [1.5, NaN, Infinity, -Infinity], type: 'DOUBLE' },
			{ name: 'has_elevator', data: [true, false, null, true], type: 'BOOLEAN' }
		]);
		const t = await readParquet('n.parquet', bytes);
		expect(t.rowNumbers).toEqual([1, 2, 3, 4]);
		expect(t.columns).toEqual([
			['E1', 'E2', 'E3', 'E4'],
			[1.5, null, null, null],
			[true, false, null, true]
		]);
	});

	it('a file cut inside its column data is unreadable, not half read', async () => {
		const bytes = await written('cut.parquet', ROWS, 'ROW_GROUP_SIZE 1000');
		// Keep the footer but damage the pages: the first column chunk's bytes overwritten.
		const damaged = bytes.slice();
		damaged.fill(0xff, 4, 600);
		await expect(readParquet('cut.parquet', damaged)).rejects.toThrow(UnreadableFileError);
	});
});
