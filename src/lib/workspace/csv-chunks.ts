/**
 * Splitting a CSV file's bytes into chunks that DuckDB can read one at a time, each a small CSV file of its own
 * (the header, then whole records), so the engine never holds a whole large file (docs/performance.md, "Memory").
 * Everything works on the bytes: no decoding to a string, so nothing long runs on the main thread.
 *
 * Records end at a line feed outside double quotes (RFC 4180: a quoted field may hold line breaks and `""`;
 * counting quote characters gives the quoted state, since an escaped quote toggles it twice).
 */

const LF = 0x0a;
const QUOTE = 0x22;

/** The chunk size the start-up loader uses: small enough for the wasm heap and short main-thread tasks. */
export const DEFAULT_CHUNK_BYTES = 32 * 1024 * 1024;

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
		const q = bytes.indexOf(QUOTE, p);
		if (quoted) {
			// Inside quotes a line feed is data: skip to the closing quote.
			if (q < 0) return bytes.length;
			quoted = false;
			p = q + 1;
			continue;
		}
		const nl = bytes.indexOf(LF, p);
		if (nl < 0) return bytes.length;
		if (q < 0 || nl < q) return nl + 1;
		quoted = true;
		p = q + 1;
	}
}

/** Whether `[from, to)` holds an odd number of quote characters (so `to` is inside quotes if `from` was not). */
function oddQuotes(bytes: Uint8Array, from: number, to: number): boolean {
	let odd = false;
	for (let p = bytes.indexOf(QUOTE, from); p >= 0 && p < to; p = bytes.indexOf(QUOTE, p + 1)) odd = !odd;
	return odd;
}

/** Where the chunks of a file are: the header's bytes and each chunk's records, as offsets into the file. */
export interface CsvLayout {
	/** The file without its BOM; the offsets below are into this. */
	bytes: Uint8Array;
	/** End of the header record (after its line feed). */
	headerEnd: number;
	/** [start, end) of each chunk's records; empty when the file has no records after the header. */
	ranges: [number, number][];
}

/**
 * Cuts a file (BOM removed) into ranges of whole records of about `chunkBytes` each, after the header. A record
 * longer than `chunkBytes` makes its chunk longer; it is never split.
 */
export function csvLayout(file: Uint8Array, chunkBytes = DEFAULT_CHUNK_BYTES): CsvLayout {
	const bytes = withoutBomBytes(file);
	const headerEnd = recordEnd(bytes, 0, false);
	const ranges: [number, number][] = [];
	let start = headerEnd;
	while (start < bytes.length) {
		const target = start + Math.max(1, chunkBytes);
		const end = target >= bytes.length ? bytes.length : recordEnd(bytes, target, oddQuotes(bytes, start, target));
		ranges.push([start, end]);
		start = end;
	}
	return { bytes, headerEnd, ranges };
}

/**
 * Chunk `i` of a layout as a CSV file of its own: the header then the chunk's records, in a new buffer (it may be
 * transferred to a worker without detaching the file's).
 */
export function chunkBytes(layout: CsvLayout, i: number): Uint8Array {
	const [start, end] = layout.ranges[i];
	const out = new Uint8Array(layout.headerEnd + (end - start));
	out.set(layout.bytes.subarray(0, layout.headerEnd), 0);
	out.set(layout.bytes.subarray(start, end), layout.headerEnd);
	return out;
}

/** The header record as text (without its line end), for the header check. */
export function headerText(layout: CsvLayout): string {
	return new TextDecoder().decode(layout.bytes.subarray(0, layout.headerEnd)).replace(/\r?\n$/, '');
}

/**
 * The line of the whole file (as DuckDB numbers them: records, the header being 1) of line `line` of chunk `i`
 * (the header being its line 1 too). Counts the records before the chunk, so it is only for error messages.
 */
export function fileLine(layout: CsvLayout, i: number, line: number): number {
	if (line < 2) return line;
	const start = layout.ranges[i][0];
	const { bytes } = layout;
	// Records before the chunk: line feeds outside quotes in [0, start). The next quote and line feed are searched
	// for only once passed, so a file without quotes is one indexOf per line.
	let records = 0;
	let quoted = false;
	let q = bytes.indexOf(QUOTE);
	let nl = bytes.indexOf(LF);
	const at = (x: number) => (x < 0 || x >= start ? Infinity : x);
	for (;;) {
		const nq = at(q);
		const nn = at(nl);
		if (quoted) {
			if (nq === Infinity) break;
			quoted = false;
			q = bytes.indexOf(QUOTE, nq + 1);
			if (nl >= 0 && nl < nq) nl = bytes.indexOf(LF, nq + 1);
		} else if (nn < nq) {
			records++;
			nl = bytes.indexOf(LF, nn + 1);
		} else if (nq < Infinity) {
			quoted = true;
			q = bytes.indexOf(QUOTE, nq + 1);
		} else break;
	}
	return records + line - 1;
}
