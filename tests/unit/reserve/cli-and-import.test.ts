/**
 * The maintenance-fund datasets through the import pipeline (headers as people write them, bad cells named), and
 * `zhijia reserve` in-process: on a hand-worked one-estate district (the figures of tests/unit/domain/reserve/
 * plan.test.ts, worked there by hand) and on the sample district.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { prepareImport } from '../../../src/lib/import/index';
import { csvText, gbk, utf8 } from '../../fixtures/import-files';

async function run(...argv: string[]) {
	let stdout = '';
	let stderr = '';
	const code = await main(['reserve', ...argv], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
	return { code, stdout, stderr };
}

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'zhijia-reserve-'));
	await writeFile(
		join(dir, 'estates.csv'),
		'estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime\nT1,试算小区,江滨街道,commercial,multi,2010,10000,100,false,,\n'
	);
	await writeFile(
		join(dir, 'facilities.csv'),
		[
			'estate_id,facility,quantity,installed_year,life_years,unit_replacement_cost_yuan,last_assessed_at,last_assessment_result',
			'T1,water_pump,2,2010,12,50000,,',
			'T1,access_control,10,2018,8,10000,,',
			'T1,roof_waterproofing,3000,2012,,,,',
			''
		].join('\n')
	);
	await writeFile(join(dir, 'fund_balances.csv'), 'estate_id,year,balance_yuan,annual_contribution_yuan\nT1,2024,300000,20000\nT1,2025,250000,30000\n');
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('importing facilities and fund balances', () => {
	it('recognises a facilities sheet by its Chinese headers and reads kinds, money with 万元 and dates as people write them', async () => {
		const p = await prepareImport({
			name: '设施台账.csv',
			bytes: utf8(
				csvText([
					['小区编号', '设施', '数量', '安装年份', '使用年限', '更新单价', '评估日期', '评估结论'],
					['LJ0005', '电梯', 4, 2006, '', '40万元', '2023/6/15', '限期整改'],
					['LJ0005', '屋面防水', '3,200', 2012, 20, 115, '', '']
				])
			)
		});
		expect(p.dataset).toBe('facilities');
		expect(p.problems).toEqual([]);
		const rows = p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));
		expect(rows).toEqual([
			['LJ0005', 'elevator_midrise', 4, 2006, null, 400_000, '2023-06-15 00:00:00', 'repair'],
			['LJ0005', 'roof_waterproofing', 3200, 2012, 20, 115, null, null]
		]);
	});

	it('a register of one lift per row, with no quantity column, counts each row as one; a roof needs its area', async () => {
		const register = (rows: string[][]) =>
			prepareImport({ name: '电梯登记表.csv', bytes: gbk(csvText([['小区编号', '设备名称', '设备注册代码', '投入使用日期', '最近检验日期', '检验结论'], ...rows])) });
		const lifts = [
			['LJ0005', '乘客电梯', '31103301002005010001', '2005年3月', '2024-03-15', '合格'],
			['LJ0005', '乘客电梯', '31103301002005010002', '2005年3月', '2024-03-15', '整改后合格'],
			['LJ0005', '消防水泵', '', '2005年', '', '']
		];
		const p = await register(lifts);
		expect(p.dataset).toBe('facilities');
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
		expect(p.problems.map((x) => x.code)).toContain('quantity_one_per_row');
		expect(p.itemPerRow).toBe(true);
		const rows = p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));
		expect(rows).toEqual([
			['LJ0005', 'elevator_midrise', 1, 2005, null, null, '2024-03-15 00:00:00', 'fit'],
			['LJ0005', 'elevator_midrise', 1, 2005, null, null, '2024-03-15 00:00:00', 'fit'],
			['LJ0005', 'fire_water', 1, 2005, null, null, null, null]
		]);
		// A roof is measured in ㎡: one row does not say how many.
		const roof = await register([['LJ0005', '屋面防水', '', '2012年', '', '']]);
		expect(roof.problems.find((x) => x.severity === 'error')).toMatchObject({ row: 2, column: '设备名称', value: '屋面防水', code: 'quantity_needed_measured' });
		// Stored before reading rules 12, the register replays as it was read then: the quantity column missing.
		const before = await prepareImport({ name: '电梯登记表.csv', bytes: gbk(csvText([['小区编号', '设备名称', '设备注册代码', '投入使用日期', '最近检验日期', '检验结论'], ...lifts])) }, { valuesBeforeRules12: true });
		expect(before.fileError).toBe(true);
		expect(before.problems.map((x) => x.code)).toContain('missing_column');
	});
	it('names the file, row, column and value of a facility kind it does not know', async () => {
		const p = await prepareImport({
			name: 'facilities.csv',
			bytes: utf8(csvText([['estate_id', 'facility', 'quantity', 'installed_year'], ['LJ0005', '游泳池', 1, 2010]]))
		});
		expect(p.dataset).toBe('facilities');
		const bad = p.problems.find((x) => x.severity === 'error')!;
		expect([bad.file, bad.row, bad.column, bad.value]).toEqual(['facilities.csv', 2, 'facility', '游泳池']);
	});

	it('refuses an assessment result without its date, naming the row and the cell', async () => {
		const p = await prepareImport({
			name: '电梯.csv',
			bytes: utf8(csvText([['小区编号', '设施', '数量', '安装年份', '评估日期', '评估结论'], ['LJ0005', '客梯', 2, 2004, '', '建议更新']]))
		});
		const bad = p.problems.find((x) => x.code === 'assessment_without_date')!;
		expect([bad.severity, bad.row, bad.column, bad.value]).toEqual(['error', 2, '评估结论', '建议更新']);
	});

	it('recognises fund balances by English headers', async () => {
		const p = await prepareImport({
			name: 'fund.csv',
			bytes: utf8(csvText([['Estate ID', 'Year', 'Fund balance', 'Annual contribution'], ['LJ0005', 2025, '386.2万', '']]))
		});
		expect(p.dataset).toBe('fund_balances');
		expect(p.problems).toEqual([]);
		expect(p.columns.map((c) => c[0])).toEqual(['LJ0005', 2025, 3_862_000, null]);
	});
	it('reads a fund statement as the office writes it: 期末余额 the balance, 本年交存 the contribution, 期初余额 and the rest left out', async () => {
		const p = await prepareImport({
			name: '维修资金收支明细.csv',
			bytes: gbk(
				csvText([
					['小区编号', '年度', '期初余额', '本年交存', '本年利息', '本年使用', '本年末本息余额'],
					['LJ0005', '2021年度', '1,269,706.25', '30,500.00', '19,045.59', '-', '1,319,251.84'],
					['LJ0005', '2022年度', '1,319,251.84', '28,000.00', '19,788.78', '120,000.00', '1,247,040.62']
				])
			)
		});
		expect(p.dataset).toBe('fund_balances');
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
		expect(p.mapping).toEqual(['estate_id', 'year', null, 'annual_contribution_yuan', null, null, 'balance_yuan']);
		expect(p.columns).toEqual([
			['LJ0005', 'LJ0005'],
			[2021, 2022],
			[1_319_251.84, 1_247_040.62],
			[30_500, 28_000]
		]);
	});
});

describe('zhijia reserve', () => {
	it('prints estates[] and rows[] with the hand-worked figures', { timeout: 90_000 }, async () => {
		const r = await run(dir, '--from', '2026', '--years', '12', '--interest', '2%', '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.settings).toEqual({ firstYear: 2026, years: 12, interestRate: 0.02, growthRate: 0 });
		expect(out.estates).toEqual([
			expect.objectContaining({
				estate_id: 'T1',
				spend_total: 645_000,
				first_shortfall_year: 2032,
				shortfall_yuan: 60_032.57,
				worst_shortfall_yuan: 100_032.57,
				refill_per_m2: 10.01,
				refill_per_household: 1_000.33
			})
		]);
		expect(out.estates[0].level_contribution_per_m2).toBeGreaterThan(0);
		expect(out.rows).toHaveLength(12);
		// The defaults come with their tags: the roof's life is a recollection [M], its cost computed from a vendor range.
		expect(out.defaults.find((d: { facility: string }) => d.facility === 'roof_waterproofing')).toMatchObject({ life_years: 20, life_tag: 'M', unit_cost_yuan: 115, unit_cost_tag: 'V-calc' });
		expect(out.rows[0]).toEqual({ estate_id: 'T1', year: 2026, opening: 250_000, contributions: 30_000, interest: 5_000, spend: 200_000, closing: 85_000 });
		expect(out.rows[6]).toEqual({ estate_id: 'T1', year: 2032, opening: 249_968.07, contributions: 30_000, interest: 4_999.36, spend: 345_000, closing: -60_032.57 });
	});

	it('without interest gives the hand-worked level contribution of 1.39 yuan/m²', { timeout: 90_000 }, async () => {
		const r = await run(dir, '--from', '2026', '--years', '12', '--interest', '0', '--json');
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).estates[0].level_contribution_per_m2).toBe(1.39);
	});

	it('plans every sample estate from 2026 (the year after the latest balance) over 20 years, and writes CSV with a BOM', { timeout: 120_000 }, async () => {
		const r = await run('data/sample', '--json');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(out.settings).toEqual({ firstYear: 2026, years: 20, interestRate: 0.015, growthRate: 0 });
		expect(out.estates).toHaveLength(240);
		expect(out.rows).toHaveLength(240 * 20);
		// Some sample funds run short and some never do.
		expect(out.estates.some((e: { first_shortfall_year: number | null }) => e.first_shortfall_year === null)).toBe(true);
		expect(out.estates.some((e: { first_shortfall_year: number | null }) => e.first_shortfall_year !== null)).toBe(true);
		const csv = await run('data/sample', '--csv', '--rows', '--years', '5');
		expect(csv.code).toBe(0);
		expect(csv.stdout.startsWith('\uFEFF小区编号,年度,期初(元)')).toBe(true);
		expect(csv.stdout.trimEnd().split('\r\n')).toHaveLength(1 + 240 * 5);
	});

	it('refuses a bad rate or year with exit code 2 and a reason', async () => {
		const r = await run(dir, '--interest', 'abc');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("--interest must be a number such as 0.015 or 1.5%, got 'abc'");
		const y = await run(dir, '--years', '0');
		expect(y.code).toBe(2);
		expect(y.stderr).toContain('--years must be a whole number 1-100');
	});
});
