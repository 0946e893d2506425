/**
 * A dataset's table as a canonical CSV file (docs/data-formats.md: UTF-8, the canonical header, one row per
 * record), the inverse of canonical-csv.ts: `zhijia import --out` writes these, and `zhijia analyze` reads them.
 * Every value goes through DuckDB's own VARCHAR cast, so numbers, booleans and timestamps read back identically.
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import { sqlIdent, type Engine } from '../engine/engine';

/** Quotes text when CSV needs it (canonical files are read by DuckDB, so no formula neutralising here). */
function cell(v: unknown): string {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The table's rows as canonical CSV text (in the order they were written). */
export async function datasetCsv(engine: Engine, id: DatasetId): Promise<string> {
	const cols = DATASETS[id].columns.map((c) => c.name as string);
	const rows = await engine.rows(`SELECT ${cols.map((c) => `CAST(${sqlIdent(c)} AS VARCHAR) AS ${sqlIdent(c)}`).join(', ')} FROM ${sqlIdent(DATASETS[id].table)}`);
	return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}
