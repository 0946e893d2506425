/** Dates, times and periods. */
import type { Cell, Issue } from '../types';
import { dateNumeralsToDigits } from '../../domain/chinese-numbers';
import { timeWordsAsRead } from './time-words';
import { excelError, fail, fold, isError, isMissing, ok, type Norm } from './core';
import { shortYear, shortYearInDigits } from './short-year';

// ---------------------------------------------------------------------------------------------------
// Dates, times and periods
// ---------------------------------------------------------------------------------------------------

export const pad2 = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;
/** Excel's day 0 (serials after 1900-02-28 count from 1899-12-30, absorbing Lotus's 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
	return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

export function validDate(y: number, mo: number, d: number): boolean {
	return y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Date and time parts of an Excel serial date (1900 date system), to the nearest second. */
export function excelSerialToParts(serial: number): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
	const ms = EXCEL_EPOCH + Math.round(serial * 86400) * 1000;
	const dt = new Date(ms);
	return { y: dt.getUTCFullYear(), mo: dt.getUTCMonth() + 1, d: dt.getUTCDate(), h: dt.getUTCHours(), mi: dt.getUTCMinutes(), s: dt.getUTCSeconds() };
}

/** Serial numbers treated as Excel dates: 1950-01-01 to 2100-12-31. */
export const SERIAL_MIN = 18264;
export const SERIAL_MAX = 73415;

const DATE_TIME =
	/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]*(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})(?:[:时点](\d{1,2})?(?:[:分](\d{1,2})(?:\.\d+)?秒?)?分?)?\s*(am|pm)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT_DATE_TIME = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;

/** A date written day and month first, with a four-digit year last: 3/15/2026, 15.03.2026, 5/3/2026 14:30. */
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(.*)$/;
/** A month and day without a year (7月7日 10:00, 7/7 10:00): which year is not for the import to guess. */
const NO_YEAR = /^(\d{1,2})(?:月(\d{1,2})[日号]?|[-/.](\d{1,2}))(?:\s|[T上下午晚凌]|$)/;
/** A month without its day: 2024-05, 2024/5, 2024.5, 2024年5月. */
const MONTH_ONLY = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月份?)$/;

/** Options of {@link parseTimestamp}. */
export interface TimestampOptions {
	/**
	 * A month without its day is the first of that month, with a note (an assessment date, where the month is what
	 * matters). Not for tickets: their times are measured against each other.
	 */
	readonly dayOptional?: boolean;
}

/**
 * A date-time as 'YYYY-MM-DD HH:MM:SS' (date only → 00:00:00). Day-first and month-first dates with the year last
 * are read when only one order gives a real date (15/3/2026 is 15 March, 3/15/2026 is 15 March); when both do
 * (3/5/2026), the cell is an error that names both readings, never a guess.
 */
export function parseTimestamp(cell: Cell, options: TimestampOptions = {}): Norm<string | null> {
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell) || cell < SERIAL_MIN || cell > SERIAL_MAX) return fail('bad_timestamp');
		const p = excelSerialToParts(cell);
		return ok(`${p.y}-${pad2(p.mo)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`);
	}
	const err = typeof cell === 'boolean' ? { code: 'bad_timestamp' } : cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	const written = dateNumeralsToDigits(fold(cell as string)).replace(/(\d)号/, '$1日');
	// Fast path: already canonical (tickets' millions of cells); time-of-day words are looked for after it.
	if (written.length === 19 && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(written)) {
		const y = +written.slice(0, 4), mo = +written.slice(5, 7), d = +written.slice(8, 10);
		if (!validDate(y, mo, d)) return fail('bad_date');
		if (+written.slice(11, 13) > 23 || +written.slice(14, 16) > 59 || +written.slice(17, 19) > 59) return fail('bad_timestamp');
		return ok(written);
	}
	const folded = timeWordsAsRead(written);
	if (typeof folded !== 'string') return { error: folded };
	// 24年3月5日: the year as a year column reads '24年' (reading rules 8), said.
	const short = shortYear(folded);
	if (short) return withNote(parseTimestamp(`${short.year}年${short.rest}`, options), short.note);
	const weekday = takeWeekday(folded);
	const t = weekday.text;
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
			return monthOnly(t, options) ?? parseTimestamp(Number(t));
		} else {
			return onWeekday(yearLast(t, options, weekday.day) ?? monthNamed(t, options) ?? monthOnly(t, options) ?? (NO_YEAR.test(t) ? fail('timestamp_no_year') : fail('bad_timestamp')), weekday);
		}
	}
	if (!validDate(y, mo, d)) return fail('bad_date');
	if (h > 23 || mi > 59 || s > 59) return fail('bad_timestamp');
	return onWeekday(ok(`${y}-${pad2(mo)}-${pad2(d)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}`, warnings), weekday);
}

/** A reading with one more note, unless it is an error or empty. */
const withNote = (r: Norm<string | null>, note: Issue): Norm<string | null> => (isError(r) || r.value === null ? r : ok(r.value, [...(r.warnings ?? []), note]));

/**
 * A date read with a weekday written beside it, or the error that the weekday does not fall on it: one of the two
 * was mistyped, and which one is the person's to say.
 */
function onWeekday(r: Norm<string | null>, weekday: { day?: number; word?: string }): Norm<string | null> {
	if (weekday.day === undefined || isError(r) || r.value === null) return r;
	const [y, mo, d] = r.value.slice(0, 10).split('-').map(Number);
	const actual = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
	if (actual === weekday.day) return r;
	return fail('weekday_mismatch', { written: weekday.word!, date: r.value.slice(0, 10), actual: WEEKDAY_ZH[actual], actualEn: WEEKDAY_NAMES_EN[actual] });
}

/** 日 … 六 by JavaScript's day number (0 = Sunday). */
const WEEKDAY_ZH = ['日', '一', '二', '三', '四', '五', '六'];
/** A weekday written beside a date: 星期二, 周二, 礼拜二, (周二), Tue, Tuesday. */
const WEEKDAY =
	/\s*[(（\[【]?\s*(?:(?:星期|周|礼拜)([一二三四五六日天七])|\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?)\s*[)）\]】]?\s*,?/i;
/** A cheap test first: most date cells name no weekday, and the full pattern is tried at every position. */
const MAY_NAME_WEEKDAY = /[周期拜]|[a-z]{3}/i;
const WEEKDAY_EN = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_NAMES_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * The text without a weekday written beside the date (ledgers often add one: 2024年3月5日（周二）), and which day it
 * named, for the check that it falls on the date. A text that is only a weekday is left as it is.
 */
function takeWeekday(t: string): { text: string; day?: number; word?: string } {
	const m = MAY_NAME_WEEKDAY.test(t) ? WEEKDAY.exec(t) : null;
	if (!m || !/\d/.test(t.slice(0, m.index) + t.slice(m.index + m[0].length))) return { text: t };
	const day = m[1] !== undefined ? (m[1] === '天' || m[1] === '七' ? 0 : WEEKDAY_ZH.indexOf(m[1])) : WEEKDAY_EN.indexOf(m[2].toLowerCase());
	// A weekday before the date ("Tue, Mar 5, 2024") or between the date and the time: the two parts join with a space.
	const text = (t.slice(0, m.index) + ' ' + t.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
	return { text, day, word: m[0].trim().replace(/,$/, '') };
}

/**
 * Words a ticket's closing time is written as while it is still open (未办结, 处理中…), read as no closing time:
 * the dataset's empty closed_at (docs/sources.md §18.4).
 */
const STILL_OPEN = new Set(
	['未办结', '未结案', '未结', '未完结', '未完成', '未关闭', '未处理', '未解决', '未销号', '未处置', '处理中', '办理中', '处置中', '维修中', '在办', '待办', '待办结', '待处理', '待处置', '待结案', '跟进中', '进行中', '挂起', 'open', 'pending', 'in progress', 'inprogress', 'ongoing'].map((w) => w.toLowerCase())
);

/** A ticket's closing time: a time as {@link parseTimestamp} reads it, or a word for "still open", which is none (noted). */
export function parseClosingTime(cell: Cell): Norm<string | null> {
	if (typeof cell === 'string' && cell.length <= 12) {
		const word = fold(cell).trim().toLowerCase();
		if (STILL_OPEN.has(word)) return ok(null, [{ code: 'ticket_still_open' }]);
	}
	return parseTimestamp(cell);
}

/** A closing-time normaliser as an import stored before reading rules 6 read it: a still-open word is an error. */
export function stillOpenBeforeRules6<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		const r = norm(cell);
		return !isError(r) && r.warnings?.some((w) => w.code === 'ticket_still_open') ? fail('bad_timestamp') : r;
	};
}

/** A date-time normaliser as an import stored before reading rules 7 read it: a weekday beside the date is an error. */
export function weekdaysBeforeRules7<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => (typeof cell === 'string' && takeWeekday(fold(cell)).day !== undefined ? fail('bad_timestamp') : norm(cell));
}

/** A date with the year last, when its order of day and month is certain; undefined when it is not such a date. */
function yearLast(t: string, options: TimestampOptions, weekday?: number): Norm<string | null> | undefined {
	const m = YEAR_LAST.exec(t);
	if (!m) return undefined;
	const a = +m[1];
	const b = +m[2];
	const y = +m[3];
	let dayFirst = validDate(y, b, a);
	let monthFirst = validDate(y, a, b);
	// A weekday written beside 3/5/2024 settles the order when it falls on one reading only.
	if (dayFirst && monthFirst && a !== b && weekday !== undefined) {
		const onDay = (mo: number, d: number) => new Date(Date.UTC(y, mo - 1, d)).getUTCDay() === weekday;
		if (onDay(b, a) !== onDay(a, b)) [dayFirst, monthFirst] = [onDay(b, a), onDay(a, b)];
	}
	if (dayFirst && monthFirst && a !== b) {
		return fail('date_order_unclear', { text: t, dayFirst: `${y}-${pad2(b)}-${pad2(a)}`, monthFirst: `${y}-${pad2(a)}-${pad2(b)}` });
	}
	if (!dayFirst && !monthFirst) return fail('bad_date');
	const [mo, d] = monthFirst ? [a, b] : [b, a];
	return parseTimestamp(`${y}-${pad2(mo)}-${pad2(d)}${m[4]}`, options);
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month (1-12) an English name stands for: the name or a start of it of 3 letters or more (Mar, March), or 'Sept'; not 'Maybe'. */
function monthOfName(name: string): number | undefined {
	const n = name.toLowerCase();
	if (n.length < 3) return undefined;
	const i = MONTH_NAMES.findIndex((full) => full.startsWith(n) || (n === 'sept' && full === 'september'));
	return i < 0 ? undefined : i + 1;
}
/** English month names as English-language systems export them: Mar 5, 2026; 5-Mar-2026; 5 March 2026 14:30. */
const NAMED_MONTH_FIRST = /^([a-z]{3,9})\.?\s*(\d{1,2}),?\s+(\d{4})(.*)$/i;
const NAMED_DAY_FIRST = /^(\d{1,2})[-\s]([a-z]{3,9})\.?[-\s,]+(\d{4})(.*)$/i;

/** A date with its month named in English, or undefined when it is not one. */
function monthNamed(t: string, options: TimestampOptions): Norm<string | null> | undefined {
	const a = NAMED_MONTH_FIRST.exec(t);
	const b = a ? null : NAMED_DAY_FIRST.exec(t);
	const [name, day, year, rest] = a ? [a[1], a[2], a[3], a[4]] : b ? [b[2], b[1], b[3], b[4]] : [];
	if (name === undefined) return undefined;
	const mo = monthOfName(name);
	if (mo === undefined) return undefined;
	return parseTimestamp(`${year}-${pad2(mo)}-${pad2(+day!)}${rest}`, options);
}

/** A month without a day, as the first of the month with a note, where the column allows it. */
function monthOnly(t: string, options: TimestampOptions): Norm<string | null> | undefined {
	if (!options.dayOptional) return undefined;
	const m = MONTH_ONLY.exec(t.replace(/\s+/g, '').replace(/(\d)月(初|底|末|中)$/, '$1月'));
	if (!m) return undefined;
	const y = +m[1];
	const mo = +(m[2] ?? m[3]);
	if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return fail('bad_date');
	const date = `${y}-${pad2(mo)}-01`;
	return ok(`${date} 00:00:00`, [{ code: 'day_assumed', params: { date } }]);
}

const QUARTER_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4, I: 1, II: 2, III: 3, IV: 4 };

function month(y: number, mo: number): Norm<string | null> {
	if (y < 1900 || y > 2100 || mo < 1 || mo > 12) return fail('bad_period');
	return ok(`${y}-${pad2(mo)}`);
}

function quarter(y: number, q: number): Norm<string | null> {
	if (y < 1900 || y > 2100 || q < 1 || q > 4) return fail('bad_period');
	return ok(`${y}Q${q}`);
}

/**
 * A span of months as offices write a quarter (2025年7-9月, 2025年7月至9月, 2025.07-2025.09): a calendar quarter, or
 * one month when both ends are the same; any other span is no period of ours. Written with 年 or 月, or with the year
 * at both ends, so that a date (2025-07-09) is never taken for one. Undefined when `t` is not such a span.
 */
function monthSpan(t: string): Norm<string | null> | undefined {
	const m = /^(\d{4})(年|[-/.])(\d{1,2})(月?)(?:-|~|至|到|—|–)(?:(\d{4})(?:年|[-/.]))?(\d{1,2})(月?)份?$/.exec(t);
	if (!m || !(m[2] === '年' || m[4] || m[7] || m[5])) return undefined;
	const y = +m[1];
	const [from, to] = [+m[3], +m[6]];
	if (m[5] !== undefined && +m[5] !== y) return fail('bad_period');
	return monthsPeriod(t, y, from, to);
}

/** Months `from` to `to` of year `y`: one month, a calendar quarter, or refused (a half or whole year with its reason). */
function monthsPeriod(value: string, y: number, from: number, to: number): Norm<string | null> {
	if (from === to) return month(y, from);
	if (from % 3 === 1 && to === from + 2) return quarter(y, (from + 2) / 3);
	if (from === 1 && to === 12) return wholeYear(value, y);
	if (from % 6 === 1 && to === from + 5) return halfYear(value, y, (from + 5) / 6);
	return fail('bad_period');
}

/**
 * A half year (2026年上半年, 2026H1, H2 2026, 2026年1-6月) is no period of ours, which are quarters and months: refused
 * with the quarters to write instead (docs/sources.md §18).
 */
function halfYear(value: string, y: number, half: number): Norm<string | null> {
	if (y < 1900 || y > 2100) return fail('bad_period');
	return fail('period_half_year', { value, quarters: half === 1 ? `${y}Q1、${y}Q2` : `${y}Q3、${y}Q4` });
}

/** A whole year (2026, 2026年度, 2026年1-12月) as a period: refused, as a half year is, with its quarters. */
function wholeYear(value: string, y: number): Norm<string | null> {
	if (y < 1900 || y > 2100) return fail('bad_period');
	return fail('period_whole_year', { value, quarters: `${y}Q1 — ${y}Q4` });
}

const HALF_WORDS = /^(\d{4})(?:年度?)?([上下])半年度?$/;
const YEAR_HALF = /^(\d{4})(?:年度?)?[-/.]?H([12])$/;
const HALF_YEAR = /^H([12])[-/.]?(\d{4})$/;
const YEAR_NH = /^(\d{4})[-/.]?([12])H$/;
const NH_YEAR = /^([12])H[-/.]?(\d{4})$/;
const YEAR_ONLY = /^(\d{4})(?:年度?)?(?:全年)?$/;

/** A half or a whole year written in one of the forms above ({@link halfYear}, {@link wholeYear}), else undefined. */
function longPeriod(t: string, value: string): Norm<string | null> | undefined {
	let m: RegExpExecArray | null;
	if ((m = HALF_WORDS.exec(t))) return halfYear(value, +m[1], m[2] === '上' ? 1 : 2);
	if ((m = YEAR_HALF.exec(t)) || (m = YEAR_NH.exec(t))) return halfYear(value, +m[1], +m[2]);
	if ((m = HALF_YEAR.exec(t)) || (m = NH_YEAR.exec(t))) return halfYear(value, +m[2], +m[1]);
	if ((m = YEAR_ONLY.exec(t))) return wholeYear(value, +m[1]);
	return undefined;
}

/**
 * A month written 2024.3 or 2024.03 that Excel stored as a number (the text '2024.10' becomes the number 2024.1).
 * Hundredths 1-9 and 11-12 are that month, tenths 2-9 the month of that digit, both read with a warning; 2024.1 is
 * January or October and is refused with the reason.
 */
function decimalMonth(cell: number): Norm<string | null> {
	const d = decimalYearMonth(cell);
	if (!d) return fail('bad_period');
	const text = String(cell);
	if (d.mo === null) return fail('period_decimal_ambiguous', { value: text, y: String(d.y) });
	const r = month(d.y, d.mo);
	return isError(r) ? r : ok(r.value, [{ code: 'period_from_number', params: { value: text, period: r.value ?? '' } }]);
}

/**
 * The year and month of yyyy.mm typed into a spreadsheet, which keeps it as a number (2024.03; 2024.3 is March), the
 * month null for 2024.1 (January or October, its 0 dropped) and not checked to be 1-12. Undefined for any other number.
 */
export function decimalYearMonth(cell: number): { y: number; mo: number | null } | undefined {
	const y = Math.floor(cell);
	const hundredths = Math.round((cell - y) * 100);
	if (y < 1900 || y > 2100 || hundredths === 0 || Math.abs((cell - y) * 100 - hundredths) > 1e-6) return undefined;
	if (hundredths === 10) return { y, mo: null };
	return { y, mo: hundredths >= 20 && hundredths % 10 === 0 ? hundredths / 10 : hundredths };
}

/** A period: quarterly 'YYYYQn' or monthly 'YYYY-MM'. */
export function parsePeriod(cell: Cell): Norm<string | null> {
	if (typeof cell === 'number') {
		if (!Number.isFinite(cell)) return fail('bad_period');
		if (Number.isInteger(cell) && cell >= 190001 && cell <= 210012) return month(Math.floor(cell / 100), cell % 100);
		if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) return wholeYear(String(cell), cell);
		if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
			const p = excelSerialToParts(cell);
			return month(p.y, p.mo);
		}
		return decimalMonth(cell);
	}
	if (typeof cell === 'boolean') return fail('bad_period');
	const err = cell === null ? undefined : excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	// A two-digit year before Q, 年 or 季度 is this century ('24Q1', '24年3月', 二五年: rules 14), as the conversions read it (§18).
	const t = dateNumeralsToDigits(shortYearInDigits(fold(cell as string).replace(/\s+/g, '').toUpperCase())).replace(/^(\d{2})(?=Q|年|-?Q)/, '20$1');
	let m: RegExpExecArray | null;
	if ((m = /^(\d{4})-(\d{2})$/.exec(t))) return month(+m[1], +m[2]);
	const span = monthSpan(t);
	if (span) return span;
	if ((m = /^(\d{4})(?:年度?)?[-/.]?Q([1-4])(?:季度?)?$/.exec(t))) return quarter(+m[1], +m[2]);
	if ((m = /^Q([1-4])[-/.]?(\d{4})$/.exec(t))) return quarter(+m[2], +m[1]);
	// The quarter's number before its Q, as some ledgers write it: 2026-1Q, 1Q2026, 1Q-26 (reading rules 4).
	if ((m = YEAR_NQ.exec(t))) return quarter(+m[1], +m[2]);
	if ((m = NQ_YEAR.exec(t))) return quarter(yearOf(m[2]), +m[1]);
	// An English month name with its year (Mar 2026, March-2026, Mar-26 as Excel's mmm-yy shows it; reading rules 4).
	if ((m = NAME_YEAR.exec(t)) && monthOfName(m[1])) return month(yearOf(m[2]), monthOfName(m[1])!);
	if ((m = YEAR_NAME.exec(t)) && monthOfName(m[2])) return month(+m[1], monthOfName(m[2])!);
	if ((m = /^(\d{4})(?:年度?)?第?([一二三四1-4]|IV|I{1,3})季度?$/.exec(t))) return quarter(+m[1], QUARTER_NUMERALS[m[2]]);
	if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})年(\d{1,2})月份?$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})(\d{2})$/.exec(t))) return month(+m[1], +m[2]);
	if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s].*|\d{1,2}:\d{2}.*)?$/.exec(t))) {
		if (!validDate(+m[1], +m[2], +m[3])) return fail('bad_period');
		return month(+m[1], +m[2]);
	}
	if (/^\d+(\.\d+)?$/.test(t)) return parsePeriod(Number(t));
	return longPeriod(t, String(cell).trim()) ?? fail('bad_period');
}

/** A year written with four digits, or two (this century: 26 → 2026, as the two-digit quarters above read it). */
function yearOf(digits: string): number {
	return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}

const YEAR_NQ = /^(\d{4})(?:年度?)?[-/.]?([1-4])Q$/;
const NQ_YEAR = /^([1-4])Q[-/.]?(\d{4}|\d{2})$/;
const NAME_YEAR = /^([A-Z]{3,9})\.?[-/.,]?(\d{4}|\d{2})$/;
const YEAR_NAME = /^(\d{4})[-/.]?([A-Z]{3,9})\.?$/;

/**
 * Whether a cell is a period only in the forms read since reading rules 4 (2026-1Q, 1Q26, Mar 2026): an import
 * stored under older rules had such a cell as an error, and replays it as one ({@link beforeRules4}).
 */
function periodFormOfRules4(cell: Cell): boolean {
	if (typeof cell !== 'string') return false;
	const t = dateNumeralsToDigits(fold(cell).replace(/\s+/g, '').toUpperCase());
	return YEAR_NQ.test(t) || NQ_YEAR.test(t) || [NAME_YEAR, YEAR_NAME].some((re) => re.exec(t)?.slice(1).some((g) => monthOfName(g) !== undefined));
}

/** A period normaliser as an import stored before reading rules 4 was read: the forms added since are errors. */
export function beforeRules4<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => (periodFormOfRules4(cell) ? fail('bad_period') : norm(cell));
}

/**
 * The first year title rows name ("2024年…", "２０２５年度台账"), or undefined. A title naming two years
 * ("2024-2025年度收费标准") names no one fee year: undefined, so the year is asked, unless `spans: false` (reading
 * rules before 5, for replays), which took the first year written before 年.
 */
export function findYearInTitle(lines: readonly string[], options: { spans?: boolean } = {}): number | undefined {
	for (const line of lines) {
		const text = line.normalize('NFKC');
		const span = options.spans === false ? null : YEARS_IN_TEXT.exec(text);
		if (span && span[1] !== span[2]) return undefined;
		const m = /((?:19|20)\d{2})\s*年/.exec(text);
		if (m) return Number(m[1]);
	}
	return undefined;
}

/** The two years of the title row {@link findYearInTitle} stops at for naming two ("2024-2025年度…"), or undefined. */
export function findYearSpanInTitle(lines: readonly string[]): { from: number; to: number; title: string } | undefined {
	for (const line of lines) {
		const text = line.normalize('NFKC');
		const span = YEARS_IN_TEXT.exec(text);
		if (span && span[1] !== span[2]) return { from: Number(span[1]), to: Number(span[2]), title: line.trim() };
		if (/((?:19|20)\d{2})\s*年/.test(text)) return undefined;
	}
	return undefined;
}

/** The period the first title row naming one gives ({@link findPeriodInText}, with its options), or undefined. */
export function findPeriodInTitle(lines: readonly string[], options: { spans?: boolean } = {}): string | undefined {
	for (const line of lines) {
		const p = findPeriodInText(line, options);
		if (p) return p;
	}
	return undefined;
}

/** Two years joined as a span: 2024-2025年, 2024年至2025年度, 2024/2025年度, 2024～2025年. */
const YEARS_IN_TEXT = /((?:19|20)\d{2})\s*(?:年度?)?\s*(?:-|—|–|~|～|至|到|\/)\s*((?:19|20)\d{2})\s*年/;

/** A span of months inside a text (monthSpan's form, unanchored). */
const SPAN_IN_TEXT = /(\d{4})(年|[-/.])(\d{1,2})(月?)(?:-|~|至|到|—|–)(?:(\d{4})(?:年|[-/.]))?(\d{1,2})(月?)/;
/** A span of dates inside a text: 2025-07-01至2025-09-30, 2025年7月1日-9月30日. */
const DATES_IN_TEXT = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:-|~|至|到|—|–)(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?/;
/** A half year named in words or with H. */
const HALF_IN_TEXT = /\d{4}(?:年度?)?[上下]半年|\d{4}[-/.]?H[12](?![0-9])|(?<![0-9])H[12][-/.]?\d{4}/;

/**
 * The period a span of dates covers when its ends are whole months of one year (the first day of the first month to
 * the last of the last): a month or a quarter; undefined for any other span, which names no period of ours.
 */
function datesPeriod(m: RegExpExecArray): string | undefined {
	const y = +m[1];
	if (m[4] !== undefined && +m[4] !== y) return undefined;
	const [from, fromDay, to, toDay] = [+m[2], +m[3], +m[5], +m[6]];
	if (!validDate(y, from, fromDay) || !validDate(y, to, toDay) || to < from) return undefined;
	if (from !== to && (fromDay !== 1 || toDay !== new Date(Date.UTC(y, to, 0)).getUTCDate())) return undefined;
	const r = monthsPeriod('', y, from, to);
	return isError(r) ? undefined : (r.value ?? undefined);
}

/**
 * Finds a period in free text, such as a title row "2024年第一季度物业服务考评汇总表". `spans: false` reads it as before
 * reading rules 5, when a span's first month was taken (2025年7月至9月 as July) and a half year's first month too.
 */
export function findPeriodInText(text: string, options: { spans?: boolean } = {}): string | undefined {
	const t = fold(text).replace(/\s+/g, '').toUpperCase();
	if (options.spans !== false) {
		// Spans first: 2025年7月至9月 and 2025-07-01至2025-09-30 are the third quarter, not July; a half year is no period.
		const dates = DATES_IN_TEXT.exec(t);
		if (dates) return datesPeriod(dates);
		const span = SPAN_IN_TEXT.exec(t);
		const spanned = span ? monthSpan(span[0]) : undefined;
		if (spanned) return isError(spanned) ? undefined : (spanned.value ?? undefined);
		if (HALF_IN_TEXT.test(t)) return undefined;
	}
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

