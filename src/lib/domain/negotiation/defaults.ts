/**
 * Default figures of the negotiation workspace, each with its source as data (method notes §3), so the
 * UI can show where a default comes from and the user can replace it. The plain numbers used as
 * function defaults are read from these records, never typed twice.
 */
import type { Bilingual, Provenance } from '../provenance';

/** A default figure with its label and source. */
export interface SourcedFigure<T = number> {
	value: T;
	label: Bilingual;
	provenance: Provenance;
}

const CHECK_OFFICIAL = 'Seen in a secondary copy: check the official text before a legal use.';
const CHECK_OFFICIAL_ZH = '见于转载（二手）来源：用于法律用途前请核对官方原文。';
const CITY_RULES_VARY = 'City rules vary: use the local rule.';
const CITY_RULES_VARY_ZH = '各地规定不同：请按当地规定。';

/**
 * Profit rate on cost for a lump-sum (包干制) fee: 8% [V]. docs/sources.md §3 gives 6-12% on cost as the usual
 * range and uses 8% in its worked example; 8% sits low in that range, which suits a floor.
 */
export const DEFAULT_PROFIT_RATE: SourcedFigure = {
	value: 0.08,
	label: { zh: '利润率（占成本）', en: 'Profit rate (on cost)' },
	provenance: {
		tag: 'V',
		source:
			'Method notes §3: lump-sum fee = service cost + statutory taxes + profit (Measures on Property-Service Fees, 2003); profit 6-12% on cost [V]; the worked example 1.14 × 1.08 × 1.06 uses 8%',
		source_zh:
			'《质价方法与来源说明》§3：包干制物业费 = 物业服务成本 + 法定税费 + 利润（《物业服务收费管理办法》，2003）；利润率常见为成本的 6%-12% [V]，算例 1.14 × 1.08 × 1.06 取 8%',
		note: CHECK_OFFICIAL,
		note_zh: CHECK_OFFICIAL_ZH
	}
};

/** VAT taxpayer kinds for property services since the 2016 营改增 reform. */
export type VatKind = 'general' | 'small_scale' | 'small_scale_reduced';

/**
 * VAT rates on property services [V/M]: 6% for a general taxpayer, 3% for a small-scale taxpayer,
 * temporarily 1% under the small-scale relief. The relief rate is [M]: its period is set by annual
 * notices, so check it for the year in question.
 */
export const VAT_RATES: Readonly<Record<VatKind, SourcedFigure>> = {
	general: {
		value: 0.06,
		label: { zh: '增值税率（一般纳税人）', en: 'VAT rate (general taxpayer)' },
		provenance: {
			tag: 'V',
			source: 'Method notes §3: VAT on property services since the 2016 reform (Caishui [2016] No. 36), 6% for a general taxpayer',
			source_zh: '《质价方法与来源说明》§3：2016 年营改增（财税〔2016〕36号）后物业服务缴纳增值税，一般纳税人税率 6%',
			note: CHECK_OFFICIAL,
			note_zh: CHECK_OFFICIAL_ZH
		}
	},
	small_scale: {
		value: 0.03,
		label: { zh: '增值税征收率（小规模纳税人）', en: 'VAT rate (small-scale taxpayer)' },
		provenance: {
			tag: 'V',
			source: 'Method notes §3: 3% levy rate for a small-scale taxpayer (Caishui [2016] No. 36)',
			source_zh: '《质价方法与来源说明》§3：小规模纳税人征收率 3%（财税〔2016〕36号）',
			note: CHECK_OFFICIAL,
			note_zh: CHECK_OFFICIAL_ZH
		}
	},
	small_scale_reduced: {
		value: 0.01,
		label: { zh: '增值税征收率（小规模纳税人阶段性减按）', en: 'VAT rate (small-scale, temporary relief)' },
		provenance: {
			tag: 'M',
			source: 'Method notes §3: small-scale taxpayers temporarily 1%',
			source_zh: '《质价方法与来源说明》§3：小规模纳税人阶段性减按 1% 征收',
			note: 'A temporary relief set by yearly notices: check that it applies to the year in question.',
			note_zh: '阶段性优惠，由各年度财政部、税务总局的公告规定：请核对所涉年度是否适用。'
		}
	}
};

/** Default VAT rate: the general taxpayer's 6% [V], the usual case for a firm running several estates. */
export const DEFAULT_VAT_RATE: SourcedFigure = VAT_RATES.general;

/** Default collection rate (收缴率) 76% [V], a typical residential figure (national 2010 averages 75-79.5%). */
export const DEFAULT_COLLECTION_RATE: SourcedFigure = {
	value: 0.76,
	label: { zh: '收缴率', en: 'Collection rate' },
	provenance: {
		tag: 'V',
		source:
			'Method notes §3: a 76% collection rate is a typical residential figure; §7: national 2010 averages about 75-76% (reform/affordable housing) and 79.5% (commercial housing)',
		source_zh:
			'《质价方法与来源说明》§3：住宅物业费收缴率 76% 为常见水平；§7：2010 年全国均值，房改房与保障性住房约 75%-76%，商品房 79.5%',
		note: 'Replace with the estate’s own collection record.',
		note_zh: '请替换为本小区自己的收缴记录。'
	}
};

/**
 * Default share of chargeable area vacant more than 6 months: 0 [E]. There is no general figure to
 * default to, and assuming none keeps the fee at its plainest until the user enters the estate's own.
 */
export const DEFAULT_VACANT_SHARE: SourcedFigure = {
	value: 0,
	label: { zh: '空置超过 6 个月的面积占比', en: 'Share of area vacant over 6 months' },
	provenance: {
		tag: 'E',
		source: 'This app (Method notes §3): no general figure exists, so none is assumed; enter the estate’s own',
		source_zh: '本应用设定（《质价方法与来源说明》§3）：没有通用数字，故默认不设空置；请填写本小区的实际情况'
	}
};

/** Default share of the fee a long-vacant home pays: 50% [E], a round figure inside the 40-70% range [V]. */
export const DEFAULT_VACANT_PAID_SHARE: SourcedFigure = {
	value: 0.5,
	label: { zh: '空置房缴费比例', en: 'Share of the fee vacant homes pay' },
	provenance: {
		tag: 'E',
		source: 'This app: 50%, a round figure inside the 40-70% seen in city rules [V] (Method notes §3)',
		source_zh: '本应用设定：50%，取各地规定所见 40%-70% [V] 之间的整数（《质价方法与来源说明》§3）',
		note: CITY_RULES_VARY,
		note_zh: CITY_RULES_VARY_ZH
	}
};

/**
 * Default employer social-insurance and housing-fund rate on wages: 33% [E]. Reasoning: employer shares
 * in large Chinese cities are about pension 16%, medical (with maternity) about 9-10%, unemployment
 * 0.5%, work injury about 0.2-1%, housing fund 5-12% (often 7%): about 30-40% of the contribution base,
 * 33% in the middle. Where contributions are paid on the local minimum base and wages are above it,
 * the effective share of wages is lower: enter the firm's own rate.
 */
export const DEFAULT_SOCIAL_INSURANCE_RATE: SourcedFigure = {
	value: 0.33,
	label: { zh: '单位社保与公积金缴费比例', en: 'Employer social insurance and housing fund rate' },
	provenance: {
		tag: 'E',
		source:
			'This app (Method notes §3): employer shares in large cities ≈ pension 16% + medical/maternity ~9-10% + unemployment 0.5% + work injury ~0.2-1% + housing fund 5-12% (often 7%) ≈ 30-40%; 33% taken',
		source_zh:
			'本应用估计（《质价方法与来源说明》§3）：大城市单位缴费约为养老 16% + 医疗（含生育）约 9%-10% + 失业 0.5% + 工伤约 0.2%-1% + 住房公积金 5%-12%（常见 7%），合计约 30%-40%，取 33%',
		note: 'Contributions on the local minimum base make the effective share of wages lower: enter the firm’s own rate.',
		note_zh: '按当地最低缴费基数缴纳而工资高于基数时，实际占工资的比例更低：请填写企业自己的比例。'
	}
};

/** Default step of the sensitivity (tornado) analysis: ±10% [E], the usual step of such a chart. */
export const DEFAULT_SENSITIVITY_STEP: SourcedFigure = {
	value: 0.1,
	label: { zh: '敏感性分析变动幅度', en: 'Sensitivity step' },
	provenance: {
		tag: 'E',
		source: 'This app: ±10% of each input, the customary step of a tornado chart',
		source_zh: '本应用设定：各项输入上下变动 10%，即龙卷风图（敏感性分析）的常用步长'
	}
};

/**
 * Default commission (酬金) of a 酬金制 contract: 8% of service expenditure [E]. No source for typical
 * commission rates was found, so the lump-sum profit rate's default stands in; replace it with the
 * contract's own rate or fixed sum.
 */
export const DEFAULT_COMMISSION_RATE: SourcedFigure = {
	value: 0.08,
	label: { zh: '酬金比例（占物业服务支出）', en: 'Commission rate (on service expenditure)' },
	provenance: {
		tag: 'E',
		source: 'This app: no source for typical commission rates was found; the default profit rate (8%, Method notes §3) stands in',
		source_zh: '本应用设定：未找到常见酬金比例的来源，暂以默认利润率（8%，《质价方法与来源说明》§3）代替',
		note: 'Use the rate or fixed sum in the contract.',
		note_zh: '请使用合同约定的酬金比例或固定金额。'
	}
};
