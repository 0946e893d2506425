import { describe, expect, it } from 'vitest';
import { DEFAULT_PEER_OPTIONS, findPeers, type PeerCandidate } from './helpers';

const S = 50_000; // m²
const E2 = Math.exp(2); // area × e² → log area + 2

// Pool of the same building type (target excluded): ages 10,20,10,20 → mean 15, population sd 5;
// log areas L, L, L+2, L+2 → sd 1; Q 90,70,90,70 → mean 80, sd 10.
const target: PeerCandidate = { id: 'T', estate_type: 'commercial', building_type: 'high', age: 10, chargeable_area_m2: S, q: 80 };
const pool: PeerCandidate[] = [
	target, // skipped by id
	{ id: 'A', estate_type: 'commercial', building_type: 'high', age: 10, chargeable_area_m2: S, q: 90 },
	{ id: 'B', estate_type: 'commercial', building_type: 'high', age: 20, chargeable_area_m2: S, q: 70 },
	{ id: 'C', estate_type: 'relocation', building_type: 'high', age: 10, chargeable_area_m2: S * E2, q: 90 },
	{ id: 'D', estate_type: 'commercial', building_type: 'multi', age: 10, chargeable_area_m2: S, q: 80 },
	{ id: 'E', estate_type: 'commercial', building_type: 'high', age: 20, chargeable_area_m2: S * E2, q: 70 }
];

describe('findPeers', () => {
	it('orders by standardised distance, worked by hand', () => {
		// A: Δage 0, Δlog 0, ΔQ 10/10 = 1                  → √1            = 1
		// B: Δage 10/5 = 2, Δlog 0, ΔQ 1                    → √(4 + 1)      = 2.236
		// E: Δage 2, Δlog 2/1 = 2, ΔQ 1                     → √(4 + 4 + 1)  = 3
		// C: Δage 0, Δlog 2, ΔQ 1, other estate type 3²     → √(4 + 1 + 9)  = 3.742
		// D: multi-storey → never a peer of a high-rise estate
		const r = findPeers(target, pool, { ...DEFAULT_PEER_OPTIONS, k: 10 });
		expect(r.matches.map((m) => m.candidate.id)).toEqual(['A', 'B', 'E', 'C']);
		expect(r.matches.map((m) => m.distance)).toEqual([1, Math.sqrt(5), 3, Math.sqrt(14)].map((d) => expect.closeTo(d, 10)));
		expect(r.poolSize).toBe(4);
		expect(r.excludedOtherBuildingType).toBe(1);
		expect(r.featuresUsed).toEqual(['age', 'logArea', 'q']);
		expect(r.matches[3].sameEstateType).toBe(false);
		expect(r.matches[2].gaps).toEqual({ age: expect.closeTo(2, 10), logArea: expect.closeTo(2, 10), q: expect.closeTo(1, 10) });
	});

	it('returns at most k', () => {
		expect(findPeers(target, pool, { ...DEFAULT_PEER_OPTIONS, k: 2 }).matches.map((m) => m.candidate.id)).toEqual(['A', 'B']);
	});

	it('a candidate missing a feature is charged a squared gap of 2', () => {
		// B without Q: Δage² = 4, ΔQ² charged 2 → d = √6 = 2.449.
		// The Q sd is now over A, C, E = 90, 90, 70: mean 83.33, deviations 6.67, 6.67, −13.33,
		// variance (44.44 + 44.44 + 177.78) / 3 = 800/9, sd 9.428 → A: ΔQ = 10 / 9.428 = 1.0607 = d.
		const withGap = pool.map((c) => (c.id === 'B' ? { ...c, q: null } : c));
		const r = findPeers(target, withGap, { ...DEFAULT_PEER_OPTIONS, k: 10 });
		const b = r.matches.find((m) => m.candidate.id === 'B');
		expect(b?.distance).toBeCloseTo(Math.sqrt(6), 10);
		expect(r.matches[0].distance).toBeCloseTo(10 / Math.sqrt(800 / 9), 10);
	});

	it('a target without Q is matched on the other features, and says so', () => {
		// A: 0; B: Δage 2 → 2; E: √(4 + 4) = 2.828; C: √(4 + 9) = 3.606
		const r = findPeers({ ...target, q: null }, pool, { ...DEFAULT_PEER_OPTIONS, k: 10 });
		expect(r.featuresUsed).toEqual(['age', 'logArea']);
		expect(r.matches.map((m) => m.candidate.id)).toEqual(['A', 'B', 'E', 'C']);
		expect(r.matches[0].distance).toBe(0);
		expect(r.notes).toHaveLength(1);
	});
});
