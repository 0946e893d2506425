/**
 * Reads canonical CSV files (the format of data/sample/*.csv, docs/data-formats.md) from a directory or a list of
 * files and loads them into a Node engine with the app's own loader (src/lib/workspace/canonical-csv.ts).
 * A file's dataset comes from its name: estates.csv, scores.csv, fees.csv, costs.csv, tickets.csv,
 * guide_prices.csv, unit_sizes.csv, votes.csv.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { DATASET_IDS, type DatasetId } from '../lib/data/datasets';
import type { Engine } from '../lib/engine/engine';
import { startNodeEngine } from '../lib/engine/node';
import { CsvLoadError, loadCanonicalCsvs, type CanonicalCsv } from '../lib/workspace/canonical-csv';
import { InputError } from './errors';

const KNOWN_FILES = DATASET_IDS.map((id) => `${id}.csv`).join(', ');

/** The dataset a file name stands for, or undefined. */
function datasetOfFile(path: string): DatasetId | undefined {
	const name = basename(path).toLowerCase();
	return DATASET_IDS.find((id) => name === `${id}.csv`);
}

/** Reads a file as UTF-8, refusing other encodings instead of loading garbled text. */
async function readUtf8(path: string): Promise<string> {
	let bytes: Uint8Array;
	try {
		bytes = await readFile(path);
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch (e) {
		// Chinese Excel saves CSV as GBK / GB18030 (domain.md section 10).
		throw new InputError(path, 'is not UTF-8 text (saved as GBK by Excel? save it as "CSV UTF-8")', { cause: e });
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

/**
 * Reads the inputs named on the command line: directories (their data files) and single data files.
 * @throws InputError naming the path that is missing, unreadable, not UTF-8, not a data file, or a second file
 *   for the same dataset.
 */
export async function readInputs(paths: readonly string[]): Promise<CanonicalCsv[]> {
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
	const out: CanonicalCsv[] = [];
	for (const f of files) {
		const dataset = datasetOfFile(f)!;
		const earlier = seen.get(dataset);
		if (earlier) throw new InputError(f, `a second ${dataset} file (the first is ${earlier})`);
		seen.set(dataset, f);
		out.push({ dataset, name: f, text: await readUtf8(f) });
	}
	return out;
}

/**
 * A fresh Node engine with the inputs loaded (one transaction).
 * @throws InputError when a required dataset is missing or a file does not load (the message names it).
 */
export async function engineWithInputs(paths: readonly string[], required: readonly DatasetId[]): Promise<Engine> {
	const files = await readInputs(paths);
	const missing = required.filter((id) => !files.some((f) => f.dataset === id));
	if (missing.length > 0) {
		throw new InputError(paths.join(' '), `missing ${missing.map((id) => `${id}.csv`).join(', ')}`);
	}
	const engine = await startNodeEngine();
	try {
		await loadCanonicalCsvs(engine, files);
	} catch (e) {
		await engine.close().catch(() => undefined);
		if (e instanceof CsvLoadError) throw new InputError(e.file, e.reason, { cause: e });
		throw e;
	}
	return engine;
}
