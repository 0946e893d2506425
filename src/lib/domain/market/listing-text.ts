/**
 * How listing sites write an estate's facts (docs/sources.md §14; docs/sources.md §14.1), read into numbers.
 * Pure functions of one cell's text: the import pipeline, the CLI and tests share them.
 *
 * Fee rules (docs/sources.md §14.1):
 * - "N元/平米/月", "N 元/㎡·月", "N元/平方米·月" → one value per m² per month.
 * - "N至N", "N~N", "N-N", "N到N" → a range kept as low/high; the midpoint stands for it.
 * - "元/平方米·天" (or "/天", "/日") → per month ×30, and flagged `perDay`.
 * - "元/平米/年" (or "/年", "每年") → per month ÷12, and flagged `perYear` (docs/sources.md §18.4).
 * - "1.5元/平米/月(多层) 2.2元/平米/月(高层)": a form written after its fee, in brackets, labels that fee.
 * - "元/户·月" → per household per month: flagged, never mixed with per-m² fees.
 * - "1.6元/平米/月，电梯费0.3元/平米/月" → the lift fee is added on; rubbish, heating … fees are left out (named-fees.ts).
 * - "多层1.2元…，小高层1.8元…", "板楼：2.1… 塔楼：2.6…" → one value per building form kept; the fee is the
 *   range across the residential forms (lowest low to highest high).
 * - "暂无信息", "暂无资料", "暂无数据", "待定", "-" … → no value.
 */

import { takeNamedFees } from './named-fees';

/** Canonical building-form codes of listings (value map: {@link BUILDING_FORM_VALUES}). */
export const BUILDING_FORMS = ['low', 'mid_high', 'high', 'slab', 'tower', 'slab_tower', 'villa', 'mixed'] as const;
export type BuildingForm = (typeof BUILDING_FORMS)[number];

/** Value map: listing words for building forms → code, with display names. Longest words are tried first. */
export const BUILDING_FORM_VALUES: readonly { value: BuildingForm; zh: string; en: string; words: readonly string[] }[] = [
	{ value: 'low', zh: '多层', en: 'Multi-storey', words: ['多层', '低层', '洋房', '多层住宅', 'multi-storey', 'low-rise', 'lowrise'] },
	{ value: 'mid_high', zh: '小高层', en: 'Mid-rise', words: ['小高层', '中高层', 'mid-rise', 'midrise'] },
	{ value: 'high', zh: '高层', en: 'High-rise', words: ['高层', '超高层', '高层住宅', 'high-rise', 'highrise'] },
	{ value: 'slab', zh: '板楼', en: 'Slab', words: ['板楼', '板式', 'slab'] },
	{ value: 'tower', zh: '塔楼', en: 'Tower', words: ['塔楼', '塔式', 'tower'] },
	{ value: 'slab_tower', zh: '塔板结合', en: 'Slab and tower', words: ['塔板结合', '板塔结合', '板塔', '塔板', 'slab-tower', 'slab/tower'] },
	{ value: 'villa', zh: '别墅', en: 'Villa', words: ['别墅', '联排', '独栋', '叠拼', '双拼', '联排别墅', '独栋别墅', 'villa', 'townhouse'] },
	{ value: 'mixed', zh: '混合', en: 'Mixed', words: ['混合', '混合型', 'mixed'] }
];

const FORM_WORDS: readonly [string, BuildingForm][] = BUILDING_FORM_VALUES.flatMap((f) => f.words.map((w) => [w.toLowerCase(), f.value] as [string, BuildingForm])).sort(
	(a, b) => b[0].length - a[0].length
);

/** Texts that mean "no value" on listing pages. */
export const LISTING_MISSING = new Set(['', '暂无信息', '暂无资料', '暂无数据', '暂无', '待定', '未知', '不详', '无', '-', '--', '—', '——', '/', 'n/a', 'na', 'null', 'none', '未公布', '暂未公布']);

/** A fee read from listing text. Values are in 元/㎡·月, or 元/户·月 when `unit` says so. */
export interface ListingFee {
	readonly low: number;
	readonly high: number;
	/** (low + high) / 2: what stands for a range in medians and percentiles. */
	readonly mid: number;
	readonly unit: 'per_m2_month' | 'per_household_month';
	/** The text quoted a daily fee; values were multiplied by {@link DAYS_PER_MONTH}. */
	readonly perDay: boolean;
	/** The text quoted a yearly fee; values were divided by 12. */
	readonly perYear: boolean;
	/** One value (or range) per building form, when the text gave them. */
	readonly forms: readonly { readonly form: string; readonly code: BuildingForm | null; readonly low: number; readonly high: number }[] | null;
}

/** A daily fee becomes a monthly one at 30 days (docs/sources.md §14.1). */
export const DAYS_PER_MONTH = 30;

export type ListingFeeResult = { readonly fee: ListingFee | null } | { readonly error: string };

function fold(text: string): string {
	return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Whether a listing cell means "no value". */
export function isListingMissing(text: string | null | undefined): boolean {
	if (text === null || text === undefined) return true;
	const t = fold(text).toLowerCase().replace(/\s/g, '');
	// "均价待定", "暂无报价", "物业费暂无": a no-value word and no figure.
	return LISTING_MISSING.has(t) || (!/\d/.test(t) && NO_VALUE_WORD.test(t));
}

const NO_VALUE_WORD = /暂无|待定|未知|不详|未公布|暂未/;

/** A number, with thousands separators where they stand three digits apart ("1,800元/户/年"). */
const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const RANGE_SEP = String.raw`\s*(?:至|~|～|-|—|–|到)\s*`;
const RANGE_RE = new RegExp(`${NUM}(?:\\s*元)?(?:${RANGE_SEP}${NUM})?`, 'g');

/** The forms whose homes have lifts, and so pay a lift fee named apart. */
const LIFTED: ReadonlySet<BuildingForm | null> = new Set<BuildingForm>(['mid_high', 'high', 'tower', 'slab_tower']);
/** Words that label a fee for shops or offices: kept in the per-form list, left out of the residential range. */
const NON_RESIDENTIAL = /商铺|商业|写字楼|办公|车位|车库|底商/;
const FORM_WORDS_RE = '多层|小高层|中高层|超高层|高层|板楼|塔楼|塔板结合|板塔结合|别墅|洋房|联排|独栋|叠拼|住宅|公寓|商铺|商业|写字楼|办公|车位';
const FORM_LABEL = new RegExp(`(${FORM_WORDS_RE})\\s*[:：]?\\s*`, 'g');
/** A fee with its form after it, in brackets: "1.5元/平米/月(多层)" (NFKC made the brackets ASCII). */
const FORM_AFTER_FEE = new RegExp(`(\\d+(?:\\.\\d+)?[^()\\d;；,，]*?)\\s*\\((${FORM_WORDS_RE})\\)`, 'g');

function rangesIn(text: string): { low: number; high: number }[] {
	const out: { low: number; high: number }[] = [];
	for (const m of text.matchAll(RANGE_RE)) {
		const a = Number(m[1].replace(/,/g, ''));
		const b = m[2] !== undefined ? Number(m[2].replace(/,/g, '')) : a;
		out.push({ low: Math.min(a, b), high: Math.max(a, b) });
	}
	return out;
}

/**
 * A year or a date beside a fee ("1.5元/平米/月(2023年)", "2.0元/平米/月 更新于2024-05-01"): when the fee was seen, never
 * an amount (read as one, 2023 became the top of a range). An amount stays one: "1950.00元/户/年", "2000-2500元/户/年".
 */
const DATE_IN_FEE = /(?<![\d.])(?:19|20)\d\d\s*(?:年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{1,2})?(?![\d.元]))/g;

/** A year alone in brackets after a fee ("1.6元/㎡/月 (2019)"): when it was seen. */
const YEAR_IN_BRACKETS = /[(\[【]\s*(?:19|20)\d\d\s*[)\]】]/g;

/** Reads a listing fee text. `{fee: null}` for "no value"; `{error}` when there is text but no fee in it. */
export function parseListingFee(raw: string | number | null | undefined): ListingFeeResult {
	if (typeof raw === 'number') {
		return Number.isFinite(raw) && raw > 0 ? { fee: { low: raw, high: raw, mid: raw, unit: 'per_m2_month', perDay: false, perYear: false, forms: null } } : { error: 'not a positive number' };
	}
	if (isListingMissing(raw)) return { fee: null };
	// NFKC turns ㎡ into "m2": the 2 must not be read as a fee. A form in brackets after its fee is put before it.
	const folded = fold(raw!).replace(/m2|m²/gi, '平米').replace(DATE_IN_FEE, ' ').replace(YEAR_IN_BRACKETS, ' ');
	// Other fees named beside it: a lift fee is added on, the rest set aside (named-fees.ts).
	const named = takeNamedFees(folded);
	if (named.found && !/\d/.test(named.text)) return { error: 'only other fees' };
	const text = named.text.replace(FORM_AFTER_FEE, (_, fee: string, form: string) => `${form}：${fee}`);
	const addOns = named.addOns.length > 0 ? ` + ${named.addOns.join(' + ')}` : '';
	// Per home only when no fee in the text is per ㎡ ("1.5元/平米/月，电梯费另计20元/户/月" is a fee per ㎡).
	const perHousehold = /户/.test(text) && !/平米|平方米/.test(text);
	const perDay = /[/·每](?:平方米|平米|m2|㎡)?[·/]?\s*(?:天|日)|元\s*\/\s*天|每天|每日/.test(text) && !/月/.test(text);
	const perYear = !perDay && /[/·每](?:平方米|平米|m2|㎡|户)?[·/]?\s*年|元\s*\/\s*年|每年/.test(text) && !/月/.test(text);
	const factor = perDay ? DAYS_PER_MONTH : perYear ? 1 / 12 : 1;
	const unit = perHousehold ? 'per_household_month' : 'per_m2_month';

	// A fee per building form: split the text at each form label.
	const labels = [...text.matchAll(FORM_LABEL)];
	let forms: { form: string; code: BuildingForm | null; low: number; high: number }[] | null = null;
	if (labels.length > 0) {
		forms = [];
		// A lift fee named apart is paid by the forms with lifts; when none is named, by every home.
		const lifted = labels.some((l) => LIFTED.has(buildingFormOf(l[1])!)) ? (form: string) => LIFTED.has(buildingFormOf(form)!) : (form: string) => !NON_RESIDENTIAL.test(form);
		for (let i = 0; i < labels.length; i++) {
			const start = labels[i].index! + labels[i][0].length;
			const end = i + 1 < labels.length ? labels[i + 1].index! : text.length;
			const slice = text.slice(start, end) + (addOns && lifted(labels[i][1]) ? addOns : '');
			const r = withAddOns(slice) ?? rangesIn(slice)[0];
			if (!r) continue;
			const form = labels[i][1];
			forms.push({ form, code: buildingFormOf(form), low: r.low * factor, high: r.high * factor });
		}
		if (forms.length === 0) forms = null;
	}
	let low: number;
	let high: number;
	if (forms) {
		const residential = forms.filter((f) => !NON_RESIDENTIAL.test(f.form));
		// "2.5元/平米/月，车位费300元/月": the fee before the first label is the homes' own when every label is not a home's.
		const lead = residential.length === 0 ? rangesIn(text.slice(0, labels[0].index))[0] : undefined;
		if (residential.length === 0 && !lead) return { error: 'only non-residential fees' };
		low = lead ? lead.low * factor : Math.min(...residential.map((f) => f.low));
		high = lead ? lead.high * factor : Math.max(...residential.map((f) => f.high));
	} else {
		const added = withAddOns(text + addOns);
		if (added) return finish(added.low * factor, added.high * factor, unit, perDay, perYear, null);
		const ranges = rangesIn(text);
		if (ranges.length === 0) return { error: 'no number' };
		// Several numbers without labels ("1.5元/平米/月 2.0元/平米/月"): the range across them.
		low = Math.min(...ranges.map((r) => r.low)) * factor;
		high = Math.max(...ranges.map((r) => r.high)) * factor;
	}
	return finish(low, high, unit, perDay, perYear, forms);
}

/**
 * The fee of a text with an amount added on after it: "1.5元/平米/月+0.3元/平米/月电梯费", "1.2元（电梯费另计0.3元）". An
 * add-on is paid on top by the homes it applies to, so the homes pay from the base fee to the base plus every add-on
 * (read as two fees it was the range 0.3 to 1.5). Undefined when the text has no fee before an add-on with an amount.
 */
function withAddOns(text: string): { low: number; high: number } | undefined {
	const plus = ADD_ON.exec(text);
	if (!plus) return undefined;
	const before = text.slice(0, plus.index);
	const after = text.slice(plus.index);
	const base = rangesIn(before);
	const extra = rangesIn(after);
	if (base.length === 0 || extra.length === 0) return undefined;
	const low = Math.min(...base.map((r) => r.low));
	const high = Math.max(...base.map((r) => r.high));
	// Only an add-on in the fee's own unit: 电梯费另计20元/户/月 is per home, not per ㎡, and is not added; an add-on
	// larger than the fee itself is taken for a fee of another unit too.
	const sameUnit = /户/.test(after) === /户/.test(before) && extra.every((r) => r.high <= high);
	return { low, high: sameUnit ? high + extra.reduce((a, r) => a + r.high, 0) : high };
}

/** Where an add-on fee starts: "+", 加/加收/外加, or 另计/另收 (电梯费另计0.3元). */
const ADD_ON = /\+|加收|外加|另[计收加]|(?<![参增])加(?=\s*\d)/;

type FeeForm = { form: string; code: BuildingForm | null; low: number; high: number };

/**
 * Above this a fee per ㎡ and month is no fee (the dearest estates charge tens of 元): a text such as "2020-2023" is
 * years, not a range of fees, and is left unread rather than read.
 */
const MAX_FEE_PER_M2_MONTH = 100;

function finish(low: number, high: number, unit: ListingFee['unit'], perDay: boolean, perYear: boolean, forms: FeeForm[] | null): ListingFeeResult {
	if (!(low > 0)) return { error: 'not positive' };
	if (unit === 'per_m2_month' && high > MAX_FEE_PER_M2_MONTH) return { error: 'not a fee per m2' };
	const round = (x: number) => Math.round(x * 1e6) / 1e6;
	const r6 = (f: FeeForm) => ({ ...f, low: round(f.low), high: round(f.high) });
	return { fee: { low: round(low), high: round(high), mid: round((low + high) / 2), unit, perDay, perYear, forms: forms ? forms.map(r6) : null } };
}

/** The building form a word or a cell stands for: one form, `slab_tower` for 板楼+塔楼, `mixed` for several others. */
export function buildingFormOf(raw: string | null | undefined): BuildingForm | null {
	if (isListingMissing(raw)) return null;
	const text = fold(raw!).toLowerCase();
	const found = new Set<BuildingForm>();
	let rest = text;
	for (const [w, code] of FORM_WORDS) {
		if (rest.includes(w)) {
			found.add(code);
			rest = rest.split(w).join(' ');
		}
	}
	if (found.size === 0) return null;
	if (found.size === 1) return [...found][0];
	if (found.size === 2 && found.has('slab') && found.has('tower')) return 'slab_tower';
	return 'mixed';
}

/** Year built from "2006年建成 ", "2006年", "2006-2010年" (the first year), "2006"; null for no value. */
export function parseYearBuilt(raw: string | number | null | undefined): { value: number | null } | { error: string } {
	if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 1900 && raw <= 2100 ? { value: raw } : { error: 'not a year' };
	if (isListingMissing(raw)) return { value: null };
	const m = /(1[89]\d\d|20\d\d)/.exec(fold(raw!));
	if (!m) return { error: 'not a year' };
	return { value: Number(m[1]) };
}

/** The measure words of a count column: 户 and 套 for homes, 栋, 幢, 座 for buildings. */
export type CountMeasure = 'households' | 'buildings';
const MEASURES: Record<CountMeasure, RegExp> = { households: /^\s*(?:户|套)/, buildings: /^\s*(?:栋|幢|座|号楼|栋楼)/ };
const ANY_MEASURE = /^\s*(?:户|套|栋|幢|座|号楼|间|个|辆)/;

/**
 * A count from "7231户", "41栋", "共41栋", "1,124 户", "1.2万户" (×10,000); null for no value. In a text with several
 * counts ("7231户/41栋") the one with the column's measure word is taken; a count that is not whole is an error.
 */
export function parseListingCount(raw: string | number | null | undefined, measure?: CountMeasure): { value: number | null } | { error: string } {
	if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? { value: raw } : { error: 'not a whole number' };
	if (isListingMissing(raw)) return { value: null };
	const text = fold(raw!);
	const found = [...text.matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万|千)?/g)].map((m) => ({
		value: Number(m[1].replace(/,/g, '')) * (m[2] === '万' ? 1e4 : m[2] === '千' ? 1e3 : 1),
		after: text.slice(m.index! + m[0].length)
	}));
	if (found.length === 0) return { error: 'not a number' };
	const own = measure ? found.find((f) => MEASURES[measure].test(f.after)) : undefined;
	// Only counts of something else ("7231户" in the buildings column): not this column's count.
	if (measure && !own && found.every((f) => ANY_MEASURE.test(f.after))) return { error: 'another count' };
	const value = Math.round((own ?? found[0]).value * 1e6) / 1e6;
	return Number.isInteger(value) ? { value } : { error: 'not a whole number' };
}

const PRICE = /(\d[\d,]*(?:\.\d+)?)\s*(万)?(?:\s*元)?(?:\s*(?:至|~|～|-|—|–|到)\s*(\d[\d,]*(?:\.\d+)?)\s*(万)?)?/;

/**
 * A price per m² from "65000", "65,000元/平米", "6.5万元/㎡" (×10,000), a range as its midpoint; null for no value. "350万" with no area in it
 * and a million or more is a home's total price, not a price per m²: an error.
 */
export function parseHousePrice(raw: string | number | null | undefined): { value: number | null } | { error: string } {
	if (typeof raw === 'number') return raw > 0 ? { value: raw } : { error: 'not positive' };
	if (isListingMissing(raw)) return { value: null };
	const text = fold(raw!);
	const m = PRICE.exec(text);
	if (!m) return { error: 'not a number' };
	// A range ("5.2万-6.8万元/㎡", "52000-68000") stands as its midpoint, as a range of fees does.
	const wan = m[2] || m[4] ? 1e4 : 1;
	const low = Number(m[1].replace(/,/g, '')) * wan;
	const v = m[3] === undefined ? low : (low + Number(m[3].replace(/,/g, '')) * wan) / 2;
	if (m[2] && v >= 1e6 && !/平|㎡|m2|m²/i.test(text)) return { error: 'total price' };
	return v > 0 ? { value: v } : { error: 'not positive' };
}

/** Per-form fees as stored text: "多层:1.2;小高层:1.8-2". */
export function formsText(forms: ListingFee['forms']): string | null {
	if (!forms) return null;
	return forms.map((f) => `${f.form}:${f.low === f.high ? f.low : `${f.low}-${f.high}`}`).join(';');
}

/** A date (YYYY-MM-DD) found in text such as a title row or a file name: "2024-05-01", "2024年5月1日", "20240501". */
export function findDateInText(text: string): string | null {
	const t = fold(text);
	const m = /(20\d\d|19\d\d)\s*[-/.年_]\s*(\d{1,2})\s*[-/.月_]\s*(\d{1,2})/.exec(t) ?? /(20\d\d)(\d\d)(\d\d)/.exec(t);
	if (!m) return null;
	const y = Number(m[1]);
	const mo = Number(m[2]);
	const d = Number(m[3]);
	if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
	return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
