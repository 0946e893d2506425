/** A two-digit year written with 年 ('98年建成', 24年3月5日), as ledgers and tickets write it. docs/sources.md §18.4. */
import type { Issue } from '../types';

const SHORT_YEAR = /^\s*['‘’]?(\d{2})\s*年(?!代)/;

/**
 * The year a two-digit year before 年 stands for, the nearest year not in the future ('24年' in 2026 is 2024, '98年' is
 * 1998), the note that says so, and the text after 年; undefined when the text does not start with one.
 */
export function shortYear(text: string): { year: number; note: Issue; rest: string } | undefined {
	const m = SHORT_YEAR.exec(text);
	if (!m) return undefined;
	const yy = Number(m[1]);
	const year = yy <= new Date().getFullYear() % 100 ? 2000 + yy : 1900 + yy;
	return { year, note: { code: 'year_two_digit', params: { year, text: m[0].trim() } }, rest: text.slice(m[0].length) };
}
