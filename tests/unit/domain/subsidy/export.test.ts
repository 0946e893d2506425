import { describe, expect, it } from 'vitest';
import {
	SHAOXING_SPLIT,
	comparePlans,
	comparisonSheet,
	neutraliseText,
	planPortfolio,
	planRowsSheet,
	planSheets,
	planTotalsSheet,
	sheetToCsv,
	type EstatePlanInput
} from '$lib/domain/subsidy';

describe('CSV neutralisation', () => {
	/**
	 * Text "=SUM(A1)" would run as a formula → written '=SUM(A1); the number −5 is a number → written -5;
	 * the TEXT "-5", "+1" and "@x" are neutralised like any text; a comma forces quotes; BOM first, CRLF ends.
	 */
	it('neutralises formula-like text but leaves numbers alone', () => {
		const csv = sheetToCsv({
			name: 't',
			header: ['text', 'number', 'text2', 'text3', 'text4', 'quoted', 'empty', 'flag'],
			rows: [['=SUM(A1)', -5, '-5', '+1', '@x', 'a,"b"', null, true]]
		});
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe('\uFEFFtext,number,text2,text3,text4,quoted,empty,flag\r\n\'=SUM(A1),-5,\'-5,\'+1,\'@x,"a,""b""",,TRUE\r\n');
		expect(neutraliseText('\tcmd')).toBe("'\tcmd");
		expect(neutraliseText('小区')).toBe('小区');
	});

	it('a neutralised text with a comma is still quoted', () => {
		expect(sheetToCsv({ name: 't', header: ['x'], rows: [['=1,2']] })).toBe('\uFEFFx\r\n"\'=1,2"\r\n');
	});
});

describe('plan sheets', () => {
	const e: EstatePlanInput = {
		estate_id: 'LJ1',
		name: '=HYPERLINK("x")',
		building_type: 'multi',
		area_m2: 10_000,
		households: 100,
		quality: [{ period: '2025Q1', q: 70 }],
		tickets: [],
		fees: [{ year: 2025, fee: 0.5, fee_unit: 'per_m2_month', collection_rate: 0.5 }]
	};
	const plan = planPortfolio(SHAOXING_SPLIT, [e]);

	it('has one row per estate and year with money to the fen, and names neutralised in the CSV', () => {
		const sheet = planRowsSheet(plan, 'zh');
		// five estate rows, a total row per year, one over all years
		expect(sheet.rows).toHaveLength(5 + 5 + 1);
		expect(sheet.rows.slice(5).map((r) => r[0])).toEqual(Array(6).fill('合计'));
		expect(sheet.header).toHaveLength(sheet.rows[0].length);
		const base = sheet.rows[0][sheet.header.indexOf('基础补贴(元)')];
		expect(base).toBe(12_000);
		expect(sheet.rows[0][sheet.header.length - 1]).toContain('收缴率低于底线');
		const csv = sheetToCsv(sheet);
		expect(csv).toContain(`LJ1,"'=HYPERLINK(""x"")",多层,10000,2026,2025,FALSE,70,`);
	});

	it('totals and comparison sheets', () => {
		const [rows, totals] = planSheets(plan, 'en');
		expect(rows.name).toBe('Subsidy plan');
		expect(totals.rows.map((r) => r[0])).toEqual([2026, 2027, 2028, 2029, 2030, 'Total']);
		// every money header names its unit
		for (const h of [...rows.header, ...totals.header]) if (/^(Base|Reward|Requested|Cap|Paid|Cut|Shortfall)\b.*\(/.test(h) || /paid \(|subsidy \(/.test(h)) expect(h).toMatch(/\((yuan|yuan\/m²\/month)\)$/);
		expect(planTotalsSheet(plan, 'zh').header[0]).toBe('年度');
		const c = comparisonSheet(comparePlans([{ label: 'A', plan }, { label: 'B', plan }]), 'en');
		expect(c.header).toEqual(['Year / estate', 'Name', 'A requested (yuan)', 'A paid (yuan)', 'B requested (yuan)', 'B paid (yuan)']);
		expect(c.rows).toHaveLength(5 + 1 + 1 + 1);
		expect(sheetToCsv(c)).toContain(`LJ1,"'=HYPERLINK(""x"")",,60000,,60000`);
	});
});
