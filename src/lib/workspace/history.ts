/**
 * The import history and undo (docs/sources.md §17). The workspace is a base plus imports replayed in order, so the state
 * before an import is the list of imports before it: each history entry keeps that list, with the rows every
 * target table had before and has after. Undoing the last import puts its list back and rebuilds the tables
 * by replay, which restores the rows of a dataset it replaced or appended to exactly. Pure functions here; the
 * browser's workspace.svelte.ts stores the result, and Node tests drive the same code.
 */
import type { CommitResult } from '../import';
import { withImported } from './rebuild';
import { MAX_HISTORY, type HistoryEntry, type StoredFile, type Workspace } from './workspace-file';

/** The workspace after a committed import: the files recorded, and a history entry to undo it by. */
export function recordImport(ws: Workspace, added: StoredFile[], result: CommitResult, at: string, id: string): Workspace {
	const next = withImported(ws, added);
	const entry: HistoryEntry = {
		id,
		at,
		files: added.map((f) => ({ name: f.name, dataset: f.dataset, mode: f.mode, rows: f.rows })),
		changes: result.changes.map((c) => ({ ...c })),
		added: result.inserted,
		removed: result.mode === 'replace' ? result.changes.reduce((a, c) => a + c.before, 0) : 0,
		previous: ws.files
	};
	return { ...next, history: [...ws.history, entry].slice(-MAX_HISTORY) };
}

/** The workspace as it was before its last import (null when there is nothing to undo). */
export function undoLast(ws: Workspace): { workspace: Workspace; undone: HistoryEntry } | null {
	const undone = ws.history.at(-1);
	if (!undone) return null;
	return { workspace: { ...ws, base: undone.previousBase ?? ws.base, files: undone.previous, history: ws.history.slice(0, -1) }, undone };
}
