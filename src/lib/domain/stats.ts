/**
 * Small descriptive statistics used by the regression and peer modules. Non-finite values are the
 * caller's job to remove: these functions assume clean input.
 */

/** Arithmetic mean; NaN for an empty list. */
export function mean(values: ArrayLike<number>): number {
	if (values.length === 0) return NaN;
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

/** Median (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: ArrayLike<number>): number {
	if (values.length === 0) return NaN;
	const sorted = Array.from(values).sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Population standard deviation (divides by n, not n − 1): used to standardise features within a known,
 * complete candidate pool, not to estimate a wider population. NaN for an empty list.
 */
export function populationSd(values: readonly number[]): number {
	const m = mean(values);
	if (Number.isNaN(m)) return NaN;
	let ss = 0;
	for (const v of values) ss += (v - m) ** 2;
	return Math.sqrt(ss / values.length);
}

/** How many values of an ascending array are ≤ x (binary search): percentile ranks of many values at once. */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (sorted[mid] <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
