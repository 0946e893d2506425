/** `zhijia subsidy` in-process on the sample district: outputs, a policy file, budget overrides, exit codes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubsidy } from '../../../src/cli/subsidy';

async function run(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await runSubsidy(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'zhijia-subsidy-'));
	await writeFile(join(dir, 'capped.json'), JSON.stringify({ extends: 'shaoxing-split', budget: { caps: 20_000_000, rule: 'lowest_score_first' } }));
	await writeFile(join(dir, 'broken.json'), '{ "extends": ');
	await writeFile(join(dir, 'invalid.json'), JSON.stringify({ extends: 'xiamen-declining', taper: [1, 1] }));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('zhijia subsidy', () => {
	it('writes the plan as JSON: 48 relocation estates × 5 years, with reasons', { timeout: 90_000 }, async () => {
		const r = await run('data/sample', '--policy', 'shaoxing-split', '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.policy.id).toBe('shaoxing-split');
		expect(out.latestDataYear).toBe(2025);
		expect(out.rows).toHaveLength(240);
		expect(new Set(out.rows.map((x: { estate_id: string }) => x.estate_id)).size).toBe(48);
		expect(out.totals).toHaveLength(5);
		expect(out.rows.some((x: { reasons: string[] }) => x.reasons.includes('collection_below_floor'))).toBe(true);
	});

	it('writes CSV for Excel and a table for people', { timeout: 90_000 }, async () => {
		const csv = await run('data/sample', '--policy', 'xiamen-declining', '--csv');
		expect(csv.code).toBe(0);
		expect(csv.stdout.startsWith('\uFEFF小区编号,')).toBe(true);
		expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(241);
		const table = await run('data/sample', '--policy', 'finance-paid-3y', '--year', '2026');
		expect(table.code).toBe(0);
		expect(table.stdout).toContain('Policy finance-paid-3y');
		expect(table.stdout.split('\n').filter((l) => /^LJ\d{4}\s+2026/.test(l))).toHaveLength(48);
	});

	it('reads a policy file extending a preset, and takes --cap / --rule', { timeout: 90_000 }, async () => {
		const r = await run('data/sample', '--policy', join(dir, 'capped.json'), '--json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.policy.provenance.budget.tag).toBe('user');
		for (const t of out.totals) {
			expect(t.binding).toBe(true);
			expect(t.paid).toBeCloseTo(20_000_000, 3);
			expect(typeof t.partial_estate_id).toBe('string');
		}
		const pro = await run('data/sample', '--policy', 'shaoxing-split', '--cap', '10000000', '--rule', 'pro_rata', '--json');
		expect(JSON.parse(pro.stdout).rows.every((x: { funding: string }) => x.funding === 'pro_rata')).toBe(true);
	});

	it('compares variants', { timeout: 90_000 }, async () => {
		const r = await run('data/sample', '--policy', 'shaoxing-split', '--compare', 'xiamen-declining', '--compare', 'finance-paid-3y');
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('xiamen-declining paid');
		expect(r.stdout.split('\n').filter((l) => /^20(26|27|28|29|30)\s/.test(l))).toHaveLength(5);
	});

	it('exits 2 on usage errors and unreadable input, 0 on --help', async () => {
		expect((await run('--help')).code).toBe(0);
		const noPolicy = await run('data/sample');
		expect(noPolicy.code).toBe(2);
		expect(noPolicy.stderr).toContain('--policy');
		expect((await run('--policy', 'shaoxing-split')).code).toBe(2);
		const unknown = await run('data/sample', '--policy', 'no-such-preset');
		expect([unknown.code, unknown.stderr.includes('shaoxing-split')]).toEqual([2, true]);
		expect((await run('data/sample', '--policy', 'shaoxing-split', '--json', '--csv')).code).toBe(2);
		expect((await run('data/sample', '--policy', 'shaoxing-split', '--rule', 'random')).code).toBe(2);
		expect((await run('data/sample', '--policy', 'shaoxing-split', '--cap', '-1')).code).toBe(2);
		expect((await run(join(dir, 'nowhere'), '--policy', 'shaoxing-split')).code).toBe(2);
		const broken = await run('data/sample', '--policy', join(dir, 'broken.json'));
		expect([broken.code, broken.stderr.includes('not valid JSON')]).toEqual([2, true]);
		const invalid = await run('data/sample', '--policy', join(dir, 'invalid.json'));
		expect([invalid.code, invalid.stderr.includes('taper needs one entry per plan year')]).toEqual([2, true]);
		expect((await run('data/sample', '--policy', join(dir, 'missing.json'))).code).toBe(2);
		expect((await run('data/sample', '--policy', 'shaoxing-split', '--bogus')).code).toBe(2);
	});
});
