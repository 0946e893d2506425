/** Number formatting and units for goal-seek equations (plain text, both languages). */
import { formatFigure } from '../format';
import type { Bilingual } from '../provenance';

/** At most `digits` decimals, no trailing zeros. */
export const fig = (v: number, digits = 4): string => formatFigure(v, digits);
/** A share as a percentage: 0.8 → '80%'. */
export const pc = (share: number, digits = 2): string => `${formatFigure(share * 100, digits)}%`;
/** Yuan with thousands separators and two decimals: 1200000 → '1,200,000.00'. */
export const money = (v: number): string =>
	Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : String(v);

export const U = {
	feeM2: { zh: '元/㎡·月', en: 'yuan/m²/month' },
	yuanPerYear: { zh: '元/年', en: 'yuan/year' },
	yuan: { zh: '元', en: 'yuan' },
	share: { zh: '比例', en: 'share' },
	points: { zh: '分', en: 'points' },
	estates: { zh: '个小区', en: 'estates' }
} as const satisfies Record<string, Bilingual>;

export const bi = (zh: string, en: string): Bilingual => ({ zh, en });
