/**
 * Rebuilds every table from a workspace: the base (the sample district, or empty tables), then each stored
 * import replayed in order with the options the user chose. The same code runs on page load, after a
 * workspace file is opened, and in Node tests.
 */
import type { Engine } from '../engine/engine';
import { commitImport, inspectFile, prepareImport, type CommitResult } from '../import';
import { createAllTablesSql, loadSampleDistrict } from './sample';
import type { StoredFile, Workspace } from './workspace-file';

/** One stored file that could not be replayed (the rest of the workspace still loads). */
export interface ReplayFailure {
	file: string;
	reason: string;
}

/** Replays one stored import into the tables; returns the commit result or throws the reason. */
export async function replayImport(engine: Engine, f: StoredFile, bytes: Uint8Array): Promise<CommitResult> {
	const inspection = await inspectFile(f.name, bytes, {
		sheet: f.options.sheet,
		headerRow: f.options.headerRow ? f.options.headerRow : undefined,
		dataset: f.dataset
	});
	const prepared = await prepareImport(inspection.source, {
		dataset: f.dataset,
		mapping: f.options.mapping ? inspection.headers.map((h) => f.options.mapping![h] ?? null) : undefined
	});
	const result = await commitImport(engine, prepared, { mode: f.mode, dropInvalid: f.options.dropInvalid });
	if (!result.committed) throw new Error(result.reason ?? 'not committed');
	return result;
}

/** Loads the base and replays the imports. Files that fail are reported, not fatal. */
export async function rebuildWorkspace(
	engine: Engine,
	ws: Workspace,
	contents: ReadonlyMap<string, Uint8Array>,
	readSample: (file: string) => Promise<string>
): Promise<ReplayFailure[]> {
	if (ws.base === 'sample') await loadSampleDistrict(engine, readSample);
	else await engine.transaction(createAllTablesSql());
	const failures: ReplayFailure[] = [];
	for (const f of ws.files) {
		const bytes = contents.get(f.id);
		if (!bytes) {
			failures.push({ file: f.name, reason: 'missing' });
			continue;
		}
		try {
			await replayImport(engine, f, bytes);
		} catch (e) {
			failures.push({ file: f.name, reason: e instanceof Error ? e.message : String(e) });
		}
	}
	return failures;
}

/**
 * The workspace after a successful import: the new files are added, and earlier files of a dataset that the
 * new import replaced are dropped (replaying them would be overwritten anyway).
 */
export function withImported(ws: Workspace, added: StoredFile[]): Workspace {
	const replaced = new Set(added.filter((f) => f.mode === 'replace').map((f) => f.dataset));
	return { ...ws, files: [...ws.files.filter((f) => !replaced.has(f.dataset)), ...added] };
}
