/**
 * The code lists of the data model, defined once: each code with its Chinese and English names and the words
 * accepted for it on import. The data layer (src/lib/data/datasets), the import, SQL lists, i18n and components
 * read them from here. Broader import words (gathered from public documents) are in ./words.ts,
 * docs/sources.md §18.
 */

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
export type ScoreSource = (typeof SCORE_SOURCES)[number];
export type FeeUnit = (typeof FEE_UNITS)[number];
export type CostItemCode = (typeof COST_ITEM_CODES)[number];
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];
export type MotionKind = (typeof MOTION_KINDS)[number];

export const ESTATE_TYPE_VALUES: readonly EnumValue[] = [
	{ value: 'commercial', zh: '商品房', en: 'Commercial housing', aliases: ['商品房', '商品住宅', '商品房小区', '商品住房', '商品楼', '商住', '商住楼', '普通商品房', '商品房住宅', 'commodity housing', 'commercial housing'] },
	{ value: 'relocation', zh: '动迁房', en: 'Relocation housing', aliases: ['动迁房', '动迁安置房', '安置房', '拆迁安置房', '回迁房', '还迁房', '还建房', '还建安置房', '征收安置房', '动迁配套商品房', '配套商品房', '农民安置房', '保障房', 'resettlement', 'relocation housing'] },
	{ value: 'public_sold', zh: '售后公房', en: 'Sold public housing', aliases: ['售后公房', '公房', '房改房', '老公房', '已购公房', '已购公有住房', '公有住房出售', 'sold public housing'] },
	{ value: 'mixed', zh: '混合', en: 'Mixed', aliases: ['混合', '混合型', '混合小区', '混合产权', '商品房和售后公房', '商品房+售后公房', '混合住宅'] }
];
export const BUILDING_TYPE_VALUES: readonly EnumValue[] = [
	{ value: 'multi', zh: '多层', en: 'Multi-storey', aliases: ['多层', '低层', '多层住宅', '低层住宅', '步梯', '步梯房', '无电梯', '洋房', '花园洋房', '别墅', '联排', '联排别墅', '叠拼', '独栋', 'multi-storey', 'multistorey', 'low-rise'] },
	{ value: 'high', zh: '高层', en: 'High-rise', aliases: ['高层', '小高层', '中高层', '超高层', '高层住宅', '小高层住宅', '中高层住宅', '塔楼', '塔式', '塔板结合', '板塔结合', '电梯房', '电梯楼', '电梯住宅', 'high-rise', 'highrise', 'mid-rise'] }
];
export const PRICING_REGIME_VALUES: readonly EnumValue[] = [
	{ value: 'guide', zh: '政府指导价', en: 'Government guide price', aliases: ['指导价', '政府指导价', '政府指导', '政府指导价格', '指导价格', 'guide price'] },
	{ value: 'market', zh: '市场调节价', en: 'Market price', aliases: ['市场调节价', '市场调节', '市场调节价格', '市场价', '市场定价', '市场化定价', '协商定价', '协商价', '协商收费', '双方协商', '协议价', '协议定价', '协议收费', '自主定价', 'market price'] }
];
export const SCORE_SOURCE_VALUES: readonly EnumValue[] = [
	{ value: 'inspection', zh: '检查考评', en: 'Inspection', aliases: ['检查', '考评', '现场检查', '检查考评', '日常考核', '日常检查', '季度考评', '季度检查', '月度考核', '考核', '专项检查', '街道考评', '房管办考评', '督查', '巡查', '行业检查', '主管部门检查'] },
	{ value: 'satisfaction', zh: '满意度调查', en: 'Satisfaction survey', aliases: ['满意度', '满意度调查', '业主满意度', '满意度测评', '问卷', '问卷调查', '业主测评', '居民测评', '群众测评', '网上测评', '业主评议', 'survey', 'questionnaire'] },
	{ value: 'third_party', zh: '第三方评估', en: 'Third-party appraisal', aliases: ['第三方', '第三方评估', '第三方测评', '第三方检查', '评估机构', '委托评估', '社会评估机构', 'third party', 'third-party'] }
];
export const FEE_UNIT_VALUES: readonly EnumValue[] = [
	{ value: 'per_m2_month', zh: '元/㎡·月', en: 'yuan per m² per month', aliases: ['元/㎡·月', '元/平方米·月', '元/平方米/月', '元/平米/月', '元/平米·月', '元/m2/月', '元/m2·月', '元/㎡/月', '元/月/㎡', '元/月·㎡', '元/月/平方米', '元/建筑平方米·月', '元/建筑面积平方米·月', '元每平方米每月', '按面积', '按建筑面积', '按平方米', 'yuan/m2/month'] },
	{ value: 'per_household_month', zh: '元/户·月', en: 'yuan per household per month', aliases: ['元/户·月', '元/户/月', '元/月/户', '元/户月', '元每户每月', '按户', '按户计', 'yuan/household/month'] }
];

/** The ten cost items with their official Chinese names (docs/sources.md §3, [V]). */
export const COST_ITEMS: readonly EnumValue[] = [
	{ value: 'staff', zh: '人员费用', en: 'Staff', aliases: ['人员费用', '人工费', '人员工资', '人工成本', '工资福利', '员工工资', '人员薪酬', '管理服务人员的工资、社会保险和按规定提取的福利费等', '管理服务人员的工资、社会保险和按规定提取的福利费', '管理服务人员工资、社会保险和按规定提取的福利费', '人员工资及福利', '人员工资福利', 'staff cost', 'labour'] },
	{ value: 'facilities', zh: '共用部位共用设施设备日常运行和维护费', en: 'Common facilities operation and maintenance', aliases: ['共用部位共用设施设备日常运行和维护费', '设施设备运行维护费', '设施设备维护费', '共用设施设备维护费', '设施设备', '物业共用部位、共用设施设备的日常运行、维护费用', '物业共用部位共用设施设备的日常运行维护费用', '共用部位、共用设施设备日常运行和维护费', '共用设施设备日常运行和维护费', '公共设施设备日常运行、维修及保养费', '公共设施设备日常运行维修及保养费', '公共设施设备运行维护费', '设施设备日常运行维护费', '设施设备运行维护'] },
	{ value: 'greening', zh: '绿化养护费', en: 'Greening', aliases: ['绿化养护费', '绿化费', '绿化', '物业管理区域绿化养护费用', '绿化养护费用', '绿化养护'] },
	{ value: 'cleaning', zh: '清洁卫生费', en: 'Cleaning', aliases: ['清洁卫生费', '保洁费', '清洁费', '保洁', '物业管理区域清洁卫生费用', '清洁卫生费用', '清洁卫生'] },
	{ value: 'order', zh: '秩序维护费', en: 'Order and security', aliases: ['秩序维护费', '安保费', '保安费', '秩序维护', '物业管理区域秩序维护费用', '秩序维护费用', 'security'] },
	{ value: 'insurance', zh: '共用部位共用设施设备及公众责任保险费', en: 'Insurance', aliases: ['共用部位共用设施设备及公众责任保险费', '保险费', '公众责任保险费', '物业共用部位、共用设施设备及公众责任保险费用', '物业共用部位共用设施设备及公众责任保险费用', '共用部位共用设施设备及公众责任保险费用', '公众责任险', '保险费用'] },
	{ value: 'office', zh: '办公费', en: 'Office', aliases: ['办公费', '办公费用'] },
	{ value: 'management', zh: '管理费分摊', en: 'Head-office cost allocated', aliases: ['管理费分摊', '管理费', '企业管理费分摊'] },
	{ value: 'depreciation', zh: '固定资产折旧', en: 'Depreciation', aliases: ['固定资产折旧', '折旧', '折旧费', '物业管理企业固定资产折旧', '物业服务企业固定资产折旧'] },
	{ value: 'other', zh: '经业主同意的其它费用', en: 'Other (owner-approved)', aliases: ['经业主同意的其它费用', '其它费用', '其他费用', '其他', '其它'] }
];

export const TICKET_CATEGORY_VALUES: readonly EnumValue[] = [
	{ value: 'repair', zh: '房屋报修', en: 'Repair', aliases: ['报修', '维修', '房屋报修', '房屋维修', '漏水', '渗水', '渗漏', '管道堵塞', '下水道堵塞'] },
	{ value: 'cleaning', zh: '环境卫生', en: 'Cleaning', aliases: ['环境卫生', '保洁', '卫生', '垃圾', '垃圾分类', '垃圾清运', '环境脏乱', '楼道堆物', '乱堆乱放', '垃圾堆放', '卫生保洁'] },
	{ value: 'order', zh: '秩序治安', en: 'Order and security', aliases: ['秩序', '治安', '秩序治安', '停车', '乱停车', '停车管理', '秩序维护', '噪音', '噪声', '噪声扰民', '噪音扰民', '扰民', '占道经营', '违停'] },
	{ value: 'greening', zh: '绿化', en: 'Greening', aliases: ['绿化', '绿化养护', '毁绿', '绿化破坏'] },
	{ value: 'facilities', zh: '设施设备', en: 'Facilities', aliases: ['设施设备', '设施', '电梯', '电梯故障', '二次供水', '消防', '消防通道', '路灯', '门禁', '电梯困人', '停水', '停电', '供水', '监控'] },
	{ value: 'illegal_building', zh: '违法建筑', en: 'Illegal building', aliases: ['违法建筑', '违建', '违章搭建', '违法搭建', '违章建筑', '私搭乱建'] },
	{ value: 'group_renting', zh: '群租', en: 'Group renting', aliases: ['群租', '群租房'] },
	{ value: 'arrears', zh: '欠缴物业费', en: 'Fee arrears', aliases: ['欠费', '欠缴物业费', '拒缴物业费', '物业费欠缴', '物业费纠纷', '催缴'] },
	{ value: 'other', zh: '其他', en: 'Other', aliases: ['其他', '其它'] }
];
export const MOTION_KIND_VALUES: readonly EnumValue[] = [
	{ value: 'ordinary', zh: '一般事项（过半数）', en: 'Ordinary (simple majority)', aliases: ['一般事项', '普通事项', '一般', '过半数'] },
	{ value: 'major', zh: '重大事项（四分之三）', en: 'Major (three-quarters)', aliases: ['重大事项', '特别事项', '重大', '四分之三'] }
];

/** Cell texts accepted for BOOLEAN columns (after {@link normalizeLabel}). */
export const BOOLEAN_ALIASES = {
	true: ['true', '1', 'yes', 'y', 't', '是', '有', '√', '✓', '✔', '☑', '■', '配备', '已配备', '已安装', '安装', '有电梯', '对', '是的', '有的', '已有', '具备', '已具备', '设有', '装有'],
	false: ['false', '0', 'no', 'n', 'f', '否', '无', '×', '✗', '✘', '☒', '□', '☐', '未配备', '没有', '没', '无电梯', '未安装', '错', '不是', '非', '不', '未有', '不具备', '未设', '未装']
} as const;
