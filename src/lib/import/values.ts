/**
 * Cell normalisers: cells as people write them in Chinese spreadsheets, turned into canonical values.
 * Each returns `{ value }` (with warnings if a reading was a guess) or `{ error }`, where a warning or error is
 * a code with parameters; messages.ts turns codes into Chinese and English text.
 *
 * What is read (docs/sources.md §10):
 * - Full-width digits and punctuation (１２３，．％), thousands separators ("1,234.5"), a unit after the
 *   number when it fits the column ("120㎡", "568户", "2024年", "6.5万元" = 65000).
 * - Missing values: empty, "暂无数据", "暂无", "-", "—", "/", "无", "N/A", "#N/A", "不详"... become null.
 *   Excel error values (#DIV/0!, #VALUE!, ...) are errors.
 * - Rates (收缴率): "33%" → 0.33; 0.33 → 0.33; a value above 1 and at most 100 is read as a percentage
 *   (33 → 0.33) with a warning, unless the cell or the header says % (then no warning); above 100 is an error.
 * - Fees: "2.38元/平米/月", "2.38元/㎡·月", "24元/户·月": the unit in the text sets the fee unit.
 * - Ranges in number columns: "1.14至2.48元/平米/月", "1.2-1.8", "1.2~1.8": both ends are kept, the midpoint
 *   is used, with a warning.
 * - Periods: "2024-03", "2024/3", "2024年3月", "202403", a date or an Excel serial date → 'YYYY-MM';
 *   "2024Q1", "2024年第一季度", "2024年1季度", "2024年一季度" → 'YYYYQn'.
 * - Date-times: "2024-05-01 09:30", "2024/5/1 9:30:00", "2024年5月1日 9时30分", ISO with T, "下午 3:30",
 *   Excel serial numbers → 'YYYY-MM-DD HH:MM:SS' (naive local time, as grid systems export it).
 * - Booleans through BOOLEAN_ALIASES (是/否, 有/无, true/false, 1/0, √/×); enums through matchEnumValue.
 */
import {
	BOOLEAN_ALIASES,
	DATASETS,
	matchEnumValue,
	normalizeLabel,
	type ColumnMeta,
	type DatasetId,
	type FeeUnit
} from '../data/datasets';
import { INDICATOR_CODES, SATISFACTION_INDICATOR, SATISFACTION_NAME } from '../data/indicators';
import type { Cell, Issue } from './types';
import { marketNormaliser } from './market-values';

/** Result of a normaliser: a value (null for a missing cell) with optional warnings, or an error. */
export type Norm<T> = { readonly value: T; readonly warnings?: readonly Issue[] } | { readonly error: Issue };

/** Whether a result is an error. */
export function isError<T>(r: Norm<T>): r is { readonly error: Issue } {
	return 'error' in r;
}

const ok = <T>(value: T, warnings?: Issue[]): Norm<T> => (warnings && warnings.length ? { value, warnings } : { value });
const fail = (code: string, params?: Issue['params']): { error: Issue } => ({ error: params ? { code, params } : { code } });

// ---------------------------------------------------------------------------------------------------
// Cells as text
// ---------------------------------------------------------------------------------------------------

/** A cell as the user wrote it, for problem lists ('' for an empty cell). */
export function cellText(cell: Cell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	return String(cell);
}

const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC (full-width to half-width, ㎡ to m2, ideographic space to space), trimmed. ASCII text skips NFKC (it is a no-op there, and slow). */
export function fold(s: string): string {
	return NON_ASCII.test(s) ? s.normalize('NFKC').trim() : s.trim();
}

/** Texts read as "no value" (compared after NFKC, trim and lower case). '无' is also boolean false: booleans are checked first. */
export const MISSING_TEXTS: ReadonlySet<string> = new Set([
	'',
	'-',
	'--',
	'---',
	'—',
	'——',
	'–',
	'―',
	'/',
	'\\',
	'n/a',
	'na',
	'null',
	'none',
	'nan',
	'#n/a',
	'暂无数据',
	'暂无',
	'无数据',
	'无',
	'空',
	'不详',
	'未知',
	'未填',
	'未报',
	'缺',
	'缺失',
	'?',
	'…',
	'...'
]);

const EXCEL_ERRORS = new Set(['#div/0!', '#value!', '#ref!', '#name?', '#num!', '#null!', '#getting_data', '#spill!', '#calc!']);

/** Whether a cell means "no value". */
export function isMissing(cell: Cell | undefined): boolean {
	if (cell === null || cell === undefined) return true;
	if (typeof cell === 'number') return !Number.isFinite(cell);
	if (typeof cell === 'boolean') return false;
	if (cell.length === 0) return true;
	// Every missing-value text is at most 4 characters: longer cells (most of them) skip the folding.
	if (cell.length > 4 && cell.trim().length > 4) return false;
	return MISSING_TEXTS.has(fold(cell).toLowerCase());
}

function excelError(cell: Cell): Issue | undefined {
	if (typeof cell !== 'string' || cell.charCodeAt(0) !== 35 /* # */) return undefined;
	const t = cell.trim().toLowerCase();
	return EXCEL_ERRORS.has(t) ? { code: 'excel_error', params: { value: cell.trim() } } : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$/;
/** A number at the start of a text, then the rest (unit). */
const NUMBER_PREFIX = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?)(.*)$/s;

/** Parses number text already folded and without spaces; undefined if it is not a number. */
function numberFromText(t: string): number | 'ambiguous' | undefined {
	if (PLAIN_NUMBER.test(t)) return Number(t);
	if (GROUPED_NUMBER.test(t)) return Number(t.replaceAll(',', ''));
	if (DECIMAL_COMMA.test(t)) return 'ambiguous';
	return undefined;
}

/** Units accepted after a number, by the column's unit (as written in the dataset modules), with their factor. */
const UNIT_WORDS: Record<string, Record<string, number>> = {
	'㎡': { m2: 1, 平方米: 1, 平米: 1, 平: 1, 平方: 1, 万m2: 1e4, 万平方米: 1e4, 万平米: 1e4 },
	'户': { 户: 1, 套: 1 },
	'人': { 人: 1, 户: 1, 名: 1, 位: 1 },
	'元/年': { 元: 1, '元/年': 1, 元每年: 1, 万元: 1e4, '万元/年': 1e4, 万: 1e4 },
	'元': { 元: 1, 万元: 1e4, 万: 1e4, '元/台': 1, '元/套': 1, '元/座': 1, '元/m2': 1, '元/平方米': 1, '元/m': 1, '元/米': 1 },
	'分': { 分: 1 },
	'年': { 年: 1, 年度: 1 },
	'级': { 级: 1 }
};

/** Splits "120.5㎡" into the number text and the unit text (both folded, spaces removed). */
function splitUnit(t: string): { num: string; unit: string } {
	const m = NUMBER_PREFIX.exec(t);
	return m ? { num: m[1], unit: m[2] } : { num: '', unit: t };
}

/** Options of {@link parseNumber}. */
export interface NumberOptions {
	/** Whole numbers only. */
	readonly integer?: boolean;
	/** Accept "a-b", "a至b", "a~b" and use the midpoint (with a warning). */
	readonly allowRange?: boolean;
	/** The column's unit (a key of the unit table: '㎡', '户', '元/年', ...): which unit words may follow. */
	readonly unit?: string;
	/** Factor applied to every value (from the header, e.g. 万元 → 10000). */
	readonly scale?: number;
}

const RANGE_SEPARATOR = /^(.+?)(?:至|到|~|-|—|–|―)(.+)$/;

/**
 * A number from a cell: numbers pass; text is folded (full-width), thousands separators and spaces removed,
 * and an optional unit word fitting the column applied. Missing cells give null.
 */
export function parseNumber(cell: Cell, options: NumberOptions = {}): Norm<number | null> {
	if (typeof cell === 'number') return finishNumber(cell, options, []);
	if (typeof cell === 'boolean') return fail('not_a_number');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	const t = fold(cell as string).replace(/\s+/g, '').replace(/^[¥$]|^rmb/i, '');
	const single = singleNumber(t, options.unit);
	if (typeof single === 'number') return finishNumber(single, options, []);
	if (options.allowRange) {
		const m = RANGE_SEPARATOR.exec(t);
		if (m) {
			const lo = singleNumber(m[1], options.unit);
			const hi = singleNumber(m[2], options.unit);
			if (typeof lo === 'number' && typeof hi === 'number' && lo <= hi) {
				const mid = round((lo + hi) / 2);
				const s = options.scale ?? 1;
				return finishNumber(mid, options, [
					{ code: 'range_midpoint', params: { low: round(lo * s), high: round(hi * s), mid: round(mid * s) } }
				]);
			}
		}
	}
	return { error: single };
}

/** A number with an optional unit word, or the error that explains why not. */
function singleNumber(t: string, unit: string | undefined): number | Issue {
	const direct = numberFromText(t);
	if (typeof direct === 'number') return direct;
	if (direct === 'ambiguous') return { code: 'ambiguous_number' };
	const { num, unit: word } = splitUnit(t);
	// A "unit" with digits in it ("20x4") means the text is simply not a number.
	if (num === '' || word === '' || /\d/.test(word.replace(/m2/gi, ''))) return { code: 'not_a_number' };
	const n = numberFromText(num);
	if (n === 'ambiguous') return { code: 'ambiguous_number' };
	if (n === undefined) return { code: 'not_a_number' };
	const factor = unit ? UNIT_WORDS[unit]?.[normalizeLabel(word)] : undefined;
	if (factor === undefined) return { code: 'unknown_unit', params: { unit: word } };
	return n * factor;
}

function finishNumber(n: number, options: NumberOptions, warnings: Issue[]): Norm<number | null> {
	if (!Number.isFinite(n)) return fail('not_a_number');
	const v = options.scale && options.scale !== 1 ? round(n * options.scale) : n;
	if (options.integer && !Number.isInteger(v)) return fail('not_an_integer');
	return ok(v, warnings);
}

/** Rounds away binary noise from scaling (0.1 * 3 and the like), keeping 10 significant decimals. */
function round(n: number): number {
	return Number(n.toPrecision(12));
}

/** Chinese numerals one to ten, for grades (一级) and quarters (第一季度). */
const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A grade: 1-5, "1级", "一级", "一星"/"1星". */
export function parseGrade(cell: Cell): Norm<number | null> {
	if (typeof cell === 'string') {
		const t = fold(cell).replace(/\s+/g, '');
		const m = /^第?([一二三四五六七八九十]|\d+)(?:级|等|星|星级)?$/.exec(t);
		if (m) return ok(CHINESE_DIGITS[m[1]] ?? Number(m[1]));
	}
	return parseNumber(cell, { integer: true, unit: '级' });
}

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

// ---------------------------------------------------------------------------------------------------
// Dates, times and periods
// ---------------------------------------------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
/** Excel's day 0 (serials after 1900-02-28 count from 1899-12-30, absorbing Lotus's 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
	return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

function validDate(y: number, mo: number, d: number): boolean {
	return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Date and time parts of an Excel serial date (1900 date system), to the nearest second. */
export function excelSerialToParts(serial: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
	const ms = EXCEL_EPOCH + Math.round(serial * 86400) * 1000;
	const dt = new Date(ms);
	return {
		y: dt.getUTCFullYear(),
		mo: dt.getUTCMonth() + 1,
		d: dt.getUTCDate(),
		h: dt.getUTCHours(),
		mi: dt.getUTCMinutes(),
		s: dt.getUTCSeconds()
	};
}

/** Serial numbers treated as Excel dates: 1950-01-01 to 2100-12-31. */
const SERIAL_MIN = 18264;
const SERIAL_MAX = 73415;

const DATE_TIME =
	/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})(?:[:时点](\d{1,2})?(?:[:分](\d{1,2})(?:\.\d+)?秒?)?分?)?\s*(am|pm)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;

/** A date-time as 'YYYY-MM-DD HH:MM:SS' (date only → 00:00:00). */
export function parseTimestamp(cell: Cell): Norm<string | null> {
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return fail('bad_timestamp');
		const p = excelSerialToParts(cell);
		return ok(`${p.y}-${pad2(p.mo)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`);
	}
	if (typeof cell === 'boolean') return fail('bad_timestamp');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	const t = fold(cell as string);
	// Fast path: already canonical.
	if (t.length === 19 && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(t)) {
		const y = +t.slice(0, 4), mo = +t.slice(5, 7), d = +t.slice(8, 10);
		if (!validDate(y, mo, d)) return fail('bad_date');
		if (+t.slice(11, 13) > 23 || +t.slice(14, 16) > 59 || +t.slice(17, 19) > 59) return fail('bad_timestamp');
		return ok(t);
	}
	let y: number, mo: number, d: number, h = 0, mi = 0, s = 0;
	const warnings: Issue[] = [];
	const m = DATE_TIME.exec(t);
	if (m) {
		y = +m[1];
		mo = +m[2];
		d = +m[3];
		if (m[5] !== undefined) {
			h = +m[5];
			mi = m[6] !== undefined ? +m[6] : 0;
			s = m[7] !== undefined ? +m[7] : 0;
			const half = (m[4] ?? m[8] ?? '').toLowerCase();
			if ((half === '下午' || half === '晚上' || half === 'pm') && h < 12) h += 12;
			if ((half === '上午' || half === '凌晨' || half === 'am') && h === 12) h = 0;
		}
		if (m[9]) warnings.push({ code: 'timezone_ignored' });
	} else {
		const c = COMPACT_DATE_TIME.exec(t.replace(/\s+/g, ' '));
		if (c) {
			y = +c[1];
			mo = +c[2];
			d = +c[3];
			if (c[4] !== undefined) {
				h = +c[4];
				mi = +c[5];
				s = c[6] !== undefined ? +c[6] : 0;
			}
		} else if (/^\d+(\.\d+)?$/.test(t)) {
			return parseTimestamp(Number(t));
		} else {
			return fail('bad_timestamp');
		}
	}
	if (!validDate(y, mo, d)) return fail('bad_date');
	if (h > 23 || mi > 59 || s > 59) return fail('bad_timestamp');
	return ok(`${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`, warnings);
}

const QUARTER_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function month(y: number, mo: number): Norm<string | null> {
	if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return fail('bad_period');
	return ok(`${y}-${pad2(mo)}`);
}

function quarter(y: number, q: number): Norm<string | null> {
	if (y < 1900 || y > 2100 || q < 1 || q > 4) return fail('bad_period');
	return ok(`${y}Q${q}`);
}

/** A period: quarterly 'YYYYQn' or monthly 'YYYY-MM'. */
export function parsePeriod(cell: Cell): Norm<string | null> {
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell)) return fail('bad_period');
		if (Number.isInteger(cell) && cell >= 190001 && cell <= 210012) return month(Math.floor(cell / 100), cell % 100);
		if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
			const p = excelSerialToParts(cell);
			return month(p.y, p.mo);
		}
		return fail('bad_period');
	}
	if (typeof cell === 'boolean') return fail('bad_period');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	const t = fold(cell as string).replace(/\s+/g, '').toUpperCase();
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})-(\d{2})$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})(?:年度?)?[-/.]?Q([1-4])$/.exec(t))) return quarter(+m[1], +m[2]);
	if ((m = /^Q([1-4])[-/.]?(\d{4})$/.exec(t))) return quarter(+m[2], +m[1]);
	if ((m = /^(\d{4})(?:年度?)?第?([一二三四1-4])季度?$/.exec(t))) return quarter(+m[1], QUARTER_NUMERALS[m[2]]);
	if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})年(\d{1,2})月份?$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})(\d{2})$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*|\d{1,2}:\d{2}.*)?$/.exec(t))) {
		if (!validDate(+m[1], +m[2], +m[3])) return fail('bad_period');
		return month(+m[1], +m[2]);
	}
	if (/^\d+(\.\d+)?$/.test(t)) return parsePeriod(Number(t));
	return fail('bad_period');
}

/** Finds a period in free text, such as a title row "2024年第一季度物业服务考评汇总表". */
export function findPeriodInText(text: string): string | undefined {
	const t = fold(text).replace(/\s+/g, '').toUpperCase();
	const patterns = [
		/(\d{4})(?:年度?)?第?([一二三四1-4])季度/,
		/(\d{4})(?:年度?)?[-/.]?Q([1-4])/,
		/(\d{4})年(\d{1,2})月/,
		/(\d{4})-(\d{2})(?!\d)/
	];
	for (const p of patterns) {
		const m = p.exec(t);
		if (!m) continue;
		const r = parsePeriod(m[0]);
		if (!isError(r) && r.value) return r.value;
	}
	return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Booleans, enums, text
// ---------------------------------------------------------------------------------------------------

const TRUE_TEXTS = new Set<string>(BOOLEAN_ALIASES.true.map((a) => normalizeLabel(a)));
const FALSE_TEXTS = new Set<string>(BOOLEAN_ALIASES.false.map((a) => normalizeLabel(a)));

/** A boolean through BOOLEAN_ALIASES (是/否, 有/无, true/false, 1/0, yes/no, √/×). "无" is false here, not missing. */
export function parseBoolean(cell: Cell): Norm<boolean | null> {
	if (typeof cell === 'boolean') return ok(cell);
	if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail('bad_boolean');
	if (cell === null) return ok(null);
	const err = excelError(cell);
	if (err) return { error: err };
	const v = normalizeLabel(cell);
	if (TRUE_TEXTS.has(v)) return ok(true);
	if (FALSE_TEXTS.has(v)) return ok(false);
	if (isMissing(cell)) return ok(null);
	return fail('bad_boolean');
}

/** An enum cell through matchEnumValue (code, Chinese or English name, or an alias). */
export function parseEnum(column: ColumnMeta, cell: Cell): Norm<string | null> {
	if (cell === null || isMissing(cell)) return ok(null);
	const text = cellText(cell);
	const v = matchEnumValue(column, text);
	if (v !== undefined) return ok(v);
	const values = column.values ?? [];
	return fail('bad_enum', { allowed: values.map((e) => e.zh).join('、'), allowedEn: values.map((e) => e.value).join(', ') });
}

/** Free text, trimmed; numbers as written (an id typed as a number in Excel stays its digits). */
export function parseText(cell: Cell, options: { id?: boolean } = {}): Norm<string | null> {
	if (cell === null) return ok(null);
	if (typeof cell === 'number') return Number.isFinite(cell) ? ok(String(cell)) : ok(null);
	if (typeof cell === 'boolean') return ok(String(cell));
	const err = excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	// Ids are compared across files: full-width letters and digits are folded so 'ＬＪ０１' matches 'LJ01'.
	const t = options.id ? fold(cell) : cell.trim();
	return ok(t === '' ? null : t);
}

/** Labels of the default indicators (code, Chinese, English) and of owner satisfaction, for headers and cells. */
const INDICATOR_LABELS: ReadonlyMap<string, string> = (() => {
	const m = new Map<string, string>();
	for (const i of INDICATOR_CODES) for (const l of [i.code, i.zh, i.en]) m.set(normalizeLabel(l), i.code);
	for (const l of [SATISFACTION_INDICATOR, SATISFACTION_NAME.zh, SATISFACTION_NAME.en, '满意度', '业主满意度', '满意度调查', '满意率', 'owner satisfaction'])
		m.set(normalizeLabel(l), SATISFACTION_INDICATOR);
	// Common alternative names in assessment sheets.
	const extra: [string, string][] = [
		['管理', 'management'],
		['基础管理', 'management'],
		['房屋管理', 'upkeep'],
		['房屋维修', 'upkeep'],
		['房屋维护', 'upkeep'],
		['电梯运行', 'elevator'],
		['电梯管理', 'elevator'],
		['消防管理', 'fire'],
		['消防安全', 'fire'],
		['供水', 'water'],
		['二次供水管理', 'water'],
		['设施设备', 'facilities_other'],
		['其它设施设备', 'facilities_other'],
		['秩序', 'order'],
		['安全秩序', 'order'],
		['公共秩序', 'order'],
		['保安', 'order'],
		['清洁卫生', 'cleaning'],
		['环境卫生', 'cleaning'],
		['保洁卫生', 'cleaning'],
		['绿化养护', 'greening'],
		['园林绿化', 'greening'],
		['客服', 'customer_service'],
		['客户服务管理', 'customer_service'],
		['财务公开', 'accounts'],
		['收支公示', 'accounts'],
		['信息公开', 'accounts']
	];
	for (const [l, code] of extra) m.set(normalizeLabel(l), code);
	return m;
})();

/** Strips score decorations from a header or cell: "综合管理得分" / "保洁(15分)" → "综合管理" / "保洁". */
function indicatorKey(label: string): string {
	return normalizeLabel(label).replace(/(得分|分数|评分|分值|分)$/, '');
}

/** The indicator code a label names (综合管理 → management, 满意度 → satisfaction), or undefined. */
export function matchIndicator(label: string): string | undefined {
	return INDICATOR_LABELS.get(normalizeLabel(label)) ?? INDICATOR_LABELS.get(indicatorKey(label));
}

/** An indicator cell: a default indicator's Chinese or English name becomes its code; other text is kept. */
export function parseIndicator(cell: Cell): Norm<string | null> {
	const r = parseText(cell);
	if (isError(r) || r.value === null) return r;
	return ok(matchIndicator(r.value) ?? r.value);
}

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
		const fu = feeUnitFromText(unit);
		if (fu) hints.feeUnit = fu;
	}
	return hints;
}

// ---------------------------------------------------------------------------------------------------
// One normaliser per column
// ---------------------------------------------------------------------------------------------------

/** Columns holding identifiers that other files refer to. */
const ID_COLUMNS = new Set(['estate_id', 'ticket_id', 'catalogue_id']);
/** Columns whose values are fees or prices (元/㎡·月). */
const PRICE_COLUMNS = new Set(['fee', 'price', 'price_low', 'price_high']);

/** A column's normaliser; fee and price columns return {@link FeeValue}. */
export type CellNormaliser = (cell: Cell) => Norm<unknown>;

/**
 * The normaliser for one canonical column of a dataset, given the source header (for units written in it).
 * Results for repeated texts are cached (more of them in columns with few distinct values: codes, periods).
 */
export function columnNormaliser(dataset: DatasetId, columnName: string, header = ''): CellNormaliser {
	const column: ColumnMeta | undefined = (DATASETS[dataset].columns as readonly ColumnMeta[]).find((c) => c.name === columnName);
	if (!column) throw new Error(`unknown column ${dataset}.${columnName}`);
	const hints = headerHints(header);
	let fn: CellNormaliser;
	let cache = false;
	const market = dataset === 'market' ? marketNormaliser(column.name) : undefined;
	if (market) {
		fn = market;
		cache = column.name !== 'fee_text';
	} else if (PRICE_COLUMNS.has(column.name)) {
		fn = parseFee;
	} else if (column.name === 'collection_rate') {
		fn = (c) => parseRate(c, hints.percent);
	} else if (column.name === 'period') {
		fn = parsePeriod;
		cache = true;
	} else if (column.name === 'indicator') {
		fn = parseIndicator;
		cache = true;
	} else if (column.name === 'grade') {
		fn = parseGrade;
		cache = true;
	} else if (column.values) {
		fn = (c) => parseEnum(column, c);
		cache = true;
	} else if (column.type === 'BOOLEAN') {
		fn = parseBoolean;
		cache = true;
	} else if (column.type === 'TIMESTAMP') {
		fn = parseTimestamp;
	} else if (column.type === 'INTEGER') {
		const opts: NumberOptions = { integer: true, unit: column.unit, scale: hints.scale };
		fn = (c) => parseNumber(c, opts);
		cache = column.name === 'year' || column.name === 'build_year';
	} else if (column.type === 'DOUBLE') {
		const scale = hints.points ? 100 / hints.points : hints.scale;
		const opts: NumberOptions = { allowRange: true, unit: column.unit, scale };
		fn = (c) => parseNumber(c, opts);
	} else {
		const id = ID_COLUMNS.has(column.name);
		fn = (c) => parseText(c, { id });
		// Estate ids repeat in every long table; caching them is cheap and saves the fold.
		cache = column.name === 'estate_id' && dataset !== 'estates';
	}
	return cached(fn, cache ? 50_000 : 20_000);
}

/**
 * Caches results by cell text. Codes, periods, ids and scores repeat a lot, and a hit costs no parsing and no
 * allocation. The cache switches itself off in a column whose texts rarely repeat (areas, timestamps).
 */
function cached(fn: CellNormaliser, limit: number): CellNormaliser {
	const memo = new Map<string, Norm<unknown>>();
	let lookups = 0;
	let hits = 0;
	let on = true;
	return (cell) => {
		if (!on || typeof cell !== 'string') return fn(cell);
		const hit = memo.get(cell);
		lookups++;
		if (hit !== undefined) {
			hits++;
			return hit;
		}
		const r = fn(cell);
		if (memo.size < limit) memo.set(cell, r);
		if (lookups >= 20_000 && hits < lookups / 4) {
			on = false;
			memo.clear();
		}
		return r;
	};
}
