import { describe, expect, it } from 'vitest';
import { decodeWorkspace, encodeWorkspace, workspaceSchema, type Workspace } from '../../../src/lib/workspace/workspace-file';
import { recordImport, undoLast } from '../../../src/lib/workspace/history';
import type { CommitResult } from '../../../src/lib/import';

/** Own estates' listings chosen by hand (market references) are part of the workspace: stored, carried, kept. */
const file = { id: 'f1', name: '挂牌.csv', dataset: 'market' as const, mode: 'replace' as const, options: { dropInvalid: false }, rows: 2, addedAt: '2026-12-01T00:00:00Z' };
const ws: Workspace = { base: 'sample', files: [file], mappings: {}, history: [], marketMatches: { LJ0013: '江滨一号|江滨街道', LJ0002: null } };

describe('market matches in the workspace', () => {
	it('a workspace file carries them, "no listing" (null) included', async () => {
		const back = await decodeWorkspace(await encodeWorkspace({ workspace: ws, contents: new Map([['f1', new TextEncoder().encode('小区名称,物业费\n甲,1元/平米/月\n')]]), settings: null }));
		expect(back.ok).toBe(true);
		if (back.ok) expect(back.bundle.workspace.marketMatches).toEqual({ LJ0013: '江滨一号|江滨街道', LJ0002: null });
	});

	it('a workspace stored before them still reads; a match that is not a key or null does not', () => {
		const { marketMatches: _m, ...older } = ws;
		expect(workspaceSchema.safeParse(older).success).toBe(true);
		expect(workspaceSchema.safeParse({ ...ws, marketMatches: { LJ0013: 7 } }).success).toBe(false);
	});

	it('an import and its undo keep them', () => {
		const result = { committed: true, mode: 'append', inserted: 1, changes: [{ dataset: 'market', before: 2, after: 3 }], files: [] } as unknown as CommitResult;
		const next = recordImport(ws, [{ ...file, id: 'f2', mode: 'append' }], result, '2026-12-02T00:00:00Z', 'h1');
		expect(next.marketMatches).toEqual(ws.marketMatches);
		expect(undoLast(next)!.workspace.marketMatches).toEqual(ws.marketMatches);
	});
});
