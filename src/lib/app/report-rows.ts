/**
 * The row count a file's import report shows (docs/sources.md §18): the rows the person sees in Excel, and for a
 * wide score sheet (one column per indicator) the records it becomes after unpivoting, beside it when they differ.
 */
import type { FileReport } from '../import';

/** Source rows, and the unpivoted count (null unless a wide sheet gave a different number). */
export function reportRowCounts(r: Pick<FileReport, 'sourceRows' | 'rows' | 'layout'>): { source: number; melted: number | null } {
	// Only unpivoting changes the count meaningfully: a long file's rows and records are the same rows.
	return { source: r.sourceRows, melted: r.layout === 'wide' && r.rows !== r.sourceRows ? r.rows : null };
}
