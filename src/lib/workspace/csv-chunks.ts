/**
 * Splitting a CSV file's bytes into chunks that DuckDB can read one at a time, each a small CSV file of its own
 * (the header, then whole records), so the engine never holds a whole large file (docs/performance.md, "Memory").
 * Everything works on the bytes: no decoding to a string, so nothing long runs on the main thread.
 *
 * Records end at a line feed outside double quotes (RFC 4180: a quoted field may hold line breaks and `""`;
 * counting quote characters gives the quoted state, since an escaped quote toggles it twice).
 */

export const LF = 0x0a;
export const QUOTE = 0x22;

/** The chunk size the start-up loader uses: small enough for the wasm heap and short main-thread tasks. */
export const DEFAULT_CHUNK_BYTES = 16 * 1024 * 1024;

/** A file's bytes without a leading UTF-8 byte-order mark (a view, no copy). */
export function withoutBomBytes(bytes: Uint8Array): Uint8Array {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * The end of the first record that ends at or after `from` (the index after its line feed), or `bytes.length`
 * when the file ends first. `from` must be at a record boundary or inside the record, with `quoted` the state
 * there.
 */
function recordEnd(bytes: Uint8Array, from: number, quoted: boolean): number {
	let p = from;
	for (;;) {
		if (quoted) {
			// Inside quotes a line feed is data: skip to the closing quote.
			const q = bytes.indexOf(QUOTE, p);
			if (q < 0) return bytes.length;
			quoted = false;
			p = q + 1;
			continue;
		}
		const nl = bytes.indexOf(LF, p);
		const stop = nl < 0 ? bytes.length : nl;
		// Searched only up to the line feed: a file without quotes is never scanned to its end.
		const q = bytes.subarray(p, stop).indexOf(QUOTE);
		if (q < 0) return nl < 0 ? bytes.length : nl + 1;
		quoted = true;
		p += q + 1;
	}
}

/** Whether `[from, to)` holds an odd number of quote characters (so `to` is inside quotes if `from` was not). */
function oddQuotes(bytes: Uint8Array, from: number, to: number): boolean {
	const view = bytes.subarray(from, to);
	let odd = false;
	for (let p = view.indexOf(QUOTE); p >= 0; p = view.indexOf(QUOTE, p + 1)) odd = !odd;
	return odd;
}

/** Where the chunks of a file are: the header's bytes and each chunk's records, as offsets into the file. */
export interface CsvLayout {
	/** The file without its BOM; the offsets below are into this. */
	bytes: Uint8Array;
	/** End of the header record (after its line feed). */
	headerEnd: number;
	/** About how many bytes of records each chunk holds. */
	chunkBytes: number;
	/** [start, end) of each chunk cut so far (by {@link csvChunks}). */
	ranges: [number, number][];
}

/** A file (BOM removed) to be cut into chunks of whole records of about `chunkBytes` each, after the header. */
export function csvLayout(file: Uint8Array, chunkBytes = DEFAULT_CHUNK_BYTES): CsvLayout {
	const bytes = withoutBomBytes(file);
	return { bytes, headerEnd: recordEnd(bytes, 0, false), chunkBytes: Math.max(1, chunkBytes), ranges: [] };
}

/**
 * Bytes copied between two chances to end the task ({@link ChunkStep}). A chunk is a fresh buffer, and a fresh
 * buffer's memory is first touched as it is filled: on the 2-core development machine that cost about 3 ms per MB,
 * and cutting a 16 MiB chunk in one piece held the page for 0.1-0.16 s, over and over during a city's load
 * (docs/performance.md, session 31).
 */
export const PIECE_BYTES = 1 << 20;

/** One step of cutting chunks: a chunk, or null after a piece of one was copied (the caller may end its task there). */
export type ChunkStep = Uint8Array | null;

/**
 * The chunks of a file, cut one at a time as they are asked for, each a CSV file of its own: the header then whole
 * records, in a new buffer (it may be transferred to a worker without detaching the file's), copied a piece at a
 * time ({@link PIECE_BYTES}, a null step after each piece but the last). A record longer than the chunk size makes
 * its chunk longer; it is never split. A file with no records after the header has no chunks.
 */
export function* csvChunkSteps(layout: CsvLayout): Generator<ChunkStep, void, void> {
	const { bytes, headerEnd } = layout;
	let start = layout.ranges.length > 0 ? layout.ranges[layout.ranges.length - 1][1] : headerEnd;
	while (start < bytes.length) {
		const target = start + layout.chunkBytes;
		const end = target >= bytes.length ? bytes.length : recordEnd(bytes, target, oddQuotes(bytes, start, target));
		layout.ranges.push([start, end]);
		const out = new Uint8Array(headerEnd + (end - start));
		out.set(bytes.subarray(0, headerEnd), 0);
		for (let from = start; from < end; ) {
			const to = Math.min(end, from + PIECE_BYTES);
			out.set(bytes.subarray(from, to), headerEnd + (from - start));
			from = to;
			if (from < end) yield null;
		}
		yield out;
		start = end;
	}
}

/** The chunks of {@link csvChunkSteps}, without its pauses. */
export function* chunksOnly(steps: Iterable<ChunkStep>): Generator<Uint8Array, void, void> {
	for (const step of steps) if (step) yield step;
}

/** The chunks of a file ({@link csvChunkSteps}), one after the other. */
export function csvChunks(layout: CsvLayout): Generator<Uint8Array, void, void> {
	return chunksOnly(csvChunkSteps(layout));
}

/** The header record as text (without its line end), for the header check. */
export function headerText(layout: CsvLayout): string {
	return new TextDecoder().decode(layout.bytes.subarray(0, layout.headerEnd)).replace(/\r?\n$/, '');
}

/**
 * The line of the whole file (as DuckDB numbers them: records, the header being 1) of line `line` of chunk `i`
 * (the header being its line 1 too; chunk `i` must have been cut). Counts the records before the chunk, so it is
 * only for error messages.
 */
export function fileLine(layout: CsvLayout, i: number, line: number): number {
	if (line < 2) return line;
	// Records before the chunk: line feeds outside quotes in [0, start). The next quote and line feed are searched
	// for only once passed, so a file without quotes is one indexOf per line.
	const bytes = layout.bytes.subarray(0, layout.ranges[i][0]);
	let records = 0;
	let quoted = false;
	let q = bytes.indexOf(QUOTE);
	let nl = bytes.indexOf(LF);
	for (;;) {
		if (quoted) {
			if (q < 0) break;
			quoted = false;
			if (nl >= 0 && nl < q) nl = bytes.indexOf(LF, q + 1);
			q = bytes.indexOf(QUOTE, q + 1);
		} else if (nl >= 0 && (q < 0 || nl < q)) {
			records++;
			nl = bytes.indexOf(LF, nl + 1);
		} else if (q >= 0) {
			quoted = true;
			q = bytes.indexOf(QUOTE, q + 1);
		} else break;
	}
	return records + line - 1;
}
