/**
 * A two-digit year written with 年 ('98年建成', 24年3月5日, 九八年, 〇五年), as ledgers and tickets write it. docs/sources.md
 * §18.4.
 */
import { digitsOneByOne } from '../../domain/chinese-numbers';
import type { Issue } from '../types';

const SHORT_YEAR = /^\s*['‘’]?(\d{2}|[〇○零一二三四五六七八九]{2})\s*年(?!代)/;

/** A text starting with a two-digit year in Chinese digits before 年 (二五年第三季度, 九八年建成). */
export const CHINESE_SHORT_YEAR = /^\s*[〇○零一二三四五六七八九]{2}\s*年/;

/** The text with a leading two-digit year in Chinese digits before 年 written in digits: 二五年第三季度 → 25年第三季度. */
export function shortYearInDigits(text: string): string {
	const m = CHINESE_SHORT_YEAR.exec(text);
	return m ? String(twoDigits(m[0].trim().slice(0, 2))).padStart(2, '0') + text.slice(m[0].length - 1) : text;
}

/** 98 from '98' or 九八. */
const twoDigits = (s: string): number => (/^\d{2}$/.test(s) ? Number(s) : digitsOneByOne(s)!);

/**
 * The year a two-digit year before 年 stands for, the nearest year not in the future ('24年' in 2026 is 2024, '98年' and
 * 九八年 are 1998), the note that says so, and the text after 年; undefined when the text does not start with one.
 */
export function shortYear(text: string): { year: number; note: Issue; rest: string } | undefined {
	const m = SHORT_YEAR.exec(text);
	if (!m) return undefined;
	const yy = twoDigits(m[1]);
	const year = yy <= new Date().getFullYear() % 100 ? 2000 + yy : 1900 + yy;
	return { year, note: { code: 'year_two_digit', params: { year, text: m[0].trim() } }, rest: text.slice(m[0].length) };
}
