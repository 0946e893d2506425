import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, DEFAULT_INDICATOR_SYSTEM } from '../../../src/lib/domain';
import { decodeWorkspace, encodeWorkspace, referencedFiles, type WorkspaceBundle } from '../../../src/lib/workspace/workspace-file';

/** Settings as the browser keeps them (analysis-settings.svelte.ts): the shipped defaults. */
const settings = {
	system: structuredClone(DEFAULT_INDICATOR_SYSTEM),
	savedSystems: [],
	catalogueId: DEFAULT_CATALOGUE.id,
	userCatalogues: [],
	bands: { ...DEFAULT_BANDS },
	period: '2025Q4'
};

const bytes = new TextEncoder().encode('estate_id,name\nA,甲苑\n');
const bundle: WorkspaceBundle = {
	workspace: {
		base: 'sample',
		files: [{ id: 'f1', name: '小区.csv', dataset: 'estates', mode: 'append', options: { dropInvalid: false }, rows: 1, addedAt: '2026-11-27T00:00:00Z' }],
		mappings: { 'estate_id|name': { estate_id: 'estate_id', name: 'name' } },
		history: []
	},
	contents: new Map([['f1', bytes]]),
	settings
};

describe('workspace file', () => {
	it('round-trips files byte for byte, with mappings and settings', async () => {
		const text = await encodeWorkspace(bundle);
		const back = await decodeWorkspace(text);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.bundle.workspace).toEqual(bundle.workspace);
		expect([...back.bundle.contents.get('f1')!]).toEqual([...bytes]);
		expect(back.bundle.settings).toEqual(settings);
	});

	it('refuses the whole file when its settings do not fit the schema the browser keeps them in', async () => {
		const good = JSON.parse(await encodeWorkspace(bundle));
		// The case from the issue: settings of the wrong type (a list where the indicator system goes, text for numbers).
		for (const bad of [{ ...settings, system: [1, 2, 3] }, { ...settings, bands: { low: 'low', high: 1.2 } }, { catalogueId: 'x' }, 'settings']) {
			const r = await decodeWorkspace(JSON.stringify({ ...good, settings: bad }));
			expect(r.ok).toBe(false);
			if (!r.ok) expect(r.error.code).toBe('settings');
		}
		// A file without settings is fine: the user's current settings stay.
		const none = await decodeWorkspace(JSON.stringify({ ...good, settings: undefined }));
		expect(none.ok && none.bundle.settings).toBe(null);
	});

	it('a workspace file carries the imports, not the undo history; history keeps the files undo needs', async () => {
		const ws = {
			...bundle.workspace,
			history: [{ id: 'h', at: 'x', files: [], changes: [], added: 1, removed: 0, previous: [{ ...bundle.workspace.files[0], id: 'old' }] }]
		};
		expect([...referencedFiles(ws)].sort()).toEqual(['f1', 'old']);
		const back = await decodeWorkspace(await encodeWorkspace({ ...bundle, workspace: ws }));
		expect(back.ok && back.bundle.workspace.history).toEqual([]);
	});

	it('refuses a file that is not JSON, a foreign JSON, another version, a bad shape, or damaged contents', async () => {
		expect(await decodeWorkspace('PK\u0003\u0004 not json')).toEqual({ ok: false, error: { code: 'not_json' } });
		expect(await decodeWorkspace('{"hello": 1}')).toEqual({ ok: false, error: { code: 'foreign', found: 'no format field' } });
		const good = JSON.parse(await encodeWorkspace(bundle));
		expect(await decodeWorkspace(JSON.stringify({ ...good, version: 99 }))).toEqual({ ok: false, error: { code: 'version', found: 99 } });
		const badShape = await decodeWorkspace(JSON.stringify({ ...good, files: [{ ...good.files[0], dataset: 'nonsense' }] }));
		expect(badShape.ok === false && badShape.error.code).toBe('shape');
		const tampered = structuredClone(good);
		tampered.files[0].base64 = btoa('estate_id,name\nA,乙苑\n'.replace(/[^\x00-\x7f]/g, '?'));
		expect(await decodeWorkspace(JSON.stringify(tampered))).toEqual({ ok: false, error: { code: 'damaged', file: '小区.csv' } });
	});
});

describe('stored file options', () => {
	it('accept a JSON or parquet import, which has no header row', async () => {
		const { workspaceSchema } = await import('../../../src/lib/workspace/workspace-file');
		const ws = { base: 'sample', mappings: {}, files: [{ id: 'p', name: 'u.parquet', dataset: 'unit_sizes', mode: 'append', options: { headerRow: 0, dropInvalid: false }, rows: 1, addedAt: 'x' }] };
		expect(workspaceSchema.safeParse(ws).success).toBe(true);
	});
});
