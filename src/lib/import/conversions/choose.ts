/**
 * Choosing a conversion by itself, only where the evidence is clear (docs/sources.md §18):
 * - a yes/no column whose cells are whole counts, some above 1 or with a measure word (27, 0, 3台) → count > 0;
 * - a year column whose cells are dates, months or quarters (2024年1月, 2023-07-01, 45292) → their year;
 * - a period column whose cells are full dates (检查日期 2024-03-15) → their month (changeable to quarter), or their
 *   quarter when the sheet's title names that quarter (2024年第一季度考评表) and the dates lie in it;
 * - a number column whose cells carry a unit word with a factor (3.2万㎡) → that factor;
 * - a coded column → its value map.
 * Anything less clear is left to the person, who sees the samples and may choose.
 */
import type { ColumnMeta } from '../../data/datasets';
import type { Cell } from '../types';
import { isMissing } from '../values/core';
import { countedBeforeRules9, parseBoolean } from '../values/codes';
import { parseCount } from './counts';
import { dateParts, isDateLike, periodOf, YEAR_COLUMNS } from './dates';
import type { Conversion } from './types';
import { baseOfColumnUnit, detectUnit, numberAndUnit } from './units';

/** Cells looked at when choosing (the first non-empty ones). */
export const SAMPLE_CELLS = 200;
/** Share of the sampled cells that must fit a conversion for it to be chosen. */
const CLEAR = 0.9;

/** The first non-empty cells of a column. */
export function sampleCells(cells: readonly Cell[], n = SAMPLE_CELLS): Cell[] {
	const out: Cell[] = [];
	for (const c of cells) {
		if (c === null || (typeof c === 'string' && isMissing(c) && c.trim() !== '无')) continue;
		out.push(c);
		if (out.length >= n) break;
	}
	return out;
}

/** What the sheet says besides a column's cells. */
export interface SheetHints {
	/** The period a title row names (2025年第三季度… → '2025Q3'), when it names one. */
	readonly titlePeriod?: string;
	/**
	 * The file is a stored import accepted before reading rules 9: a yes/no with its count (有，2部) was no yes/no then, so it
	 * does not count towards choosing the count → yes/no conversion either.
	 */
	readonly yesNoBeforeRules9?: boolean;
}

/** The conversion a column needs, judged from its cells, or undefined when none is clearly needed. */
export function autoConversion(column: ColumnMeta, cells: readonly Cell[], hints: SheetHints = {}): Conversion | undefined {
	if (column.values) return { kind: 'value_map' };
	const sample = sampleCells(cells);
	if (sample.length === 0) return undefined;
	const share = (f: (c: Cell) => boolean) => sample.filter(f).length / sample.length;
	if (column.type === 'BOOLEAN') {
		const counts = sample.map(parseCount);
		const word = (c: Cell) => !('error' in parseBoolean(c)) && !(hints.yesNoBeforeRules9 && typeof c === 'string' && countedBeforeRules9(c));
		const countsOrWords = share((c) => parseCount(c) !== undefined || word(c));
		const evidence = counts.some((n) => n !== undefined && n > 1) || sample.some((c) => typeof c === 'string' && /\d\s*[台部个座套]/.test(c));
		return countsOrWords >= CLEAR && evidence ? { kind: 'count_to_bool' } : undefined;
	}
	if (YEAR_COLUMNS.has(column.name)) {
		// Dates, months and plain years mixed ('2003年6月', '1998-09', '1985年'): the finer ones are the evidence.
		// A year with an event word ('1992年建成', '2009年竣工') is evidence too: the column's number reader does not know those words.
		const yearText = (c: Cell) => typeof c === 'string' && dateParts(c) !== undefined && !/^\s*\d{4}\s*(年度?)?\s*$/.test(c);
		return share((c) => dateParts(c) !== undefined) >= CLEAR && sample.some((c) => isDateLike(c) || yearText(c)) ? { kind: 'date_to_year' } : undefined;
	}
	if (column.name === 'period') {
		const dates = sample.map((c) => dateParts(c));
		const shareOf = (f: (p: ReturnType<typeof dateParts>) => boolean) => dates.filter(f).length / dates.length;
		if (shareOf((p) => p?.d !== undefined) < CLEAR) return undefined;
		// A sheet titled by a quarter lists the day each estate was inspected in that quarter: the score is the
		// quarter's, and months would split one assessment into three periods. (A month's title never equals a
		// date's quarter, so it keeps months.)
		const title = hints.titlePeriod;
		if (title !== undefined && shareOf((p) => p !== undefined && periodOf(p, 'quarter') === title) >= CLEAR) return { kind: 'date_to_period', grain: 'quarter' };
		return { kind: 'date_to_period', grain: 'month' };
	}
	if (column.type === 'DOUBLE' || column.type === 'INTEGER') {
		const base = baseOfColumnUnit(column.unit, column.name);
		if (!base || base === '%') return undefined;
		if (share((c) => numberAndUnit(c) !== undefined) < CLEAR) return undefined;
		return detectUnit(sample, base);
	}
	return undefined;
}
