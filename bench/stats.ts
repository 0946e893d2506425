/**
 * The bench's arithmetic: timing a task several times, medians and ratios. Nothing else.
 */

/** Median of the numbers (mean of the middle two for an even count); null for none. */
export function median(xs: readonly number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** a ÷ b, or null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
	if (a == null || b == null || b === 0) return null;
	return a / b;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = (): number => performance.now();

/**
 * Runs `task` `warmup` times untimed, then `runs` times timed; returns each run's milliseconds. `before` runs
 * untimed ahead of every run (e.g. to drop a table the task creates). Errors propagate.
 */
export async function timeRuns(
	task: (run: number) => unknown,
	{ runs, warmup = 0, before }: { runs: number; warmup?: number; before?: (run: number) => unknown }
): Promise<number[]> {
	for (let i = 0; i < warmup; i++) {
		await before?.(-1 - i);
		await task(-1 - i);
	}
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		await before?.(i);
		const t0 = now();
		await task(i);
		times.push(now() - t0);
	}
	return times;
}
