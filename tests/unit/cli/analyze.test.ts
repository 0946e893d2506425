import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

/**
 * The `zhijia analyze` command line, run as a child process through bin/zhijia.mjs (as users run it) on the sample
 * district and on the hand-worked tiny district (tests/unit/cli/fixtures/tiny, worked in
 * tests/unit/queries/analysis.test.ts), and in-process for the many ways input can be wrong.
 */
const TINY = 'tests/unit/cli/fixtures/tiny';
const TINY_SETTINGS = ['--system', `${TINY}/system.json`, '--catalogue', `${TINY}/catalogue.json`];

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs bin/zhijia.mjs with Node and collects its exit code and output. */
function cli(args: string[]): Promise<Run> {
	return new Promise((resolve) => {
		execFile(process.execPath, ['bin/zhijia.mjs', ...args], { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({ code, stdout, stderr });
		});
	});
}

/** Runs the CLI in-process (no child: fast) and collects what it writes. */
async function inProcess(args: string[]): Promise<Run> {
	let stdout = '';
	let stderr = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'zhijia-cli-'));
}, 120_000); // engine start-up is slow on a loaded machine
afterAll(async () => {
	if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('zhijia analyze as a child process', () => {
	it('analyses the tiny district as JSON: the hand-worked rows', async () => {
		const r = await cli(['analyze', TINY, ...TINY_SETTINGS, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
		expect(rows.map((x) => x.estate_id)).toEqual(['H1', 'H2', 'H3', 'H4', 'M1', 'M2', 'M3', 'M4', 'M5', 'X1']);
		expect(Object.keys(rows[0])).toEqual(['estate_id', 'name', 'q', 'grade', 'fee_m2', 'guide_price', 'qpr', 'band', 'expected_fee', 'residual']);
		// H1: Q 84.8, grade 2, fee 1.84 on the plane, guide 1.90, QPR 1.0326 matched, residual 0.
		const h1 = rows[0] as Record<string, number | string>;
		expect(h1).toMatchObject({ name: '高一苑', grade: 2, fee_m2: 1.84, guide_price: 1.9, band: 'matched' });
		expect(h1.q).toBeCloseTo(84.8, 12);
		expect(h1.qpr).toBeCloseTo(1.9 / 1.84, 12);
		expect(h1.expected_fee).toBeCloseTo(1.84, 9);
		expect(h1.residual).toBeCloseTo(0, 9);
		// M1: 24 元/户·月 over 60 ㎡ = 0.40; Q 70.25, grade 3, guide 0.90, QPR 2.25; expected 0.72 + b·(70.25 − 69.45).
		const m1 = rows[4] as Record<string, number | string>;
		expect(m1).toMatchObject({ name: '=多一村', grade: 3, guide_price: 0.9, band: 'quality_above_price' });
		expect(m1.fee_m2).toBeCloseTo(0.4, 12);
		expect(m1.expected_fee).toBeCloseTo(0.72 + (9.98 / 537.55) * 0.8, 12);
		expect(rows[9]).toMatchObject({ estate_id: 'X1', q: null, grade: null, band: null, expected_fee: null, residual: null });
	}, 120_000);

	it('writes CSV for Excel: BOM, CRLF, formula text neutralised, numbers left as numbers', async () => {
		const r = await cli(['analyze', TINY, ...TINY_SETTINGS, '--csv']);
		expect(r.code).toBe(0);
		expect(r.stdout.startsWith('\uFEFFestate_id,name,q,grade,fee_m2,guide_price,qpr,band,expected_fee,residual\r\n')).toBe(true);
		const lines = r.stdout.slice(1).split('\r\n');
		const m1 = lines.find((l) => l.startsWith('M1,'))!.split(',');
		expect(m1[1]).toBe("'=多一村");
		expect(Number(m1[9])).toBeCloseTo(-0.3349, 4);
		expect(m1[9].startsWith('-')).toBe(true);
		expect(lines.find((l) => l.startsWith('X1,'))).toBe('X1,未评小区,,,1.5,,,,,');
	}, 120_000);

	it('analyses the sample district as a table and exits 0', async () => {
		const r = await cli(['analyze', 'data/sample']);
		expect(r.code).toBe(0);
		const estates = (await readFile('data/sample/estates.csv', 'utf8')).trim().split('\n').length - 1;
		const rows = r.stdout.split('\n').filter((l) => /^\S+\s/.test(l) && !l.startsWith('estate_id') && !l.startsWith('Period') && !l.startsWith('peer'));
		expect(rows.filter((l) => !l.startsWith('-'))).toHaveLength(estates);
		expect(r.stdout).toMatch(/^Period \d{4}Q[1-4] \(previous \d{4}Q[1-4]\) · catalogue illustrative-shanghai-style/);
		expect(r.stdout).toMatch(/peer model multi: fee = /);
	}, 120_000);

	it('exits 2 with a message naming the path when the input is missing', async () => {
		const r = await cli(['analyze', 'no/such/dir']);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('no/such/dir');
	}, 120_000);

	it('exits 2 on a usage error', async () => {
		const r = await cli(['analyze', '--frobnicate', TINY]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/frobnicate/);
	}, 120_000);
});

describe('zhijia analyze, arguments and inputs (in-process)', { timeout: 120_000 }, () => {
	it('prints help with exit 0, and usage with exit 2 when the command is missing or unknown', async () => {
		expect((await inProcess(['analyze', '--help'])).stdout).toMatch(/^Usage: zhijia analyze/);
		expect((await inProcess(['--help'])).code).toBe(0);
		expect((await inProcess([])).code).toBe(2);
		const unknown = await inProcess(['analyse-this']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/unknown command 'analyse-this'/);
	});

	it('refuses conflicting or missing arguments', async () => {
		expect((await inProcess(['analyze'])).code).toBe(2);
		const both = await inProcess(['analyze', TINY, '--json', '--csv']);
		expect(both.code).toBe(2);
		expect(both.stderr).toMatch(/--json and --csv/);
	});

	it('takes a list of files instead of a directory', async () => {
		const files = ['estates.csv', 'scores.csv', 'fees.csv'].map((f) => join(TINY, f));
		const r = await inProcess(['analyze', ...files, ...TINY_SETTINGS, '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toHaveLength(10);
	});

	it('reads only the files it analyses: a file of another dataset beside them, even a malformed one, changes nothing', async () => {
		const dir = join(scratch, 'with-tickets');
		await rm(dir, { recursive: true, force: true });
		await import('node:fs/promises').then((fs) => fs.mkdir(dir));
		for (const f of ['estates.csv', 'scores.csv', 'fees.csv']) await copyFile(join(TINY, f), join(dir, f));
		// Not the tickets header and not UTF-8: loading it would stop the command.
		await writeFile(join(dir, 'tickets.csv'), Buffer.from([0xd0, 0xa1, 0xc7, 0xf8, 0x0a]));
		const r = await inProcess(['analyze', dir, ...TINY_SETTINGS, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const rows = JSON.parse(r.stdout) as { estate_id: string }[];
		expect(rows.map((x) => x.estate_id)).toEqual(['H1', 'H2', 'H3', 'H4', 'M1', 'M2', 'M3', 'M4', 'M5', 'X1']);
	});

	it('names the file that is missing, unreadable or malformed', async () => {
		const missing = await inProcess(['analyze', join(TINY, 'estates.csv'), join(TINY, 'scores.csv')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toMatch(/missing fees\.csv/);

		const notData = await inProcess(['analyze', join(TINY, 'system.json')]);
		expect(notData.code).toBe(2);
		expect(notData.stderr).toContain('system.json: is not a data file');

		const dir = join(scratch, 'bad-header');
		await rm(dir, { recursive: true, force: true });
		await import('node:fs/promises').then((fs) => fs.mkdir(dir));
		for (const f of ['estates.csv', 'scores.csv']) await copyFile(join(TINY, f), join(dir, f));
		await writeFile(join(dir, 'fees.csv'), 'estate_id,fee,year,fee_unit,collection_rate\nH1,1.0,2025,per_m2_month,0.9\n');
		const header = await inProcess(['analyze', dir]);
		expect(header.code).toBe(2);
		expect(header.stderr).toContain(join(dir, 'fees.csv'));
		expect(header.stderr).toMatch(/header/);

		await writeFile(join(dir, 'fees.csv'), 'estate_id,year,fee,fee_unit,collection_rate\nH1,2025,cheap,per_m2_month,0.9\n');
		const value = await inProcess(['analyze', dir]);
		expect(value.code).toBe(2);
		expect(value.stderr).toContain(join(dir, 'fees.csv'));

		// "小区" in GBK: Chinese Excel's default CSV encoding, not UTF-8.
		await writeFile(join(dir, 'fees.csv'), Buffer.from([0xd0, 0xa1, 0xc7, 0xf8, 0x0a]));
		const gbk = await inProcess(['analyze', dir]);
		expect(gbk.code).toBe(2);
		expect(gbk.stderr).toMatch(/fees\.csv: is not UTF-8/);
	});

	it('names a bad indicator system or catalogue, and accepts a shipped catalogue by id', async () => {
		const system = join(scratch, 'system.json');
		await writeFile(system, JSON.stringify({ id: 'x' }));
		const bad = await inProcess(['analyze', TINY, '--system', system]);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain(`${system}: is not a usable indicator system`);

		await writeFile(system, '{ not json');
		expect((await inProcess(['analyze', TINY, '--system', system])).stderr).toMatch(/is not valid JSON/);

		const unknown = await inProcess(['analyze', TINY, '--catalogue', 'atlantis-2030']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toMatch(/atlantis-2030: is neither a JSON file nor a shipped catalogue/);

		const shipped = await inProcess(['analyze', TINY, '--system', `${TINY}/system.json`, '--catalogue', 'shaanxi-xian', '--json']);
		expect(shipped.code).toBe(0);
		// Shaanxi/Xi'an has no grade 5: M3 (grade 5) gets no guide price.
		expect(JSON.parse(shipped.stdout).find((r: { estate_id: string }) => r.estate_id === 'M3').guide_price).toBeNull();
	});

	it('analyses an earlier period on request and refuses one without scores', async () => {
		const r = await inProcess(['analyze', TINY, ...TINY_SETTINGS, '--period', '2025Q3', '--json']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)[0]).toMatchObject({ estate_id: 'H1', q: 80, grade: 2 });
		const none = await inProcess(['analyze', TINY, ...TINY_SETTINGS, '--period', '2031Q1']);
		expect(none.code).toBe(2);
		expect(none.stderr).toMatch(/No scores for period '2031Q1'/);
	});
});
