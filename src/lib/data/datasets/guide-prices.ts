/**
 * The `guide_prices` dataset: guide-price catalogues.
 */
import { z } from 'zod';
import { BUILDING_TYPES } from '../../domain/vocabulary/codes';
import { buildingTypeCol, id, type Col } from './columns';

/** One price of a guide-price catalogue: a building type, a grade (1 = best) and its price range. */
export const guidePriceRowSchema = z
	.object({
		catalogue_id: id,
		building_type: z.enum(BUILDING_TYPES),
		grade: z.number().int().min(1).max(5),
		price: z.number().positive(),
		price_low: z.number().positive().nullable(),
		price_high: z.number().positive().nullable()
	})
	.refine((g) => (g.price_low ?? g.price) <= g.price && g.price <= (g.price_high ?? g.price), {
		message: 'expected price_low <= price <= price_high',
		path: ['price']
	});

export type GuidePriceRow = z.infer<typeof guidePriceRowSchema>;

export const guidePriceColumns: readonly Col<GuidePriceRow>[] = [
	{
		name: 'catalogue_id',
		type: 'VARCHAR',
		required: true,
		zh: '价格目录',
		en: 'Catalogue',
		descriptionZh: '指导价目录编号（一个目录一套分级价格）',
		descriptionEn: 'Guide-price catalogue identifier (one catalogue = one graded price table)',
		aliases: ['catalogue_id', '价格目录', '目录', '目录编号', '标准名称', 'Catalogue', 'catalog_id', 'catalogue']
	},
	buildingTypeCol('适用的建筑类型', 'Building type the price applies to'),
	{
		name: 'grade',
		type: 'INTEGER',
		unit: '级',
		required: true,
		min: 1,
		max: 5,
		zh: '服务等级',
		en: 'Grade',
		descriptionZh: '服务等级，1 为最高（一级）',
		descriptionEn: 'Service grade, 1 = best',
		aliases: ['grade', '服务等级', '等级', '级别', 'Grade', 'level']
	},
	{
		name: 'price',
		type: 'DOUBLE',
		unit: '元/㎡·月',
		required: true,
		min: 0,
		zh: '基准价',
		en: 'Price',
		descriptionZh: '该等级的基准价（元/㎡·月）',
		descriptionEn: 'Base price for the grade, yuan per m² per month',
		aliases: ['price', '基准价', '指导价', '价格', '收费标准', 'Price', 'base price']
	},
	{
		name: 'price_low',
		type: 'DOUBLE',
		unit: '元/㎡·月',
		required: false,
		min: 0,
		zh: '下限',
		en: 'Price low',
		descriptionZh: '允许浮动的下限；空表示不设',
		descriptionEn: 'Lower end of the allowed float; empty if none',
		aliases: ['price_low', '下限', '最低价', '浮动下限', '价格下限', 'Price low', 'min price']
	},
	{
		name: 'price_high',
		type: 'DOUBLE',
		unit: '元/㎡·月',
		required: false,
		min: 0,
		zh: '上限',
		en: 'Price high',
		descriptionZh: '允许浮动的上限；空表示不设',
		descriptionEn: 'Upper end of the allowed float; empty if none',
		aliases: ['price_high', '上限', '最高价', '浮动上限', '价格上限', 'Price high', 'max price']
	}
];
