/**
 * The import worker's protocol (worker-host.ts ↔ client.ts) over a real MessageChannel in Node: the same
 * reports, problems and tables as the library called directly, staging chunks transferred as bytes,
 * cancellation, and errors that keep their type across the port.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import { ImportWorkerClient, type ImportWorkerConnection } from '../../../src/lib/import/client';
import { commitImport, prepareImport, UnreadableFileError, validateFiles, type ImportProgress, type PreparedFile } from '../../../src/lib/import/index';
import { serveImports, type ImportPort } from '../../../src/lib/import/worker-host';
import { csvText, ESTATES_ZH, gbk, SCORES_ZH, utf8, workbook, type FixtureCell } from '../../fixtures/import-files';

export function workerCases(getEngine: () => Engine): void {
	let engine: Engine;
	let channel: MessageChannel;
	let client: ImportWorkerClient;
	beforeEach(async () => {
		engine = getEngine();
		for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
		channel = new MessageChannel();
		serveImports(channel.port2 as unknown as ImportPort);
		const connection: ImportWorkerConnection = { port: channel.port1 as unknown as ImportWorkerConnection['port'], terminate: () => channel.port1.close() };
		client = new ImportWorkerClient(() => connection);
	});
	afterEach(() => {
		channel.port1.close();
		channel.port2.close();
	});

	/** A file through the worker: opened, inspected, prepared. */
	async function viaWorker(name: string, bytes: Uint8Array): Promise<PreparedFile> {
		const file = await client.open(name, bytes);
		await client.inspect(file);
		return client.prepare(file);
	}

	const scoresWithProblems: FixtureCell[][] = [
		['estate_id', 'period', 'indicator', 'score', 'source'],
		['LJ0001', '2024Q1', 'cleaning', 80, 'inspection'],
		['LJ0001', '2024Q1', 'cleaning', 81, 'inspection'],
		['NOPE1', '2024Q1', 'cleaning', 70, 'inspection'],
		['LJ0002', '2024Q1', 'cleaning', 170, 'inspection']
	];

	it('reports the same problems as the library in this thread, and commits the same rows', async () => {
		const estatesBytes = gbk(csvText(ESTATES_ZH));
		const scoresBytes = utf8(csvText(scoresWithProblems), true);
		const local = await validateFiles(engine, [
			await prepareImport({ name: '小区.csv', bytes: estatesBytes }),
			await prepareImport({ name: '得分.csv', bytes: scoresBytes })
		]);
		const remote = await validateFiles(engine, [await viaWorker('小区.csv', estatesBytes), await viaWorker('得分.csv', scoresBytes)]);
		const strip = (rs: typeof local) => rs.map(({ prepared, ...r }) => ({ ...r, rowCount: prepared?.rowCount }));
		expect(strip(remote)).toEqual(strip(local));
		expect(remote[1].problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual(
			expect.arrayContaining([
				[3, 'estate_id', 'LJ0001', 'duplicate_key'],
				[4, 'estate_id', 'NOPE1', 'unknown_estate']
			])
		);

		const estates = await viaWorker('小区.csv', estatesBytes);
		const scores = await viaWorker('得分.csv', utf8(csvText(SCORES_ZH), true));
		const result = await commitImport(engine, [estates, scores]);
		expect(result).toMatchObject({ committed: true, inserted: 9, dropped: 0 });
		const viaRemote = await engine.rows('SELECT * FROM scores ORDER BY ALL');
		await commitImport(engine, [await prepareImport({ name: '小区.csv', bytes: estatesBytes }), await prepareImport({ name: '得分.csv', bytes: utf8(csvText(SCORES_ZH), true) })]);
		expect(await engine.rows('SELECT * FROM scores ORDER BY ALL')).toEqual(viaRemote);
	});

	it('stages chunk after chunk of a larger file (the next one prefetched); every row lands', async () => {
		const rows: FixtureCell[][] = [['estate_id', 'period', 'indicator', 'score', 'source']];
		for (let i = 0; i < 230_000; i++) rows.push([`E${i % 997}`, `${2000 + Math.floor(i / 997 / 4)}Q${1 + ((i / 997) | 0) % 4}`, 'cleaning', (i % 100) + 0.5, 'inspection']);
		const bytes = utf8(csvText(rows));
		const progress: ImportProgress[] = [];
		const file = await client.open('big.csv', bytes);
		await client.inspect(file);
		const remote = await client.prepare(file, { onProgress: (p) => progress.push(p) });
		expect(progress.some((p) => p.phase === 'normalise' && p.rows > 0 && p.rows < 230_000)).toBe(true);
		const [report] = await validateFiles(engine, [remote]);
		expect(report).toMatchObject({ rows: 230_000, invalidRows: 0 });
		expect(report.problems.map((p) => p.code)).toEqual(['references_not_checked']);
		const r = await commitImport(engine, remote);
		expect(r).toMatchObject({ committed: true, inserted: 230_000 });
		expect(await engine.scalar('SELECT count(*)::INTEGER FROM scores')).toBe(230_000);
		expect(await engine.scalar(`SELECT count(*)::INTEGER FROM scores WHERE estate_id = 'E5' AND score = 5.5`)).toBeGreaterThan(0);
	});

	it('a cancelled prepare rejects at once with the abort reason; the worker still serves the next request', async () => {
		const rows: FixtureCell[][] = [['estate_id', 'period', 'indicator', 'score', 'source']];
		for (let i = 0; i < 120_000; i++) rows.push([`E${i % 50}`, '2024Q1', 'cleaning', 80, 'inspection']);
		const file = await client.open('big.csv', utf8(csvText(rows)));
		await client.inspect(file);
		const controller = new AbortController();
		const prepared = client.prepare(file, {
			signal: controller.signal,
			onProgress: (p) => {
				if (p.phase === 'normalise' && p.rows > 0) controller.abort();
			}
		});
		await expect(prepared).rejects.toMatchObject({ name: 'AbortError' });
		const again = await client.prepare(file);
		expect(again.rowCount).toBe(120_000);
	});

	it('a file of several staging chunks through the worker lands whole and in order', async () => {
		// 250,020 score rows (two staging chunks of 122,880 and the rest): estate i // 60, month i mod 60 from 2021-01, score i mod 100.
		const lines = ['estate_id,period,indicator,score,source'];
		for (let i = 0; i < 250_020; i++) {
			const m = i % 60;
			lines.push(`E${String(Math.floor(i / 60)).padStart(5, '0')},${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},cleaning,${i % 100},inspection`);
		}
		const chunks: number[] = [];
		const prepared = await viaWorker('得分.csv', utf8(lines.join('\n') + '\n'));
		const result = await commitImport(engine, prepared, { onProgress: (p) => p.phase === 'stage' && chunks.push(p.rows) });
		expect(result.files[0].problems.map((p) => p.code)).toEqual(['references_not_checked']); // no estates table here
		expect(result).toMatchObject({ committed: true, inserted: 250_020 });
		expect(chunks).toEqual([122_880, 245_760, 250_020]);
		// 2,500 whole cycles of 0..99 (4,950 each) and 0..19 (190).
		expect(await engine.rows('SELECT count(*)::INTEGER AS n, sum(score)::BIGINT AS s, max(estate_id) AS last FROM scores')).toEqual([{ n: 250_020, s: 12_375_190, last: 'E04166' }]);
		expect(await engine.rows("SELECT period, score FROM scores WHERE estate_id = 'E02000' AND period IN ('2021-01', '2025-12') ORDER BY period")).toEqual([
			{ period: '2021-01', score: 0 }, // i = 120,000
			{ period: '2025-12', score: 59 } // i = 120,059
		]);
	});

	it('an unreadable file is an UnreadableFileError on this side too', async () => {
		const file = await client.open('坏.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
		const e = await client.inspect(file).catch((x: unknown) => x);
		expect(e).toBeInstanceOf(UnreadableFileError);
		expect((e as UnreadableFileError).file).toBe('坏.xlsx');
	});

	it('a warmed worker answers, then reads a workbook and a GBK file as before', async () => {
		await expect(client.warm()).resolves.toBeUndefined();
		const book = await client.open('小区.xlsx', workbook([{ name: '小区', rows: ESTATES_ZH }]));
		const ins = await client.inspect(book);
		expect(ins.dataset).toBe('estates');
		expect(ins.rowCount).toBe(ESTATES_ZH.length - 1);
		const prepared = await viaWorker('小区.csv', gbk(csvText(ESTATES_ZH)));
		expect(prepared.counts.errors).toBe(0);
	});

	it('a closed file is gone from the worker', async () => {
		const file = await client.open('小区.csv', gbk(csvText(ESTATES_ZH)));
		client.close(file);
		await expect(client.inspect(file)).rejects.toThrow('not open');
	});
}
