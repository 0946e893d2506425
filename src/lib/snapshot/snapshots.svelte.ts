/**
 * Start-up snapshots: the overview's last computed results, kept in IndexedDB beside the workspace and
 * shown at once on the next visit while the engine starts, marked as a snapshot, then replaced by live results.
 * A snapshot is stored with its key (src/lib/snapshot/key.ts: build, workspace content, settings) and shown only
 * when that key equals the key of the data and settings the app is starting with: never a stale result.
 */
import { version } from '$app/environment';
import { settings } from '../app/analysis-settings.svelte';
import type { Overview } from '../queries/overview';
import { idb } from '../workspace/idb';
import { EMPTY_WORKSPACE, workspaceSchema, type Workspace } from '../workspace/workspace-file';
import { snapshotKey } from './key';

/** A snapshot as stored and shown: the results and when they were computed. */
export interface Snapshot<T> {
	key: string;
	at: string;
	data: T;
}

/** The snapshots matching the data and settings the app is starting with (null: none, or not matching). */
export const snapshots = $state<{ overview: Snapshot<Overview> | null }>({ overview: null });

const storeKey = (view: string) => `snapshot:${view}`;

/** The workspace as stored (what the engine will rebuild), read without the engine. */
async function storedWorkspace(): Promise<Workspace> {
	const parsed = workspaceSchema.safeParse(await idb.get<unknown>('workspace').catch(() => undefined));
	return parsed.success ? parsed.data : EMPTY_WORKSPACE;
}

function keyFor(view: string, workspace: Workspace): Promise<string> {
	return snapshotKey({ build: version, workspace, settings: $state.snapshot(settings), view });
}

/** Loads the overview snapshot if it matches the stored workspace and the current settings. Never throws. */
export async function loadStartSnapshots(): Promise<void> {
	try {
		const stored = await idb.get<Snapshot<Overview>>(storeKey('overview'));
		if (!stored) return;
		const key = await keyFor('overview', await storedWorkspace());
		// The live results may have arrived meanwhile: those win.
		if (stored.key === key && snapshots.overview === null) snapshots.overview = stored;
	} catch (e) {
		console.warn('start-up snapshot not read:', e);
	}
}

/** Keeps live overview results as the next visit's snapshot, keyed by the workspace they were computed from. */
export async function saveOverviewSnapshot(data: Overview, workspace: Workspace): Promise<void> {
	try {
		const key = await keyFor('overview', workspace);
		await idb.putAll({ [storeKey('overview')]: { key, at: new Date().toISOString(), data: $state.snapshot(data) } });
	} catch (e) {
		console.warn('start-up snapshot not saved:', e);
	}
}

/** Live results are on screen: the snapshot is no longer shown. */
export function dropSnapshot(): void {
	snapshots.overview = null;
}
