/** What the plan reads from DuckDB on the sample district: counts against the CSV files, one estate's slice, the vote base. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { defaultReserveSettings, loadReserveData, reservePlans, voteBase, type ReserveData } from '../../../src/lib/queries/reserve';
import { sampleEngine } from '../sample-engine';

const lines = (file: string) => readFileSync(`data/sample/${file}`, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
let engine: Engine;
let all: ReserveData;
beforeAll(async () => {
	engine = await sampleEngine();
	all = await loadReserveData(engine);
}, 120_000);
afterAll(async () => {
	await engine?.close();
});

describe('loadReserveData', () => {
	it('reads every estate, facility and balance of the sample, and the votes on the fund', () => {
		expect(all.estates).toHaveLength(lines('estates.csv').length);
		expect(all.facilities).toHaveLength(lines('facilities.csv').length);
		expect(all.balances).toHaveLength(lines('fund_balances.csv').length);
		expect(all.latestBalanceYear).toBe(2025);
		const fundVotes = lines('votes.csv').filter((v) => v[1].includes('维修资金'));
		expect(fundVotes.length).toBeGreaterThan(0);
		expect(all.fundVotes.map((v) => v.estate_id).sort()).toEqual(fundVotes.map((v) => v[0]).sort());
	});

	it('keeps assessment dates as YYYY-MM-DD and results as codes', () => {
		const assessed = all.facilities.filter((f) => f.last_assessed_at !== null);
		expect(assessed.length).toBeGreaterThan(0);
		for (const f of assessed) {
			expect(f.last_assessed_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(['fit', 'repair', 'replace']).toContain(f.last_assessment_result);
		}
	});

	it('reads one estate alone, with the district-wide latest balance year', async () => {
		const one = await loadReserveData(engine, 'LJ0005');
		expect(one.estates.map((e) => e.estate_id)).toEqual(['LJ0005']);
		expect(one.facilities.every((f) => f.estate_id === 'LJ0005')).toBe(true);
		expect(one.facilities).toHaveLength(lines('facilities.csv').filter((f) => f[0] === 'LJ0005').length);
		expect(one.latestBalanceYear).toBe(2025);
		expect(defaultReserveSettings(one).firstYear).toBe(2026);
	});

	it('takes the vote base from a recorded fund vote, else households and the unit-size area', () => {
		const v = all.fundVotes[0];
		const withVote = all.estates.find((e) => e.estate_id === v.estate_id)!;
		expect(voteBase(withVote, all.fundVotes)).toEqual({ owners: v.owners_total, areaM2: v.area_total_m2, from: 'vote' });
		const other = all.estates.find((e) => !all.fundVotes.some((x) => x.estate_id === e.estate_id))!;
		const units = lines('unit_sizes.csv').filter((u) => u[0] === other.estate_id);
		const area = units.reduce((s, u) => s + Number(u[1]) * Number(u[2]), 0);
		const b = voteBase(other, all.fundVotes);
		expect(b.from).toBe('unit_sizes');
		expect(b.owners).toBe(other.households);
		expect(b.areaM2).toBeCloseTo(area, 6);
	});

	it('plans every estate: each ledger adds up and spans the horizon', () => {
		const plans = reservePlans(all, { firstYear: 2026, years: 20, interestRate: 0.015, growthRate: 0 });
		expect(plans).toHaveLength(240);
		for (const p of plans) {
			expect(p.rows).toHaveLength(20);
			for (const r of p.rows) expect(r.openingFen + r.contributionsFen + r.interestFen - r.spendFen).toBe(r.closingFen);
			expect(p.renewals.reduce((s, r) => s + r.spendFen, 0)).toBe(p.spendTotalFen);
			// The solvers hit their targets on every estate: the refill and the level contribution put back in keep
			// every year at or above zero, and one fen less per m² would not.
			if (p.refill) expect(p.refill.minClosingAfterFen).toBeGreaterThanOrEqual(0);
			expect(p.level.minClosingFen).toBeGreaterThanOrEqual(0);
			if (p.level.perM2Fen > 0) expect(p.level.minClosingOneFenLessFen!).toBeLessThan(0);
			expect(p.refill === null).toBe(p.firstShortfall === null);
		}
	});
});
