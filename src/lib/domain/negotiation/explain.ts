/**
 * The explanation every negotiation result carries, so the workspace and the appraisal report can show
 * how a number was reached: the formula in words, the inputs with their units and sources, and the
 * formula again with the numbers put in.
 */
import { formatFigure } from '../format';
import type { Bilingual, Provenance } from '../provenance';

/** One input or intermediate figure shown in an explanation. */
export interface ExplainedFigure {
	label: Bilingual;
	value: number;
	unit: Bilingual;
	/** Where the figure comes from; absent for figures computed in this step from the others. */
	provenance?: Provenance;
}

/** How a result was reached, in both app languages. */
export interface Explanation {
	/** The formula in words, e.g. "fee = unit cost × (1 + profit rate) × (1 + VAT rate)". */
	formula: Bilingual;
	/** The figures that went in. */
	inputs: readonly ExplainedFigure[];
	/** The formula with the numbers put in and the result, e.g. "1.14 × 1.08 × 1.06 = 1.3051". */
	text: Bilingual;
}

/** Units used in explanations. Kept here so every module names a unit the same way. */
export const UNITS = {
	feeM2: { zh: '元/㎡·月', en: 'yuan/m²/month' },
	feeHousehold: { zh: '元/户·月', en: 'yuan/household/month' },
	yuanPerYear: { zh: '元/年', en: 'yuan/year' },
	yuanPerMonth: { zh: '元/月', en: 'yuan/month' },
	yuan: { zh: '元', en: 'yuan' },
	m2: { zh: '㎡', en: 'm²' },
	share: { zh: '比例', en: 'share' },
	persons: { zh: '人', en: 'persons' },
	households: { zh: '户', en: 'households' },
	owners: { zh: '人', en: 'owners' },
	points: { zh: '分', en: 'points' },
	none: { zh: '', en: '' }
} as const satisfies Record<string, Bilingual>;

/** Shorthand for an explained figure. */
export function figure(label: Bilingual, value: number, unit: Bilingual, provenance?: Provenance): ExplainedFigure {
	return provenance === undefined ? { label, value, unit } : { label, value, unit, provenance };
}

/** A number for explanation text: at most `digits` decimals, no trailing zeros (4 by default). */
export function num(value: number, digits = 4): string {
	return formatFigure(value, digits);
}

/**
 * A share as a percentage for explanation text: 0.08 → '8%', 0.7632 → '76.32%'. Two decimals of a
 * percent is enough to reproduce every rate the app ships (1%, 3%, 6%, 8%, 76%).
 */
export function pct(share: number, digits = 2): string {
	return `${formatFigure(share * 100, digits)}%`;
}

/** Thousands-separated yuan for explanation text, rounded to whole yuan: 136800 → '136,800'. */
export function yuan(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	// en-US grouping in both languages: Chinese financial text uses the same comma grouping.
	return Math.round(value).toLocaleString('en-US');
}

/** A whole count with thousands separators for explanation text: 1966 → '1,966'. */
export function count(value: number): string {
	return yuan(value);
}
