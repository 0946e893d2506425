/**
 * The start-up loader's chunking (src/lib/workspace/csv-chunks.ts) and the loader on the real duckdb-wasm: a file
 * read in many small chunks gives exactly the table one chunk gives, and a bad row in a later chunk rolls back the
 * whole load and is reported at its line of the whole file.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { CsvLoadError, insertCanonicalCsv, loadCanonicalCsvs, type CanonicalCsv } from '../../../src/lib/workspace/canonical-csv';
import { csvChunks, csvChunkSteps, csvLayout, fileLine, headerText, PIECE_BYTES } from '../../../src/lib/workspace/csv-chunks';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
/** Every chunk of a file as text. */
const chunks = (text: string | Uint8Array, size: number) => {
	const layout = csvLayout(typeof text === 'string' ? enc(text) : text, size);
	return [...csvChunks(layout)].map(dec);
};

describe('csv chunks', () => {
	it('cuts at line ends, repeats the header, and loses or adds no byte', () => {
		const text = 'a,b\n1,x\n2,yy\n3,zzz\n4,w\n';
		const got = chunks(text, 5);
		expect(got.length).toBeGreaterThan(1);
		for (const c of got) {
			expect(c.startsWith('a,b\n')).toBe(true);
			expect(c.endsWith('\n')).toBe(true);
		}
		expect('a,b\n' + got.map((c) => c.slice(4)).join('')).toBe(text);
		// One chunk when the size allows; a last record without a line end is kept.
		expect(chunks(text, 1 << 20)).toEqual([text]);
		expect(chunks('a,b\n1,x\n2,y', 3)).toEqual(['a,b\n1,x\n', 'a,b\n2,y']);
	});

	it('keeps \\r\\n line ends together', () => {
		expect(chunks('a,b\r\n1,x\r\n2,y\r\n', 1)).toEqual(['a,b\r\n1,x\r\n', 'a,b\r\n2,y\r\n']);
	});

	it('strips a UTF-8 BOM (also from the header check)', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('a,b\n1,x\n')]);
		expect(chunks(bytes, 100)).toEqual(['a,b\n1,x\n']);
		expect(headerText(csvLayout(bytes))).toBe('a,b');
	});

	it('never cuts inside a quoted field, line breaks and escaped quotes included', () => {
		const text = 'a,b\n1,"x\ny\nz"\n2,"say ""hi""\nthere"\n3,"\n"\n4,p\n';
		for (const size of [1, 2, 3, 5, 8, 13, 100]) {
			const got = chunks(text, size);
			expect('a,b\n' + got.map((c) => c.slice(4)).join('')).toBe(text);
			for (const c of got) expect((c.match(/"/g) ?? []).length % 2, `${size}: ${JSON.stringify(c)}`).toBe(0);
		}
		expect(chunks(text, 1)).toEqual(['a,b\n1,"x\ny\nz"\n', 'a,b\n2,"say ""hi""\nthere"\n', 'a,b\n3,"\n"\n', 'a,b\n4,p\n']);
	});

	it('copies a large chunk a piece at a time, with a pause after each piece but the last, and the same bytes', () => {
		// 100,000 records of 40 bytes: about 3.8 MiB, in chunks of about 2.5 MiB (two chunks: three pieces, then two).
		const header = 'estate_id,period,indicator,score,source\n';
		const record = (i: number) => `E${String(i).padStart(6, '0')},2024Q1,cleaning,75.5,inspection\n`;
		expect(enc(record(0)).length).toBe(40);
		const body = Array.from({ length: 100_000 }, (_, i) => record(i)).join('');
		const layout = csvLayout(enc(header + body), 2.5 * PIECE_BYTES);
		const steps = [...csvChunkSteps(layout)];
		const got = steps.filter((x): x is Uint8Array => x !== null);
		expect(got).toHaveLength(2);
		expect(steps.map((x) => (x === null ? 'pause' : 'chunk'))).toEqual(['pause', 'pause', 'chunk', 'pause', 'chunk']);
		expect(header + got.map((c) => dec(c).slice(header.length)).join('')).toBe(header + body);
		expect([...csvChunks(csvLayout(enc(header + body), 2.5 * PIECE_BYTES))].map(dec)).toEqual(got.map(dec));
	});

	it('a header-only file has no chunks', () => {
		expect(chunks('a,b\n', 10)).toEqual([]);
		expect(chunks('a,b', 10)).toEqual([]);
		expect(headerText(csvLayout(enc('a,b\r\n')))).toBe('a,b');
	});

	it('maps a line of a chunk to the line of the whole file (records, as DuckDB counts them)', () => {
		const layout = csvLayout(enc('a,b\n1,"x\ny"\n2,z\n3,q\n4,r\n'), 1);
		expect([...csvChunks(layout)]).toHaveLength(4);
		// Chunks: [1,"x\ny"], [2,z], [3,q], [4,r]; the record "4,r" is line 5 of the file, line 2 of chunk 3.
		expect(layout.ranges).toHaveLength(4);
		expect(fileLine(layout, 0, 2)).toBe(2);
		expect(fileLine(layout, 1, 2)).toBe(3);
		expect(fileLine(layout, 3, 2)).toBe(5);
		expect(fileLine(layout, 3, 1)).toBe(1);
	});
});

describe('the loader in chunks, on duckdb-wasm', { timeout: 60_000 }, () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await startNodeEngine();
	}, 60_000); // a wasm start takes seconds on a loaded machine
	afterAll(async () => {
		await engine?.close();
	});

	const sample = async (dataset: CanonicalCsv['dataset']): Promise<Uint8Array> => new Uint8Array(await readFile(`data/sample/${dataset}.csv`));
	const dump = (table: string) => engine.rows(`SELECT * FROM ${table} ORDER BY ALL`);

	it('many small chunks give exactly the table one chunk gives', async () => {
		const estates = await sample('estates');
		const scores = await sample('scores');
		// Quoted fields with a comma, an escaped quote and a line break, in a row of its own.
		const extra = enc('ZZ0001,"梅澜\n""新""苑, 二期",江滨街道,public_sold,multi,1983,30228.08,568,false,某物业,guide\n');
		const estatesPlus = new Uint8Array([...estates, ...extra]);
		const files = (): CanonicalCsv[] => [
			{ dataset: 'estates', name: 'estates.csv', bytes: estatesPlus },
			{ dataset: 'scores', name: 'scores.csv', bytes: scores }
		];
		await loadCanonicalCsvs(engine, files());
		const one = { estates: await dump('estates'), scores: await dump('scores') };
		expect(one.estates.find((r) => r.estate_id === 'ZZ0001')?.name).toBe('梅澜\n"新"苑, 二期');
		// Scores in 20 chunks (a few hundred rows each); estates in chunks of about 1 kB (a few rows).
		await loadCanonicalCsvs(engine, files(), { chunkBytes: Math.ceil(scores.length / 20) });
		expect(await dump('scores')).toEqual(one.scores);
		await loadCanonicalCsvs(engine, [files()[0]], { chunkBytes: 997 });
		expect(await dump('estates')).toEqual(one.estates);
		// The bytes given were not consumed (each chunk is a copy).
		expect(estatesPlus.byteLength).toBeGreaterThan(0);
		// And text gives the same as bytes.
		await loadCanonicalCsvs(engine, [
			{ dataset: 'estates', name: 'estates.csv', text: dec(estatesPlus) },
			{ dataset: 'scores', name: 'scores.csv', text: dec(scores) }
		]);
		expect(await dump('estates')).toEqual(one.estates);
	});

	it('a bad row in a later chunk rolls back everything and is reported at its line of the whole file', async () => {
		await loadCanonicalCsvs(engine, [{ dataset: 'estates', name: 'estates.csv', bytes: await sample('estates') }]);
		const before = await dump('estates');
		const good = 'estate_id,year,fee,fee_unit,collection_rate\n' + Array.from({ length: 400 }, (_, i) => `LJ${String(i + 1).padStart(4, '0')},2025,1.50,per_m2_month,0.9\n`).join('');
		// A quoted line break before the bad row: DuckDB counts records, so the bad row is line 403, not 404.
		const text = good + 'LJ0001,2024,"2.0\n",per_m2_month,0.9\n' + 'LJ0002,2024,cheap,per_m2_month,0.9\n' + 'LJ0003,2024,1.0,per_m2_month,0.9\n';
		const err = await loadCanonicalCsvs(
			engine,
			[
				{ dataset: 'estates', name: 'estates.csv', bytes: await sample('estates') },
				{ dataset: 'fees', name: 'fees.csv', bytes: enc(text) }
			],
			{ chunkBytes: 2000 }
		).catch((e) => e);
		expect(err).toBeInstanceOf(CsvLoadError);
		expect(err.file).toBe('fees.csv');
		// 400 good rows of ~35 bytes: the bad row is in the 7th or 8th chunk of 2,000 bytes.
		expect(err.line).toBe(403);
		expect(err.reason).toContain('Line: 403');
		expect(err.message).toMatch(/^fees\.csv: .*Line: 403/);
		expect(await dump('estates')).toEqual(before);
		expect(await engine.scalar('SELECT count(*) AS n FROM fees')).toBe(0);

		// The same file appended on its own: nothing of it stays either.
		const n = await engine.scalar('SELECT count(*) AS n FROM estates');
		const again = await insertCanonicalCsv(engine, { dataset: 'fees', name: 'fees.csv', text }, { chunkBytes: 500 }).catch((e) => e);
		expect(again.line).toBe(403);
		// DuckDB's own count, reading the whole file in one chunk, agrees.
		const whole = await insertCanonicalCsv(engine, { dataset: 'fees', name: 'fees.csv', text }).catch((e) => e);
		expect(whole.line).toBe(403);
		expect(await engine.scalar('SELECT count(*) AS n FROM fees')).toBe(0);
		expect(await engine.scalar('SELECT count(*) AS n FROM estates')).toBe(n);
	});

	it('stores scores grouped by period, in any chunking, and reports a bad row that moved at its line of the file', async () => {
		await loadCanonicalCsvs(engine, [{ dataset: 'estates', name: 'estates.csv', bytes: await sample('estates') }]);
		// The sample's scores estate by estate (every period of LJ0001, then of LJ0002, …), as a user's file may be.
		const [head, ...lines] = dec(await sample('scores')).trim().split('\n');
		const byEstate = [...lines].sort((a, b) => (a.split(',')[0] < b.split(',')[0] ? -1 : a.split(',')[0] > b.split(',')[0] ? 1 : 0));
		const scores = enc([head, ...byEstate].join('\n') + '\n');
		expect(byEstate[0].split(',')[1]).not.toBe(byEstate[20].split(',')[1]); // periods change within an estate's rows
		const stored = async () => (await engine.rows('SELECT period FROM scores ORDER BY rowid')).map((r) => r.period as string);
		const runs = (periods: string[]) => periods.filter((p, i) => i === 0 || p !== periods[i - 1]);
		await loadCanonicalCsvs(engine, [{ dataset: 'scores', name: 'scores.csv', bytes: scores }], { chunkBytes: 4096 });
		const periods = await stored();
		const distinct = [...new Set(periods)].sort();
		expect(distinct.length).toBeGreaterThan(4);
		// One run per period, in ascending order: the rows of a period are stored together.
		expect(runs(periods)).toEqual(distinct);
		// Exactly the file's rows, in the file's order within each period (Array.prototype.sort is stable).
		const fileRows = dec(scores).trim().split('\n').slice(1).map((l) => l.split(','));
		const want = [...fileRows].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map((f) => `${f[0]},${f[1]},${f[2]},${Number(f[3])},${f[4]}`);
		const got = await engine.rows('SELECT estate_id, period, indicator, score, source FROM scores ORDER BY rowid');
		expect(got.map((r) => `${r.estate_id},${r.period},${r.indicator},${r.score},${r.source}`)).toEqual(want);

		// 300 rows of 2025Q2, then a bad 2025Q1 row on line 302 of the file: stored first, so it is read in the first chunk.
		const bad =
			'estate_id,period,indicator,score,source\n' +
			Array.from({ length: 300 }, (_, i) => `LJ${String((i % 200) + 1).padStart(4, '0')},2025Q2,ind${Math.floor(i / 200)},70,inspection\n`).join('') +
			'LJ0001,2025Q1,upkeep,abc,inspection\nLJ0002,2025Q2,upkeep,71,inspection\n';
		const before = await engine.rows('SELECT * FROM scores ORDER BY ALL');
		const err = await loadCanonicalCsvs(engine, [{ dataset: 'scores', name: 'bad.csv', text: bad }], { chunkBytes: 3000 }).catch((e) => e);
		expect(err).toBeInstanceOf(CsvLoadError);
		expect(err.line).toBe(302);
		expect(err.message).toMatch(/^bad\.csv: .*Line: 302/);
		expect(await engine.rows('SELECT * FROM scores ORDER BY ALL')).toEqual(before);
	});

	it('checks every header before loading anything, with the BOM stripped', async () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...(await sample('fees'))]);
		await loadCanonicalCsvs(engine, [{ dataset: 'fees', name: 'fees.csv', bytes: bom }], { chunkBytes: 1000 });
		expect(await engine.scalar('SELECT count(*) AS n FROM fees')).toBeGreaterThan(0);
		const err = await loadCanonicalCsvs(engine, [
			{ dataset: 'fees', name: 'fees.csv', bytes: bom },
			{ dataset: 'scores', name: 'scores.csv', text: 'estate_id,score\nLJ0001,1\n' }
		]).catch((e) => e);
		expect(err).toBeInstanceOf(CsvLoadError);
		expect(err.file).toBe('scores.csv');
		expect(err.reason).toMatch(/^header is "estate_id,score"/);
		expect(await engine.scalar('SELECT count(*) AS n FROM fees')).toBeGreaterThan(0);
	});
});
