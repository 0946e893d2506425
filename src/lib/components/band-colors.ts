/** Fit-class colours (Okabe–Ito, colour-blind safe) and their message keys, shared by charts, tables and tiles. */
export const BAND_COLORS = {
	matched: '#009e73',
	price_above_quality: '#d55e00',
	quality_above_price: '#0072b2',
	none: '#9aa3ad'
} as const;

export type BandOrNone = 'matched' | 'price_above_quality' | 'quality_above_price' | null;

export function bandKey(band: BandOrNone): 'band.matched' | 'band.price_above_quality' | 'band.quality_above_price' | 'band.none' {
	return band ? `band.${band}` : 'band.none';
}
