/**
 * The market (listing) dataset's cells: listing-site text read by domain/market/listing-text.ts, and the
 * fee text turned into the derived columns fee_low, fee_high, fee_mid, fee_unit, fee_per_day and fee_forms.
 * A fee text that cannot be read is a warning, not an error: the text is kept as written and the row has
 * no fee (a scraped city file should not fail on one odd cell; docs/sources.md §14.1).
 */
import { buildingFormOf, findDateInText, formsText, parseHousePrice, parseListingCount, parseListingFee, parseYearBuilt, isListingMissing } from '../domain/market/listing-text';
import type { Norm } from './values/core';
import type { Cell } from './types';

/** Why a fee text could not be read, in the page's two languages (listing-text.ts gives the reason in English). */
const UNREAD_REASONS: Record<string, { zh: string; en: string }> = {
	'no number': { zh: '没有数字', en: 'no number' },
	'only non-residential fees': { zh: '只有商铺、车位等非住宅的收费', en: 'only fees for shops, offices or parking' },
	'not positive': { zh: '不是正数', en: 'not positive' },
	'not a positive number': { zh: '不是正数', en: 'not positive' },
	'not a fee per m2': { zh: '每平方米每月超过 100 元，不是物业费', en: 'over 100 yuan per m² and month, not a property fee' },
	'only other fees': { zh: '只写了电梯费、垃圾费等其他收费', en: 'only other fees, such as a lift or rubbish fee' }
};

/** The shape of a column normaliser (values/columns.ts); written out so this module does not import back. */
type CellNormaliser = (cell: Cell) => Norm<unknown>;

function text(cell: Cell): string | null {
	if (cell === null || cell === undefined) return null;
	return typeof cell === 'string' ? cell : String(cell);
}

function wrap(r: { value: number | null } | { error: string }, code: string): Norm<number | null> {
	if ('error' in r && r.error === 'total price') return { error: { code: 'house_price_total' } };
	if ('error' in r && r.error === 'another count') return { error: { code: 'listing_count_other' } };
	if ('error' in r && r.error === 'not a whole number') return { error: { code: 'not_an_integer' } };
	return 'error' in r ? { error: { code, params: { reason: r.error } } } : { value: r.value };
}

/** The normaliser of a market column, or undefined for the columns the generic rules read. */
export function marketNormaliser(column: string): CellNormaliser | undefined {
	switch (column) {
		case 'fee_text':
			// Kept as written ("暂无数据" too): what the site said is part of the reference.
			return (c) => {
				const t = text(c);
				return { value: t === null || t.trim() === '' ? null : t.trim() };
			};
		case 'area':
		case 'firm':
		case 'developer':
			// "暂无信息" and the like in text columns too.
			return (c) => {
				const t = text(c);
				return { value: isListingMissing(t) ? null : t!.trim() };
			};
		case 'year_built':
			return (c) => wrap(parseYearBuilt(typeof c === 'number' ? c : text(c)), 'not_a_year');
		case 'households':
		case 'buildings':
			return (c) => wrap(parseListingCount(typeof c === 'number' ? c : text(c), column), 'not_a_number');
		case 'house_price':
			return (c) => wrap(parseHousePrice(typeof c === 'number' ? c : text(c)), 'not_a_number');
		case 'building_form':
			return (c) => {
				const t = text(c);
				if (isListingMissing(t)) return { value: null };
				const f = buildingFormOf(t);
				return f ? { value: f } : { value: null, warnings: [{ code: 'listing_form_unknown', params: { text: t! } }] };
			};
		case 'ref_date':
			return (c) => {
				const t = text(c);
				if (isListingMissing(t)) return { value: null };
				const d = findDateInText(t!);
				return d ? { value: d } : { error: { code: 'not_a_date' } };
			};
		default:
			return undefined;
	}
}

/** Counts of what the fee texts of one file held, reported once per file. */
export interface MarketFeeCounts {
	ranges: number;
	perHousehold: number;
	perDay: number;
	perYear: number;
	forms: number;
	noValue: number;
	unread: number;
}

/** Column indices of the derived fee columns in a market row. */
export interface MarketColumns {
	readonly feeText: number;
	readonly low: number;
	readonly high: number;
	readonly mid: number;
	readonly unit: number;
	readonly perDay: number;
	readonly forms: number;
	readonly refDate: number;
}

/**
 * Fills the derived fee columns of one row from its fee text (when the file has a fee text; a canonical file
 * without one keeps its own columns). Returns a warning issue when the text has no readable fee.
 */
export function deriveMarketFee(values: unknown[], k: MarketColumns, counts: MarketFeeCounts, hasFeeText: boolean): { code: string; params: Record<string, string> } | null {
	if (!hasFeeText) return null;
	const raw = values[k.feeText] as string | null;
	const r = parseListingFee(raw);
	values[k.low] = values[k.high] = values[k.mid] = values[k.unit] = values[k.perDay] = values[k.forms] = null;
	if ('error' in r) {
		counts.unread++;
		const why = UNREAD_REASONS[r.error] ?? { zh: r.error, en: r.error };
		return { code: 'listing_fee_unread', params: { reason: r.error, reasonZh: why.zh, reasonEn: why.en } };
	}
	if (r.fee === null) {
		counts.noValue++;
		return null;
	}
	const f = r.fee;
	values[k.low] = f.low;
	values[k.high] = f.high;
	values[k.mid] = f.mid;
	values[k.unit] = f.unit;
	values[k.perDay] = f.perDay;
	values[k.forms] = formsText(f.forms);
	if (f.low !== f.high) counts.ranges++;
	if (f.unit === 'per_household_month') counts.perHousehold++;
	if (f.perDay) counts.perDay++;
	if (f.perYear) counts.perYear++;
	if (f.forms) counts.forms++;
	return null;
}

/** The file's reference date when no column gives one: a title row, the file name, or the file's own date. */
export function fileRefDate(titleLines: readonly string[], file: string, given: string | undefined): string | null {
	for (const line of titleLines) {
		const d = findDateInText(line);
		if (d) return d;
	}
	const fromName = findDateInText(file);
	if (fromName) return fromName;
	return given ? findDateInText(given) : null;
}
