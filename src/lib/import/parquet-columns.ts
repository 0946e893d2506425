/**
 * Reads one flat column of one parquet row group into an array with one value per row (null where the row has
 * none), page by page, with hyparquet's own page readers and value conversions.
 *
 * Why not hyparquet's `readColumn`: it sends every page, flat columns included, through its Dremel assembly of nested
 * lists (`assembleLists`), one generic step and one `push` per value. For a million optional score rows that was
 * two thirds of the decoding (docs/performance.md, session 19). A flat column needs only its definition levels: a
 * value where the level is at its maximum, null elsewhere. Nested columns (lists, maps, structs) are not flat and
 * stay with hyparquet's reader.
 */
import type { ColumnChunk, Compressors, DecodedArray, FileMetaData, SchemaTree } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { convert, convertWithDictionary, DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { decompressPage, readDataPage, readDataPageV2 } from 'hyparquet/src/datapage.js';
import { readRleBitPackedHybrid } from 'hyparquet/src/encoding.js';
import { readPlain } from 'hyparquet/src/plain.js';

type ColumnDecoder = Parameters<typeof readDataPage>[2];
import { getMaxDefinitionLevel, getMaxRepetitionLevel } from 'hyparquet/src/schema.js';

/** The top-level column's schema path when it is a flat column (no repetition, no children), else null. */
export function flatSchemaPath(schema: SchemaTree, name: string): SchemaTree[] | null {
	const child = schema.children.find((c) => c.element.name === name);
	if (!child || child.children.length > 0) return null;
	const path = [schema, child];
	return getMaxRepetitionLevel(path) === 0 ? path : null;
}

/**
 * Decodes column `name` of row group `group` into `out` from index `at` on; returns how many rows it wrote.
 * `path` is the column's flat schema path (see flatSchemaPath); `compressors` read the codecs hyparquet does not
 * (parquet-codecs.ts).
 */
export function readFlatColumnChunk(
	file: ArrayBuffer,
	metadata: FileMetaData,
	group: number,
	path: SchemaTree[],
	out: unknown[],
	at: number,
	compressors?: Compressors
): number {
	const rowGroup = metadata.row_groups[group];
	const name = path[1].element.name;
	const chunk: ColumnChunk | undefined = rowGroup.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name);
	const meta = chunk?.meta_data;
	if (!chunk || !meta) throw new Error(`parquet column ${name} has no metadata in row group ${group + 1}`);
	if (chunk.file_path) throw new Error('parquet file_path not supported');
	const rows = Number(rowGroup.num_rows);
	// As hyparquet's plan: the chunk starts at its dictionary page when it has one.
	const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
	const end = start + Number(meta.total_compressed_size);
	if (end > file.byteLength) throw new Error(`parquet column ${name} runs past the end of the file`);
	const decoder: ColumnDecoder = {
		pathInSchema: meta.path_in_schema,
		type: meta.type,
		element: path[1].element,
		schemaPath: path,
		codec: meta.codec,
		parsers: DEFAULT_PARSERS,
		compressors,
		utf8: true
	};
	const maxDefinition = getMaxDefinitionLevel(path);
	const reader = { view: new DataView(file, start, end - start), offset: 0 };
	let dictionary: DecodedArray | undefined;
	let written = 0;
	while (written < rows && reader.offset < reader.view.byteLength - 1) {
		const header = parquetHeader(reader);
		const bytes = new Uint8Array(file, start + reader.offset, header.compressed_page_size);
		reader.offset += header.compressed_page_size;
		if (header.type === 'DICTIONARY_PAGE') {
			const page = decompressPage(bytes, header.uncompressed_page_size, meta.codec, compressors);
			const pageReader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
			const count = header.dictionary_page_header?.num_values ?? 0;
			dictionary = convert(readPlain(pageReader, meta.type, count, decoder.element.type_length), decoder);
			continue;
		}
		let levels: ArrayLike<number>;
		let values: DecodedArray;
		let count: number;
		if (header.type === 'DATA_PAGE') {
			const daph = header.data_page_header;
			if (!daph) throw new Error('parquet data page header is undefined');
			const page = decompressPage(bytes, header.uncompressed_page_size, meta.codec, compressors);
			count = daph.num_values;
			if (written + count > rows) throw new Error(`parquet column ${name} has more values than row group ${group + 1} has rows`);
			if (dictionary && daph.encoding.endsWith('_DICTIONARY') && writeDictionaryPage(page, count, maxDefinition, dictionary, out, at + written)) {
				written += count;
				continue;
			}
			const data = readDataPage(page, daph, decoder);
			levels = data.definitionLevels ?? [];
			values = convertWithDictionary(data.dataPage, dictionary, daph.encoding, decoder);
		} else if (header.type === 'DATA_PAGE_V2') {
			const daph2 = header.data_page_header_v2;
			if (!daph2) throw new Error('parquet data page header v2 is undefined');
			const data = readDataPageV2(bytes, header, decoder);
			levels = data.definitionLevels ?? [];
			values = convertWithDictionary(data.dataPage, dictionary, daph2.encoding, decoder);
			count = daph2.num_values;
			if (written + count > rows) throw new Error(`parquet column ${name} has more values than row group ${group + 1} has rows`);
		} else {
			continue; // an index page: nothing of the rows in it
		}
		// hyparquet leaves the levels out when no value of the page is null.
		if (levels.length === 0 || maxDefinition === 0) {
			if (values.length !== count) throw new Error(`parquet column ${name}: a page of ${count} rows has ${values.length} values`);
			for (let i = 0; i < count; i++) out[at + written + i] = values[i];
		} else {
			let k = 0;
			for (let i = 0; i < count; i++) out[at + written + i] = levels[i] === maxDefinition ? values[k++] : null;
			if (k !== values.length) throw new Error(`parquet column ${name}: a page's definition levels do not match its ${values.length} values`);
		}
		written += count;
	}
	if (written !== rows) throw new Error(`parquet column ${name} has ${written} values for the ${rows} rows of row group ${group + 1}`);
	return written;
}

/**
 * A version-1 data page of dictionary indices, written straight into `out` (most columns of most files: DuckDB,
 * pandas and Spark write dictionaries by default). The levels and indices are read into typed arrays and each row
 * takes its dictionary value, where hyparquet fills two plain arrays and then a third with the values. Returns false
 * for a page this does not read (levels wider than a byte, which a flat column does not have), left to hyparquet.
 */
function writeDictionaryPage(page: Uint8Array, count: number, maxDefinition: number, dictionary: DecodedArray, out: unknown[], at: number): boolean {
	if (maxDefinition > 255) return false;
	const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: 0 };
	let levels: Uint8Array | null = null;
	let present = count;
	if (maxDefinition > 0) {
		levels = new Uint8Array(count);
		readRleBitPackedHybrid(reader, 32 - Math.clz32(maxDefinition), levels);
		present = 0;
		for (let i = 0; i < count; i++) if (levels[i] === maxDefinition) present++;
	}
	const indices = new Int32Array(present);
	// A page of nulls only may end after its levels, without the indices' bit width.
	const width = present > 0 ? reader.view.getUint8(reader.offset++) : 0;
	if (width > 0) readRleBitPackedHybrid(reader, width, indices, reader.view.byteLength - reader.offset);
	if (levels === null || present === count) {
		for (let i = 0; i < count; i++) out[at + i] = dictionary[indices[i]];
	} else {
		let k = 0;
		for (let i = 0; i < count; i++) out[at + i] = levels[i] === maxDefinition ? dictionary[indices[k++]] : null;
	}
	return true;
}
