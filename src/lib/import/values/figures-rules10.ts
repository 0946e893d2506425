/**
 * What reading rules 10 taught the readers of figures (docs/sources.md §18.4), for replaying an import stored before
 * them: 千 and 百 after digits (1.2千户, 5百户), digits with units between them (3万2千, 1万零500, 3万2), a last
 * Chinese digit right after 百, 千, 万 or 亿 counted in the next unit down (一千二 is 1,200; it was 1,002), a digit
 * said after 元 or 角 without its coin (一块二 is 1.2 元), a remark after a comma, a comparison before a figure, the
 * middle dot as keyboards type it, a unit in brackets, and 待查 (all errors then).
 */
import type { Cell } from '../types';
import { fail, fold, isError, type Norm } from './core';
import { readAsThen, UNKNOWN_CHAR } from './read-as-then';
import { FIGURE_NOT_KNOWN, REMARK_AFTER_COMMA } from './numbers';

/** 万 or 亿 between digits (3万2千, 1万零500): the figure was not a number then. */
const UNIT_BETWEEN_DIGITS = /(\d)([万亿])(?=零?\d)/g;
/** 千 or 百 after digits (1.2千户, 3万2千), except 千米, which was read as a length then. */
const SMALL_MAGNITUDE = /(\d)([千百])(?!米)/g;
/** A Chinese digit right after 百, 千, 万 or 亿 (also as the financial capitals write them), ending the numeral. */
const LAST_DIGIT_AFTER_UNIT = /([百千万亿佰仟萬億])([一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖])(?![零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億])/g;

/** A digit said after 元, 块, 角 or 毛 without its coin, ending the amount (一块二, 1元2, 一块二毛五). */
const DIGIT_AFTER_COIN = /([元块角毛])([零〇一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖\d])(?![\d零〇一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億角毛分])/g;

/**
 * Marks read since, beside a remark after a comma (REMARK_AFTER_COMMA, ',车位另计'): a comparison before a figure
 * (>95%), the middle dot as keyboards type it (元/㎡•月) and a unit in brackets (元/(㎡·月)).
 */
const COMPARISON = /^(?:>=|<=|[<>≥≤≧≦])/;
const TYPED_DOT = /[•∙⋅・･*]|(?<=\/)\(/g;

/**
 * A figure's normaliser as an import stored before reading rules 10 read it: the cell is read as a text whose
 * reading today is the reading then (a stand-in character where rules 10 read more, 零 before a last digit that
 * counted in ones; read-as-then.ts), so its rows are kept or left out as they were.
 */
export function figuresBeforeRules10<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		if (typeof cell !== 'string') return norm(cell);
		// Without spaces, as the readers see it.
		const folded = fold(cell).replace(/\s+/g, '');
		// 待查, 未统计 were not numbers then (a fee's own reader still refuses them as it did).
		if (FIGURE_NOT_KNOWN.test(folded)) {
			const now = norm(cell);
			return isError(now) && now.error.code !== 'figure_not_known_required' ? now : fail('not_a_number');
		}
		const then = folded
			.replace(UNIT_BETWEEN_DIGITS, `$1${UNKNOWN_CHAR}`)
			.replace(SMALL_MAGNITUDE, `$1${UNKNOWN_CHAR}`)
			.replace(LAST_DIGIT_AFTER_UNIT, '$1零$2')
			.replace(DIGIT_AFTER_COIN, `$1${UNKNOWN_CHAR}$2`)
			.replace(REMARK_AFTER_COMMA, (m) => UNKNOWN_CHAR + m.slice(1))
			.replace(COMPARISON, UNKNOWN_CHAR)
			.replace(TYPED_DOT, UNKNOWN_CHAR);
		return then === folded ? norm(cell) : readAsThen(norm, cell, then);
	};
}
