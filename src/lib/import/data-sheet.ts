/**
 * Which sheet of a workbook holds the data when the person names none. Workbooks made for people often open with a
 * sheet of instructions (填表说明) or a cover, the table coming after: when the first sheet's header names no
 * dataset, the first later sheet whose header does is read instead. A sheet asked for by name, a workbook whose
 * first sheet is data, and every other kind of file are read as {@link readSource} reads them.
 */
import { detectDataset } from './detect';
import { readSource } from './source';
import type { ReadOptions, SourceTable } from './types';

/** Whether a table's header names some dataset (any confidence above 'none'). */
function holdsData(t: SourceTable): boolean {
	return t.headers.length > 0 && detectDataset(t.headers).confidence !== 'none';
}

/** Reads a file; for a workbook read without a sheet named, the first sheet whose header names a dataset. */
export async function readDataSheet(name: string, bytes: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<SourceTable> {
	const first = await readSource(name, bytes, options);
	if (first.kind !== 'xlsx' || options.sheet !== undefined || !first.sheets || first.sheets.length < 2 || holdsData(first)) return first;
	for (const sheet of first.sheets.slice(1)) {
		const t = await readSource(name, bytes, { ...options, sheet });
		if (holdsData(t)) return t;
	}
	return first;
}
