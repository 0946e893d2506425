/**
 * Imports of files the app makes (the quick start's estate, an owners' survey) into the workspace. A first import
 * is a plain import (commitAndRecord: one transaction, recorded in the history). Editing an estate, re-importing a
 * survey of the same period, or starting with only one's own estate (no sample district) changes earlier imports:
 * then the tables are rebuilt from the new list of imports, and only if every file replays is it stored; on
 * failure the tables are rebuilt as they were and nothing stored changes (the way undo works).
 */
import type { Engine } from '../engine/engine';
import { READ_RULES, type CommitResult, type PreparedImport } from '../import';
import type { MadeFile } from '../import/made-files';
import type { SurveyRecipe } from '../domain/survey/recipe';
import { madeBytes } from '../app/made-import';
import { idb } from './idb';
import { rebuildWorkspace } from './rebuild';
import type { SampleReader } from './sample';
import type { StoredFile, Workspace } from './workspace-file';
import { MAX_HISTORY } from './workspace-file';
import { commitAndRecord, forgetUnreferenced, prepareInWorker, readStored, WORKSPACE_KEY } from './workspace.svelte';
import { workspaceState } from './workspace-state.svelte';

/** What to change besides adding the files. */
export interface MadeImportOptions {
	/** Earlier imports whose file name starts with this are replaced (an edited estate, a survey re-imported). */
	replacePrefix?: string;
	/** Switch the workspace's base (e.g. 'empty': only the user's own estates, no sample district). */
	base?: Workspace['base'];
}

export type MadeImportResult = { ok: true; rows: number } | { ok: false; detail: string };

/** Adds made files (already prepared and free of errors) to the workspace, all or nothing. */
export async function importMadeFiles(
	engine: Engine,
	readSample: SampleReader,
	files: readonly MadeFile[],
	prepared: readonly PreparedImport[],
	options: MadeImportOptions = {}
): Promise<MadeImportResult> {
	const current = $state.snapshot(workspaceState.workspace) as Workspace;
	const replaced = options.replacePrefix ? current.files.filter((f) => f.name.startsWith(options.replacePrefix!)) : [];
	const base = options.base ?? current.base;
	if (replaced.length === 0 && base === current.base) {
		const entries = files.map((f, i) => ({ prepared: prepared[i], bytes: madeBytes(f), options: { headerRow: 1, dropInvalid: false } }));
		const result: CommitResult = await commitAndRecord(engine, entries, { mode: 'append', dropInvalid: false });
		return result.committed ? { ok: true, rows: result.inserted } : { ok: false, detail: result.reason ?? 'not committed' };
	}
	const { ws, contents } = await readStored();
	const now = new Date().toISOString();
	const stamp = Date.now().toString(36);
	const added: StoredFile[] = files.map((f, i) => ({
		id: `${stamp}-${i}-${Math.random().toString(36).slice(2, 8)}`,
		name: f.name,
		dataset: f.dataset,
		mode: 'append',
		options: { headerRow: 1, dropInvalid: false, rules: READ_RULES },
		rows: prepared[i].rowCount,
		addedAt: now
	}));
	const keep = ws.files.filter((f) => !(options.replacePrefix && f.name.startsWith(options.replacePrefix)));
	const next: Workspace = {
		...ws,
		base,
		files: [...keep, ...added],
		history: [
			...ws.history,
			{
				id: `${stamp}-${Math.random().toString(36).slice(2, 8)}`,
				at: now,
				files: added.map((f) => ({ name: f.name, dataset: f.dataset, mode: f.mode, rows: f.rows })),
				changes: [],
				added: added.reduce((a, f) => a + f.rows, 0),
				removed: replaced.reduce((a, f) => a + f.rows, 0),
				previous: ws.files,
				...(base !== ws.base ? { previousBase: ws.base } : {})
			}
		].slice(-MAX_HISTORY)
	};
	const nextContents = new Map(contents);
	added.forEach((f, i) => nextContents.set(f.id, madeBytes(files[i])));
	const failures = await rebuildWorkspace(engine, next, nextContents, readSample, prepareInWorker).catch((e: Error) => [{ file: '', reason: e.message }]);
	if (failures.length > 0) {
		await rebuildWorkspace(engine, ws, contents, readSample, prepareInWorker);
		return { ok: false, detail: failures.map((f) => `${f.file}: ${f.reason}`).join('; ') };
	}
	const writes: Record<string, unknown> = { [WORKSPACE_KEY]: next };
	added.forEach((f, i) => (writes[`file:${f.id}`] = madeBytes(files[i])));
	await idb.putAll(writes);
	workspaceState.workspace = next;
	workspaceState.failures = [];
	await forgetUnreferenced(next);
	return { ok: true, rows: added.reduce((a, f) => a + f.rows, 0) };
}

/** Keeps a survey recipe in the workspace (one per name: a newer one replaces it); exported with the workspace. */
export async function saveSurveyRecipe(recipe: SurveyRecipe): Promise<void> {
	const ws = $state.snapshot(workspaceState.workspace) as Workspace;
	const next: Workspace = { ...ws, surveyRecipes: [...(ws.surveyRecipes ?? []).filter((r) => r.name !== recipe.name), recipe] };
	await idb.putAll({ [WORKSPACE_KEY]: next });
	workspaceState.workspace = next;
}
