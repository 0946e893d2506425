/**
 * The bench's data: the generated city (data/generate-city.mjs, cached under bench/.data/) and how each engine
 * loads it. Loading SQL is the app's own: the canonical DDL (createTableSql) and read_csv column types
 * (csvColumnsSql), so wasm and native DuckDB build the same tables.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTableSql, csvColumnsSql, DATASETS, storedOrderSql, type DatasetId } from '../src/lib/data/datasets';
import { sqlIdent, sqlString, type Engine } from '../src/lib/engine/engine';
import { cityOptions, ensureCity } from '../data/generate-city.mjs';

/** The tables of the city the bench loads (costs, unit sizes and votes are empty or absent at city scale). */
export const CITY_TABLES = ['estates', 'scores', 'fees', 'tickets'] as const satisfies readonly DatasetId[];

/** A generated city on disk. */
export interface City {
	dir: string;
	size: string;
	estates: number;
	scoreRows: number;
	ticketRows: number;
	periods: string[];
	/** Path of a file in the city's directory. */
	path(file: string): string;
	bytes(file: string): number;
}

/** The city of this size, generated on first use and reused after (cached by size and seed). */
export async function loadCity(size: 'city' | 'quick', log: (m: string) => void): Promise<City> {
	const o = cityOptions({ size });
	const m = await ensureCity(o, log);
	const file = (name: string) => m.files.find((f) => f.file === name);
	return {
		dir: o.out,
		size,
		estates: file('estates.csv')?.rows ?? 0,
		scoreRows: file('scores.csv')?.rows ?? 0,
		ticketRows: file('tickets.csv')?.rows ?? 0,
		periods: m.periods,
		path: (name) => join(o.out, name),
		bytes: (name) => file(name)?.bytes ?? 0
	};
}

/** Reads a city file as UTF-8 text (outside any timing). */
export function text(city: City, file: string): string {
	return readFileSync(city.path(file), 'utf8');
}

/**
 * Native DuckDB: replace a dataset's table with the rows of a CSV or Parquet file read from disk, as they come (the
 * import baselines: plain read_csv / read_parquet) or `stored`: in the order the app stores them (its loaders and
 * imports group scores by period), for the analysis, so both engines hold the same layout.
 */
export async function nativeLoad(engine: Engine, dataset: DatasetId, path: string, stored = false): Promise<void> {
	const meta = DATASETS[dataset];
	const cols = meta.columns.map((c) => sqlIdent(c.name)).join(', ');
	const source = path.endsWith('.parquet')
		? `read_parquet(${sqlString(path)})`
		: `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"',
			timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${csvColumnsSql(dataset)})`;
	await engine.exec(createTableSql(dataset, { orReplace: true }));
	await engine.exec(`INSERT INTO ${sqlIdent(meta.table)} (${cols}) SELECT ${cols} FROM ${source}${stored ? storedOrderSql(dataset) : ''}`);
}
