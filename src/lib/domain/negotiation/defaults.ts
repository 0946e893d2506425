/**
 * Default figures of the negotiation workspace, each with its source as data (domain primer §3), so the
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

/** A low-high range of a rate. */
export interface RateRange {
	low: number;
	high: number;
}

const CHECK_OFFICIAL = 'Seen in a secondary copy: check the official text before a legal use.';

/**
 * Profit rate on cost for a lump-sum (包干制) fee: 8% [V]. The primer gives 6-12% on cost as the usual
 * range and uses 8% in its worked example; 8% sits low in that range, which suits a floor.
 */
export const DEFAULT_PROFIT_RATE: SourcedFigure = {
	value: 0.08,
	label: { zh: '利润率（占成本）', en: 'Profit rate (on cost)' },
	provenance: {
		tag: 'V',
		source: 'Domain primer §3: profit 6-12% on cost [V]; the worked example 1.14 × 1.08 × 1.06 uses 8%',
		note: CHECK_OFFICIAL
	}
};

/** The usual range of profit on cost, 6-12% [V]; Guangdong caps 优质优价 fees at a 10% margin [V]. */
export const PROFIT_RATE_RANGE: SourcedFigure<RateRange> = {
	value: { low: 0.06, high: 0.12 },
	label: { zh: '常见利润率区间', en: 'Usual profit-rate range' },
	provenance: {
		tag: 'V',
		source: 'Domain primer §3: profit 6-12% on cost; Guangdong approves 优质优价 fees at cost-profit margin ≤ 10%',
		note: CHECK_OFFICIAL
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
		provenance: { tag: 'V', source: 'Domain primer §3: VAT on property services since 2016, 6% general taxpayer', note: CHECK_OFFICIAL }
	},
	small_scale: {
		value: 0.03,
		label: { zh: '增值税征收率（小规模纳税人）', en: 'VAT rate (small-scale taxpayer)' },
		provenance: { tag: 'V', source: 'Domain primer §3: 3% small-scale taxpayer', note: CHECK_OFFICIAL }
	},
	small_scale_reduced: {
		value: 0.01,
		label: { zh: '增值税征收率（小规模纳税人阶段性减按）', en: 'VAT rate (small-scale, temporary relief)' },
		provenance: {
			tag: 'M',
			source: 'Domain primer §3: small-scale taxpayers temporarily 1%',
			note: 'A temporary relief set by yearly notices: check that it applies to the year in question.'
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
		source: 'Domain primer §3: a 76% collection rate is a typical residential figure; §7: 2010 averages 75-76% (reform/affordable) and 79.5% (commercial)',
		note: 'Replace with the estate’s own collection record.'
	}
};

/**
 * Default share of chargeable area vacant more than 6 months: 0 [E]. There is no general figure to
 * default to, and assuming none keeps the fee at its plainest until the user enters the estate's own.
 */
export const DEFAULT_VACANT_SHARE: SourcedFigure = {
	value: 0,
	label: { zh: '空置超过 6 个月的面积占比', en: 'Share of area vacant over 6 months' },
	provenance: { tag: 'E', source: 'This app: no general figure exists, so none is assumed; enter the estate’s own' }
};

/** What share of the fee homes vacant over 6 months pay in city rules seen: 40-70% [V]. */
export const VACANT_PAID_SHARE_RANGE: SourcedFigure<RateRange> = {
	value: { low: 0.4, high: 0.7 },
	label: { zh: '空置房缴费比例区间', en: 'Range of the share vacant homes pay' },
	provenance: {
		tag: 'V',
		source: 'Domain primer §3: vacant homes often pay 40-70% after 6 months empty (city rules vary)',
		note: 'City rules vary: use the local rule.'
	}
};

/** Default share of the fee a long-vacant home pays: 50% [E], a round figure inside the 40-70% range [V]. */
export const DEFAULT_VACANT_PAID_SHARE: SourcedFigure = {
	value: 0.5,
	label: { zh: '空置房缴费比例', en: 'Share of the fee vacant homes pay' },
	provenance: {
		tag: 'E',
		source: 'This app: 50%, a round figure inside the 40-70% seen in city rules [V] (domain primer §3)',
		note: 'City rules vary: use the local rule.'
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
			'This app: employer shares in large cities ≈ pension 16% + medical/maternity ~9-10% + unemployment 0.5% + work injury ~0.2-1% + housing fund 5-12% (often 7%) ≈ 30-40%; 33% taken',
		note: 'Contributions on the local minimum base make the effective share of wages lower: enter the firm’s own rate.'
	}
};

/** Default step of the sensitivity (tornado) analysis: ±10% [E], the usual step of such a chart. */
export const DEFAULT_SENSITIVITY_STEP: SourcedFigure = {
	value: 0.1,
	label: { zh: '敏感性分析变动幅度', en: 'Sensitivity step' },
	provenance: { tag: 'E', source: 'This app: ±10% of each input, the customary step of a tornado chart' }
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
		source: 'This app: no source for typical commission rates was found; the default profit rate (8%, domain primer §3) stands in',
		note: 'Use the rate or fixed sum in the contract.'
	}
};
