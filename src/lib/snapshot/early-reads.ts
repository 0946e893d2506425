/**
 * The start-up snapshot's IndexedDB reads that index.html's first script began (scripts/early-engine.mjs,
 * earlyReadsScript): the stored workspace and the snapshot of the page opened, read in one transaction while the
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

const SNAPSHOT_KEY = 'zhijiaEarlySnapshot';

/**
 * The response to the build's snapshot file that index.html's first script requested on a first visit (nothing
 * stored), if it is the file asked for; taken once. null otherwise: the caller fetches it itself.
 */
export function takeEarlySnapshot(url: string): Promise<Response> | null {
	const page = globalThis as unknown as Record<string, { url: string; response: Promise<Response> } | undefined>;
	const early = page[SNAPSHOT_KEY];
	delete page[SNAPSHOT_KEY];
	return early && sameFile(early.url, url) ? early.response : null;
}

/** Whether two URLs name the same file (the script has the path, the app's module an absolute URL). */
function sameFile(a: string, b: string): boolean {
	const base = globalThis.location?.href ?? 'http://localhost/';
	return new URL(a, base).href === new URL(b, base).href;
}
