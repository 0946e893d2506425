/**
 * A yes or no written with its count, as estate registers fill an elevator column: 有，2部 / 有：4台 / 是/2台 /
 * 有电梯4部 / 无，0部 (reading rules 9, docs/sources.md §18.4). The word answers the question and the count must agree
 * with it: 有 with 0, or 无 with 2, contradicts itself and is for the person to settle, never a guess. A count alone
 * (4部) is left to the count → yes/no conversion, which a column of counts gets.
 */
import { chineseNumber } from '../../domain/chinese-numbers';
import { COUNT_WORD_LIST } from '../conversions/counts';

/**
 * A label (normalizeLabel: folded, lower case, no white space) as a word, then separators, then a count, maybe its
 * measure word and what is counted when it is a lift (有2部电梯). The word ends in a character that is not a digit, so a
 * plain number (12) is not the word 1 and a count. Nothing else may follow: 有一部分 is not 有 and one.
 */
const WITH_COUNT = new RegExp(`^(.*?\\D)[,;:/、]*(\\d+|[零〇一二两三四五六七八九十百千]+)((?:${COUNT_WORD_LIST.join('|')})(?:电梯|客梯|货梯|梯)?)?$`);

/** What a yes/no with its count says: the answer, or the contradiction between word and count. */
export type CountedYesNo = { readonly value: boolean } | { readonly conflict: { readonly word: string; readonly count: number } };

/**
 * The yes/no of a label written as a word and a count, or undefined when it is not one. `word` reads the word part
 * (the yes/no column's own words: 有, 是, 有电梯…).
 */
export function countedYesNo(label: string, word: (w: string) => boolean | undefined): CountedYesNo | undefined {
	const m = WITH_COUNT.exec(label);
	if (!m) return undefined;
	const yes = word(m[1]);
	if (yes === undefined) return undefined;
	const count = /^\d+$/.test(m[2]) ? Number(m[2]) : chineseNumber(m[2]);
	if (count === undefined) return undefined;
	return count > 0 === yes ? { value: yes } : { conflict: { word: m[1], count } };
}
