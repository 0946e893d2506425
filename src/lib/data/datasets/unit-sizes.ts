/**
 * The `unit_sizes` dataset: households by unit area.
 */
import { z } from 'zod';
import { estateIdCol, id, type Col } from './columns';

/** Households of an estate with a given unit (flat) area: a histogram row. */
export const unitSizeRowSchema = z.object({
	estate_id: id,
	unit_area_m2: z.number().positive(),
	households: z.number().int().min(0)
});

export type UnitSizeRow = z.infer<typeof unitSizeRowSchema>;

export const unitSizeColumns: readonly Col<UnitSizeRow>[] = [
	estateIdCol(true),
	{
		name: 'unit_area_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '户型面积',
		en: 'Unit area',
		descriptionZh: '该档户型的建筑面积（平方米）',
		descriptionEn: 'Floor area of a home in this bucket, m²',
		aliases: ['unit_area_m2', '户型面积', '套型面积', '单套面积', '面积段', '户均面积', 'Unit area', 'unit size', 'flat size']
	},
	{
		name: 'households',
		type: 'INTEGER',
		unit: '户',
		required: true,
		min: 0,
		zh: '户数',
		en: 'Households',
		descriptionZh: '该档户型的户数',
		descriptionEn: 'Number of homes of this size',
		aliases: ['households', '户数', '套数', '住户数', 'Households', 'homes', 'units']
	}
];
