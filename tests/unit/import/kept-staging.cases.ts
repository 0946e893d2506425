/**
 * A check's staging tables taken over by the commit of the same files (validateFiles `keep`, commitImport `reuse`):
 * the rows are staged once, checked again against the tables as they are at the commit, and no staging table is
 * left behind whether the commit takes them, refuses them or fails.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import { commitImport, prepareImport, validateFiles, type ImportEngine, type PreparedImport } from '../../../src/lib/import/index';
import type { KeptStaging } from '../../../src/lib/import/stage';
import { csvText, ESTATES_ZH, gbk, utf8, type FixtureCell } from '../../fixtures/import-files';
import { importEngineOf } from '../helpers/import-engine';

let engine: Engine;

export function keptStagingCases(getEngine: () => Engine): void {
	beforeEach(async () => {
		engine = getEngine();
		for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
	});

	const csv = (name: string, rows: readonly (readonly FixtureCell[])[]) => prepareImport({ name, bytes: utf8(csvText(rows), true) });
	const stagingTables = () => engine.scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE temporary OR starts_with(table_name, '_zhijia_')");
	/** The real engine, counting the chunks staged through it. */
	function counting(): { engine: ImportEngine; chunks: () => number } {
		let chunks = 0;
		const wrapped = importEngineOf(engine, { insertArrowIPC: (ipc, options) => (chunks++, engine.insertArrowIPC(ipc, options)) });
		return { engine: wrapped, chunks: () => chunks };
	}
	/** Checks the files, keeping the staging; returns the reports and what was kept. */
	async function check(e: ImportEngine, files: PreparedImport[], mode: 'replace' | 'append' = 'replace') {
		let kept: KeptStaging | null = null;
		const reports = await validateFiles(e, files, { mode, keep: (k) => (kept = k) });
		return { reports, kept: kept as KeptStaging | null };
	}
	const seedEstates = async () => {
		const r = await commitImport(engine, await prepareImport({ name: '小区.csv', bytes: gbk(csvText(ESTATES_ZH)) }));
		expect(r.committed).toBe(true);
	};
	const scores: FixtureCell[][] = [
		['estate_id', 'period', 'indicator', 'score', 'source'],
		['LJ0001', '2024Q1', 'cleaning', 80, 'inspection'],
		['LJ0002', '2024Q1', 'cleaning', 70.5, 'inspection'],
		['LJ0003', '2024Q1', 'greening', 91, 'inspection']
	];

	describe('the check staged once for its commit', () => {
		it('the commit of the checked files takes the staging over: nothing staged twice, the same rows land', async () => {
			await seedEstates();
			const c = counting();
			const files = [await csv('s.csv', scores)];
			const { reports, kept } = await check(c.engine, files);
			expect(reports[0].valid).toBe(true);
			expect(kept?.staged).toHaveLength(1);
			expect(await stagingTables()).toBe(1);
			const staged = c.chunks();
			expect(staged).toBeGreaterThan(0);
			const result = await commitImport(c.engine, files, { mode: 'replace', reuse: kept });
			expect(result).toMatchObject({ committed: true, inserted: 3 });
			expect(c.chunks()).toBe(staged); // no chunk staged by the commit
			expect(await stagingTables()).toBe(0);
			expect(await engine.rows('SELECT estate_id, score FROM scores ORDER BY estate_id')).toEqual([
				{ estate_id: 'LJ0001', score: 80 },
				{ estate_id: 'LJ0002', score: 70.5 },
				{ estate_id: 'LJ0003', score: 91 }
			]);
		});

		it('the rows are checked again at the commit: an estate gone since the check refuses it, one added since lets it through', async () => {
			await seedEstates();
			const files = [await csv('s.csv', scores)];
			const first = await check(engine, files);
			expect(first.reports[0].valid).toBe(true);
			// LJ0003 leaves the estates between the check and the commit.
			await engine.exec("DELETE FROM estates WHERE estate_id = 'LJ0003'");
			const refused = await commitImport(engine, files, { mode: 'replace', reuse: first.kept });
			expect(refused.committed).toBe(false);
			expect(refused.files[0].problems.map((p) => [p.row, p.value, p.code])).toEqual([[4, 'LJ0003', 'unknown_estate']]);
			expect(await stagingTables()).toBe(0);

			// The other way: the check found LJ0003 unknown (its mark on the staged row), then the estate came back.
			const second = await check(engine, files);
			expect(second.reports[0].problems.map((p) => p.code)).toEqual(['unknown_estate']);
			await seedEstates();
			const result = await commitImport(engine, files, { mode: 'replace', reuse: second.kept });
			expect(result).toMatchObject({ committed: true, inserted: 3, dropped: 0 });
			expect(await engine.scalar('SELECT count(*)::INTEGER FROM scores')).toBe(3);
			expect(await stagingTables()).toBe(0);
		});

		it('staging that does not fit (other files, another mode, tables gone) is dropped and the commit stages again', async () => {
			await seedEstates();
			const files = [await csv('s.csv', scores)];
			const c = counting();
			for (const [label, run] of [
				['other prepared files', async (kept: KeptStaging | null) => commitImport(c.engine, [await csv('s.csv', scores)], { mode: 'replace', reuse: kept })],
				['another mode', async (kept: KeptStaging | null) => commitImport(c.engine, files, { mode: 'append', reuse: kept })],
				[
					'its tables dropped',
					async (kept: KeptStaging | null) => {
						for (const s of kept!.staged) await engine.exec(`DROP TABLE ${s.table}`);
						return commitImport(c.engine, files, { mode: 'replace', reuse: kept });
					}
				]
			] as const) {
				await engine.exec('DELETE FROM scores').catch(() => undefined);
				const { kept } = await check(engine, files);
				expect(kept, label).not.toBeNull();
				const before = c.chunks();
				const result = await run(kept);
				expect(result.committed, label).toBe(true);
				expect(result.inserted, label).toBe(3);
				expect(c.chunks(), label).toBeGreaterThan(before); // staged afresh
				expect(await stagingTables(), label).toBe(0);
			}
		});

		it('a check with file errors keeps nothing; a check without keep drops its staging as before', async () => {
			await seedEstates();
			const broken = await csv('x.csv', [['foo', 'bar'], [1, 2]]);
			const withError = await check(engine, [await csv('s.csv', scores), broken]);
			expect(withError.kept).toBeNull();
			expect(await stagingTables()).toBe(0);
			await validateFiles(engine, [await csv('s.csv', scores)]);
			expect(await stagingTables()).toBe(0);
		});

		it('a commit that fails after taking the staging over leaves the tables as they were and no staging table', async () => {
			await seedEstates();
			const before = await engine.rows('SELECT * FROM estates ORDER BY ALL');
			const files = [await csv('s.csv', scores)];
			const { kept } = await check(engine, files);
			const failing = importEngineOf(engine, { transaction: () => Promise.reject(new Error('disk full')) });
			await expect(commitImport(failing, files, { mode: 'replace', reuse: kept })).rejects.toThrow('disk full');
			expect(await engine.rows('SELECT * FROM estates ORDER BY ALL')).toEqual(before);
			expect(await stagingTables()).toBe(0);
		});
	});
}
