/** Rates (收缴率) and fees with their unit words. */
import { DATASETS, matchEnumValue, normalizeLabel, type ColumnMeta, type FeeUnit } from '../../data/datasets';
import { decimalNumber } from '../../domain/chinese-numbers';
import { moneyWordsAsNumbers, ONE_DIGIT, receiptMoney } from './money-words';
import type { Cell, Issue } from '../types';
import { excelError, fail, fold, isError, isMissing, ok, round, type Norm } from './core';
import { APPROX_SUFFIXES, numberFromText, parseNumber, RANGE_SEPARATOR, REMARK_AFTER_COMMA, TRAILING_NOTE, withoutApproximation } from './numbers';
// A daily fee becomes monthly at the listing reader's 30 days (docs/sources.md §14.1): one figure for both.
import { DAYS_PER_MONTH } from '../../domain/market/listing-text';

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
		const share = shareInWords(t);
		if (share !== undefined) return share >= 0 && share <= 1 ? ok(share) : fail('rate_out_of_range');
		// '85%左右': the approximation word after the sign is read as it is before it (约85%).
		const after = PERCENT_THEN_APPROX.exec(t);
		if (after || t.endsWith('%')) {
			explicitPercent = true;
			c = after ? after[1] + after[2] : t.slice(0, -1);
		}
		// '85%（预计）', '85%，预计': the rate is read and the note said, as after any figure.
		const note = TRAILING_NOTE.exec(t) ?? REMARK_AFTER_COMMA.exec(t);
		if (note && note.index > 0 && /%/.test(t.slice(0, note.index))) {
			const r = parseRate(t.slice(0, note.index), percentHeader);
			if (!isError(r) && r.value !== null) return ok(r.value, [...(r.warnings ?? []), { code: 'note_ignored', params: { note: note[1] } }]);
		}
	}
	const r = parseNumber(c);
	if (isError(r) || r.value === null) return r;
	const v = r.value;
	// What the number reader said (约85%: approximate), in the rate as written.
	const said = (r.warnings ?? []).map((w) => (w.code === 'approximate' ? { code: 'approximate', params: { value: explicitPercent ? `${v}%` : v } } : w));
	if (explicitPercent) return v < 0 || v > 100 ? fail('rate_out_of_range') : ok(round(v / 100), said);
	if (v < 0 || v > 100) return fail('rate_out_of_range');
	if (v <= 1) return ok(v, said);
	const to = round(v / 100);
	return ok(to, percentHeader ? said : [...said, { code: 'rate_read_as_percent', params: { from: v, to } }]);
}

/** A percentage with an approximation word after its sign: 85%左右, 95%以上, 85%多 (reading rules 11). */
export const PERCENT_THEN_APPROX = new RegExp(`^(.+)%(${APPROX_SUFFIXES})$`);

/** "九成" 0.9, "八成五" 0.85, "十成" 1: a share in tenths, as people say a collection rate. */
const TENTHS = new RegExp(`^(${ONE_DIGIT}|十|10)成(${ONE_DIGIT})?$`);

/** A share written in words ("九成", "八成五", "百分之八十五", "百分之85"), as 0-1 (above 1 left to the caller); else undefined. */
function shareInWords(t: string): number | undefined {
	const tenths = TENTHS.exec(t);
	if (tenths) {
		const [a, b] = [decimalNumber(tenths[1]), tenths[2] === undefined ? 0 : decimalNumber(tenths[2])];
		return a === undefined || b === undefined ? undefined : round((10 * a + b) / 100);
	}
	const percent = /^百分之(.+)$/.exec(t);
	if (percent) {
		const v = decimalNumber(percent[1]);
		return v === undefined ? undefined : round(v / 100);
	}
	return undefined;
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

/** A fee's unit and the factor that makes it monthly: a yearly fee is divided by 12, a daily one multiplied by 30. */
export interface FeeUnitAndPeriod {
	readonly unit: FeeUnit | null;
	readonly perMonth: number;
	readonly period: 'month' | 'year' | 'day';
}


/** The unit of a fee text and its period: '元/㎡·月' monthly; '元/㎡·年', '元每平方米每年' yearly; '元/平方米·天' daily. */
export function feeUnitAndPeriod(unitText: string): FeeUnitAndPeriod | undefined {
	const monthly = feeUnitFromText(unitText);
	if (monthly !== undefined) return { unit: monthly, perMonth: 1, period: 'month' };
	const u = normalizeLabel(unitText);
	const period = /(\/|每)?(年|天|日)/.exec(u);
	if (!period || /月/.test(u)) return undefined;
	const rest = u.slice(0, period.index) + u.slice(period.index + period[0].length);
	const unit = feeUnitFromText(rest === '' ? '元' : rest);
	if (unit === undefined) return undefined;
	return period[2] === '年' ? { unit, perMonth: 1 / 12, period: 'year' } : { unit, perMonth: DAYS_PER_MONTH, period: 'day' };
}

/** "每平米1.65元", "每户每月80元", "每月1.65元/㎡": the number after its unit, put first ("1.65元每平米"). */
const UNIT_FIRST = /^(每[^\d]*?)(\d[\d.,~至到\-—–―]*\d|\d)(元)?([^\d]*(?:m2[^\d]*)?)$/;

/**
 * A fee: a number, or text with a unit ("2.38元/平米/月", "24元/户·月") or a range
 * ("1.14至2.48元/平米/月", "1.2-1.8", "1.2~1.8"; midpoint used, both ends kept, warning). Also read, with a note: a
 * yearly or daily fee made monthly ("19.8元/㎡·年" is 1.65), the unit written first ("每平米1.65元"), a label before
 * it ("收费标准：1.65元/㎡·月"). An amount in 元, 角 and 分 ("一元五角", "1元5角5分") is the number it says. A text
 * with no amount ("面议") and a cell with several fees (one per building form) are errors that say so.
 */
export function parseFee(cell: Cell): Norm<FeeValue | null> {
	if (typeof cell === 'number') return Number.isFinite(cell) ? ok({ fee: cell, unit: null }) : fail('not_a_number');
	if (typeof cell === 'boolean') return fail('not_a_number');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	// Amounts in words first ("一元五角" is "1.5元"); then, in "1.14元至2.48元/平米/月", the unit word after the first
	// end of a range is dropped.
	let t = moneyWordsAsNumbers(receiptMoney(fold(cell as string).replace(/\s+/g, '')).replace(/^[¥$]/, '')).replace(/元(?=[至到~\-—–―])/g, '');
	// Words and no amount ("面议", "待定", "按合同"): say that no fee is written, not just "not a number".
	if (!/\d/.test(t)) return /[\u4e00-\u9fff]/.test(t) ? fail('fee_not_stated', { text: (cell as string).trim() }) : fail('not_a_number');
	// A label before the fee: "收费标准:1.65元/㎡·月" (NFKC made the full-width colon ':').
	t = t.replace(/^[^\d:]{1,12}:/, '').replace(/^[¥$]/, '');
	const unitFirst = UNIT_FIRST.exec(t);
	if (unitFirst) t = `${unitFirst[2]}元${unitFirst[1]}${unitFirst[4]}`;
	const read = readFee(t);
	if (!('error' in read)) return read;
	// A remark after the fee ('1.65元/㎡·月，车位另计') with no amount of its own: the fee is read, the remark said.
	const remark = REMARK_AFTER_COMMA.exec(t);
	const before = remark && remark.index > 0 ? readFee(t.slice(0, remark.index)) : undefined;
	if (remark && before && !isError(before) && before.value !== null) return ok(before.value, [...(before.warnings ?? []), { code: 'note_ignored', params: { note: remark[1] } }]);
	// '约1.65元/㎡·月', '1.65元/㎡·月左右': read as its figure and said, as other approximate figures (reading rules 11).
	const rough = withoutApproximation(t);
	const near = rough === undefined ? undefined : readFee(rough);
	if (near && !isError(near) && near.value !== null) {
		return ok(near.value, [...(near.warnings ?? []), { code: 'approximate', params: { value: near.value.fee } }]);
	}
	// Several amounts that are not one range: a fee per building form or per kind of home in one cell.
	const amounts = t.replace(/m2|m²/gi, '').match(/\d+(?:\.\d+)?/g) ?? [];
	if (amounts.length >= 2) return fail('several_fees', { count: amounts.length });
	return read;
}

/** Characters typed for the middle dot of 元/㎡·月 (。 since reading rules 11: a Chinese keyboard's full stop). */
const TYPED_DOT = /[•∙⋅・･*。]/g;

/** A fee text with its numbers first, then its unit. */
function readFee(t: string): Norm<FeeValue | null> {
	// The numbers come first; the unit is the rest ("元/m2·月" after NFKC holds a digit, so not "after the last digit").
	const m = /^[\d.,+\-~至到—–―]*\d/.exec(t);
	if (!m) return fail('not_a_number');
	const numbers = m[0];
	// The middle dot as keyboards type it (•, ∙, ⋅, ・, *), and the unit in brackets ('元/(㎡·月)').
	const unitText = t.slice(numbers.length).replace(TYPED_DOT, '·').replace(/\/\(([^()]*)\)$/, '/$1');
	// A note in brackets after the unit ('元/㎡·月（含税）') is not part of it: said, so the person sees what was left aside.
	const note = TRAILING_NOTE.exec(unitText);
	const noted = note && note.index > 0 ? feeUnitAndPeriod(unitText.slice(0, note.index)) : undefined;
	const found = noted ?? feeUnitAndPeriod(unitText);
	if (found === undefined) return fail('unknown_unit', { unit: unitText });
	const said: Issue[] = noted ? [{ code: 'note_ignored', params: { note: note![1] } }] : [];
	const { unit, perMonth, period } = found;
	const monthly = (n: number) => (perMonth === 1 ? n : round(n * perMonth));
	const periodNote = (from: number | string, to: number | string): Issue[] => [
		...(period === 'month' ? [] : [{ code: period === 'year' ? 'fee_per_year' : 'fee_per_day', params: { from, to } }]),
		...said
	];
	const single = numberFromText(numbers);
	if (typeof single === 'number') return ok({ fee: monthly(single), unit }, periodNote(single, monthly(single)));
	if (single === 'ambiguous') return fail('ambiguous_number');
	const range = RANGE_SEPARATOR.exec(numbers);
	if (range) {
		const lo = numberFromText(range[1]);
		const hi = numberFromText(range[2]);
		if (typeof lo === 'number' && typeof hi === 'number' && lo <= hi) {
			const [low, high] = [monthly(lo), monthly(hi)];
			const mid = round((low + high) / 2);
			return ok({ fee: mid, unit, low, high }, [
				...periodNote(`${lo}-${hi}`, `${low}-${high}`),
				{ code: 'range_midpoint', params: { low, high, mid } }
			]);
		}
	}
	return fail('not_a_number');
}

/**
 * A fee column whose header names a yearly or daily unit ("物业费（元/㎡·年）"): a bare number in it is made monthly
 * as the header says; a cell with its own unit is read by that unit.
 */
export function feeWithHeaderPeriod(parse: (cell: Cell) => Norm<FeeValue | null>, header: FeeUnitAndPeriod): (cell: Cell) => Norm<FeeValue | null> {
	return (cell) => {
		const r = parse(cell);
		if (isError(r) || r.value === null || r.value.unit !== null || header.period === 'month') return r;
		// A cell that names its own period ('1.65元/月') is read by it, not by the header's.
		if (typeof cell === 'string' && /[月年天日]/.test(cell)) return r;
		const f = (n: number) => round(n * header.perMonth);
		const v = r.value;
		const code = header.period === 'year' ? 'fee_per_year' : 'fee_per_day';
		if (v.low === undefined || v.high === undefined) return ok({ fee: f(v.fee), unit: header.unit }, [{ code, params: { from: v.fee, to: f(v.fee) } }]);
		const [low, high, mid] = [f(v.low), f(v.high), f(v.fee)];
		return ok({ fee: mid, unit: header.unit, low, high }, [
			{ code, params: { from: `${v.low}-${v.high}`, to: `${low}-${high}` } },
			{ code: 'range_midpoint', params: { low, high, mid } }
		]);
	};
}
