/**
 * Counts as ledgers write them ("27", "27台", "3 部", "二十七", "两台", "无"), for a count → yes/no conversion:
 * an elevator count of 27 means the estate has elevators. docs/sources.md §18.
 */
import type { Cell } from '../types';
import { chineseNumber } from '../../domain/chinese-numbers';
import { fold, isMissing } from '../values/core';

/** Measure words that follow a count of things in Chinese ledgers (台 and 部 for elevators, 栋/幢 for blocks). */
export const COUNT_WORD_LIST = ['台', '部', '个', '座', '套', '处', '栋', '幢', '户', '项', '组', '只', '间', '辆'] as const;
const COUNT_WORDS = new RegExp(`^(${COUNT_WORD_LIST.join('|')})$`);

/**
 * A whole, non-negative count from a cell, or undefined when the cell is not one. "无" and "没有" are 0:
 * in a count column they say there is none.
 */
export function parseCount(cell: Cell): number | undefined {
	if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 ? cell : undefined;
	if (typeof cell !== 'string' || isMissing(cell) && cell.trim() !== '无') return undefined;
	const t = fold(cell).replace(/\s+/g, '');
	if (t === '无' || t === '没有') return 0;
	const m = /^(\d+|[零〇一二两三四五六七八九十百千]+)(.*)$/.exec(t);
	if (!m || (m[2] !== '' && !COUNT_WORDS.test(m[2]))) return undefined;
	const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
	return n;
}
