/**
 * Value maps of coded columns: the distinct words of a file's column and the code each becomes, through the
 * user's saved answers first, then the built-in vocabulary (codes, names and import words of
 * src/lib/domain/vocabulary). A word neither knows is asked once, with the likely codes first.
 * docs/sources.md §18.
 */
import { matchEnumValue, normalizeLabel, type ColumnMeta } from '../../data/datasets';
import type { Cell } from '../types';
import { cellText, isMissing } from '../values/core';
import { feeUnitFromText } from '../values/fees';
import { isDitto } from '../fill-down';
import { asFloors, formOfText, namesFloors } from '../values/building-form';
import type { ValueMap, ValueMapAnswers } from './types';

/** Where a word's code came from. */
export type WordSource = 'vocabulary' | 'answer' | 'unknown';

/** One distinct word of a coded column. */
export interface ValueMapEntry {
	readonly word: string;
	/** Source rows holding it (data rows, not melted cells). */
	readonly count: number;
	readonly code: string | null;
	readonly from: WordSource;
	/** For an unknown word: the likely codes, best first. */
	readonly candidates: readonly string[];
}

/** The user's answer for a word in a column (compared after normalisation), or undefined. */
export function answerFor(answers: ValueMapAnswers | undefined, column: string, word: string): string | undefined {
	const map: ValueMap | undefined = answers?.[column];
	if (!map) return undefined;
	if (word in map) return map[word];
	const w = normalizeLabel(word);
	for (const [k, v] of Object.entries(map)) if (normalizeLabel(k) === w) return v;
	return undefined;
}

/**
 * The code a word stands for in a column: the user's answer, else the vocabulary; undefined if neither knows. A
 * fee unit is also read as the unit after a fee would be ("每平方米每月", "元/平/月", "每户每月"); a yearly one is not
 * (the fees beside it would have to be made monthly).
 */
export function lookupWord(column: ColumnMeta, word: string, answers?: ValueMapAnswers): { code: string; from: WordSource } | undefined {
	const a = answerFor(answers, column.name, word);
	if (a !== undefined && column.values?.some((v) => v.value === a)) return { code: a, from: 'answer' };
	const v = matchEnumValue(column, word) ?? (column.name === 'fee_unit' ? (feeUnitFromText(word) ?? undefined) : undefined);
	return v === undefined ? undefined : { code: v, from: 'vocabulary' };
}

/** A building form the import reads by its floors or its main form; under a header naming floors, a bare number too. */
function formByRule(column: ColumnMeta, word: string, floorsHeader: boolean): { code: string; from: WordSource } | undefined {
	const got = column.name === 'building_type' ? formOfText(asFloors(word, floorsHeader), (w) => matchEnumValue(column, w)) : undefined;
	return got ? { code: got.form, from: 'vocabulary' } : undefined;
}

/** Characters shared by two texts, as a share of both (Dice on characters): 0 (nothing shared) to 1. */
function charDice(a: string, b: string): number {
	if (a === '' || b === '') return 0;
	const count = new Map<string, number>();
	for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
	let shared = 0;
	for (const ch of b) {
		const n = count.get(ch) ?? 0;
		if (n > 0) {
			shared++;
			count.set(ch, n - 1);
		}
	}
	return (2 * shared) / ([...a].length + [...b].length);
}

/**
 * The codes of a column ranked by how close the word is to their names and accepted words (characters in
 * common; a name contained in the word or the word in a name counts most): "商品住宅小区" → commercial first.
 */
export function suggestCodes(column: ColumnMeta, word: string): string[] {
	const w = normalizeLabel(word);
	const scored = (column.values ?? []).map((v) => {
		let best = 0;
		for (const label of [v.value, v.zh, v.en, ...v.aliases]) {
			const l = normalizeLabel(label);
			if (l === '') continue;
			const s = w.includes(l) || l.includes(w) ? 0.5 + charDice(w, l) / 2 : charDice(w, l);
			if (s > best) best = s;
		}
		return { code: v.value, score: best };
	});
	// Stable: equal scores keep the list's order (the vocabulary's own order, most common first).
	return scored.sort((a, b) => b.score - a.score).map((s) => s.code);
}

/** Distinct words kept per column in a report (a coded column has a handful; a wrong mapping has thousands). */
export const MAX_REPORTED_WORDS = 200;

/**
 * The value map of a column of cells: each distinct word (in first-seen order), its row count and code. `header`: the
 * source column's header (a 层数 column's bare numbers are floors).
 */
export function valueMapReport(column: ColumnMeta, cells: readonly Cell[], answers?: ValueMapAnswers, header = ''): ValueMapEntry[] {
	const floorsHeader = namesFloors(header);
	const counts = new Map<string, number>();
	const add = (text: string | null, times: number) => {
		if (text === null || times === 0) return;
		const n = counts.get(text);
		if (n !== undefined) counts.set(text, n + times);
		else if (counts.size < MAX_REPORTED_WORDS) counts.set(text, times);
	};
	// Counted in runs of the same cell (a sorted file repeats a code row after row): one map update per run.
	let last: Cell | undefined;
	let text: string | null = null;
	let run = 0;
	for (const c of cells) {
		if (run > 0 && c === last) {
			run++;
			continue;
		}
		add(text, run);
		last = c;
		// 同上 is the row above's word (fill-down.ts), never a word of its own to ask about.
		text = c === null || isMissing(c) || isDitto(c) ? null : cellText(c).trim();
		run = 1;
	}
	add(text, run);
	return [...counts].map(([word, count]) => {
		// 18层, 多层为主: read by a rule (values/building-form.ts), never a word to ask about.
		const hit = lookupWord(column, word, answers) ?? formByRule(column, word, floorsHeader);
		return hit
			? { word, count, code: hit.code, from: hit.from, candidates: [] }
			: { word, count, code: null, from: 'unknown' as const, candidates: suggestCodes(column, word).slice(0, 3) };
	});
}
