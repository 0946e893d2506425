/** `zhijia subsidy` in-process on the sample district: outputs, a policy file, budget overrides, exit codes. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { readFile } from 'node:fs/promises';
import { runSubsidy } from '../../../src/cli/subsidy';
import { evaluateSumFormula, numberToFen, parseCsv, textToFen } from '../helpers/sheet-readback';

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
		// header, 240 estate rows, a total row per year and one over all years
		expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 240 + 5 + 1);
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

	/**
	 * The finance office's check: a cap of 3,000,000.00 a year shared pro rata among the 48 relocation
	 * estates must be paid out to the fen, in the CSV, the xlsx and the JSON, summing the estate rows as written.
	 */
	it('--cap 3000000: the estate rows of each year add up to 3,000,000.00 exactly in CSV, xlsx and JSON', { timeout: 120_000 }, async () => {
		const CAP_FEN = 300_000_000;
		const xlsxPath = join(dir, 'plan.xlsx');
		const csv = await run('data/sample', '--policy', 'shaoxing-split', '--cap', '3000000', '--csv', '--xlsx', xlsxPath);
		expect(csv.code).toBe(0);
		const [header, ...rows] = parseCsv(csv.stdout);
		const paid = header.indexOf('拨付合计(元)');
		const year = header.indexOf('年度');
		const estateRows = rows.filter((r) => r[0] !== '合计');
		expect(estateRows).toHaveLength(240);
		for (const y of ['2026', '2027', '2028', '2029', '2030']) {
			const yearRows = estateRows.filter((r) => r[year] === y);
			expect(yearRows).toHaveLength(48);
			expect(yearRows.reduce((s, r) => s + textToFen(r[paid]), 0)).toBe(CAP_FEN);
			const total = rows.find((r) => r[0] === '合计' && r[year] === y) as string[];
			expect(textToFen(total[paid])).toBe(CAP_FEN);
		}

		const wb = XLSX.read(await readFile(xlsxPath), { type: 'buffer', cellFormula: true });
		const ws = wb.Sheets['补贴测算'];
		const data = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
		const h = data[0] as string[];
		const col = h.indexOf('拨付合计(元)');
		const yc = h.indexOf('年度');
		for (const y of [2026, 2027, 2028, 2029, 2030]) {
			const yearRows = data.slice(1).filter((r) => r[0] !== '合计' && r[yc] === y);
			expect(yearRows).toHaveLength(48);
			expect(yearRows.reduce((s, r) => s + numberToFen(r[col] as number), 0)).toBe(CAP_FEN);
			// the year's total row is a formula over the estate rows, and recomputed from them it is the cap
			const at = data.findIndex((r) => r[0] === '合计' && r[yc] === y);
			const cell = ws[XLSX.utils.encode_cell({ r: at, c: col })];
			expect(cell.f).toMatch(/^SUMIFS\(/);
			expect(evaluateSumFormula(wb, ws, cell.f)).toBe(CAP_FEN);
			expect(numberToFen(cell.v)).toBe(CAP_FEN);
		}
		const totals = wb.Sheets['年度汇总'];
		expect(totals.C2.f).toMatch(/^SUMIFS\('补贴测算'!/);
		expect(numberToFen(totals.G2.v)).toBe(CAP_FEN);

		const json = await run('data/sample', '--policy', 'shaoxing-split', '--cap', '3000000', '--json');
		const out = JSON.parse(json.stdout);
		for (const t of out.totals) {
			expect(t.paid).toBe(3_000_000);
			expect(t.paid_fen).toBe(CAP_FEN);
			const yearRows = out.rows.filter((r: { year: number }) => r.year === t.year);
			expect(yearRows.reduce((s: number, r: { paid_fen: number }) => s + r.paid_fen, 0)).toBe(CAP_FEN);
		}
		// every amount in yuan has at most two decimals, as written in the JSON text
		const amounts = [...json.stdout.matchAll(/"(?:base|reward|request|paid|base_paid|reward_paid|cut|requested|shortfall|cap)": (-?[\d.e+-]+)/g)];
		expect(amounts.length).toBeGreaterThan(240 * 5);
		for (const [, v] of amounts) expect(v).toMatch(/^-?\d+(\.\d{1,2})?$/);
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
