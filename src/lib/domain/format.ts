/**
 * Number formatting for the explanations the domain functions return (plain text, both languages).
 */

/** A number with at most `digits` decimals and no trailing zeros: 0.4, 79.0426, 2.3. */
export function formatFigure(value: number, digits = 4): string {
	if (!Number.isFinite(value)) return String(value);
	// toFixed then Number drops trailing zeros; `+ 0` turns -0 into 0.
	return String(Number(value.toFixed(digits)) + 0);
}
