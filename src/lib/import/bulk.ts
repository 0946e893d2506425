/**
 * Checks over all rows, in DuckDB SQL over the staging tables: duplicate keys within a file and across the files
 * of an import set, duplicates against the current tables when appending, and estate references.
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import { sqlIdent, sqlString } from '../engine/engine';
import type { ProblemSink } from './prepared';
import { checkTableName, type ImportEngine, type RowFacts, type StagedFile } from './stage';
import { NATURAL_KEYS } from './natural-keys';
import type { Severity } from './types';

/** How the import set will be written, which decides what the checks compare against. */
export interface BulkCheckOptions {
	readonly mode: 'replace' | 'append';
	/** Canonical tables that exist now, if the caller knows ({@link existingTables}). */
	readonly existing?: ReadonlySet<DatasetId>;
}

/** Problems found over all rows, per staged file (same order), appended to each file's sink. */
export async function bulkChecks(engine: ImportEngine, staged: readonly StagedFile[], sinks: readonly ProblemSink[], options: BulkCheckOptions): Promise<void> {
	const existing = options.existing ?? (await existingTables(engine));
	const byDataset = new Map<DatasetId, number[]>();
	staged.forEach((s, i) => {
		const list = byDataset.get(s.dataset) ?? [];
		list.push(i);
		byDataset.set(s.dataset, list);
	});
	const check = checkTableName();
	/** Turns the rows of the check table into problems (up to the cap; the rest counted) and drops them if errors. */
	const report = async (
		s: StagedFile,
		sink: ProblemSink,
		code: string | ((r: Record<string, unknown>) => string),
		severity: Severity,
		cols: readonly string[],
		extra: (rows: readonly Record<string, unknown>[], facts: readonly RowFacts[]) => Promise<Record<string, string | number>[]>
	) => {
		const total = await engine.scalar(`SELECT count(*)::INTEGER FROM ${check}`);
		if (total === 0) return;
		const room = Math.max(0, sink.max - sink.problems.length);
		const rows = room > 0 ? await engine.rows(`SELECT * FROM ${check} ORDER BY _i LIMIT ${room}`) : [];
		const facts = rows.length > 0 ? await s.describe(rows.map((r) => r._i as number), cols) : [];
		const extras = await extra(rows, facts);
		rows.forEach((r, k) => {
			const { row, column, value, key } = facts[k];
			const c = typeof code === 'string' ? code : code(r);
			sink.add(row, column, value, { code: c, params: { key, ...extras[k] } }, severity);
		});
		const rest = total - rows.length;
		if (severity === 'error') sink.errors += rest;
		else sink.warnings += rest;
		if (severity === 'error') await engine.exec(`UPDATE ${s.table} SET _drop = true WHERE _i IN (SELECT _i FROM ${check})`);
	};

	/** Appending: repeats of rows already in the table. */
	const appendCheck = async (s: StagedFile, f: number) => {
		const key = NATURAL_KEYS[s.dataset];
		const on = key.columns.map((c) => `t.${sqlIdent(c)} = s.${sqlIdent(c)}`).join(' AND ');
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE ${check} AS
			 SELECT s._i FROM ${s.table} s WHERE NOT s._drop AND EXISTS (SELECT 1 FROM main.${sqlIdent(DATASETS[s.dataset].table)} t WHERE ${on})`
		);
		await report(s, sinks[f], 'duplicate_existing', key.severity, key.columns, async (rows) => rows.map(() => ({})));
	};

	try {
		// Estates first: references below only count estates that will land.
		const order = [...byDataset.keys()].sort((a, b) => (a === 'estates' ? -1 : b === 'estates' ? 1 : 0));
		for (const dataset of order) {
			const files = byDataset.get(dataset)!;
			const key = NATURAL_KEYS[dataset];
			const keyCols = key.columns.map(sqlIdent).join(', ');
			const union = files.map((f, j) => `SELECT ${j} AS _f, _i, ${keyCols} FROM ${staged[f].table} WHERE NOT _drop`).join(' UNION ALL ');
			// Most files have no repeats: one aggregate over a hash of the key says so (a hash collision only sends
			// us to the exact window query below), and the window query runs only when needed.
			// One file whose staging told its keys distinct needs no aggregate (stage-arrow.ts).
			const repeats =
				files.length === 1 && staged[files[0]].keysDistinct === true
					? 0
					: await engine.scalar(`SELECT count(*)::INTEGER FROM (SELECT 1 FROM (${union}) GROUP BY hash(${keyCols}) HAVING count(*) > 1)`);
			for (const [j, f] of files.entries()) {
				const s = staged[f];
				// A register of one lift per row lists two lifts of a year as two rows: not a repeat (rows already in the
				// table still are, when appending).
				if (repeats === 0 || s.prepared.itemPerRow) {
					if (options.mode === 'append' && existing.has(dataset)) await appendCheck(s, f);
					continue;
				}
				// Repeats within the file and across the set: each row after the first of its key.
				await engine.exec(
					`CREATE OR REPLACE TEMP TABLE ${check} AS
					 SELECT _i, first_f, first_i FROM (
						SELECT _f, _i, first_value(_f) OVER w AS first_f, first_value(_i) OVER w AS first_i
						FROM (${union}) WINDOW w AS (PARTITION BY ${keyCols} ORDER BY _f, _i)
					 ) WHERE _f = ${j} AND NOT (first_f = _f AND first_i = _i)`
				);
				await report(s, sinks[f], (r) => (files[r.first_f as number] === f ? 'duplicate_key' : 'duplicate_key_file'), key.severity, key.columns, async (rows) => {
					// Source rows of the first rows with each key, asked of each first file once.
					const firstRows = new Map<string, number>();
					for (const ff of new Set(rows.map((r) => r.first_f as number))) {
						const is = [...new Set(rows.filter((r) => r.first_f === ff).map((r) => r.first_i as number))];
						const facts = await staged[files[ff]].describe(is, key.columns);
						is.forEach((i, k) => firstRows.set(`${ff}:${i}`, facts[k].row));
					}
					return rows.map((r) => {
						const first = staged[files[r.first_f as number]];
						const params: Record<string, string | number> = { firstRow: firstRows.get(`${r.first_f}:${r.first_i}`)! };
						if (first !== s) params.firstFile = first.prepared.file;
						return params;
					});
				});
				if (options.mode === 'append' && existing.has(dataset)) await appendCheck(s, f);
			}
		}

		// Estate references.
		const estateFiles = staged.filter((s) => s.dataset === 'estates');
		const useCurrent = existing.has('estates') && (options.mode === 'append' || estateFiles.length === 0);
		const known = [
			...estateFiles.map((s) => `SELECT estate_id FROM ${s.table} WHERE NOT _drop`),
			...(useCurrent ? ['SELECT estate_id FROM main.estates'] : [])
		];
		// Whether any estate is known at all (from the staged estates, else from the current table).
		const stagedEstates = estateFiles.length
			? await engine.scalar(`SELECT count(*)::INTEGER FROM (${estateFiles.map((s) => `SELECT 1 FROM ${s.table} WHERE NOT _drop`).join(' UNION ALL ')})`)
			: 0;
		const needsReferences = staged.some((s) => DATASETS[s.dataset].estateRef);
		const knownCount =
			!needsReferences || stagedEstates > 0 ? stagedEstates : useCurrent ? await engine.scalar('SELECT count(*)::INTEGER FROM main.estates') : 0;
		// Estates of the set whose own rows failed: rows referring to them are one cascade, summarised once.
		const failed = new Set(estateFiles.flatMap((s) => s.prepared.failedEstateIds ?? []));
		for (const [f, s] of staged.entries()) {
			if (!DATASETS[s.dataset].estateRef) continue;
			if (knownCount === 0 && failed.size === 0) {
				sinks[f].add(null, null, null, { code: 'references_not_checked' }, 'warning');
				continue;
			}
			await engine.exec(
				`CREATE OR REPLACE TEMP TABLE ${check} AS
				 WITH known AS (${known.length ? known.join(' UNION ') : 'SELECT NULL::VARCHAR AS estate_id WHERE false'})
				 SELECT s._i, s.estate_id${s.prepared.layout === 'wide' ? ', s.period' : ', NULL::VARCHAR AS period'} FROM ${s.table} s
				 WHERE NOT s._drop AND NOT EXISTS (SELECT 1 FROM known k WHERE k.estate_id = s.estate_id)`
			);
			await reportReferences(engine, check, s, sinks[f], failed, known);
		}
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${check}`).catch(() => undefined);
	}
}

/** Canonical tables that exist now (outside the temporary schema). */
export async function existingTables(engine: ImportEngine): Promise<Set<DatasetId>> {
	const names = Object.values(DATASETS).map((d) => sqlString(d.table)).join(', ');
	const rows = await engine.rows(
		`SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND table_name IN (${names})`
	);
	return new Set(rows.map((r) => r.table_name as DatasetId));
}

/**
 * Rows naming estates that are not known, one problem per estate (with its count of source rows and the first
 * row), and rows naming estates whose own rows failed summarised once ("35 rows refer to 5 estates whose rows
 * have errors"): the person fixes the estates, not every score cell. All of them are kept out.
 */
/**
 * An id as written, folded so that spellings of one id meet: upper case, no spaces, hyphens or underscores, and no
 * leading zeros in a run of digits (Excel drops them from an id it takes for a number: 000123 becomes 123).
 */
const ID_KEY = (x: string) =>
	`regexp_replace(upper(regexp_replace(${x}, '[\\s_-]', '', 'g')), '(^|[^0-9])0+([0-9])', '\\1\\2', 'g')`;

/** For each unknown id, the one known id written the same way but for case, separators or leading zeros. */
async function likelyIds(engine: ImportEngine, check: string, known: readonly string[]): Promise<Map<string, string>> {
	if (known.length === 0) return new Map();
	const rows = await engine.rows(
		`WITH known AS (${known.join(' UNION ')}), u AS (SELECT DISTINCT estate_id FROM ${check})
		 SELECT u.estate_id AS id, min(k.estate_id) AS like_id, count(DISTINCT k.estate_id)::INTEGER AS n
		 FROM u JOIN known k ON ${ID_KEY('k.estate_id')} = ${ID_KEY('u.estate_id')} GROUP BY u.estate_id`
	);
	return new Map(rows.filter((r) => r.n === 1).map((r) => [String(r.id), String(r.like_id)]));
}

async function reportReferences(
	engine: ImportEngine,
	check: string,
	s: StagedFile,
	sink: ProblemSink,
	failed: ReadonlySet<string>,
	known: readonly string[]
): Promise<void> {
	// A wide sheet's source row is one estate and period; counting those gives rows as the person sees them.
	const groups = await engine.rows(
		`SELECT estate_id, count(DISTINCT coalesce(period::VARCHAR, _i::VARCHAR))::INTEGER AS n, count(*)::INTEGER AS cells, min(_i)::INTEGER AS first_i
		 FROM ${check} GROUP BY estate_id ORDER BY first_i`
	);
	if (groups.length === 0) return;
	const cascade = groups.filter((g) => failed.has(g.estate_id as string));
	const unknown = groups.filter((g) => !failed.has(g.estate_id as string));
	const room = Math.max(0, sink.max - sink.problems.length);
	const listed = unknown.slice(0, room);
	const facts = listed.length ? await s.describe(listed.map((g) => g.first_i as number), ['estate_id']) : [];
	// Never joined on a guess: the likely id is only named, for the person to fix the file.
	const like = listed.length ? await likelyIds(engine, check, known) : new Map<string, string>();
	listed.forEach((g, k) => {
		const { row, column, value } = facts[k];
		const n = g.n as number;
		const estate = String(g.estate_id);
		const likeId = like.get(estate);
		const params = { key: estate, estate, ...(likeId ? { like: likeId } : {}) };
		if (n === 1) sink.add(row, column, value, { code: likeId ? 'unknown_estate_like' : 'unknown_estate', params }, 'error');
		else sink.add(row, column, value, { code: likeId ? 'unknown_estate_rows_like' : 'unknown_estate_rows', params: { ...params, count: n, row: row ?? '' } }, 'error');
	});
	sink.errors += unknown.length - listed.length;
	if (cascade.length > 0) {
		const rows = cascade.reduce((a, g) => a + (g.n as number), 0);
		const cells = cascade.reduce((a, g) => a + (g.cells as number), 0);
		const ids = cascade.map((g) => String(g.estate_id));
		const list = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ' …' : '');
		const [first] = await s.describe([cascade[0].first_i as number], ['estate_id']);
		sink.add(null, first.column, null, {
			code: 'estates_with_errors',
			params: { rows, estates: ids.length, list, cellsZh: cells !== rows ? `，展开为 ${cells} 条记录` : '', cellsEn: cells !== rows ? `, ${cells} records once melted` : '' }
		}, 'error');
	}
	await engine.exec(`UPDATE ${s.table} SET _drop = true WHERE _i IN (SELECT _i FROM ${check})`);
}
