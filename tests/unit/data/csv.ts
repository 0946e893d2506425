/**
 * A tiny CSV reader for the sample files, which never quote: no cell holds a comma, quote or line
 * break (the generator refuses to write one). Not for user files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASETS, type ColumnMeta, type DatasetId } from '$lib/data/datasets';

/** data/sample, from the repository root (vitest runs there). */
export const SAMPLE_DIR = join(process.cwd(), 'data', 'sample');

/** Header and rows of a CSV text. */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	const [head, ...body] = lines;
	return { header: head.split(','), rows: body.map((l) => l.split(',')) };
}

/** A cell as its canonical typed value; odd text is passed through for the zod schema to reject. */
export function coerce(column: ColumnMeta, cell: string): unknown {
	if (cell === '') return null;
	switch (column.type) {
		case 'INTEGER':
			return /^-?\d+$/.test(cell) ? Number(cell) : cell;
		case 'DOUBLE':
			return /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
		case 'BOOLEAN':
			return cell === 'true' ? true : cell === 'false' ? false : cell;
		default:
			return cell;
	}
}

/** Rows of a sample file as objects keyed by canonical column name, not yet validated. */
export function readSample(file: string, dataset: DatasetId): { header: string[]; records: Record<string, unknown>[] } {
	const { header, rows } = parseCsv(readFileSync(join(SAMPLE_DIR, file), 'utf8'));
	const columns: readonly ColumnMeta[] = DATASETS[dataset].columns;
	const byName = new Map(columns.map((c) => [c.name, c]));
	const records = rows.map((cells) => {
		const rec: Record<string, unknown> = {};
		header.forEach((name, i) => {
			const col = byName.get(name);
			rec[name] = col ? coerce(col, cells[i] ?? '') : cells[i];
		});
		return rec;
	});
	return { header, records };
}
