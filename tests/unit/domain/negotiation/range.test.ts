import { describe, expect, it } from 'vitest';
import { computeCostFee, negotiatingRange, positionInRange } from '$lib/domain';
import { HIGH_LADDER, WORKED } from './fixtures';

describe('negotiatingRange: overlap', () => {
	// Full collection: floor = 1.14 × 1.08 × 1.06 = 1.305072; grade 3 guide 1.50 → ceiling 1.50 ÷ 0.9 = 1.6667.
	const r = negotiatingRange({ cost: { ...WORKED, collectionRate: 1 }, achievedGrade: 3, guidePrices: HIGH_LADDER });

	it('floor 1.305072, ceiling 1.6667, overlap [1.305072, 1.6667]', () => {
		expect(r.status).toBe('overlap');
		expect(r.floor).toBeCloseTo(1.305072, 12);
		expect(r.ceiling).toBeCloseTo(1.666667, 6);
		expect(r.overlap?.low).toBeCloseTo(1.305072, 12);
		expect(r.overlap?.high).toBeCloseTo(1.666667, 6);
		expect(r.gap).toBeNull();
		expect(r.explanation.ceiling.text.en).toBe('1.5 ÷ 0.9 = 1.6667 yuan/m²/month');
	});

	it('recommended: [max(1.305072, 1.50 ÷ 1.1 = 1.3636), 1.6667], point the midpoint 1.5152', () => {
		expect(r.matchedInterval?.low).toBeCloseTo(1.363636, 6);
		expect(r.recommended?.low).toBeCloseTo(1.363636, 6);
		expect(r.recommended?.high).toBeCloseTo(1.666667, 6);
		expect(r.recommended?.point).toBeCloseTo(1.515152, 6);
		expect(r.recommended?.pointMethod).toBe('midpoint');
	});

	it('a peer-expected fee inside is the point; outside it is clipped to the nearer edge', () => {
		const inside = negotiatingRange({ cost: { ...WORKED, collectionRate: 1 }, achievedGrade: 3, guidePrices: HIGH_LADDER, peerExpectedFee: 1.6 });
		expect(inside.recommended).toMatchObject({ point: 1.6, pointMethod: 'peer' });
		expect(inside.peerPosition?.position).toBe('within');
		const above = negotiatingRange({ cost: { ...WORKED, collectionRate: 1 }, achievedGrade: 3, guidePrices: HIGH_LADDER, peerExpectedFee: 2 });
		expect(above.recommended?.point).toBeCloseTo(1.666667, 6);
		expect(above.peerPosition?.position).toBe('above_ceiling');
	});

	it('a floor above guide ÷ band high narrows the recommendation: 90% collection → floor 1.45008', () => {
		// 1.305072 ÷ 0.9 = 1.45008 > 1.3636
		const n = negotiatingRange({ cost: { ...WORKED, collectionRate: 0.9 }, achievedGrade: 3, guidePrices: HIGH_LADDER });
		expect(n.recommended?.low).toBeCloseTo(1.45008, 12);
		expect(n.recommended?.high).toBeCloseTo(1.666667, 6);
	});
});

describe('negotiatingRange: gap', () => {
	// 76% collection: floor 1.305072 ÷ 0.76 = 1.7172 > ceiling 1.6667; gap 0.050533.
	const r = negotiatingRange({ cost: WORKED, achievedGrade: 3, guidePrices: HIGH_LADDER, q: 75 });

	it('gap of 1.7172 − 1.6667 = 0.0505, no overlap and no recommendation', () => {
		expect(r.status).toBe('gap');
		expect(r.overlap).toBeNull();
		expect(r.gap?.size).toBeCloseTo(0.0505333, 6);
		expect(r.recommended).toBeNull();
	});

	it('closed by reaching grade 2: 1.90 ÷ 0.9 = 2.1111 ≥ 1.7172, Q ≥ 80, 5 points above 75', () => {
		expect(r.gap?.byQuality).toMatchObject({ grade: 2, guidePrice: 1.9, qThreshold: 80, pointsToGain: 5 });
		expect(r.gap?.byQuality?.ceiling).toBeCloseTo(2.111111, 6);
	});

	it('closed by cutting cost to 136,800 × 1.6667 ÷ 1.7172 = 132,774.28 (−4,025.72, 2.94%)', () => {
		expect(r.gap?.byCost?.targetAnnualCost).toBeCloseTo(132_774.2837, 3);
		expect(r.gap?.byCost?.annualYuan).toBeCloseTo(4025.7163, 3);
		expect(r.gap?.byCost?.share).toBeCloseTo(0.0294278, 6);
		// check: the floor at the target cost equals the ceiling
		const scale = (r.gap?.byCost?.targetAnnualCost ?? 0) / 136_800;
		const costs = Object.fromEntries(Object.entries(WORKED.costs).map(([k, v]) => [k, (v ?? 0) * scale]));
		expect(computeCostFee({ ...WORKED, costs }).breakEvenFee).toBeCloseTo(1.5 / 0.9, 10);
	});

	it('closed by collecting 0.76 × 1.7172 ÷ 1.6667 = 78.30%', () => {
		expect(r.gap?.byCollectionRate).toBeCloseTo(0.7830432, 9);
		expect(r.explanation.status.text.en).toContain('reach Grade 2 (Q ≥ 80, 5 points more');
	});

	it('at the best grade quality cannot close the gap', () => {
		const top = negotiatingRange({ cost: { ...WORKED, costs: { staff: 400_000 } }, achievedGrade: 1, guidePrices: HIGH_LADDER });
		// floor 400,000 ÷ 12 ÷ 10,000 × 1.08 × 1.06 ÷ 0.76 = 5.0211 > 2.30 ÷ 0.9 = 2.5556
		expect(top.status).toBe('gap');
		expect(top.gap?.byQuality).toBeNull();
		expect(top.gap?.byCollectionRate).toBeNull(); // would need 0.76 × 5.0211 ÷ 2.5556 > 100%
		expect(top.gap?.byCost?.share).toBeCloseTo(1 - 2.3 / 0.9 / ((400_000 / 120_000) * 1.08 * 1.06 / 0.76), 9);
	});

	it('no guide price for the achieved grade: no ceiling', () => {
		const n = negotiatingRange({ cost: WORKED, achievedGrade: 1, guidePrices: { 3: 1.5 } });
		expect(n.status).toBe('no_ceiling');
		expect(n.ceiling).toBeNull();
		expect(n.recommended).toBeNull();
	});
});

describe('positionInRange', () => {
	it.each([
		[1.0, 1.2, 1.6, 'below_floor', -0.5],
		[1.2, 1.2, 1.6, 'within', 0],
		[1.4, 1.2, 1.6, 'within', 0.5],
		[1.7, 1.2, 1.6, 'above_ceiling', 1.25]
	] as const)('fee %d in [%d, %d] → %s', (fee, floor, ceiling, position, fraction) => {
		const p = positionInRange(fee, floor, ceiling);
		expect(p.position).toBe(position);
		expect(p.fraction).toBeCloseTo(fraction, 12);
	});

	it('in a gap (ceiling 1.5 < floor 1.7) a fee between is in_gap', () => {
		expect(positionInRange(1.6, 1.7, 1.5).position).toBe('in_gap');
		expect(positionInRange(1.4, 1.7, 1.5).position).toBe('below_floor');
		expect(positionInRange(1.8, 1.7, 1.5).position).toBe('above_ceiling');
		expect(positionInRange(1.8, 1.7, null).position).toBe('above_floor');
	});
});
