/**
 * The maintenance-fund plan's settings, shared by the estate section, the district page and the printed plan so
 * that all three show the same plan. A null first year means "the year after the latest balance on record".
 * Rates are held as the user types them (per cent); the domain takes fractions.
 */
import { RESERVE_SETTING_DEFAULTS, type ReserveSettings } from '$lib/domain/reserve';

export const reserveSettings = $state<{ firstYear: number | null; years: number; interestPct: number; growthPct: number }>({
	firstYear: null,
	years: RESERVE_SETTING_DEFAULTS.years,
	interestPct: RESERVE_SETTING_DEFAULTS.interestRate.value * 100,
	growthPct: RESERVE_SETTING_DEFAULTS.growthRate.value * 100
});

/** The settings the plan runs with, or null while a field holds something unusable. */
export function effectiveSettings(latestBalanceYear: number | null): ReserveSettings | null {
	const s = reserveSettings;
	const firstYear = s.firstYear ?? (latestBalanceYear === null ? new Date().getFullYear() : latestBalanceYear + 1);
	const ok =
		Number.isInteger(firstYear) && firstYear >= 1900 && firstYear <= 2100 &&
		Number.isInteger(s.years) && s.years >= 1 && s.years <= 100 &&
		Number.isFinite(s.interestPct) && s.interestPct >= 0 && s.interestPct <= 100 &&
		Number.isFinite(s.growthPct) && s.growthPct >= -50 && s.growthPct <= 100;
	if (!ok) return null;
	return { firstYear, years: s.years, interestRate: round6(s.interestPct / 100), growthRate: round6(s.growthPct / 100) };
}

// 1.5 / 100 is 0.015 exactly only after rounding away binary noise; 6 places keeps any rate a person types.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Whether a setting differs from the shipped default (then it is the user's, not the sourced default). */
export function interestIsDefault(): boolean {
	return Math.abs(reserveSettings.interestPct / 100 - RESERVE_SETTING_DEFAULTS.interestRate.value) < 1e-9;
}
export function growthIsDefault(): boolean {
	return Math.abs(reserveSettings.growthPct / 100 - RESERVE_SETTING_DEFAULTS.growthRate.value) < 1e-9;
}
