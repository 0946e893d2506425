/**
 * Reads canonical CSV files (the format of data/sample/*.csv, docs/data-formats.md) from a directory or a list of
 * files and loads them into a Node engine with the app's own loader (src/lib/workspace/canonical-csv.ts).
 * A file's dataset comes from its name: estates.csv, scores.csv, fees.csv, costs.csv, tickets.csv,
 * guide_prices.csv, unit_sizes.csv, votes.csv, facilities.csv, fund_balances.csv.
 *
 * Two engines hold identical tables (same DDL, column types, header check and one transaction): `wasm` (the
 * default, the browser's DuckDB-wasm) gets each file's bytes, in chunks; `native` (@duckdb/node-api) reads each file from disk
 * by path, so a file's size is not bounded by a JavaScript string.
 */
import type { IndicatorGroup } from '../lib/import/groups';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { DATASET_IDS, type DatasetId } from '../lib/data/datasets';
import type { Engine } from '../lib/engine/engine';
import { QueryError } from '../lib/engine/errors';
import { NativeUnavailableError, startNativeEngine } from '../lib/engine/native';
import { startNodeEngine } from '../lib/engine/node';
import {
	CsvLoadError,
	loadCanonicalCsvPaths,
	loadCanonicalCsvs,
	type CanonicalCsv,
	type CanonicalCsvPath
} from '../lib/workspace/canonical-csv';
import { InputError, UnavailableError, UsageError } from './errors';

/** The engines the commands can run on. */
export const ENGINE_KINDS = ['wasm', 'native'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

/** The `--engine` lines of a command's help. */
export const ENGINE_USAGE = `  --engine <e>         wasm (default): DuckDB-wasm, as in the browser;
                       native: native DuckDB (@duckdb/node-api), all cores, no 4 GB limit, for large data`;

/** The engine an `--engine` value names (default wasm). @throws UsageError for any other value. */
export function engineKind(value: string | undefined): EngineKind {
	if (value === undefined) return 'wasm';
	if ((ENGINE_KINDS as readonly string[]).includes(value)) return value as EngineKind;
	throw new UsageError(`--engine must be one of ${ENGINE_KINDS.join(', ')}, got '${value}'`);
}

/** What a file that is not UTF-8 is told. */
const NOT_UTF8 = 'is not UTF-8 text (saved as GBK by Excel? save it as "CSV UTF-8")';

const KNOWN_FILES = DATASET_IDS.map((id) => `${id}.csv`).join(', ');

/** The dataset a file name stands for, or undefined. */
function datasetOfFile(path: string): DatasetId | undefined {
	const name = basename(path).toLowerCase();
	return DATASET_IDS.find((id) => name === `${id}.csv`);
}

/** Piece of a file decoded at a time to check that it is UTF-8 (so no string as long as the file is made). */
const CHECK_BYTES = 16 * 1024 * 1024;

/** Reads a file that must be UTF-8, refusing other encodings instead of loading garbled text. */
async function readUtf8(path: string): Promise<Uint8Array> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(path);
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	try {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for (let at = 0; at < bytes.length; at += CHECK_BYTES) decoder.decode(bytes.subarray(at, at + CHECK_BYTES), { stream: true });
		decoder.decode();
		return bytes;
	} catch (e) {
		// Chinese Excel saves CSV as GBK / GB18030 (docs/sources.md §10).
		throw new InputError(path, NOT_UTF8, { cause: e });
	}
}

/** Bytes of a file's start read for the header check of the native engine (whose reader checks the rest's UTF-8). */
const HEAD_BYTES = 64 * 1024;

/** The start of a file as UTF-8 text (a character cut at the end is fine), refusing other encodings. */
async function readUtf8Head(path: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		const file = await open(path);
		try {
			const buffer = new Uint8Array(HEAD_BYTES);
			const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
			bytes = buffer.subarray(0, bytesRead);
		} finally {
			await file.close();
		}
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
	} catch (e) {
		throw new InputError(path, NOT_UTF8, { cause: e });
	}
}

/** The canonical CSV files in a directory: every `<dataset>.csv` present (other files are ignored). */
async function filesInDirectory(dir: string): Promise<string[]> {
	let names: string[];
	try {
		names = await readdir(dir);
	} catch (e) {
		throw new InputError(dir, `cannot read directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	const files = names.filter((n) => datasetOfFile(n) !== undefined).sort();
	if (files.length === 0) throw new InputError(dir, `has none of the data files (${KNOWN_FILES})`);
	return files.map((n) => join(dir, n));
}

/** A data file named on the command line and the dataset its name stands for. */
interface InputFile {
	dataset: DatasetId;
	path: string;
}

/**
 * The data files named on the command line: directories (their data files) and single data files, with their
 * datasets.
 * @throws InputError naming the path that is missing, not a data file, or a second file for the same dataset.
 */
async function inputFiles(paths: readonly string[]): Promise<InputFile[]> {
	const files: string[] = [];
	for (const p of paths) {
		let isDir: boolean;
		try {
			isDir = (await stat(p)).isDirectory();
		} catch (e) {
			throw new InputError(p, `not found (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
		}
		if (isDir) files.push(...(await filesInDirectory(p)));
		else if (datasetOfFile(p)) files.push(p);
		else throw new InputError(p, `is not a data file: the name must be one of ${KNOWN_FILES}`);
	}
	const seen = new Map<DatasetId, string>();
	return files.map((path) => {
		const dataset = datasetOfFile(path)!;
		const earlier = seen.get(dataset);
		if (earlier) throw new InputError(path, `a second ${dataset} file (the first is ${earlier})`);
		seen.set(dataset, path);
		return { dataset, path };
	});
}

/**
 * Reads the inputs named on the command line: directories (their data files) and single data files.
 * @throws InputError naming the path that is missing, unreadable, not UTF-8, not a data file, or a second file
 *   for the same dataset.
 */
export async function readInputs(paths: readonly string[]): Promise<CanonicalCsv[]> {
	return readTexts(await inputFiles(paths));
}

/** The files' bytes. @throws InputError for a file that is unreadable or not UTF-8. */
async function readTexts(files: readonly InputFile[]): Promise<CanonicalCsv[]> {
	const out: CanonicalCsv[] = [];
	for (const f of files) out.push({ dataset: f.dataset, name: f.path, bytes: await readUtf8(f.path) });
	return out;
}

/**
 * The files as native DuckDB reads them, by path (absolute, so DuckDB never takes one for a URL), each with the
 * start of its text for the header check.
 * @throws InputError for a file that is unreadable or does not start as UTF-8, or a path DuckDB would take as a
 *   glob pattern.
 */
async function pathsOnDisk(files: readonly InputFile[]): Promise<CanonicalCsvPath[]> {
	const out: CanonicalCsvPath[] = [];
	for (const f of files) {
		const path = resolve(f.path);
		if (/[*?[]/.test(path)) {
			throw new InputError(f.path, 'contains * ? or [, which native DuckDB reads as a file pattern; rename it or use --engine wasm');
		}
		out.push({ dataset: f.dataset, name: f.path, path, head: await readUtf8Head(f.path) });
	}
	return out;
}

/** DuckDB's message behind a load error (all of it: the reason may be on a later line). */
function duckdbMessage(e: CsvLoadError): string {
	const q = e.cause;
	const inner = q instanceof QueryError ? q.cause : q;
	return inner instanceof Error ? inner.message : String(inner);
}

/** Starts an engine of the kind. @throws UnavailableError when native DuckDB cannot be loaded. */
async function startEngine(kind: EngineKind): Promise<Engine> {
	if (kind === 'wasm') return startNodeEngine();
	try {
		return await startNativeEngine();
	} catch (e) {
		if (e instanceof NativeUnavailableError) {
			throw new UnavailableError(`${e.message}. It is a dependency of Zhijia: run npm install (it needs a platform with a prebuilt DuckDB binary), or use --engine wasm.`, { cause: e });
		}
		throw e;
	}
}

/**
 * A fresh engine of the kind (default wasm) with the inputs loaded (one transaction).
 * @throws InputError when a required dataset is missing or a file does not load (the message names it);
 *   UnavailableError when the native engine is asked for and cannot be loaded.
 */
export async function engineWithInputs(
	paths: readonly string[],
	required: readonly DatasetId[],
	kind: EngineKind = 'wasm',
	recipes: readonly string[] = [],
	/** Indicator groups of the system in use (--system), for wide sheets with a group column. */
	groups?: readonly IndicatorGroup[],
	/**
	 * The only datasets the command reads, when it reads few: canonical files of other datasets are neither read nor
	 * loaded (`analyze` needs 3 of a district's 9 files; the other 6, tickets.csv the largest, were loaded for nothing).
	 */
	reads?: readonly DatasetId[]
): Promise<Engine> {
	if (recipes.length > 0 || !(await allCanonical(paths))) return importedEngine(paths, required, kind, recipes, groups);
	const files = (await inputFiles(paths)).filter((f) => !reads || reads.includes(f.dataset));
	const missing = required.filter((id) => !files.some((f) => f.dataset === id));
	if (missing.length > 0) {
		throw new InputError(paths.join(' '), `missing ${missing.map((id) => `${id}.csv`).join(', ')}`);
	}
	const texts = kind === 'wasm' ? await readTexts(files) : null;
	const onDisk = kind === 'native' ? await pathsOnDisk(files) : null;
	const engine = await startEngine(kind);
	try {
		if (texts) await loadCanonicalCsvs(engine, texts);
		if (onDisk) await loadCanonicalCsvPaths(engine, onDisk);
	} catch (e) {
		await engine.close().catch(() => undefined);
		if (e instanceof CsvLoadError) {
			// Native DuckDB checks the encoding of the whole file as it reads it (the start was checked above).
			if (e.line !== null && /Invalid unicode/i.test(duckdbMessage(e))) throw new InputError(e.file, `line ${e.line} ${NOT_UTF8}`, { cause: e });
			throw new InputError(e.file, e.reason, { cause: e });
		}
		throw e;
	}
	return engine;
}

/** Whether every path is a data directory or a canonical `<dataset>.csv` (else the import pipeline reads them). */
async function allCanonical(paths: readonly string[]): Promise<boolean> {
	for (const p of paths) {
		const isDir = await stat(p).then((s) => s.isDirectory(), () => true); // a missing path is reported by inputFiles
		if (!isDir && !datasetOfFile(p)) return false;
	}
	return true;
}

/**
 * Files of any shape the app imports, through the app's pipeline (docs/sources.md §18.6) into a wasm engine.
 * @throws InputError with the first problems when the import fails, or a required dataset got no rows.
 */
async function importedEngine(paths: readonly string[], required: readonly DatasetId[], kind: EngineKind, recipePaths: readonly string[], groups?: readonly IndicatorGroup[]): Promise<Engine> {
	if (kind !== 'wasm') throw new UsageError('files other than canonical CSV are read with --engine wasm (the import runs on DuckDB-wasm)');
	// Imported here, not at the top: the import pipeline (xlsx, Parquet, name matching) is large, and canonical CSV
	// (the common case) never needs it.
	const { importFiles, readRecipe } = await import('./import-files');
	const recipes = await Promise.all(recipePaths.map(readRecipe));
	const imported = await importFiles(paths, recipes, groups);
	if (!imported.ok) {
		const problems = [...imported.misfits, ...imported.reports.flatMap((r) => r.problems.filter((p) => p.severity === 'error'))];
		const lines = problems.slice(0, 5).map((p) => `${p.file}${p.row === null ? '' : ` row ${p.row}`}${p.column ? ` ${p.column}` : ''}: ${p.message.en}`);
		throw new InputError(paths.join(' '), `cannot be imported (${problems.length} problems; run zhijia validate for all):\n  ${lines.join('\n  ')}`);
	}
	for (const id of required) {
		if ((await imported.engine.scalar(`SELECT count(*)::INTEGER FROM ${id}`)) === 0) {
			await imported.engine.close();
			throw new InputError(paths.join(' '), `no ${id} rows among the files`);
		}
	}
	return imported.engine;
}
