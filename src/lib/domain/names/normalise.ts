/**
 * Estate names as people write them (docs/sources.md §18.5): one key per estate name, so the same estate written
 * in two files ("阳光花园小区（一期）", "阳光花园 一期") is recognised as one, and two phases are never merged.
 * Pure: the import, the market matcher and the tests share it.
 */

import { chineseNumber } from '../chinese-numbers';

/** Words that end a name without telling estates apart: dropped from the key. */
export const GENERIC_SUFFIX = /(小区|社区)$/;
/** Words that often end a name and are sometimes left out: kept in the key, dropped only in the stem for suggestions. */
const STEM_SUFFIX = /(花园|家园|新村|公寓|苑|园|庭|府)$/;
/**
 * A phase or a part that is its own estate: 一期, 第2期, 十一期, 三区, 东区, A区 (a bare trailing phase or one in brackets).
 * Names are lower case here, so A区 is a区.
 */
const PHASE = /(?:第)?([一二三四五六七八九十\d]+[期区]|[东南西北中][区片]|[a-z]区)$/;
const PUNCT = /[\s·・.,，。、\-_'"“”‘’/\\:：;；]/g;

/** Full-width to half-width, lower case, no spaces or punctuation (brackets kept for {@link estateNameKey}). */
export function foldName(s: string): string {
	return s.normalize('NFKC').toLowerCase().replace(PUNCT, '');
}

/** A name split into its base and its phase ('' when none): "阳光花园小区(一期)" → ["阳光花园", "一期"]. */
export function nameParts(name: string): { base: string; phase: string } {
	let s = foldName(name);
	let phase = '';
	// A bracketed part is a phase or a note; a phase is kept (it tells estates apart), a note is dropped.
	const bracket = /[(\[【]([^()\[\]【】]*)[)\]】]$/.exec(s);
	if (bracket) {
		const inner = bracket[1];
		s = s.slice(0, bracket.index);
		if (PHASE.test(inner)) phase = PHASE.exec(inner)![1];
	}
	s = s.replace(/[()[\]【】]/g, '');
	if (!phase) {
		const m = PHASE.exec(s);
		if (m && m.index > 0) {
			phase = m[1];
			s = s.slice(0, m.index);
		}
	}
	s = s.replace(GENERIC_SUFFIX, '');
	return { base: s, phase: phaseKey(phase) };
}

/** 一期 and 1期, 十一期 and 11期 are the same phase. */
function phaseKey(p: string): string {
	return p.replace(/[一二三四五六七八九十]+/g, (c) => String(chineseNumber(c) ?? c));
}

/** A part named by direction or letter (东区, a区) rather than by number. */
const NAMED_PART = /^([东南西北中][区片]|[a-z]区)$/;

/**
 * The key two names must share to be the same estate: base and phase, normalised. A part named by direction or letter
 * is written back onto the base ("阳光花园（东区）" and "阳光花园东区" are 阳光花园东区, as the bare name always was, so the
 * ids generated from it stay the same); a numbered phase after '#'.
 */
export function estateNameKey(name: string): string {
	const { base, phase } = nameParts(name);
	if (NAMED_PART.test(phase)) return base + phase;
	return phase ? `${base}#${phase}` : base;
}

/** A numeral that counts a village, phase, block or lane: 一村, 十一街坊, 二号院 (not 一品苑 or 三林苑). */
const COUNTED = /([零〇一二两三四五六七八九十]+)(?=[村期区街坊号弄组团巷队])/g;

/**
 * The name key with its counting numerals in digits: 锦馨一村 and 锦馨1村, 金桥十一街坊 and 金桥11街坊 share it. Only a
 * name with no estate of its exact key is looked up by it (match.ts), and never for a generated id.
 */
export function estateNameLooseKey(name: string): string {
	return estateNameKey(name).replace(COUNTED, (c) => String(chineseNumber(c) ?? c));
}

/** The key without a suffix such as 花园 or 苑: equal stems only make a name a candidate, never a match. */
export function estateNameStem(name: string): string {
	const { base, phase } = nameParts(name);
	const stem = base.replace(STEM_SUFFIX, '');
	return phase ? `${stem || base}#${phase}` : stem || base;
}

/** A subdistrict or district key: "城关街道" and "城关" are the same place. */
export function placeKey(s: string | null | undefined): string {
	if (!s) return '';
	return foldName(s).replace(/[()]/g, '').replace(/(街道办事处|街道办|街道|镇|乡|区|县|市)$/, '');
}
