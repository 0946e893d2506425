/**
 * The data model of Zhijia: the canonical datasets, one zod schema per row, one DuckDB table per
 * dataset, and column metadata (types, units, allowed values, Chinese and English names, header aliases)
 * that import, docs and UI share.
 *
 * Pure TypeScript on purpose (only zod): the browser, Node scripts and tests all import it, and it must
 * not pull DuckDB or Svelte into any of them. docs/data-formats.md is the human-readable version.
 *
 * Conventions:
 * - Canonical rows hold typed values: numbers, booleans, `null` for an empty optional cell, and
 *   timestamps as naive local-time strings 'YYYY-MM-DD HH:MM:SS' (the CSV form; no time zone, because
 *   grid systems export local times).
 * - Table and column names are the dataset ids and column names below, unchanged, in every engine.
 * - DDL uses only plain types, NOT NULL, PRIMARY KEY and CHECK, which DuckDB 1.4 (wasm) and 1.5 (native)
 *   both accept.
 */
import { z } from 'zod';
import { facilityColumns, facilityRowSchema, fundBalanceColumns, fundBalanceRowSchema } from './facilities';
import { surveyCountColumns, surveyCountRowSchema } from './survey-counts';

// ---------------------------------------------------------------------------------------------------
// Code lists (enum values) with Chinese / English names and import aliases
// ---------------------------------------------------------------------------------------------------

/** One allowed value of an enum column: canonical code, display names, and spellings accepted on import. */
export interface EnumValue {
	readonly value: string;
	readonly zh: string;
	readonly en: string;
	/** Other spellings found in real files (Chinese first); matched after {@link normalizeLabel}. */
	readonly aliases: readonly string[];
}

/** Housing type of an estate (docs/sources.md §1, 3). */
export const ESTATE_TYPES = ['commercial', 'relocation', 'public_sold', 'mixed'] as const;
/** Building type: multi-storey (多层, usually no elevator) or high-rise (高层, elevator). */
export const BUILDING_TYPES = ['multi', 'high'] as const;
/** Pricing regime (docs/sources.md §3): government guide price or market-negotiated price. */
export const PRICING_REGIMES = ['guide', 'market'] as const;
/** Where a score comes from. */
export const SCORE_SOURCES = ['inspection', 'satisfaction', 'third_party'] as const;
/** Unit a fee is quoted in. 售后公房 are priced per household (docs/sources.md §3). */
export const FEE_UNITS = ['per_m2_month', 'per_household_month'] as const;
/** The ten cost items of the 2007 cost-audit rules, in their legal order (docs/sources.md §3). */
export const COST_ITEM_CODES = [
	'staff',
	'facilities',
	'greening',
	'cleaning',
	'order',
	'insurance',
	'office',
	'management',
	'depreciation',
	'other'
] as const;
/** Categories of grid-management tickets (网格工单). */
export const TICKET_CATEGORIES = [
	'repair',
	'cleaning',
	'order',
	'greening',
	'facilities',
	'illegal_building',
	'group_renting',
	'arrears',
	'other'
] as const;
/** Kind of owners' vote (Civil Code art. 278; docs/sources.md §8): simple majority or 3/4 majority. */
export const MOTION_KINDS = ['ordinary', 'major'] as const;

export type EstateType = (typeof ESTATE_TYPES)[number];
export type BuildingType = (typeof BUILDING_TYPES)[number];
export type PricingRegime = (typeof PRICING_REGIMES)[number];
export type ScoreSource = (typeof SCORE_SOURCES)[number];
export type FeeUnit = (typeof FEE_UNITS)[number];
export type CostItemCode = (typeof COST_ITEM_CODES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type MotionKind = (typeof MOTION_KINDS)[number];

const ESTATE_TYPE_VALUES: readonly EnumValue[] = [
	{ value: 'commercial', zh: '商品房', en: 'Commercial housing', aliases: ['商品房', '商品住宅', '商品房小区', 'commercial housing'] },
	{ value: 'relocation', zh: '动迁房', en: 'Relocation housing', aliases: ['动迁房', '动迁安置房', '安置房', '拆迁安置房', '保障房', 'resettlement', 'relocation housing'] },
	{ value: 'public_sold', zh: '售后公房', en: 'Sold public housing', aliases: ['售后公房', '公房', '房改房', '老公房', 'sold public housing'] },
	{ value: 'mixed', zh: '混合', en: 'Mixed', aliases: ['混合', '混合型', '混合小区'] }
];
const BUILDING_TYPE_VALUES: readonly EnumValue[] = [
	{ value: 'multi', zh: '多层', en: 'Multi-storey', aliases: ['多层', '低层', '多层住宅', 'multi-storey', 'multistorey', 'low-rise'] },
	{ value: 'high', zh: '高层', en: 'High-rise', aliases: ['高层', '小高层', '高层住宅', 'high-rise', 'highrise'] }
];
const PRICING_REGIME_VALUES: readonly EnumValue[] = [
	{ value: 'guide', zh: '政府指导价', en: 'Government guide price', aliases: ['指导价', '政府指导价', 'guide price'] },
	{ value: 'market', zh: '市场调节价', en: 'Market price', aliases: ['市场调节价', '市场价', '协商定价', 'market price'] }
];
const SCORE_SOURCE_VALUES: readonly EnumValue[] = [
	{ value: 'inspection', zh: '检查考评', en: 'Inspection', aliases: ['检查', '考评', '现场检查', '检查考评', '日常考核'] },
	{ value: 'satisfaction', zh: '满意度调查', en: 'Satisfaction survey', aliases: ['满意度', '满意度调查', '业主满意度', 'survey'] },
	{ value: 'third_party', zh: '第三方评估', en: 'Third-party appraisal', aliases: ['第三方', '第三方评估', '评估机构', 'third party'] }
];
const FEE_UNIT_VALUES: readonly EnumValue[] = [
	{ value: 'per_m2_month', zh: '元/㎡·月', en: 'yuan per m² per month', aliases: ['元/㎡·月', '元/平方米·月', '元/平方米/月', '元/平米/月', '元/平米·月', '元/m2/月', '元/m2·月', 'yuan/m2/month'] },
	{ value: 'per_household_month', zh: '元/户·月', en: 'yuan per household per month', aliases: ['元/户·月', '元/户/月', '元每户每月', 'yuan/household/month'] }
];

/** The ten cost items with their official Chinese names (docs/sources.md §3, [V]). */
export const COST_ITEMS: readonly EnumValue[] = [
	{ value: 'staff', zh: '人员费用', en: 'Staff', aliases: ['人员费用', '人工费', '人员工资', '人工成本', 'staff cost', 'labour'] },
	{ value: 'facilities', zh: '共用部位共用设施设备日常运行和维护费', en: 'Common facilities operation and maintenance', aliases: ['共用部位共用设施设备日常运行和维护费', '设施设备运行维护费', '设施设备维护费', '共用设施设备维护费', '设施设备'] },
	{ value: 'greening', zh: '绿化养护费', en: 'Greening', aliases: ['绿化养护费', '绿化费', '绿化'] },
	{ value: 'cleaning', zh: '清洁卫生费', en: 'Cleaning', aliases: ['清洁卫生费', '保洁费', '清洁费', '保洁'] },
	{ value: 'order', zh: '秩序维护费', en: 'Order and security', aliases: ['秩序维护费', '安保费', '保安费', '秩序维护', 'security'] },
	{ value: 'insurance', zh: '共用部位共用设施设备及公众责任保险费', en: 'Insurance', aliases: ['共用部位共用设施设备及公众责任保险费', '保险费', '公众责任保险费'] },
	{ value: 'office', zh: '办公费', en: 'Office', aliases: ['办公费', '办公费用'] },
	{ value: 'management', zh: '管理费分摊', en: 'Head-office cost allocated', aliases: ['管理费分摊', '管理费', '企业管理费分摊'] },
	{ value: 'depreciation', zh: '固定资产折旧', en: 'Depreciation', aliases: ['固定资产折旧', '折旧', '折旧费'] },
	{ value: 'other', zh: '经业主同意的其它费用', en: 'Other (owner-approved)', aliases: ['经业主同意的其它费用', '其它费用', '其他费用', '其他', '其它'] }
];

const TICKET_CATEGORY_VALUES: readonly EnumValue[] = [
	{ value: 'repair', zh: '房屋报修', en: 'Repair', aliases: ['报修', '维修', '房屋报修', '房屋维修'] },
	{ value: 'cleaning', zh: '环境卫生', en: 'Cleaning', aliases: ['环境卫生', '保洁', '卫生', '垃圾'] },
	{ value: 'order', zh: '秩序治安', en: 'Order and security', aliases: ['秩序', '治安', '秩序治安', '停车', '秩序维护'] },
	{ value: 'greening', zh: '绿化', en: 'Greening', aliases: ['绿化', '绿化养护'] },
	{ value: 'facilities', zh: '设施设备', en: 'Facilities', aliases: ['设施设备', '设施', '电梯', '二次供水', '消防'] },
	{ value: 'illegal_building', zh: '违法建筑', en: 'Illegal building', aliases: ['违法建筑', '违建', '违章搭建', '违法搭建'] },
	{ value: 'group_renting', zh: '群租', en: 'Group renting', aliases: ['群租', '群租房'] },
	{ value: 'arrears', zh: '欠缴物业费', en: 'Fee arrears', aliases: ['欠费', '欠缴物业费', '拒缴物业费', '物业费欠缴'] },
	{ value: 'other', zh: '其他', en: 'Other', aliases: ['其他', '其它'] }
];
const MOTION_KIND_VALUES: readonly EnumValue[] = [
	{ value: 'ordinary', zh: '一般事项（过半数）', en: 'Ordinary (simple majority)', aliases: ['一般事项', '普通事项', '一般', '过半数'] },
	{ value: 'major', zh: '重大事项（四分之三）', en: 'Major (three-quarters)', aliases: ['重大事项', '特别事项', '重大', '四分之三'] }
];

/** Cell texts accepted for BOOLEAN columns (after {@link normalizeLabel}). */
export const BOOLEAN_ALIASES = {
	true: ['true', '1', 'yes', 'y', 't', '是', '有', '√'],
	false: ['false', '0', 'no', 'n', 'f', '否', '无', '×']
} as const;

// ---------------------------------------------------------------------------------------------------
// Column metadata
// ---------------------------------------------------------------------------------------------------

/** DuckDB column types used by the model (kept to types whose CSV and Arrow forms are unambiguous). */
export type DuckDbType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP';

/** Metadata of one column. `name` is the canonical column name in CSV headers, rows and SQL. */
export interface ColumnMeta<Name extends string = string> {
	readonly name: Name;
	readonly type: DuckDbType;
	/** Unit in its usual Chinese notation (e.g. '元/㎡·月', '㎡'); absent for codes and names. */
	readonly unit?: string;
	/** Required columns are NOT NULL; optional ones may be empty (NULL). */
	readonly required: boolean;
	/** Allowed values of an enum column; absent means free text or a number. */
	readonly values?: readonly EnumValue[];
	/** Inclusive numeric bounds checked by the schema and the DDL. */
	readonly min?: number;
	readonly max?: number;
	/** Short column labels for headers. */
	readonly zh: string;
	readonly en: string;
	readonly descriptionZh: string;
	readonly descriptionEn: string;
	/** Header spellings accepted on import, Chinese and English; matched after {@link normalizeLabel}. */
	readonly aliases: readonly string[];
}

/** Column metadata with the name checked against a row type's keys. */
type Col<Row> = ColumnMeta<Extract<keyof Row, string>>;

// Shared column definitions: the same column reads the same in every dataset.
function estateIdCol(withBareId: boolean): ColumnMeta<'estate_id'> {
	return {
		name: 'estate_id',
		type: 'VARCHAR',
		required: true,
		zh: '小区编号',
		en: 'Estate ID',
		descriptionZh: '小区的唯一编号，与「小区」表的 estate_id 对应',
		descriptionEn: 'Unique estate identifier; matches estate_id in the estates table',
		// '编号'/'ID' alone would be ambiguous in tables with their own id (tickets), so only estates takes them.
		aliases: [
			'estate_id',
			'小区编号',
			'小区代码',
			'小区ID',
			'小区id',
			...(withBareId ? ['编号', 'ID'] : []),
			'Estate ID',
			'estate code',
			'estateid'
		]
	};
}
const yearCol: ColumnMeta<'year'> = {
	name: 'year',
	type: 'INTEGER',
	unit: '年',
	required: true,
	min: 1900,
	max: 2100,
	zh: '年度',
	en: 'Year',
	descriptionZh: '年度（公历年）',
	descriptionEn: 'Calendar year',
	aliases: ['year', '年份', '年度', '年', 'Year', 'fiscal year']
};
function buildingTypeCol(descriptionZh: string, descriptionEn: string): ColumnMeta<'building_type'> {
	return {
		name: 'building_type',
		type: 'VARCHAR',
		required: true,
		values: BUILDING_TYPE_VALUES,
		zh: '建筑类型',
		en: 'Building type',
		descriptionZh,
		descriptionEn,
		aliases: ['building_type', '建筑类型', '楼型', '房屋层数', '层数类型', '多层/高层', 'Building type', 'storeys']
	};
}

// ---------------------------------------------------------------------------------------------------
// Row schemas
// ---------------------------------------------------------------------------------------------------

/** Canonical timestamp text: naive local time, as grid systems export it. */
export const TIMESTAMP_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** Canonical period text: a quarter 'YYYYQn' or a month 'YYYY-MM'. */
export const PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$/;

const id = z.string().trim().min(1);
const year = z.number().int().min(1900).max(2100);
const timestamp = z.string().regex(TIMESTAMP_PATTERN, 'expected YYYY-MM-DD HH:MM:SS');

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

/** One quality score (long form): an estate, a period, an indicator, a 0-100 score and its source. */
export const scoreRowSchema = z.object({
	estate_id: id,
	period: z.string().regex(PERIOD_PATTERN, "expected 'YYYYQn' or 'YYYY-MM'"),
	indicator: z.string().trim().min(1),
	score: z.number().min(0).max(100),
	source: z.enum(SCORE_SOURCES)
});

/** One year of an estate's fee and collection rate. */
export const feeRowSchema = z.object({
	estate_id: id,
	year,
	fee: z.number().positive(),
	fee_unit: z.enum(FEE_UNITS),
	collection_rate: z.number().min(0).max(1).nullable()
});

/** One cost item of an estate's annual cost budget, in yuan per year. */
export const costRowSchema = z.object({
	estate_id: id,
	year,
	item: z.enum(COST_ITEM_CODES),
	amount_yuan: z.number().min(0)
});

/** One grid-management ticket (网格工单); `closed_at` null means still open. */
export const ticketRowSchema = z
	.object({
		ticket_id: id,
		estate_id: id,
		category: z.enum(TICKET_CATEGORIES),
		opened_at: timestamp,
		closed_at: timestamp.nullable()
	})
	// The canonical text form sorts like time, so a string comparison is a time comparison.
	.refine((t) => t.closed_at === null || t.closed_at >= t.opened_at, {
		message: 'closed_at is before opened_at',
		path: ['closed_at']
	});

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

/** Households of an estate with a given unit (flat) area: a histogram row. */
export const unitSizeRowSchema = z.object({
	estate_id: id,
	unit_area_m2: z.number().positive(),
	households: z.number().int().min(0)
});

/** One tally of an owners' vote on a motion, by head count and by exclusive area. */
export const voteRowSchema = z
	.object({
		estate_id: id,
		motion: z.string().trim().min(1),
		motion_kind: z.enum(MOTION_KINDS),
		owners_total: z.number().int().positive(),
		area_total_m2: z.number().positive(),
		owners_participating: z.number().int().min(0),
		area_participating_m2: z.number().min(0),
		owners_yes: z.number().int().min(0),
		area_yes_m2: z.number().min(0)
	})
	.refine(
		(v) =>
			v.owners_yes <= v.owners_participating &&
			v.owners_participating <= v.owners_total &&
			v.area_yes_m2 <= v.area_participating_m2 &&
			v.area_participating_m2 <= v.area_total_m2,
		{ message: 'expected yes <= participating <= total (owners and area)' }
	);

/** Listing-site building forms (market dataset; value map in domain/market/listing-text.ts). */
export const MARKET_FORMS = ['low', 'mid_high', 'high', 'slab', 'tower', 'slab_tower', 'villa', 'mixed'] as const;
/** ISO date text 'YYYY-MM-DD'. */
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * One estate as a listing site shows it (market references, docs/data-formats.md "market"). The fee text is
 * kept as written; low/high/mid and the unit are read from it (domain/market/listing-text.ts).
 */
export const marketRowSchema = z
	.object({
		name: z.string().trim().min(1),
		area: z.string().trim().min(1).nullable(),
		fee_text: z.string().nullable(),
		fee_low: z.number().positive().nullable(),
		fee_high: z.number().positive().nullable(),
		fee_mid: z.number().positive().nullable(),
		fee_unit: z.enum(FEE_UNITS).nullable(),
		fee_per_day: z.boolean().nullable(),
		fee_forms: z.string().nullable(),
		year_built: year.nullable(),
		households: z.number().int().min(0).nullable(),
		buildings: z.number().int().min(0).nullable(),
		building_form: z.enum(MARKET_FORMS).nullable(),
		firm: z.string().nullable(),
		developer: z.string().nullable(),
		house_price: z.number().positive().nullable(),
		lng: z.number().min(-180).max(180).nullable(),
		lat: z.number().min(-90).max(90).nullable(),
		ref_date: z.string().regex(DATE_PATTERN, 'expected YYYY-MM-DD').nullable()
	})
	.refine((m) => m.fee_low === null || m.fee_high === null || m.fee_low <= m.fee_high, { message: 'expected fee_low <= fee_high', path: ['fee_low'] });

export type EstateRow = z.infer<typeof estateRowSchema>;
export type ScoreRow = z.infer<typeof scoreRowSchema>;
export type FeeRow = z.infer<typeof feeRowSchema>;
export type CostRow = z.infer<typeof costRowSchema>;
export type TicketRow = z.infer<typeof ticketRowSchema>;
export type GuidePriceRow = z.infer<typeof guidePriceRowSchema>;
export type UnitSizeRow = z.infer<typeof unitSizeRowSchema>;
export type VoteRow = z.infer<typeof voteRowSchema>;
export type MarketRow = z.infer<typeof marketRowSchema>;

// ---------------------------------------------------------------------------------------------------
// Column metadata per dataset (order = CSV column order = schema key order = DDL order)
// ---------------------------------------------------------------------------------------------------

const estateColumns: readonly Col<EstateRow>[] = [
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
		aliases: ['estate_type', '小区类型', '房屋类型', '住房类型', '物业类型', '类型', 'Estate type', 'housing type', 'type']
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
		aliases: ['build_year', '建成年份', '竣工年份', '建成年代', '建造年份', '竣工年代', 'Build year', 'year built', 'completion year']
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
		aliases: ['has_elevator', '有无电梯', '是否有电梯', '电梯', 'Has elevator', 'elevator', 'elevators']
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

const scoreColumns: readonly Col<ScoreRow>[] = [
	estateIdCol(true),
	{
		name: 'period',
		type: 'VARCHAR',
		required: true,
		zh: '期间',
		en: 'Period',
		descriptionZh: "考核期：季度 'YYYYQn'（如 2024Q1）或月份 'YYYY-MM'",
		descriptionEn: "Assessment period: quarter 'YYYYQn' (e.g. 2024Q1) or month 'YYYY-MM'",
		aliases: ['period', '期间', '考核期', '考核期间', '测评期', '季度', '月份', 'Period', 'quarter', 'month']
	},
	{
		name: 'indicator',
		type: 'VARCHAR',
		required: true,
		zh: '指标',
		en: 'Indicator',
		descriptionZh: '指标代码；默认体系见 indicators.ts，满意度为 satisfaction，也可使用自定义指标',
		descriptionEn: "Indicator code; default system in indicators.ts, 'satisfaction' for owner satisfaction; custom codes allowed",
		aliases: ['indicator', '指标', '指标代码', '考核指标', '评分项目', 'Indicator', 'criterion']
	},
	{
		name: 'score',
		type: 'DOUBLE',
		unit: '分',
		required: true,
		min: 0,
		max: 100,
		zh: '得分',
		en: 'Score',
		descriptionZh: '得分（百分制，0-100）',
		descriptionEn: 'Score on a 0-100 scale',
		aliases: ['score', '得分', '分数', '评分', '分值', 'Score', 'points']
	},
	{
		name: 'source',
		type: 'VARCHAR',
		required: true,
		values: SCORE_SOURCE_VALUES,
		zh: '来源',
		en: 'Source',
		descriptionZh: '得分来源：检查考评、满意度调查或第三方评估',
		descriptionEn: 'Where the score comes from: inspection, satisfaction survey or third-party appraisal',
		aliases: ['source', '来源', '数据来源', '评分来源', '得分来源', 'Source']
	}
];

const feeColumns: readonly Col<FeeRow>[] = [
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
		aliases: ['fee', '物业费', '物业服务费', '收费标准', '物业费标准', '单价', 'Fee', 'fee rate', 'service fee']
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
		aliases: ['fee_unit', '计费单位', '收费单位', '单位', 'Fee unit', 'unit']
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

const costColumns: readonly Col<CostRow>[] = [
	estateIdCol(true),
	yearCol,
	{
		name: 'item',
		type: 'VARCHAR',
		required: true,
		values: COST_ITEMS,
		zh: '成本项目',
		en: 'Cost item',
		descriptionZh: '《物业服务定价成本监审办法（试行）》的十项成本之一',
		descriptionEn: 'One of the ten cost items of the 2007 cost-audit rules',
		aliases: ['item', '成本项目', '费用项目', '成本科目', '科目', '项目', 'Cost item', 'cost category']
	},
	{
		name: 'amount_yuan',
		type: 'DOUBLE',
		unit: '元/年',
		required: true,
		min: 0,
		zh: '金额',
		en: 'Amount',
		descriptionZh: '年度金额（元）',
		descriptionEn: 'Annual amount, yuan',
		aliases: ['amount_yuan', '金额', '年度金额', '预算金额', '金额元', '费用', 'Amount', 'amount', 'yuan']
	}
];

const ticketColumns: readonly Col<TicketRow>[] = [
	{
		name: 'ticket_id',
		type: 'VARCHAR',
		required: true,
		zh: '工单编号',
		en: 'Ticket ID',
		descriptionZh: '网格工单编号',
		descriptionEn: 'Grid-management ticket identifier',
		aliases: ['ticket_id', '工单编号', '工单号', '案件编号', '编号', 'Ticket ID', 'ticket', 'case id']
	},
	estateIdCol(false),
	{
		name: 'category',
		type: 'VARCHAR',
		required: true,
		values: TICKET_CATEGORY_VALUES,
		zh: '问题类别',
		en: 'Category',
		descriptionZh: '问题类别',
		descriptionEn: 'Problem category',
		aliases: ['category', '问题类别', '工单类别', '问题类型', '类别', '案件类别', 'Category', 'type']
	},
	{
		name: 'opened_at',
		type: 'TIMESTAMP',
		required: true,
		zh: '发现时间',
		en: 'Opened at',
		descriptionZh: "发现（立案）时间，'YYYY-MM-DD HH:MM:SS'",
		descriptionEn: "When the problem was found or filed, 'YYYY-MM-DD HH:MM:SS'",
		aliases: ['opened_at', '发现时间', '立案时间', '上报时间', '创建时间', '受理时间', 'Opened at', 'opened', 'created_at']
	},
	{
		name: 'closed_at',
		type: 'TIMESTAMP',
		required: false,
		zh: '结案时间',
		en: 'Closed at',
		descriptionZh: "结案（办结）时间，'YYYY-MM-DD HH:MM:SS'；空表示尚未办结",
		descriptionEn: "When the ticket was closed, 'YYYY-MM-DD HH:MM:SS'; empty while still open",
		aliases: ['closed_at', '结案时间', '办结时间', '处置完成时间', '关闭时间', 'Closed at', 'closed', 'resolved_at']
	}
];

const guidePriceColumns: readonly Col<GuidePriceRow>[] = [
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

const unitSizeColumns: readonly Col<UnitSizeRow>[] = [
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

const voteColumns: readonly Col<VoteRow>[] = [
	estateIdCol(true),
	{
		name: 'motion',
		type: 'VARCHAR',
		required: true,
		zh: '表决事项',
		en: 'Motion',
		descriptionZh: '表决事项',
		descriptionEn: 'What was voted on',
		aliases: ['motion', '表决事项', '议题', '事项', '表决内容', 'Motion', 'resolution']
	},
	{
		name: 'motion_kind',
		type: 'VARCHAR',
		required: true,
		values: MOTION_KIND_VALUES,
		zh: '事项类别',
		en: 'Motion kind',
		descriptionZh: '一般事项（双过半）或重大事项（双四分之三），《民法典》第278条',
		descriptionEn: 'Ordinary (majority of area and owners) or major (3/4 of both), Civil Code art. 278',
		aliases: ['motion_kind', '事项类别', '表决类型', '事项类型', 'Motion kind', 'kind']
	},
	{
		name: 'owners_total',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 1,
		zh: '业主总人数',
		en: 'Owners total',
		descriptionZh: '业主总人数',
		descriptionEn: 'Number of owners',
		aliases: ['owners_total', '业主总人数', '总人数', '业主人数', 'Owners total', 'total owners']
	},
	{
		name: 'area_total_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '专有部分总面积',
		en: 'Total area',
		descriptionZh: '专有部分总面积（平方米）',
		descriptionEn: 'Total exclusive area, m²',
		aliases: ['area_total_m2', '专有部分总面积', '总面积', '专有面积', 'Total area', 'area total']
	},
	{
		name: 'owners_participating',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 0,
		zh: '参与表决人数',
		en: 'Owners participating',
		descriptionZh: '参与表决的业主人数',
		descriptionEn: 'Owners who took part in the vote',
		aliases: ['owners_participating', '参与表决人数', '参加表决人数', '投票人数', 'Owners participating', 'owners voting']
	},
	{
		name: 'area_participating_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '参与表决面积',
		en: 'Area participating',
		descriptionZh: '参与表决业主的专有部分面积（平方米）',
		descriptionEn: 'Exclusive area of the owners who took part, m²',
		aliases: ['area_participating_m2', '参与表决面积', '参加表决面积', '投票面积', 'Area participating', 'area voting']
	},
	{
		name: 'owners_yes',
		type: 'INTEGER',
		unit: '人',
		required: true,
		min: 0,
		zh: '同意人数',
		en: 'Owners yes',
		descriptionZh: '表示同意的业主人数',
		descriptionEn: 'Owners voting yes',
		aliases: ['owners_yes', '同意人数', '赞成人数', 'Owners yes', 'yes owners']
	},
	{
		name: 'area_yes_m2',
		type: 'DOUBLE',
		unit: '㎡',
		required: true,
		min: 0,
		zh: '同意面积',
		en: 'Area yes',
		descriptionZh: '表示同意的业主的专有部分面积（平方米）',
		descriptionEn: 'Exclusive area of the owners voting yes, m²',
		aliases: ['area_yes_m2', '同意面积', '赞成面积', 'Area yes', 'yes area']
	}
];

const MARKET_FORM_VALUES: readonly EnumValue[] = [
	{ value: 'low', zh: '多层', en: 'Multi-storey', aliases: ['多层', '低层', '洋房'] },
	{ value: 'mid_high', zh: '小高层', en: 'Mid-rise', aliases: ['小高层', '中高层'] },
	{ value: 'high', zh: '高层', en: 'High-rise', aliases: ['高层', '超高层'] },
	{ value: 'slab', zh: '板楼', en: 'Slab', aliases: ['板楼', '板式'] },
	{ value: 'tower', zh: '塔楼', en: 'Tower', aliases: ['塔楼', '塔式'] },
	{ value: 'slab_tower', zh: '塔板结合', en: 'Slab and tower', aliases: ['塔板结合', '板塔结合'] },
	{ value: 'villa', zh: '别墅', en: 'Villa', aliases: ['别墅', '联排', '独栋', '叠拼'] },
	{ value: 'mixed', zh: '混合', en: 'Mixed', aliases: ['混合'] }
];

/** Derived market columns are filled from the fee text; their own names are accepted so canonical files round-trip. */
function derivedMarketCol<N extends string>(name: N, type: DuckDbType, zh: string, en: string, dzh: string, den: string, unit?: string): ColumnMeta<N> {
	return { name, type, required: false, zh, en, descriptionZh: dzh, descriptionEn: den, aliases: [name, zh, en], ...(unit ? { unit } : {}), ...(type === 'DOUBLE' ? { min: 0 } : {}) };
}

const marketColumns: readonly Col<MarketRow>[] = [
	{
		name: 'name',
		type: 'VARCHAR',
		required: true,
		zh: '小区名称',
		en: 'Estate name',
		descriptionZh: '挂牌网站上的小区名称',
		descriptionEn: 'Estate name as the listing site shows it',
		aliases: ['name', '小区名称', '小区名', '小区', '楼盘名称', '楼盘', '名称', 'Estate name', 'estate', 'community', 'xiaoqu', 'title']
	},
	{
		name: 'area',
		type: 'VARCHAR',
		required: false,
		zh: '区域',
		en: 'Area',
		descriptionZh: '所在区县、板块或商圈（比较同类小区时用）',
		descriptionEn: 'District, business area or quarter (used to find comparable estates)',
		aliases: ['area', '区域', '板块', '商圈', '所在区域', '区县', '行政区', '城区', '所属区域', '片区', 'district', 'region', 'business area', 'quarter']
	},
	{
		name: 'fee_text',
		type: 'VARCHAR',
		// Not NOT NULL: a listing with an empty fee cell is still a listing (no fee). The column is what
		// recognises the dataset (detect.ts).
		required: false,
		zh: '物业费（原文）',
		en: 'Fee (as listed)',
		descriptionZh: '网站上的物业费原文，如“2.38元/平米/月”“1.14至2.48元/平米/月”“暂无数据”',
		descriptionEn: 'The fee text as listed, e.g. "2.38元/平米/月", "1.14至2.48元/平米/月", "暂无数据"',
		aliases: ['fee_text', '物业费', '物业费用', '物业服务费', '物业管理费', '物业费标准', 'Property fee', 'fee', 'management fee', 'property_fee', 'wuyefei']
	},
	derivedMarketCol('fee_low', 'DOUBLE', '物业费下限', 'Fee low', '由原文读出的下限（单值时等于该值）', 'Low end read from the text (the value itself for a single fee)', '元/㎡·月'),
	derivedMarketCol('fee_high', 'DOUBLE', '物业费上限', 'Fee high', '由原文读出的上限', 'High end read from the text', '元/㎡·月'),
	derivedMarketCol('fee_mid', 'DOUBLE', '物业费中值', 'Fee midpoint', '(下限+上限)/2，统计时代表该小区', '(low + high) / 2, what stands for the estate in statistics', '元/㎡·月'),
	{ ...derivedMarketCol('fee_unit', 'VARCHAR', '计费单位', 'Fee unit', '元/㎡·月 或 元/户·月（按户计的不与按面积计的混算）', 'Per m² or per household (never mixed)'), values: FEE_UNIT_VALUES },
	derivedMarketCol('fee_per_day', 'BOOLEAN', '按天报价', 'Quoted per day', '原文按“元/平方米·天”报价，已乘 30 折为每月', 'The text quoted per day; multiplied by 30 to a month'),
	derivedMarketCol('fee_forms', 'VARCHAR', '分业态物业费', 'Fee per building form', '原文按业态分列时逐项保留，如“多层:1.2;小高层:1.8”', 'One fee per building form when the text gave them'),
	{
		name: 'year_built',
		type: 'INTEGER',
		unit: '年',
		required: false,
		min: 1900,
		max: 2100,
		zh: '建成年份',
		en: 'Year built',
		descriptionZh: '建成年份，可写“2006年建成”',
		descriptionEn: 'Year built; "2006年建成" is read as 2006',
		aliases: ['year_built', '建成年代', '建成年份', '建筑年代', '竣工时间', '竣工年份', '建造年代', '年代', 'Year built', 'built', 'build_year', 'completion']
	},
	{
		name: 'households',
		type: 'INTEGER',
		unit: '户',
		required: false,
		min: 0,
		zh: '户数',
		en: 'Households',
		descriptionZh: '房屋总数，可写“7231户”',
		descriptionEn: 'Homes; "7231户" is read as 7231',
		aliases: ['households', '户数', '总户数', '房屋总数', '房屋数', '住户数', 'Households', 'homes', 'units']
	},
	{
		name: 'buildings',
		type: 'INTEGER',
		unit: '栋',
		required: false,
		min: 0,
		zh: '楼栋数',
		en: 'Buildings',
		descriptionZh: '楼栋总数，可写“41栋”',
		descriptionEn: 'Buildings; "41栋" is read as 41',
		aliases: ['buildings', '楼栋数', '楼栋总数', '栋数', '总栋数', '楼栋', 'Buildings', 'building count']
	},
	{
		name: 'building_form',
		type: 'VARCHAR',
		required: false,
		values: MARKET_FORM_VALUES,
		zh: '建筑类型',
		en: 'Building form',
		descriptionZh: '板楼、塔楼、塔板结合、多层、小高层、高层、别墅；多种时“板楼/塔楼”为塔板结合，其余为混合',
		descriptionEn: 'Slab, tower, slab and tower, multi-storey, mid-rise, high-rise, villa; several forms read as mixed',
		aliases: ['building_form', '建筑类型', '建筑形式', '建筑结构', '楼型', '房屋类型', '建筑类别', 'Building form', 'building type', 'building_type']
	},
	{
		name: 'firm',
		type: 'VARCHAR',
		required: false,
		zh: '物业公司',
		en: 'Property firm',
		descriptionZh: '物业服务企业',
		descriptionEn: 'Property-service firm',
		aliases: ['firm', '物业公司', '物业服务企业', '物业企业', '物业管理公司', 'Property firm', 'property company', 'management company']
	},
	{
		name: 'developer',
		type: 'VARCHAR',
		required: false,
		zh: '开发商',
		en: 'Developer',
		descriptionZh: '开发企业',
		descriptionEn: 'Developer',
		aliases: ['developer', '开发商', '开发企业', '建设单位', 'Developer']
	},
	{
		name: 'house_price',
		type: 'DOUBLE',
		unit: '元/㎡',
		required: false,
		min: 0,
		zh: '房价均价',
		en: 'House price',
		descriptionZh: '挂牌或成交均价（元/㎡），可写“6.5万”',
		descriptionEn: 'Average listed or sold price, yuan per m²',
		aliases: ['house_price', '房价均价', '均价', '参考均价', '挂牌均价', '成交均价', '房价', '二手房均价', '单价', 'House price', 'avg price', 'average price', 'price', 'unit price']
	},
	{
		name: 'lng',
		type: 'DOUBLE',
		required: false,
		min: -180,
		max: 180,
		zh: '经度',
		en: 'Longitude',
		descriptionZh: '经度（不用于计算）',
		descriptionEn: 'Longitude (kept, not used in the figures)',
		aliases: ['lng', '经度', 'longitude', 'lon']
	},
	{
		name: 'lat',
		type: 'DOUBLE',
		required: false,
		min: -90,
		max: 90,
		zh: '纬度',
		en: 'Latitude',
		descriptionZh: '纬度（不用于计算）',
		descriptionEn: 'Latitude (kept, not used in the figures)',
		aliases: ['lat', '纬度', 'latitude']
	},
	{
		name: 'ref_date',
		type: 'VARCHAR',
		required: false,
		zh: '数据日期',
		en: 'Reference date',
		descriptionZh: "数据的日期 'YYYY-MM-DD'：取自该列，否则取自标题行、文件名或文件修改日期",
		descriptionEn: "Date of the data 'YYYY-MM-DD': this column, else the title row, the file name or the file's date",
		aliases: ['ref_date', '数据日期', '抓取时间', '采集时间', '采集日期', '爬取时间', '更新时间', '日期', 'date', 'crawl date', 'scraped_at', 'crawled_at']
	}
];

// ---------------------------------------------------------------------------------------------------
// DDL
// ---------------------------------------------------------------------------------------------------

function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

function columnDdl(c: ColumnMeta, primaryKey: string | undefined): string {
	const parts = [c.name, c.type];
	if (c.name === primaryKey) parts.push('PRIMARY KEY');
	else if (c.required) parts.push('NOT NULL');
	// CHECKs are the last line of defence: import validates with zod first and reports row by row.
	if (c.values) parts.push(`CHECK (${c.name} IN (${c.values.map((v) => sqlString(v.value)).join(', ')}))`);
	if (c.min !== undefined && c.max !== undefined) parts.push(`CHECK (${c.name} BETWEEN ${c.min} AND ${c.max})`);
	else if (c.min !== undefined) parts.push(`CHECK (${c.name} >= ${c.min})`);
	else if (c.max !== undefined) parts.push(`CHECK (${c.name} <= ${c.max})`);
	return parts.join(' ');
}

function buildDdl(table: string, columns: readonly ColumnMeta[], primaryKey?: string, orReplace = false): string {
	const head = orReplace ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE';
	return `${head} ${table} (\n${columns.map((c) => '\t' + columnDdl(c, primaryKey)).join(',\n')}\n)`;
}

// ---------------------------------------------------------------------------------------------------
// The dataset registry
// ---------------------------------------------------------------------------------------------------

/** Dataset ids, which are also the DuckDB table names. Order: estates first (others reference it). */
export const DATASET_IDS = ['estates', 'scores', 'fees', 'costs', 'tickets', 'guide_prices', 'unit_sizes', 'votes', 'facilities', 'fund_balances', 'market', 'survey_counts'] as const;
/** Id (and table name) of a canonical dataset. */
export type DatasetId = (typeof DATASET_IDS)[number];

const SCHEMAS = {
	estates: estateRowSchema,
	scores: scoreRowSchema,
	fees: feeRowSchema,
	costs: costRowSchema,
	tickets: ticketRowSchema,
	guide_prices: guidePriceRowSchema,
	unit_sizes: unitSizeRowSchema,
	votes: voteRowSchema,
	facilities: facilityRowSchema,
	fund_balances: fundBalanceRowSchema,
	market: marketRowSchema,
	survey_counts: surveyCountRowSchema
} as const;

/** The canonical row type of a dataset. */
export type RowOf<K extends DatasetId> = z.infer<(typeof SCHEMAS)[K]>;
/** Column names of a dataset (distributes over a union of ids, so `ColumnName<DatasetId>` is every name). */
export type ColumnName<K extends DatasetId> = K extends DatasetId ? Extract<keyof RowOf<K>, string> : never;

/** Everything known about one dataset. */
export interface DatasetMeta<K extends DatasetId = DatasetId> {
	readonly id: K;
	/** DuckDB table name (equal to the id). */
	readonly table: K;
	readonly zh: string;
	readonly en: string;
	readonly descriptionZh: string;
	readonly descriptionEn: string;
	/** Columns in canonical order: CSV header order, schema key order and DDL order. */
	readonly columns: readonly ColumnMeta<ColumnName<K>>[];
	/** Zod schema of one canonical row. */
	readonly schema: (typeof SCHEMAS)[K];
	/** `CREATE TABLE` statement (see {@link createTableSql} for variants). */
	readonly ddl: string;
	/** Primary-key column, if the dataset has one. */
	readonly primaryKey?: string;
	/** Whether `estate_id` must exist in `estates` (checked by the app: no DuckDB foreign key, so tables load in any order). */
	readonly estateRef: boolean;
}

function meta<K extends DatasetId>(
	m: Omit<DatasetMeta<K>, 'table' | 'schema' | 'ddl'>
): DatasetMeta<K> {
	return { ...m, table: m.id, schema: SCHEMAS[m.id], ddl: buildDdl(m.id, m.columns, m.primaryKey) };
}

/** The canonical datasets, keyed by id. */
export const DATASETS: { readonly [K in DatasetId]: DatasetMeta<K> } = {
	estates: meta({
		id: 'estates',
		zh: '小区',
		en: 'Estates',
		descriptionZh: '小区基本信息：类型、建筑、面积、户数、物业企业、定价方式',
		descriptionEn: 'Estate master data: type, buildings, area, households, firm, pricing regime',
		columns: estateColumns,
		primaryKey: 'estate_id',
		estateRef: false
	}),
	scores: meta({
		id: 'scores',
		zh: '服务质量得分',
		en: 'Quality scores',
		descriptionZh: '按小区、期间、指标的服务质量得分（长表），含业主满意度',
		descriptionEn: 'Service-quality scores by estate, period and indicator (long form), incl. owner satisfaction',
		columns: scoreColumns,
		estateRef: true
	}),
	fees: meta({
		id: 'fees',
		zh: '物业费',
		en: 'Fees',
		descriptionZh: '各年物业服务费标准与收缴率',
		descriptionEn: 'Yearly property-service fee and collection rate',
		columns: feeColumns,
		estateRef: true
	}),
	costs: meta({
		id: 'costs',
		zh: '成本预算',
		en: 'Cost budgets',
		descriptionZh: '按十项成本的年度成本预算（元/年，长表）',
		descriptionEn: 'Annual cost budget by the ten cost items (yuan per year, long form)',
		columns: costColumns,
		estateRef: true
	}),
	tickets: meta({
		id: 'tickets',
		zh: '网格工单',
		en: 'Grid tickets',
		descriptionZh: '网格化管理发现和处置的问题工单',
		descriptionEn: 'Problems found and handled through grid management',
		columns: ticketColumns,
		// No PRIMARY KEY on ticket_id: its index made loading 25k tickets about twice as slow in wasm,
		// and a city has millions of tickets. Uniqueness is left to import validation.
		estateRef: true
	}),
	guide_prices: meta({
		id: 'guide_prices',
		zh: '指导价',
		en: 'Guide prices',
		descriptionZh: '按建筑类型和服务等级的指导价目录',
		descriptionEn: 'Guide-price catalogues by building type and service grade',
		columns: guidePriceColumns,
		estateRef: false
	}),
	unit_sizes: meta({
		id: 'unit_sizes',
		zh: '户型分布',
		en: 'Unit sizes',
		descriptionZh: '各小区按户型面积的户数分布，用于计算每户负担',
		descriptionEn: 'Households by unit area per estate, for what a fee costs each household',
		columns: unitSizeColumns,
		estateRef: true
	}),
	votes: meta({
		id: 'votes',
		zh: '业主表决',
		en: "Owners' votes",
		descriptionZh: '业主大会表决的人数和面积统计',
		descriptionEn: "Tallies of owners' votes by head count and by area",
		columns: voteColumns,
		estateRef: true
	}),
	facilities: meta({
		id: 'facilities',
		zh: '共用设施设备',
		en: 'Shared facilities',
		descriptionZh: '由专项维修资金更新的共用设施设备：类别、数量、安装年份、使用年限、更新单价、最近评估',
		descriptionEn: 'Shared facilities renewed from the maintenance fund: kind, quantity, year installed, life, unit cost, last assessment',
		columns: facilityColumns,
		estateRef: true
	}),
	fund_balances: meta({
		id: 'fund_balances',
		zh: '维修资金余额',
		en: 'Maintenance fund balances',
		descriptionZh: '专项维修资金各年末余额与每年续筹额',
		descriptionEn: 'Maintenance fund balance at each year end and the yearly contribution',
		columns: fundBalanceColumns,
		estateRef: true
	}),
	market: meta({
		id: 'market',
		zh: '挂牌参考',
		en: 'Market references',
		descriptionZh: '挂牌网站导出的各小区物业费、建成年份、建筑类型、户数与房价：第二把、独立的收费尺子（不是质量评分）',
		descriptionEn: 'Listing-site exports: fee, year built, building form, households and house price per estate; a second, independent fee scale (not a quality score)',
		columns: marketColumns,
		estateRef: false
	}),
	survey_counts: meta({
		id: 'survey_counts',
		zh: '业主满意度调查',
		en: "Owners' surveys",
		descriptionZh: '业主满意度问卷按题目和答案等级的人数（不保存答卷人信息）',
		descriptionEn: "Owners' satisfaction surveys as counts per question and answer level (no respondent data)",
		columns: surveyCountColumns,
		estateRef: true
	})
};

/** DDL of each table, for callers that only want the SQL. */
export const ESTATES_DDL = DATASETS.estates.ddl;
export const SCORES_DDL = DATASETS.scores.ddl;
export const FEES_DDL = DATASETS.fees.ddl;
export const COSTS_DDL = DATASETS.costs.ddl;
export const TICKETS_DDL = DATASETS.tickets.ddl;
export const GUIDE_PRICES_DDL = DATASETS.guide_prices.ddl;
export const UNIT_SIZES_DDL = DATASETS.unit_sizes.ddl;
export const VOTES_DDL = DATASETS.votes.ddl;
export const FACILITIES_DDL = DATASETS.facilities.ddl;
export const FUND_BALANCES_DDL = DATASETS.fund_balances.ddl;
export type { FacilityRow, FundBalanceRow } from './facilities';
export const MARKET_DDL = DATASETS.market.ddl;

/**
 * `CREATE TABLE` for a dataset, optionally under another name (a staging table) or as
 * `CREATE OR REPLACE` (tables are rebuilt from the user's files on every load).
 */
export function createTableSql(id: DatasetId, options: { table?: string; orReplace?: boolean } = {}): string {
	const d: DatasetMeta = DATASETS[id];
	return buildDdl(options.table ?? d.table, d.columns, d.primaryKey, options.orReplace ?? false);
}

/**
 * The `columns` struct for DuckDB's `read_csv` over a canonical CSV, e.g.
 * `read_csv('estates.csv', header = true, columns = {...})`. Explicit types, because auto-detection
 * reads integers as BIGINT and may guess periods like '2024-01' as dates.
 */
export function csvColumnsSql(id: DatasetId): string {
	const d: DatasetMeta = DATASETS[id];
	return `{${d.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------------
// Header and value matching for import
// ---------------------------------------------------------------------------------------------------

/**
 * Normalise a header or code label for matching: NFKC (full-width to half-width, '㎡' to 'm2'), lower
 * case, drop a trailing unit in brackets ('计费面积（㎡）'), and drop spaces, '_', '-', '.', '·'.
 */
export function normalizeLabel(s: string): string {
	return s
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, '')
		.replace(/[([][^)\]]*[)\]]$/, '')
		.replace(/[_\-.·]/g, '');
}

/** The canonical column a file header stands for in a dataset, or undefined. */
export function matchColumn(id: DatasetId, header: string): string | undefined {
	const h = normalizeLabel(header);
	if (h === '') return undefined;
	const d: DatasetMeta = DATASETS[id];
	return d.columns.find((c) => c.name === header || c.aliases.some((a) => normalizeLabel(a) === h))?.name;
}

/** The canonical code an enum cell stands for (its code, Chinese or English name, or an alias), or undefined. */
export function matchEnumValue(column: ColumnMeta, cell: string): string | undefined {
	if (!column.values) return undefined;
	const v = normalizeLabel(cell);
	if (v === '') return undefined;
	return column.values.find((e) => [e.value, e.zh, e.en, ...e.aliases].some((a) => normalizeLabel(a) === v))?.value;
}

// ---------------------------------------------------------------------------------------------------
// The built-in sample district
// ---------------------------------------------------------------------------------------------------

/** The fictional district the sample data describes (generated by data/generate-sample.mjs). */
export const SAMPLE_DISTRICT = {
	zh: '临江区',
	en: 'Linjiang District',
	fictional: true,
	/** Where the CSV files sit in the repository. */
	dir: 'data/sample'
} as const;

/** One file of the sample district. */
export interface SampleFile {
	readonly file: string;
	readonly dataset: DatasetId;
}

/** The CSV files of the sample district, in load order (estates first). No guide prices: those ship with the domain code. */
export const SAMPLE_FILES: readonly SampleFile[] = [
	{ file: 'estates.csv', dataset: 'estates' },
	{ file: 'scores.csv', dataset: 'scores' },
	{ file: 'fees.csv', dataset: 'fees' },
	{ file: 'costs.csv', dataset: 'costs' },
	{ file: 'tickets.csv', dataset: 'tickets' },
	{ file: 'unit_sizes.csv', dataset: 'unit_sizes' },
	{ file: 'votes.csv', dataset: 'votes' },
	{ file: 'facilities.csv', dataset: 'facilities' },
	{ file: 'fund_balances.csv', dataset: 'fund_balances' }
];
