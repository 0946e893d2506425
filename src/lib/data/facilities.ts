/**
 * Two datasets of the maintenance-fund plan (docs/sources.md §11): `facilities` (the shared facilities an estate must renew
 * from its 专项维修资金) and `fund_balances` (the fund's balance per estate and year). Schemas, column metadata
 * and code lists live here; src/lib/data/datasets/registry.ts registers them with the others.
 *
 * Only type imports from datasets/: its registry imports this module, and a value import back would be a cycle that
 * leaves one side's constants uninitialised.
 */
import { z } from 'zod';
import type { ColumnMeta, EnumValue } from './datasets/columns';

/** The kinds of shared facility the plan knows defaults for (docs/sources.md §11); `other` needs the user's figures. */
export const FACILITY_KINDS = [
	'elevator_midrise',
	'elevator_highrise',
	'elevator_added',
	'fire_alarm',
	'fire_water',
	'water_pump',
	'water_tank',
	'roof_waterproofing',
	'exterior_wall',
	'access_control',
	'drains',
	'other'
] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

/** Outcome of the last safety assessment (电梯安全评估 and similar). */
export const ASSESSMENT_RESULTS = ['fit', 'repair', 'replace'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

/** Facility kinds with their names, the unit a quantity counts in, and spellings seen in ledgers. */
export const FACILITY_KIND_VALUES: readonly (EnumValue & { readonly unitZh: string; readonly unitEn: string; readonly elevator: boolean })[] = [
	{ value: 'elevator_midrise', zh: '18层及以下乘客电梯', en: 'Passenger lift, up to 18 floors', unitZh: '台', unitEn: 'lifts', elevator: true, aliases: ['电梯', '乘客电梯', '客梯', '住宅电梯', '小高层电梯', 'elevator', 'lift', 'passenger lift'] },
	{ value: 'elevator_highrise', zh: '18层以上乘客电梯', en: 'Passenger lift, over 18 floors', unitZh: '台', unitEn: 'lifts', elevator: true, aliases: ['高层电梯', '高速电梯', 'high-rise lift', 'high-rise elevator'] },
	{ value: 'elevator_added', zh: '加装电梯', en: 'Lift added to an existing block', unitZh: '台', unitEn: 'lifts', elevator: true, aliases: ['加装电梯', '既有住宅加装电梯', '增设电梯', 'added lift', 'retrofitted lift'] },
	{ value: 'fire_alarm', zh: '火灾自动报警系统', en: 'Fire alarm system', unitZh: '套', unitEn: 'systems', elevator: false, aliases: ['火灾自动报警系统', '火灾报警主机', '消防报警主机', '火灾报警系统', '消防报警', 'fire alarm'] },
	{ value: 'fire_water', zh: '消防给水（消火栓、喷淋）', en: 'Fire water: hydrants, sprinklers', unitZh: '套', unitEn: 'systems', elevator: false, aliases: ['消防给水', '消火栓系统', '喷淋系统', '自动喷水灭火系统', '消防水泵', '消防栓', 'fire hydrants', 'sprinklers'] },
	{ value: 'water_pump', zh: '二次供水水泵机组', en: 'Secondary water-supply pump set', unitZh: '套', unitEn: 'pump sets', elevator: false, aliases: ['二次供水水泵', '二次供水设备', '生活水泵', '供水水泵', '水泵', '变频供水设备', 'water pump', 'booster pump'] },
	{ value: 'water_tank', zh: '二次供水水箱', en: 'Secondary water-supply tank', unitZh: '座', unitEn: 'tanks', elevator: false, aliases: ['二次供水水箱', '生活水箱', '水箱', '屋顶水箱', '不锈钢水箱', 'water tank'] },
	{ value: 'roof_waterproofing', zh: '屋面防水', en: 'Roof waterproofing', unitZh: '㎡', unitEn: 'm²', elevator: false, aliases: ['屋面防水', '屋面', '屋顶防水', '防水层', 'roof', 'roofing', 'roof waterproofing'] },
	{ value: 'exterior_wall', zh: '外墙修缮', en: 'Exterior walls', unitZh: '㎡', unitEn: 'm²', elevator: false, aliases: ['外墙', '外墙修缮', '外立面', '外墙涂料', '外墙面砖', 'exterior wall', 'facade', 'façade'] },
	{ value: 'access_control', zh: '门禁及楼宇对讲', en: 'Access control and intercom', unitZh: '套', unitEn: 'door sets', elevator: false, aliases: ['门禁', '楼宇对讲', '门禁对讲', '可视对讲', '门禁系统', 'access control', 'intercom'] },
	{ value: 'drains', zh: '室外排水管网', en: 'Drains', unitZh: 'm', unitEn: 'm', elevator: false, aliases: ['排水管网', '室外排水', '雨污水管', '排水管道', '下水道', '污水管', 'drains', 'drainage', 'sewer'] },
	{ value: 'other', zh: '其他共用设施', en: 'Other shared facility', unitZh: '项', unitEn: 'items', elevator: false, aliases: ['其他', '其它', '其他设施', 'other'] }
];

const ASSESSMENT_RESULT_VALUES: readonly EnumValue[] = [
	{ value: 'fit', zh: '合格，可继续使用', en: 'Fit for use', aliases: ['合格', '可继续使用', '继续使用', '安全', '通过', '良好', '正常', '完好', '正常使用', '基本完好', '运行正常', '检验合格', '整改后合格', '复检合格', '复验合格', '符合要求', 'pass', 'passed', 'fit', 'ok'] },
	{ value: 'repair', zh: '整改或大修后使用', en: 'Use after repair', aliases: ['整改', '限期整改', '大修', '维修后使用', '改造', '整改后使用', '需整改', '需维修', '需要维修', '需大修', '维修', 'repair', 'overhaul'] },
	{ value: 'replace', zh: '建议更新', en: 'Replace', aliases: ['建议更新', '更新', '报废', '建议报废', '更换', '不合格', '需更换', '需要更换', '需更新', '建议更换', '应更新', '应报废', 'replace', 'scrap', 'fail'] }
];

/** Canonical timestamp text (as in datasets/columns.ts; repeated here to keep this module free of value imports). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const id = z.string().trim().min(1);
const year = z.number().int().min(1900).max(2100);

/** One shared facility (or a group of identical ones installed the same year) of an estate. */
export const facilityRowSchema = z
	.object({
		estate_id: id,
		facility: z.enum(FACILITY_KINDS),
		quantity: z.number().positive(),
		installed_year: year,
		life_years: z.number().int().min(1).max(100).nullable(),
		unit_replacement_cost_yuan: z.number().min(0).nullable(),
		last_assessed_at: z.string().regex(TIMESTAMP, 'expected YYYY-MM-DD HH:MM:SS').nullable(),
		last_assessment_result: z.enum(ASSESSMENT_RESULTS).nullable()
	})
	.refine((f) => f.last_assessment_result === null || f.last_assessed_at !== null, {
		message: 'an assessment result needs its date (last_assessed_at)',
		path: ['last_assessed_at']
	});

/** The maintenance fund's balance of an estate at the end of a year, and what flows in each year. */
export const fundBalanceRowSchema = z.object({
	estate_id: id,
	year,
	balance_yuan: z.number(),
	annual_contribution_yuan: z.number().min(0).nullable()
});

export type FacilityRow = z.infer<typeof facilityRowSchema>;
export type FundBalanceRow = z.infer<typeof fundBalanceRowSchema>;

type Col<Row> = ColumnMeta<Extract<keyof Row, string>>;

function estateId(): ColumnMeta<'estate_id'> {
	return {
		name: 'estate_id',
		type: 'VARCHAR',
		required: true,
		zh: '小区编号',
		en: 'Estate ID',
		descriptionZh: '小区的唯一编号，与「小区」表的 estate_id 对应',
		descriptionEn: 'Unique estate identifier; matches estate_id in the estates table',
		aliases: ['estate_id', '小区编号', '小区代码', '小区ID', '小区id', '编号', 'ID', 'Estate ID', 'estate code', 'estateid']
	};
}

/** Columns of `facilities` (order = CSV order = schema order = DDL order). */
export const facilityColumns: readonly Col<FacilityRow>[] = [
	estateId(),
	{
		name: 'facility',
		type: 'VARCHAR',
		required: true,
		values: FACILITY_KIND_VALUES,
		zh: '设施',
		en: 'Facility',
		descriptionZh: '共用设施设备的类别（电梯按类型区分）；“其他”须自填寿命和单价',
		descriptionEn: 'Kind of shared facility (lifts by kind); "other" needs its own life and unit cost',
		aliases: ['facility', '设施', '设施设备', '设备名称', '设施名称', '设施类别', '项目', '设施设备名称', '设备设施名称', '设施设备类别', '设备设施类别', '设施设备项目', '设备类别', '设备', '共用设施设备', 'Facility', 'equipment', 'asset']
	},
	{
		name: 'quantity',
		type: 'DOUBLE',
		required: true,
		min: 0,
		zh: '数量',
		en: 'Quantity',
		descriptionZh: '数量，按设施的计量单位：电梯“台”，系统和机组“套”，水箱“座”，屋面和外墙“㎡”，排水管网“m”',
		descriptionEn: 'How many, in the facility’s unit: lifts, systems or sets, tanks, m² of roof or wall, m of drain',
		aliases: ['quantity', '数量', '台数', '套数', '工程量', '面积或数量', '数量或面积', '规模', '台（套）数', '长度或面积', 'Quantity', 'qty', 'count']
	},
	{
		name: 'installed_year',
		type: 'INTEGER',
		unit: '年',
		required: true,
		min: 1900,
		max: 2100,
		zh: '安装年份',
		en: 'Installed',
		descriptionZh: '安装（或上次整体更新）的年份',
		descriptionEn: 'Year installed, or last renewed as a whole',
		aliases: ['installed_year', '安装年份', '投用年份', '启用年份', '投入使用年份', '更新年份', '安装年度', '安装时间', '安装日期', '投入使用时间', '投入使用日期', '投用时间', '投用日期', '启用时间', '启用日期', 'Installed', 'year installed', 'install year']
	},
	{
		name: 'life_years',
		type: 'INTEGER',
		unit: '年',
		required: false,
		min: 1,
		max: 100,
		zh: '使用年限',
		en: 'Life',
		descriptionZh: '设计使用年限或更新周期（年）；空则用默认值（方法说明 §11）',
		descriptionEn: 'Design life or renewal cycle, years; empty uses the default (method notes §11)',
		aliases: ['life_years', '使用年限', '设计使用年限', '更新周期', '寿命', '使用寿命', 'Life', 'life', 'design life', 'service life']
	},
	{
		name: 'unit_replacement_cost_yuan',
		type: 'DOUBLE',
		unit: '元',
		required: false,
		min: 0,
		zh: '更新单价',
		en: 'Unit replacement cost',
		descriptionZh: '每计量单位的更新费用（元/台、元/套、元/㎡……）；空则用默认值（方法说明 §11）',
		descriptionEn: 'Cost to renew one unit (yuan per lift, set, m², ...); empty uses the default (method notes §11)',
		aliases: ['unit_replacement_cost_yuan', '更新单价', '更新费用单价', '更换单价', '单价', '造价单价', 'Unit replacement cost', 'unit cost', 'replacement cost']
	},
	{
		name: 'last_assessed_at',
		type: 'TIMESTAMP',
		required: false,
		zh: '最近评估日期',
		en: 'Last assessed',
		descriptionZh: "最近一次安全评估（检验）日期，'YYYY-MM-DD'；空表示未评估",
		descriptionEn: "Date of the last safety assessment, 'YYYY-MM-DD'; empty if none",
		aliases: ['last_assessed_at', '最近评估日期', '评估日期', '安全评估日期', '最近评估时间', '检验日期', '评估时间', '最近检验日期', '检测日期', '鉴定日期', '最近鉴定日期', '鉴定时间', '最近检测日期', '检测时间', '检验时间', 'Last assessed', 'assessment date', 'assessed at']
	},
	{
		name: 'last_assessment_result',
		type: 'VARCHAR',
		required: false,
		values: ASSESSMENT_RESULT_VALUES,
		zh: '评估结论',
		en: 'Assessment result',
		descriptionZh: '最近一次评估的结论：合格、整改后使用或建议更新',
		descriptionEn: 'Result of the last assessment: fit, use after repair, or replace',
		aliases: ['last_assessment_result', '评估结论', '评估结果', '安全评估结论', '检验结论', '检验结果', '鉴定结论', '鉴定结果', '检测结论', '检测结果', '安全鉴定结论', 'Assessment result', 'assessment', 'result']
	}
];

/** Columns of `fund_balances`. */
export const fundBalanceColumns: readonly Col<FundBalanceRow>[] = [
	estateId(),
	{
		name: 'year',
		type: 'INTEGER',
		unit: '年',
		required: true,
		min: 1900,
		max: 2100,
		zh: '年度',
		en: 'Year',
		descriptionZh: '年度（余额为该年末数）',
		descriptionEn: 'Calendar year (the balance is at its end)',
		aliases: ['year', '年份', '年度', '年', 'Year', 'fiscal year']
	},
	{
		name: 'balance_yuan',
		type: 'DOUBLE',
		unit: '元',
		required: true,
		zh: '资金余额',
		en: 'Balance',
		descriptionZh: '专项维修资金年末余额（元，含利息）',
		descriptionEn: 'Maintenance fund balance at year end, yuan (interest included)',
		aliases: ['balance_yuan', '资金余额', '维修资金余额', '余额', '账面余额', '年末余额', '期末余额', '账户余额', '结余', '资金结余', '维修资金结余', '专项维修资金余额', '本息余额', '本息合计', '期末本息余额', 'Balance', 'fund balance'],
		// A statement's closing balance however worded (本年末本息余额, 账户结存), never its opening one (期初余额).
		headerPattern: /^(?!.*(期初|年初|上年|上期|初始|首期))(.*)(余额|结余|结存)(元|万元)?$/
	},
	{
		name: 'annual_contribution_yuan',
		type: 'DOUBLE',
		unit: '元/年',
		required: false,
		min: 0,
		zh: '年度续筹',
		en: 'Annual contribution',
		descriptionZh: '每年计入资金的数额（续筹、共用部位经营收益等，不含利息）；空表示没有',
		descriptionEn: 'What flows into the fund each year (refills, income from shared parts; interest excluded); empty if none',
		aliases: ['annual_contribution_yuan', '年度续筹', '年度缴存', '年度归集', '年度收入', '年续筹额', '年缴存额', '年度缴存额', '年缴存', '年续筹', '年度续筹额', '年归集额', '本年缴存', '本年归集', '本年续筹', '续筹金额', '缴存金额', '本年增加', '本年交存', '年度交存', '交存金额', '续交金额', '本年续交', 'Annual contribution', 'contribution', 'annual inflow'],
		// 交存 is the national rule's word (令第165号); 续交 / 续缴 / 续筹 a refill; 本期 and 当年 as statements write them.
		headerPattern: /^(本年|本期|当年|当期|年度|年)?(新增)?(交存|缴存|续交|续缴|续筹|归集|补交|补缴)(金额|额|资金)?(元|万元)?$/
	}
];
