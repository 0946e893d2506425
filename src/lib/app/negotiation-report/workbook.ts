/** The report's tables as an xlsx workbook, one sheet per table. */
import { t } from '$lib/i18n/i18n.svelte';
import { cellText, type ReportCell, type ReportTable } from './cells';

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, used: Set<string>): string {
	const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/^\d+\s*/, '').trim().slice(0, 28) || 'Sheet';
	let name = base;
	for (let k = 2; used.has(name); k++) name = `${base.slice(0, 27)}${k}`;
	used.add(name);
	return name;
}

/** Excel number format for a cell. */
function numberFormat(c: ReportCell): string {
	const d = c.digits ?? 2;
	if (c.pct) return d > 0 ? `0.${'0'.repeat(d)}%` : '0%';
	return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/**
 * The report's tables as an xlsx workbook (SheetJS loaded on demand): one sheet per table, the header row in
 * the report's language (Chinese by default), numbers as numbers with their display format.
 */
export async function reportWorkbook(tables: readonly ReportTable[], meta: { title: string; lines: string[] }): Promise<ArrayBuffer> {
	const XLSX = await import('@e965/xlsx');
	const wb = XLSX.utils.book_new();
	const used = new Set<string>();
	const cover = XLSX.utils.aoa_to_sheet([[meta.title], ...meta.lines.map((l) => [l])]);
	cover['!cols'] = [{ wch: 80 }];
	XLSX.utils.book_append_sheet(wb, cover, sheetName(t('negotiation.report.sheetCover'), used));
	for (const table of tables) {
		const header = table.columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label));
		const last = table.rows.length - 1;
		const body = table.rows.map((r, i) =>
			r.map((c, k) => {
				if (typeof c.v !== 'number') return { t: 's' as const, v: c.v ?? '' };
				// A total is a formula over the rows as written (header in row 1, rows from 2), with its value cached.
				if (i === last && table.sumCols?.includes(k) && last > 0) {
					const col = XLSX.utils.encode_col(k);
					return { t: 'n' as const, v: c.v, z: numberFormat(c), f: `SUM(${col}2:${col}${last + 1})` };
				}
				return { t: 'n' as const, v: c.v, z: numberFormat(c) };
			})
		);
		const ws = XLSX.utils.aoa_to_sheet([header, ...body]);
		ws['!cols'] = table.columns.map((c, k) => ({
			wch: Math.min(60, Math.max(c.label.length * 2 + 4, ...table.rows.map((r) => String(r[k] ? cellText(r[k]) : '').length + 2)))
		}));
		XLSX.utils.book_append_sheet(wb, ws, sheetName(table.title, used));
	}
	return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}
