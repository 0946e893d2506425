/**
 * The conversions of one file: for each mapped column the conversion used (given by the person or a recipe,
 * else chosen from the cells when the evidence is clear), a few raw cells with what they become, and for coded
 * columns the value map (each distinct word, its row count and its code). What the data page's mapping table
 * shows, and what prepareTable applies before validation. docs/sources.md §18.
 */
import { DATASETS, type ColumnMeta, type DatasetId } from '../../data/datasets';
import type { Cell, SourceTable } from '../types';
import { cellText, isError } from '../values';
import { columnNormaliser, type CellNormaliser } from '../values/columns';
import { withConversion } from './apply';
import { autoConversion, sampleCells, type SheetHints } from './choose';
import type { Conversion, ValueMapAnswers } from './types';
import { valueMapReport, type ValueMapEntry } from './value-map';

/** A raw cell and what it becomes (the canonical value as text), or the problem code when it cannot. */
export interface ConversionSample {
	readonly raw: string;
	readonly value: string | null;
	readonly error?: string;
}

/** The value map of one coded column of a file. */
export interface ColumnValueMap {
	/** Header index. */
	readonly src: number;
	readonly header: string;
	readonly target: string;
	readonly entries: readonly ValueMapEntry[];
}

/** Conversions of a file, aligned with its headers (null: none). */
export interface ConversionReport {
	readonly conversions: readonly (Conversion | null)[];
	/** Whether each conversion was chosen from the cells (not given). */
	readonly auto: readonly boolean[];
	/** Up to {@link SAMPLES} distinct raw cells per mapped column and what they become. */
	readonly samples: readonly (readonly ConversionSample[])[];
	readonly valueMaps: readonly ColumnValueMap[];
}

/** Samples shown per column. */
export const SAMPLES = 3;

/** The canonical column a mapping target names in a dataset (undefined for wide-sheet indicator targets). */
export function targetColumn(dataset: DatasetId, target: string | null): ColumnMeta | undefined {
	if (target === null) return undefined;
	return (DATASETS[dataset].columns as readonly ColumnMeta[]).find((c) => c.name === target);
}

/** The column's normaliser with its conversion in front. */
export function convertedNormaliser(dataset: DatasetId, column: ColumnMeta, header: string, conv: Conversion | null | undefined, answers?: ValueMapAnswers): CellNormaliser {
	return withConversion(columnNormaliser(dataset, column.name, header, answers), conv, column);
}

function show(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === 'object' && 'fee' in (v as object)) return String((v as { fee: number }).fee);
	return String(v);
}

/**
 * The conversions of a table mapped to a dataset. `given[i]` is the person's or the recipe's choice for
 * header i: a conversion, null for "none", undefined for "choose from the cells" (and the sheet's `hints`).
 */
export function planConversions(
	table: SourceTable,
	dataset: DatasetId,
	mapping: readonly (string | null)[],
	given?: readonly (Conversion | null | undefined)[],
	answers?: ValueMapAnswers,
	hints: SheetHints = {}
): ConversionReport {
	const conversions: (Conversion | null)[] = [];
	const auto: boolean[] = [];
	const samples: ConversionSample[][] = [];
	const valueMaps: ColumnValueMap[] = [];
	table.headers.forEach((header, i) => {
		const column = targetColumn(dataset, mapping[i] ?? null);
		const cells: readonly Cell[] = table.columns[i] ?? [];
		if (!column) {
			conversions.push(null);
			auto.push(false);
			samples.push([]);
			return;
		}
		const chosen = given?.[i];
		const conv = chosen !== undefined ? chosen : (autoConversion(column, cells, hints) ?? null);
		conversions.push(conv);
		auto.push(chosen === undefined && conv !== null);
		const norm = convertedNormaliser(dataset, column, header, conv, answers);
		const seen = new Set<string>();
		const out: ConversionSample[] = [];
		for (const c of sampleCells(cells, 50)) {
			const raw = cellText(c);
			if (seen.has(raw)) continue;
			seen.add(raw);
			const r = norm(c);
			out.push(isError(r) ? { raw, value: null, error: r.error.code } : { raw, value: show(r.value) });
			if (out.length >= SAMPLES) break;
		}
		samples.push(out);
		if (column.values) valueMaps.push({ src: i, header, target: column.name, entries: valueMapReport(column, cells, answers, header) });
	});
	return { conversions, auto, samples, valueMaps };
}

/**
 * The conversion in effect for one column and what a few cells become under it, computed from the preview
 * cells (on the page, at once, as the person changes the mapping or the conversion). `chosen` undefined means
 * "choose from the cells".
 */
export function columnPreview(
	dataset: DatasetId,
	target: string | null,
	header: string,
	chosen: Conversion | null | undefined,
	cells: readonly Cell[],
	answers?: ValueMapAnswers,
	hints: SheetHints = {}
): { conversion: Conversion | null; auto: boolean; samples: ConversionSample[] } {
	const column = targetColumn(dataset, target);
	if (!column) return { conversion: null, auto: false, samples: [] };
	const conversion = chosen !== undefined ? chosen : (autoConversion(column, cells, hints) ?? null);
	const norm = convertedNormaliser(dataset, column, header, conversion, answers);
	const seen = new Set<string>();
	const samples: ConversionSample[] = [];
	for (const c of sampleCells(cells, 50)) {
		const raw = cellText(c);
		if (seen.has(raw)) continue;
		seen.add(raw);
		const r = norm(c);
		samples.push(isError(r) ? { raw, value: null, error: r.error.code } : { raw, value: show(r.value) });
		if (samples.length >= SAMPLES) break;
	}
	return { conversion, auto: chosen === undefined && conversion !== null, samples };
}

/** The conversions a person can choose for a column (beside "choose from the cells" and "none"). */
export function conversionChoices(column: ColumnMeta, current: Conversion | null): Conversion[] {
	const out: Conversion[] = [];
	if (column.values) out.push({ kind: 'value_map' });
	if (column.type === 'BOOLEAN') out.push({ kind: 'count_to_bool' });
	if (column.type === 'INTEGER' && (column.unit === '年' || column.name.endsWith('year'))) out.push({ kind: 'date_to_year' });
	if (column.name === 'period') out.push({ kind: 'date_to_period', grain: 'quarter' }, { kind: 'date_to_period', grain: 'month' });
	if (current?.kind === 'unit') out.push(current);
	return out;
}

/** A stable key for a conversion (for a select's value). */
export function conversionKey(c: Conversion | null | undefined): string {
	if (c === undefined) return 'auto';
	if (c === null) return 'none';
	if (c.kind === 'date_to_period') return `date_to_period:${c.grain}`;
	if (c.kind === 'unit') return `unit:${c.unit}:${c.factor}`;
	return c.kind;
}
