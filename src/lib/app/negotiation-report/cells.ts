/** The report's cells, columns and tables, and how a cell is written (as display text, as rounded for a total). */
import { fee2, type IndicatorSystem, type NegotiationScenario } from '$lib/domain';
import type { EstateDetail } from '$lib/queries/analysis';
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num, pct } from '$lib/i18n/format';
import type { EstateBaseline, InputSource, WorkspaceResults } from '../negotiation';

/** One cell: text, or a number shown with fixed decimals (as a percentage when `pct`). */
export interface ReportCell {
	v: string | number | null;
	digits?: number;
	pct?: boolean;
}

/** One column of a report table. */
export interface ReportColumn {
	label: string;
	unit?: string;
	numeric?: boolean;
	/** Short cells (units, tags) that must not wrap. */
	nowrap?: boolean;
}

/** One table of the report (and one sheet of the workbook). */
export interface ReportTable {
	id: string;
	title: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	/**
	 * The last row is a total of the rows above it in these columns: its cells are the sums of the rows as
	 * written (rounded to their digits), and the workbook writes them as SUM formulas over the rows.
	 */
	sumCols?: number[];
}

/** What the report is made from. */
export interface ReportInput {
	scenario: NegotiationScenario;
	results: WorkspaceResults;
	baseline: EstateBaseline | null;
	/** The estate's quality evaluation under the analysis settings; null when the data has no such estate. */
	detail: EstateDetail | null;
	system: IndicatorSystem;
	/** The system's name as used, e.g. "质价默认指标体系（已修改：权重）"; the system's own name when absent. */
	systemName?: string;
	/** Cost items are missing: nothing resting on the cost floor is stated as a conclusion. */
	withheld?: boolean;
}

export const s = (v: string | null | undefined): ReportCell => ({ v: v ?? null });
/** A value rounded as it is written (digits of a number, digits + 2 of a share). */
export function asWritten(c: ReportCell): number | null {
	if (typeof c.v !== 'number') return null;
	const d = (c.digits ?? 2) + (c.pct ? 2 : 0);
	const f = 10 ** d;
	return Math.round(c.v * f + (c.v >= 0 ? 1e-7 : -1e-7)) / f;
}
/** Rounds a table's numbers in `cols` as written and fills the last row with their sums. */
export function withTotals(rows: ReportCell[][], cols: number[]): ReportCell[][] {
	const body = rows.slice(0, -1).map((r) => r.map((c, k) => (cols.includes(k) && typeof c.v === 'number' ? { ...c, v: asWritten(c) } : c)));
	const total = rows[rows.length - 1].map((c, k) => {
		if (!cols.includes(k)) return c;
		const sum = body.reduce((a, r) => a + (asWritten(r[k]) ?? 0), 0);
		return { ...c, v: asWritten({ ...c, v: sum }) };
	});
	return [...body, total];
}
export const n = (v: number | null | undefined, digits = 2): ReportCell => ({ v: v ?? null, digits });
export const p = (v: number | null | undefined, digits = 1): ReportCell => ({ v: v ?? null, digits, pct: true });

/** A cell as display text (numbers in the interface's format). */
export function cellText(c: ReportCell): string {
	if (c.v === null) return '—';
	if (typeof c.v === 'string') return c.v;
	return c.pct ? pct(c.v, c.digits ?? 1) : num(c.v, c.digits ?? 2);
}

/**
 * A worked formula with every figure of three or more decimals rounded to 0.01, the report's one rule for
 * fees (docs/sources.md §6.1), so the method text never prints 1.8268 beside a floor of 1.83.
 */
export function roundFigures(text: string): string {
	return text.replace(/\d+\.\d{3,}/g, (m) => fee2(Number(m)));
}

/** The label of a source tag, as the report prints it. */
export function tagLabel(tag: InputSource['tag']): string {
	if (tag === 'data') return t('negotiation.tag.data');
	if (tag === 'user') return t('negotiation.tag.user');
	if (tag === 'missing') return t('negotiation.tag.missing');
	return tag;
}

export const sourceCells = (src: InputSource): ReportCell[] => [s(tagLabel(src.tag)), s(`${dl(src.text)}${src.note ? `（${dl(src.note)}）` : ''}`)];

export const feeUnit = () => t('unit.feeM2');
export const yearUnit = () => t('negotiation.unit.yuanYear');
