/**
 * The band test of "price matches quality" (质价相符): fee in 元/㎡·月, the quality-price ratio
 * QPR = guide price of the achieved grade ÷ fee charged, and its band.
 */
import { formatFigure } from './format';
import type { Bilingual, Lang, Provenance } from './provenance';
import type { FeeUnit } from './vocabulary';

/** A fee in 元/㎡·月 and how it was obtained. */
export interface FeePerM2 {
	/** 元/㎡·月; null when it cannot be derived (no usable area for a per-household fee, bad fee). */
	value: number | null;
	/** True when a per-household fee was divided by the mean unit area. */
	converted: boolean;
	explanation: Bilingual;
}

/**
 * A fee in 元/㎡·月. A per-household fee (元/户·月, e.g. Shanghai's sold public housing) is divided by the
 * mean unit area: 24 元/户·月 ÷ 60 ㎡ = 0.40 元/㎡·月.
 */
export function feePerM2Month(fee: number, unit: FeeUnit, meanUnitAreaM2?: number | null): FeePerM2 {
	if (!Number.isFinite(fee) || fee < 0) {
		return {
			value: null,
			converted: false,
			explanation: { zh: `物业费 ${fee} 不是有效金额。`, en: `Fee ${fee} is not a valid amount.` }
		};
	}
	if (unit === 'per_m2_month') {
		return {
			value: fee,
			converted: false,
			explanation: { zh: `按面积计费：${formatFigure(fee)} 元/㎡·月。`, en: `Charged by area: ${formatFigure(fee)} yuan/m²/month.` }
		};
	}
	if (typeof meanUnitAreaM2 !== 'number' || !Number.isFinite(meanUnitAreaM2) || meanUnitAreaM2 <= 0) {
		return {
			value: null,
			converted: false,
			explanation: {
				zh: `按户计费（${formatFigure(fee)} 元/户·月），但缺少有效的户均面积，无法换算为元/㎡·月。`,
				en: `Charged per household (${formatFigure(fee)} yuan/household/month) with no usable mean unit area, so it cannot be converted to yuan/m²/month.`
			}
		};
	}
	const value = fee / meanUnitAreaM2;
	return {
		value,
		converted: true,
		explanation: {
			zh: `按户计费换算：${formatFigure(fee)} 元/户·月 ÷ 户均 ${formatFigure(meanUnitAreaM2)} ㎡ = ${formatFigure(value)} 元/㎡·月。`,
			en: `Converted from a per-household fee: ${formatFigure(fee)} yuan/household/month ÷ mean unit area ${formatFigure(meanUnitAreaM2)} m² = ${formatFigure(value)} yuan/m²/month.`
		}
	};
}

/**
 * Quality-price ratio: guide price of the achieved grade ÷ fee charged (both 元/㎡·月). Above 1 the
 * quality would justify more than is charged. Null when undefined: a fee ≤ 0 or a non-finite input.
 */
export function qpr(guidePrice: number, feeCharged: number): number | null {
	if (!Number.isFinite(guidePrice) || !Number.isFinite(feeCharged) || guidePrice < 0 || feeCharged <= 0) return null;
	return guidePrice / feeCharged;
}

/** Where a QPR falls. */
export type BandClass = 'matched' | 'price_above_quality' | 'quality_above_price';

/** Bounds of the 相符 band on QPR. */
export interface Bands {
	low: number;
	high: number;
}

/** Default band 0.9-1.1 [E]. */
export const DEFAULT_BANDS: Bands = { low: 0.9, high: 1.1 };

/** Where the default band comes from. */
export const DEFAULT_BANDS_PROVENANCE: Provenance = {
	tag: 'E',
	source: 'Method notes §6: QPR 0.9-1.1 price matches quality; below 0.9 price above quality; above 1.1 quality above price',
	source_zh: '《质价方法与来源说明》§6：质价比 QPR = 所达等级的指导价 ÷ 实收费，0.9-1.1 为相符；低于 0.9 为价高于质，高于 1.1 为质高于价（本应用的设计建议）'
};

/**
 * Tolerance at the band edges. Both edges are inclusive, and a QPR computed as 0.99 / 1.1 is
 * 0.8999999999999999 in floating point: without a tolerance a fee exactly on the edge would flip class.
 */
export const BAND_EPSILON = 1e-9;

/** Display names of the band classes. */
export const BAND_LABELS: Readonly<Record<BandClass, Bilingual>> = {
	matched: { zh: '质价相符', en: 'Price matches quality' },
	price_above_quality: { zh: '价高于质', en: 'Price above quality' },
	quality_above_price: { zh: '质高于价', en: 'Quality above price' }
};

/**
 * Band of a QPR, edges inclusive: low ≤ qpr ≤ high is 'matched' (0.9 and 1.1 both match);
 * qpr < low is 'price_above_quality'; qpr > high is 'quality_above_price' (supports a rise).
 * @throws RangeError if qpr is not finite or the bands are not 0 < low ≤ high.
 */
export function bandClass(qprValue: number, bands: Bands = DEFAULT_BANDS): BandClass {
	if (!Number.isFinite(qprValue)) throw new RangeError(`QPR must be finite, got ${qprValue}`);
	if (!(bands.low > 0) || !(bands.high >= bands.low) || !Number.isFinite(bands.high)) {
		throw new RangeError(`bands must satisfy 0 < low ≤ high, got ${bands.low}-${bands.high}`);
	}
	if (qprValue < bands.low - BAND_EPSILON) return 'price_above_quality';
	if (qprValue > bands.high + BAND_EPSILON) return 'quality_above_price';
	return 'matched';
}

/** Display name of a band class in one language. */
export function bandLabel(cls: BandClass, lang: Lang): string {
	return BAND_LABELS[cls][lang];
}

/** The band test for one estate. */
export interface PriceQualityJudgement {
	qpr: number | null;
	band: BandClass | null;
	explanation: Bilingual;
}

/** QPR and its band in one step; band null when the QPR is undefined. */
export function judgePriceQuality(guidePrice: number, feeCharged: number, bands: Bands = DEFAULT_BANDS): PriceQualityJudgement {
	const r = qpr(guidePrice, feeCharged);
	if (r === null) {
		return {
			qpr: null,
			band: null,
			explanation: { zh: '指导价或物业费无效，无法计算质价比。', en: 'Guide price or fee not usable, so no QPR.' }
		};
	}
	const band = bandClass(r, bands);
	const head = `${formatFigure(guidePrice)} ÷ ${formatFigure(feeCharged)} = ${formatFigure(r, 3)}`;
	const range = `${formatFigure(bands.low)}-${formatFigure(bands.high)}`;
	return {
		qpr: r,
		band,
		explanation: {
			zh: `质价比 = 指导价 ÷ 实收物业费 = ${head}；相符区间 ${range}：${BAND_LABELS[band].zh}。`,
			en: `QPR = guide price ÷ fee charged = ${head}; matched band ${range}: ${BAND_LABELS[band].en}.`
		}
	};
}
