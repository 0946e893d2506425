/**
 * The `fees` dataset: one year of an estate's fee.
 */
import { z } from 'zod';
import { FEE_UNITS, FEE_UNIT_VALUES } from '../../domain/vocabulary/codes';
import { estateIdCol, id, year, yearCol, type Col } from './columns';

/** One year of an estate's fee and collection rate. */
export const feeRowSchema = z.object({
	estate_id: id,
	year,
	fee: z.number().positive(),
	fee_unit: z.enum(FEE_UNITS),
	collection_rate: z.number().min(0).max(1).nullable()
});

export type FeeRow = z.infer<typeof feeRowSchema>;

export const feeColumns: readonly Col<FeeRow>[] = [
	estateIdCol(true),
	yearCol,
	{
		name: 'fee',
		type: 'DOUBLE',
		unit: '元/㎡·月 或 元/户·月',
		required: true,
		min: 0,
		zh: '物业费',
		en: 'Fee',
		descriptionZh: '该年执行的物业服务费标准，单位见 fee_unit',
		descriptionEn: 'Property-service fee in force that year, in the unit given by fee_unit',
		aliases: ['fee', '物业费', '物业服务费', '收费标准', '物业费标准', '物业服务费标准', '收费标准（元/㎡·月）', '单价', 'Fee', 'fee rate', 'service fee']
	},
	{
		name: 'fee_unit',
		type: 'VARCHAR',
		required: true,
		values: FEE_UNIT_VALUES,
		zh: '计费单位',
		en: 'Fee unit',
		descriptionZh: '元/㎡·月（按面积）或 元/户·月（按户，如售后公房）',
		descriptionEn: 'Yuan per m² per month, or yuan per household per month (e.g. sold public housing)',
		aliases: ['fee_unit', '计费单位', '收费单位', '单位', '计费方式', '收费方式', '计费方法', '计价方式', 'Fee unit', 'unit', 'billing basis']
	},
	{
		name: 'collection_rate',
		type: 'DOUBLE',
		unit: '0-1',
		required: false,
		min: 0,
		max: 1,
		zh: '收缴率',
		en: 'Collection rate',
		descriptionZh: '物业费收缴率（0-1 的小数）；空表示未报',
		descriptionEn: 'Share of the billed fee collected, 0-1; empty when not reported',
		aliases: ['collection_rate', '收缴率', '收费率', '缴费率', '物业费收缴率', 'Collection rate']
	}
];
