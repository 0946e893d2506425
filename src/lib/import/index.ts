/**
 * The import library: read a file (CSV in UTF-8 or GB18030, xlsx, parquet, JSON), recognise its dataset and
 * columns, normalise and check every row, check all rows together in DuckDB, and commit all or nothing.
 * Pure TypeScript with no Svelte: the import page, the CLI (`zhijia validate`) and the tests share it.
 *
 * Typical use:
 *   const info = await inspectFile(file.name, bytes);            // kind, encoding, sheets, header row, dataset guess, mapping
 *   const prepared = await prepareImport({ name, bytes }, { dataset, mapping, sheet, headerRow });
 *   const reports = await validateFiles(engine, [prepared]);     // every problem, nothing written
 *   const result = await commitImport(engine, [prepared], { mode: 'replace', dropInvalid: false, signal, onProgress });
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import { detectDataset, headerSignature, type ColumnMapping, type DatasetGuess, type Layout } from './detect';
import { estimateMemory, type MemoryEstimate } from './limits';
import { makeProblem } from './messages';
import { now, rate } from './progress';
import { readSource, sniffKind } from './source';
import { readDataSheet } from './data-sheet';
import { dropStaged, stageFile, stagingPlace, type ImportEngine, type KeptStaging, type PreparedFile, type StagedFile } from './stage';
import {
	UnreadableFileError,
	type Cell,
	type Encoding,
	type IssueParams,
	type Problem,
	type ReadOptions,
	type RunOptions,
	type SourceKind,
	type SourceTable
} from './types';
import { bulkChecks, prepareTable, ProblemSink, type PrepareOptions, type PreparedImport } from './validate';
import { findPeriodInTitle, findYearInTitle } from './values';
import { estateNameGuessInTitle } from '../domain/names';
import { planConversions, type ConversionReport } from './conversions/plan';
import { costRowsLeftOut, withoutRows } from './cost-breakdown';
import type { ValueMapAnswers } from './conversions/types';
import type { IndicatorGroup } from './groups';
export { type IndicatorGroup } from './groups';
export { targetColumn, columnPreview, conversionChoices, conversionKey, type ConversionReport, type ColumnValueMap } from './conversions/plan';
export { type Conversion, type ValueMapAnswers } from './conversions/types';
export { conversionLabel } from './conversions/label';
export { lookupWord } from './conversions/value-map';

export { commitImport, isShrink, type CommitOptions, type CommitResult, type DatasetChange } from './commit';
export { headerSignature, type ColumnMapping, type DatasetGuess, type Layout } from './detect';
export { BROWSER_IMPORT_LIMIT_BYTES, estimateMemory, type MemoryEstimate } from './limits';
export { problemText, makeProblem, type Lang } from './messages';
export { templateCsv, templateXlsx, problemsCsv, problemsXlsx } from './templates';
export { type PrepareOptions, type PreparedImport } from './validate';
export { type ImportEngine, type PreparedFile } from './stage';
export * from './types';
export * as values from './values';

/** A file to import: its name (for messages and format hints) and its bytes. */
export interface ImportFile {
	readonly name: string;
	readonly bytes: Uint8Array | ArrayBuffer;
}

/** What a file holds, before anything is imported: enough for the user to confirm or correct. */
export interface FileInspection {
	readonly file: string;
	readonly kind: SourceKind;
	readonly encoding?: Encoding;
	readonly sheets?: readonly string[];
	readonly sheet?: string;
	/** 1-based source row of the header used (the detected one unless overridden). */
	readonly headerRow: number;
	readonly detectedHeaderRow: number;
	readonly headers: readonly string[];
	/** Text above the header (title rows). */
	readonly titleLines: readonly string[];
	/** A period found in the title rows (for a score sheet without a period column). */
	readonly titlePeriod?: string;
	readonly guess: DatasetGuess;
	readonly dataset: DatasetId | null;
	readonly layout: Layout;
	readonly mapping: ColumnMapping;
	/** Key for remembering the user's mapping for files with the same headers ({@link headerSignature}). */
	readonly signature: string;
	/** Data rows in the file. */
	readonly rowCount: number;
	/** The first data rows, cells as read, with their source row numbers. */
	readonly preview: readonly { readonly row: number; readonly cells: readonly Cell[] }[];
	readonly memory: MemoryEstimate;
	/** Problems found while reading. */
	readonly problems: readonly Problem[];
	/** Conversions the guessed mapping would use, with samples and value maps (null when the dataset is unknown). */
	readonly conversions: ConversionReport | null;
	/** The table read; pass it to {@link prepareImport} to skip reading the file again. */
	readonly source: SourceTable;
}

/** Options of {@link inspectFile}. */
export interface InspectOptions extends ReadOptions {
	/** Detect within this dataset only (its layout is still detected). */
	readonly dataset?: DatasetId;
	/** Data rows in the preview (default 20). */
	readonly previewRows?: number;
	/** The user's saved value-map answers, for the value maps of the inspection. */
	readonly valueAnswers?: ValueMapAnswers;
	/** Indicator groups a wide sheet may have a column for (the current system's; default: 设施设备运行). */
	readonly groups?: readonly IndicatorGroup[];
	/** With no sheet named, read a workbook's first sheet that holds data, past a sheet of instructions (data-sheet.ts). */
	readonly firstDataSheet?: boolean;
}

/** Reads a file and reports its format, encoding, sheets, header row, dataset guess and column mapping. Throws {@link UnreadableFileError}. */
export async function inspectFile(name: string, bytes: Uint8Array | ArrayBuffer, options: InspectOptions = {}): Promise<FileInspection> {
	const source = options.firstDataSheet ? await readDataSheet(name, bytes, options) : await readSource(name, bytes, options);
	const titlePeriod = findPeriodInTitle(source.titleLines);
	const guess = detectDataset(source.headers, { dataset: options.dataset, periodKnown: titlePeriod !== undefined, yearKnown: findYearInTitle(source.titleLines) !== undefined, estateKnown: estateNameGuessInTitle(source.titleLines) !== undefined, groups: options.groups, cells: source.columns });
	// A cost sheet's breakdown, tax and profit rows are left out by the import (cost-breakdown.ts): not shown, no word asked.
	const shown = guess.dataset === 'costs' ? withoutRows(source, costRowsLeftOut(source, guess.mapping).rows) : source;
	const previewRows = Math.min(options.previewRows ?? 20, shown.rowCount);
	const preview = Array.from({ length: previewRows }, (_, r) => ({
		row: shown.rowNumbers[r],
		cells: shown.columns.map((c) => c[r])
	}));
	return {
		file: name,
		kind: source.kind,
		encoding: source.encoding,
		sheets: source.sheets,
		sheet: source.sheet,
		headerRow: source.headerRow,
		detectedHeaderRow: source.detectedHeaderRow,
		headers: source.headers,
		titleLines: source.titleLines,
		titlePeriod,
		guess,
		dataset: guess.dataset,
		layout: guess.layout,
		mapping: guess.mapping,
		signature: headerSignature(source.headers),
		rowCount: source.rowCount,
		preview,
		memory: estimateMemory(byteLength(bytes), source.kind),
		problems: source.problems,
		conversions: guess.dataset ? planConversions(shown, guess.dataset, guess.mapping, undefined, options.valueAnswers, { titlePeriod }) : null,
		source
	};
}

function byteLength(bytes: Uint8Array | ArrayBuffer): number {
	return bytes.byteLength;
}

/** Options of {@link prepareImport}: how to read the file and how to map it. */
export type PrepareImportOptions = PrepareOptions & ReadOptions;

/**
 * Reads (unless given a table from {@link inspectFile}) and prepares a file: dataset and mapping (detected
 * or given), every cell normalised and every row checked. Nothing touches the engine. Throws
 * {@link UnreadableFileError} for a file that cannot be read, and the signal's reason when cancelled.
 */
export async function prepareImport(input: ImportFile | SourceTable, options: PrepareImportOptions = {}): Promise<PreparedImport> {
	const started = now();
	let table: SourceTable;
	if ('columns' in input) table = input;
	else {
		options.onProgress?.({ phase: 'read', rows: 0, totalRows: null, rowsPerSecond: 0 });
		table = await readSource(input.name, input.bytes, options);
		options.onProgress?.({ phase: 'read', rows: table.rowCount, totalRows: table.rowCount, rowsPerSecond: rate(table.rowCount, started) });
	}
	options.signal?.throwIfAborted();
	const prepared = await prepareTable(table, options);
	options.onProgress?.({ phase: 'normalise', rows: table.rowCount, totalRows: table.rowCount, rowsPerSecond: rate(table.rowCount, started) });
	return prepared;
}

/** What validation found in one file. */
export interface FileReport {
	readonly file: string;
	/** null when the file could not be read. */
	readonly kind: SourceKind | null;
	readonly encoding?: Encoding;
	readonly sheet?: string;
	readonly dataset: DatasetId | null;
	readonly layout: Layout;
	readonly headerRow: number;
	/** Data rows read. */
	readonly sourceRows: number;
	/** Canonical rows (differs from sourceRows for a wide score sheet). */
	readonly rows: number;
	/** Canonical rows that would be dropped with dropInvalid. */
	readonly invalidRows: number;
	/** Source rows (as the person sees them in Excel) those are from; differs from invalidRows in a wide sheet. */
	readonly invalidSourceRows: number;
	readonly problems: readonly Problem[];
	readonly counts: { readonly errors: number; readonly warnings: number };
	readonly valid: boolean;
	/** The file could not be read at all. */
	readonly unreadable: boolean;
	/** The prepared file (absent when unreadable), for a later {@link commitImport}. */
	readonly prepared?: PreparedFile;
}

/** Options of {@link validateFiles}. */
export interface ValidateOptions extends RunOptions {
	/** How the set would be written: with 'append', rows already in the tables count as duplicates. Default 'replace'. */
	readonly mode?: 'replace' | 'append';
	/** Dataset for every file given as bytes (the CLI's --kind). */
	readonly dataset?: DatasetId;
	readonly maxProblems?: number;
	/**
	 * Leave the staging tables for the commit of these files (commitImport's `reuse`) and hand them over here,
	 * instead of dropping them. Only when every file was staged; the caller drops them if no commit follows.
	 */
	readonly keep?: (kept: KeptStaging) => void;
}

/**
 * Validates files together, writing nothing: files given together are checked together (scores against the
 * estates among them, and against the current estates table unless the set replaces it). Files given as
 * bytes are read and prepared first; unreadable files are reported, not thrown.
 */
export async function validateFiles(
	engine: ImportEngine,
	files: readonly (ImportFile | PreparedFile)[],
	options: ValidateOptions = {}
): Promise<FileReport[]> {
	const prepared: (PreparedFile | { file: string; reason: string; code: string; params: IssueParams; kind: SourceKind | null })[] = [];
	for (const f of files) {
		if ('rowCount' in f) {
			prepared.push(f);
			continue;
		}
		try {
			prepared.push(await prepareImport(f, { dataset: options.dataset, maxProblems: options.maxProblems, signal: options.signal, onProgress: options.onProgress }));
		} catch (e) {
			if (e instanceof UnreadableFileError) prepared.push({ file: f.name, reason: e.reason, code: e.code, params: e.params, kind: safeKind(f) });
			else throw e;
		}
	}
	const ready = prepared.filter((p): p is PreparedFile => 'rowCount' in p);
	const sinks = new Map<PreparedFile, ProblemSink>();
	for (const p of ready) {
		const sink = new ProblemSink(p.file, p.maxProblems);
		sink.problems.push(...p.problems);
		sink.errors = p.counts.errors;
		sink.warnings = p.counts.warnings;
		sinks.set(p, sink);
	}
	const toStage = ready.filter((p) => p.dataset !== null && !p.fileError);
	const staged: StagedFile[] = [];
	const dropped = new Map<PreparedFile, number>();
	const droppedSource = new Map<PreparedFile, number>();
	const mode = options.mode ?? 'replace';
	let kept = false;
	try {
		// Staged where the commit would stage them, so that it can take them over (`keep`).
		for (const p of toStage) staged.push(await stageFile(engine, p, { ...options, into: stagingPlace(toStage, p, mode) }));
		if (staged.length > 0) {
			options.onProgress?.({ phase: 'check', rows: 0, totalRows: null, rowsPerSecond: 0 });
			await bulkChecks(engine, staged, staged.map((s) => sinks.get(s.prepared)!), { mode });
			for (const s of staged) {
				dropped.set(s.prepared, await engine.scalar(`SELECT count(*)::INTEGER FROM ${s.table} WHERE _drop`));
				droppedSource.set(s.prepared, await droppedSourceRows(engine, s));
			}
		}
		if (options.keep && staged.length > 0 && staged.length === ready.length && ready.length === prepared.length) {
			options.keep({ mode, staged });
			kept = true;
		}
	} finally {
		if (!kept) await dropStaged(engine, staged);
	}
	return prepared.map((p): FileReport => {
		if (!('rowCount' in p)) {
			const problem = makeProblem(p.file, null, null, null, { code: p.code, params: p.params }, 'error');
			return {
				file: p.file,
				kind: p.kind,
				dataset: null,
				layout: 'long',
				headerRow: 0,
				sourceRows: 0,
				rows: 0,
				invalidRows: 0,
				invalidSourceRows: 0,
				problems: [problem],
				counts: { errors: 1, warnings: 0 },
				valid: false,
				unreadable: true
			};
		}
		const sink = sinks.get(p)!;
		return {
			file: p.file,
			kind: p.kind,
			encoding: p.encoding,
			sheet: p.sheet,
			dataset: p.dataset,
			layout: p.layout,
			headerRow: p.headerRow,
			sourceRows: p.sourceRows,
			rows: p.rowCount,
			invalidRows: p.fileError ? p.rowCount : p.invalidRows + (dropped.get(p) ?? 0),
			invalidSourceRows: p.fileError ? p.sourceRows : p.invalidSourceRows + (droppedSource.get(p) ?? 0),
			problems: sink.problems,
			counts: { errors: sink.errors, warnings: sink.warnings },
			valid: sink.errors === 0,
			unreadable: false,
			prepared: p
		};
	});
}

/**
 * Source rows of a staged file that the bulk checks drop and that have no row-level error already (those are
 * counted in invalidSourceRows): in a wide sheet several dropped records may come from one source row.
 */
async function droppedSourceRows(engine: ImportEngine, s: StagedFile): Promise<number> {
	const is = (await engine.rows(`SELECT _i::INTEGER AS i FROM ${s.table} WHERE _drop`)).map((r) => r.i as number);
	if (is.length === 0) return 0;
	if (s.prepared.layout !== 'wide') return is.length;
	const facts = await s.describe(is, [DATASETS[s.prepared.dataset!].columns[0].name]);
	const already = new Set(s.prepared.invalidSourceRowList ?? []);
	return new Set(facts.map((f) => f.row).filter((r) => r !== null && !already.has(r))).size;
}

function safeKind(f: ImportFile): SourceKind | null {
	try {
		return sniffKind(f.name, f.bytes);
	} catch {
		return null;
	}
}
