/**
 * The start-up snapshot's IndexedDB reads that index.html's first script began (scripts/early-engine.mjs,
 * EARLY_READS_SCRIPT): the stored workspace and the snapshot of the page opened, read in one transaction while the
 * app's scripts loaded. Taken once; null when the script did not run (vite dev) or could not read.
 */
export interface EarlyReads {
	/** The view whose snapshot was read ('overview' or 'district'). */
	view: string;
	/** The stored workspace record as stored (undefined: none, or no database yet), to be validated like any stored value. */
	workspace: unknown;
	/** The stored snapshot record of `view` (undefined: none). */
	snapshot: unknown;
}

const PAGE_KEY = 'zhijiaEarlyReads';

/** The early reads, handed over once (later calls get null, so a later start reads afresh). */
export async function takeEarlyReads(): Promise<EarlyReads | null> {
	const page = globalThis as unknown as Record<string, Promise<EarlyReads | null> | undefined>;
	const reads = page[PAGE_KEY];
	delete page[PAGE_KEY];
	return reads ? reads.catch(() => null) : null;
}
