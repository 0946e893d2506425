/**
 * `zhijia validate` without --recipe checks a file the way `zhijia import` and the data page take it (docs/sources.md
 * §18.6): a ledger without estate ids gets the suggested parts (ids generated from the names, its fees found by
 * name), so the problems are those the import reports, not a missing 小区编号 column. Run through the built
 * command line (bin/zhijia.mjs; the unit tests' global setup builds it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gbk } from '../../fixtures/import-files';

const LEDGER = 'tests/fixtures/real-shapes/recipes-ledger-2024.xlsx';

function zhijia(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(process.execPath, ['bin/zhijia.mjs', ...args], (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
	});
}

interface Json {
	files: { file: string; kind: string | null; rows: number; errors: { row: number | null; column: string | null; value: string | null; message: string }[] }[];
}

let scratch: string | undefined;
afterAll(async () => {
	if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('zhijia validate without --recipe', () => {
	it('checks a ledger without ids as the import takes it: estates and fees, the one unknown word, no missing id', async () => {
		const v = await zhijia(['validate', LEDGER, '--json', '--lang', 'en']);
		expect(v.stderr).toBe('');
		expect(v.code).toBe(1);
		const json = JSON.parse(v.stdout) as Json;
		expect(json.files.map((f) => [f.file, f.kind, f.rows])).toEqual([
			[`${LEDGER} (estates)`, 'estates', 5],
			[`${LEDGER} (fees)`, 'fees', 5]
		]);
		const errors = json.files.flatMap((f) => f.errors);
		expect(errors.filter((e) => e.message.startsWith('Missing required column'))).toEqual([]);
		expect(json.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[7, '小区类型', '单位集资房']]);
		// The same list `zhijia import` prints when it refuses the same file.
		scratch = await mkdtemp(join(tmpdir(), 'zhijia-validate-'));
		const i = await zhijia(['import', LEDGER, '--out', join(scratch, 'out'), '--lang', 'en']);
		expect(i.code).toBe(1);
		expect(JSON.parse(v.stdout)).toEqual(JSON.parse(i.stdout));
	}, 120_000); // two processes, each starting its own engine

	it('says how to answer an unmatched name from the command line (the file, or a recipe with the names chosen), not through the page', async () => {
		scratch ??= await mkdtemp(join(tmpdir(), 'zhijia-validate-'));
		const file = join(scratch, '得分.csv');
		await writeFile(file, '小区名称,考核期,指标,得分,来源\n梅澜公寓,2026Q1,保洁,85,巡查\n丽景苑,2026Q1,保洁,80,巡查\n丽景苑,2026Q2,保洁,82,巡查\n');
		const v = await zhijia(['validate', 'data/sample/estates.csv', file, '--json']);
		expect(v.code).toBe(1);
		const errors = (JSON.parse(v.stdout) as Json).files.flatMap((f) => f.errors);
		expect(errors.map((e) => [e.row, e.column, e.value])).toEqual([[3, '小区名称', '丽景苑']]);
		expect(errors[0].message).toContain('丽景苑”找不到对应的小区（2 行）');
		expect(errors[0].message).toContain('用 --recipe 传入');
		expect(errors[0].message).not.toContain('请在“名称对应”中选择');
		const text = await zhijia(['validate', 'data/sample/estates.csv', file, '--lang', 'en']);
		expect(text.stdout).toContain('export the recipe and pass it with --recipe');
	}, 120_000);

	it('a GBK fee sheet keyed by 小区 with its year in the title is fees found by name, as the data page takes it', async () => {
		scratch ??= await mkdtemp(join(tmpdir(), 'zhijia-validate-'));
		const file = join(scratch, '收费.csv');
		const text = '2025年住宅小区物业服务收费情况\n小区,物业费标准,收缴率\n锦馨一村小区,0.85,92%\n梅 澜 公 寓,1.2,0.9\n梅澜公寓（一期）,1.20元/㎡·月,95%\n';
		await writeFile(file, gbk(text));
		const v = await zhijia(['validate', 'data/sample/estates.csv', file, '--json']);
		expect(v.code).toBe(1);
		const fees = (JSON.parse(v.stdout) as Json).files.find((f) => f.file === file)!;
		expect(fees.kind).toBe('fees');
		// Two names found (小区 dropped, spaces ignored); a phase is not the estate, so it is asked, not joined.
		expect(fees.errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, '小区', '梅澜公寓（一期）']]);
	}, 120_000);

	it('--kind still forces one dataset and checks the file as it is', async () => {
		const v = await zhijia(['validate', LEDGER, '--kind', 'estates', '--json', '--lang', 'en']);
		expect(v.code).toBe(1);
		const json = JSON.parse(v.stdout) as Json;
		expect(json.files.map((f) => f.file)).toEqual([LEDGER]);
		expect(json.files[0].errors.map((e) => e.message)).toContain("Missing required column 'Estate ID' (estate_id)");
	}, 60_000);
});
