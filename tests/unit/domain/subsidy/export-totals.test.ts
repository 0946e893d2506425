/**
 * Every exported file's total rows equal the sum of its rows as written (docs/sources.md §15), for random
 * districts, policies, caps and budget rules (fast-check): the CSV is parsed back and its amounts summed in integer
 * fen; the xlsx is read back and each total cell is a formula (SUM / SUMIFS) whose value, recomputed from the cells
 * as written, equals the cached total.
 */
import fc from 'fast-check';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import {
	comparePlans,
	comparisonSheet,
	definePolicy,
	planPortfolio,
	planSheets,
	sheetToCsv,
	TOTAL_LABEL,
	type EstatePlanInput,
	type Policy,
	type Sheet
} from '$lib/domain/subsidy';
import { xlsxBytes } from '../../../../src/lib/app/subsidy-export';
import { evaluateSumFormula, parseCsv, textToFen } from '../../helpers/sheet-readback';

const estateArb = (i: number) =>
	fc.record({
		area: fc.double({ min: 500, max: 300_000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
		type: fc.constantFrom('multi' as const, 'high' as const),
		fee: fc.double({ min: 0.05, max: 2, noNaN: true }),
		q: fc.option(fc.double({ min: 40, max: 100, noNaN: true }), { nil: null }),
		collection: fc.option(fc.double({ min: 0.4, max: 1, noNaN: true }), { nil: null })
	}).map(
		(e): EstatePlanInput => ({
			estate_id: `E${String(i).padStart(3, '0')}`,
			name: `小区${i}`,
			building_type: e.type,
			area_m2: e.area,
			households: 100,
			quality: e.q === null ? [] : [{ period: '2025Q2', q: e.q }],
			tickets: [],
			fees: [{ year: 2025, fee: e.fee, fee_unit: 'per_m2_month', collection_rate: e.collection }]
		})
	);

const caseArb = fc
	.integer({ min: 1, max: 25 })
	.chain((n) =>
		fc.record({
			estates: fc.tuple(...Array.from({ length: n }, (_, i) => estateArb(i))),
			capShare: fc.option(fc.double({ min: 0.05, max: 1.3, noNaN: true }), { nil: null }),
			rule: fc.constantFrom('pro_rata' as const, 'largest_gap_first' as const, 'lowest_score_first' as const),
			step: fc.double({ min: 0, max: 0.2, noNaN: true }),
			rate: fc.double({ min: 0, max: 0.9, noNaN: true })
		})
	);

function policyOf(c: { rule: Policy['budget']['rule']; step: number; rate: number }, caps: number | null): Policy {
	return definePolicy({
		id: 'prop',
		name_zh: '随机',
		name_en: 'Random',
		years: [2026, 2027, 2028],
		target: { mode: 'by_building_type', fee: { multi: 0.837, high: 1.4151 } },
		ownerFee: { mode: 'current_fee', stepPerYear: c.step },
		taper: [1, 0.77, 0.333],
		reward: { rate: { multi: c.rate, high: c.rate * 1.7 }, threshold: 60, span: 23 },
		collectionFloor: 0.6,
		budget: { caps, rule: c.rule },
		assessment: { weights: { q: 1, handling: 0, onTime: 0, median: 0 } }
	});
}

/** Checks a sheet as CSV: every total row equals the sum of the data rows it covers, in fen as written. */
function checkCsv(sheet: Sheet, yearCol: number | null): void {
	const [header, ...rows] = parseCsv(sheetToCsv(sheet));
	const moneyCols = header.map((h, i) => ({ h, i })).filter(({ h }) => /\((元|yuan)\)$/.test(h) && !/上限|Cap/.test(h));
	const isTotal = (r: string[]) => r[0] === TOTAL_LABEL.zh || r[0] === TOTAL_LABEL.en;
	let block: string[][] = [];
	let all: string[][] = [];
	let checked = 0;
	for (const r of rows) {
		if (!isTotal(r)) {
			block.push(r);
			all.push(r);
			continue;
		}
		// A total row sums the rows of its year (when it names one) or else the rows since the last total.
		const year = yearCol === null ? '' : r[yearCol];
		const covered = year !== '' ? all.filter((x) => x[yearCol as number] === year) : block.length ? block : all;
		for (const { i } of moneyCols) {
			if (r[i] === '') continue;
			const sum = covered.reduce((s, x) => s + (x[i] === '' ? 0 : textToFen(x[i])), 0);
			expect(textToFen(r[i]), `${sheet.name} ${r[0]} ${r[1]} ${header[i]}`).toBe(sum);
			checked++;
		}
		if (year === '') block = [];
		if (year === '' && covered === all) all = [];
	}
	expect(checked).toBeGreaterThan(0);
}

/** Checks a workbook: every formula's cached value equals the formula recomputed from the cells as written. */
function checkXlsx(bytes: Uint8Array, sheets: readonly Sheet[]): void {
	const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
	let formulas = 0;
	for (const s of sheets) {
		const ws = wb.Sheets[s.name];
		for (const f of s.formulas ?? []) {
			const ref = XLSX.utils.encode_cell({ r: f.row + 1, c: f.col });
			const cell = ws[ref];
			expect(cell?.f, `${s.name}!${ref}`).toBe(f.formula);
			if (/^SUM/.test(f.formula)) {
				expect(textToFen(String(cell.v)), `${s.name}!${ref} = ${f.formula}`).toBe(evaluateSumFormula(wb, ws, f.formula));
				formulas++;
			}
		}
	}
	expect(formulas).toBeGreaterThan(0);
}

describe('exported totals equal the sum of their rows as written', () => {
	it('CSV and xlsx of random plans (rows, totals by year, comparison)', async () => {
		await fc.assert(
			fc.asyncProperty(caseArb, async (c) => {
				const uncapped = planPortfolio(policyOf(c, null), c.estates);
				const cap = c.capShare === null ? null : Math.round(uncapped.totals[0].requested * c.capShare * 100) / 100;
				const plan = planPortfolio(policyOf(c, cap), c.estates);
				// the plan itself: each year's paid amounts add up to its total, and to the cap when it binds
				for (const t of plan.totals) {
					const rows = plan.rows.filter((r) => r.year === t.year);
					expect(rows.every((r) => Number.isSafeInteger(r.paid_fen) && r.paid_fen >= 0)).toBe(true);
					expect(rows.reduce((s, r) => s + r.paid_fen, 0)).toBe(t.paid_fen);
					if (t.binding) expect(t.paid_fen).toBe(t.cap_fen);
					rows.forEach((r) => expect(r.base_paid_fen + r.reward_paid_fen).toBe(r.paid_fen));
				}
				const [rowsSheet, totalsSheet] = planSheets(plan, 'zh');
				checkCsv(rowsSheet, rowsSheet.header.indexOf('年度'));
				checkCsv(totalsSheet, null);
				const cmp = comparisonSheet(comparePlans([{ label: 'A', plan: uncapped }, { label: 'B', plan }]), 'en');
				checkCsv(cmp, null);
				const sheets = [...planSheets(plan, 'en'), cmp];
				checkXlsx(await xlsxBytes(sheets), sheets);
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 40) }
		);
	}, 120_000);
});
