/**
 * A maintenance fund's per-home ledger (分户账, reading rules 13, docs/sources.md §11, §18.4): every home's account is a
 * row; an estate's fund is their sum, per estate and year, to the fen. Hand-worked sums below.
 */
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/lib/import/index';
import { prepareWithRecipes } from '../../../src/lib/import/recipes';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';

const rowsOf = (p: Awaited<ReturnType<typeof prepareImport>>) => p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));
const HEADER = ['小区编号', '年度', '房号', '业主姓名', '续交', '账户余额'];
const homes: FixtureCell[][] = [
	['LJ0001', 2025, '1-101', '张三', 0.1, '1,000.10'],
	['LJ0001', 2025, '1-102', '李四', 0.2, '2,000.20'],
	['LJ0001', 2025, '1-201', '王五', null, 0.03],
	['LJ0002', 2025, '3-501', '赵六', 12.5, '4,064.56']
];

describe('a per-home fund ledger', () => {
	it('sums the homes per estate and year, to the fen, and says so once', async () => {
		const p = await prepareImport({ name: '分户账.csv', bytes: gbk(csvText([HEADER, ...homes])) }, { dataset: 'fund_balances' });
		expect(p.counts.errors).toBe(0);
		// 1000.10 + 2000.20 + 0.03 = 3000.33 (not 3000.3300000000004); contributions 0.10 + 0.20 = 0.30, the blank aside.
		expect(rowsOf(p)).toEqual([
			['LJ0001', 2025, 3000.33, 0.3],
			['LJ0002', 2025, 4064.56, 12.5]
		]);
		expect(p.rowNumbers).toEqual([2, 5]);
		const note = p.problems.find((x) => x.code === 'fund_homes_summed');
		expect(note?.params).toMatchObject({ homes: 4, rows: 2 });
		expect(note?.column).toBe('房号');
	});

	it('does not sum an estate one of whose homes has an error, and says why; the other estate is summed', async () => {
		const bad = homes.map((r, i) => (i === 1 ? [...r.slice(0, 5), 'abc'] : r));
		const p = await prepareImport({ name: '分户账.csv', bytes: gbk(csvText([HEADER, ...bad])) }, { dataset: 'fund_balances' });
		const refused = p.problems.find((x) => x.code === 'fund_homes_not_summed');
		expect(refused?.severity).toBe('error');
		expect(refused?.params).toMatchObject({ homes: 3, bad: 1, year: '2025' });
		expect(p.rowCount).toBe(2);
		expect(Array.from(p.invalid)).toEqual([1, 0]);
		expect(rowsOf(p)[1]).toEqual(['LJ0002', 2025, 4064.56, 12.5]);
	});

	it('a statement of one estate named in its title, through the recipes: its homes are that estate\'s fund', async () => {
		const sheet = [['锦馨一村住宅专项维修资金分户账'], ['截至2025年12月31日　单位：元'], ['房号', '业主姓名', '首期交存', '账户余额'], ['1-101', '张三', '3,125.00', '3,387.10'], ['1-102', '李四', '3,750.00', '4,064.56'], ['合计', null, '6,875.00', '7,451.66']];
		const run = await prepareWithRecipes([{ name: '分户账.csv', bytes: gbk(csvText(sheet as FixtureCell[][])) }], [], [{ id: 'LJ0002', name: '锦馨一村' }]);
		const p = run.prepared[0].prepared;
		expect(p.counts.errors).toBe(0);
		expect(rowsOf(p)).toEqual([['LJ0002', 2025, 7451.66, null]]);
	});

	describe("checked against the ledger's own total (reading rules 14)", () => {
		const differs = (p: Awaited<ReturnType<typeof prepareImport>>) => p.problems.filter((x) => x.code === 'fund_ledger_total_differs');
		const ledger = (rows: FixtureCell[][]) => prepareImport({ name: '分户账.csv', bytes: gbk(csvText([HEADER, ...rows])) }, { dataset: 'fund_balances' });

		it('a 合计 that agrees with the homes to the fen says nothing more; 小计 rows are not the ledger\'s total', async () => {
			// 1,000.10 + 2,000.20 + 0.03 + 4,064.56 = 7,064.89.
			const p = await ledger([...homes.slice(0, 3), ['小计', null, null, null, 0.3, '3,000.33'], homes[3], ['合计', null, null, null, 12.8, '7,064.89']]);
			expect(p.counts.errors).toBe(0);
			expect(rowsOf(p)).toEqual([
				['LJ0001', 2025, 3000.33, 0.3],
				['LJ0002', 2025, 4064.56, 12.5]
			]);
			expect(differs(p)).toEqual([]);
		});

		it('a 合计 one fen off is said, with both figures and the gap, on the 合计 row; the homes are still summed', async () => {
			const p = await ledger([...homes, ['合计', null, null, null, 12.8, '7,064.90']]);
			expect(p.counts.errors).toBe(0);
			const [d] = differs(p);
			expect(d.severity).toBe('warning');
			// Rows: 1 the header, 2-5 the homes, 6 the total.
			expect([d.row, d.column, d.value]).toEqual([6, '账户余额', '7,064.90']);
			expect(d.params).toEqual({ label: '合计', total: '7,064.90', homes: 4, sum: '7,064.89', diff: '0.01' });
			expect(rowsOf(p).map((r) => r[2])).toEqual([3000.33, 4064.56]);
		});

		it('a total in 万元 is read in its unit: 0.706489 万元 is 7,064.89 元', async () => {
			const header = [...HEADER.slice(0, 5), '账户余额（万元）'];
			const inWan = homes.map((r) => [...r.slice(0, 5), Number(String(r[5]).replace(/,/g, '')) / 10000]);
			const p = await prepareImport({ name: '分户账.csv', bytes: gbk(csvText([header, ...inWan, ['合计', null, null, null, 12.8, 0.706489]])) }, { dataset: 'fund_balances' });
			expect(differs(p)).toEqual([]);
			expect(rowsOf(p).map((r) => r[2])).toEqual([3000.33, 4064.56]);
		});

		it('through the recipes (a one-estate statement, its columns taken in another order), the 合计 is still its balance', async () => {
			const sheet = [['锦馨一村住宅专项维修资金分户账'], ['截至2025年12月31日　单位：元'], ['房号', '业主姓名', '首期交存', '账户余额'], ['1-101', '张三', '3,125.00', '3,387.10'], ['1-102', '李四', '3,750.00', '4,064.56'], ['合计', null, '6,875.00', '7,801.66']];
			const run = await prepareWithRecipes([{ name: '分户账.csv', bytes: gbk(csvText(sheet as FixtureCell[][])) }], [], [{ id: 'LJ0002', name: '锦馨一村' }]);
			const p = run.prepared[0].prepared;
			// 3,387.10 + 4,064.56 = 7,451.66; the total says 7,801.66, 350.00 more (a home missing).
			expect(differs(p).map((d) => [d.row, d.params])).toEqual([[6, { label: '合计', total: '7,801.66', homes: 2, sum: '7,451.66', diff: '350.00' }]]);
		});

		it('with a home not read, the totals are not compared: that home\'s error says why', async () => {
			const bad = homes.map((r, i) => (i === 1 ? [...r.slice(0, 5), 'abc'] : r));
			const p = await ledger([...bad, ['合计', null, null, null, 12.8, '9,999.99']]);
			expect(p.problems.map((x) => x.code)).toContain('fund_homes_not_summed');
			expect(differs(p)).toEqual([]);
		});
	});

	it('stored before reading rules 13, the ledger replays as it was read then: one home per row, repeats refused', async () => {
		const p = await prepareImport({ name: '分户账.csv', bytes: gbk(csvText([HEADER, ...homes])) }, { dataset: 'fund_balances', valuesBeforeRules13: true });
		expect(p.rowCount).toBe(4);
		expect(p.problems.map((x) => x.code)).not.toContain('fund_homes_summed');
	});

	it('a statement per estate is not summed: no column names a home', async () => {
		const p = await prepareImport({ name: '维修资金.csv', bytes: gbk(csvText([['小区编号', '年度', '账户余额'], ['LJ0001', 2024, 100.5], ['LJ0001', 2025, 200.25]])) }, { dataset: 'fund_balances' });
		expect(rowsOf(p)).toEqual([
			['LJ0001', 2024, 100.5, null],
			['LJ0001', 2025, 200.25, null]
		]);
	});
});
