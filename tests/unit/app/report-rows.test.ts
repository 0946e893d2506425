/** The row count a file's import report shows (src/lib/app/report-rows.ts, docs/sources.md §18). */
import { describe, expect, it } from 'vitest';
import { reportRowCounts } from '../../../src/lib/app/report-rows';

describe('report row counts', () => {
	it('a wide score sheet counts its own rows, with the unpivoted records beside', () => {
		// 3 estates × 5 indicator columns = 15 score records.
		expect(reportRowCounts({ layout: 'wide', sourceRows: 3, rows: 15 })).toEqual({ source: 3, melted: 15 });
	});

	it('nothing beside when the counts agree, or for a long file', () => {
		expect(reportRowCounts({ layout: 'wide', sourceRows: 4, rows: 4 })).toEqual({ source: 4, melted: null });
		// Not a wide sheet: no records "after unpivoting", whatever the two counts are.
		expect(reportRowCounts({ layout: 'long', sourceRows: 6, rows: 5 })).toEqual({ source: 6, melted: null });
	});
});
