import { describe, expect, it } from 'vitest';
import {
	SHAOXING_SPLIT,
	XIAMEN_DECLINING,
	comparePlans,
	definePolicy,
	explainEstate,
	explainRow,
	failingRows,
	planPortfolio,
	rowReasons,
	type EstatePlanInput,
	type Plan,
	type PlanRow,
	type Policy,
	type TicketLike
} from '$lib/domain/subsidy';

/** A relocation estate with one 2025 score period (Q) and one 2025 fee row; no tickets unless given. */
function estate(
	id: string,
	building_type: 'multi' | 'high',
	area_m2: number,
	o: { q?: number | null; fee?: number; collection?: number | null; tickets?: TicketLike[]; feeYear?: number } = {}
): EstatePlanInput {
	return {
		estate_id: id,
		name: `小区${id}`,
		building_type,
		area_m2,
		households: 100,
		quality: o.q === null ? [] : [{ period: '2025Q2', q: o.q ?? 80 }],
		tickets: o.tickets ?? [],
		fees: [{ year: o.feeYear ?? 2025, fee: o.fee ?? 0.5, fee_unit: 'per_m2_month', collection_rate: o.collection === undefined ? 0.9 : o.collection }]
	};
}

const rowOf = (plan: Plan, id: string, year: number) => plan.rows.find((r) => r.estate_id === id && r.year === year) as PlanRow;

/** Score = Q exactly: only Q is weighted (no tickets in these cases anyway). */
function qOnly(p: Policy): Policy {
	return { ...p, assessment: { ...p.assessment, weights: { q: 1, handling: 0, onTime: 0, median: 0 } } };
}

describe('Xiamen-style declining transition', () => {
	/**
	 * Multi-storey, 10,000 ㎡, target (market) fee 0.70: area × 12 = 120,000 ㎡·months a year, full fee 84,000.
	 * District share 50, 50, 40, 30, 20 % → base 42,000, 42,000, 33,600, 25,200, 16,800.
	 * High-rise 10,000 ㎡ at 1.28: owners are billed 50, 50, 60, 70, 80 % of 1.28 rounded to 0.01 元/㎡·月
	 * (docs/sources.md §15): 0.64, 0.64, 0.768 → 0.77, 0.896 → 0.90, 1.024 → 1.02; gap 0.64, 0.64, 0.51, 0.38,
	 * 0.26 → base 76,800, 76,800, 61,200, 45,600, 31,200 (not 61,440, 46,080, 30,720 from the unrounded fee).
	 */
	it('pays 50, 50, 40, 30, 20 percent of the fee', () => {
		const plan = planPortfolio(XIAMEN_DECLINING, [estate('M', 'multi', 10_000), estate('H', 'high', 10_000)]);
		const m = XIAMEN_DECLINING.years.map((y) => rowOf(plan, 'M', y));
		const h = XIAMEN_DECLINING.years.map((y) => rowOf(plan, 'H', y));
		[42_000, 42_000, 33_600, 25_200, 16_800].forEach((v, i) => expect(m[i].base).toBeCloseTo(v, 6));
		[76_800, 76_800, 61_200, 45_600, 31_200].forEach((v, i) => expect(h[i].base_fen).toBe(v * 100));
		[0.64, 0.64, 0.77, 0.9, 1.02].forEach((v, i) => expect(h[i].owner_fee).toBe(v));
		// owners pay the rest: 0.35, 0.35, 0.42, 0.49, 0.56
		[0.35, 0.35, 0.42, 0.49, 0.56].forEach((v, i) => expect(m[i].owner_fee).toBeCloseTo(v, 12));
		expect(m.every((r) => r.reward === 0 && r.reward_status === 'no_rate')).toBe(true);
	});

	it('gives the same money as owner fee 0 with a taper of 0.5, 0.5, 0.4, 0.3, 0.2', () => {
		const taper = definePolicy({
			...XIAMEN_DECLINING,
			id: 'xiamen-as-taper',
			ownerFee: { mode: 'schedule', fee: { multi: [0, 0, 0, 0, 0], high: [0, 0, 0, 0, 0] } },
			taper: [0.5, 0.5, 0.4, 0.3, 0.2]
		});
		const a = planPortfolio(XIAMEN_DECLINING, [estate('M', 'multi', 10_000)]);
		const b = planPortfolio(taper, [estate('M', 'multi', 10_000)]);
		a.rows.forEach((r, i) => expect(b.rows[i].base).toBeCloseTo(r.base, 6));
	});
});

describe('Shaoxing-style split', () => {
	/**
	 * 10,000 ㎡ each, score ≥ 80 (full reward), collection 0.90; area × 12 = 120,000.
	 * Multi: fee 0.40 = 0.20 by assessment + 0.10 town + 0.10 owner:
	 *   base (town) = (0.20 − 0.10) × 120,000 = 12,000; reward (zone) = 0.20 × 1 × 120,000 = 24,000;
	 *   owners 0.10 × 120,000 = 12,000; 12,000 + 24,000 + 12,000 = 48,000 = 0.40 × 120,000.
	 * High: fee 1.10 = 0.70 + 0.30 + 0.10: base = 0.30 × 120,000 = 36,000; reward = 0.70 × 120,000 = 84,000;
	 *   owners 12,000; total 132,000 = 1.10 × 120,000.
	 */
	it('splits 0.40 = 0.20 by assessment + 0.10 + 0.10 (and 1.10 = 0.70 + 0.30 + 0.10)', () => {
		const plan = planPortfolio(qOnly(SHAOXING_SPLIT), [estate('M', 'multi', 10_000, { q: 85 }), estate('H', 'high', 10_000, { q: 85 })]);
		const m = rowOf(plan, 'M', 2026);
		const h = rowOf(plan, 'H', 2026);
		expect(m.base).toBeCloseTo(12_000, 6);
		expect(m.reward).toBeCloseTo(24_000, 6);
		expect(m.base + m.reward + (m.owner_fee as number) * 120_000).toBeCloseTo(0.4 * 120_000, 6);
		expect(h.base).toBeCloseTo(36_000, 6);
		expect(h.reward).toBeCloseTo(84_000, 6);
		expect(h.base + h.reward + (h.owner_fee as number) * 120_000).toBeCloseTo(1.1 * 120_000, 6);
	});

	/**
	 * Threshold 60, span 20, multi rate 0.20, 10,000 ㎡ (120,000 a year at the full rate → 24,000):
	 *   score 50: below the threshold → 0 ('below_threshold');
	 *   score 60: at the threshold → paid, factor (60 − 60)/20 = 0 → 0;
	 *   score 70: factor 0.5 → 12,000 ('partial_reward');
	 *   score 90: factor clip(1.5) = 1 → 24,000.
	 */
	it('pays the reward at, below and above the threshold', () => {
		const plan = planPortfolio(qOnly(SHAOXING_SPLIT), [
			estate('A50', 'multi', 10_000, { q: 50 }),
			estate('B60', 'multi', 10_000, { q: 60 }),
			estate('C70', 'multi', 10_000, { q: 70 }),
			estate('D90', 'multi', 10_000, { q: 90 })
		]);
		const [a, b, c, d] = ['A50', 'B60', 'C70', 'D90'].map((id) => rowOf(plan, id, 2026));
		expect([a.reward_status, a.meets_threshold, a.reward]).toEqual(['below_threshold', false, 0]);
		expect(rowReasons(a)).toContain('below_threshold');
		expect([b.reward_status, b.meets_threshold, b.reward_factor, b.reward]).toEqual(['paid', true, 0, 0]);
		expect(c.reward_factor).toBe(0.5);
		expect(c.reward).toBeCloseTo(12_000, 6);
		expect(rowReasons(c)).toContain('partial_reward');
		expect(d.reward_factor).toBe(1);
		expect(d.reward).toBeCloseTo(24_000, 6);
		expect(rowReasons(d)).not.toContain('partial_reward');
		// the base subsidy does not depend on the score
		for (const r of [a, b, c, d]) expect(r.base).toBeCloseTo(12_000, 6);
		expect(failingRows(plan).filter((r) => r.year === 2026).map((r) => r.estate_id)).toEqual(['A50']);
	});

	/**
	 * Floor 0.65, score 90 (full reward 24,000 for multi 10,000 ㎡):
	 *   collection 0.64 → withheld ('collection_below_floor'); 0.65 → paid (the floor itself passes);
	 *   no fee row for 2025 (only 2024) → unknown → withheld ('collection_unknown'). The base is paid in all three.
	 */
	it('withholds the reward below the collection floor', () => {
		const plan = planPortfolio(qOnly(SHAOXING_SPLIT), [
			estate('LOW', 'multi', 10_000, { q: 90, collection: 0.64 }),
			estate('OK', 'multi', 10_000, { q: 90, collection: 0.65 }),
			estate('UNK', 'multi', 10_000, { q: 90, feeYear: 2024 })
		]);
		const [low, ok, unk] = ['LOW', 'OK', 'UNK'].map((id) => rowOf(plan, id, 2026));
		expect([low.reward_status, low.collection_ok, low.reward]).toEqual(['collection_below_floor', false, 0]);
		expect(rowReasons(low)).toContain('collection_below_floor');
		expect(ok.reward).toBeCloseTo(24_000, 6);
		expect([unk.reward_status, unk.collection_rate, unk.reward]).toEqual(['collection_unknown', null, 0]);
		for (const r of [low, ok, unk]) expect(r.base).toBeCloseTo(12_000, 6);
		// a policy without a floor pays regardless
		const noFloor = planPortfolio({ ...qOnly(SHAOXING_SPLIT), collectionFloor: 0 }, [estate('LOW', 'multi', 10_000, { q: 90, collection: 0.1 })]);
		expect(noFloor.rows[0].reward).toBeCloseTo(24_000, 6);
	});
});

describe('budget cap', () => {
	/**
	 * Target 1.00 (multi), owners pay their current fee (step 0), no reward, one plan year 2026 (data 2025):
	 *   A: 1,000 ㎡, fee 0.40 → gap 0.60 → 0.60 × 1,000 × 12 = 7,200; score 80
	 *   B: 2,000 ㎡, fee 0.70 → gap 0.30 → 0.30 × 2,000 × 12 = 7,200; score 60
	 *   C:   500 ㎡, fee 0.20 → gap 0.80 → 0.80 ×   500 × 12 = 4,800; score 70
	 * Requests 19,200; cap 15,000.
	 *   pro rata: × 15,000 / 19,200 = 0.78125 → A 5,625, B 5,625, C 3,750;
	 *   largest gap first: C (0.80) 4,800 → A (0.60) 7,200 (running 12,000) → B gets the remaining 3,000 (partial);
	 *   lowest score first: B (60) 7,200 → C (70) 4,800 (running 12,000) → A gets 3,000 (partial).
	 * With a cap of 12,000 and largest gap first, B gets nothing (unfunded).
	 */
	const estates = [
		estate('A', 'multi', 1_000, { fee: 0.4, q: 80 }),
		estate('B', 'multi', 2_000, { fee: 0.7, q: 60 }),
		estate('C', 'multi', 500, { fee: 0.2, q: 70 })
	];
	const policy = (rule: 'pro_rata' | 'largest_gap_first' | 'lowest_score_first', cap = 15_000) =>
		definePolicy({
			id: `cap-${rule}`,
			name_zh: '测试',
			name_en: 'Test',
			years: [2026],
			target: { mode: 'by_building_type', fee: { multi: 1, high: 1 } },
			ownerFee: { mode: 'current_fee', stepPerYear: 0 },
			reward: { rate: { multi: 0, high: 0 }, threshold: 60, span: 20 },
			budget: { caps: cap, rule },
			assessment: { weights: { q: 1, handling: 0, onTime: 0, median: 0 } }
		});
	const paid = (plan: Plan) => Object.fromEntries(plan.rows.map((r) => [r.estate_id, r.paid]));

	it('cuts every request pro rata', () => {
		const plan = planPortfolio(policy('pro_rata'), estates);
		const p = paid(plan);
		expect(p.A).toBeCloseTo(5_625, 6);
		expect(p.B).toBeCloseTo(5_625, 6);
		expect(p.C).toBeCloseTo(3_750, 6);
		expect(plan.rows.every((r) => r.funding === 'pro_rata' && r.funded_share === 0.78125)).toBe(true);
		expect(rowReasons(plan.rows[0])).toContain('capped_pro_rata');
		const t = plan.totals[0];
		expect([t.requested, t.cap, t.binding, t.partial_estate_id]).toEqual([19_200, 15_000, true, null]);
		expect(t.paid).toBeCloseTo(15_000, 6);
		expect(t.shortfall).toBeCloseTo(4_200, 6);
	});

	it('shares a cap that does not divide evenly to the fen by the largest-remainder rule', () => {
		// Cap 10,000.01 = 1,000,001 fen over requests 720,000 / 720,000 / 480,000 fen (total 1,920,000):
		// exact shares 375,000.375 / 375,000.375 / 250,000.25 fen; floors add to 1,000,000, one fen left, and it
		// goes to the largest remainder, A and B tied at .375, so to the earlier, A: 3,750.01 + 3,750.00 + 2,500.00.
		const plan = planPortfolio(policy('pro_rata', 10_000.01), estates);
		const byId = Object.fromEntries(plan.rows.map((r) => [r.estate_id, r]));
		expect([byId.A.paid_fen, byId.B.paid_fen, byId.C.paid_fen]).toEqual([375_001, 375_000, 250_000]);
		expect(plan.totals[0].paid_fen).toBe(1_000_001);
		expect(plan.totals[0].cap_fen).toBe(1_000_001);
		// 削减额 = request − paid: 7,200.00 − 3,750.01 = 3,449.99; the cuts add up to the year's shortfall
		expect(byId.A.cut_fen).toBe(344_999);
		expect(byId.A.cut_fen + byId.B.cut_fen + byId.C.cut_fen).toBe(plan.totals[0].shortfall_fen);
		expect(byId.C.cut_share).toBeCloseTo(230_000 / 480_000, 12);
	});

	it('funds the largest gap first and says who got partial funding', () => {
		const plan = planPortfolio(policy('largest_gap_first'), estates);
		const byId = Object.fromEntries(plan.rows.map((r) => [r.estate_id, r]));
		expect([byId.C.priority_rank, byId.A.priority_rank, byId.B.priority_rank]).toEqual([1, 2, 3]);
		expect([byId.C.funding, byId.A.funding, byId.B.funding]).toEqual(['full', 'full', 'partial']);
		expect(byId.C.paid).toBeCloseTo(4_800, 6);
		expect(byId.A.paid).toBeCloseTo(7_200, 6);
		expect(byId.B.paid).toBeCloseTo(3_000, 6);
		expect(byId.B.funded_share).toBeCloseTo(3_000 / 7_200, 12);
		expect(plan.totals[0].partial_estate_id).toBe('B');
		expect(explainRow(policy('largest_gap_first'), byId.B).at(-1)?.en).toContain('Ranked 3');

		const tight = planPortfolio(policy('largest_gap_first', 12_000), estates);
		const b = tight.rows.find((r) => r.estate_id === 'B') as PlanRow;
		expect([b.funding, b.paid]).toEqual(['unfunded', 0]);
		expect(rowReasons(b)).toContain('unfunded');
		expect(tight.totals[0].unfunded).toBe(1);
	});

	it('funds the lowest score first', () => {
		const plan = planPortfolio(policy('lowest_score_first'), estates);
		const byId = Object.fromEntries(plan.rows.map((r) => [r.estate_id, r]));
		expect([byId.B.priority_rank, byId.C.priority_rank, byId.A.priority_rank]).toEqual([1, 2, 3]);
		expect(byId.B.paid).toBeCloseTo(7_200, 6);
		expect(byId.C.paid).toBeCloseTo(4_800, 6);
		expect(byId.A.paid).toBeCloseTo(3_000, 6);
		expect(byId.A.funding).toBe('partial');
		expect(plan.totals[0].partial_estate_id).toBe('A');
	});

	it('pays everything when the cap does not bind', () => {
		for (const rule of ['pro_rata', 'largest_gap_first', 'lowest_score_first'] as const) {
			const plan = planPortfolio(policy(rule, 19_200), estates);
			expect(plan.rows.every((r) => r.funding === 'full')).toBe(true);
			expect(plan.totals[0].paid).toBeCloseTo(19_200, 6);
			expect(plan.totals[0].binding).toBe(false);
		}
	});

	it('splits a partial payment between base and reward in proportion', () => {
		const withReward = definePolicy({ ...policy('largest_gap_first', 6_000), reward: { rate: { multi: 0.1, high: 0.1 }, threshold: 60, span: 0 } });
		// C requests 4,800 base + 0.10 × 500 × 12 = 600 reward = 5,400 (full); A requests 7,200 + 1,200 = 8,400, gets 600
		const plan = planPortfolio(withReward, estates);
		const a = plan.rows.find((r) => r.estate_id === 'A') as PlanRow;
		expect(a.paid_fen).toBe(60_000);
		// 60,000 fen in proportion 7,200 : 1,200 → 51,428.57… and 8,571.42…: floors 51,428 + 8,571 = 59,999; the
		// fen left over goes to the larger remainder (base, .57), so 514.29 + 85.71 = 600.00 exactly.
		expect(a.base_paid_fen).toBe(51_429);
		expect(a.reward_paid_fen).toBe(8_571);
		expect(a.cut_fen).toBe(840_000 - 60_000);
	});
});

describe('data years, explanation and variants', () => {
	it('uses last year\'s assessment and marks years beyond the data as projected', () => {
		const plan = planPortfolio(SHAOXING_SPLIT, [estate('M', 'multi', 10_000, { q: 85 })]);
		expect(plan.latestDataYear).toBe(2025);
		expect(plan.rows.map((r) => [r.year, r.data_year, r.projected])).toEqual([
			[2026, 2025, false],
			[2027, 2025, true],
			[2028, 2025, true],
			[2029, 2025, true],
			[2030, 2025, true]
		]);
		expect(rowReasons(plan.rows[1])).toContain('projected');
	});

	it('explains a row step by step with its figures', () => {
		const plan = planPortfolio(qOnly(SHAOXING_SPLIT), [estate('M', 'multi', 10_000, { q: 70 })]);
		const steps = explainRow(qOnly(SHAOXING_SPLIT), plan.rows[0]);
		const en = steps.map((s) => s.en).join('\n');
		expect(en).toContain('Base subsidy = max(0, target 0.2 (by building type) − owner-paid 0.1 (from the yearly schedule)) × 10000 m² × 12 × taper 1 = 12000 yuan.');
		expect(en).toContain('Reward = 0.2 × clip((70 − 60) ÷ 20, 0, 1) = 0.2 × 0.5 × 10000 m² × 12 = 12000 yuan.');
		expect(en).toContain('No budget cap this year');
		expect(steps.every((s) => s.zh.length > 0)).toBe(true);
	});

	it('explains one estate from its raw facts with the budget outcome of the portfolio', () => {
		const estates = [estate('A', 'multi', 1_000, { q: 85 }), estate('B', 'high', 1_000, { q: 65 })];
		const policy = definePolicy({ ...qOnly(SHAOXING_SPLIT), budget: { caps: 8_000, rule: 'lowest_score_first' } });
		const plan = planPortfolio(policy, estates);
		// 1,000 ㎡ × 12 = 12,000 each. B (score 65) first: base 0.30 × 12,000 = 3,600 + reward 0.70 × 0.25 × 12,000 = 2,100
		// → 5,700. A (85): base 0.10 × 12,000 = 1,200 + reward 0.20 × 1 × 12,000 = 2,400 → 3,600, gets 8,000 − 5,700 = 2,300.
		const [first] = explainEstate(policy, estates[0], plan);
		expect(first.differsFromPlan).toBe(false);
		expect(first.row.funding).toBe('partial');
		expect(first.row.paid).toBeCloseTo(2_300, 6);
		expect(first.row.request).toBeCloseTo(3_600, 6);
		expect(first.assessment.score).toBe(85);
		expect(first.steps.at(-1)?.en).toContain('Ranked 2');
		const other = planPortfolio(XIAMEN_DECLINING, estates);
		expect(explainEstate(policy, estates[0], other)[0].differsFromPlan).toBe(true);
	});

	it('compares policy variants year by year and per estate', () => {
		const estates = [estate('M', 'multi', 10_000, { q: 85 }), estate('H', 'high', 10_000, { q: 85 })];
		const c = comparePlans([
			{ label: 'Shaoxing', plan: planPortfolio(SHAOXING_SPLIT, estates) },
			{ label: 'Xiamen', plan: planPortfolio(XIAMEN_DECLINING, estates) }
		]);
		expect(c.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
		// Xiamen 2026: (0.35 + 0.64) × 120,000 = 118,800
		expect(c.years[0].byVariant[1]?.paid).toBeCloseTo(118_800, 6);
		// Shaoxing 2026: M 12,000 + 24,000 (score 85 ≥ 80), H 36,000 + 84,000
		expect(c.years[0].byVariant[0]?.paid).toBeCloseTo(156_000, 6);
		expect(c.estates.map((e) => e.estate_id)).toEqual(['H', 'M']);
		expect(c.overall[0].paid).toBeCloseTo(5 * 156_000, 4);
	});

	it('handles estates without Q, tickets or fees', () => {
		const bare: EstatePlanInput = { ...estate('Z', 'high', 5_000, { q: null }), fees: [] };
		const plan = planPortfolio(SHAOXING_SPLIT, [bare, estate('M', 'multi', 10_000, { q: 85 })]);
		const z = plan.rows.find((r) => r.estate_id === 'Z') as PlanRow;
		expect([z.score, z.reward_status, z.collection_rate, z.current_fee]).toEqual([null, 'no_score', null, null]);
		expect(z.base).toBeCloseTo(0.3 * 5_000 * 12, 6); // the base needs no score
	});
});
