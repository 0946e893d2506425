/**
 * Exact comparisons of decimal figures against fractions, for vote thresholds where "exactly 2/3"
 * must pass and "a hair under" must fail. Floating point cannot promise that (3 × 137680.84 is not
 * exactly 413042.52 in binary), so each figure is read as the exact decimal it was written as and
 * compared in BigInt integers.
 */

/** An exact fraction num ÷ den with den > 0. */
export interface Rational {
	num: bigint;
	den: bigint;
}

/**
 * The exact decimal a finite number was written as: 137680.84 → 13768084 / 100. Uses the shortest
 * round-trip decimal (String(x)), which is what the user typed or the CSV held.
 * @throws RangeError if x is not finite.
 */
export function decimalToRational(x: number): Rational {
	if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
	const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(String(x));
	// String() of a finite number always matches; the guard keeps the types honest.
	if (!m) throw new RangeError(`cannot read ${x} as a decimal`);
	const fraction = m[3] ?? '';
	const exponent = Number(m[4] ?? 0) - fraction.length;
	let num = BigInt(m[2] + fraction);
	if (m[1] === '-') num = -num;
	return exponent >= 0 ? { num: num * 10n ** BigInt(exponent), den: 1n } : { num, den: 10n ** BigInt(-exponent) };
}

/**
 * Compare a ÷ b with the fraction p ÷ q exactly (b, q > 0): −1 below, 0 equal, 1 above.
 * E.g. compareRatio(200, 300, 2n, 3n) = 0: exactly two thirds.
 * @throws RangeError if b or q is not > 0.
 */
export function compareRatio(a: number, b: number, p: bigint, q: bigint): -1 | 0 | 1 {
	const ra = decimalToRational(a);
	const rb = decimalToRational(b);
	if (rb.num <= 0n || q <= 0n) throw new RangeError('ratio denominators must be > 0');
	// a/b vs p/q ⇔ q·a vs p·b ⇔ q·a.num·b.den vs p·b.num·a.den (all denominators positive).
	const left = q * ra.num * rb.den;
	const right = p * rb.num * ra.den;
	return left < right ? -1 : left > right ? 1 : 0;
}

/** p ÷ q × b as a number, for showing a threshold (the comparison itself stays exact). */
export function fractionOf(b: number, p: bigint, q: bigint): number {
	const rb = decimalToRational(b);
	const num = p * rb.num;
	const den = q * rb.den;
	// Whole part in BigInt, remainder in floating point: exact for counts, within rounding for areas.
	return Number(num / den) + Number(num % den) / Number(den);
}
