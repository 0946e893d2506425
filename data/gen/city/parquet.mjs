// @ts-check
/** Parquet copies of the city's CSV files, for the benchmarks that read Parquet. */

import { statSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {import('./options.mjs').ManifestFile} ManifestFile */

/**
 * Parquet copies of the CSV files through native DuckDB, with the canonical column types (as the app's read_csv).
 * Snappy, DuckDB's default: hyparquet, the app's Parquet reader, has no ZSTD decoder without hyparquet-compressors.
 * @param {string} dir @param {{ file: string, table: string, columns: string }[]} jobs @returns {Promise<ManifestFile[]>}
 */
export async function writeParquet(dir, jobs) {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const out = [];
	try {
		for (const j of jobs) {
			const target = j.file.replace(/\.csv$/, '.parquet');
			const q = (/** @type {string} */ p) => `'${p.replaceAll("'", "''")}'`;
			await conn.run(
				`COPY (SELECT * FROM read_csv(${q(join(dir, j.file))}, header = true, auto_detect = false, delim = ',', quote = '"',
					timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${j.columns}))
				 TO ${q(join(dir, target))} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`
			);
			const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${q(join(dir, target))})`);
			out.push({ file: target, table: j.table, rows: Number(reader.getRowObjectsJS()[0].n), bytes: statSync(join(dir, target)).size });
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	return out;
}

/** read_csv column types of the canonical tables (as csvColumnsSql in src/lib/data/datasets/). */
export const COLUMN_TYPES = {
	estates: "{'estate_id': 'VARCHAR', 'name': 'VARCHAR', 'subdistrict': 'VARCHAR', 'estate_type': 'VARCHAR', 'building_type': 'VARCHAR', 'build_year': 'INTEGER', 'chargeable_area_m2': 'DOUBLE', 'households': 'INTEGER', 'has_elevator': 'BOOLEAN', 'firm': 'VARCHAR', 'pricing_regime': 'VARCHAR'}",
	scores: "{'estate_id': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'score': 'DOUBLE', 'source': 'VARCHAR'}",
	fees: "{'estate_id': 'VARCHAR', 'year': 'INTEGER', 'fee': 'DOUBLE', 'fee_unit': 'VARCHAR', 'collection_rate': 'DOUBLE'}",
	tickets: "{'ticket_id': 'VARCHAR', 'estate_id': 'VARCHAR', 'category': 'VARCHAR', 'opened_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP'}"
};
