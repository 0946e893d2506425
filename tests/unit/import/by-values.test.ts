/** A header read by its column's values: an estates register whose 房屋类型 holds building types, in GBK and xlsx. */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/lib/data/datasets';
import { inspectFile, prepareImport } from '../../../src/lib/import/index';
import { csvText, gbk, workbook, type FixtureCell } from '../../fixtures/import-files';

const register: (readonly FixtureCell[])[] = [
	['西湖区住宅小区基本情况表'],
	['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '收费面积（㎡）', '总户数', '有无电梯', '收费方式'],
	['A001', '翠苑一区', '西湖街道', '商品房', '高层', '3.2万', '1234户', '有', '市场调节价'],
	['A002', '翠苑二区', '西湖街道', '安置房', '多层', '32,000.5', '800', '无', '政府指导价'],
	['A003', '文新花园', '西湖街道', '售后公房', '小高层', 45000, '1,020', '√', '指导价']
];

describe('a column read by its values', () => {
	it('a GBK register: 房屋类型 is the building type and 收费方式 the pricing regime, each said once, every row kept', async () => {
		const p = await prepareImport({ name: '小区.csv', bytes: gbk(csvText(register)) });
		expect(p.dataset).toBe('estates');
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
		const said = p.problems.filter((x) => x.code === 'mapped_by_values').map((x) => [x.column, x.params]);
		expect(said).toEqual([
			['房屋类型', { examples: '高层、多层、小高层', columnZh: '建筑类型', columnEn: 'Building type' }],
			['收费方式', { examples: '市场调节价、政府指导价、指导价', columnZh: '定价方式', columnEn: 'Pricing regime' }]
		]);
		expect(p.mapping).toEqual(['estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator', 'pricing_regime']);
		// The prepared columns are the dataset's, in its order. Hand-read: 高层 and 小高层 are high-rise, 多层
		// multi-storey; 市场调节价 market, 政府指导价 and 指导价 guide.
		const value = (name: string, r: number) => p.columns[DATASETS.estates.columns.findIndex((c) => c.name === name)][r];
		expect([0, 1, 2].map((r) => value('building_type', r))).toEqual(['high', 'multi', 'high']);
		expect([0, 1, 2].map((r) => value('pricing_regime', r))).toEqual(['market', 'guide', 'guide']);
		expect([0, 1, 2].map((r) => value('estate_type', r))).toEqual(['commercial', 'relocation', 'public_sold']);
	});

	it('the data page sees the same mapping when it inspects the file (xlsx), and a mapping the person chose is theirs', async () => {
		const bytes = workbook([{ name: '小区', rows: register }]);
		const info = await inspectFile('小区.xlsx', bytes);
		expect(info.mapping).toEqual(['estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'chargeable_area_m2', 'households', 'has_elevator', 'pricing_regime']);
		// The page passes the mapping it showed: the note is there; a column the person set to nothing is ignored.
		const shown = await prepareImport({ name: '小区.xlsx', bytes }, { mapping: info.mapping });
		expect(shown.problems.filter((x) => x.code === 'mapped_by_values').map((x) => x.column)).toEqual(['房屋类型', '收费方式']);
		const chosen = [...info.mapping];
		chosen[8] = null;
		const p = await prepareImport({ name: '小区.xlsx', bytes }, { mapping: chosen });
		expect(p.problems.filter((x) => x.code === 'mapped_by_values').map((x) => x.column)).toEqual(['房屋类型']);
		expect(p.problems.map((x) => [x.code, x.column])).toContainEqual(['ignored_column', '收费方式']);
	});
});
