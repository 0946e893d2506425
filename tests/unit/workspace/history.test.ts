/**
 * Undo for every import (docs/sources.md §17), on the real wasm engine with the sample district: each import is recorded
 * with the workspace before it; undoing rebuilds the tables by replay, so an append's rows go and a replace's
 * old rows come back exactly, one import at a time.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { commitImport, prepareImport } from '../../../src/lib/import/index';
import { recordImport, undoLast } from '../../../src/lib/workspace/history';
import { rebuildWorkspace } from '../../../src/lib/workspace/rebuild';
import { EMPTY_WORKSPACE, MAX_HISTORY, workspaceSchema, type StoredFile, type Workspace } from '../../../src/lib/workspace/workspace-file';
import { csvText, utf8 } from '../../fixtures/import-files';

const readSample = (file: string) => readFile(join('data/sample', file), 'utf8');
const HEADER = ['estate_id', 'name', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator'];
const estates = (...ids: string[]) => utf8(csvText([HEADER, ...ids.map((id) => [id, `小区${id}`, 'commercial', 'high', 1000, 10, 'true'])]));

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

const count = () => engine.scalar('SELECT count(*)::INTEGER FROM estates');
const all = () => engine.rows('SELECT * FROM estates ORDER BY estate_id');

/** What the data page does: commit, then record the import (with the files' bytes kept by id). */
async function importFile(ws: Workspace, contents: Map<string, Uint8Array>, id: string, bytes: Uint8Array, mode: 'replace' | 'append'): Promise<Workspace> {
	const result = await commitImport(engine, await prepareImport({ name: `${id}.csv`, bytes }), { mode, allowShrink: true });
	expect(result.committed).toBe(true);
	const f: StoredFile = { id, name: `${id}.csv`, dataset: 'estates', mode, options: { dropInvalid: false }, rows: result.inserted, addedAt: 'x' };
	contents.set(id, bytes);
	return recordImport(ws, [f], result, `2026-12-02T0${ws.history.length}:00:00Z`, `h-${id}`);
}

describe('import history and undo', () => {
	it('records rows added and removed; undo restores each state exactly, after a round trip through storage', async () => {
		const contents = new Map<string, Uint8Array>();
		let ws: Workspace = structuredClone(EMPTY_WORKSPACE);
		expect(await rebuildWorkspace(engine, ws, contents, readSample)).toEqual([]);
		const sample = await all();
		expect(sample.length).toBe(240);

		ws = await importFile(ws, contents, 'a', estates('NX01', 'NX02', 'NX03'), 'append');
		expect(await count()).toBe(243);
		ws = await importFile(ws, contents, 'b', estates('NY01', 'NY02'), 'replace');
		expect(await count()).toBe(2);
		expect(ws.history.map((h) => [h.files[0].name, h.added, h.removed, h.changes])).toEqual([
			['a.csv', 3, 0, [{ dataset: 'estates', before: 240, after: 243 }]],
			['b.csv', 2, 243, [{ dataset: 'estates', before: 243, after: 2 }]]
		]);
		// The replace dropped a.csv from the imports, but history still needs it (and its bytes).
		expect(ws.files.map((f) => f.id)).toEqual(['b']);
		expect(ws.history[1].previous.map((f) => f.id)).toEqual(['a']);

		// As the browser stores it and reads it back after a reload.
		ws = workspaceSchema.parse(JSON.parse(JSON.stringify(ws)));

		const one = undoLast(ws)!;
		expect(one.undone.files[0].name).toBe('b.csv');
		expect(await rebuildWorkspace(engine, one.workspace, contents, readSample)).toEqual([]);
		expect(await count()).toBe(243);
		expect((await all()).filter((r) => !String(r.estate_id).startsWith('NX'))).toEqual(sample);

		const two = undoLast(one.workspace)!;
		expect(await rebuildWorkspace(engine, two.workspace, contents, readSample)).toEqual([]);
		expect(await all()).toEqual(sample);
		expect(two.workspace.files).toEqual([]);
		expect(undoLast(two.workspace)).toBeNull();
	}, 120_000);

	it(`keeps the last ${MAX_HISTORY} imports`, () => {
		let ws: Workspace = structuredClone(EMPTY_WORKSPACE);
		const result = { committed: true, mode: 'append' as const, files: [], inserted: 1, dropped: 0, seconds: 0, rowsPerSecond: 0, changes: [] };
		for (let i = 0; i < MAX_HISTORY + 3; i++) {
			ws = recordImport(ws, [{ id: `f${i}`, name: `${i}.csv`, dataset: 'fees', mode: 'append', options: { dropInvalid: false }, rows: 1, addedAt: 'x' }], result, 'x', `h${i}`);
		}
		expect(ws.history.length).toBe(MAX_HISTORY);
		expect(ws.history[0].id).toBe('h3');
		expect(ws.files.length).toBe(MAX_HISTORY + 3);
	});
});
