import { describe, expect, it } from 'vitest';
import { decodeWorkspace, encodeWorkspace, type WorkspaceBundle } from '../../../src/lib/workspace/workspace-file';

const bytes = new TextEncoder().encode('estate_id,name\nA,甲苑\n');
const bundle: WorkspaceBundle = {
	workspace: {
		base: 'sample',
		files: [{ id: 'f1', name: '小区.csv', dataset: 'estates', mode: 'append', options: { dropInvalid: false }, rows: 1, addedAt: '2026-11-27T00:00:00Z' }],
		mappings: { 'estate_id|name': { estate_id: 'estate_id', name: 'name' } }
	},
	contents: new Map([['f1', bytes]]),
	settings: { catalogueId: 'x' }
};

describe('workspace file', () => {
	it('round-trips files byte for byte, with mappings and settings', async () => {
		const text = await encodeWorkspace(bundle);
		const back = await decodeWorkspace(text);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.bundle.workspace).toEqual(bundle.workspace);
		expect([...back.bundle.contents.get('f1')!]).toEqual([...bytes]);
		expect(back.bundle.settings).toEqual({ catalogueId: 'x' });
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
