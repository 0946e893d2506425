/** Numbers as people write them: full-width digits, thousands separators, unit words, ranges, grades. */
import { normalizeLabel } from '../../data/datasets';
import type { Cell, Issue } from '../types';
import { excelError, fail, fold, isMissing, ok, round, type Norm } from './core';

// ---------------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------------

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d{1,2}$|^[+-]?\d+,\d{4,}$/;
/** A number at the start of a text, then the rest (unit). */
const NUMBER_PREFIX = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?)(.*)$/s;

/** Parses number text already folded and without spaces; undefined if it is not a number. */
export function numberFromText(t: string): number | 'ambiguous' | undefined {
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

export const RANGE_SEPARATOR = /^(.+?)(?:至|到|~|-|—|–|―)(.+)$/;

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
	const factor = unit === undefined ? undefined : unitWordFactor(unit, normalizeLabel(word));
	if (factor === undefined) return { code: 'unknown_unit', params: { unit: word } };
	return factor === 1 ? n : round(n * factor);
}

/** Magnitude words written before a unit, or alone ("3.2万" of an area is 32,000 ㎡). */
const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8 };
/** Column units counted in amounts large enough to be written in 万 or 亿 (not scores, years or grades). */
const MAGNITUDE_UNITS = new Set(['㎡', '户', '人', '元/年', '元']);

/** The factor of a unit word in a column of `unit`: the table's, or a magnitude word before one of its words (or alone). */
function unitWordFactor(unit: string, word: string): number | undefined {
	const words = UNIT_WORDS[unit];
	const direct = words?.[word];
	if (direct !== undefined || !MAGNITUDE_UNITS.has(unit)) return direct;
	const magnitude = MAGNITUDES[word[0]];
	const rest = word.slice(1);
	const f = rest === '' ? 1 : words?.[rest];
	return magnitude === undefined || f === undefined ? undefined : magnitude * f;
}

function finishNumber(n: number, options: NumberOptions, warnings: Issue[]): Norm<number | null> {
	if (!Number.isFinite(n)) return fail('not_a_number');
	const v = options.scale && options.scale !== 1 ? round(n * options.scale) : n;
	if (options.integer && !Number.isInteger(v)) return fail('not_an_integer');
	return ok(v, warnings);
}


/** Chinese numerals one to ten, for grades (一级) and quarters (第一季度). */
export const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A grade: 1-5, "1级", "一级", "一星"/"1星". */
export function parseGrade(cell: Cell): Norm<number | null> {
	if (typeof cell === 'string') {
		const t = fold(cell).replace(/\s+/g, '');
		const m = /^第?([一二三四五六七八九十]|\d+)(?:级|等|星|星级)?$/.exec(t);
		if (m) return ok(CHINESE_DIGITS[m[1]] ?? Number(m[1]));
	}
	return parseNumber(cell, { integer: true, unit: '级' });
}

