import { describe, expect, it } from 'vitest';
import {
	DEFAULT_INDICATOR_SYSTEM as SYS,
	displayGroups,
	indicatorSystemProblems,
	normaliseWeights,
	weightsForEstate,
	type IndicatorSystem
} from './helpers';

describe('DEFAULT_INDICATOR_SYSTEM', () => {
	it('has the eleven indicators of domain §5, 100 points, facilities group of 20', () => {
		expect(SYS.indicators).toHaveLength(11);
		expect(SYS.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
		const facilities = displayGroups(SYS).find((g) => g.key === 'facilities');
		expect(facilities).toMatchObject({ name_zh: '设施设备运行', weight: 20, codes: ['elevator', 'fire', 'water', 'facilities_other'] });
		// 11 indicators fold into 8 display rows: the 4 facility indicators become one.
		expect(displayGroups(SYS)).toHaveLength(8);
	});

	it('carries provenance for every default figure', () => {
		expect(SYS.provenance.indicators.tag).toBe('E');
		expect(SYS.provenance.blend.tag).toBe('E');
		expect(SYS.provenance.gradeThresholds.tag).toBe('E');
		for (const line of SYS.redLines) expect(line.provenance.tag).toBe('E');
		expect(indicatorSystemProblems(SYS)).toEqual([]);
	});
});

describe('normaliseWeights', () => {
	it('keeps the declared sum and scales to 1', () => {
		// 15 + 5 = 20 → 15/20 = 0.75, 5/20 = 0.25
		const r = normaliseWeights([
			{ code: 'a', weight: 15 },
			{ code: 'b', weight: 5 }
		]);
		expect(r.declaredSum).toBe(20);
		expect(r.weights.map((w) => w.weight)).toEqual([0.75, 0.25]);
	});

	it('rejects negative weights and an all-zero set', () => {
		expect(() => normaliseWeights([{ code: 'a', weight: -1 }])).toThrow(RangeError);
		expect(() => normaliseWeights([{ code: 'a', weight: 0 }])).toThrow(RangeError);
	});
});

describe('weightsForEstate', () => {
	it('leaves weights alone when the estate has elevators', () => {
		const r = weightsForEstate(SYS, true);
		expect(r.elevatorRedistributed).toBe(false);
		expect(r.explanation).toBeNull();
		expect(r.weights.find((w) => w.code === 'management')?.weight).toBeCloseTo(0.15, 12);
	});

	it('spreads the elevator weight proportionally when there is none, and says so', () => {
		// 100 − 6 = 94 points remain: management 15/94, cleaning 15/94, accounts 5/94 …
		const r = weightsForEstate(SYS, false);
		expect(r.elevatorRedistributed).toBe(true);
		expect(r.removed).toEqual(['elevator']);
		expect(r.declaredSum).toBe(94);
		expect(r.weights).toHaveLength(10);
		expect(r.weights.find((w) => w.code === 'management')?.weight).toBeCloseTo(15 / 94, 12);
		expect(r.weights.find((w) => w.code === 'accounts')?.weight).toBeCloseTo(5 / 94, 12);
		expect(r.explanation?.zh).toContain('100/94');
		expect(r.explanation?.en).toContain('weight of 6');
	});
});

describe('indicatorSystemProblems', () => {
	it('names duplicate codes, bad weights and unordered thresholds', () => {
		const bad: IndicatorSystem = {
			...SYS,
			indicators: [...SYS.indicators, { code: 'order', name_zh: '', name_en: '', weight: -2 }],
			gradeThresholds: [90, 70, 80, 60]
		};
		const problems = indicatorSystemProblems(bad);
		expect(problems.some((p) => p.includes('duplicate'))).toBe(true);
		expect(problems.some((p) => p.includes('≥ 0'))).toBe(true);
		expect(problems.some((p) => p.includes('descending'))).toBe(true);
	});
});
