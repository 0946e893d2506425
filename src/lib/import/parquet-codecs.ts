/**
 * Decompressors for the Parquet codecs hyparquet does not read itself. Snappy (the default of DuckDB, pyarrow and
 * Spark) and uncompressed pages need none; polars writes ZSTD by default, and GZIP, Brotli and LZ4 are options of
 * every writer. Each decoder (hyparquet-compressors, fzstd: pure JavaScript) is loaded only when a file uses it.
 */
import type { Compressors, FileMetaData } from 'hyparquet';

type Codec = keyof Compressors;
type Decompress = NonNullable<Compressors[Codec]>;

const READ_BY_HYPARQUET: ReadonlySet<string> = new Set(['UNCOMPRESSED', 'SNAPPY']);

const LOADERS: Partial<Record<Codec, () => Promise<Decompress>>> = {
	ZSTD: async () => {
		const { decompress } = await import('fzstd');
		return (input) => decompress(input);
	},
	GZIP: async () => {
		const { gunzip } = await import('hyparquet-compressors/src/gzip.js');
		return (input, length) => gunzip(input, new Uint8Array(length));
	},
	BROTLI: async () => (await import('hyparquet-compressors/src/brotli.js')).decompressBrotli,
	LZ4: async () => (await import('hyparquet-compressors/src/lz4.js')).decompressLz4,
	LZ4_RAW: async () => (await import('hyparquet-compressors/src/lz4.js')).decompressLz4Raw
};

/** A codec of the file that nothing here reads (LZO), or null. */
export function unreadableCodec(metadata: FileMetaData): string | null {
	for (const codec of codecsOf(metadata)) if (!READ_BY_HYPARQUET.has(codec) && !LOADERS[codec as Codec]) return codec;
	return null;
}

/** The decompressors the file's columns need beyond hyparquet's own (undefined when none). */
export async function compressorsFor(metadata: FileMetaData): Promise<Compressors | undefined> {
	const out: Compressors = {};
	let any = false;
	for (const codec of codecsOf(metadata)) {
		const load = LOADERS[codec as Codec];
		if (READ_BY_HYPARQUET.has(codec) || !load) continue;
		out[codec as Codec] = await load();
		any = true;
	}
	return any ? out : undefined;
}

function codecsOf(metadata: FileMetaData): Set<string> {
	const codecs = new Set<string>();
	for (const group of metadata.row_groups) for (const column of group.columns) if (column.meta_data) codecs.add(column.meta_data.codec);
	return codecs;
}
