/** TableBuilder's columns allocated ahead (expectedRows): the same table whether the guess is low, high or absent. */
import { describe, expect, it } from 'vitest';
import { TableBuilder } from '../../../src/lib/import/table';
import { readCsv } from '../../../src/lib/import/source';
import type { Cell } from '../../../src/lib/import/types';
import { utf8 } from '../../fixtures/import-files';

const headers = ['estate_id', 'period', 'score'];
/** Ten data rows, a blank row and a summary row among them (both skipped, the summary with a warning). */
const rows: Cell[][] = [
	...Array.from({ length: 5 }, (_, i): Cell[] => [`E${i}`, '2024Q1', 60 + i]),
	[null, '', null],
	['合计', null, 310],
	...Array.from({ length: 5 }, (_, i): Cell[] => [`E${i + 5}`, '2024Q2', 70 + i])
];

function build(expectedRows?: number) {
	const b = new TableBuilder({ file: 't.parquet', kind: 'parquet', headers, expectedRows });
	rows.forEach((r, i) => b.push([...r], i + 1));
	return b.finish();
}

describe('TableBuilder expectedRows', () => {
	it('gives the same table, problems and row numbers with no guess, a low guess and a high one', () => {
		const plain = build();
		expect(plain.rowCount).toBe(10);
		expect(plain.columns[0]).toEqual(['E0', 'E1', 'E2', 'E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9']);
		expect(plain.columns[2]).toEqual([60, 61, 62, 63, 64, 70, 71, 72, 73, 74]);
		expect(plain.rowNumbers).toEqual([1, 2, 3, 4, 5, 8, 9, 10, 11, 12]);
		expect(plain.problems.map((p) => [p.row, p.code])).toEqual([[7, 'summary_row_skipped']]);
		for (const guess of [0, 3, 10, 12, 1000]) {
			const t = build(guess);
			expect(t.columns).toEqual(plain.columns);
			for (const c of t.columns) expect(c).toHaveLength(10);
			expect(t.rowNumbers).toEqual(plain.rowNumbers);
			expect(t.problems).toEqual(plain.problems);
		}
	});

	it('a CSV whose quoted cells span lines (more lines than rows) keeps exactly its rows', () => {
		const text = 'estate_id,name,remark\nE1,甲,"第一行\n第二行\n第三行"\nE2,乙,\n\nE3,丙,"x\ny"\n';
		const t = readCsv('t.csv', utf8(text));
		expect(t.rowCount).toBe(3);
		expect(t.columns.map((c) => c.length)).toEqual([3, 3, 3]);
		expect(t.columns[2]).toEqual(['第一行\n第二行\n第三行', '', 'x\ny']);
		expect(t.rowNumbers).toEqual([2, 3, 5]);
	});
});
