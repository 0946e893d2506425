/**
 * The market page's queries on the real wasm engine: the scatter is binned in DuckDB (price × fee cells), the
 * fee histogram too, and a filter changes both. Six listings worked by hand in the comments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { commitImport, prepareImport } from '../../../src/lib/import/index';
import { marketView, niceStep, NO_FILTERS } from '../../../src/lib/queries/market';
import { csvText, utf8 } from '../../fixtures/import-files';

// Scatter: the four listings with a per-m² fee and a house price (A B C D); 暂无数据 and the per-household fee are
// left out. Prices 30000–90000: span 60000 / 60 bins → a 1000 元/㎡ step. Cells: (30000, 2.3) holds A (2.3,
// which is 22.999… tenths in floating point) and B (30500, 2.35); (50000, 1.0) holds C; (90000, 12) holds D
// (fees of 10 and more have one-yuan bins).
const LISTINGS = csvText([
	['小区名称', '区域', '物业费', '建成年代', '参考均价'],
	['甲', '东区', '2.3元/平米/月', '2005年建成', '30000'],
	['乙', '东区', '2.35元/平米/月', '2006年建成', '30500'],
	['丙', '东区', '1.0元/平米/月', '1999年建成', '50000'],
	['丁', '西区', '12.5元/平米/月', '2018年建成', '90000'],
	['戊', '西区', '暂无数据', '2010年建成', '40000'],
	['己', '西区', '30元/户·月', '1990年建成', '40000']
]);

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
	const p = await prepareImport({ name: 'listings.csv', bytes: utf8(LISTINGS) });
	expect(p.dataset).toBe('market');
	expect((await commitImport(engine, p)).committed).toBe(true);
});
afterAll(async () => {
	await engine?.close();
});

describe('market page queries', () => {
	it('a 1-2-5 step cuts a span into at most the bins asked for', () => {
		expect(niceStep(60000, 60)).toBe(1000);
		expect(niceStep(45000, 60)).toBe(1000);
		expect(niceStep(12000, 60)).toBe(200);
		expect(niceStep(0, 60)).toBe(1);
	});

	it('bins the scatter in DuckDB: price × fee cells with counts; points only up to the threshold', async () => {
		const v = await marketView(engine, NO_FILTERS, 3);
		expect(v.scattered).toBe(4);
		expect(v.priceStep).toBe(1000);
		expect(v.points).toBeNull();
		expect(v.cells).toEqual([
			{ x0: 30000, x1: 31000, y0: 2.3, y1: 2.4, n: 2 },
			{ x0: 50000, x1: 51000, y0: 1, y1: 1.1, n: 1 },
			{ x0: 90000, x1: 91000, y0: 12, y1: 13, n: 1 }
		]);
		expect(v.histogram).toEqual([
			{ x0: 1, n: 1 },
			{ x0: 2.3, n: 2 },
			{ x0: 12, n: 1 }
		]);
		const few = await marketView(engine, NO_FILTERS);
		expect(few.points?.name.slice().sort()).toEqual(['丁', '丙', '乙', '甲']);
	});

	it('a filter changes the cells and the distributions', async () => {
		const v = await marketView(engine, { ...NO_FILTERS, area: '东区', yearFrom: 2000 }, 0);
		// 甲 and 乙 remain (丙 was built in 1999): prices 30000–30500, span 500 / 60 → a 10 元/㎡ step, so each has its
		// own cell; median (2.3 + 2.35) / 2.
		expect(v.cells).toEqual([
			{ x0: 30000, x1: 30010, y0: 2.3, y1: 2.4, n: 1 },
			{ x0: 30500, x1: 30510, y0: 2.3, y1: 2.4, n: 1 }
		]);
		expect(v.totals.shown).toBe(2);
		expect(v.totals.median).toBeCloseTo(2.325, 9);
		expect(v.byAge.map((g) => [g.key, g.n])).toEqual([['2005', 2]]);
	});
});
