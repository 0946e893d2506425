/**
 * Staging tells whether a file's natural keys are all distinct (key-set.ts, stage-arrow.ts), so the check needs no
 * aggregate for a file without repeats. What it must never do is call a file distinct when DuckDB would find a
 * repeat: every case below with a repeat is worked out by hand from the file.
 */
import { describe, expect, it } from 'vitest';
import { KeySet } from '../../../src/lib/import/key-set';
import { arrowChunk } from '../../../src/lib/import/stage-arrow';
import { stageChunk } from '../../../src/lib/import/stage';
import { prepareImport, type PreparedImport } from '../../../src/lib/import/index';
import { csvText, utf8, type FixtureCell } from '../../fixtures/import-files';

const column = (values: number[]) => Int32Array.from(values);

describe('KeySet', () => {
	it('adds tuples, and tells a tuple it has seen', () => {
		const set = new KeySet(2);
		const a = column([1, 1, 2, 1]);
		const b = column([1, 2, 1, 1]);
		expect([0, 1, 2].map((k) => set.add([a, b], k))).toEqual([true, true, true]);
		expect(set.repeated).toBe(false);
		// Row 3 is (1, 1), row 0's tuple.
		expect(set.add([a, b], 3)).toBe(false);
		expect(set.repeated).toBe(true);
		expect(set.size).toBe(3);
	});

	it('keeps every tuple as it grows past its first size, and forgets them when cleared, not the repeat', () => {
		const n = 50_000;
		const a = column(Array.from({ length: n + 1 }, (_, i) => (i === n ? 7 : i)));
		const b = column(Array.from({ length: n + 1 }, (_, i) => (i === n ? 0 : i % 3)));
		const set = new KeySet(2);
		for (let k = 0; k < n; k++) expect(set.add([a, b], k)).toBe(true);
		// (7, 0): the first tuple 7 % 3 = 1 made was (7, 1); 7 is (7, 1) too, and row n is (7, 0), new.
		expect(set.add([a, b], n)).toBe(true);
		expect(set.add([a, b], 7)).toBe(false);
		set.clear();
		expect(set.size).toBe(0);
		expect(set.add([a, b], 7)).toBe(true);
		expect(set.repeated).toBe(true);
		// A short run after the long one: the table shrinks, and still tells new keys from repeats.
		set.clear();
		for (let k = 0; k < 3000; k++) expect(set.add([a, b], k)).toBe(true);
		expect(set.add([a, b], 2999)).toBe(false);
		expect(set.size).toBe(3000);
	});
});

const prepare = async (rows: readonly (readonly FixtureCell[])[]): Promise<PreparedImport> => prepareImport({ name: '得分.csv', bytes: utf8(csvText(rows), true) });

/** The verdicts of staging a file in chunks of `size` rows, in order from 0. */
function verdicts(prepared: PreparedImport, size: number): (boolean | undefined)[] {
	const out: (boolean | undefined)[] = [];
	for (let start = 0; start < prepared.rowCount; start += size) out.push(arrowChunk(prepared, start, Math.min(prepared.rowCount, start + size)).keysDistinct);
	return out;
}

const HEAD: FixtureCell[] = ['小区编号', '期间', '指标', '得分', '来源'];

describe('staging tells distinct keys', () => {
	it('a file without repeats is distinct at every chunk; a repeat far from its first row is found in the chunk that stages it', async () => {
		// Rows 2-5: two estates, two quarters. Stored grouped by period: 2024Q1 rows (2, 4, 6) before 2024Q2 rows (3, 5, 7).
		const first: FixtureCell[][] = [
			HEAD,
			['LJ0001', '2024Q1', '保洁', 80, '检查'],
			['LJ0001', '2024Q2', '保洁', 81, '检查'],
			['LJ0002', '2024Q1', '保洁', 70, '检查'],
			['LJ0002', '2024Q2', '保洁', 71, '检查']
		];
		const clean = await prepare([...first, ['LJ0001', '2024Q1', '绿化', 60, '检查'], ['LJ0001', '2024Q2', '绿化', 61, '检查']]);
		expect(verdicts(clean, 2)).toEqual([true, true, true]);
		// Row 7 repeats row 2's key in another spelling of the period; in the stored order it is the fourth 2024Q1 row,
		// so the second chunk of two rows stages it.
		const repeated = await prepare([...first, ['LJ0003', '2024Q1', '保洁', 60, '检查'], ['LJ0001', '2024年第一季度', '保洁', 82, '检查']]);
		expect(verdicts(repeated, 2)).toEqual([true, false, false]);
		// The same rows with another source are another key (the source is part of a score's key).
		const otherSource = await prepare([HEAD, ['LJ0001', '2024Q1', '满意度', 80, '检查'], ['LJ0001', '2024Q1', '满意度', 82, '满意度调查']]);
		expect(verdicts(otherSource, 1)).toEqual([true, true]);
	});

	it('a chunk asked for out of order, or a staging that starts again, tells only what it can', async () => {
		const p = await prepare([HEAD, ['LJ0001', '2024Q1', '保洁', 80, '检查'], ['LJ0001', '2024Q1', '保洁', 81, '检查'], ['LJ0002', '2024Q1', '保洁', 70, '检查']]);
		// Rows 2 and 3 share a key. Skipping the first chunk, the second cannot tell.
		expect(arrowChunk(p, 1, 3).keysDistinct).toBeUndefined();
		// From 0 again: the repeat is in the second chunk.
		expect(verdicts(p, 1)).toEqual([true, false, false]);
		// Staged twice in a row (the check, then its commit): the second staging starts afresh.
		expect(verdicts(p, 3)).toEqual([false]);
		// CSV chunks do not tell.
		expect(stageChunk(p, 0, 3).keysDistinct).toBeUndefined();
	});

	it('rows with row-level errors are not staged, so their keys do not count', async () => {
		// Row 3 repeats row 2's key but its score, 120, is out of range: it stays out, and the staged keys are distinct.
		const p = await prepare([HEAD, ['LJ0001', '2024Q1', '保洁', 80, '检查'], ['LJ0001', '2024Q1', '保洁', 120, '检查']]);
		expect(p.invalidRows).toBe(1);
		expect(verdicts(p, 2)).toEqual([true]);
	});
});
