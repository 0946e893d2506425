/**
 * Listing-site exports through the import pipeline (docs/data-formats.md "market"): four file shapes made here
 * (Chinese and English headers, UTF-8 and GB18030 CSV, a JSON array and a JSON object keyed by estate name),
 * recognised as `market`, every derived value asserted against the text it came from.
 */
import { describe, expect, it } from 'vitest';
import { prepareImport, type PreparedImport } from '../../../src/lib/import/index';
import { problemText } from '../../../src/lib/import/messages';
import { csvText, gbk, json, utf8 } from '../../fixtures/import-files';

function rows(p: PreparedImport): Record<string, unknown>[] {
	const names = ['name', 'area', 'fee_text', 'fee_low', 'fee_high', 'fee_mid', 'fee_unit', 'fee_per_day', 'fee_forms', 'year_built', 'households', 'buildings', 'building_form', 'firm', 'developer', 'house_price', 'lng', 'lat', 'ref_date'];
	return p.rowNumbers.map((_, i) => Object.fromEntries(names.map((n, c) => [n, p.columns[c][i]])));
}
const pick = (r: Record<string, unknown>, keys: string[]) => keys.map((k) => r[k]);
const FEE = ['fee_low', 'fee_high', 'fee_mid', 'fee_unit', 'fee_per_day', 'fee_forms'];

describe('market (listing) files', () => {
	it('shape 1: UTF-8 CSV, Chinese headers, a dated title row, ranges, 暂无数据, fees per building form, house prices', async () => {
		const text = csvText([
			['某网站小区数据 2024年5月1日'],
			['小区名称', '区域', '物业费', '建成年代', '建筑类型', '房屋总数', '楼栋总数', '物业公司', '开发商', '参考均价'],
			['江滨花园', '江滨', '2.38元/平米/月', '2006年建成 ', '板楼', '1124户', '5栋', '甲物业', '甲置业', '42,000'],
			['望湖苑', '望湖', '1.14至2.48元/平米/月', '2009年建成', '塔板结合', '7231户', '41栋', '乙物业', '乙置业', '6.5万'],
			['老街坊', '江滨', '暂无数据', '1995年建成', '多层', '300户', '8栋', '暂无信息', '暂无资料', ''],
			['新城家园', '望湖', '多层1.2元/平米/月，小高层1.8元/平米/月', '2015年建成', '多层/小高层', '900户', '12栋', '丙物业', '丙置业', '38000'],
			['双子座', '江滨', '板楼：2.1元/平米/月 塔楼：2.6元/平米/月', '2012年建成', '板楼/塔楼', '640户', '4栋', '丁物业', '丁置业', '51000']
		]);
		const p = await prepareImport({ name: 'listings.csv', bytes: utf8(text) });
		expect(p).toMatchObject({ dataset: 'market', encoding: 'utf-8', rowCount: 5, invalidRows: 0, fileError: false });
		const r = rows(p);
		expect(r.map((x) => pick(x, ['name', 'area', ...FEE]))).toEqual([
			['江滨花园', '江滨', 2.38, 2.38, 2.38, 'per_m2_month', false, null],
			['望湖苑', '望湖', 1.14, 2.48, 1.81, 'per_m2_month', false, null],
			['老街坊', '江滨', null, null, null, null, null, null],
			['新城家园', '望湖', 1.2, 1.8, 1.5, 'per_m2_month', false, '多层:1.2;小高层:1.8'],
			['双子座', '江滨', 2.1, 2.6, 2.35, 'per_m2_month', false, '板楼:2.1;塔楼:2.6']
		]);
		expect(r.map((x) => pick(x, ['year_built', 'households', 'buildings', 'building_form', 'house_price', 'ref_date']))).toEqual([
			[2006, 1124, 5, 'slab', 42000, '2024-05-01'],
			[2009, 7231, 41, 'slab_tower', 65000, '2024-05-01'],
			[1995, 300, 8, 'low', null, '2024-05-01'],
			[2015, 900, 12, 'mixed', 38000, '2024-05-01'],
			[2012, 640, 4, 'slab_tower', 51000, '2024-05-01']
		]);
		// "暂无信息" as a firm is no value; the fee text is kept as written.
		expect(r[2].firm).toBeNull();
		expect(r[2].fee_text).toBe('暂无数据');
		const summary = p.problems.find((x) => x.code === 'listing_fee_summary')!;
		expect(summary.params).toMatchObject({ ranges: 3, perHousehold: 0, perDay: 0, perYear: 0, forms: 2, noValue: 1 });
	});

	it('shape 2: GB18030 CSV, English headers, a per-household fee, a daily fee, 待定, no house price; the file date as reference', async () => {
		const text = csvText([
			['name', 'district', 'property fee', 'year built', 'building type', 'households', 'buildings'],
			['梅澜公寓', '江滨区', '30元/户·月', '1983', '多层', '568户', '12栋'],
			['金座', '望湖区', '0.08元/平方米·天', '2018年建成', '高层', '1500户', '6栋'],
			['河畔', '江滨区', '待定', '暂无数据', '暂无数据', '暂无数据', '暂无数据'],
			['绿洲', '望湖区', '2.5~3.0 元/㎡·月', '2011', '小高层', '800', '10']
		]);
		const p = await prepareImport({ name: 'city.csv', bytes: gbk(text) }, { refDate: '2024-06-30T08:00:00Z' });
		expect(p).toMatchObject({ dataset: 'market', encoding: 'gb18030', rowCount: 4, invalidRows: 0 });
		const r = rows(p);
		expect(r.map((x) => pick(x, ['name', 'area', ...FEE]))).toEqual([
			['梅澜公寓', '江滨区', 30, 30, 30, 'per_household_month', false, null],
			// 0.08 元/㎡·天 × 30 = 2.4 元/㎡·月
			['金座', '望湖区', 2.4, 2.4, 2.4, 'per_m2_month', true, null],
			['河畔', '江滨区', null, null, null, null, null, null],
			['绿洲', '望湖区', 2.5, 3, 2.75, 'per_m2_month', false, null]
		]);
		expect(r.map((x) => pick(x, ['year_built', 'households', 'buildings', 'building_form', 'house_price', 'ref_date']))).toEqual([
			[1983, 568, 12, 'low', null, '2024-06-30'],
			[2018, 1500, 6, 'high', null, '2024-06-30'],
			[null, null, null, null, null, '2024-06-30'],
			[2011, 800, 10, 'mid_high', null, '2024-06-30']
		]);
		expect(p.problems.find((x) => x.code === 'listing_fee_summary')!.params).toMatchObject({ ranges: 1, perHousehold: 1, perDay: 1, forms: 0, noValue: 1 });
	});

	it('shape 3: a JSON array of records as scrapers write them, numbers as numbers, a date column', async () => {
		const p = await prepareImport({
			name: 'xiaoqu.json',
			bytes: json([
				{ title: '江滨花园', region: '江滨', wuyefei: '1.9元/平米/月', built: '2006年建成', households: 1124, price: 42000, lng: 120.1, lat: 30.2, crawl_date: '2024/03/15' },
				{ title: '望湖苑', region: '望湖', wuyefei: '暂无数据', built: 2009, households: '7231户', price: null, lng: null, lat: null, crawl_date: '2024/03/15' }
			])
		});
		expect(p).toMatchObject({ dataset: 'market', kind: 'json', rowCount: 2, invalidRows: 0 });
		const r = rows(p);
		expect(r.map((x) => pick(x, ['name', 'area', 'fee_mid', 'fee_unit', 'year_built', 'households', 'house_price', 'lng', 'lat', 'ref_date']))).toEqual([
			['江滨花园', '江滨', 1.9, 'per_m2_month', 2006, 1124, 42000, 120.1, 30.2, '2024-03-15'],
			['望湖苑', '望湖', null, null, 2009, 7231, null, null, null, '2024-03-15']
		]);
	});

	it('shape 4: a JSON object keyed by estate name, Chinese keys, the date in the file name', async () => {
		const p = await prepareImport({
			name: 'anjuke_20240501.json',
			bytes: json({
				江滨花园: { 物业费: '2.38元/平米/月', 建筑年代: '2006年', 建筑类型: '板楼', 楼栋总数: '5栋', 板块: '江滨' },
				望湖苑: { 物业费: '1.14-2.48', 建筑年代: '2009年', 建筑类型: '塔楼', 楼栋总数: '41栋', 板块: '望湖' }
			})
		});
		expect(p).toMatchObject({ dataset: 'market', kind: 'json', rowCount: 2, invalidRows: 0 });
		expect(rows(p).map((x) => pick(x, ['name', 'area', 'fee_low', 'fee_high', 'fee_mid', 'year_built', 'buildings', 'building_form', 'ref_date']))).toEqual([
			['江滨花园', '江滨', 2.38, 2.38, 2.38, 2006, 5, 'slab', '2024-05-01'],
			['望湖苑', '望湖', 1.14, 2.48, 1.81, 2009, 41, 'tower', '2024-05-01']
		]);
	});

	it('an empty fee cell is a listing without a fee, not an error; a listing file without a fee column is a file error', async () => {
		const p = await prepareImport({ name: 'f.csv', bytes: utf8(csvText([['小区名称', '物业费', '建成年代'], ['甲', '', '2001'], ['乙', '1.5', '2002']])) });
		expect(p).toMatchObject({ dataset: 'market', invalidRows: 0 });
		expect(rows(p).map((x) => pick(x, ['name', 'fee_text', 'fee_mid', 'year_built']))).toEqual([
			['甲', null, null, 2001],
			['乙', '1.5', 1.5, 2002]
		]);
		const q = await prepareImport({ name: 'g.csv', bytes: utf8(csvText([['小区名称', '建成年代'], ['甲', '2001']])) }, { dataset: 'market' });
		expect(q.fileError).toBe(true);
		expect(q.problems.find((x) => x.code === 'missing_column')).toMatchObject({ params: { name: 'fee_text' }, severity: 'error' });
	});

	it('a fee text with no number is a warning naming the row; the text is kept and the row imports', async () => {
		const p = await prepareImport({ name: 'f.csv', bytes: utf8(csvText([['小区名称', '物业费'], ['甲', '面议']])) });
		expect(p.invalidRows).toBe(0);
		const w = p.problems.find((x) => x.code === 'listing_fee_unread')!;
		expect(w).toMatchObject({ row: 2, column: '物业费', value: '面议', severity: 'warning' });
		// Said in the page's language, the reason too.
		expect(problemText(w.code, w.params, 'zh')).toBe('读不出物业费（没有数字），原文保留，该小区按无收费计');
		expect(problemText(w.code, w.params, 'en')).toBe('No fee could be read (no number); the text is kept and the estate counts as having no fee');
		expect(rows(p)[0]).toMatchObject({ fee_text: '面议', fee_mid: null });
	});
});
