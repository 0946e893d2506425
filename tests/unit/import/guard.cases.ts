/**
 * The import safeguards (docs/sources.md §17) on the real duckdb-wasm engine: the five holes that lost or garbled data, each with counts before and
 * after. The sample district's 240 estates are the data at stake, as in the report.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/cli/validate';
import { DATASET_IDS } from '../../../src/lib/data/datasets';
import type { Engine } from '../../../src/lib/engine/engine';
import { commitImport, prepareImport, validateFiles } from '../../../src/lib/import/index';
import { gbk, tempFiles, utf8 } from '../../fixtures/import-files';

let engine: Engine;

/** The sample district's estates file: header and 240 rows, canonical names, UTF-8. */
const SAMPLE = readFileSync('data/sample/estates.csv', 'utf8');
const LINES = SAMPLE.trimEnd().split('\n');
const HEADER = LINES[0];

const count = () => engine.scalar('SELECT count(*)::INTEGER FROM estates');

async function seed240(): Promise<void> {
	const r = await commitImport(engine, await prepareImport({ name: 'estates.csv', bytes: utf8(SAMPLE) }));
	expect(r).toMatchObject({ committed: true, inserted: 240 });
}

async function validate(files: Record<string, Uint8Array>, extra: string[] = []): Promise<{ code: number; out: string }> {
	const { paths } = tempFiles(files);
	let out = '';
	const code = await runValidate([...Object.values(paths), ...extra], { stdout: (t) => (out += t), stderr: (t) => (out += t), engine });
	return { code, out };
}

/** Registers the cases on a shared engine (engine.test.ts owns it). */
export function guardCases(getEngine: () => Engine): void {
	beforeEach(async () => {
		engine = getEngine();
		for (const id of DATASET_IDS) await engine.exec(`DROP TABLE IF EXISTS ${id}`);
	});

	describe('1. a header-only file never silently empties a dataset', () => {
		const headerOnly = utf8(HEADER + '\n');

		it('is an error; replace is refused; even dropping invalid rows asks first and says how many rows go', async () => {
			await seed240();
			const p = await prepareImport({ name: 'estates.csv', bytes: headerOnly });
			expect(p).toMatchObject({ dataset: 'estates', rowCount: 0 });
			expect(p.problems.map((x) => [x.code, x.severity])).toContainEqual(['no_rows', 'error']);

			expect(await commitImport(engine, p, { mode: 'replace' })).toMatchObject({ committed: false, reason: 'errors' });
			expect(await count()).toBe(240);
			const asked = await commitImport(engine, p, { mode: 'replace', dropInvalid: true });
			expect(asked).toMatchObject({ committed: false, reason: 'shrink', changes: [{ dataset: 'estates', before: 240, after: 0 }] });
			expect(await count()).toBe(240);
			// Appending nothing is no import either.
			expect(await commitImport(engine, p, { mode: 'append', dropInvalid: true })).toMatchObject({ committed: false, reason: 'nothing_valid' });
			expect(await count()).toBe(240);
			// Only when the user agreed does the dataset go empty.
			expect(await commitImport(engine, p, { mode: 'replace', dropInvalid: true, allowShrink: true })).toMatchObject({ committed: true, inserted: 0 });
			expect(await count()).toBe(0);
		});

		it('a replace that removes most rows asks first; one that keeps at least half does not', async () => {
			await seed240();
			const first = (n: number) => utf8([HEADER, ...LINES.slice(1, n + 1)].join('\n') + '\n');
			const few = await commitImport(engine, await prepareImport({ name: 'estates.csv', bytes: first(119) }), { mode: 'replace' });
			expect(few).toMatchObject({ committed: false, reason: 'shrink', changes: [{ dataset: 'estates', before: 240, after: 119 }] });
			expect(await count()).toBe(240);
			const half = await commitImport(engine, await prepareImport({ name: 'estates.csv', bytes: first(120) }), { mode: 'replace' });
			expect(half).toMatchObject({ committed: true, inserted: 120, changes: [{ dataset: 'estates', before: 240, after: 120 }] });
			expect(await count()).toBe(120);
		});

		it('zhijia validate fails (exit 1) and says the file has only a header', async () => {
			const r = await validate({ 'estates.csv': headerOnly });
			expect(r.code).toBe(1);
			expect(r.out).toContain('只有表头，没有数据行');
			const en = await validate({ 'estates.csv': headerOnly }, ['--lang', 'en', '--json']);
			expect(en.code).toBe(1);
			expect(JSON.parse(en.out).files[0].errors[0]).toMatchObject({ row: null, message: expect.stringContaining('Only a header row') });
		});
	});

	describe('2. a stray quote does not swallow rows', () => {
		// Row 4 (LJ0003) opens a quote that the quoted name of row 9 (LJ0008) "closes": five rows would vanish into one cell.
		const lines = [...LINES];
		lines[3] = lines[3].replace(',', ',"');
		lines[8] = lines[8].replace(/^(LJ0008),([^,]+),/, '$1,"$2",');
		const damaged = utf8(lines.join('\n') + '\n');

		it('reports the swallowing row with file, row, column, value and why; nothing commits', async () => {
			await seed240();
			const p = await prepareImport({ name: '小区.csv', bytes: damaged });
			const swallowed = p.problems.find((x) => x.code === 'swallowed_rows')!;
			expect(swallowed).toMatchObject({ file: '小区.csv', row: 4, column: 'name', severity: 'error', params: { lines: 6, from: 5, to: 9 } });
			expect(swallowed.value!.startsWith(lines[3].split(',"')[1].slice(0, 10))).toBe(true);
			expect(swallowed.message.zh).toContain('不成对的引号吞掉了后面的行（第 5 至 9 行）');
			expect(p.rowCount).toBe(235);
			expect(p.invalidRows).toBe(1);
			expect(await commitImport(engine, p, { mode: 'replace' })).toMatchObject({ committed: false, reason: 'errors' });
			expect(await count()).toBe(240);
		});

		it('rows with a cell too few or too many, and quotes inside cells, are errors of their own rows', async () => {
			const cells5 = LINES[5].split(',');
			const name5 = cells5[1].slice(0, 1) + '"' + cells5[1].slice(1);
			const lines2 = [HEADER, LINES[1], LINES[2].split(',').slice(0, -1).join(','), LINES[3] + ',多出', [cells5[0], name5, ...cells5.slice(2)].join(','), LINES[6]];
			const [report] = await validateFiles(engine, [{ name: 'e.csv', bytes: utf8(lines2.join('\r\n') + '\r\n') }]);
			expect(report.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code, x.column, x.value])).toEqual([
				[3, 'field_count', 'pricing_regime', null],
				[4, 'field_count', null, '多出'],
				[5, 'stray_quote', 'name', name5]
			]);
			expect(report.invalidRows).toBe(3);
		});

		it('zhijia validate fails on the swallowing file (exit 1)', async () => {
			const r = await validate({ 'estates.csv': damaged });
			expect(r.code).toBe(1);
			expect(r.out).toContain('✗ 第 4 行 · name');
		});
	});

	describe('3. mixed encodings are read line by line; undecodable lines are errors with their rows', () => {
		// Half the rows saved as UTF-8, half as GBK (two exports pasted together).
		const mixed = (rows: string[]) => {
			const parts = rows.map((l, i) => (i % 2 === 0 ? utf8(l + '\r\n') : gbk(l + '\r\n')));
			const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
			let at = 0;
			for (const p of parts) out.set(p, (at += p.length) - p.length);
			return out;
		};

		it('every name lands exactly as written: no mojibake', async () => {
			const rows = [HEADER, ...LINES.slice(1, 121)];
			const p = await prepareImport({ name: 'e.csv', bytes: mixed(rows) });
			expect(p.encoding).toBe('mixed');
			expect(p.problems.find((x) => x.code === 'mixed_encoding')?.params).toEqual({ utf8: 60, gb: 60 });
			expect(p.counts.errors).toBe(0);
			const r = await commitImport(engine, p);
			expect(r).toMatchObject({ committed: true, inserted: 120 });
			const names = (await engine.rows('SELECT name FROM estates')).map((x) => x.name);
			expect(names).toEqual(LINES.slice(1, 121).map((l) => l.split(',')[1]));
		});

		it('a line that is neither UTF-8 nor GB18030 is an error of its row; the rest is intact', async () => {
			const rows = [HEADER, ...LINES.slice(1, 7)];
			const bytes = mixed(rows);
			// Break row 4's bytes: a lone 0xFF inside its name.
			const line4 = bytes.indexOf(0x0a, bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1) + 1;
			const broken = new Uint8Array([...bytes.subarray(0, line4 + 8), 0xff, ...bytes.subarray(line4 + 8)]);
			const p = await prepareImport({ name: 'e.csv', bytes: broken });
			const bad = p.problems.filter((x) => x.severity === 'error');
			expect(bad.map((x) => [x.row, x.code])).toEqual([[4, 'undecodable']]);
			expect(bad[0].message.zh).toMatch(/这一行有 \d+ 处字符无法按 .* 解码/);
			expect(await commitImport(engine, p)).toMatchObject({ committed: false, reason: 'errors' });
			const kept = await commitImport(engine, p, { dropInvalid: true });
			expect(kept).toMatchObject({ committed: true, inserted: 5, dropped: 1 });
			expect((await engine.rows('SELECT name FROM estates ORDER BY estate_id')).map((x) => x.name)).toEqual(
				[1, 2, 4, 5, 6].map((i) => LINES[i].split(',')[1])
			);
		});
	});
}
