/**
 * How the maintenance-fund screens write figures and build their files. Money on screen is in 万元 with two
 * decimals where sums are large, and yuan to the fen per m² and per household; exports keep yuan to the fen.
 */
import { FACILITY_KIND_VALUES, type FacilityKind } from '$lib/data/facilities';
import { assumptionsSheet, estatesSheet, ledgerSheet, renewalsSheet, type ReservePlan } from '$lib/domain/reserve';
import { csvBlob, xlsxBlob } from '$lib/app/subsidy-export';
import { downloadBlob, safeFileName } from '$lib/app/download';
import { num } from '$lib/i18n/format';
import { i18n } from '$lib/i18n/i18n.svelte';

/** Fen as 万元 with two decimals. */
export function wanFen(fen: number | null | undefined): string {
	return fen === null || fen === undefined ? '—' : num(fen / 1_000_000, 2);
}

/** Fen as yuan with two decimals. */
export function yuanFen(fen: number | null | undefined): string {
	return fen === null || fen === undefined ? '—' : num(fen / 100, 2);
}

/** A facility kind's name and unit in the interface language. */
export function facilityLabel(kind: FacilityKind): { name: string; unit: string } {
	const v = FACILITY_KIND_VALUES.find((k) => k.value === kind);
	if (!v) return { name: kind, unit: '' };
	return i18n.lang === 'en' ? { name: v.en, unit: v.unitEn } : { name: v.zh, unit: v.unitZh };
}

/** Colours: balance above and below zero, renewals overdue and due (Okabe–Ito, colour-blind safe). */
export const RESERVE_COLORS = { positive: '#1f4e79', negative: '#d55e00', overdue: '#d55e00', due: '#1f4e79' } as const;

const lang = () => (i18n.lang === 'en' ? 'en' : 'zh');

/** Downloads plans as CSV: the estates summary, or one estate's ledger. */
export function downloadPlansCsv(plans: readonly ReservePlan[], names: ReadonlyMap<string, string>, what: 'estates' | 'ledger', fileLabel: string): void {
	const sheet = what === 'estates' ? estatesSheet(plans, names, lang()) : ledgerSheet(plans, lang());
	downloadBlob(csvBlob(sheet), `${safeFileName(fileLabel)}.csv`);
}

/** Downloads plans as an xlsx workbook: estates, fund by year, renewals, assumptions with sources. */
export async function downloadPlansXlsx(plans: readonly ReservePlan[], names: ReadonlyMap<string, string>, fileLabel: string): Promise<void> {
	if (plans.length === 0) return;
	const l = lang();
	const blob = await xlsxBlob([estatesSheet(plans, names, l), ledgerSheet(plans, l), renewalsSheet(plans, l), assumptionsSheet(plans[0].settings, l)]);
	downloadBlob(blob, `${safeFileName(fileLabel)}.xlsx`);
}
