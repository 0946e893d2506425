import { describe, expect, it } from 'vitest';
import {
	FINANCE_PAID_3Y,
	SHAOXING_SPLIT,
	SUBSIDY_PRESETS,
	XIAMEN_DECLINING,
	ZHIJIA_MODEL,
	capAt,
	findSubsidyPreset,
	ownerFeeAt,
	parsePolicy,
	policyProvenance,
	resolvePolicy,
	rewardFactor,
	taperAt,
	targetFee
} from '$lib/domain/subsidy';

describe('presets', () => {
	it('are valid policies with provenance for every part', () => {
		for (const p of SUBSIDY_PRESETS) {
			expect(parsePolicy(p).success).toBe(true);
			for (const part of ['design', 'target', 'ownerFee', 'taper', 'reward', 'collectionFloor', 'budget', 'assessment'] as const) {
				expect(p.provenance[part], `${p.id}.${part}`).toBeDefined();
			}
			expect(findSubsidyPreset(p.id)).toBe(p);
		}
	});

	it('Shaoxing: full fee = target (town + owner) + full reward (assessment part)', () => {
		// multi 0.40 = 0.20 by assessment + 0.10 town + 0.10 owner; high 1.10 = 0.70 + 0.30 + 0.10
		const p = SHAOXING_SPLIT;
		expect(p.provenance.design?.tag).toBe('V');
		for (const [bt, fee, assessed, town] of [
			['multi', 0.4, 0.2, 0.1],
			['high', 1.1, 0.7, 0.3]
		] as const) {
			const target = targetFee(p, bt, null, null) as number;
			const owner = ownerFeeAt(p, 0, bt, target, null) as number;
			expect(owner).toBe(0.1);
			expect(target - owner).toBeCloseTo(town, 12);
			expect(p.reward.rate[bt]).toBe(assessed);
			expect(target + p.reward.rate[bt]).toBeCloseTo(fee, 12);
		}
	});

	it('Xiamen: the district share of the fee is 50, 50, 40, 30, 20 %', () => {
		const p = XIAMEN_DECLINING;
		const shares = p.years.map((_, i) => {
			const owner = ownerFeeAt(p, i, 'multi', 0.7, null) as number;
			return ((0.7 - owner) / 0.7) * taperAt(p, i);
		});
		shares.forEach((s, i) => expect(s).toBeCloseTo([0.5, 0.5, 0.4, 0.3, 0.2][i], 12));
		expect(p.reward.rate).toEqual({ multi: 0, high: 0 });
	});

	it('finance-paid: 0.6 / 1.1 paid in full for three years, then nothing', () => {
		const p = FINANCE_PAID_3Y;
		expect(targetFee(p, 'multi', null, null)).toBe(0.6);
		expect(targetFee(p, 'high', null, null)).toBe(1.1);
		const district = p.years.map((_, i) => (1.1 - (ownerFeeAt(p, i, 'high', 1.1, null) as number)) * taperAt(p, i));
		expect(district).toEqual([1.1, 1.1, 1.1, 0, 0]);
		expect(p.description?.en).toContain('0.9');
	});

	it('the app model steps the owners\' fee from what they pay toward the target', () => {
		// current 0.50, target 0.60, +0.05 a year: 0.50, 0.55, 0.60, 0.60, 0.60
		const fees = ZHIJIA_MODEL.years.map((_, i) => ownerFeeAt(ZHIJIA_MODEL, i, 'multi', 0.6, 0.5) as number);
		fees.forEach((f, i) => expect(f).toBeCloseTo([0.5, 0.55, 0.6, 0.6, 0.6][i], 12));
		// a fee already above the target stays where it is
		expect(ownerFeeAt(ZHIJIA_MODEL, 2, 'multi', 0.6, 0.8)).toBe(0.8);
		expect(ownerFeeAt(ZHIJIA_MODEL, 2, 'multi', 0.6, null)).toBeNull();
	});
});

describe('policy reading', () => {
	it('reward factor: 0 at the threshold, a share between, 1 at threshold + span and above', () => {
		// threshold 60, span 20
		expect(rewardFactor(SHAOXING_SPLIT, 60)).toBe(0);
		expect(rewardFactor(SHAOXING_SPLIT, 70)).toBe(0.5);
		expect(rewardFactor(SHAOXING_SPLIT, 95)).toBe(1);
		expect(rewardFactor(SHAOXING_SPLIT, 40)).toBe(0);
		expect(rewardFactor(SHAOXING_SPLIT, null)).toBeNull();
		const step = { ...SHAOXING_SPLIT, reward: { ...SHAOXING_SPLIT.reward, span: 0 } };
		expect(rewardFactor(step, 60)).toBe(1);
		expect(rewardFactor(step, 59.9)).toBe(0);
	});

	it('by-grade target follows the grade Q reaches', () => {
		const p = parsePolicy({
			...ZHIJIA_MODEL,
			target: { mode: 'by_grade', fee: { multi: [1.5, 1.2, 0.9, 0.6, 0.4], high: [2.3, 1.9, 1.5, 1.1, 0.7] }, thresholds: [90, 80, 70, 60] }
		});
		expect(p.success).toBe(true);
		if (!p.success) return;
		expect(targetFee(p.data, 'multi', 85, null)).toBe(1.2);
		expect(targetFee(p.data, 'high', 55, null)).toBe(0.7);
		expect(targetFee(p.data, 'high', null, null)).toBeNull();
	});

	it('caps: one for all years, one per year, or none', () => {
		expect(capAt(SHAOXING_SPLIT, 0)).toBeNull();
		const one = parsePolicy({ ...SHAOXING_SPLIT, budget: { caps: 1e6, rule: 'pro_rata' } });
		const each = parsePolicy({ ...SHAOXING_SPLIT, budget: { caps: [1, 2, null, 4, 5], rule: 'lowest_score_first' } });
		expect(one.success && capAt(one.data, 3)).toBe(1e6);
		expect(each.success && capAt(each.data, 2)).toBeNull();
		expect(each.success && capAt(each.data, 4)).toBe(5);
	});

	it('rejects arrays of the wrong length, unsorted years and all-zero weights', () => {
		const bad = parsePolicy({ ...XIAMEN_DECLINING, taper: [1, 1], years: [2027, 2026, 2028, 2029, 2030] });
		expect(bad.success).toBe(false);
		const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
		expect(messages.some((m) => m.includes('taper needs one entry per plan year'))).toBe(true);
		expect(messages.some((m) => m.includes('strictly increasing'))).toBe(true);
		const zero = parsePolicy({ ...XIAMEN_DECLINING, assessment: { weights: { q: 0, handling: 0, onTime: 0, median: 0 } } });
		expect(zero.success).toBe(false);
	});

	it('fills defaults for the optional parts of a hand-written policy', () => {
		const p = parsePolicy({
			id: 'mine',
			name_zh: '我的',
			name_en: 'Mine',
			years: [2026, 2027],
			target: { mode: 'by_building_type', fee: { multi: 0.5, high: 1 } },
			ownerFee: { mode: 'share_of_target', shares: [0.5, 0.6] },
			reward: { rate: { multi: 0.1, high: 0.2 }, threshold: 70, span: 10 }
		});
		expect(p.success).toBe(true);
		if (!p.success) return;
		expect(p.data.collectionFloor).toBe(0);
		expect(p.data.budget).toEqual({ caps: null, rule: 'pro_rata' });
		expect(p.data.assessment.weights).toEqual({ q: 0.6, handling: 0.2, onTime: 0.2, median: 0 });
		expect(p.data.assessment.lag).toBe(1);
		expect(policyProvenance(p.data, 'target').tag).toBe('user');
	});
});

describe('resolvePolicy', () => {
	it('takes a preset id, a full policy, or a preset with overrides marked as user-entered', () => {
		expect(resolvePolicy('xiamen-declining')).toEqual({ success: true, policy: XIAMEN_DECLINING });
		const r = resolvePolicy({ extends: 'shaoxing-split', budget: { caps: 5_000_000, rule: 'largest_gap_first' } });
		expect(r.success).toBe(true);
		if (!r.success) return;
		expect(r.policy.id).toBe('shaoxing-split+user');
		expect(r.policy.budget.rule).toBe('largest_gap_first');
		expect(r.policy.provenance.budget?.tag).toBe('user');
		expect(r.policy.provenance.reward?.tag).toBe('V');
	});

	it('explains what is wrong', () => {
		const unknown = resolvePolicy('nope');
		expect(unknown.success).toBe(false);
		if (!unknown.success) expect(unknown.errors[0]).toContain('shaoxing-split');
		const bad = resolvePolicy({ extends: 'shaoxing-split', collectionFloor: 2 });
		expect(bad.success).toBe(false);
		if (!bad.success) expect(bad.errors[0]).toMatch(/^collectionFloor:/);
	});
});
