/**
 * The start of a session's two slow steps, begun as early as the app can: the engine (the 34 MB wasm downloads and
 * compiles in its worker) and the sample district's files. src/hooks.client.ts begins them when the app's entry
 * evaluates, before the layout's and the page's scripts are even fetched; the session takes them when the layout
 * mounts. This module stays small (no workspace, import or chart code) so that nothing heavy runs before it.
 */
import { SAMPLE_FILES } from '$lib/data/datasets';
import { browserEngine } from '$lib/engine/browser';
import type { Engine } from '$lib/engine/engine';
import { sampleFileUrl } from '$lib/workspace/sample-urls';

/** The engine starting and the sample files downloading. */
export interface Start {
	engine: Promise<Engine>;
	files: Map<string, Promise<Uint8Array>>;
}

/**
 * Reads a sample district file from the app (also used to reset the workspace) as bytes: the loader hands them to
 * DuckDB's worker in chunks, with no decoding or encoding on the main thread.
 */
export async function fetchSample(file: string): Promise<Uint8Array> {
	const res = await fetch(sampleFileUrl(file));
	if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

let early: Start | null = null;

/** Starts the engine and fetches the sample files, both at once: each takes about a second and neither needs the other. */
function begin(): Start {
	performance.mark('zhijia:start');
	const files = new Map(SAMPLE_FILES.map((f) => [f.file, fetchSample(f.file)]));
	for (const p of files.values()) p.catch(() => undefined); // reported when awaited
	const engine = browserEngine();
	engine.catch(() => undefined); // reported when awaited
	return { engine, files };
}

/** Begins the start now, unless it has been begun already (called at app start, before the first render). */
export function beginStart(): void {
	early ??= begin();
}

/** The start begun early, or a new one (the first session takes the early start; a retry begins afresh). */
export function takeStart(): Start {
	const s = early ?? begin();
	early = null;
	return s;
}
