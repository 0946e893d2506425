/** Text in the order DuckDB sorts VARCHAR: by code point. */

/** Compares two texts by code point, as DuckDB orders VARCHAR (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.charCodeAt(i);
		const y = b.charCodeAt(i);
		if (x === y) continue;
		// A surrogate (an astral code point) is above every other unit's code point; otherwise units compare as points.
		const sx = x >= 0xd800 && x <= 0xdfff;
		const sy = y >= 0xd800 && y <= 0xdfff;
		if (sx !== sy) return sx ? 1 : -1;
		return x - y;
	}
	return a.length - b.length;
}
