/**
 * The bench's baseline page for "engine ready, second visit" (bench/bare-engine.ts): the app's own engine start,
 * browserEngine() from src/lib/engine/browser.ts (the same wasm, patched glue, worker wrapper and start-up settings),
 * with nothing else on the page: no app scripts, no snapshot, no service worker. The time it takes is what the
 * engine alone needs; the app's figure can only be at or above it.
 */
import { browserEngine } from '../../src/lib/engine/browser';

/** What the bench reads: milliseconds from navigation start to the engine's start-up settings applied, or the error. */
type BareResult = { ready: number; instantiated: number | null } | { error: string };
const done = (r: BareResult) => ((globalThis as unknown as { zhijiaBareEngine: BareResult }).zhijiaBareEngine = r);

browserEngine().then(
	() => done({ ready: performance.now(), instantiated: performance.getEntriesByName('zhijia:engine-instantiated')[0]?.startTime ?? null }),
	(e: unknown) => done({ error: e instanceof Error ? e.message : String(e) })
);
