/**
 * All-or-nothing commit of an import set (one or more prepared files, e.g. estates with their scores).
 *
 * 1. Every file's valid rows go into its own staging table (stage.ts), or the check of the same files left them there
 *    (`reuse`, {@link KeptStaging}).
 * 2. Checks over all rows run in SQL (duplicates, references; validate.ts `bulkChecks`).
 * 3. If any error remains and the caller did not pass `dropInvalid: true`, nothing is written. With
 *    `dropInvalid`, the rows with errors are left out and counted.
 * 4. One `engine.transaction([...])` replaces or appends into each real table. A replace by one file whose rows
 *    all pass renames its staging table into place (staged in the data's database with the table's constraints,
 *    stage.ts): no copy of every row. Otherwise the rows are copied (DELETE + INSERT, or INSERT).
 *
 * Whatever happens (bad data, a failing statement, an exception, cancellation through the AbortSignal
 * between chunks), every real table is left exactly as it was unless step 4 committed, and the staging
 * tables are dropped.
 */
import { createTableSql, DATASET_IDS, DATASETS, type DatasetId } from '../data/datasets';
import { sqlIdent, sqlString } from '../engine/engine';
import { now, rate } from './progress';
import { dropStaged, stageFile, stagingPlace, type ImportEngine, type KeptStaging, type PreparedFile, type StagedFile } from './stage';
import type { Problem, RunOptions } from './types';
import { bulkChecks, existingTables } from './bulk';
import { ProblemSink } from './prepared';

/** Options of {@link commitImport}. */
export interface CommitOptions extends RunOptions {
	/** 'replace' empties each target table first; 'append' adds to it. Default 'replace'. */
	readonly mode?: 'replace' | 'append';
	/** Commit the valid rows even though other rows have errors (they are dropped and counted). */
	readonly dropInvalid?: boolean;
	/**
	 * The user has been told and agreed that a replace empties a dataset or removes most of its rows. Without
	 * it such a commit is refused with reason 'shrink' and the counts to ask about.
	 */
	readonly allowShrink?: boolean;
	/**
	 * Staging tables the check of these very files left ({@link KeptStaging}). Taken over when they fit, dropped
	 * otherwise; dropped either way when the commit ends.
	 */
	readonly reuse?: KeptStaging | null;
}

/** Rows of one target table before and after a commit (or the commit that was refused). */
export interface DatasetChange {
	readonly dataset: DatasetId;
	/** Rows in the table before (0 when it did not exist). */
	readonly before: number;
	/** Rows the table would hold / holds after. */
	readonly after: number;
}

/** A replace that leaves fewer than this share of a dataset's rows must be confirmed ({@link CommitOptions.allowShrink}). */
export const SHRINK_SHARE = 0.5;

/** Whether replacing `before` rows by `after` rows empties the dataset or removes most of its rows. */
export function isShrink(change: DatasetChange): boolean {
	return change.before > 0 && (change.after === 0 || change.after < change.before * SHRINK_SHARE);
}

/** Why nothing was committed. */
export type NotCommittedReason =
	/** A file's dataset is unknown or a required column is missing: no row can be trusted. */
	| 'file_errors'
	/** Rows have errors and dropInvalid was not set. */
	| 'errors'
	/** dropInvalid was set but a file has no valid row: replacing would empty a table. */
	| 'nothing_valid'
	/** A replace would empty a dataset or remove most of its rows, and allowShrink was not given: ask first. */
	| 'shrink';

/** Outcome for one file of the set. */
export interface FileOutcome {
	readonly file: string;
	readonly dataset: DatasetId | null;
	/** Rows written to the table (0 when not committed). */
	readonly inserted: number;
	/** Canonical rows left out because of errors (only when committed with dropInvalid). */
	readonly dropped: number;
	/** Problems from reading, row checks and bulk checks (up to the file's cap). */
	readonly problems: readonly Problem[];
	readonly counts: { readonly errors: number; readonly warnings: number };
}

/** Outcome of a commit. */
export interface CommitResult {
	readonly committed: boolean;
	readonly reason?: NotCommittedReason;
	readonly mode: 'replace' | 'append';
	readonly files: readonly FileOutcome[];
	readonly inserted: number;
	readonly dropped: number;
	readonly seconds: number;
	readonly rowsPerSecond: number;
	/** Each target table's rows before and after (after: as it would be, when refused for 'shrink'). */
	readonly changes: readonly DatasetChange[];
}

/**
 * Statements that write staged rows into the real tables (replace or append), in dataset order. `dropped`: files
 * (by index in `staged`) with rows the checks left out.
 */
export function commitStatements(staged: readonly StagedFile[], mode: 'replace' | 'append', existing: ReadonlySet<DatasetId>, dropped: ReadonlySet<number> = new Set()): string[] {
	const statements: string[] = [];
	for (const id of DATASET_IDS) {
		const files = staged.filter((s) => s.dataset === id);
		if (files.length === 0) continue;
		const table = sqlIdent(DATASETS[id].table);
		const only = files[0];
		// Staged in the data's database only when it replaces its dataset alone (commitImport). DuckDB refuses to
		// commit a transaction that deletes rows of a table and then alters it, so a file with rows left out is copied.
		if (only.into === 'data' && !dropped.has(staged.indexOf(only))) {
			statements.push(`ALTER TABLE ${only.table} DROP COLUMN _i`, `ALTER TABLE ${only.table} DROP COLUMN _drop`);
			if (existing.has(id)) statements.push(`DROP TABLE ${table}`);
			statements.push(`ALTER TABLE ${only.table} RENAME TO ${table}`);
			const key = DATASETS[id].primaryKey;
			if (key) statements.push(`ALTER TABLE ${table} ADD PRIMARY KEY (${sqlIdent(key)})`);
			continue;
		}
		if (!existing.has(id)) statements.push(createTableSql(id));
		else if (mode === 'replace') statements.push(`DELETE FROM ${table}`);
		const cols = DATASETS[id].columns.map((c) => sqlIdent(c.name)).join(', ');
		// Staging tables were filled in the order to store (stage-order.ts) and DuckDB keeps insertion order: no ORDER BY.
		for (const s of files) statements.push(`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM ${s.table} WHERE NOT _drop`);
	}
	return statements;
}

/** Rows of each target table now, and after the staged rows are written. */
async function datasetChanges(
	engine: ImportEngine,
	staged: readonly StagedFile[],
	inserted: readonly number[],
	mode: 'replace' | 'append',
	existing: ReadonlySet<DatasetId>
): Promise<DatasetChange[]> {
	const out: DatasetChange[] = [];
	for (const id of DATASET_IDS) {
		const idx = staged.map((s, i) => (s.dataset === id ? i : -1)).filter((i) => i >= 0);
		if (idx.length === 0) continue;
		const before = existing.has(id) ? await engine.scalar(`SELECT count(*)::INTEGER FROM ${sqlIdent(DATASETS[id].table)}`) : 0;
		const added = idx.reduce((a, i) => a + inserted[i], 0);
		out.push({ dataset: id, before: Number(before), after: (mode === 'replace' ? 0 : Number(before)) + added });
	}
	return out;
}

/**
 * Validates an import set over all its rows and writes it, all or nothing. Returns the outcome (not
 * committed, with the problems, when data is wrong); throws only for a failure of the engine or a
 * cancellation, after restoring every table.
 */
export async function commitImport(
	engine: ImportEngine,
	input: PreparedFile | readonly PreparedFile[],
	options: CommitOptions = {}
): Promise<CommitResult> {
	const prepared = Array.isArray(input) ? (input as readonly PreparedFile[]) : [input as PreparedFile];
	const mode = options.mode ?? 'replace';
	const started = now();
	const sinks = prepared.map((p) => {
		const sink = new ProblemSink(p.file, p.maxProblems);
		sink.problems.push(...p.problems);
		sink.errors = p.counts.errors;
		sink.warnings = p.counts.warnings;
		return sink;
	});
	let changes: DatasetChange[] = [];
	const outcome = (committed: boolean, reason: NotCommittedReason | undefined, staged: readonly StagedFile[], inserted: number[]): CommitResult => {
		const files = prepared.map((p, i) => ({
			file: p.file,
			dataset: p.dataset,
			inserted: inserted[i] ?? 0,
			dropped: committed ? p.rowCount - (inserted[i] ?? 0) : 0,
			problems: sinks[i].problems,
			counts: { errors: sinks[i].errors, warnings: sinks[i].warnings }
		}));
		const total = files.reduce((a, f) => a + f.inserted, 0);
		const seconds = (now() - started) / 1000;
		void staged;
		return {
			committed,
			reason,
			mode,
			files,
			inserted: total,
			dropped: files.reduce((a, f) => a + f.dropped, 0),
			seconds,
			rowsPerSecond: rate(prepared.reduce((a, p) => a + p.rowCount, 0), started),
			changes
		};
	};

	const kept = await reusable(engine, options.reuse, prepared, mode);
	if (options.reuse && !kept) await dropStaged(engine, options.reuse.staged);
	const staged: StagedFile[] = kept ? [...kept] : [];
	const totalRows = prepared.reduce((a, p) => a + p.rowCount, 0);
	try {
		if (prepared.some((p) => p.fileError || p.dataset === null)) return outcome(false, 'file_errors', [], []);
		options.signal?.throwIfAborted();
		if (kept) {
			// The check's own marks go: the rows are checked again below, against the tables as they are now.
			for (const s of kept) await engine.exec(`UPDATE ${s.table} SET _drop = false WHERE _drop`);
		} else {
			let done = 0;
			for (const p of prepared) {
				// A replace by one file of its dataset may rename its staging table into place (commitStatements).
				staged.push(await stageFile(engine, p, { ...options, done, total: totalRows, into: stagingPlace(prepared, p, mode) }));
				done += p.rowCount;
			}
		}
		options.signal?.throwIfAborted();
		options.onProgress?.({ phase: 'check', rows: totalRows, totalRows, rowsPerSecond: rate(totalRows, started) });
		const existing = await existingTables(engine);
		await bulkChecks(engine, staged, sinks, { mode, existing });
		options.signal?.throwIfAborted();

		const errors = sinks.reduce((a, s) => a + s.errors, 0);
		if (errors > 0 && !options.dropInvalid) return outcome(false, 'errors', staged, []);
		const counts = await engine.rows(
			`SELECT ${staged.map((s, i) => `(SELECT count(*)::INTEGER FROM ${s.table} WHERE NOT _drop) AS n${i}`).join(', ')}`
		);
		const inserted = staged.map((_, i) => counts[0][`n${i}`] as number);
		if (inserted.some((n, i) => n === 0 && prepared[i].rowCount > 0)) return outcome(false, 'nothing_valid', staged, []);
		changes = await datasetChanges(engine, staged, inserted, mode, existing);
		if (mode === 'replace' && !options.allowShrink && changes.some(isShrink)) return outcome(false, 'shrink', staged, []);
		// Nothing to add to a table is no import at all, unless it is a replace the user agreed would empty it.
		if (inserted.some((n) => n === 0) && !(mode === 'replace' && options.allowShrink)) return outcome(false, 'nothing_valid', staged, []);
		options.signal?.throwIfAborted();
		options.onProgress?.({ phase: 'commit', rows: 0, totalRows, rowsPerSecond: rate(totalRows, started) });
		// Past this point the transaction runs to its end: it commits entirely or rolls back entirely.
		const dropped = new Set(staged.flatMap((s, i) => (inserted[i] < s.rows ? [i] : [])));
		await engine.transaction(commitStatements(staged, mode, existing, dropped));
		const result = outcome(true, undefined, staged, inserted);
		options.onProgress?.({ phase: 'done', rows: result.inserted, totalRows, rowsPerSecond: result.rowsPerSecond });
		return result;
	} finally {
		await dropStaged(engine, staged);
	}
}

/**
 * The check's staging tables when they are these files' (the same prepared objects, in order, mode and place) and
 * all still there; else null. A check since (new prepared files), another mode, or an engine restarted since (an
 * in-memory table gone) make the commit stage again.
 */
async function reusable(engine: ImportEngine, reuse: KeptStaging | null | undefined, prepared: readonly PreparedFile[], mode: 'replace' | 'append'): Promise<readonly StagedFile[] | null> {
	if (!reuse || reuse.mode !== mode || reuse.staged.length !== prepared.length) return null;
	if (reuse.staged.some((s, i) => s.prepared !== prepared[i] || s.into !== stagingPlace(prepared, prepared[i], mode))) return null;
	const names = reuse.staged.map((s) => sqlString(s.table)).join(', ');
	const there = await engine.scalar(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name IN (${names})`);
	return there === reuse.staged.length ? reuse.staged : null;
}
