/**
 * How the subsidy screens write money and rates. Money is shown in 元 (yuan) to the fen everywhere on screen, the
 * unit named in every header, exactly as the exports write it (docs/sources.md §15): one unit on screen and in files.
 */
import { num, pct } from '$lib/i18n/format';

/** Yuan with two decimals and thousands separators (— for null). */
export function yuan(value: number | null | undefined): string {
	return num(value === null || value === undefined ? null : value, 2);
}

/** A fee in 元/㎡·月 (two decimals, — for null). */
export function fee(v: number | null | undefined): string {
	return num(v, 2);
}

/** A 0-1 rate as a percentage with one decimal. */
export function rate(v: number | null | undefined): string {
	return pct(v, 1);
}

/** Chart colours (Okabe–Ito, colour-blind safe), shared by charts and their legends. */
export const SUBSIDY_COLORS = {
	base: '#1f4e79',
	reward: '#009e73',
	shortfall: '#c5ccd6',
	cap: '#a4262c',
	paid: '#009e73',
	below: '#d55e00',
	withheld: '#9aa3ad',
	variants: ['#1f4e79', '#e69f00', '#cc79a7']
} as const;
