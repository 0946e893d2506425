import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_GRADE_THRESHOLDS, fee2, negotiatingRange, verdict, type VerdictInput } from '$lib/domain';
import { WORKED } from './fixtures';

// Guide prices: grade 3 at 1.20 gives the range 1.20 ÷ 1.1 = 1.0909 to 1.20 ÷ 0.9 = 1.3333.
const PRICES = { 2: 1.5, 3: 1.2, 5: 0.7 } as const;
const COMPLETE = { missingItems: 0, estimatedItems: 0, collectionRateDefault: false };

function input(over: Partial<VerdictInput>): VerdictInput {
	return {
		currentFee: 1.4,
		achievedGrade: 3,
		q: 72.3,
		guidePrices: PRICES,
		bands: DEFAULT_BANDS,
		thresholds: DEFAULT_GRADE_THRESHOLDS,
		range: null,
		costBasis: COMPLETE,
		...over
	};
}

describe('fee2: one rounding rule for fees (0.01, both decimals)', () => {
	it('1.4 → 1.40, 1.3333 → 1.33, 1.005 → 1.01, 0.0667 → 0.07', () => {
		expect([fee2(1.4), fee2(4 / 3), fee2(1.005), fee2(1.4 - 4 / 3)]).toEqual(['1.40', '1.33', '1.01', '0.07']);
	});
});

describe('verdict: fee above the fair range, the firm can break even inside it', () => {
	// Full collection: floor = 1.14 × 1.08 × 1.06 = 1.305072 ≤ 1.3333.
	const range = negotiatingRange({ cost: { ...WORKED, collectionRate: 1 }, achievedGrade: 3, guidePrices: PRICES, q: 72.3 });
	const v = verdict(input({ range }));

	it('says 1.09–1.33 and 偏高 in one sentence', () => {
		expect(v.status).toBe('high');
		expect(v.fair?.low).toBeCloseTo(1.090909, 6);
		expect(v.fair?.high).toBeCloseTo(1.333333, 6);
		expect(v.sentence.zh).toBe('与现有服务质量（三级）相符的收费为 1.09–1.33 元/㎡·月；现行 1.40 偏高。');
	});

	it('options: lower to 1.33 (0.07 less); keep 1.40 and reach 二级 (1.50 ÷ 0.9 = 1.67), Q 80 − 72.3 = 7.7 points', () => {
		expect(v.options.map((o) => o.kind)).toEqual(['lower_fee', 'raise_quality']);
		expect(v.options[0].figure).toBeCloseTo(1.333333, 6);
		expect(v.options[0].text.zh).toBe('降费：收费降至 1.33 元/㎡·月（每平方米每月少 0.07 元）。');
		expect(v.options[1].figure).toBeCloseTo(7.7, 9);
		expect(v.options[1].text.zh).toBe('保持现行收费、提升服务：达到二级（Q ≥ 80.0，需提高 7.7 分），该等级相符收费上限为 1.67。');
	});

	it('reconciles floor 1.31 with the range: negotiate 1.31–1.33', () => {
		expect(v.floor).toBeCloseTo(1.305072, 9);
		expect(v.reconcile?.zh).toBe('成本底线（保本收费）1.31 不高于相符上限 1.33：可在 1.31–1.33 元/㎡·月 之间协商。');
	});
});

describe('verdict: floor above the fair range (76% collection)', () => {
	// floor = 1.305072 ÷ 0.76 = 1.7172; gap 1.7172 − 1.3333 = 0.3839.
	// Cost at which the floor is 4/3: 136,800 × (4/3) ÷ 1.7172 = 547,200 ÷ 5.1516 = 106,219.42 → cut 30,580.58 (22.35%).
	// Collection: 0.76 × 1.7172 ÷ (4/3) = 0.97880.
	const range = negotiatingRange({ cost: WORKED, achievedGrade: 3, guidePrices: PRICES, q: 72.3 });
	const v = verdict(input({ range, costBasis: { ...COMPLETE, collectionRateDefault: true } }));

	it('says the firm cannot break even at a fair fee, by 1.72 − 1.33 = 0.39 as shown', () => {
		expect(v.reconcile?.zh).toBe('成本底线（保本收费）1.72 高于相符上限 1.33：按现有成本，物业公司在与质量相符的收费下不能保本，差 0.39 元/㎡·月。');
	});

	it('offers a cost cut of 30,581 yuan (22.4%) and a collection rate of 97.9%', () => {
		const cut = v.options.find((o) => o.kind === 'cut_cost');
		expect(cut?.figure).toBeCloseTo(30_580.58, 1);
		expect(cut?.text.zh).toBe('降本：年度成本削减 30,581 元（22.4%），使保本收费降到 1.33。');
		expect(v.options.find((o) => o.kind === 'collection')?.figure).toBeCloseTo(0.978805, 5);
	});

	it('names the default collection rate as an estimate', () => {
		expect(v.missing.some((m) => m.zh.includes('收缴率按默认 76% 估计'))).toBe(true);
	});
});

describe('verdict: cost data missing (no budget, staff from a template)', () => {
	const range = negotiatingRange({ cost: WORKED, achievedGrade: 3, guidePrices: PRICES, q: 72.3 });
	const v = verdict(input({ range, costBasis: { missingItems: 9, estimatedItems: 1, collectionRateDefault: true } }));

	it('withholds the floor and every cost figure, and says what to add', () => {
		expect(v.floor).toBeNull();
		expect(v.floorWithheld).toBe(true);
		expect(v.options.map((o) => o.kind)).toEqual(['lower_fee', 'raise_quality']);
		expect(v.reconcile?.zh).toBe('成本底线缺数据，暂不能判断物业公司在相符收费下能否保本。');
		expect(v.missing[0].zh).toContain('10 项成本中 9 项缺数据');
		expect(v.missing[0].zh).toContain('1 项为按本小区面积缩放的模板估算');
		expect(JSON.stringify(v)).not.toContain('1.72');
	});

	it('still states the fair range, which needs no cost', () => {
		expect(v.sentence.zh).toContain('1.09–1.33');
	});
});

describe('verdict: low, matched, unknown', () => {
	it('0.27 at 五级 (guide 0.70): fair 0.64–0.78, 偏低, may rise by 0.37', () => {
		// 0.70 ÷ 1.1 = 0.636364, 0.70 ÷ 0.9 = 0.777778; 0.636364 − 0.27 = 0.366364.
		const v = verdict(input({ currentFee: 0.27, achievedGrade: 5, q: 55 }));
		expect(v.status).toBe('low');
		expect(v.sentence.zh).toBe('与现有服务质量（五级（不达标））相符的收费为 0.64–0.78 元/㎡·月；现行 0.27 偏低。');
		expect(v.options[0]).toMatchObject({ kind: 'raise_fee' });
		expect(v.options[0].text.zh).toContain('提高到 0.64 元/㎡·月（+0.37）');
	});

	it('a fee exactly at 1.20 ÷ 0.9 is still 相符, like QPR = 0.9', () => {
		const v = verdict(input({ currentFee: 1.2 / 0.9 }));
		expect(v.status).toBe('matched');
		expect(v.options).toEqual([]);
	});

	it('no guide price for the grade: no range, and says which catalogue entry is missing', () => {
		const v = verdict(input({ achievedGrade: 4 }));
		expect(v.status).toBe('unknown');
		expect(v.fair).toBeNull();
		expect(v.missing[0].zh).toContain('没有四级的指导价');
	});

	it('no Q: the better grade is named by its threshold only', () => {
		const v = verdict(input({ q: null }));
		expect(v.options[1].text.zh).toBe('保持现行收费、提升服务：达到二级（Q ≥ 80.0），该等级相符收费上限为 1.67。');
		expect(v.missing.some((m) => m.zh.startsWith('缺综合质量分 Q'))).toBe(true);
	});
});
