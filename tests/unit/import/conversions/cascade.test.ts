/**
 * Problems a person can act on, on the real duckdb-wasm engine: rows of a wide score sheet that refer to estates
 * whose own rows failed are one problem, an unknown estate is one problem with its row count, and counts are in
 * source rows (the melted count beside). Also: the workspace keeps value-map answers and replays with them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../../src/lib/engine/node';
import { commitImport, prepareImport, validateFiles } from '../../../../src/lib/import/index';
import { decodeWorkspace, encodeWorkspace, workspaceSchema } from '../../../../src/lib/workspace/workspace-file';
import { replayImport } from '../../../../src/lib/workspace/rebuild';
import { createAllTablesSql } from '../../../../src/lib/workspace/sample';

const dir = new URL('../../../fixtures/real-shapes/', import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
	await engine?.close();
});

describe('a cascade is summarised once', () => {
	it('5 wide rows (20 scores): 3 rows for 2 estates whose rows failed as one problem, 1 unknown estate as one', async () => {
		const estates = await prepareImport({ name: 'convert-cascade-estates.csv', bytes: bytes('convert-cascade-estates.csv') });
		const scores = await prepareImport({ name: 'convert-cascade-scores.csv', bytes: bytes('convert-cascade-scores.csv') });
		expect(estates.failedEstateIds).toEqual(['CA02', 'CA03']);
		const [, s] = await validateFiles(engine, [estates, scores]);
		const problems = s.problems.map((p) => [p.row, p.column, p.value, p.code]);
		expect(problems).toEqual([
			[6, '小区编号', 'CA09', 'unknown_estate'],
			[null, '小区编号', null, 'estates_with_errors']
		]);
		const cascade = s.problems[1];
		// CA02 has two source rows (2024Q1, 2024Q2) and CA03 one: 3 rows, 12 melted scores.
		expect(cascade.params).toMatchObject({ rows: 3, estates: 2, list: 'CA02, CA03' });
		expect(cascade.message.zh).toBe('3 行，展开为 12 条记录引用了 2 个自身有错误的小区（CA02, CA03）；先改正小区数据中的这些行');
		expect(s.counts.errors).toBe(2);
	});

	it('an unknown estate in several rows of a long file is one problem with its row count', async () => {
		await engine.transaction(createAllTablesSql());
		const estates = await prepareImport({ name: 'convert-cascade-estates.csv', bytes: bytes('convert-cascade-estates.csv') });
		const csv = '小区编号,期间,指标,得分,来源\r\nCA01,2024Q1,保洁,80,检查\r\nZZ01,2024Q1,保洁,80,检查\r\nZZ01,2024Q2,保洁,81,检查\r\nZZ01,2024Q3,保洁,82,检查\r\n';
		const scores = await prepareImport({ name: 's.csv', bytes: new TextEncoder().encode(csv) });
		const [, s] = await validateFiles(engine, [estates, scores]);
		expect(s.problems.map((p) => [p.row, p.value, p.code, p.params.count])).toEqual([[3, 'ZZ01', 'unknown_estate_rows', 3]]);
		expect(s.problems[0].message.zh).toBe('小区编号 ZZ01 不在小区数据中（共 3 行，首见第 3 行）');
	});
});

describe('answers in the workspace', () => {
	it('are part of the workspace file and a stored import replays with the answers it was made with', async () => {
		const ws = workspaceSchema.parse({
			base: 'empty',
			files: [
				{
					id: 'f1',
					name: 'convert-unknown-words.csv',
					dataset: 'estates',
					mode: 'replace',
					options: { headerRow: 1, dropInvalid: false, valueAnswers: { building_type: { 框架高层: 'high', 砖混: 'multi' } } },
					rows: 4,
					addedAt: '2026-01-01'
				}
			],
			valueAnswers: { building_type: { 框架高层: 'high', 砖混: 'multi' } }
		});
		const text = await encodeWorkspace({ workspace: ws, contents: new Map([['f1', bytes('convert-unknown-words.csv')]]), settings: null });
		const back = await decodeWorkspace(text);
		expect(back.ok).toBe(true);
		if (!back.ok) return;
		expect(back.bundle.workspace.valueAnswers).toEqual({ building_type: { 框架高层: 'high', 砖混: 'multi' } });
		await engine.transaction(createAllTablesSql());
		const f = back.bundle.workspace.files[0];
		const result = await replayImport(engine, f, back.bundle.contents.get('f1')!);
		expect(result.committed).toBe(true);
		expect(await engine.rows('SELECT estate_id, building_type FROM estates ORDER BY estate_id')).toEqual([
			{ estate_id: 'UK01', building_type: 'high' },
			{ estate_id: 'UK02', building_type: 'high' },
			{ estate_id: 'UK03', building_type: 'multi' },
			{ estate_id: 'UK04', building_type: 'high' }
		]);
	});

	it('without the answers the same file commits nothing (all or nothing) and the tables stay as they were', async () => {
		await engine.transaction(createAllTablesSql());
		const p = await prepareImport({ name: 'convert-unknown-words.csv', bytes: bytes('convert-unknown-words.csv') });
		const r = await commitImport(engine, p, { mode: 'replace' });
		expect(r.committed).toBe(false);
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(0);
	});
});
