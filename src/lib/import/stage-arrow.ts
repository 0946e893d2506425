/**
 * Staging chunks as Arrow IPC: the checked rows of a prepared file as typed columns, which DuckDB takes as they are
 * (insertArrowFromIPCStream) instead of parsing CSV text again. Measured on 1M score rows in Node wasm: building and
 * loading CSV text took most of the staging time; see docs/performance.md ("Engine speed").
 *
 * The values mean exactly what the CSV staging (stage.ts) made of them, so either path stages the same rows:
 * - text: as given, and an empty text is null (read_csv reads an empty unquoted field as NULL); a column that repeats
 *   a few texts (estates, periods, indicators, sources) travels dictionary-encoded: each text encoded once, an id
 *   per row (1M score rows: the chunks built in 315-496 ms instead of 430-750 ms);
 * - numbers (DOUBLE and INTEGER) travel as float64 and DuckDB casts them to the column's type: an INTEGER out of
 *   range fails there as it failed in read_csv, instead of wrapping around in an int32 here (normalising already
 *   made them integers);
 * - TIMESTAMP travels as its canonical text 'YYYY-MM-DD HH:MM:SS', which DuckDB's cast reads as read_csv did;
 * - BOOLEAN as true / false.
 */
import { Bool, Dictionary, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { DATASETS, type ColumnMeta } from '../data/datasets';
import type { PreparedImport } from './prepared';
import { chunkRows } from './stage-order';

const encoder = new TextEncoder();

/** A validity bitmap (1 = present) for `n` values, and how many are null. */
function validity(n: number, present: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
	const bitmap = new Uint8Array((n + 7) >> 3);
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
		else nulls++;
	}
	return { bitmap, nulls };
}

/** float64 column of the given rows; null and undefined are null. */
function numberVector(values: readonly unknown[], rows: Int32Array): Vector {
	const n = rows.length;
	const data = new Float64Array(n);
	const { bitmap, nulls } = validity(n, (k) => {
		const v = values[rows[k]];
		if (v === null || v === undefined) return false;
		data[k] = Number(v);
		return true;
	});
	return makeVector(makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, data }));
}

/** boolean column of the given rows. */
function boolVector(values: readonly unknown[], rows: Int32Array): Vector {
	const n = rows.length;
	const data = new Uint8Array((n + 7) >> 3);
	const { bitmap, nulls } = validity(n, (k) => {
		const v = values[rows[k]];
		if (v === null || v === undefined) return false;
		if (v) data[k >> 3] |= 1 << (k & 7);
		return true;
	});
	return makeVector(makeData({ type: new Bool(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, data }));
}

/** A dictionary column is given up, for plain utf8, once it holds more texts than this share of its rows (and 1,024). */
const DICTIONARY_SHARE = 0.25;

/** A text cell as staged: null and undefined are '' (null in the table), anything else its text. */
function textOf(v: unknown): string {
	return v === null || v === undefined ? '' : typeof v === 'string' ? v : String(v);
}

/** utf8 data holding `texts` one after another. */
function utf8Data(texts: readonly string[]) {
	const offsets = new Int32Array(texts.length + 1);
	let bytes: Uint8Array = new Uint8Array(Math.max(1024, texts.length * 8));
	let used = 0;
	texts.forEach((s, i) => {
		if (used + s.length * 3 > bytes.length) bytes = grow(bytes, used + s.length * 3);
		used += encoder.encodeInto(s, bytes.subarray(used)).written;
		offsets[i + 1] = used;
	});
	return makeData({ type: new Utf8(), length: texts.length, nullCount: 0, valueOffsets: offsets, data: bytes.subarray(0, used) });
}

/**
 * The column as dictionary<int32, utf8> (`id`: the dictionary's id, unique in the stream), or null when its texts
 * repeat too little for a dictionary to pay.
 */
function dictionaryVector(values: readonly unknown[], rows: Int32Array, id: number): Vector | null {
	const n = rows.length;
	const limit = Math.max(1024, n * DICTIONARY_SHARE);
	const codes = new Int32Array(n);
	const bitmap = new Uint8Array((n + 7) >> 3);
	const index = new Map<string, number>();
	const texts: string[] = [];
	let nulls = 0;
	// Sorted files repeat a text row after row (an estate's id, a period): the last one is checked before the map.
	let last: string | undefined;
	let lastCode = 0;
	for (let k = 0; k < n; k++) {
		const s = textOf(values[rows[k]]);
		if (s === '') {
			nulls++;
			continue;
		}
		let code = s === last ? lastCode : index.get(s);
		if (code === undefined) {
			if (texts.length >= limit) return null;
			code = texts.length;
			texts.push(s);
			index.set(s, code);
		}
		last = s;
		lastCode = code;
		codes[k] = code;
		bitmap[k >> 3] |= 1 << (k & 7);
	}
	const type = new Dictionary(new Utf8(), new Int32(), id);
	return makeVector(makeData({ type, length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, data: codes, dictionary: makeVector(utf8Data(texts)) }));
}

/**
 * utf8 column of the given rows, encoded into one growing buffer. Rows usually repeat a few values (estate, period,
 * indicator): the last value's bytes are reused when the same string comes again.
 */
function textVector(values: readonly unknown[], rows: Int32Array): Vector {
	const n = rows.length;
	const offsets = new Int32Array(n + 1);
	let bytes: Uint8Array = new Uint8Array(Math.max(1024, n * 8));
	let used = 0;
	let last: string | null = null;
	let lastStart = 0;
	let lastLen = 0;
	const { bitmap, nulls } = validity(n, (k) => {
		const s = textOf(values[rows[k]]);
		if (s === '') {
			offsets[k + 1] = used;
			return false;
		}
		if (s === last) {
			if (used + lastLen > bytes.length) bytes = grow(bytes, used + lastLen);
			bytes.copyWithin(used, lastStart, lastStart + lastLen);
		} else {
			// UTF-8 takes at most 3 bytes per UTF-16 unit.
			if (used + s.length * 3 > bytes.length) bytes = grow(bytes, used + s.length * 3);
			lastLen = encoder.encodeInto(s, bytes.subarray(used)).written;
			last = s;
		}
		lastStart = used;
		used += lastLen;
		offsets[k + 1] = used;
		return true;
	});
	return makeVector(
		makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, valueOffsets: offsets, data: bytes.subarray(0, used) })
	);
}

function grow(bytes: Uint8Array, need: number): Uint8Array {
	const next = new Uint8Array(Math.max(need, bytes.length * 2));
	next.set(bytes);
	return next;
}

/**
 * A staging chunk of a prepared file held in this thread, as an Arrow IPC stream in the staging table's column
 * order (stage.ts stagingDdl): `_i` (the row's index), `_drop` (false), then the dataset's columns; rows
 * at staging places [start, end) without row-level errors (stage-order.ts). DuckDB appends it to the staging table by
 * position.
 */
export function arrowChunk(prepared: PreparedImport, start: number, end: number): { bytes: Uint8Array; rows: number } {
	const dataset = prepared.dataset;
	if (!dataset) throw new Error(`${prepared.file}: dataset not recognised, nothing to stage`);
	const cols = DATASETS[dataset].columns as readonly ColumnMeta[];
	const rows = chunkRows(prepared, start, end);
	const n = rows.length;
	if (n === 0) return { bytes: new Uint8Array(0), rows: 0 };
	const vectors: Record<string, Vector> = {
		_i: makeVector(rows),
		_drop: makeVector(makeData({ type: new Bool(), length: n, nullCount: 0, data: new Uint8Array((n + 7) >> 3) }))
	};
	cols.forEach((c, k) => {
		const values = prepared.columns[k];
		// Names only need to be distinct: the append is by position.
		vectors[`c${k}`] =
			c.type === 'VARCHAR' || c.type === 'TIMESTAMP'
				? (dictionaryVector(values, rows, k) ?? textVector(values, rows))
				: c.type === 'BOOLEAN'
					? boolVector(values, rows)
					: numberVector(values, rows);
	});
	return { bytes: tableToIPC(new Table(vectors), 'stream'), rows: n };
}
