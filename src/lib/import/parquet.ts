/**
 * Parquet through hyparquet (pure JS: duckdb-wasm cannot read parquet offline). Columns keep their names;
 * rows are numbered from 1 in file order (parquet has no header row). INT64 values become numbers (text if
 * beyond 2^53), timestamps become 'YYYY-MM-DD HH:MM:SS' text (UTC wall time, as naive timestamps are stored),
 * nested values become JSON text.
 */
import { parquetMetadata, parquetRead, parquetScan, parquetSchema } from 'hyparquet';
import { TableBuilder } from './table';
import { UnreadableFileError, type Cell, type SourceTable } from './types';
import { asBytes } from './decode';
import { flatSchemaPath, readFlatColumnChunk } from './parquet-columns';
import { compressorsFor, unreadableCodec } from './parquet-codecs';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A parquet value as a cell. */
export function parquetCell(v: unknown): Cell {
	if (v === null || v === undefined) return null;
	switch (typeof v) {
		case 'string':
		case 'boolean':
			return v;
		case 'number':
			return Number.isFinite(v) ? v : null;
		case 'bigint':
			return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v.toString();
	}
	if (v instanceof Date) {
		if (Number.isNaN(v.getTime())) return null;
		const day = `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
		const h = v.getUTCHours(), m = v.getUTCMinutes(), s = v.getUTCSeconds();
		return h === 0 && m === 0 && s === 0 && v.getUTCMilliseconds() === 0 ? day : `${day} ${pad2(h)}:${pad2(m)}:${pad2(s)}`;
	}
	if (v instanceof Uint8Array) return new TextDecoder().decode(v);
	return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Reads a whole parquet file. */
export async function readParquet(file: string, input: Uint8Array | ArrayBuffer): Promise<SourceTable> {
	const bytes = asBytes(input);
	// hyparquet wants an ArrayBuffer of exactly the file (a Node Buffer may be a view into a larger pool).
	const buffer =
		bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
			? (bytes.buffer as ArrayBuffer)
			: (new Uint8Array(bytes).buffer as ArrayBuffer); // a copy (Buffer#slice would share the pool)
	let headers: string[];
	// The file's values, column by column.
	let columns: unknown[][];
	try {
		const metadata = parquetMetadata(buffer);
		const schema = parquetSchema(metadata);
		headers = schema.children.map((c) => c.element.name);
		const codec = unreadableCodec(metadata);
		if (codec) throw new UnreadableFileError(file, `parquet compression ${codec} is not supported`, { code: 'parquet_codec', params: { codec } });
		const compressors = await compressorsFor(metadata);
		if (new Set(headers).size === headers.length) {
			// Column by column, as Parquet stores them: no array per row to assemble and transpose first (duplicate
			// names could not be told apart this way, so such a file is read by rows below). Flat columns (all of a
			// table's, as a rule) are decoded page by page (parquet-columns.ts); nested ones by hyparquet's scan.
			const total = metadata.row_groups.reduce((a, g) => a + Number(g.num_rows), 0);
			columns = headers.map(() => new Array(total));
			const paths = headers.map((h) => flatSchemaPath(schema, h));
			const scan = paths.every((p) => p) ? null : await parquetScan({ file: buffer, metadata, compressors });
			let rowStart = 0;
			for (let g = 0; g < metadata.row_groups.length; g++) {
				const rows = Number(metadata.row_groups[g].num_rows);
				for (let c = 0; c < headers.length; c++) {
					const path = paths[c];
					if (path) readFlatColumnChunk(buffer, metadata, g, path, columns[c], rowStart, compressors);
					else {
						const values = await scan!.readColumn({ column: headers[c], rowStart, rowEnd: rowStart + rows });
						if (values.length !== rows) throw new Error(`parquet column ${headers[c]} of rows ${rowStart}-${rowStart + rows} is not ${rows} values long`);
						for (let i = 0; i < rows; i++) columns[c][rowStart + i] = values[i];
					}
				}
				rowStart += rows;
			}
		} else {
			let rows: unknown[][] = [];
			await parquetRead({ file: buffer, metadata, compressors, rowFormat: 'array', onComplete: (r: unknown[][]) => (rows = r) });
			columns = headers.map((_, c) => rows.map((r) => r[c]));
		}
	} catch (e) {
		if (e instanceof UnreadableFileError) throw e;
		// hyparquet's text ("parquet file invalid (footer != PAR1)") is for developers; the user learns the file
		// is cut short or damaged, and its size, to compare with the original.
		const truncated = bytes.length < 12 || !(bytes[bytes.length - 4] === 0x50 && bytes[bytes.length - 3] === 0x41 && bytes[bytes.length - 2] === 0x52 && bytes[bytes.length - 1] === 0x31);
		throw new UnreadableFileError(file, e instanceof Error ? e.message : String(e), {
			cause: e,
			code: truncated ? 'parquet_truncated' : 'parquet_damaged',
			params: { bytes: bytes.length }
		});
	}
	const builder = new TableBuilder({ file, kind: 'parquet', headers });
	// Texts (most cells) are cells as they are: only other values are converted and written back.
	for (const column of columns) {
		for (let i = 0; i < column.length; i++) {
			const v = column[i];
			if (typeof v === 'string') continue;
			const cell = parquetCell(v);
			if (cell !== v) column[i] = cell;
		}
	}
	builder.pushColumns(columns as Cell[][], 1);
	return builder.finish();
}
