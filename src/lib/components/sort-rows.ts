/**
 * Sorting for the app's data tables (the district ranking, the subsidy tables): by one column, missing values last
 * whatever the direction, ties in key order (code-unit order: keys are ids, not words to collate). The values are
 * pulled out once and indices sorted; numbers go through a Float64Array, several times faster than comparing a mix
 * of boxed numbers and nulls, which matters for a city's 13,000 rows.
 */
export function sortRows<T>(
	rows: readonly T[],
	value: (row: T) => number | string | null,
	key: (row: T) => string,
	descending: boolean
): T[] {
	const n = rows.length;
	const values = rows.map(value);
	const keys = rows.map(key);
	const byKey = (a: number, b: number) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0);
	const index = Array.from({ length: n }, (_, i) => i);
	if (values.every((v) => v === null || typeof v === 'number')) {
		// Direction applied and missing as +∞, so one numeric comparison puts them last either way.
		const sign = descending ? -1 : 1;
		const numbers = Float64Array.from(values, (v) => (v === null ? Infinity : sign * (v as number)));
		index.sort((a, b) => numbers[a] - numbers[b] || byKey(a, b));
	} else {
		const dir = descending ? -1 : 1;
		index.sort((a, b) => {
			const x = values[a];
			const y = values[b];
			if (x === y) return byKey(a, b);
			if (x === null) return 1;
			if (y === null) return -1;
			return (x < y ? -1 : 1) * dir;
		});
	}
	return index.map((i) => rows[i]);
}
