/** Shared imports for the domain tests. */
import { DEFAULT_INDICATOR_SYSTEM } from '$lib/domain';
export * from '$lib/domain';

/** The default red lines, for tests that exercise applyRedLines directly. */
export const DEFAULT_RED_LINES_FOR_TEST = DEFAULT_INDICATOR_SYSTEM.redLines;

/**
 * Seeded pseudo-random numbers in [0, 1) (mulberry32), so property tests are reproducible without a
 * dependency.
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
