/**
 * Terms of art the app uses, each with a short plain-words definition and the section of the methods
 * document (docs/sources.md, shown on the Methods page) that explains it. The Term component shows the
 * definition on hover and on keyboard focus, with a link to the section.
 */
import type { Bilingual } from '$lib/domain';

export interface TermDef {
	label: Bilingual;
	def: Bilingual;
	/** Anchor of the section on the Methods page: 's6' for §6, 's6-1' for §6.1. */
	section: string;
}

export const TERMS = {
	qpr: {
		label: { zh: '质价比 QPR', en: 'QPR' },
		def: {
			zh: '质价比 = 所达等级的指导价 ÷ 实收费。0.9–1.1 为相符；低于 0.9 说明收费高于服务所值（价高于质）；高于 1.1 说明服务好于所付（质高于价）。',
			en: 'Quality-price ratio = guide price of the grade achieved ÷ fee charged. 0.9–1.1 is a match; below 0.9 the fee is above what the service is worth; above 1.1 the service is worth more than is paid.'
		},
		section: 's6'
	},
	residual: {
		label: { zh: '偏差', en: 'Residual' },
		def: {
			zh: '实收费减去同类小区在同样质量下的预期收费（元/㎡·月）。正数表示比同类小区按质量应收的更贵。',
			en: 'Fee charged minus the fee peers charge at the same quality (yuan/m²/month). Positive means dearer than peers of the same quality.'
		},
		section: 's6'
	},
	percentile: {
		label: { zh: '百分位', en: 'Percentile' },
		def: {
			zh: '按质量扣除后，收费高于多少比例的同类小区。例如“收费高于 98% 的同类小区”：同样质量下，几乎所有同类小区都收得比它少。',
			en: 'After allowing for quality, the share of peer estates this estate charges more than. "More than 98% of peers": at the same quality almost every peer charges less.'
		},
		section: 's6'
	},
	regression: {
		label: { zh: '回归线', en: 'Regression line' },
		def: {
			zh: '同楼型小区的收费与质量分 Q（及房龄）之间的最佳拟合直线，如“收费 = −1.40 + 0.033 × Q”：Q 每高 1 分，同类小区平均多收约 0.033 元/㎡·月。',
			en: 'The best straight-line fit of fee on quality Q (and age) among estates of the same building type, e.g. "fee = −1.40 + 0.033 × Q": each extra point of Q goes with about 0.033 yuan/m²/month more among peers.'
		},
		section: 's6'
	},
	lump_sum: {
		label: { zh: '包干制', en: 'Lump sum' },
		def: {
			zh: '物业费 = 服务成本 + 法定税费 + 利润；结余归物业公司，亏损也由它承担。',
			en: 'Fee = service cost + statutory taxes + profit; the firm keeps any surplus and bears any loss.'
		},
		section: 's3'
	},
	commission: {
		label: { zh: '酬金制', en: 'Commission' },
		def: {
			zh: '预收的物业服务资金 = 服务支出 + 酬金（比例或固定额）；结余或不足归业主，至少每 6 个月公布收支。',
			en: 'Prepaid fund = service expenditure + commission (a share or a fixed sum); surplus or deficit belongs to the owners, accounts published at least every 6 months.'
		},
		section: 's3'
	},
	break_even: {
		label: { zh: '保本收费', en: 'Break-even fee' },
		def: {
			zh: '物业公司按实际收缴率收上来后刚好够覆盖成本、利润和税的收费，也就是成本底线。缺成本数据时不给出。',
			en: 'The fee at which, after the actual collection rate, the firm just covers cost, profit and tax: the cost floor. Not given while cost data is missing.'
		},
		section: 's3'
	},
	ceiling: {
		label: { zh: '质价上限', en: 'Quality ceiling' },
		def: {
			zh: '按所达等级仍算相符的最高收费：指导价 ÷ 0.9。业主只为更好的等级多付。',
			en: 'The highest fee still a match at the grade achieved: guide price ÷ 0.9. Owners pay more only for a better grade.'
		},
		section: 's6'
	},
	fair_range: {
		label: { zh: '相符收费区间', en: 'Fair range' },
		def: {
			zh: '与现有服务质量相符的收费：指导价 ÷ 1.1 到指导价 ÷ 0.9（元/㎡·月），即质价比落在 0.9–1.1 之间的收费。',
			en: 'Fees that match the present quality: guide price ÷ 1.1 to guide price ÷ 0.9 (yuan/m²/month), i.e. a QPR between 0.9 and 1.1.'
		},
		section: 's6-1'
	},
	q: {
		label: { zh: '综合质量分 Q', en: 'Quality score Q' },
		def: {
			zh: 'Q = 0.6 × 检查评分 + 0.4 × 业主满意度（均为 0–100）；≥ 90 一级，80–89 二级，70–79 三级，60–69 四级。',
			en: 'Q = 0.6 × inspection score + 0.4 × owner satisfaction (both 0–100); ≥ 90 grade 1, 80–89 grade 2, 70–79 grade 3, 60–69 grade 4.'
		},
		section: 's5'
	},
	guide: {
		label: { zh: '指导价', en: 'Guide price' },
		def: {
			zh: '按服务等级公布（或由用户填写）的参考收费，元/㎡·月；所用目录可在「方法与来源」页选择。',
			en: 'Reference fee per service grade, published or entered by the user, in yuan/m²/month; choose the catalogue on the Methods page.'
		},
		section: 's4'
	}
} as const satisfies Record<string, TermDef>;

export type TermKey = keyof typeof TERMS;
