/** `zhijia validate`: human and JSON output, languages, --kind, exit codes; once through a real child process. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../../src/cli/validate';
import type { Engine } from '../../../src/lib/engine/engine';
import { csvText, ESTATES_ZH, gbk, SCORES_ZH, tempFiles, utf8 } from '../../fixtures/import-files';

// The in-process runs share the engine of engine.test.ts (runValidate starts its own when given none, as the
// child process shows).
let engine: Engine;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
	let out = '';
	let err = '';
	const code = await runValidate(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), engine });
	return { code, out, err };
}

const bad = csvText([
	['小区编号', '期间', '指标', '得分', '来源'],
	['LJ0001', '2024Q1', '保洁', 'abc', '检查'],
	['LJ0001', '2024Q1', '绿化', 120, '检查'],
	['LJ9999', '2024年第一季度', '保洁', 80, '检查'],
	['LJ0002', '2024Q1', '保洁', 33, '检查']
]);

const { paths } = tempFiles({
	'小区.csv': gbk(csvText(ESTATES_ZH)),
	'得分.csv': utf8(csvText(SCORES_ZH), true),
	'坏得分.csv': utf8(bad),
	'坏.xlsx': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]),
	'只有编号.csv': utf8('小区编号,户数\nLJ0001,5\n'),
	'季度考评.csv': gbk(csvText([['2024年第一季度物业服务质量检查考评表'], ['小区编号', '检查日期', '综合管理', '保洁'], ['LJ0001', '2024-02-15', 90, 88], ['LJ0002', '2024/3/1', 80, 76]]))
});

/** Registers the CLI cases on a shared engine (engine.test.ts owns it). */
export function cliCases(getEngine: () => Engine): void {
	describe('zhijia validate', () => {
		beforeAll(() => {
			engine = getEngine();
		});

		it('valid files: exit 0, kind, encoding and rows per file, in Chinese by default', async () => {
			const r = await run([paths['小区.csv'], paths['得分.csv']]);
			expect(r.code).toBe(0);
			expect(r.out).toContain('数据：小区 (estates)　编码：gb18030　行数：4');
			expect(r.out).toContain('数据：服务质量得分 (scores)　编码：utf-8-bom　行数：5');
			expect(r.out).toContain('共 2 个文件：0 个有错误');
			// Nothing was converted: no line about it.
			expect(r.out).not.toContain('自动换算');
		}, 60_000);

		it('names the conversions it chose by itself: inspection dates under a quarter title read as that quarter', async () => {
			const r = await run([paths['小区.csv'], paths['季度考评.csv']]);
			expect(r.code).toBe(0);
			expect(r.out).toContain('  自动换算：检查日期 日期 → 季度\n');
			const en = await run(['--lang', 'en', paths['小区.csv'], paths['季度考评.csv']]);
			expect(en.out).toContain('  converted automatically: 检查日期 Date → quarter\n');
		}, 60_000);

		it('--json prints exactly files/kind/encoding/rows/errors/warnings, checked together with the estates given', async () => {
			const r = await run([paths['小区.csv'], paths['坏得分.csv'], '--json', '--lang', 'en']);
			expect(r.code).toBe(1);
			const json = JSON.parse(r.out);
			expect(Object.keys(json)).toEqual(['files']);
			for (const f of json.files) expect(Object.keys(f)).toEqual(['file', 'kind', 'encoding', 'rows', 'errors', 'warnings']);
			const scores = json.files[1];
			expect(scores).toMatchObject({ file: paths['坏得分.csv'], kind: 'scores', encoding: 'utf-8', rows: 4 });
			expect(scores.errors).toEqual([
				{ row: 2, column: '得分', value: 'abc', message: 'Not a number' },
				{ row: 3, column: '得分', value: '120', message: 'Out of range (0 to 100)' },
				{ row: 4, column: '小区编号', value: 'LJ9999', message: 'Estate LJ9999 is not in the estates data' }
			]);
			expect(scores.warnings).toEqual([]);
			expect(json.files[0].errors).toEqual([]);
		}, 60_000);

		it('--kind forces the dataset; problems are listed in Chinese', async () => {
			const r = await run([paths['只有编号.csv'], '--kind', 'estates']);
			expect(r.code).toBe(1);
			expect(r.out).toContain('缺少必需列「小区名称」（name）');
		}, 60_000);

		it('usage errors and unreadable files exit 2', async () => {
			expect((await run([])).code).toBe(2);
			expect((await run(['--kind', 'cats', paths['得分.csv']])).code).toBe(2);
			expect((await run(['--frobnicate', paths['得分.csv']])).code).toBe(2);
			const missing = await run([join(paths['得分.csv'], '..', 'no-such.csv')]);
			expect(missing.code).toBe(2);
			expect(missing.err).toContain('no-such.csv');
			const broken = await run([paths['坏.xlsx'], '--json']);
			expect(broken.code).toBe(2);
			// Said in Chinese, not in the library's English ("Unsupported ZIP file").
			const message = JSON.parse(broken.out).files[0].errors[0].message as string;
			expect(message).toMatch(/^文件是 ZIP 压缩包，但里面不是 Excel 工作簿|^Excel 工作簿无法打开/);
			expect(message).not.toMatch(/[A-Za-z]{5,} [a-z]{3,}/);
			expect((await run(['--help'])).code).toBe(0);
		}, 60_000);

		it('runs as a command through tsx (exit code and JSON from a real process)', async () => {
			// A file with a file-level error: no check over all rows is needed, so the child never starts an
			// engine and the test stays fast. The engine path is the same code, tested in-process above.
			const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
			const result = await promisify(execFile)(tsx, ['src/cli/validate.ts', paths['只有编号.csv'], '--kind', 'estates', '--json'], { cwd: process.cwd() }).then(
				(r) => ({ code: 0, stdout: r.stdout }),
				(e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout })
			);
			expect(result.code).toBe(1);
			const json = JSON.parse(result.stdout);
			expect(json.files[0]).toMatchObject({ kind: 'estates', encoding: 'utf-8', rows: 1 });
			expect(json.files[0].errors.map((e: { message: string }) => e.message)).toContain('缺少必需列「小区名称」（name）');
		}, 60_000);
	});
}
