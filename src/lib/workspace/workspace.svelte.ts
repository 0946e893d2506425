/**
 * The user's workspace in the browser: which imports make up the tables, kept in IndexedDB with the source
 * files' bytes, so a reload rebuilds exactly the same tables. Every change is all-or-nothing: the tables are
 * changed first (in one transaction), and the stored workspace only after that succeeded.
 */
import type { Engine } from '../engine/engine';
import type { PreparedFile, CommitResult, CommitOptions } from '../import';
import { commitImport, READ_RULES } from '../import';
import { idb } from './idb';
import { importWorker } from '../import/client';
import { bytesOf } from './read-bytes';
import { rebuildWorkspace, storedConversions, storedMapping, storedReadOptions, type PrepareStored, type ReplayFailure } from './rebuild';
import { decodeWorkspace, encodeWorkspace, EMPTY_WORKSPACE, referencedFiles, workspaceSchema, type HistoryEntry, type StoredFile, type Workspace, type WorkspaceFileError } from './workspace-file';
import { recordImport, undoLast } from './history';
import type { SampleReader } from './sample';
import type { Recipe } from '../import/recipes/schema';

const KEY = 'workspace';
/** IndexedDB key of the stored workspace (replace.svelte.ts writes it too). */
export const WORKSPACE_KEY = KEY;
const fileKey = (id: string) => `file:${id}`;

import { workspaceState } from './workspace-state.svelte';

export async function readStored(): Promise<{ ws: Workspace; contents: Map<string, Uint8Array>; problem: string | null }> {
	const raw = await idb.get<unknown>(KEY).catch(() => undefined);
	const parsed = workspaceSchema.safeParse(raw);
	const ws = parsed.success ? parsed.data : structuredClone(EMPTY_WORKSPACE);
	// A stored workspace that no longer reads is said out loud, never silently replaced by the sample.
	const problem = raw !== undefined && !parsed.success ? parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : null;
	const contents = new Map<string, Uint8Array>();
	// Every file the workspace still refers to: undoing a replace replays the files it replaced.
	for (const f of [...ws.files, ...ws.history.flatMap((h) => h.previous)]) {
		if (contents.has(f.id)) continue;
		// Stored as a Blob by the data page (no copy on the main thread), as bytes by older versions and workspace files.
		const stored = await idb.get<Uint8Array | Blob>(fileKey(f.id)).catch(() => undefined);
		const bytes = stored instanceof Blob ? await bytesOf(stored).catch(() => undefined) : stored;
		if (bytes) contents.set(f.id, bytes);
	}
	return { ws, contents, problem };
}

/** Reads and prepares a stored file in the import worker, as the data page does, so a reload keeps the page responsive. */
export const prepareInWorker: PrepareStored = async (f, bytes) => {
	const worker = importWorker();
	const handle = await worker.open(f.name, bytes);
	try {
		const inspection = await worker.inspect(handle, storedReadOptions(f));
		return { prepared: await worker.prepare(handle, { dataset: f.dataset, mapping: storedMapping(f, inspection.headers), ...storedConversions(f, inspection.headers) }), release: () => worker.close(handle) };
	} catch (e) {
		worker.close(handle);
		throw e;
	}
};

/** On start: rebuild the tables from the stored workspace (the sample district when there is none). */
export async function restoreWorkspace(engine: Engine, readSample: SampleReader): Promise<void> {
	const { ws, contents, problem } = await readStored();
	const failures = await rebuildWorkspace(engine, ws, contents, readSample, prepareInWorker);
	workspaceState.failures = problem ? [{ file: '(workspace)', reason: problem }, ...failures] : failures;
	workspaceState.workspace = ws;
}

/** A file the user chose, with the options it was imported with. */
export interface ImportEntry {
	prepared: PreparedFile;
	/** The file's contents; a Blob (the chosen File) is stored without copying it on the main thread. */
	bytes: Uint8Array | Blob;
	options: StoredFile['options'];
}

/** Commits files to the tables (one transaction) and, only if that succeeded, records them in the workspace. */
export async function commitAndRecord(engine: Engine, entries: ImportEntry[], options: CommitOptions & { mode: 'replace' | 'append' }): Promise<CommitResult> {
	const result = await commitImport(engine, entries.map((e) => e.prepared), options);
	if (!result.committed) return result;
	const now = new Date().toISOString();
	const added: StoredFile[] = entries.map((e, i) => ({
		id: `${Date.now().toString(36)}-${i}-${Math.random().toString(36).slice(2, 8)}`,
		name: e.prepared.file,
		dataset: e.prepared.dataset!,
		mode: options.mode,
		options: { ...e.options, dropInvalid: options.dropInvalid ?? false, rules: READ_RULES },
		rows: result.files[i]?.inserted ?? 0,
		addedAt: now
	}));
	const historyId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
	const next = recordImport($state.snapshot(workspaceState.workspace) as Workspace, added, result, now, historyId);
	const writes: Record<string, unknown> = { [KEY]: next };
	added.forEach((f, i) => (writes[fileKey(f.id)] = entries[i].bytes));
	await idb.putAll(writes);
	workspaceState.workspace = next;
	await forgetUnreferenced(next);
	return result;
}

/** Deletes stored files that neither the imports nor the undo history need any more (errors only cost space). */
export async function forgetUnreferenced(ws: Workspace): Promise<void> {
	const keep = referencedFiles(ws);
	const stale = (await idb.keys().catch(() => [])).filter((k) => k.startsWith('file:') && !keep.has(k.slice('file:'.length)));
	if (stale.length) await idb.deleteAll(stale).catch(() => undefined);
}

/**
 * Undoes the last import: the tables are rebuilt from the imports before it (so a replaced dataset gets its
 * old rows back), and only when that worked is the shorter workspace stored. On failure the tables are rebuilt
 * as they were and nothing stored changes.
 */
export async function undoLastImport(
	engine: Engine,
	readSample: SampleReader
): Promise<{ ok: true; undone: HistoryEntry } | { ok: false; detail: string }> {
	const { ws, contents } = await readStored();
	const step = undoLast(ws);
	if (!step) return { ok: false, detail: 'nothing to undo' };
	const failures = await rebuildWorkspace(engine, step.workspace, contents, readSample, prepareInWorker).catch((e: Error) => [{ file: '', reason: e.message }]);
	if (failures.length > 0) {
		await rebuildWorkspace(engine, ws, contents, readSample, prepareInWorker);
		return { ok: false, detail: failures.map((f) => `${f.file}: ${f.reason}`).join('; ') };
	}
	await idb.putAll({ [KEY]: step.workspace });
	workspaceState.workspace = step.workspace;
	workspaceState.failures = [];
	await forgetUnreferenced(step.workspace);
	return { ok: true, undone: step.undone };
}

/** Remembers a column mapping for files with the same headers. */
export async function rememberMapping(signature: string, mapping: Record<string, string>): Promise<void> {
	const next = { ...($state.snapshot(workspaceState.workspace) as Workspace) };
	next.mappings = { ...next.mappings, [signature]: mapping };
	await idb.putAll({ [KEY]: next });
	workspaceState.workspace = next;
}

/** Saves an import recipe under its name (a recipe of the same name is replaced). */
export async function saveRecipe(recipe: Recipe): Promise<void> {
	const next = { ...($state.snapshot(workspaceState.workspace) as Workspace) };
	next.recipes = [...(next.recipes ?? []).filter((r) => r.name !== recipe.name), recipe];
	await idb.putAll({ [KEY]: next });
	workspaceState.workspace = next;
}

/** Forgets a saved import recipe. */
export async function forgetRecipe(name: string): Promise<void> {
	const next = { ...($state.snapshot(workspaceState.workspace) as Workspace) };
	next.recipes = (next.recipes ?? []).filter((r) => r.name !== name);
	await idb.putAll({ [KEY]: next });
	workspaceState.workspace = next;
}

/**
 * Saves the user's answer to "which code is this word?" for a coded column; every later file (and a recipe
 * made from this workspace) reads the word the same way. docs/sources.md §18.
 */
export async function saveValueAnswer(column: string, word: string, code: string): Promise<void> {
	const next = { ...($state.snapshot(workspaceState.workspace) as Workspace) };
	const answers = next.valueAnswers ?? {};
	next.valueAnswers = { ...answers, [column]: { ...(answers[column] ?? {}), [word]: code } };
	await idb.putAll({ [KEY]: next });
	workspaceState.workspace = next;
}

/** Stores the own estates' listing matches set by hand (estate id → listing key, or null for "no listing"). */
export async function saveMarketMatches(matches: Record<string, string | null>): Promise<void> {
	const next = { ...($state.snapshot(workspaceState.workspace) as Workspace), marketMatches: matches };
	await idb.putAll({ [KEY]: next });
	workspaceState.workspace = next;
}

/** Back to the built-in sample district: every import and stored file is forgotten. */
export async function resetToSample(engine: Engine, readSample: SampleReader): Promise<void> {
	await rebuildWorkspace(engine, EMPTY_WORKSPACE, new Map(), readSample, prepareInWorker);
	await idb.clear();
	workspaceState.workspace = structuredClone(EMPTY_WORKSPACE);
	workspaceState.failures = [];
}

/** The whole workspace as one file (the user's files, mappings and analysis settings). */
export async function exportWorkspace(settings: unknown): Promise<string> {
	const { ws, contents } = await readStored();
	return encodeWorkspace({ workspace: ws, contents, settings });
}

/**
 * Opens a workspace file: checked completely before anything changes; the tables are rebuilt from it, and if
 * that fails they are rebuilt from the workspace the user had, which stays stored.
 */
export async function openWorkspaceFile(
	engine: Engine,
	text: string,
	readSample: SampleReader
): Promise<{ ok: true; settings: unknown; failures: ReplayFailure[] } | { ok: false; error: WorkspaceFileError | { code: 'replay'; detail: string } }> {
	const decoded = await decodeWorkspace(text);
	if (!decoded.ok) return decoded;
	const { workspace, contents, settings } = decoded.bundle;
	const failures = await rebuildWorkspace(engine, workspace, contents, readSample, prepareInWorker).catch((e: Error) => [{ file: '', reason: e.message }]);
	if (failures.length > 0) {
		const previous = await readStored();
		await rebuildWorkspace(engine, previous.ws, previous.contents, readSample, prepareInWorker);
		return { ok: false, error: { code: 'replay', detail: failures.map((f) => `${f.file}: ${f.reason}`).join('; ') } };
	}
	await idb.clear();
	const writes: Record<string, unknown> = { [KEY]: workspace };
	for (const [id, bytes] of contents) writes[fileKey(id)] = bytes;
	await idb.putAll(writes);
	workspaceState.workspace = workspace;
	workspaceState.failures = [];
	return { ok: true, settings, failures: [] };
}
