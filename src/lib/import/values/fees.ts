/** Rates (收缴率) and fees with their unit words. */
import { DATASETS, matchEnumValue, normalizeLabel, type ColumnMeta, type FeeUnit } from '../../data/datasets';
import type { Cell } from '../types';
import { excelError, fail, fold, isError, isMissing, ok, round, type Norm } from './core';
import { numberFromText, parseNumber, RANGE_SEPARATOR } from './numbers';

// ---------------------------------------------------------------------------------------------------
// Rates and fees
// ---------------------------------------------------------------------------------------------------

/**
 * A rate (0-1). Documented rule: "33%" is 0.33; a value ≤ 1 is a fraction; a value above 1 and at most 100
 * is read as a percentage (33 → 0.33) with a warning, unless the header says % (`percentHeader`), which
 * makes the reading certain; above 100 or negative is an error.
 */
export function parseRate(cell: Cell, percentHeader = false): Norm<number | null> {
	let explicitPercent = false;
	let c = cell;
	if (typeof c === 'string') {
		const t = fold(c).replace(/\s+/g, '');
		if (t.endsWith('%')) {
			explicitPercent = true;
			c = t.slice(0, -1);
		}
	}
	const r = parseNumber(c);
	if (isError(r) || r.value === null) return r;
	const v = r.value;
	if (explicitPercent) return v < 0 || v > 100 ? fail('rate_out_of_range') : ok(round(v / 100));
	if (v < 0 || v > 100) return fail('rate_out_of_range');
	if (v <= 1) return ok(v);
	const to = round(v / 100);
	return percentHeader ? ok(to) : ok(to, [{ code: 'rate_read_as_percent', params: { from: v, to } }]);
}

const FEE_UNIT_COLUMN: ColumnMeta = DATASETS.fees.columns.find((c) => c.name === 'fee_unit')!;

/**
 * The fee unit named by a text such as "元/平米/月", "元/㎡·月" or "元/户·月"; null for no unit or a bare
 * "元" / "元/月"; undefined for a unit that is not a monthly fee per m² or per household ("元/平米/年").
 * A fee per m² without a period ("元/㎡") is read as monthly, the convention for property fees.
 */
export function feeUnitFromText(unitText: string): FeeUnit | null | undefined {
	const u = normalizeLabel(unitText);
	if (u === '' || u === '元' || u === '元/月' || u === '元每月' || u === '每月') return null;
	const matched = matchEnumValue(FEE_UNIT_COLUMN, unitText) as FeeUnit | undefined;
	if (matched) return matched;
	if (/^元?(\/|每)?(m2|平方米|平米|平方|平)((\/|每)?月)?$/.test(u)) return 'per_m2_month';
	if (/^元?(\/|每)?(月(\/|每)?)?(m2|平方米|平米|平方|平)$/.test(u)) return 'per_m2_month';
	if (/^元?(\/|每)?户((\/|每)?月)?$/.test(u) || /^元?(\/|每)?月(\/|每)?户$/.test(u)) return 'per_household_month';
	return undefined;
}

/** A fee read from a cell: the value (midpoint for a range), the unit named in the text, and the range. */
export interface FeeValue {
	readonly fee: number;
	readonly unit: FeeUnit | null;
	readonly low?: number;
	readonly high?: number;
}

/**
 * A fee: a number, or text with a unit ("2.38元/平米/月", "24元/户·月") or a range
 * ("1.14至2.48元/平米/月", "1.2-1.8", "1.2~1.8"; midpoint used, both ends kept, warning).
 */
export function parseFee(cell: Cell): Norm<FeeValue | null> {
	if (typeof cell === 'number') return Number.isFinite(cell) ? ok({ fee: cell, unit: null }) : fail('not_a_number');
	if (typeof cell === 'boolean') return fail('not_a_number');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	// "1.14元至2.48元/平米/月": a unit word after the first end of a range is dropped.
	const t = fold(cell as string)
		.replace(/\s+/g, '')
		.replace(/^[¥$]/, '')
		.replace(/元(?=[至到~\-—–―])/g, '');
	// The numbers come first; the unit is the rest ("元/m2·月" after NFKC holds a digit, so not "after the last digit").
	const m = /^[\d.,+\-~至到—–―]*\d/.exec(t);
	if (!m) return fail('not_a_number');
	const numbers = m[0];
	const unitText = t.slice(numbers.length);
	const unit = feeUnitFromText(unitText);
	if (unit === undefined) return fail('unknown_unit', { unit: unitText });
	const single = numberFromText(numbers);
	if (typeof single === 'number') return ok({ fee: single, unit });
	if (single === 'ambiguous') return fail('ambiguous_number');
	const range = RANGE_SEPARATOR.exec(numbers);
	if (range) {
		const lo = numberFromText(range[1]);
		const hi = numberFromText(range[2]);
		if (typeof lo === 'number' && typeof hi === 'number' && lo <= hi) {
			const mid = round((lo + hi) / 2);
			return ok({ fee: mid, unit, low: lo, high: hi }, [{ code: 'range_midpoint', params: { low: lo, high: hi, mid } }]);
		}
	}
	return fail('not_a_number');
}

