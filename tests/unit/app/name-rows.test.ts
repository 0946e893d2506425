/**
 * The data page's names panel keeps a name the person answered (an estate, or 不是本区小区) listed after the next
 * check, which no longer reports it, so the answer can be seen and changed (mergeNameRows).
 */
import { describe, expect, it } from 'vitest';
import { mergeNameRows } from '../../../src/lib/app/import-workflow.svelte';
import type { NameIssue } from '../../../src/lib/domain/names';

const issue = (name: string, source = 'a.csv', rows = [2]): NameIssue & { source: string } => ({ key: `${name}|`, name, subdistrict: null, kind: 'unmatched', candidates: [], rows, source });

describe('mergeNameRows', () => {
	it('keeps answered names in their place, drops unanswered ones the check no longer asks about, adds new ones', () => {
		const before = [issue('甲'), issue('乙'), issue('丙'), issue('甲', 'b.csv')];
		const answered = new Set(['a.csv|甲|', 'b.csv|甲|']);
		const after = mergeNameRows(before, [issue('丙', 'a.csv', [2, 3]), issue('丁')], (source, key) => answered.has(`${source}|${key}`));
		expect(after.map((x) => [x.source, x.name, x.rows])).toEqual([
			['a.csv', '甲', [2]],
			['a.csv', '丙', [2, 3]],
			['b.csv', '甲', [2]],
			['a.csv', '丁', [2]]
		]);
	});

	it('the first check lists its issues as they are', () => {
		expect(mergeNameRows([], [issue('甲'), issue('乙')], () => false).map((x) => x.name)).toEqual(['甲', '乙']);
	});
});
