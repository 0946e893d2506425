import { describe, expect, it } from 'vitest';
import { sortRows } from '../../../src/lib/components/sort-rows';

const rows = [
	{ id: 'b', q: 70, band: 'matched' },
	{ id: 'a', q: null, band: null },
	{ id: 'd', q: 90, band: 'price_above_quality' },
	{ id: 'c', q: 70, band: 'matched' }
];
const ids = (xs: typeof rows) => xs.map((r) => r.id).join('');

describe('sortRows', () => {
	it('sorts numbers either way, missing last, ties by key', () => {
		expect(ids(sortRows(rows, (r) => r.q, (r) => r.id, true))).toBe('dbca');
		expect(ids(sortRows(rows, (r) => r.q, (r) => r.id, false))).toBe('bcda');
	});
	it('sorts text the same way', () => {
		expect(ids(sortRows(rows, (r) => r.band, (r) => r.id, false))).toBe('bcda');
		expect(ids(sortRows(rows, (r) => r.band, (r) => r.id, true))).toBe('dbca');
	});
	it('leaves its input alone', () => {
		sortRows(rows, (r) => r.q, (r) => r.id, true);
		expect(ids(rows)).toBe('badc');
	});
});
