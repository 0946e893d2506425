/**
 * How big a file the browser may import. The wasm heap is capped near 4 GB (about 3.4 GB usable in Chrome)
 * and never shrinks; during an import the decoded text, the parsed cells, the normalised columns, the
 * staging CSV and DuckDB's own copies are alive at once, and query results lose dictionary encoding. We
 * assume about 10× the CSV size at the peak (measured: a 40 MB, 1,000,000-row score CSV passes comfortably)
 * and refuse above 300 MB of CSV, suggesting the command-line tool instead. Other formats expand more per
 * byte on disk (compressed or verbose), so their factors are larger.
 */
import type { SourceKind } from './types';

/** The largest CSV the browser should import (bytes). */
export const BROWSER_IMPORT_LIMIT_BYTES = 300 * 1024 * 1024;

/** Peak memory during an import, as a multiple of the file size, by format. */
export const MEMORY_FACTOR: Readonly<Record<SourceKind, number>> = {
	/** Text → cells → canonical CSV → DuckDB. */
	csv: 10,
	/** JSON.parse builds an object per record before the cells are taken out. */
	json: 15,
	/** Zipped XML, expanded by SheetJS into cell objects: about 6× unzipped, 8× for zip. */
	xlsx: 50,
	/** Compressed columns decoded into JS values. */
	parquet: 30
};

/** The peak memory budget the limit stands for (10 × 300 MB). */
export const BROWSER_MEMORY_BUDGET = MEMORY_FACTOR.csv * BROWSER_IMPORT_LIMIT_BYTES;

/** Expected peak memory of importing a file, and whether the browser should try. */
export interface MemoryEstimate {
	readonly bytes: number;
	readonly kind: SourceKind;
	readonly estimatedBytes: number;
	readonly budgetBytes: number;
	/** False: refuse in the browser and suggest `zhijia validate` / the CLI. */
	readonly withinBrowserLimit: boolean;
}

/** Estimates the peak memory an import of `bytes` bytes of `kind` needs. */
export function estimateMemory(bytes: number, kind: SourceKind): MemoryEstimate {
	const estimatedBytes = Math.round(bytes * MEMORY_FACTOR[kind]);
	return { bytes, kind, estimatedBytes, budgetBytes: BROWSER_MEMORY_BUDGET, withinBrowserLimit: estimatedBytes <= BROWSER_MEMORY_BUDGET };
}
