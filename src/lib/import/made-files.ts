/**
 * Canonical CSV files the app makes itself (the quick start's estate, a survey's counts and scores): UTF-8 text
 * with the canonical header, imported through the same path as a user's file.
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import { writeCsv } from './csv';

/** A canonical CSV file made by the app (UTF-8 text with the canonical header). */
export interface MadeFile {
	readonly name: string;
	readonly dataset: DatasetId;
	readonly text: string;
}

/** Rows (objects with canonical column names) as canonical CSV text of a dataset. */
export function canonicalText(dataset: DatasetId, rows: readonly Record<string, unknown>[]): string {
	const cols = DATASETS[dataset].columns.map((c) => c.name as string);
	return writeCsv([cols, ...rows.map((r) => cols.map((c) => r[c] as string | number | boolean | null | undefined))]);
}
