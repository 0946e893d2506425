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

/** Each list of codes' words (code, names, aliases) as labels, first code first, made once per list. */
const codeWords = new WeakMap<NonNullable<ColumnMeta['values']>, ReadonlyMap<string, string>>();

/** The label → code index of a list of codes; a word two codes share stays the first one's, as a search in order found it. */
export function codesByLabel(values: NonNullable<ColumnMeta['values']>): ReadonlyMap<string, string> {
	let index = codeWords.get(values);
	if (!index) {
		const m = new Map<string, string>();
		for (const e of values) for (const a of [e.value, e.zh, e.en, ...e.aliases]) if (!m.has(normalizeLabel(a))) m.set(normalizeLabel(a), e.value);
		codeWords.set(values, (index = m));
	}
	return index;
}

/** The canonical code an enum cell stands for (its code, Chinese or English name, or an alias), or undefined. */
export function matchEnumValue(column: ColumnMeta, cell: string): string | undefined {
	if (!column.values) return undefined;
	const v = normalizeLabel(cell);
	if (v === '') return undefined;
	return codesByLabel(column.values).get(v);
}
