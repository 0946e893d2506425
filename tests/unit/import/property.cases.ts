/**
 * Property: whatever damage a file has (random text, numbers, empties and tokens in random cells, columns
 * dropped), the importer never throws, and never commits part of a file: when any error is found the tables
 * are exactly as before; when it commits, every row of the file is there (or, with dropInvalid, exactly the
 * rows counted as valid).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import { commitImport, prepareImport } from '../../../src/lib/import/index';
import { csvText, ESTATES_ZH, gbk, utf8, workbook, type FixtureCell } from '../../fixtures/import-files';

let engine: Engine;

const HEADER = ['小区编号', '年度', '物业费', '计费单位', '收缴率'];
const GOOD: FixtureCell[][] = [
	['LJ0001', 2021, '2.38元/平米/月', null, '92%'],
	['LJ0002', 2021, 1.8, '元/㎡·月', 0.9],
	['LJ0003', 2021, '24', '元/户·月', null],
	['LJ0004', 2021, '1.2-1.8', '元/㎡·月', '88']
];

/** Cells that break things: tokens people write, separators, quotes, line breaks, numbers of any size. */
const damage: fc.Arbitrary<FixtureCell> = fc.oneof(
	fc.string({ maxLength: 8 }),
	fc.string({ unit: fc.constantFrom('1', '.', ',', '-', '%', '元', '/', '月', '户', '"', '\n', ' ', '年', 'Q') , maxLength: 10 }),
	fc.integer({ min: -1_000_000, max: 1_000_000 }),
	fc.double({ noNaN: false }),
	fc.constantFrom<FixtureCell>(null, '', '暂无数据', '-', '—', '无', 'N/A', '#DIV/0!', '1,234.5', '33%', '150%', '2.38元/平米/月', '1.14至2.48元/平米/月', '28元/平米/年', 'LJ0001', 'LJ9999', 'ＬＪ０００２', '2024', '20x4', '元/户·月', '是', '"', ',', '\r\n', '=1+1', '٣')
);

const damagedFile = fc.record({
	rows: fc.array(fc.constantFrom(...GOOD), { minLength: 1, maxLength: 8 }),
	hits: fc.array(fc.record({ row: fc.nat(), col: fc.nat({ max: HEADER.length - 1 }), cell: damage }), { maxLength: 6 }),
	dropColumn: fc.option(fc.nat({ max: HEADER.length - 1 }), { freq: 5 }),
	year: fc.integer({ min: 2018, max: 2030 }),
	format: fc.constantFrom('csv-utf8', 'csv-gbk', 'xlsx'),
	dropInvalid: fc.boolean(),
	mode: fc.constantFrom('replace' as const, 'append' as const)
});

async function tableState(): Promise<{ n: number; rows: unknown[] }> {
	const exists = await engine.scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'fees' AND NOT temporary");
	if (!exists) return { n: -1, rows: [] };
	const rows = await engine.rows('SELECT * FROM fees ORDER BY ALL');
	return { n: rows.length, rows };
}

/** Registers the property on a shared engine (engine.test.ts owns it). */
export function propertyCases(getEngine: () => Engine): void {
	describe('damaged files', () => {
		beforeAll(async () => {
			engine = getEngine();
			for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
			const r = await commitImport(engine, await prepareImport({ name: 'e.csv', bytes: gbk(csvText(ESTATES_ZH)) }));
			expect(r.committed).toBe(true);
		});

		it('never throw and never commit part of a file', async () => {
			await fc.assert(
				fc.asyncProperty(damagedFile, async (f) => {
					const rows = f.rows.map((r, i) => {
						const copy = [...r];
						copy[1] = f.year + i; // distinct years, so clean rows are not duplicates
						return copy;
					});
					for (const h of f.hits) rows[h.row % rows.length][h.col] = h.cell;
					let header = [...HEADER];
					let body = rows;
					if (f.dropColumn !== null) {
						header = header.filter((_, i) => i !== f.dropColumn);
						body = body.map((r) => r.filter((_, i) => i !== f.dropColumn));
					}
					const table = [header, ...body];
					const bytes =
						f.format === 'xlsx' ? workbook([{ name: 'fees', rows: table }]) : f.format === 'csv-gbk' ? gbk(csvText(table)) : utf8(csvText(table), true);

					const before = await tableState();
					const p = await prepareImport({ name: `fees.${f.format === 'xlsx' ? 'xlsx' : 'csv'}`, bytes });
					const r = await commitImport(engine, p, { dropInvalid: f.dropInvalid, mode: f.mode });
					const after = await tableState();
					const errors = r.files[0].counts.errors;

					if (!r.committed) {
						expect(after).toEqual(before);
						expect(errors > 0 || r.reason === 'file_errors' || r.reason === 'shrink' || r.reason === 'nothing_valid').toBe(true);
					} else {
						expect(r.dropped + r.inserted).toBe(p.rowCount);
						if (!f.dropInvalid) expect(errors).toBe(0);
						const expected = (f.mode === 'append' ? Math.max(before.n, 0) : 0) + r.inserted;
						expect(after.n).toBe(expected);
					}
					expect(await engine.scalar('SELECT count(*)::INTEGER FROM duckdb_tables() WHERE temporary')).toBe(0);
				}),
				{ numRuns: Number(process.env.FC_RUNS ?? 30) }
			);
		});
	});
}
