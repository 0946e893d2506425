/**
 * Start-up snapshots: a view's last computed results, shown at once while the engine starts, marked as a snapshot,
 * then replaced by live results. Two sources, both keyed (src/lib/snapshot/key.ts: build, workspace content,
 * settings) and shown only when that key equals the key of the data and settings the app is starting with:
 * - the last visit's results, kept in IndexedDB beside the workspace (any workspace);
 * - the build's own, for the sample district with the default settings (scripts/sample-snapshot.mjs): a first
 *   visit on a fresh profile shows the overview and the district analysis before the engine is ready.
 * A snapshot is shown only from the start until the first live results of the page it was opened on: once the
 * engine is ready the other views' snapshots are dropped (the data or settings could change before they are seen).
 */
import { version } from '$app/environment';
import { sampleSnapshots } from 'virtual:zhijia-sample-snapshots';
import { settings } from '../app/analysis-settings.svelte';
import type { Overview } from '../queries/overview';
import { i18n, type Lang } from '../i18n/i18n.svelte';
import { idb } from '../workspace/idb';
import { EMPTY_WORKSPACE, workspaceSchema, type Workspace } from '../workspace/workspace-file';
import { takeEarlyReads, takeEarlySnapshot } from './early-reads';
import { snapshotKey } from './key';
import type { DistrictSnapshot } from './views';

/** The results of each snapshotted view. */
interface ViewData {
	overview: Overview;
	district: DistrictSnapshot;
}
export type SnapshotView = keyof ViewData;
const VIEWS: SnapshotView[] = ['overview', 'district'];

/** A snapshot as stored and shown: the results, when they were computed, and whether the build made them. */
export interface Snapshot<T> {
	key: string;
	at: string;
	data: T;
	origin?: 'visit' | 'build';
	/** The view's chart as it was drawn (SVG markup), painted on the next visit before the chart code has run. */
	figure?: string;
}

/** The snapshots matching the data and settings the app is starting with (null: none, not matching, or done). */
export const snapshots = $state<{ [V in SnapshotView]: Snapshot<ViewData[V]> | null }>({ overview: null, district: null });

/**
 * localStorage key set while the overview's stored snapshot has no figure drawn (a canvas of thousands of dots, or
 * saved before its figure was): read synchronously at start, it tells the overview to load the chart code at once,
 * for its first paint needs it. Without it (a first visit: the build's snapshot brings its figure) the chart code
 * loads after the first paint. A hint only: the snapshot itself decides.
 */
export const OVERVIEW_WITHOUT_FIGURE = 'zhijia:overview-snapshot-without-figure';

/** Views whose snapshot time is over (live results arrived, or the engine is ready elsewhere): never set again. */
const done = new Set<SnapshotView>();

/** Also written in index.html's first script (scripts/early-engine.mjs). */
export const storeKey = (view: SnapshotView) => `snapshot:${view}`;

/** The workspace as stored (what the engine will rebuild), read without the engine. */
function storedWorkspace(stored: unknown): Workspace {
	const parsed = workspaceSchema.safeParse(stored);
	return parsed.success ? parsed.data : EMPTY_WORKSPACE;
}

function keyFor(view: SnapshotView, workspace: Workspace, current: unknown): Promise<string> {
	return snapshotKey({ build: version, workspace, settings: current, view });
}

/** The build's snapshot of a view if its key is `key` (a hashed file of the app, same origin). */
async function buildSnapshot<V extends SnapshotView>(view: V, key: string): Promise<Snapshot<ViewData[V]> | null> {
	const made = sampleSnapshots?.[view];
	if (!made || made.key !== key) return null;
	// Requested by index.html's first script on a first visit (early-reads.ts); again here if that request failed.
	const early = takeEarlySnapshot(made.url);
	const res = await (early ? early.catch(() => fetch(made.url)) : fetch(made.url));
	if (!res.ok) throw new Error(`${made.url}: HTTP ${res.status}`);
	// The results, and the figures the build drew in each interface language (scripts/sample-snapshot.mjs).
	const file = (await res.json()) as { data: ViewData[V]; figures?: Partial<Record<Lang, string>> | null };
	const figure = file.figures?.[i18n.lang];
	return { key, at: sampleSnapshots!.at, data: file.data, origin: 'build', ...(figure ? { figure } : {}) };
}

/** Finds one view's snapshot for the key (IndexedDB first, then the build's) and shows it unless its time is over. */
async function loadView<V extends SnapshotView>(view: V, key: string, stored: Promise<Snapshot<ViewData[V]> | undefined>): Promise<boolean> {
	const kept = await stored.catch(() => undefined);
	const snap = kept?.key === key ? { ...kept, origin: 'visit' as const } : await buildSnapshot(view, key);
	// The live results may have arrived meanwhile: those win.
	if (!snap || done.has(view)) return false;
	snapshots[view] = snap as (typeof snapshots)[V];
	performance.mark(`zhijia:snapshot-${view}`); // read by the bench: where the time to the first chart goes
	return true;
}

/**
 * Loads the snapshots that match the stored workspace and the current settings; resolves with whether the page on
 * screen got one (the view of the current path). Never throws.
 */
export async function loadStartSnapshots(): Promise<boolean> {
	try {
		const current = $state.snapshot(settings);
		const path = location.pathname;
		// The page on screen first: the other view's snapshot (a city's can be megabytes) is read after it.
		const first: SnapshotView = path === '/district' ? 'district' : 'overview';
		const other: SnapshotView = first === 'overview' ? 'district' : 'overview';
		// Both reads at once: the workspace decides the key, the stored snapshot is compared with it. Usually
		// index.html's first script began them while the app's scripts loaded (early-reads.ts).
		const early = await takeEarlyReads();
		if (early) performance.mark('zhijia:snapshot-read-early'); // read by the browser test: the early path is the one taken
		const read = early?.view === first ? Promise.resolve(early.snapshot as Snapshot<never> | undefined) : idb.get<Snapshot<never>>(storeKey(first));
		const workspace = storedWorkspace(early ? early.workspace : await idb.get<unknown>('workspace').catch(() => undefined));
		const load = async (view: SnapshotView, stored: Promise<Snapshot<never> | undefined>) => loadView(view, await keyFor(view, workspace, current), stored);
		const shown = await load(first, read);
		void load(other, idb.get<Snapshot<never>>(storeKey(other))).catch((e) => console.warn('start-up snapshot not read:', e));
		return shown && (path === '/' || path === '/district');
	} catch (e) {
		console.warn('start-up snapshot not read:', e);
		return false;
	}
}

/**
 * Keeps live results as the next visit's snapshot, keyed by the workspace and the settings they were computed
 * from (the settings as they were when the run started: a run overtaken by a change is never stored under it).
 */
export async function saveSnapshot<V extends SnapshotView>(view: V, data: ViewData[V], workspace: Workspace, settingsOfRun: unknown, figure?: string): Promise<void> {
	try {
		const key = await keyFor(view, workspace, settingsOfRun);
		const entry = (d: unknown) => ({ [storeKey(view)]: { key, at: new Date().toISOString(), data: d, ...(figure ? { figure } : {}) } });
		// Live results are plain data, which IndexedDB clones itself: $state.snapshot would copy every value
		// through structuredClone one at a time (0.4 s for a city's rows, one long task). Reactive state does not
		// clone (DataCloneError): only then a snapshot.
		try {
			await idb.putAll(entry(data));
		} catch (e) {
			if (!(e instanceof DOMException && e.name === 'DataCloneError')) throw e;
			await idb.putAll(entry($state.snapshot(data)));
		}
		if (view === 'overview') {
			if (figure) localStorage.removeItem(OVERVIEW_WITHOUT_FIGURE);
			else localStorage.setItem(OVERVIEW_WITHOUT_FIGURE, '1');
		}
	} catch (e) {
		console.warn('start-up snapshot not saved:', e);
	}
}

/** Live results of the view are on screen (or the page went): its snapshot is no longer shown. */
export function dropSnapshot(view: SnapshotView): void {
	done.add(view);
	snapshots[view] = null;
}

/** The engine is ready: only the view on screen keeps its snapshot, until its live results replace it. */
export function keepOnlySnapshot(view: SnapshotView | null): void {
	for (const v of VIEWS) if (v !== view) dropSnapshot(v);
}

const pending = new Map<SnapshotView, ReturnType<typeof setTimeout>>();

/**
 * {@link saveSnapshot} once the view has been quiet for a moment: a page that re-runs on every keystroke (the
 * district's weights) stores only its last results, and the copy into IndexedDB (large for a city) runs when the
 * browser is idle, not inside an interaction. `data` may take several tasks (a city's district run is packed in
 * steps).
 */
export function saveSnapshotSoon<V extends SnapshotView>(view: V, data: () => ViewData[V] | null | Promise<ViewData[V] | null>, workspace: Workspace, settingsOfRun: unknown): void {
	clearTimeout(pending.get(view));
	pending.set(
		view,
		setTimeout(() => {
			pending.delete(view);
			const save = async () => {
				const d = await data();
				if (d) await saveSnapshot(view, d, workspace, settingsOfRun);
			};
			const saveLogged = () => void save().catch((e) => console.warn('start-up snapshot not saved:', e));
			if ('requestIdleCallback' in globalThis) requestIdleCallback(saveLogged, { timeout: 5000 });
			else saveLogged();
		}, 1500)
	);
}
