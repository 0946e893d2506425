import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { rebuildWorkspace, withImported } from '../../../src/lib/workspace/rebuild';
import type { StoredFile, Workspace } from '../../../src/lib/workspace/workspace-file';
import { csvText, gbk, workbook } from '../../fixtures/import-files';

const readSample = (file: string) => readFile(join('data/sample', file), 'utf8');
const estates = gbk(
	csvText([
		['小区编号', '小区名称', '街道', '小区类型', '建筑类型', '建成年份', '计费面积（㎡）', '户数', '有无电梯', '物业公司', '定价方式'],
		['NX01', '新港花园', '江滨街道', '商品房', '高层', '2015年', '85,000.5', '720', '有', '新港物业', '市场调节价'],
		['NX02', '新港二村', '江滨街道', '动迁安置房', '多层', 2009, 42000, 610, '无', '新港物业', '政府指导价']
	])
);
const scores = workbook([
	{
		name: '考评汇总',
		rows: [
			['2025年第四季度物业服务考评汇总表', null, null],
			['小区编号', '保洁', '满意度'],
			['NX01', 90, 80],
			['NX02', 72.5, 61]
		],
		merges: [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }]
	}
]);
const file = (id: string, name: string, dataset: StoredFile['dataset']): StoredFile => ({
	id,
	name,
	dataset,
	mode: 'append',
	options: { dropInvalid: false },
	rows: 0,
	addedAt: '2026-11-27T00:00:00Z'
});

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000); // a wasm start takes seconds on a loaded machine
afterAll(() => engine?.close());

describe('rebuilding a workspace from its stored files', () => {
	it('loads the sample district, then replays each import in order', async () => {
		const ws: Workspace = { base: 'sample', files: [file('a', '小区.csv', 'estates'), file('b', '考评.xlsx', 'scores')], mappings: {}, history: [] };
		const failures = await rebuildWorkspace(engine, ws, new Map([['a', estates], ['b', scores]]), readSample);
		expect(failures).toEqual([]);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(242);
		expect(await engine.scalar("SELECT count(*)::INTEGER FROM scores WHERE estate_id LIKE 'NX%'")).toBe(4);
		expect(await engine.scalar("SELECT count(*)::INTEGER FROM scores WHERE estate_id = 'NX02' AND indicator = 'satisfaction' AND period = '2025Q4'")).toBe(1);
	});

	it('rebuilding again gives the same tables (nothing left over from the previous state)', async () => {
		const ws: Workspace = { base: 'sample', files: [file('a', '小区.csv', 'estates')], mappings: {}, history: [] };
		expect(await rebuildWorkspace(engine, ws, new Map([['a', estates]]), readSample)).toEqual([]);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(242);
		expect(await engine.scalar("SELECT count(*)::INTEGER FROM scores WHERE estate_id LIKE 'NX%'")).toBe(0);
	});

	it('reports a file that cannot be replayed and keeps the rest', async () => {
		const ws: Workspace = { base: 'sample', files: [file('a', '小区.csv', 'estates'), file('x', '丢失.csv', 'scores')], mappings: {}, history: [] };
		const failures = await rebuildWorkspace(engine, ws, new Map([['a', estates]]), readSample);
		expect(failures).toEqual([{ file: '丢失.csv', reason: 'missing' }]);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(242);
	});

	it('a replacing import drops earlier files of the same dataset from the workspace', () => {
		const ws: Workspace = { base: 'sample', files: [file('a', 'a.csv', 'estates'), file('b', 'b.xlsx', 'scores')], mappings: {}, history: [] };
		const next = withImported(ws, [{ ...file('c', 'c.csv', 'estates'), mode: 'replace' }]);
		expect(next.files.map((f) => f.id)).toEqual(['b', 'c']);
	});
});
