/**
 * The key of a start-up snapshot: a SHA-256 over everything the shown results depend on, so a snapshot is
 * only ever shown for exactly the data and settings it was computed from.
 * - the build: the sample district's files and the analysis code ship with it;
 * - the workspace's content: its base and its imports in order (each stored file's id, dataset, mode, import
 *   options and row count). A stored file's bytes never change under its id (a new import is a new id), so this
 *   list determines the tables' content without reading megabytes of files before anything can be shown;
 * - the analysis settings (weights, catalogue, bands, period, …).
 * Pure: no Svelte, no IndexedDB; the same in the browser and in Node (crypto.subtle).
 */
import type { Workspace } from '../workspace/workspace-file';

/** What a snapshot's results depend on. */
export interface SnapshotInputs {
	/** The app build (SvelteKit's version string). */
	build: string;
	workspace: Pick<Workspace, 'base' | 'files'>;
	/** The analysis settings as stored (plain JSON). */
	settings: unknown;
	/** Which view: 'overview', 'district', … */
	view: string;
}

/** JSON with object keys sorted at every level, so equal values give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
	if (value === undefined) return 'null';
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>)
		.filter(([, v]) => v !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The snapshot key: hex SHA-256 of the canonical inputs. */
export async function snapshotKey(inputs: SnapshotInputs): Promise<string> {
	const content = {
		build: inputs.build,
		view: inputs.view,
		base: inputs.workspace.base,
		// addedAt is when, not what: the same file imported again gives the same tables.
		files: inputs.workspace.files.map((f) => ({ id: f.id, dataset: f.dataset, mode: f.mode, options: f.options, rows: f.rows })),
		settings: inputs.settings
	};
	const bytes = new TextEncoder().encode(canonicalJson(content));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
