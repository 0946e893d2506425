/**
 * The `market` dataset: listing-site references.
 */
import { z } from 'zod';
import { FEE_UNITS, FEE_UNIT_VALUES, type EnumValue } from '../../domain/vocabulary/codes';
import { year, type Col, type ColumnMeta, type DuckDbType } from './columns';

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

export type MarketRow = z.infer<typeof marketRowSchema>;

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

export const marketColumns: readonly Col<MarketRow>[] = [
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
