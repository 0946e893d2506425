/**
 * The renewal-plan convention worked by hand (method notes §11). Every expected figure below is computed in the
 * comments from the inputs, not taken from the code.
 *
 * Estate: 10,000 m², 100 households. Plan 2026-2037 (12 years), interest 2 % on a positive opening, no cost growth.
 * - A: 2 water pump sets, installed 2010, life 12 (given), 50,000 yuan each (given): due 2022, before 2026, so past
 *   due and renewed in 2026 (100,000); next due 2038, outside the horizon.
 * - B: 10 access-control doors, installed 2018, life 8 (given), 10,000 yuan each: due 2026, the first plan year
 *   (100,000), and again 2034 (a second cycle inside the horizon, 100,000).
 * - C: 3,000 m² of roof, installed 2012, no life and no cost given: the defaults, 20 years [M] and 115 yuan/m²
 *   [V-calc], so due 2032 at 3,000 × 115 = 345,000.
 * Balances: 2024 300,000 (contribution 20,000); 2025 250,000 (contribution 30,000); a 2026 row is ignored (not before
 * the first plan year). So the opening is 250,000 and 30,000 flows in every year.
 */
import { describe, expect, it } from 'vitest';
import { planReserve, yuanToFen, roundFen, ceilFen, type EstateReserveInput, type ReserveSettings } from '$lib/domain/reserve';

const SETTINGS: ReserveSettings = { firstYear: 2026, years: 12, interestRate: 0.02, growthRate: 0 };
const ESTATE: EstateReserveInput = {
	estate_id: 'T1',
	area_m2: 10_000,
	households: 100,
	facilities: [
		{ facility: 'water_pump', quantity: 2, installed_year: 2010, life_years: 12, unit_replacement_cost_yuan: 50_000 },
		{ facility: 'access_control', quantity: 10, installed_year: 2018, life_years: 8, unit_replacement_cost_yuan: 10_000 },
		{ facility: 'roof_waterproofing', quantity: 3_000, installed_year: 2012, life_years: null, unit_replacement_cost_yuan: null }
	],
	balances: [
		{ year: 2024, balance_yuan: 300_000, annual_contribution_yuan: 20_000 },
		{ year: 2025, balance_yuan: 250_000, annual_contribution_yuan: 30_000 },
		{ year: 2026, balance_yuan: 999, annual_contribution_yuan: 1 }
	]
};
const yuan = (fen: number) => fen / 100;

describe('renewal schedule', () => {
	const plan = planReserve(ESTATE, SETTINGS);

	it('renews the past-due pumps in the first plan year, the doors due that year too and again 8 years later, the roof when due', () => {
		expect(plan.renewals.map((r) => [r.year, r.facility, r.cycle, r.dueYear, r.overdue, yuan(r.spendFen)])).toEqual([
			[2026, 'water_pump', 1, 2022, true, 100_000],
			[2026, 'access_control', 1, 2026, false, 100_000],
			[2032, 'roof_waterproofing', 1, 2032, false, 345_000],
			[2034, 'access_control', 2, 2034, false, 100_000]
		]);
		expect(yuan(plan.spendTotalFen)).toBe(645_000);
	});

	it('says where the roof’s life and cost come from: the tagged defaults; the given figures are the user’s', () => {
		const roof = plan.facilities.find((f) => f.facility === 'roof_waterproofing')!;
		expect([roof.life, roof.lifeSource.tag, roof.unitCostYuan, roof.unitCostSource.tag]).toEqual([20, 'M', 115, 'V-calc']);
		const pump = plan.facilities.find((f) => f.facility === 'water_pump')!;
		expect([pump.lifeSource.tag, pump.unitCostSource.tag]).toEqual(['user', 'user']);
	});

	it('grows unit costs from the first plan year when asked: 10,000 × 1.03^8 = 12,667.70 a door in 2034', () => {
		const grown = planReserve(ESTATE, { ...SETTINGS, growthRate: 0.03 });
		const doors2034 = grown.renewals.find((r) => r.year === 2034)!;
		// 1.03^8 = 1.266770081…; 10,000 yuan × that = 12,667.70 yuan (rounded to the fen); × 10 doors.
		expect(yuan(doors2034.unitCostFen)).toBe(12_667.7);
		expect(yuan(doors2034.spendFen)).toBe(126_677);
		// 1.03^6 = 1.194052297…; 115 × that = 137.3160 → 137.32 yuan/m²; × 3,000 m² = 411,960.
		expect(yuan(grown.renewals.find((r) => r.year === 2032)!.spendFen)).toBe(411_960);
	});
});

describe('the fund year by year (interest 2 % on a positive opening)', () => {
	const plan = planReserve(ESTATE, SETTINGS);
	const row = (y: number) => plan.rows.find((r) => r.year === y)!;
	const asYuan = (y: number) => {
		const r = row(y);
		return [yuan(r.openingFen), yuan(r.contributionsFen), yuan(r.interestFen), yuan(r.spendFen), yuan(r.closingFen)];
	};

	it('opens with the 2025 balance and its contribution', () => {
		expect(plan.opening).toEqual({ fen: 25_000_000, fromYear: 2025 });
		expect(yuan(plan.contributionFen)).toBe(30_000);
	});

	it('2026: 250,000 + 30,000 + 5,000 interest − 200,000 = 85,000', () => expect(asYuan(2026)).toEqual([250_000, 30_000, 5_000, 200_000, 85_000]));
	it('2027: 85,000 + 30,000 + 1,700 = 116,700', () => expect(asYuan(2027)).toEqual([85_000, 30_000, 1_700, 0, 116_700]));
	it('2028: interest 2,334 → 149,034', () => expect(asYuan(2028)).toEqual([116_700, 30_000, 2_334, 0, 149_034]));
	it('2029: interest 2,980.68 → 182,014.68', () => expect(asYuan(2029)).toEqual([149_034, 30_000, 2_980.68, 0, 182_014.68]));
	it('2030: interest 3,640.2936 → 3,640.29 → 215,654.97', () => expect(asYuan(2030)).toEqual([182_014.68, 30_000, 3_640.29, 0, 215_654.97]));
	it('2031: interest 4,313.0994 → 4,313.10 → 249,968.07', () => expect(asYuan(2031)).toEqual([215_654.97, 30_000, 4_313.1, 0, 249_968.07]));
	it('2032: interest 4,999.3614 → 4,999.36; the roof (345,000) leaves −60,032.57', () =>
		expect(asYuan(2032)).toEqual([249_968.07, 30_000, 4_999.36, 345_000, -60_032.57]));
	it('2033: a shortfall earns no interest: −60,032.57 + 30,000 = −30,032.57', () => expect(asYuan(2033)).toEqual([-60_032.57, 30_000, 0, 0, -30_032.57]));
	it('2034: the doors again: −30,032.57 + 30,000 − 100,000 = −100,032.57', () => expect(asYuan(2034)).toEqual([-30_032.57, 30_000, 0, 100_000, -100_032.57]));
	it('2037 closes at −10,032.57', () => expect(yuan(row(2037).closingFen)).toBe(-10_032.57));

	it('every row adds up, and each closing opens the next year', () => {
		plan.rows.forEach((r, i) => {
			expect(r.openingFen + r.contributionsFen + r.interestFen - r.spendFen).toBe(r.closingFen);
			if (i > 0) expect(r.openingFen).toBe(plan.rows[i - 1].closingFen);
		});
		expect(plan.rows.map((r) => r.year)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037]);
	});

	it('first shortfall 2032 of 60,032.57; worst 2034 of 100,032.57', () => {
		expect(plan.firstShortfall).toEqual({ year: 2032, fen: 6_003_257 });
		expect(plan.worstShortfall).toEqual({ year: 2034, fen: 10_003_257 });
	});

	it('the one-off refill covers the worst shortfall: 100,032.57 yuan = 10.01 yuan/m² (10.003257 up) = 1,000.33 yuan a household', () => {
		expect(plan.refill).not.toBeNull();
		expect(yuan(plan.refill!.totalFen)).toBe(100_032.57);
		expect(yuan(plan.refill!.perM2Fen)).toBe(10.01);
		expect(yuan(plan.refill!.perHouseholdFen)).toBe(1_000.33);
		// Put back in: the refill added to the opening balance keeps every year at or above zero.
		expect(plan.refill!.minClosingAfterFen).toBeGreaterThanOrEqual(0);
		const refilled = planReserve({ ...ESTATE, balances: [{ year: 2025, balance_yuan: 250_000 + 100_032.57, annual_contribution_yuan: 30_000 }] }, SETTINGS);
		expect(refilled.firstShortfall).toBeNull();
	});
});

describe('level extra contribution per m² (no interest, so it can be worked by hand)', () => {
	// Without interest the closings are 80,000 (2026), +30,000 a year to 230,000 (2031), −85,000 (2032), −55,000,
	// −125,000 (2034), −95,000, −65,000, −35,000 (2037). An extra x a year lifts year t (1-based) by t·x, so
	// x ≥ 85,000/7, 55,000/8, 125,000/9, 95,000/10, 65,000/11, 35,000/12; the largest is 125,000/9 = 13,888.89 yuan,
	// 1.388889 yuan/m² → 1.39 yuan/m² (139 fen, rounded up to the fen): 13,900 yuan a year.
	const plan = planReserve(ESTATE, { ...SETTINGS, interestRate: 0 });

	it('closes as worked above', () => {
		expect(plan.rows.map((r) => yuan(r.closingFen))).toEqual([80_000, 110_000, 140_000, 170_000, 200_000, 230_000, -85_000, -55_000, -125_000, -95_000, -65_000, -35_000]);
	});

	it('is 1.39 yuan/m² a year, 13,900 yuan', () => {
		expect(yuan(plan.level.perM2Fen)).toBe(1.39);
		expect(yuan(plan.level.annualFen)).toBe(13_900);
	});

	it('checked by putting it back in: 2034 closes at −125,000 + 9 × 13,900 = 100; at 1.38 it would be −125,000 + 9 × 13,800 = −800', () => {
		expect(yuan(plan.level.minClosingFen)).toBe(100);
		expect(yuan(plan.level.minClosingOneFenLessFen!)).toBe(-800);
		const withLevel = planReserve(
			{ ...ESTATE, balances: [{ year: 2025, balance_yuan: 250_000, annual_contribution_yuan: 30_000 + 13_900 }] },
			{ ...SETTINGS, interestRate: 0 }
		);
		expect(withLevel.firstShortfall).toBeNull();
		expect(Math.min(...withLevel.rows.map((r) => r.closingFen))).toBe(10_000);
	});

	it('is zero for a fund that never runs short', () => {
		const rich = planReserve({ ...ESTATE, balances: [{ year: 2025, balance_yuan: 1_000_000, annual_contribution_yuan: 0 }] }, SETTINGS);
		expect(rich.firstShortfall).toBeNull();
		expect(rich.refill).toBeNull();
		expect(rich.level.perM2Fen).toBe(0);
	});

	it('with interest, the level found closes ≥ 0 and one fen less does not', () => {
		const withInterest = planReserve(ESTATE, SETTINGS);
		expect(withInterest.level.minClosingFen).toBeGreaterThanOrEqual(0);
		expect(withInterest.level.minClosingOneFenLessFen!).toBeLessThan(0);
		// Interest can only help: the level with interest is at most the one without.
		expect(withInterest.level.perM2Fen).toBeLessThanOrEqual(139);
	});
});

describe('edge cases', () => {
	it('with no balance before the first plan year the fund opens at 0 with nothing flowing in', () => {
		const p = planReserve({ ...ESTATE, balances: [] }, SETTINGS);
		expect(p.opening).toEqual({ fen: 0, fromYear: null });
		expect(yuan(p.rows[0].closingFen)).toBe(-200_000);
		expect(p.firstShortfall).toEqual({ year: 2026, fen: 20_000_000 });
	});

	it("sets aside an 'other' facility without figures, and costs one with them", () => {
		const p = planReserve(
			{ ...ESTATE, facilities: [{ facility: 'other', quantity: 1, installed_year: 2020, life_years: null, unit_replacement_cost_yuan: 5_000 }, { facility: 'other', quantity: 2, installed_year: 2020, life_years: 10, unit_replacement_cost_yuan: 5_000 }] },
			SETTINGS
		);
		expect(p.uncosted).toEqual([{ index: 0, facility: 'other', missing: ['life'] }]);
		expect(p.renewals.map((r) => [r.year, yuan(r.spendFen)])).toEqual([[2030, 10_000]]);
	});

	it('refuses nonsense settings with a reason', () => {
		expect(() => planReserve(ESTATE, { ...SETTINGS, years: 0 })).toThrow(/plan years/);
		expect(() => planReserve({ ...ESTATE, area_m2: 0 }, SETTINGS)).toThrow(/area must be > 0/);
	});
});

describe('fen rounding', () => {
	it('rounds half away from zero, after clearing binary noise', () => {
		expect(yuanToFen(1.005)).toBe(101); // 1.005 × 100 is 100.49999999999999 in binary
		expect(roundFen(0.5)).toBe(1);
		expect(roundFen(-0.5)).toBe(-1);
		expect(roundFen(364029.36)).toBe(364029);
		expect(ceilFen(1000.3257)).toBe(1001);
		expect(ceilFen(139)).toBe(139);
	});
});
