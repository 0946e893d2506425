/** Number formatting for the interface: fixed decimals, thousands separators, Chinese-locale digits. */
const cache = new Map<string, Intl.NumberFormat>();

/** The locale of every number shown (index.html's first script readies it: scripts/early-engine.mjs). */
export const NUMBER_LOCALE = 'zh-CN';

function fmt(digits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
	const key = `${digits}:${style}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.NumberFormat(NUMBER_LOCALE, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
		cache.set(key, f);
	}
	return f;
}

/** A number with a fixed count of decimals; null/NaN shows as an em dash. */
export function num(v: number | null | undefined, digits = 2): string {
	return v === null || v === undefined || Number.isNaN(v) ? '—' : fmt(digits).format(v);
}

/** A 0..1 rate as a percentage. */
export function pct(v: number | null | undefined, digits = 1): string {
	return v === null || v === undefined || Number.isNaN(v) ? '—' : fmt(digits, 'percent').format(v);
}
