/**
 * The whole import on the real duckdb-wasm engine (Node): rows that land, problems with the row, column and
 * value the user sees, all-or-nothing commits, dropInvalid, append versus replace, cross-file references,
 * failures and cancellation leaving every table as it was.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTableSql, DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import {
	commitImport,
	prepareImport,
	validateFiles,
	type ImportEngine,
	type ImportProgress,
	type PreparedImport,
	type Problem
} from '../../../src/lib/import/index';
import { csvText, ESTATES_ZH, gbk, SCORES_ZH, utf8, workbook, type FixtureCell } from '../../fixtures/import-files';
import { importEngineOf } from '../helpers/import-engine';

let engine: Engine;

/** Registers the cases on a shared engine (engine.test.ts owns it: one wasm instance for all engine tests). */
export function commitCases(getEngine: () => Engine): void {
	beforeEach(async () => {
		engine = getEngine();
		for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
	});

	const csv = (name: string, rows: readonly (readonly FixtureCell[])[]) => prepareImport({ name, bytes: utf8(csvText(rows), true) });
	const tableRows = (sql: string) => engine.rows(sql);
	const brief = (ps: readonly Problem[]) => ps.map((p) => [p.row, p.column, p.value, p.code, p.severity]);
	/** Staging and check tables left behind: temporary ones, and staging tables in the data's database (stage.ts). */
	const tempTables = () => engine.scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE temporary OR starts_with(table_name, '_zhijia_')");
	/** Every canonical table's rows, to compare before and after a failed import. */
	async function snapshot(): Promise<Record<string, unknown[]>> {
		const out: Record<string, unknown[]> = {};
		const existing = (await engine.rows("SELECT table_name FROM duckdb_tables() WHERE NOT temporary")).map((r) => r.table_name as string);
		for (const id of DATASET_IDS) if (existing.includes(id)) out[id] = await engine.rows(`SELECT * FROM ${id} ORDER BY ALL`);
		return out;
	}

	async function seedEstates(): Promise<void> {
		const r = await commitImport(engine, await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH)) }));
		expect(r.committed).toBe(true);
	}

	describe('rows that land', () => {
		it('a GB18030 estates file and a UTF-8 scores file land with values normalised', async () => {
			const estates = await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH)) });
			expect(estates).toMatchObject({ encoding: 'gb18030', dataset: 'estates', rowCount: 4, invalidRows: 0 });
			const scores = await csv('得分.csv', SCORES_ZH);
			const result = await commitImport(engine, [estates, scores]);
			expect(result).toMatchObject({ committed: true, inserted: 9, dropped: 0 });
			expect(await tableRows('SELECT * FROM estates ORDER BY estate_id')).toEqual([
				{ estate_id: 'LJ0001', name: '梅澜公寓', subdistrict: '江滨街道', estate_type: 'public_sold', building_type: 'multi', build_year: 1983, chargeable_area_m2: 30228.08, households: 568, has_elevator: false, firm: '临江安居物业', pricing_regime: 'guide' },
				{ estate_id: 'LJ0002', name: '望湖花园', subdistrict: '望湖街道', estate_type: 'commercial', building_type: 'high', build_year: 2008, chargeable_area_m2: 120000, households: 1024, has_elevator: true, firm: '望湖物业', pricing_regime: 'market' },
				{ estate_id: 'LJ0003', name: '柳岸新村', subdistrict: '柳岸街道', estate_type: 'relocation', building_type: 'high', build_year: 2012, chargeable_area_m2: 98000.5, households: 900, has_elevator: true, firm: null, pricing_regime: 'guide' },
				{ estate_id: 'LJ0004', name: '新城雅苑', subdistrict: null, estate_type: 'commercial', building_type: 'multi', build_year: null, chargeable_area_m2: 45000, households: 400, has_elevator: false, firm: '新城物业', pricing_regime: null }
			]);
			expect(await tableRows('SELECT estate_id, period, indicator, score, source FROM scores')).toEqual([
				{ estate_id: 'LJ0001', period: '2024Q1', indicator: 'management', score: 80.5, source: 'inspection' },
				{ estate_id: 'LJ0001', period: '2024Q1', indicator: 'cleaning', score: 85, source: 'inspection' },
				{ estate_id: 'LJ0002', period: '2024Q1', indicator: 'management', score: 90, source: 'inspection' },
				{ estate_id: 'LJ0002', period: '2024Q1', indicator: 'satisfaction', score: 72.5, source: 'satisfaction' },
				{ estate_id: 'LJ0003', period: '2024Q2', indicator: 'greening', score: 66, source: 'inspection' }
			]);
			expect(await tempTables()).toBe(0);
		});

		it('tickets from an xlsx with dates, text and quoted multi-line cells', async () => {
			await seedEstates();
			const bytes = workbook([
				{
					name: '工单',
					rows: [
						['网格工单导出', null, null, null, null],
						['工单编号', '小区编号', '问题类别', '立案时间', '办结时间'],
						['WG001', 'LJ0001', '群租', new Date(Date.UTC(2024, 2, 1, 8, 5)), '2024/3/2 17:00'],
						['WG002', 'LJ0002', '报修', '2024年3月5日 9时', null],
						['WG003', 'ＬＪ０００３', '违章搭建', '2024-03-06 10:00:00', '暂无']
					]
				}
			]);
			const p = await prepareImport({ name: '工单.xlsx', bytes });
			expect(p.problems).toEqual([]);
			expect(p.headerRow).toBe(2);
			expect((await commitImport(engine, p)).committed).toBe(true);
			expect(await tableRows("SELECT ticket_id, estate_id, category, strftime(opened_at, '%Y-%m-%d %H:%M') AS o, closed_at IS NULL AS open FROM tickets")).toEqual([
				{ ticket_id: 'WG001', estate_id: 'LJ0001', category: 'group_renting', o: '2024-03-01 08:05', open: false },
				{ ticket_id: 'WG002', estate_id: 'LJ0002', category: 'repair', o: '2024-03-05 09:00', open: true },
				{ ticket_id: 'WG003', estate_id: 'LJ0003', category: 'illegal_building', o: '2024-03-06 10:00', open: true }
			]);
		});

		it('a wide score sheet is melted and committed', async () => {
			await seedEstates();
			const p = await csv('汇总.csv', [
				['小区编号', '季度', '综合管理', '保洁', '电梯', '满意度'],
				['LJ0001', '2024年第一季度', 80, 85, null, '70'],
				['LJ0002', '2024年第一季度', 90, 88, 93, 75]
			]);
			expect(p.layout).toBe('wide');
			const r = await commitImport(engine, p);
			expect(r).toMatchObject({ committed: true, inserted: 7 });
			expect(await tableRows("SELECT count(*)::INTEGER AS n FROM scores WHERE source = 'satisfaction'")).toEqual([{ n: 2 }]);
		});
	});

	describe('problems name the row, column and value as the user sees them', () => {
		const fees: FixtureCell[][] = [
			['收费情况', null, null, null, null],
			['小区编号', '年度', '物业费', '计费单位', '收缴率'],
			['LJ0001', 2024, '2.38元/平米/月', null, '92%'], // 3 ok
			['LJ0002', 2024, 'abc', '元/㎡·月', 0.9], // 4 not a number
			['LJ0003', 2024, '150元/平米/月', null, 0.9], // 5 too high for per m²
			['LJ0004', 2024, '12', '元/㎡·月', '33'], // 6 warnings: fee high, rate as percent
			['LJ0001', 2024, '2.5', '元/㎡·月', null], // 7 duplicate year for LJ0001
			['LJ9999', 2024, '1.2-1.8', '元/㎡·月', null], // 8 unknown estate; range midpoint warning
			['LJ0002', '20x4', '-1', '元/户·月', '150%'], // 9 bad year, negative fee, rate out of range
			['LJ0003', 2023, '暂无数据', '元/㎡·月', null], // 10 required fee missing
			['LJ0004', 2023, '24元/户·月', '元/㎡·月', null] // 11 unit conflict
		];

		it('lists every problem with its source row, header, value and code', async () => {
			await seedEstates();
			const p = await csv('物业费.csv', fees);
			const reports = await validateFiles(engine, [p]);
			const r = reports[0];
			expect(r.valid).toBe(false);
			const sorted = [...r.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.code.localeCompare(b.code));
			expect(brief(sorted)).toEqual([
				[4, '物业费', 'abc', 'not_a_number', 'error'],
				[5, '物业费', '150元/平米/月', 'fee_too_high', 'error'],
				[6, '物业费', '12', 'fee_high', 'warning'],
				[6, '收缴率', '33', 'rate_read_as_percent', 'warning'],
				[7, '小区编号', 'LJ0001', 'duplicate_key', 'error'],
				[8, '物业费', '1.2-1.8', 'range_midpoint', 'warning'],
				[8, '小区编号', 'LJ9999', 'unknown_estate', 'error'],
				[9, '物业费', '-1', 'must_be_positive', 'error'],
				[9, '年度', '20x4', 'not_a_number', 'error'],
				[9, '收缴率', '150%', 'rate_out_of_range', 'error'],
				[10, '物业费', '暂无数据', 'required', 'error'],
				[11, '物业费', '24元/户·月', 'fee_unit_conflict', 'error']
			]);
			const dup = sorted.find((x) => x.code === 'duplicate_key')!;
			expect(dup.message.zh).toBe('与第 3 行重复（LJ0001, 2024）');
			expect(dup.message.en).toBe('Duplicates row 3 (LJ0001, 2024)');
			expect(r.counts).toEqual({ errors: 9, warnings: 3 });
			expect(r.invalidRows).toBe(7);
		});

		it('an unknown id written like a known one (case, spaces, leading zeros lost by Excel) names the known one, and is not joined', async () => {
			await seedEstates();
			const before = await snapshot();
			const p = await csv('物业费.csv', [
				['小区编号', '年度', '物业费'],
				['lj0001', 2025, 1.5],
				['LJ 0002', 2025, 1.6],
				['LJ2', 2025, 1.7],
				['LJ2', 2024, 1.7],
				['LJ9999', 2025, 1.8]
			]);
			const r = await commitImport(engine, p);
			expect(r).toMatchObject({ committed: false, reason: 'errors' });
			const problems = r.files[0].problems.filter((x) => x.code.startsWith('unknown_estate'));
			expect(brief(problems)).toEqual([
				[2, '小区编号', 'lj0001', 'unknown_estate_like', 'error'],
				[3, '小区编号', 'LJ 0002', 'unknown_estate_like', 'error'],
				[4, '小区编号', 'LJ2', 'unknown_estate_rows_like', 'error'],
				[6, '小区编号', 'LJ9999', 'unknown_estate', 'error']
			]);
			expect(problems[0].message.zh).toContain('是否为 LJ0001？');
			expect(problems[2].message.zh).toBe(
				'小区编号 LJ2 不在小区数据中（共 2 行，首见第 4 行）；是否为 LJ0002？（大小写、空格或开头的 0 不同；Excel 会去掉数字编号开头的 0，请把编号列设为文本后再保存）'
			);
			expect(await snapshot()).toEqual(before);
		});

		it('nothing is committed while errors exist', async () => {
			await seedEstates();
			const before = await snapshot();
			const r = await commitImport(engine, await csv('物业费.csv', fees));
			expect(r).toMatchObject({ committed: false, reason: 'errors', inserted: 0 });
			expect(r.files[0].counts.errors).toBe(9);
			expect(await snapshot()).toEqual(before);
			expect(await tempTables()).toBe(0);
		});

		it('dropInvalid commits exactly the valid rows and says how many were dropped', async () => {
			await seedEstates();
			const r = await commitImport(engine, await csv('物业费.csv', fees), { dropInvalid: true });
			expect(r).toMatchObject({ committed: true, inserted: 2, dropped: 7 });
			expect(await tableRows('SELECT estate_id, year, fee, fee_unit, collection_rate FROM fees ORDER BY estate_id')).toEqual([
				{ estate_id: 'LJ0001', year: 2024, fee: 2.38, fee_unit: 'per_m2_month', collection_rate: 0.92 },
				{ estate_id: 'LJ0004', year: 2024, fee: 12, fee_unit: 'per_m2_month', collection_rate: 0.33 }
			]);
		});

		it('a missing required column is a file-level error in Chinese and English; nothing commits, even with dropInvalid', async () => {
			await seedEstates();
			const p = await csv('x.csv', [
				['小区编号', '期间', '指标', '来源'],
				['LJ0001', '2024Q1', '保洁', '检查']
			]);
			expect(p.dataset).toBe('scores');
			const missing = p.problems.find((x) => x.code === 'missing_column')!;
			expect(missing).toMatchObject({ row: null, column: null, severity: 'error' });
			expect(missing.message).toEqual({ zh: '缺少必需列「得分」（score）', en: "Missing required column 'Score' (score)" });
			const r = await commitImport(engine, p, { dropInvalid: true });
			expect(r).toMatchObject({ committed: false, reason: 'file_errors' });
			expect(await engine.scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'scores'")).toBe(0);
		});

		it('an unrecognisable file says so and offers candidates', async () => {
			const p = await csv('x.csv', [
				['甲', '乙'],
				['1', '2']
			]);
			expect(p.dataset).toBeNull();
			expect(p.problems.map((x) => x.code)).toEqual(['unknown_dataset']);
			expect((await commitImport(engine, p)).reason).toBe('file_errors');
		});

		it('duplicate estate ids, and tickets closed before they were opened', async () => {
			const estates = await csv('e.csv', [...ESTATES_ZH, ['LJ0002', '重复', null, '商品房', '高层', null, 1000, 10, '有', null, null]]);
			const tickets = await csv('t.csv', [
				['工单号', '小区编号', '类别', '发现时间', '结案时间'],
				['W1', 'LJ0001', '报修', '2024-03-02 10:00', '2024-03-01 09:00'],
				['W1', 'LJ0001', '报修', '2024-03-02 10:00', null]
			]);
			const [e, t] = await validateFiles(engine, [estates, tickets]);
			expect(brief(e.problems)).toEqual([[6, '小区编号', 'LJ0002', 'duplicate_key', 'error']]);
			expect(brief(t.problems)).toEqual([[2, '结案时间', '2024-03-01 09:00', 'closed_before_opened', 'error']]);
		});
	});

	describe('duplicates across the files of a set', () => {
		it('a key repeated in a second file names the first file and row', async () => {
			const a = await csv('2024上.csv', [
				['estate_id', 'period', 'indicator', 'score', 'source'],
				['LJ0001', '2024Q1', 'cleaning', 80, 'inspection'],
				['LJ0001', '2024Q2', 'cleaning', 82, 'inspection']
			]);
			const b = await csv('2024下.csv', [
				['estate_id', 'period', 'indicator', 'score', 'source'],
				['LJ0001', '2024Q3', 'cleaning', 80, 'inspection'],
				['LJ0001', '2024Q2', 'cleaning', 90, 'inspection']
			]);
			const [ra, rb] = await validateFiles(engine, [a, b]);
			expect(ra.counts.errors).toBe(0);
			expect(brief(rb.problems.filter((p) => p.severity === 'error'))).toEqual([[3, 'estate_id', 'LJ0001', 'duplicate_key_file', 'error']]);
			expect(rb.problems.find((p) => p.code === 'duplicate_key_file')!.message.zh).toBe(
				'与 2024上.csv 第 3 行重复（LJ0001, 2024Q2, cleaning, inspection）'
			);
		});
	});

	describe('references across the files of an import set and the current tables', () => {
		const scores: FixtureCell[][] = [
			['estate_id', 'period', 'indicator', 'score', 'source'],
			['LJ0001', '2024Q1', 'cleaning', 80, 'inspection'],
			['NEW01', '2024Q1', 'cleaning', 70, 'inspection']
		];

		it('scores are checked against the estates given with them', async () => {
			const estates = await csv('e.csv', [
				['estate_id', 'name', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator'],
				['NEW01', '新小区', 'commercial', 'high', 1000, 10, 'true']
			]);
			const [, s] = await validateFiles(engine, [estates, await csv('s.csv', scores)]);
			expect(brief(s.problems)).toEqual([[2, 'estate_id', 'LJ0001', 'unknown_estate', 'error']]);
		});

		it('…and against the current estates when the set does not replace them', async () => {
			await seedEstates();
			const [s] = await validateFiles(engine, [await csv('s.csv', scores)]);
			expect(brief(s.problems)).toEqual([[3, 'estate_id', 'NEW01', 'unknown_estate', 'error']]);
			const estates = await csv('e.csv', [
				['estate_id', 'name', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator'],
				['NEW01', '新小区', 'commercial', 'high', 1000, 10, 'true']
			]);
			const [, appended] = await validateFiles(engine, [estates, await csv('s.csv', scores)], { mode: 'append' });
			expect(appended.problems).toEqual([]);
		});

		it('with no estates anywhere, references are not checked and a warning says so', async () => {
			const [s] = await validateFiles(engine, [await csv('s.csv', scores)]);
			expect(brief(s.problems)).toEqual([[null, null, null, 'references_not_checked', 'warning']]);
			expect(s.valid).toBe(true);
		});
	});

	describe('replace and append', () => {
		const more = (id: string): FixtureCell[][] => [
			['estate_id', 'name', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator'],
			[id, '新小区', 'commercial', 'high', 1000, 10, 'true']
		];

		it('replace empties the table first; append adds to it; appending an existing key is refused', async () => {
			await seedEstates();
			expect((await commitImport(engine, await csv('e.csv', more('NEW01')), { mode: 'append' })).committed).toBe(true);
			expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(5);

			const dup = await commitImport(engine, await csv('e.csv', more('LJ0001')), { mode: 'append' });
			expect(dup).toMatchObject({ committed: false, reason: 'errors' });
			expect(brief(dup.files[0].problems)).toEqual([[2, 'estate_id', 'LJ0001', 'duplicate_existing', 'error']]);
			expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(5);

			// 5 rows replaced by 1 removes most of them: refused until the user agrees (docs/sources.md §17), then done.
			const asked = await commitImport(engine, await csv('e.csv', more('LJ0001')), { mode: 'replace' });
			expect(asked).toMatchObject({ committed: false, reason: 'shrink', changes: [{ dataset: 'estates', before: 5, after: 1 }] });
			expect(await engine.scalar('SELECT count(*)::INTEGER FROM estates')).toBe(5);
			expect((await commitImport(engine, await csv('e.csv', more('LJ0001')), { mode: 'replace', allowShrink: true })).committed).toBe(true);
			expect(await tableRows('SELECT estate_id, name FROM estates')).toEqual([{ estate_id: 'LJ0001', name: '新小区' }]);
		});

		/** The real engine, recording the statements of each transaction; `arrow: false` stages as CSV text. */
		function recording(arrow: boolean): { engine: ImportEngine; transactions: string[][] } {
			const real = engine;
			const transactions: string[][] = [];
			const wrapped = importEngineOf(real, { transaction: (statements) => (transactions.push(statements), real.transaction(statements)) }, { arrow });
			return { engine: wrapped, transactions };
		}
		const constraintsOf = (table: string) =>
			engine.rows(
				`SELECT constraint_type, constraint_text, constraint_column_names::VARCHAR AS cols FROM duckdb_constraints() WHERE table_name = '${table}' ORDER BY ALL`
			);
		const columnsOf = (table: string) =>
			engine.rows(`SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`);

		it('a replace by one clean file renames its staging table into place, with the constraints of the table it replaces', async () => {
			await engine.exec(createTableSql('estates', { table: 'reference_estates' }));
			const r = recording(true);
			await seedEstates();
			const result = await commitImport(r.engine, await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH)) }));
			expect(result).toMatchObject({ committed: true, inserted: 4 });
			const statements = r.transactions.flat();
			expect(statements.some((x) => /RENAME TO "estates"$/.test(x))).toBe(true);
			expect(statements.some((x) => /^INSERT INTO "estates"/.test(x))).toBe(false);
			expect(await columnsOf('estates')).toEqual(await columnsOf('reference_estates'));
			const strip = (rows: Record<string, unknown>[]) => rows.map((x) => ({ ...x, constraint_text: String(x.constraint_text).replaceAll('reference_estates', 'estates') }));
			expect(strip(await constraintsOf('estates'))).toEqual(strip(await constraintsOf('reference_estates')));
			expect((await constraintsOf('estates')).map((x) => x.constraint_type)).toContain('PRIMARY KEY');
			await expect(engine.exec("INSERT INTO estates (estate_id, name, estate_type, building_type, chargeable_area_m2, households, has_elevator) VALUES ('LJ0001', 'x', 'commercial', 'high', 1, 1, true)")).rejects.toThrow(/PRIMARY KEY|Duplicate key/i);
			expect(await tempTables()).toBe(0);
			expect(await engine.rows('SELECT estate_id, name, households FROM estates ORDER BY estate_id')).toEqual([
				{ estate_id: 'LJ0001', name: '梅澜公寓', households: 568 },
				{ estate_id: 'LJ0002', name: '望湖花园', households: 1024 },
				{ estate_id: 'LJ0003', name: '柳岸新村', households: 900 },
				{ estate_id: 'LJ0004', name: '新城雅苑', households: 400 }
			]);
			await engine.exec('DROP TABLE reference_estates');
		});

		it('staged as Arrow (texts dictionary-encoded or plain) or as CSV text, the same rows land', async () => {
			// 1,500 estates: ids and names never repeat (plain utf8), subdistricts and firms repeat with gaps (dictionaries with nulls).
			const head = ['estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'build_year', 'chargeable_area_m2', 'households', 'has_elevator', 'firm', 'pricing_regime'];
			const rows: FixtureCell[][] = [head];
			for (let i = 0; i < 1500; i++) {
				rows.push([
					`E${String(i).padStart(5, '0')}`,
					`小区${i}号`,
					i % 7 === 0 ? null : `街道${i % 5}`,
					i % 2 ? 'commercial' : 'resettlement',
					i % 3 ? 'high' : 'multi',
					i % 11 === 0 ? null : 1980 + (i % 40),
					1000 + i / 4,
					10 + i,
					i % 2 ? 'true' : 'false',
					i % 4 === 0 ? null : `物业${i % 9}`,
					null
				]);
			}
			const landed: unknown[][] = [];
			for (const arrow of [true, false]) {
				await engine.exec('DROP TABLE IF EXISTS estates');
				const result = await commitImport(recording(arrow).engine, await csv('estates.csv', rows));
				expect(result).toMatchObject({ committed: true, inserted: 1500 });
				landed.push(await engine.rows('SELECT * FROM estates ORDER BY estate_id'));
			}
			expect(landed[0]).toEqual(landed[1]);
			const all = landed[0] as Record<string, unknown>[];
			expect(all.filter((x) => x.subdistrict === null)).toHaveLength(215); // i % 7 === 0 for i < 1500
			expect(all.filter((x) => x.firm === null)).toHaveLength(375);
			expect(all[1499]).toMatchObject({ estate_id: 'E01499', name: '小区1499号', subdistrict: '街道4', firm: '物业5', build_year: 1999, chargeable_area_m2: 1374.75, has_elevator: true });
		});

		it('dropInvalid refuses to replace a table with nothing', async () => {
			await seedEstates();
			const p = await csv('s.csv', [
				['estate_id', 'period', 'indicator', 'score', 'source'],
				['LJ0001', 'someday', 'cleaning', 80, 'inspection']
			]);
			expect((await commitImport(engine, p, { dropInvalid: true })).reason).toBe('nothing_valid');
		});
	});

	describe('failures and cancellation leave every table as it was', () => {
		/**
		 * The real engine, except that statements matching `pattern` fail. Inside a transaction the matching
		 * statement is swapped for one DuckDB itself fails on, so the failure happens mid-transaction, after the
		 * statements before it (DELETE FROM estates, INSERT INTO estates) have run.
		 */
		function failing(pattern: RegExp): ImportEngine {
			const fail = "SELECT error('disk full (simulated)')";
			const real = engine;
			return {
				exec: (sql) => (pattern.test(sql) ? real.exec(fail) : real.exec(sql)),
				rows: (sql) => (pattern.test(sql) ? real.rows(fail) : real.rows(sql)),
				scalar: (sql) => (pattern.test(sql) ? real.scalar(fail) : real.scalar(sql)),
				transaction: (statements) => real.transaction(statements.map((s) => (pattern.test(s) ? fail : s))),
				registerFileBuffer: (name, buffer) => real.registerFileBuffer(name, buffer),
				dropFile: (name) => real.dropFile(name)
			};
		}

		async function importSet(): Promise<PreparedImport[]> {
			return [await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH.slice(0, 3))) }), await csv('得分.csv', SCORES_ZH.slice(0, 3))];
		}

		it('a statement failing mid-transaction (after estates were replaced) rolls everything back', async () => {
			await seedEstates();
			await commitImport(engine, await csv('得分.csv', SCORES_ZH));
			const before = await snapshot();
			// A replace renames each staging table into place; estates come first, so they were already renamed.
			const flaky = failing(/RENAME TO "scores"/);
			await expect(commitImport(flaky, await importSet(), { allowShrink: true })).rejects.toThrow('disk full');
			expect(await snapshot()).toEqual(before);
			expect(await tempTables()).toBe(0);
			// Rows left out are copied instead: the failure after the estates' DELETE and INSERT rolls back too.
			const withDrops = [await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH.slice(0, 3))) }), await csv('得分.csv', [...SCORES_ZH.slice(0, 3), ['XX9999', ...SCORES_ZH[1].slice(1)]])];
			await expect(commitImport(failing(/^INSERT INTO "scores"/), withDrops, { allowShrink: true, dropInvalid: true })).rejects.toThrow('disk full');
			expect(await snapshot()).toEqual(before);
			expect(await tempTables()).toBe(0);
		});

		it('a failure while staging or checking leaves nothing behind', async () => {
			await seedEstates();
			const before = await snapshot();
			await expect(commitImport(failing(/GROUP BY hash/), await importSet())).rejects.toThrow('disk full');
			await expect(commitImport(failing(/^INSERT INTO _zhijia_stage_scores/), await importSet())).rejects.toThrow('disk full');
			expect(await snapshot()).toEqual(before);
			expect(await tempTables()).toBe(0);
		});

		it('cancelling between chunks throws the abort reason and changes nothing', async () => {
			await seedEstates();
			const before = await snapshot();
			const controller = new AbortController();
			const phases: string[] = [];
			const onProgress = (p: ImportProgress) => {
				phases.push(p.phase);
				if (p.phase === 'stage') controller.abort(new Error('cancelled by user'));
			};
			await expect(commitImport(engine, await importSet(), { signal: controller.signal, onProgress })).rejects.toThrow('cancelled by user');
			expect(phases).toContain('stage');
			expect(await snapshot()).toEqual(before);
			expect(await tempTables()).toBe(0);
			const aborted = AbortSignal.abort();
			await expect(prepareImport({ name: 'x.csv', bytes: utf8('a,b\n1,2\n') }, { signal: aborted })).rejects.toThrow();
		});

		it('reports progress through the phases', async () => {
			await seedEstates();
			const phases = new Set<string>();
			const p = await prepareImport({ name: 's.csv', bytes: utf8(csvText(SCORES_ZH)) }, { onProgress: (x) => void phases.add(x.phase) });
			await commitImport(engine, p, { onProgress: (x) => void phases.add(x.phase) });
			expect([...phases]).toEqual(['read', 'normalise', 'stage', 'check', 'commit', 'done']);
		});
	});
}
