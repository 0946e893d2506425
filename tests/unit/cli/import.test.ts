/**
 * `zhijia import` (docs/data-formats.md, docs/sources.md §18.6): a ledger xlsx without ids and GBK scores keyed by
 * names become canonical CSV that `zhijia analyze` reads with the same results as analysing the files directly;
 * a failed import writes nothing and prints the problems as `validate --json` does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { generatedEstateId } from '../../../src/lib/domain/names';
import { inspectFile } from '../../../src/lib/import/index';
import { makeRecipe, recipeJson, suggestParts } from '../../../src/lib/import/recipes';
import { LEDGER_2024, LEDGER_HEADER } from '../../fixtures/real-shapes/make-recipes';
import { workbook } from '../../fixtures/import-files';

const LEDGER = 'tests/fixtures/real-shapes/recipes-ledger-2024.xlsx';
const SCORES = 'tests/fixtures/real-shapes/recipes-scores-by-name-gbk.csv';

async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

let scratch: string;
let scoresRecipe: string;
let ledgerRecipe: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'zhijia-import-'));
	// The recipes as the data page exports them: the scores' 考评期间 mapped to the period by hand.
	const ins = await inspectFile(SCORES, readFileSync(SCORES));
	const mapping = ins.headers.map((h, i) => (h === '考评期间' ? 'period' : ins.mapping[i]));
	scoresRecipe = join(scratch, 'scores.recipe.json');
	await writeFile(scoresRecipe, recipeJson(makeRecipe({ name: '考评汇总', headers: ins.headers, parts: suggestParts('scores', ins.headers, mapping) })));
	// The ledger's one unknown word (单位集资房) answered once on the data page, kept in its recipe.
	const led = await inspectFile(LEDGER, readFileSync(LEDGER));
	ledgerRecipe = join(scratch, 'ledger.recipe.json');
	await writeFile(ledgerRecipe, recipeJson(makeRecipe({ name: '收费台账', headers: led.headers, parts: suggestParts('estates', led.headers, led.mapping), valueMaps: { estate_type: { 单位集资房: 'public_sold' } } })));
}, 120_000);
afterAll(async () => {
	if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('zhijia import', () => {
	it('writes estates, fees and scores as canonical CSV with generated ids and joined names', async () => {
		const out = join(scratch, 'district');
		const r = await inProcess(['import', LEDGER, SCORES, '--recipe', scoresRecipe, '--recipe', ledgerRecipe, '--out', out]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout.trim().split('\n').map((l) => l.slice(out.length + 1))).toEqual(['estates.csv', 'scores.csv', 'fees.csv']);
		const sunshine = generatedEstateId('阳光花园', '城关街道');
		const estates = (await readFile(join(out, 'estates.csv'), 'utf8')).trim().split('\n');
		expect(estates[0]).toBe('estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime');
		expect(estates).toContain(`${sunshine},阳光花园小区,城关街道,commercial,high,2008,85000.0,920,true,安居物业,`);
		expect((await readFile(join(out, 'fees.csv'), 'utf8')).split('\n')).toContain(`${sunshine},2024,1.8,per_m2_month,0.93`);
		expect((await readFile(join(out, 'scores.csv'), 'utf8')).trim().split('\n')).toHaveLength(1 + 5 * 11);
	}, 120_000); // each command starts its own engine: slow on a loaded machine

	it('analyze reads the written CSV with the same results as the files themselves', async () => {
		const out = join(scratch, 'district');
		const sunshine = generatedEstateId('阳光花园', '城关街道');
		const fromCsv = await inProcess(['analyze', out, '--json']);
		expect(fromCsv.code).toBe(0);
		const direct = await inProcess(['analyze', LEDGER, SCORES, '--recipe', scoresRecipe, '--recipe', ledgerRecipe, '--json']);
		expect(direct.code).toBe(0);
		expect(JSON.parse(direct.stdout)).toEqual(JSON.parse(fromCsv.stdout));
		const rows = JSON.parse(fromCsv.stdout) as { estate_id: string; name: string; q: number; fee_m2: number }[];
		const s = rows.find((x) => x.estate_id === sunshine)!;
		// Hand-worked: the 11 inspection scores weighted 15,10,6,5,3,6,15,15,8,12,5 (sum 100) = 8718 / 100; no
		// satisfaction survey, so Q is the inspection score. Fee as the ledger says.
		expect(s).toMatchObject({ name: '阳光花园小区', fee_m2: 1.8 });
		expect(s.q).toBeCloseTo(87.18, 2);
		expect(rows).toHaveLength(5);
	}, 120_000);

	it('without its recipe the ledger gets the parts the data page suggests, and stops at the unknown word', async () => {
		const r = await inProcess(['import', LEDGER, '--out', join(scratch, 'no-recipe'), '--lang', 'en']);
		expect(r.code).toBe(1);
		const json = JSON.parse(r.stdout) as { files: { file: string; errors: { row: number; value: string; message: string }[] }[] };
		expect(json.files.map((f) => [f.file, f.errors.map((e) => [e.row, e.value])])).toEqual([
			[`${LEDGER} (estates)`, [[7, '单位集资房']]],
			[`${LEDGER} (fees)`, [[null, null]]]
		]);
		// The fee of that estate is not repeated as its own error: one cascade line (docs/sources.md §18).
		expect(json.files[1].errors[0].message).toMatch(/1/);
		expect(existsSync(join(scratch, 'no-recipe'))).toBe(false);
		const out = join(scratch, 'ledger-only');
		const ok = await inProcess(['import', LEDGER, '--recipe', ledgerRecipe, '--out', out]);
		expect(ok.code).toBe(0);
		expect((await readFile(join(out, 'fees.csv'), 'utf8')).trim().split('\n')).toHaveLength(6);
	}, 120_000);

	it('a recipe that no longer fits: exit 1, the column named in validate --json form, nothing written', async () => {
		const renamed = LEDGER_2024.map((row, i) => (i === 1 ? LEDGER_HEADER.map((h) => (h === '收缴率' ? '物业费收缴情况' : h)) : row));
		const file = join(scratch, '改过的台账.xlsx');
		await writeFile(file, workbook([{ name: '收费台账', rows: renamed }]));
		const out = join(scratch, 'not-written');
		const r = await inProcess(['import', file, '--recipe', ledgerRecipe, '--out', out, '--lang', 'en']);
		expect(r.code).toBe(1);
		const json = JSON.parse(r.stdout) as { files: { file: string; errors: { column: string; message: string }[] }[] };
		expect(json.files[0]).toMatchObject({ file, errors: [{ column: '收缴率', message: "recipe '收费台账': column '收缴率' not found in file" }] });
		expect(existsSync(out)).toBe(false);
	});

	it('names that match no estate: exit 1 with the name listed once, nothing written', async () => {
		const out = join(scratch, 'unmatched');
		const r = await inProcess(['import', SCORES, '--recipe', scoresRecipe, '--out', out, '--lang', 'en']);
		expect(r.code).toBe(1);
		const json = JSON.parse(r.stdout) as { files: { errors: { value: string; message: string }[] }[] };
		const named = json.files.flatMap((f) => f.errors).filter((e) => e.message.startsWith('No estate is named'));
		expect(named.map((e) => e.value)).toEqual(['阳光花园', '翠竹苑小区', '锦绣家园一期', '锦绣家园 二期', '梅苑新村']);
		expect(existsSync(out)).toBe(false);
	});
});
