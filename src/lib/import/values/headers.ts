import type { FeeUnit } from '../../data/datasets';
import { fold } from './core';
import { feeUnitAndPeriod, type FeeUnitAndPeriod } from './fees';

// ---------------------------------------------------------------------------------------------------
// What a header says about its values
// ---------------------------------------------------------------------------------------------------

/** Units and scales written in a header: "金额（万元）", "收缴率(%)", "保洁（15分）", "物业费(元/户·月)". */
export interface HeaderHints {
	/** Factor for every value (万元 → 10000). */
	readonly scale?: number;
	/** The unit text that set the scale. */
	readonly scaleUnit?: string;
	/** The header says the values are percentages. */
	readonly percent?: boolean;
	/** The column's full marks when not 100 ("15分"). */
	readonly points?: number;
	/** A fee unit named in the header. */
	readonly feeUnit?: FeeUnit;
	/** A fee unit with its period, when the header names a yearly or daily fee (元/㎡·年). */
	readonly feePeriod?: FeeUnitAndPeriod;
}

/** Reads units and full marks from a header's trailing brackets or % sign. */
export function headerHints(header: string): HeaderHints {
	const h = fold(header);
	const m = /[([【]([^)\]】]*)[)\]】]\s*$/.exec(h);
	const unit = m ? m[1].replace(/\s+/g, '') : '';
	const hints: { -readonly [K in keyof HeaderHints]: HeaderHints[K] } = {};
	if (/%$/.test(h) || unit === '%' || unit.includes('百分比')) hints.percent = true;
	const pts = /^(?:满分)?(\d+(?:\.\d+)?)分$/.exec(unit);
	if (pts && Number(pts[1]) > 0 && Number(pts[1]) !== 100) hints.points = Number(pts[1]);
	if (/^万(元|m2|平方米|平米)/.test(unit)) {
		hints.scale = 1e4;
		hints.scaleUnit = m![1];
	}
	if (unit) {
		const fu = feeUnitAndPeriod(unit);
		if (fu?.unit) hints.feeUnit = fu.unit;
		if (fu && fu.period !== 'month') hints.feePeriod = fu;
	}
	return hints;
}

