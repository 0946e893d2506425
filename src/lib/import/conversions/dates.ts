/**
 * Dates as people write them, read to their parts so a conversion can take the year or the period:
 * 2024-01-05, 2024/1/5, 2024.01.05, 2024年1月5日, 2024年1月, 24年3月, 2024-01, 2024.01, 202401, 20240105,
 * 2024-07-01 00:00:00, Excel serial numbers (45292), 2024年第一季度, 2024年1季度, 2024Q1, Q1 2024, 2024年 / 2024年度.
 * docs/sources.md §18.
 */
import type { Cell } from '../types';
import { dateNumeralsToDigits } from '../../domain/chinese-numbers';
import { fold, isMissing } from '../values/core';
import { excelSerialToParts, SERIAL_MAX, SERIAL_MIN, validDate } from '../values/dates';

/** What a date-like cell says: always a year; a month, a day or a quarter when written. */
export interface DateParts {
	readonly y: number;
	readonly m?: number;
	readonly d?: number;
	readonly q?: number;
}

const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Two-digit years ("24年3月") are this century: the files are current ledgers, not archives. */
function fullYear(y: string): number {
	return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function ym(y: number, m: number, d?: number): DateParts | undefined {
	if (y < 1900 || y > 2100 || m < 1 || m > 12) return undefined;
	if (d !== undefined && !validDate(y, m, d)) return undefined;
	return d === undefined ? { y, m } : { y, m, d };
}

/** Events a year dates and points in it (建成, 竣工, 末…): since reading rules 11 several together (1998年竣工交付). */
export const YEAR_EVENT_WORDS = '建成|竣工|落成|建造|交付|交房|入住|投用|启用|安装|建|末|底|初|起|起执行|起实施|起施行|开始执行|开始|执行|实施|施行|生效|以来';
const YEAR_WORDS_AFTER = new RegExp(`(?:${YEAR_EVENT_WORDS})+$`);

/** The date parts of a cell, or undefined when it is not a date, a month, a quarter or a year. */
export function dateParts(cell: Cell): DateParts | undefined {
	if (cell === null || typeof cell === 'boolean') return undefined;
	if (typeof cell === 'number') return numberParts(cell);
	if (isMissing(cell)) return undefined;
	// A year with the event it dates ('1992年建成', '2009年竣工', '2008年交付', '1998年竣工交付') or the point in it ('2025年末'), or a
	// date from which something runs ('2021年7月1日起', '2020-01-01起执行'): the word says nothing more. Chinese
	// numerals (二〇一五年) are written in digits first.
	const t = dateNumeralsToDigits(fold(cell).replace(/\s+/g, ' ').trim().toUpperCase())
		.replace(YEAR_WORDS_AFTER, '')
		.trim()
		.replace(/(\d)号$/, '$1日');
	let m: RegExpExecArray | null;
	// Full dates, with an optional time after them.
	if ((m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T ].*|\d{1,2}:\d{2}.*)?$/.exec(t))) return ym(+m[1], +m[2], +m[3]);
	if ((m = /^(\d{2})年(\d{1,2})月(?:(\d{1,2})日)?$/.exec(t))) return ym(fullYear(m[1]), +m[2], m[3] ? +m[3] : undefined);
	if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) return ym(+m[1], +m[2], +m[3]);
	// Quarters.
	if ((m = /^(\d{2}|\d{4})(?:年度?)?[-/. ]?Q([1-4])$/.exec(t))) return { y: fullYear(m[1]), q: +m[2] };
	if ((m = /^Q([1-4])[-/. ]?(\d{4})$/.exec(t))) return { y: +m[2], q: +m[1] };
	if ((m = /^(\d{2}|\d{4})(?:年度?)?第?([一二三四1-4])季度?$/.exec(t))) return { y: fullYear(m[1]), q: QUARTERS[m[2]] };
	// Months.
	if ((m = /^(\d{4})年(\d{1,2})月份?$/.exec(t))) return ym(+m[1], +m[2]);
	if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(t))) return ym(+m[1], +m[2]);
	if ((m = /^(\d{4})(\d{2})$/.exec(t))) return ym(+m[1], +m[2]);
	// A year alone.
	if ((m = /^(\d{4})(?:年度?|年)?$/.exec(t))) return numberParts(+m[1]);
	if (/^\d+(\.\d+)?$/.test(t)) return numberParts(Number(t));
	return undefined;
}

/** A number as a year (1900-2100), a yyyymm month, or an Excel serial date (1950-2100). */
function numberParts(n: number): DateParts | undefined {
	if (!Number.isFinite(n)) return undefined;
	if (Number.isInteger(n) && n >= 1900 && n <= 2100) return { y: n };
	if (Number.isInteger(n) && n >= 190001 && n <= 210012) return ym(Math.floor(n / 100), n % 100);
	if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
		const p = excelSerialToParts(n);
		return { y: p.y, m: p.mo, d: p.d };
	}
	return undefined;
}

/** Columns that hold a calendar year (not a length of years such as life_years). */
export const YEAR_COLUMNS: ReadonlySet<string> = new Set(['year', 'build_year', 'installed_year', 'year_built']);

/** Whether a cell is a date finer than a year (a month, a day or a quarter): the evidence for a conversion. */
export function isDateLike(cell: Cell): boolean {
	const p = dateParts(cell);
	return p !== undefined && (p.m !== undefined || p.q !== undefined);
}

/** The period of a date at a grain: 2024-05-17 → '2024Q2' or '2024-05'; a quarter cannot give a month. */
export function periodOf(p: DateParts, grain: 'quarter' | 'month'): string | undefined {
	if (grain === 'quarter') {
		const q = p.q ?? (p.m !== undefined ? Math.ceil(p.m / 3) : undefined);
		return q === undefined ? undefined : `${p.y}Q${q}`;
	}
	return p.m === undefined ? undefined : `${p.y}-${String(p.m).padStart(2, '0')}`;
}
