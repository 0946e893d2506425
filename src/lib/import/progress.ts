/** Timing, pacing and cancellation helpers shared by the long-running import steps. */
import type { ImportPhase, RunOptions } from './types';

/** Milliseconds from a monotonic clock where there is one. */
export function now(): number {
	return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Rows per second since `startedAt`. */
export function rate(rows: number, startedAt: number): number {
	const s = (now() - startedAt) / 1000;
	return s > 0 ? Math.round(rows / s) : 0;
}

/** Lets the browser paint (and a cancel button be clicked) between chunks. */
export function pause(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Between chunks: stop if cancelled, report progress, yield, and check again. */
export async function checkpoint(options: RunOptions, phase: ImportPhase, rows: number, total: number | null, started: number): Promise<void> {
	options.signal?.throwIfAborted();
	options.onProgress?.({ phase, rows, totalRows: total, rowsPerSecond: rate(rows, started) });
	await pause();
	options.signal?.throwIfAborted();
}
