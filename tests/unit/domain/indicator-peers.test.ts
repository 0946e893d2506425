import { describe, expect, it } from 'vitest';
import { compareWithPeers } from '../../../src/lib/domain/indicator-peers';

describe('compareWithPeers', () => {
	// Five estates; estate 0 is the target, estates 1-3 its peers, estate 4 of another type.
	const peer = [true, true, true, true, false];
	const means = {
		codes: ['management', 'elevator', 'satisfaction'],
		columns: [
			Float64Array.of(80, 70, 90, 60, 10),
			Float64Array.of(NaN, 50, NaN, 75, 99),
			Float64Array.of(66, NaN, NaN, NaN, 1)
		]
	};

	it('gives the estate its own mean and the median of its peers, leaving itself and other types out', () => {
		expect(compareWithPeers(means, 0, (i) => peer[i])).toEqual([
			// Peers 70, 90, 60 → sorted 60, 70, 90 → median 70 (estate 4's 10 and the target's own 80 left out).
			{ indicator: 'management', score: 80, peer_median: 70, peer_n: 3 },
			// No mean of its own; two peers with one, 50 and 75 → median (50 + 75) / 2 = 62.5.
			{ indicator: 'elevator', score: null, peer_median: 62.5, peer_n: 2 },
			// No peer has a mean: no median, and a count of 0.
			{ indicator: 'satisfaction', score: 66, peer_median: null, peer_n: 0 }
		]);
	});

	it('compares an estate with no peers at all against nothing', () => {
		expect(compareWithPeers(means, 4, () => false).map((c) => [c.score, c.peer_median, c.peer_n])).toEqual([
			[10, null, 0],
			[99, null, 0],
			[1, null, 0]
		]);
	});
});
