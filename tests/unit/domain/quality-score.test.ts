import { describe, expect, it } from 'vitest';
import { DEFAULT_INDICATOR_SYSTEM as SYS, compositeQ, inspectionScore, type IndicatorSystem } from './helpers';

/** Scores used across these tests, with the default weights beside them. */
const FULL = {
	management: 80, //       15 × 80 = 1200
	upkeep: 70, //           10 × 70 =  700
	elevator: 90, //          6 × 90 =  540
	fire: 85, //              5 × 85 =  425
	water: 80, //             3 × 80 =  240
	facilities_other: 75, //  6 × 75 =  450
	order: 85, //            15 × 85 = 1275
	cleaning: 80, //         15 × 80 = 1200
	greening: 70, //          8 × 70 =  560
	customer_service: 90, // 12 × 90 = 1080
	accounts: 60 //           5 × 60 =  300
}; //                       sum     = 7970 over 100 points

describe('inspectionScore', () => {
	it('full estate: 7970 / 100 = 79.7', () => {
		const r = inspectionScore(SYS, FULL, true);
		expect(r.score).toBeCloseTo(79.7, 10);
		expect(r.missing).toEqual([]);
		expect(r.notes).toEqual([]);
	});

	it('no elevator: (7970 − 540) / 94 = 7430 / 94 = 79.0425531915…', () => {
		// 94 × 79 = 7426, remainder 4 → 79 + 4/94 = 79.04255319
		const r = inspectionScore(SYS, FULL, false);
		expect(r.score).toBeCloseTo(79.04255319, 7);
		expect(r.elevatorRedistributed).toBe(true);
		expect(r.ignored).toEqual(['elevator']); // the elevator score given is not used
		expect(r.notes.length).toBeGreaterThanOrEqual(1);
	});

	it('no elevator with a bad elevator score: 80 everywhere else stays 80', () => {
		// With elevators: (94 × 80 + 6 × 30) / 100 = (7520 + 180) / 100 = 77.0
		// Without: the elevator is dropped, 94 × 80 / 94 = 80.0
		const scores = { ...Object.fromEntries(SYS.indicators.map((i) => [i.code, 80])), elevator: 30 };
		expect(inspectionScore(SYS, scores, true).score).toBeCloseTo(77, 10);
		expect(inspectionScore(SYS, scores, false).score).toBeCloseTo(80, 10);
	});

	it('missing indicator: re-normalised over the rest and reported', () => {
		// accounts (5 points, score 60) missing: (7970 − 300) / 95 = 7670 / 95 = 80.7368421…
		const { accounts: _, ...rest } = FULL;
		const r = inspectionScore(SYS, rest, true);
		expect(r.score).toBeCloseTo(80.73684211, 7);
		expect(r.missing).toEqual(['accounts']);
		expect(r.weights.reduce((s, w) => s + w.weight, 0)).toBeCloseTo(1, 12);
		expect(r.notes.some((n) => n.zh.includes('收支公开'))).toBe(true);
	});

	it('out-of-range scores are left out as invalid, not clamped', () => {
		// upkeep 120 invalid: (7970 − 700) / 90 = 7270 / 90 = 80.7777…
		const r = inspectionScore(SYS, { ...FULL, upkeep: 120 }, true);
		expect(r.invalid).toEqual(['upkeep']);
		expect(r.score).toBeCloseTo(80.77777778, 7);
	});

	it('no usable score at all gives null', () => {
		expect(inspectionScore(SYS, {}, true).score).toBeNull();
	});
});

describe('compositeQ', () => {
	it('Q = 0.6 × 82 + 0.4 × 70 = 49.2 + 28 = 77.2', () => {
		const r = compositeQ(SYS, 82, 70);
		expect(r.q).toBeCloseTo(77.2, 10);
		expect(r.basis).toBe('blend');
		expect(r.note).toBeNull();
	});

	it('full estate: 0.6 × 79.7 + 0.4 × 70 = 47.82 + 28 = 75.82', () => {
		const insp = inspectionScore(SYS, FULL, true).score;
		expect(compositeQ(SYS, insp, 70).q).toBeCloseTo(75.82, 10);
	});

	it('missing satisfaction: inspection alone, flagged', () => {
		const r = compositeQ(SYS, 82, null);
		expect(r.q).toBe(82);
		expect(r.basis).toBe('inspection_only');
		expect(r.note?.en).toContain('missing');
	});

	it('missing inspection: no Q', () => {
		const r = compositeQ(SYS, null, 90);
		expect(r.q).toBeNull();
		expect(r.basis).toBe('none');
	});

	it('normalises a blend that does not sum to 1', () => {
		// 3 : 1 → 0.75 × 80 + 0.25 × 60 = 60 + 15 = 75
		const sys: IndicatorSystem = { ...SYS, blend: { inspection: 3, satisfaction: 1 } };
		expect(compositeQ(sys, 80, 60).q).toBeCloseTo(75, 12);
	});
});
