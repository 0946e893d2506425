/**
 * The order an import stores rows in (src/lib/import/stage-order.ts): scores grouped by period, the file's order
 * within a period, whichever way the rows travel to DuckDB (Arrow or CSV text); what the checks find still names
 * the file's row. Expected tables are worked out by hand from the file.
 */
import { beforeEach, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import { commitImport, prepareImport, validateFiles, type Problem } from '../../../src/lib/import/index';
import { csvText, ESTATES_ZH, gbk, utf8, type FixtureCell } from '../../fixtures/import-files';
import { importEngineOf } from '../helpers/import-engine';

let engine: Engine;

/** Registers the cases on a shared engine (engine.test.ts owns it). */
export function storedOrderCases(getEngine: () => Engine): void {
	beforeEach(async () => {
		engine = getEngine();
		for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
		expect((await commitImport(engine, await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH)) }))).committed).toBe(true);
	});

	const csv = (name: string, rows: readonly (readonly FixtureCell[])[]) => prepareImport({ name, bytes: utf8(csvText(rows), true) });
	const brief = (ps: readonly Problem[]) => ps.map((p) => [p.row, p.column, p.value, p.code, p.severity]);
	const stored = async () => (await engine.rows('SELECT period || estate_id AS k, score FROM scores ORDER BY rowid')).map((r) => `${r.k} ${r.score}`);

	const rows: FixtureCell[][] = [
		['小区编号', '期间', '指标', '得分', '来源'],
		['LJ0001', '2024年第二季度', '保洁', 80, '检查'], // 2
		['LJ0002', '2024Q1', '保洁', 70, '检查'], // 3
		['LJ0001', '2023-Q4', '保洁', 60, '检查'], // 4
		['LJ9999', '2024Q1', '保洁', 50, '检查'], // 5 unknown estate
		['LJ0002', '2024 Q2', '保洁', 75, '检查'], // 6
		['LJ0001', '2024q2', '保洁', 81, '检查'] // 7 the key of row 2 again
	];
	/** Rows 2, 3, 4 and 6 grouped by period, each period in file order. */
	const landed = ['2023Q4LJ0001 60', '2024Q1LJ0002 70', '2024Q2LJ0001 80', '2024Q2LJ0002 75'];

	it('scores are stored grouped by period; the checks still name the file row', async () => {
		const [report] = await validateFiles(engine, [await csv('得分.csv', rows)]);
		expect(brief(report.problems.filter((p) => p.severity === 'error')).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
			[5, '小区编号', 'LJ9999', 'unknown_estate', 'error'],
			[7, '小区编号', 'LJ0001', 'duplicate_key', 'error']
		]);
		const r = await commitImport(engine, await csv('得分.csv', rows), { dropInvalid: true });
		expect(r).toMatchObject({ committed: true, inserted: 4, dropped: 2 });
		expect(await stored()).toEqual(landed);
		// Appended rows are grouped among themselves, after the rows already there.
		await commitImport(engine, await csv('补充.csv', [rows[0], ['LJ0003', '2024Q2', '保洁', 90, '检查'], ['LJ0003', '2023Q4', '保洁', 91, '检查']]), { mode: 'append' });
		expect(await stored()).toEqual([...landed, '2023Q4LJ0003 91', '2024Q2LJ0003 90']);
	});

	it('the same order when the rows travel as CSV text (an engine without Arrow)', async () => {
		const r = await commitImport(importEngineOf(engine, {}, { arrow: false }), await csv('得分.csv', rows), { dropInvalid: true });
		expect(r).toMatchObject({ committed: true, inserted: 4, dropped: 2 });
		expect(await stored()).toEqual(landed);
	});

	it('a file whose staging told its keys distinct is checked without an aggregate; a set of two files still gets one', async () => {
		const aggregates: string[] = [];
		const spy = importEngineOf(engine, {
			scalar: (sql) => {
				if (/GROUP BY hash/.test(sql)) aggregates.push(sql);
				return engine.scalar(sql);
			}
		});
		const clean = rows.filter((_, i) => i !== 4 && i !== 6);
		expect(await commitImport(spy, await csv('得分.csv', clean))).toMatchObject({ committed: true, inserted: 4 });
		expect(aggregates).toEqual([]);
		// The repeat of row 2 in row 7 is still found, by the aggregate and the exact query after it.
		const [report] = await validateFiles(spy, [await csv('得分.csv', rows.filter((_, i) => i !== 4))]);
		expect(brief(report.problems.filter((p) => p.severity === 'error'))).toEqual([[6, '小区编号', 'LJ0001', 'duplicate_key', 'error']]);
		expect(aggregates).toHaveLength(1);
		// Two files of scores in one set: a key can repeat across them, which no single staging sees.
		const other = await csv('补充.csv', [rows[0], ['LJ0002', '2024Q1', '保洁', 71, '检查']]);
		const set = await validateFiles(spy, [await csv('得分.csv', clean), other]);
		expect(brief(set[1].problems.filter((p) => p.severity === 'error'))).toEqual([[2, '小区编号', 'LJ0002', 'duplicate_key_file', 'error']]);
		expect(aggregates).toHaveLength(2);
	});
}
