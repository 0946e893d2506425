/** Money as people write it in words: 一元五角, 1元5角5分, and as receipts write it (人民币壹仟贰佰元整). docs/sources.md §18.4. */
import { CAPITAL_NUMERAL_CHARS, CHINESE_NUMERAL_CHARS, commonNumerals, decimalNumber } from '../../domain/chinese-numbers';
import type { Cell } from '../types';
import type { Norm } from './core';
import { readAsThen, UNKNOWN_CHAR } from './read-as-then';

/** One digit, in words or in figures (of 角 and 分, and of 成 in a rate). */
export const ONE_DIGIT = '[零〇一二两三四五六七八九]|\\d';

/** One digit of 角 or 分, captured. */
const DIGIT = `(${ONE_DIGIT})`;
/** Nothing more of the amount follows: no digit, numeral or coin word. */
const LAST = `(?![\\d${CHINESE_NUMERAL_CHARS}角毛分])`;
/** A digit of 分: with 分, or without it when it ends the amount, as it is said (一块二毛五). */
const FEN = `(?:${DIGIT}(?:分|${LAST}))`;

/**
 * An amount in 元, 角 and 分, in words or digits: "一元五角", "1元5角5分", "八十元", "五角", "一块五毛" (of a fee such as
 * "一元五角/平方米/月"), and as it is said, a last digit after 元 or 角 without its coin (一块二 is 1.2 元, 一块二毛五 1.25).
 * Not preceded by a digit or a point, so "1.65元" is left to the number reader.
 */
const MONEY_WORDS = new RegExp(
	`(?<![\\d.])(?:([${CHINESE_NUMERAL_CHARS}]+|\\d+)[元块](?:${DIGIT}[角毛]${FEN}?|${DIGIT}分|${DIGIT}${LAST})?|${DIGIT}[角毛]${FEN}?)`,
	'g'
);
const HAS_NUMERAL = new RegExp(`[${CHINESE_NUMERAL_CHARS}]`);

/** The text with its amounts in 元/角/分 words written as numbers of 元 ("一元五角到两元/㎡·月" → "1.5元到2元/㎡·月"). */
export function moneyWordsAsNumbers(t: string): string {
	return t.replace(MONEY_WORDS, (all: string, y?: string, j?: string, f?: string, f2?: string, said?: string, j3?: string, f3?: string) => {
		// Digits and 元 alone ("2元") are already a number; only words, 角/分, or a digit said after 元 (1元2) need reading.
		if (said === undefined && !/[角毛分块]/.test(all) && !HAS_NUMERAL.test(all)) return all;
		const part = (x: string | undefined) => (x === undefined ? 0 : decimalNumber(x));
		const [yuan, jiao, fen] = j3 === undefined && f3 === undefined ? [part(y), part(j ?? said), part(f ?? f2)] : [0, part(j3), part(f3)];
		if (yuan === undefined || jiao === undefined || fen === undefined) return all;
		// In fen, then once to 元: 1元5角5分 is 155 fen, so exactly 1.55.
		return `${(yuan * 100 + jiao * 10 + fen) / 100}元`;
	});
}

/**
 * A money text as receipts, contracts and fund notices write it, in the words the readers know: 人民币 before the
 * amount, 圆 for 元, 整 ("exactly") after its last unit, and the financial capitals (壹仟贰佰 is 一千二百). Folded text
 * without spaces in, the same text out when it has none of these.
 */
export function receiptMoney(t: string): string {
	return commonNumerals(t.replace(/人民币:?/g, '').replace(/圆/g, '元').replace(/([元角分])整(?=$|\/)/g, '$1'));
}

/** What reading rules 8 taught the readers of figures: the financial capitals. */
const CAPITAL_TEXT = new RegExp(`[${CAPITAL_NUMERAL_CHARS}]`, 'g');
/** … and, in a sum of money, a receipt's words (人民币, 圆, 整) and, outside a fee, 角, 分, 毛 and 块. */
const RECEIPT_TEXT = /人民币|[圆整]/g;
const COINS_TEXT = /[角分毛块]/g;

/**
 * A figure's normaliser as an import stored before reading rules 8 read it: the financial capitals (and, in a sum of
 * money, 人民币, 圆, 整, and outside a fee 角, 分, 毛, 块) were characters no reader knew, so the cell reads as it did then.
 * `kind`: 'money' for a column of sums (元, 元/年), 'fee' for a fee or price column, 'figure' for any other number.
 */
export function figuresBeforeRules8<T>(norm: (cell: Cell) => Norm<T>, kind: 'money' | 'fee' | 'figure'): (cell: Cell) => Norm<T> {
	return (cell) => {
		if (typeof cell !== 'string') return norm(cell);
		let masked = cell.replace(CAPITAL_TEXT, UNKNOWN_CHAR);
		if (kind !== 'figure') masked = masked.replace(RECEIPT_TEXT, UNKNOWN_CHAR);
		if (kind === 'money') masked = masked.replace(COINS_TEXT, UNKNOWN_CHAR);
		return masked === cell ? norm(cell) : readAsThen(norm, cell, masked);
	};
}
