/**
 * A canonical CSV file's records in the order a dataset stores them (data/cluster-order.ts): grouped by one field's
 * text, groups ascending, each group in the file's order. The chunks are cut as csv-chunks.ts cuts them (the
 * header, then whole records of about the chunk size), from the records in that order. Works on the bytes: each
 * record's key field is read in place, and a key's text is decoded once.
 */
import { clusterOrderSteps } from '../data/cluster-order';
import { LF, PIECE_BYTES, QUOTE, type ChunkStep, type CsvLayout } from './csv-chunks';

const COMMA = 0x2c;
const CR = 0x0d;

/** Chunks to load, cut in steps (csv-chunks.ts ChunkStep), and the line of the whole file of a line of chunk `i`. */
export interface ChunkPlan {
	chunks: Generator<ChunkStep, void, void>;
	fileLine(i: number, line: number): number;
}

/** The bytes as a plain Uint8Array: a Node Buffer's subarray makes a Buffer, several times slower per call. */
function plainView(bytes: Uint8Array): Uint8Array {
	return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

const decoder = new TextDecoder();

/** The text of a field's bytes: quotes taken off and `""` read as `"` when it is quoted. */
function fieldText(bytes: Uint8Array, start: number, end: number): string {
	const raw = decoder.decode(bytes.subarray(start, end));
	return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
}

/**
 * Codes of keys read as bytes: a key's bytes are hashed and compared with those of the keys seen (its text is
 * decoded once, when first seen), and two spellings of one text (quoted or not) get the same code.
 */
class ByteKeys {
	readonly keys: string[] = [];
	private readonly byHash = new Map<number, number[]>();
	private readonly spellings: Uint8Array[] = [];
	private readonly spellingCode: number[] = [];
	private readonly byText = new Map<string, number>();

	code(bytes: Uint8Array, start: number, end: number): number {
		let h = 0x811c9dc5;
		for (let p = start; p < end; p++) h = Math.imul(h ^ bytes[p], 0x01000193);
		const seen = this.byHash.get(h);
		if (seen) {
			for (const k of seen) {
				const b = this.spellings[k];
				if (b.length === end - start && sameBytes(b, 0, bytes, start, b.length)) return this.spellingCode[k];
			}
		}
		const text = fieldText(bytes, start, end);
		let code = this.byText.get(text);
		if (code === undefined) {
			code = this.keys.length;
			this.keys.push(text);
			this.byText.set(text, code);
		}
		const k = this.spellings.length;
		this.spellings.push(bytes.slice(start, end));
		this.spellingCode.push(code);
		if (seen) seen.push(k);
		else this.byHash.set(h, [k]);
		return code;
	}
}

/** Whether a[aStart, aStart + len) and b[bStart, bStart + len) hold the same bytes. */
function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, len: number): boolean {
	for (let k = 0; k < len; k++) if (a[aStart + k] !== b[bStart + k]) return false;
	return true;
}

/**
 * Bytes scanned per step (see runSteps, which runs warm steps together up to its budget): a few ms of a task once
 * the scan is optimised; the first steps run before it is, several times slower, so they are kept short too
 * (docs/performance.md, session 31).
 */
const STEP_BYTES = 1024 * 1024;

/**
 * Each record's start and its key's code (field `field`, from 0; -1 for an empty or missing field), in one pass
 * over the bytes. Records end at a line feed outside quotes, as csv-chunks.ts reads them; quotes toggle (an escaped
 * `""` toggles twice).
 */
function* scanRecords(layout: CsvLayout, field: number): Generator<void, { starts: Uint32Array; codes: Int32Array; keys: string[]; n: number }, void> {
	const { headerEnd } = layout;
	const bytes = plainView(layout.bytes);
	const len = bytes.length;
	// A typed array's length fits in 32 bits, so its offsets do too. Grown as records are found.
	let starts = new Uint32Array(Math.max(16, (len - headerEnd) >> 5));
	let codes = new Int32Array(starts.length);
	const keys = new ByteKeys();
	// The last key's bytes are compared first: a file repeats a key row after row.
	let lastStart = -1;
	let lastLen = -1;
	let lastCode = -1;
	let n = 0;
	let p = headerEnd;
	// The next quote at or after p, or -1 when there is none before `quoteFree`. A line without one is a record: its
	// end is found by indexOf and only its fields up to the key are read byte by byte. Quotes are searched for a step's
	// bytes ahead at a time: one search to the end of a file without any took 0.3 s of one task for a city's scores.
	let nextQuote = -1;
	let quoteFree = p;
	let pause = p + STEP_BYTES;
	while (p < len) {
		if (p >= pause) {
			yield;
			pause = p + STEP_BYTES;
		}
		if (n + 1 >= starts.length) {
			const grown = new Uint32Array(starts.length * 2);
			grown.set(starts);
			starts = grown;
			const grownCodes = new Int32Array(grown.length);
			grownCodes.set(codes);
			codes = grownCodes;
		}
		starts[n] = p;
		const nl = bytes.indexOf(LF, p);
		const lineEnd = nl < 0 ? len : nl;
		if (nextQuote >= 0 && nextQuote < p) nextQuote = -1;
		if (nextQuote < 0 && quoteFree <= lineEnd) {
			const from = Math.max(p, quoteFree);
			const to = Math.min(len, Math.max(lineEnd + 1, from + STEP_BYTES));
			const q = bytes.subarray(from, to).indexOf(QUOTE);
			if (q >= 0) nextQuote = from + q;
			else quoteFree = to;
		}
		let keyStart = -1;
		let keyEnd = -1;
		if (nextQuote < 0 || nextQuote > lineEnd) {
			let f = 0;
			let q = p;
			let fieldStart = p;
			for (; q < lineEnd; q++) {
				if (bytes[q] !== COMMA) continue;
				if (f === field) break;
				f++;
				fieldStart = q + 1;
			}
			if (f === field) {
				keyStart = fieldStart;
				keyEnd = q === lineEnd && q > fieldStart && bytes[q - 1] === CR ? q - 1 : q;
			}
			p = nl < 0 ? len : nl + 1;
		} else {
			// Quotes on this line: byte by byte to the line feed outside quotes (which may be lines further on).
			let f = 0;
			let fieldStart = p;
			let quoted = false;
			while (p < len) {
				const b = bytes[p++];
				if (b === QUOTE) quoted = !quoted;
				else if (!quoted && (b === COMMA || b === LF)) {
					// A field ends at p − 1.
					if (f === field) {
						keyStart = fieldStart;
						keyEnd = b === LF && p - 1 > fieldStart && bytes[p - 2] === CR ? p - 2 : p - 1;
					}
					if (b === LF) break;
					f++;
					fieldStart = p;
				}
			}
			// A last record without a line end.
			if (keyStart < 0 && f === field && p >= len && bytes[len - 1] !== LF) {
				keyStart = fieldStart;
				keyEnd = bytes[len - 1] === CR ? len - 1 : len;
			}
			nextQuote = -1;
			quoteFree = p;
		}
		const keyLen = keyEnd - keyStart;
		let code = -1;
		if (keyLen > 0) {
			if (keyLen === lastLen && sameBytes(bytes, lastStart, bytes, keyStart, keyLen)) code = lastCode;
			else {
				code = keys.code(bytes, keyStart, keyEnd);
				lastStart = keyStart;
				lastLen = keyLen;
				lastCode = code;
			}
		}
		codes[n++] = code;
	}
	starts[n] = len;
	return { starts, codes: codes.subarray(0, n), keys: keys.keys, n };
}

/**
 * The chunks of a file with its records grouped by field `field` ({@link ChunkPlan}), or null when the records are
 * already in that order (the file's own chunks are then the same). Steps for runSteps: the file is read a few MB
 * per step, so a large one does not hold the main thread. A last record without a line end gets the
 * header's line end when it moves.
 */
export function* clusteredChunks(layout: CsvLayout, field: number): Generator<void, ChunkPlan | null, void> {
	const { starts, codes, keys, n } = yield* scanRecords(layout, field);
	const order = yield* clusterOrderSteps({ codes, keys });
	if (!order) return null;
	const { headerEnd, chunkBytes } = layout;
	const bytes = plainView(layout.bytes);
	const lineEnd = headerEnd >= 2 && bytes[headerEnd - 2] === CR ? [CR, LF] : [LF];
	const openEnd = bytes.length > headerEnd && bytes[bytes.length - 1] !== LF;
	const lastOpen = (r: number) => openEnd && r === n - 1;
	// The first place (into `order`) of each chunk cut so far.
	const firsts: number[] = [];
	function* chunks(): Generator<ChunkStep, void, void> {
		const ord = order!;
		// Bytes copied since the last pause (see PIECE_BYTES).
		let copied = 0;
		for (let place = 0; place < n; ) {
			const first = place;
			let total = 0;
			while (place < n && (total === 0 || total < chunkBytes)) {
				const r = ord[place++];
				total += starts[r + 1] - starts[r] + (lastOpen(r) ? lineEnd.length : 0);
			}
			const out = new Uint8Array(headerEnd + total);
			out.set(bytes.subarray(0, headerEnd), 0);
			let o = headerEnd;
			// Records next to each other in the file too are copied in one piece (an estate's indicators of a period).
			for (let q = first; q < place; ) {
				const r = ord[q];
				let to = r + 1;
				while (++q < place && ord[q] === to) to++;
				out.set(bytes.subarray(starts[r], starts[to]), o);
				o += starts[to] - starts[r];
				copied += starts[to] - starts[r];
				if (lastOpen(to - 1)) for (const b of lineEnd) out[o++] = b;
				if (copied >= PIECE_BYTES && q < place) {
					copied = 0;
					yield null;
				}
			}
			firsts.push(first);
			yield out;
		}
	}
	return {
		chunks: chunks(),
		// Line 1 is the header; line L ≥ 2 of chunk i is the record at place firsts[i] + L − 2, line r + 2 of the file.
		fileLine: (i, line) => (line < 2 ? line : (order[firsts[i] + line - 2] ?? Number.NaN) + 2)
	};
}
