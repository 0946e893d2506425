/**
 * `--engine wasm|native` of `zhijia analyze` and `zhijia subsidy`: on the sample district both engines give the
 * same output, row by row and field by field, and the native loader refuses the same bad files. In-process.
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

const SAMPLE = 'data/sample';
const TINY = 'tests/unit/cli/fixtures/tiny';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

/** The command's JSON output on each engine. */
async function onBothEngines(args: string[]): Promise<{ wasm: unknown; native: unknown }> {
	const out: Record<string, unknown> = {};
	for (const engine of ['wasm', 'native']) {
		const r = await run([...args, '--json', '--engine', engine]);
		expect(r.stderr, engine).toBe('');
		expect(r.code, engine).toBe(0);
		out[engine] = JSON.parse(r.stdout);
	}
	return { wasm: out.wasm, native: out.native };
}

/**
 * Every difference between two JSON values, as "path: a vs b": same types, same keys in the same order, same array
 * lengths and order, equal strings / booleans / nulls, numbers equal within 1e-9 relative (parallel sums in native
 * DuckDB may round the last digit differently).
 */
function differences(a: unknown, b: unknown, path = '$'): string[] {
	if (typeof a === 'number' && typeof b === 'number') {
		return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} vs ${b}`];
	}
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return [`${path}: length ${a.length} vs ${b.length}`];
		return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
	}
	if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
		const [ka, kb] = [Object.keys(a), Object.keys(b)];
		if (ka.join() !== kb.join()) return [`${path}: keys ${ka.join()} vs ${kb.join()}`];
		return ka.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
	}
	return Object.is(a, b) ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

/** How many numbers a JSON value holds (to show a comparison is not vacuous). */
function numbersIn(v: unknown): number {
	if (typeof v === 'number') return 1;
	if (v !== null && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + numbersIn(x), 0);
	return 0;
}

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'zhijia-engines-'));
});
afterAll(async () => {
	if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('wasm and native engines give the same results on the sample district', { timeout: 120_000 }, () => {
	it('analyze: every estate, every field', async () => {
		const { wasm, native } = await onBothEngines(['analyze', SAMPLE]);
		const rows = wasm as Record<string, unknown>[];
		expect(rows).toHaveLength(240);
		expect(rows.filter((r) => typeof r.q === 'number' && typeof r.residual === 'number').length).toBeGreaterThan(200);
		expect(new Set(rows.map((r) => r.band)).size).toBeGreaterThan(2);
		expect(differences(wasm, native)).toEqual([]);
	});

	it('subsidy: the plan of one policy (rows with reasons, totals)', async () => {
		const { wasm, native } = await onBothEngines(['subsidy', SAMPLE, '--policy', 'shaoxing-split']);
		const plan = wasm as { rows: { estate_id: string; paid: number; reward: number }[]; totals: unknown[] };
		expect(plan.rows).toHaveLength(240);
		expect(new Set(plan.rows.map((r) => r.estate_id)).size).toBe(48);
		expect(plan.rows.filter((r) => r.paid > 0 && r.reward > 0).length).toBeGreaterThan(48);
		expect(plan.totals).toHaveLength(5);
		expect(differences(wasm, native)).toEqual([]);
	});

	it('subsidy: two policies compared under a binding cap (partial funding by priority)', async () => {
		const args = ['subsidy', SAMPLE, '--policy', 'xiamen-declining', '--compare', 'finance-paid-3y', '--cap', '20000000', '--rule', 'lowest_score_first'];
		const { wasm, native } = await onBothEngines(args);
		const out = wasm as { plans: { rows: { funding: string }[]; totals: { binding: boolean }[] }[] };
		expect(out.plans).toHaveLength(2);
		expect(out.plans[0].totals.some((t) => t.binding)).toBe(true);
		expect(out.plans[0].rows.some((r) => r.funding === 'partial')).toBe(true);
		expect(numbersIn(wasm)).toBeGreaterThan(3000);
		expect(differences(wasm, native)).toEqual([]);
	});
});

describe('--engine', { timeout: 120_000 }, () => {
	it('refuses any other value with exit 2, naming the allowed values', async () => {
		for (const command of [['analyze', TINY], ['subsidy', SAMPLE, '--policy', 'shaoxing-split']]) {
			const r = await run([...command, '--engine', 'duckdb']);
			expect(r.code).toBe(2);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain("--engine must be one of wasm, native, got 'duckdb'");
		}
		expect((await run(['analyze', TINY, '--engine'])).code).toBe(2);
	});

	it('is documented in both commands’ help', async () => {
		for (const command of ['analyze', 'subsidy']) {
			const r = await run([command, '--help']);
			expect(r.code).toBe(0);
			expect(r.stdout).toMatch(/--engine <e>\s+wasm \(default\)/);
			expect(r.stdout).toMatch(/native: native DuckDB/);
		}
	});

	it('native refuses the same bad files as wasm, naming them', async () => {
		const dir = join(scratch, 'bad');
		await mkdir(dir, { recursive: true });
		for (const f of ['estates.csv', 'scores.csv']) await copyFile(join(TINY, f), join(dir, f));
		const fees = join(dir, 'fees.csv');
		const cases: [string | Buffer, RegExp][] = [
			['estate_id,fee,year,fee_unit,collection_rate\nH1,1.0,2025,per_m2_month,0.9\n', /header is/],
			['estate_id,year,fee,fee_unit,collection_rate\nH1,2025,cheap,per_m2_month,0.9\n', /cheap|convert|Conversion/i],
			// "小区" in GBK at the start, and after 100,000 good rows (past the start the CLI checks itself).
			[Buffer.from([0xd0, 0xa1, 0xc7, 0xf8, 0x0a]), /is not UTF-8/],
			[
				Buffer.concat([
					Buffer.from('estate_id,year,fee,fee_unit,collection_rate\n' + 'H1,2025,1.0,per_m2_month,0.9\n'.repeat(100_000)),
					Buffer.from([0xd0, 0xa1, 0xc7, 0xf8]),
					Buffer.from(',2025,1.0,per_m2_month,0.9\n')
				]),
				/line 100002 is not UTF-8/
			]
		];
		for (const [content, message] of cases) {
			await writeFile(fees, content);
			for (const engine of ['wasm', 'native']) {
				const r = await run(['analyze', dir, '--engine', engine]);
				expect(r.code, `${engine}: ${r.stderr}`).toBe(2);
				expect(r.stderr).toContain(fees);
				if (engine === 'native') expect(r.stderr).toMatch(message);
			}
		}
	});

	it('native takes a list of files, and refuses a path DuckDB would read as a pattern', async () => {
		const files = ['estates.csv', 'scores.csv', 'fees.csv'].map((f) => join(TINY, f));
		const r = await run(['analyze', ...files, '--system', `${TINY}/system.json`, '--catalogue', `${TINY}/catalogue.json`, '--json', '--engine', 'native']);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toHaveLength(10);

		const odd = join(scratch, 'data*');
		await mkdir(odd, { recursive: true });
		for (const f of ['estates.csv', 'scores.csv', 'fees.csv']) await copyFile(join(TINY, f), join(odd, f));
		const glob = await run(['analyze', odd, '--engine', 'native']);
		expect(glob.code).toBe(2);
		expect(glob.stderr).toMatch(/reads as a file pattern/);
		expect((await run(['analyze', odd])).code).toBe(0);
	});
});
