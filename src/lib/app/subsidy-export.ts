/**
 * Writing the subsidy plan to files: the sheets come from the domain's export.ts (planSheets, comparisonSheet,
 * sheetToCsv: BOM, neutralised formulas); this module adds the policy sheet (which parameters and sources produced
 * the figures) and turns sheets into an xlsx workbook with SheetJS, loaded only when the user exports.
 */
// Relative imports: the command line (src/cli/subsidy.ts, run by tsx) writes its xlsx with this module too.
import { noteText, sourceText, type Lang } from '../domain/provenance';
import { POLICY_PARTS, policyProvenance, sheetToCsv, type Cell, type Policy, type PolicyPart, type Sheet } from '../domain/subsidy';

/** What a policy part holds, as exact JSON (the figures the plan used). */
function partValue(policy: Policy, part: PolicyPart): string {
	switch (part) {
		case 'design':
			return JSON.stringify({ id: policy.id, years: policy.years });
		case 'target':
			return JSON.stringify(policy.target);
		case 'ownerFee':
			return JSON.stringify(policy.ownerFee);
		case 'taper':
			return JSON.stringify(policy.taper ?? policy.years.map(() => 1));
		case 'reward':
			return JSON.stringify(policy.reward);
		case 'collectionFloor':
			return JSON.stringify(policy.collectionFloor);
		case 'budget':
			return JSON.stringify(policy.budget);
		case 'assessment':
			return JSON.stringify(policy.assessment);
	}
}

/**
 * The policy behind a plan as a sheet: one row per part with its figures (JSON), source tag, source and note, so an
 * exported plan always says which policy and which sources produced it.
 */
export function policySheet(policy: Policy, lang: Lang, partLabel: (p: PolicyPart) => string): Sheet {
	const header =
		lang === 'zh' ? ['政策部分', '参数(JSON)', '来源标记', '来源', '说明'] : ['Policy part', 'Figures (JSON)', 'Source tag', 'Source', 'Note'];
	const rows: Cell[][] = [
		[lang === 'zh' ? '政策名称' : 'Policy', lang === 'zh' ? policy.name_zh : policy.name_en, null, null, policy.description ? policy.description[lang] : null],
		...POLICY_PARTS.map((p): Cell[] => {
			const prov = policyProvenance(policy, p);
			// Source and note in the sheet's language (a Chinese sheet carries no English source text).
			return [partLabel(p), partValue(policy, p), prov.tag, sourceText(prov, lang), noteText(prov, lang) ?? null];
		})
	];
	return { name: lang === 'zh' ? '政策参数' : 'Policy', header, rows };
}

/** A sheet as a CSV file (UTF-8 with BOM, CRLF; text cells that would start a formula are neutralised). */
export function csvBlob(sheet: Sheet): Blob {
	return new Blob([sheetToCsv(sheet)], { type: 'text/csv;charset=utf-8' });
}

/**
 * Sheets as xlsx bytes. Numbers stay numbers; text is written as typed text cells, which a spreadsheet never
 * evaluates (aoa_to_sheet makes no formula cells), so no apostrophe is needed there. The sheet's own formula cells
 * (totals as SUM / SUMIFS over the rows) are written as formulas with their value cached, so Excel shows the total
 * at once and recomputes it from the rows.
 */
export async function xlsxBytes(sheets: readonly Sheet[]): Promise<Uint8Array> {
	const XLSX = await import('@e965/xlsx');
	const wb = XLSX.utils.book_new();
	for (const s of sheets) {
		const ws = XLSX.utils.aoa_to_sheet([s.header, ...s.rows]);
		for (const f of s.formulas ?? []) {
			const ref = XLSX.utils.encode_cell({ r: f.row + 1, c: f.col });
			const v = s.rows[f.row]?.[f.col];
			ws[ref] = typeof v === 'number' ? { t: 'n', v, f: f.formula } : { t: 's', v: typeof v === 'string' ? v : '', f: f.formula };
		}
		ws['!cols'] = s.header.map((h, i) => {
			const widest = Math.max(h.length * 2, ...s.rows.slice(0, 200).map((r) => String(r[i] ?? '').length));
			return { wch: Math.min(40, Math.max(8, widest + 2)) };
		});
		XLSX.utils.book_append_sheet(wb, ws, s.name.slice(0, 31));
	}
	return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** Sheets as an xlsx workbook to download. */
export async function xlsxBlob(sheets: readonly Sheet[]): Promise<Blob> {
	const bytes = await xlsxBytes(sheets);
	return new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
