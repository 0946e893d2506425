/**
 * The data page's "只导入有效行（丢弃 n 行）" counts source rows, the rows the person sees in Excel, with the melted
 * records beside where they differ (docs/sources.md §18): the workflow model sums the reports' source rows, and
 * validation counts a source row once whether a cell of it failed, its records were dropped by the bulk checks
 * (a cascade, an unknown estate), or both.
 * The scores sheet (tests/fixtures/real-shapes/convert-cascade-scores.csv), with one cell made bad:
 *   小区编号 期间   综合管理 保洁 绿化 秩序维护
 *   CA01     2024Q1 80       82   84   86      ← fine
 *   CA02     2024Q1 70       abc  74   76      ← 保洁 not a number (1 record), and CA02's estate row failed (3 more)
 *   CA03     2024Q1 60       62   64   66      ← CA03's estate row failed (4)
 *   CA02     2024Q2 71       73   75   77      ← CA02 (4)
 *   CA09     2024Q1 …                          ← no such estate (4)
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportWorkflow } from '../../../src/lib/app/import-workflow.svelte';
import type { Engine } from '../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { prepareImport, validateFiles } from '../../../src/lib/import/index';

const dir = new URL('../../fixtures/real-shapes/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, dir), 'utf8');

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
	await engine?.close();
});

describe('rows dropped, counted as the person sees them', () => {
	it('4 source rows (16 records) from a wide sheet; a long file counts the same either way', async () => {
		const estates = await prepareImport({ name: 'convert-cascade-estates.csv', bytes: new TextEncoder().encode(text('convert-cascade-estates.csv')) });
		const lines = text('convert-cascade-scores.csv').split(/\r?\n/);
		expect(lines[2]).toBe('CA02,2024Q1,70,72,74,76');
		lines[2] = 'CA02,2024Q1,70,abc,74,76';
		const scores = await prepareImport({ name: 'scores.csv', bytes: new TextEncoder().encode(lines.join('\n')) });
		expect(scores).toMatchObject({ layout: 'wide', sourceRows: 5, rowCount: 20, invalidRows: 1, invalidSourceRows: 1 });
		const reports = await validateFiles(engine, [estates, scores]);
		const s = reports[1];
		expect(s.invalidRows).toBe(16);
		// CA02 2024Q1 once (its bad cell and its cascade), CA02 2024Q2, CA03, CA09.
		expect(s.invalidSourceRows).toBe(4);
		// The estates file is long: its 2 failed rows are 2 either way.
		expect(reports[0]).toMatchObject({ invalidRows: 2, invalidSourceRows: 2 });

		const wf = new ImportWorkflow(() => engine, { t: (k) => k, lang: () => 'zh', num: (n) => String(n) }, () => undefined);
		wf.reports = reports;
		expect(wf.invalidRows).toBe(18);
		expect(wf.invalidSourceRows).toBe(6);
	});
});
