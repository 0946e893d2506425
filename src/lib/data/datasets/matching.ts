/** Header and value matching for import: which canonical column a header stands for, which code a cell. */
import type { ColumnMeta } from './columns';
import { DATASETS, type DatasetId, type DatasetMeta } from './registry';

/**
 * Normalise a header or code label for matching: NFKC (full-width to half-width, '㎡' to 'm2'), lower
 * case, drop the marks of a required field and a trailing colon ('*小区编号', '小区名称：'), a trailing unit in
 * brackets ('计费面积（㎡）'), and spaces, '_', '-', '.', '·'.
 */
export function normalizeLabel(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, '')
		.replace(/^[*※]+|[*※:]+$/g, '')
		.replace(/[([][^)\]]*[)\]]$/, '')
		.replace(/[_\-.·]/g, '');
}

/** The canonical column a file header stands for in a dataset (an alias of one, else its header pattern), or undefined. */
export function matchColumn(id: DatasetId, header: string): string | undefined {
	return matchColumnExactly(id, header) ?? matchColumnByPattern(id, header);
}

/** The column whose name or one of whose aliases the header is. */
export function matchColumnExactly(id: DatasetId, header: string): string | undefined {
	const h = normalizeLabel(header);
	if (h === '') return undefined;
	const d: DatasetMeta = DATASETS[id];
	return d.columns.find((c) => c.name === header || c.aliases.some((a) => normalizeLabel(a) === h))?.name;
}

/** The column whose header pattern the header fits ({@link ColumnMeta.headerPattern}). */
export function matchColumnByPattern(id: DatasetId, header: string): string | undefined {
	const h = normalizeLabel(header);
	if (h === '') return undefined;
	const d: DatasetMeta = DATASETS[id];
	return (d.columns as readonly ColumnMeta[]).find((c) => c.headerPattern?.test(h))?.name;
}

/** The canonical code an enum cell stands for (its code, Chinese or English name, or an alias), or undefined. */
export function matchEnumValue(column: ColumnMeta, cell: string): string | undefined {
	if (!column.values) return undefined;
	const v = normalizeLabel(cell);
	if (v === '') return undefined;
	return column.values.find((e) => [e.value, e.zh, e.en, ...e.aliases].some((a) => normalizeLabel(a) === v))?.value;
}
