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
import { DATASETS, type ColumnMeta, type DatasetMeta } from '../data/datasets';
import { ChunkBuffers } from './chunk-buffers';
import { KeySet } from './key-set';
import { NATURAL_KEYS } from './natural-keys';
import type { PreparedImport } from './prepared';
import { chunkRows } from './stage-order';

const encoder = new TextEncoder();

/** A validity bitmap (1 = present) for `n` values, written into `bitmap` (zeroed), and how many are null. */
function validity(n: number, bitmap: Uint8Array, present: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
	let nulls = 0;
	for (let i = 0; i < n; i++) {
		if (present(i)) bitmap[i >> 3] |= 1 << (i & 7);
		else nulls++;
	}
	return { bitmap, nulls };
}

/** float64 column of the given rows; null and undefined are null. Written into the buffers of column `c`. */
function numberVector(values: readonly unknown[], rows: Int32Array, buffers: ChunkBuffers, c: number): Vector {
	const n = rows.length;
	const data = buffers.float64(`data${c}`, n);
	const { bitmap, nulls } = validity(n, buffers.zeroBytes(`bits${c}`, (n + 7) >> 3), (k) => {
		const v = values[rows[k]];
		if (v === null || v === undefined) {
			data[k] = 0;
			return false;
		}
		data[k] = Number(v);
		return true;
	});
	return makeVector(makeData({ type: new Float64(), length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, data }));
}

/** boolean column of the given rows, written into the buffers of column `c`. */
function boolVector(values: readonly unknown[], rows: Int32Array, buffers: ChunkBuffers, c: number): Vector {
	const n = rows.length;
	const data = buffers.zeroBytes(`data${c}`, (n + 7) >> 3);
	const { bitmap, nulls } = validity(n, buffers.zeroBytes(`bits${c}`, (n + 7) >> 3), (k) => {
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

/** A text column's dictionary so far: staging keeps it from one chunk to the next, so a text's code stays the same. */
interface TextDictionary {
	readonly index: Map<string, number>;
	readonly texts: string[];
	/**
	 * A text holds a lone surrogate: UTF-8 writes each as U+FFFD, so two texts that differ only there are one in
	 * DuckDB, and the codes cannot tell its keys.
	 */
	illFormed: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The column as dictionary<int32, utf8> (`id`: the dictionary's id, unique in the stream, and the column whose
 * buffers it is written into) over the texts of `dict` (new ones added), with each row's code + 1 (0 for null) in
 * `codes` if given; or null when its texts repeat too little for a dictionary to pay (more than `limit`).
 */
function dictionaryVector(
	values: readonly unknown[],
	rows: Int32Array,
	id: number,
	dict: TextDictionary,
	limit: number,
	codes: Int32Array | null,
	buffers: ChunkBuffers
): Vector | null {
	const n = rows.length;
	const data = buffers.int32(`data${id}`, n);
	const bitmap = buffers.zeroBytes(`bits${id}`, (n + 7) >> 3);
	const { index, texts } = dict;
	let nulls = 0;
	// Sorted files repeat a text row after row (an estate's id, a period): the last one is checked before the map.
	let last: string | undefined;
	let lastCode = 0;
	for (let k = 0; k < n; k++) {
		const s = textOf(values[rows[k]]);
		if (s === '') {
			nulls++;
			data[k] = 0;
			if (codes) codes[k] = 0;
			continue;
		}
		let code = s === last ? lastCode : index.get(s);
		if (code === undefined) {
			if (texts.length >= limit) return null;
			code = texts.length;
			texts.push(s);
			index.set(s, code);
			if (LONE_SURROGATE.test(s)) dict.illFormed = true;
		}
		last = s;
		lastCode = code;
		data[k] = code;
		if (codes) codes[k] = code + 1;
		bitmap[k >> 3] |= 1 << (k & 7);
	}
	const type = new Dictionary(new Utf8(), new Int32(), id);
	return makeVector(makeData({ type, length: n, nullCount: nulls, nullBitmap: nulls > 0 ? bitmap : undefined, data, dictionary: makeVector(utf8Data(texts)) }));
}

/**
 * utf8 column of the given rows, encoded into one growing buffer. Rows usually repeat a few values (estate, period,
 * indicator): the last value's bytes are reused when the same string comes again.
 */
function textVector(values: readonly unknown[], rows: Int32Array, buffers: ChunkBuffers, c: number): Vector {
	const n = rows.length;
	const offsets = buffers.int32(`offsets${c}`, n + 1);
	offsets[0] = 0;
	let bytes: Uint8Array = new Uint8Array(Math.max(1024, n * 8));
	let used = 0;
	let last: string | null = null;
	let lastStart = 0;
	let lastLen = 0;
	const { bitmap, nulls } = validity(n, buffers.zeroBytes(`textBits${c}`, (n + 7) >> 3), (k) => {
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
 * What staging one prepared file keeps from one chunk to the next (chunks are asked for in order, from 0): each text
 * column's dictionary, and the natural key of every row staged so far (natural-keys.ts), as codes in a {@link KeySet}.
 */
interface FileStaging {
	/** Where the next chunk must start for the keys to count every row staged. */
	next: number;
	staged: number;
	/** Per column: its dictionary so far; null for a column that is not text, or whose texts repeat too little. */
	readonly dictionaries: (TextDictionary | null)[];
	/** The arrays each chunk's columns are written into before they are copied into its IPC bytes. */
	readonly buffers: ChunkBuffers;
	/** The key's columns, codes for its number columns, and the keys seen; null once they cannot be told here. */
	keys: {
		readonly columns: readonly number[];
		readonly numbers: (Map<number, number> | null)[];
		readonly set: KeySet;
		/**
		 * Which key column the stored order groups rows by (stage-order.ts), or -1: two rows with one key are in one
		 * run of it, so the set is cleared at each new run. `run` is the current run's code.
		 */
		readonly cluster: number;
		run: number;
	} | null;
}

const stagings = new WeakMap<PreparedImport, FileStaging>();

/** The staging state of a prepared file for a chunk starting at `start`: fresh at 0, without keys after a gap. */
function stagingOf(prepared: PreparedImport, cols: readonly ColumnMeta[], start: number): FileStaging {
	const kept = stagings.get(prepared);
	if (kept && start !== 0 && kept.next === start) return kept;
	const text = (c: ColumnMeta) => c.type === 'VARCHAR' || c.type === 'TIMESTAMP';
	const clusterBy = (DATASETS[prepared.dataset!] as DatasetMeta).clusterBy;
	const keyColumns = NATURAL_KEYS[prepared.dataset!].columns.map((name) => cols.findIndex((c) => c.name === name));
	// A key is told here from texts and numbers; a timestamp's text is not its only spelling, and an item-per-row
	// register's repeats are not repeats (bulk.ts).
	const countable = start === 0 && !prepared.itemPerRow && keyColumns.every((k) => k >= 0 && cols[k].type !== 'TIMESTAMP' && cols[k].type !== 'BOOLEAN');
	const state: FileStaging = {
		next: start,
		staged: 0,
		dictionaries: cols.map((c) => (text(c) ? { index: new Map(), texts: [], illFormed: false } : null)),
		buffers: kept?.buffers ?? new ChunkBuffers(),
		keys: countable
			? {
					columns: keyColumns,
					numbers: keyColumns.map((k) => (text(cols[k]) ? null : new Map())),
					set: new KeySet(keyColumns.length),
					cluster: clusterBy ? keyColumns.findIndex((k) => cols[k].name === clusterBy) : -1,
					run: -1
				}
			: null
	};
	stagings.set(prepared, state);
	return state;
}

/** Codes (1 + the value's first place, 0 for null) of a number column's rows, for the key; false for an INTEGER that is not whole. */
function numberCodes(values: readonly unknown[], rows: Int32Array, seen: Map<number, number>, integer: boolean, codes: Int32Array): boolean {
	for (let k = 0; k < rows.length; k++) {
		const v = values[rows[k]];
		if (v === null || v === undefined) {
			codes[k] = 0;
			continue;
		}
		const x = Number(v);
		// DuckDB casts the float64 to the column's type: two numbers that round alike would be one key there.
		if (integer && !Number.isInteger(x)) return false;
		let code = seen.get(x);
		if (code === undefined) seen.set(x, (code = seen.size + 1));
		codes[k] = code;
	}
	return true;
}

/**
 * A staging chunk of a prepared file held in this thread, as an Arrow IPC stream in the staging table's column
 * order (stage.ts stagingDdl): `_i` (the row's index), `_drop` (false), then the dataset's columns; rows
 * at staging places [start, end) without row-level errors (stage-order.ts). DuckDB appends it to the staging table by
 * position. `keysDistinct`, when staging has asked for every chunk from 0 in order: whether the natural keys of all
 * rows staged so far are distinct (bulk.ts then needs no aggregate to know); undefined when that cannot be told here.
 */
export function arrowChunk(prepared: PreparedImport, start: number, end: number): { bytes: Uint8Array; rows: number; keysDistinct: boolean | undefined } {
	const dataset = prepared.dataset;
	if (!dataset) throw new Error(`${prepared.file}: dataset not recognised, nothing to stage`);
	const cols = DATASETS[dataset].columns as readonly ColumnMeta[];
	const state = stagingOf(prepared, cols, start);
	const buffers = state.buffers;
	const rows = chunkRows(prepared, start, end, buffers.int32('rows', end - start));
	const n = rows.length;
	state.next = end;
	state.staged += n;
	const keys = state.keys;
	if (n === 0) return { bytes: new Uint8Array(0), rows: 0, keysDistinct: keys ? !keys.set.repeated : undefined };
	const limit = Math.max(1024, state.staged * DICTIONARY_SHARE);
	// Codes only for the key's columns, and only while the keys can be told.
	const codes = cols.map((_, k) => (keys?.columns.includes(k) ? buffers.int32(`codes${k}`, n) : null));
	const vectors: Record<string, Vector> = {
		_i: makeVector(rows),
		_drop: makeVector(makeData({ type: new Bool(), length: n, nullCount: 0, data: buffers.zeroBytes('drop', (n + 7) >> 3) }))
	};
	let keysTold = keys !== null;
	cols.forEach((c, k) => {
		const values = prepared.columns[k];
		const dict = state.dictionaries[k];
		let vector: Vector | null = null;
		if (c.type === 'VARCHAR' || c.type === 'TIMESTAMP') {
			vector = dict ? dictionaryVector(values, rows, k, dict, limit, codes[k], buffers) : null;
			if (!vector) {
				state.dictionaries[k] = null;
				vector = textVector(values, rows, buffers, k);
			}
		} else vector = c.type === 'BOOLEAN' ? boolVector(values, rows, buffers, k) : numberVector(values, rows, buffers, k);
		// Names only need to be distinct: the append is by position.
		vectors[`c${k}`] = vector;
	});
	if (keys) {
		keys.columns.forEach((k, j) => {
			const numbers = keys.numbers[j];
			if (numbers) keysTold &&= numberCodes(prepared.columns[k], rows, numbers, cols[k].type === 'INTEGER', codes[k]!);
			else keysTold &&= state.dictionaries[k] !== null && !state.dictionaries[k]!.illFormed;
		});
		if (keysTold) {
			const keyCodes = keys.columns.map((k) => codes[k]!);
			const runs = keys.cluster >= 0 ? keyCodes[keys.cluster] : null;
			for (let r = 0; r < n; r++) {
				if (runs && runs[r] !== keys.run) {
					keys.set.clear();
					keys.run = runs[r];
				}
				keys.set.add(keyCodes, r);
			}
		} else state.keys = null;
	}
	// tableToIPC copies every buffer into the stream's bytes: the next chunk may write the buffers again.
	return { bytes: tableToIPC(new Table(vectors), 'stream'), rows: n, keysDistinct: state.keys ? !state.keys.set.repeated : undefined };
}
