/**
 * The stored order of a clustered dataset (src/lib/data/cluster-order.ts): rows grouped by their key, keys in the
 * order DuckDB sorts text, each group in the rows' own order, rows without a key last. Expected orders are worked out
 * by hand.
 */
import { describe, expect, it } from 'vitest';
import { clusterOrder, clusterOrderSteps, keyCodes } from '../../../src/lib/data/cluster-order';
import { compareCodePoints } from '../../../src/lib/domain/code-point-order';

const orderOf = (values: unknown[]) => {
	const o = clusterOrder(keyCodes(values));
	return o === null ? null : [...o];
};

describe('cluster order', () => {
	it('codes keys in order of first appearance; null, undefined and empty text have none', () => {
		const { codes, keys } = keyCodes(['2024Q2', null, '2024Q1', '2024Q2', '', undefined, 2024]);
		expect(keys).toEqual(['2024Q2', '2024Q1', '2024']);
		expect([...codes]).toEqual([0, -1, 1, 0, -1, -1, 2]);
	});

	it('groups rows by key, keys ascending, each group in file order, rows without a key last', () => {
		// Rows 0..6: 2024Q2, 2024Q1, (none), 2024Q2, 2024Q1, 2023Q4, 2024Q1.
		expect(orderOf(['2024Q2', '2024Q1', null, '2024Q2', '2024Q1', '2023Q4', '2024Q1'])).toEqual([5, 1, 4, 6, 0, 3, 2]);
		// Months as a user writes them in a canonical file.
		expect(orderOf(['2025-02', '2025-01', '2025-02', '2025-01'])).toEqual([1, 3, 0, 2]);
	});

	it('is null when the rows are already grouped in that order (nothing to move)', () => {
		expect(orderOf(['2023Q4', '2023Q4', '2024Q1', null, null])).toBeNull();
		expect(orderOf([])).toBeNull();
		expect(orderOf(['a'])).toBeNull();
		// Grouped but descending is not the stored order.
		expect(orderOf(['b', 'b', 'a'])).toEqual([2, 0, 1]);
	});

	it('orders text by code point, as DuckDB does, not by UTF-16 unit', () => {
		// U+FFFD is one unit above every surrogate as a unit, but below the astral U+1F600 as a code point.
		expect('\u{1F600}' < '\uFFFD').toBe(true);
		expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0);
		expect(orderOf(['\u{1F600}', '\uFFFD'])).toEqual([1, 0]);
		expect(compareCodePoints('2024Q1', '2024Q1')).toBe(0);
		expect(compareCodePoints('2024', '2024Q1')).toBeLessThan(0);
		// 一 is U+4E00, 二 U+4E8C.
		expect(compareCodePoints('第二期', '第一期')).toBeGreaterThan(0);
	});

	it('in steps, a city-sized set of rows is not one task, and the order is the same', () => {
		// 3 million rows, keys c, b, a repeating: groups a (rows 2, 5, …), b (1, 4, …), c (0, 3, …).
		const n = 3_000_000;
		const codes = new Int32Array(n);
		for (let i = 0; i < n; i++) codes[i] = i % 3;
		const keys = ['c', 'b', 'a'];
		const steps = clusterOrderSteps({ codes, keys });
		let pauses = 0;
		let r = steps.next();
		for (; !r.done; r = steps.next()) pauses++;
		// Two passes over the rows, a pause every 2^20 rows but at the start of each.
		expect(pauses).toBe(4);
		const order = r.value!;
		expect([order[0], order[1], order[n / 3 - 1], order[n / 3], order[n - 1]]).toEqual([2, 5, n - 1, 1, n - 3]);
		expect(clusterOrder({ codes, keys })).toEqual(order);
	});
});
