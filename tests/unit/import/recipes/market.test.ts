/**
 * A recipe for a listing file (the `market` dataset, docs/data-formats.md "market"; recipes docs/sources.md §18.6):
 * saved from one export with 小区名称/物业费/建成年代 headers and a hand-corrected column, recognised for the next
 * export of the same header shape, and importing it with the same mapping: the corrected column is read as the
 * recipe says, where detection alone reads it otherwise.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../../src/lib/data/datasets';
import { inspectFile, prepareImport } from '../../../../src/lib/import/index';
import { makeRecipe, prepareWithRecipes, recipeJson, parseRecipe, recogniseRecipe, suggestParts } from '../../../../src/lib/import/recipes';
import type { PreparedImport } from '../../../../src/lib/import/validate';
import { csvText, gbk, utf8 } from '../../../fixtures/import-files';

// A listing site's export (the shape of market.test.ts shape 1) with one column the site calls 区县板块: the
// user maps it to the area by hand, once.
const HEADER = ['小区名称', '区县板块', '物业费', '建成年代', '建筑类型', '房屋总数'];
const MAY = csvText([
	['某网站小区数据 2024年5月1日'],
	HEADER,
	['江滨花园', '江滨', '2.38元/平米/月', '2006年建成', '板楼', '1124户'],
	['望湖苑', '望湖', '1.14至2.48元/平米/月', '2009年建成', '塔板结合', '7231户']
]);
// The next month's export: the same headers, other estates, saved by Chinese Excel (GB18030).
const JUNE = csvText([
	['某网站小区数据 2024年6月1日'],
	HEADER,
	['老街坊', '江滨', '0.6元/平米/月', '1995年建成', '多层', '300户'],
	['新城家园', '望湖', '1.2元/平米/月', '2015年建成', '小高层', '900户'],
	['金座', '望湖', '30元/户·月', '2018年建成', '高层', '1500户']
]);

function pick(p: PreparedImport, names: readonly string[]): unknown[][] {
	const cols = DATASETS.market.columns.map((c) => c.name as string);
	return p.rowNumbers.map((_, r) => names.map((n) => p.columns[cols.indexOf(n)][r]));
}

describe('a recipe for a market listing file', () => {
	it('saved from one export, recognised for the next of the same shape, imported with the same mapping', async () => {
		const may = { name: '2024-05.csv', bytes: utf8(MAY) };
		const ins = await inspectFile(may.name, may.bytes);
		expect(ins.dataset).toBe('market');
		// The hand correction: 区县板块 is the area. Detection alone does not take it.
		const areaAt = ins.headers.indexOf('区县板块');
		expect(ins.mapping[areaAt]).not.toBe('area');
		const mapping = ins.mapping.map((m, i) => (i === areaAt ? 'area' : m));
		const saved = makeRecipe({ name: '挂牌导出', headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, parts: suggestParts('market', ins.headers, mapping), savedAt: '2026-12-01T10:00:00.000Z' });
		expect(saved.parts).toHaveLength(1);
		expect(saved.parts[0]).toMatchObject({ dataset: 'market', estateId: { from: 'column' } });
		const recipe = parseRecipe(recipeJson(saved));

		const june = { name: '2024-06.csv', bytes: gbk(JUNE) };
		const next = await inspectFile(june.name, june.bytes);
		expect(recogniseRecipe([recipe], next.headers)).toEqual({ recipe, exact: true });

		const run = await prepareWithRecipes([june], [recipe]);
		expect(run.misfits).toEqual([]);
		expect(run.prepared).toHaveLength(1);
		expect(run.prepared[0].recipe?.name).toBe('挂牌导出');
		const p = run.prepared[0].prepared;
		expect(p).toMatchObject({ dataset: 'market', rowCount: 3 });
		expect(p.counts.errors).toBe(0);
		expect(pick(p, ['name', 'area', 'fee_mid', 'fee_unit', 'year_built', 'building_form', 'households', 'ref_date'])).toEqual([
			['老街坊', '江滨', 0.6, 'per_m2_month', 1995, 'low', 300, '2024-06-01'],
			['新城家园', '望湖', 1.2, 'per_m2_month', 2015, 'mid_high', 900, '2024-06-01'],
			['金座', '望湖', 30, 'per_household_month', 2018, 'high', 1500, '2024-06-01']
		]);
		// Without the recipe the same file loses the area the user mapped.
		const plain = await prepareImport(june);
		expect(pick(plain, ['area']).flat()).toEqual([null, null, null]);
	});
});
