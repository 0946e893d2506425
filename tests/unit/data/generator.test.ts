/**
 * The sample generator is deterministic: two runs write byte-identical files, and the committed files
 * are what it writes. One run goes through the CLI (a child process, in parallel on the other core),
 * one through the exported function.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_FILES } from '$lib/data/datasets';
import { writeSample } from '../../../data/generate-sample.mjs';
import { SAMPLE_DIR } from './csv';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
	const d = mkdtempSync(join(tmpdir(), 'zhijia-sample-'));
	dirs.push(d);
	return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('generate-sample.mjs', () => {
	it('writes byte-identical files on every run, equal to the committed ones', async () => {
		const [cliDir, fnDir] = [tempDir(), tempDir()];
		const cli = run(process.execPath, [join(process.cwd(), 'data', 'generate-sample.mjs'), cliDir]);
		const written = writeSample(fnDir);
		await cli;

		const names = SAMPLE_FILES.map((f) => f.file).sort();
		expect(written.map((w) => w.file).sort()).toEqual(names);
		expect(readdirSync(cliDir).sort()).toEqual(names);
		expect(readdirSync(SAMPLE_DIR).filter((f) => f.endsWith('.csv')).sort()).toEqual(names);
		for (const name of names) {
			const a = readFileSync(join(cliDir, name));
			const b = readFileSync(join(fnDir, name));
			const committed = readFileSync(join(SAMPLE_DIR, name));
			expect(a.equals(b), `${name}: two runs differ`).toBe(true);
			expect(a.equals(committed), `${name}: differs from data/sample (run: node data/generate-sample.mjs)`).toBe(true);
		}
	});

	it('writes UTF-8 without a BOM, with a final newline and no quoting', () => {
		for (const { file } of SAMPLE_FILES) {
			const bytes = readFileSync(join(SAMPLE_DIR, file));
			expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), file).toBe(false);
			const text = bytes.toString('utf8');
			expect(Buffer.from(text, 'utf8').equals(bytes), `${file} is valid UTF-8`).toBe(true);
			expect(text.endsWith('\n')).toBe(true);
			expect(text).not.toMatch(/["\r]/);
		}
	});
});
