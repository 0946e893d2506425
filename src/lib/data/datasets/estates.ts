/**
 * The `estates` dataset: one row per estate (小区).
 */
import { z } from 'zod';
import { ESTATE_TYPES, BUILDING_TYPES, PRICING_REGIMES, ESTATE_TYPE_VALUES, PRICING_REGIME_VALUES } from '../../domain/vocabulary/codes';
import { buildingTypeCol, estateIdCol, id, year, type Col } from './columns';

/** One estate (小区). */
export const estateRowSchema = z.object({
	estate_id: id,
	name: z.string().trim().min(1),
	subdistrict: z.string().trim().min(1).nullable(),
	estate_type: z.enum(ESTATE_TYPES),
	building_type: z.enum(BUILDING_TYPES),
	build_year: year.nullable(),
	chargeable_area_m2: z.number().positive(),
	households: z.number().int().positive(),
	has_elevator: z.boolean(),
	firm: z.string().trim().min(1).nullable(),
	pricing_regime: z.enum(PRICING_REGIMES).nullable()
});

export type EstateRow = z.infer<typeof estateRowSchema>;

export const estateColumns: readonly Col<EstateRow>[] = [
	estateIdCol(true),
	{
		name: 'name',
		type: 'VARCHAR',
		required: true,
		zh: '小区名称',
		en: 'Name',
		descriptionZh: '小区名称',
		descriptionEn: 'Estate name',
		aliases: ['name', '小区名称', '小区名', '小区', '名称', '项目名称', 'Estate name', 'estate']
	},
	{
		name: 'subdistrict',
		type: 'VARCHAR',
		required: false,
		zh: '街道',
		en: 'Subdistrict',
		descriptionZh: '所属街道（镇）',
		descriptionEn: 'Subdistrict (街道) or town the estate belongs to',
		aliases: ['subdistrict', '街道', '所属街道', '街镇', '街道镇', 'Subdistrict', 'street', 'town']
	},
	{
		name: 'estate_type',
		type: 'VARCHAR',
		required: true,
		values: ESTATE_TYPE_VALUES,
		zh: '小区类型',
		en: 'Estate type',
		descriptionZh: '住房类型：商品房、动迁房、售后公房或混合',
		descriptionEn: 'Housing type: commercial, relocation (动迁房), sold public housing (售后公房) or mixed',
		aliases: ['estate_type', '小区类型', '房屋类型', '住房类型', '物业类型', '房屋性质', '小区性质', '住宅类型', '类型', 'Estate type', 'housing type', 'type']
	},
	buildingTypeCol('以多层（通常无电梯）还是高层（有电梯）为主', 'Mainly multi-storey (usually no elevator) or high-rise (elevators)'),
	{
		name: 'build_year',
		type: 'INTEGER',
		unit: '年',
		required: false,
		min: 1900,
		max: 2100,
		zh: '建成年份',
		en: 'Build year',
		descriptionZh: '建成（竣工）年份',
		descriptionEn: 'Year of completion',
		aliases: ['build_year', '建成年份', '竣工年份', '建成年代', '建造年份', '竣工年代', '竣工时间', '竣工日期', '建成时间', '建成日期', 'Build year', 'year built', 'completion year']
	},
	{
		name: 'chargeable_area_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '计费面积',
		en: 'Chargeable area',
		descriptionZh: '物业费计费面积（平方米）',
		descriptionEn: 'Area the fee is charged on, m²',
		aliases: ['chargeable_area_m2', '计费面积', '收费面积', '物业费计费面积', '建筑面积', '总建筑面积', 'Chargeable area', 'area', 'area_m2']
	},
	{
		name: 'households',
		type: 'INTEGER',
		unit: '户',
		required: true,
		min: 1,
		zh: '户数',
		en: 'Households',
		descriptionZh: '住宅户数（套数）',
		descriptionEn: 'Number of homes (households)',
		aliases: ['households', '户数', '总户数', '住户数', '套数', '房屋套数', 'Households', 'homes', 'units']
	},
	{
		name: 'has_elevator',
		type: 'BOOLEAN',
		required: true,
		zh: '有无电梯',
		en: 'Has elevator',
		descriptionZh: '是否有电梯；无电梯的小区没有电梯指标得分',
		descriptionEn: 'Whether the estate has elevators; estates without have no elevator score',
		aliases: ['has_elevator', '有无电梯', '是否有电梯', '是否配备电梯', '电梯数量', '电梯台数', '电梯数', '电梯（台）', '电梯', 'Has elevator', 'elevator', 'elevators']
	},
	{
		name: 'firm',
		type: 'VARCHAR',
		required: false,
		zh: '物业服务企业',
		en: 'Property firm',
		descriptionZh: '当前物业服务企业名称',
		descriptionEn: 'Current property-service firm',
		aliases: ['firm', '物业服务企业', '物业公司', '物业企业', '物业服务公司', '物业管理公司', 'Property firm', 'property company', 'management company']
	},
	{
		name: 'pricing_regime',
		type: 'VARCHAR',
		required: false,
		values: PRICING_REGIME_VALUES,
		zh: '定价方式',
		en: 'Pricing regime',
		descriptionZh: '政府指导价或市场调节价',
		descriptionEn: 'Government guide price or market price',
		aliases: ['pricing_regime', '定价方式', '价格形式', '定价形式', '收费定价方式', 'Pricing regime', 'pricing']
	}
];
