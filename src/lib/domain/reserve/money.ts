/**
 * Fen (0.01 yuan) arithmetic of the maintenance-fund plan. The ledger is kept in whole fen so that opening +
 * contributions + interest − spend = closing holds exactly, year after year; each product (quantity × unit cost,
 * balance × rate) is rounded to the fen once, half away from zero. Amounts owners are asked to pay (refill per m²
 * or per household) are rounded up to the fen, so that they cover what they must.
 *
 * Local to this module on purpose (a project-wide money module may replace it).
 */

/** Yuan to whole fen, half away from zero (1.005 yuan written as such is 101 fen, not 100). */
export function yuanToFen(yuan: number): number {
	if (!Number.isFinite(yuan)) throw new RangeError(`expected a finite amount, got ${yuan}`);
	return roundFen(yuan * 100);
}

/** A fen amount that came out of a product, rounded to a whole fen half away from zero. */
export function roundFen(fen: number): number {
	if (!Number.isFinite(fen)) throw new RangeError(`expected a finite amount, got ${fen}`);
	// toPrecision(15) strips binary noise (100.49999999999999 → 100.5) before deciding the half.
	const clean = Number(fen.toPrecision(15));
	const r = Math.sign(clean) * Math.round(Math.abs(clean));
	return r === 0 ? 0 : r;
}

/** A fen amount rounded up to a whole fen (for what owners must pay to cover a need). */
export function ceilFen(fen: number): number {
	if (!Number.isFinite(fen)) throw new RangeError(`expected a finite amount, got ${fen}`);
	const r = Math.ceil(Number(fen.toPrecision(15)));
	return r === 0 ? 0 : r;
}

/** Whole fen back to yuan (exact to two decimals as a number). */
export function fenToYuan(fen: number): number {
	return fen / 100;
}
