/** Booleans, enum codes, free text and indicator names. */
import { BOOLEAN_ALIASES, normalizeLabel, type ColumnMeta } from '../../data/datasets';
import type { ValueMapAnswers } from '../conversions/types';
import { lookupWord, suggestCodes } from '../conversions/value-map';
import { INDICATOR_CODES, SATISFACTION_INDICATOR, SATISFACTION_NAME } from '../../data/indicators';
import type { Cell } from '../types';
import { cellText, excelError, fail, fold, isError, isMissing, ok, type Norm } from './core';
import { countedYesNo } from './yes-no-count';

// ---------------------------------------------------------------------------------------------------
// Booleans, enums, text
// ---------------------------------------------------------------------------------------------------

const TRUE_TEXTS = new Set<string>(BOOLEAN_ALIASES.true.map((a) => normalizeLabel(a)));
const FALSE_TEXTS = new Set<string>(BOOLEAN_ALIASES.false.map((a) => normalizeLabel(a)));
/** A yes/no word (normalised) as true or false, or undefined when it is not one. */
const yesNoWord = (w: string): boolean | undefined => (TRUE_TEXTS.has(w) ? true : FALSE_TEXTS.has(w) ? false : undefined);

/** A boolean through BOOLEAN_ALIASES (是/否, 有/无, true/false, 1/0, yes/no, √/×). "无" is false here, not missing. */
export function parseBoolean(cell: Cell): Norm<boolean | null> {
	if (typeof cell === 'boolean') return ok(cell);
	if (typeof cell === 'number') return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail('bad_boolean');
	if (cell === null) return ok(null);
	const err = excelError(cell);
	if (err) return { error: err };
	const v = normalizeLabel(cell);
	const word = yesNoWord(v);
	if (word !== undefined) return ok(word);
	if (isMissing(cell)) return ok(null);
	const choice = formChoice(cell);
	if (choice !== undefined) return ok(choice);
	// 有，2部 / 有电梯4部: the word with its count, which must agree with it.
	const counted = countedYesNo(v, yesNoWord);
	if (counted) return 'value' in counted ? ok(counted.value, [{ code: 'yes_no_with_count', params: { text: cell.trim() } }]) : fail('bad_boolean_count', counted.conflict);
	// 部分有 (some blocks have lifts, some not) is a true mix: one yes or no must be chosen by the person, not here.
	if (PARTLY.test(v)) return fail('bad_boolean_partly');
	const ticked = tickedAfterWord(cell);
	if (ticked) return ok(ticked.value, [{ code: 'yes_no_ticked', params: { word: ticked.word } }]);
	return fail('bad_boolean');
}

/** A tick right after a word, bare or in brackets (有√, 有（√）), or an empty pair of brackets (无（）). */
const TICK_AFTER = /([^\s√✓✔■☑□☐()\[\]【】]+)(?:([√✓✔■☑])(?=\s|$)|\(\s*([√✓✔■☑]?)\s*\)|\[\s*([√✓✔■☑]?)\s*\]|【\s*([√✓✔■☑]?)\s*】)/g;

/**
 * The answer of a yes/no question whose form puts the tick after the word (有√ 无, 有（√）无（）, 是√), reading rules 11:
 * the one word ticked, when every word is a yes or a no and nothing else is written; undefined otherwise. A tick
 * between two words with no space (有√无) could belong to either and is not read.
 */
function tickedAfterWord(text: string): { value: boolean; word: string } | undefined {
	const t = fold(text).trim();
	let rest = t;
	const words: { word: string; ticked: boolean }[] = [];
	for (const m of t.matchAll(TICK_AFTER)) {
		words.push({ word: m[1], ticked: [m[2], m[3], m[4], m[5]].some((x) => x !== undefined && x !== '') });
		rest = rest.replace(m[0], '');
	}
	// A word left without its mark (有√ 无) is a choice not ticked.
	const others = rest.split(/\s+/).filter((w) => w !== '');
	const all = [...words, ...others.map((word) => ({ word, ticked: false }))];
	const ticked = all.filter((w) => w.ticked);
	if (words.length === 0 || ticked.length !== 1 || all.some((w) => yesNoWord(normalizeLabel(w.word)) === undefined)) return undefined;
	return { value: yesNoWord(normalizeLabel(ticked[0].word))!, word: ticked[0].word };
}

/** The boxes of a printed form, ticked or (□ and ☐) left empty. */
const BOXES = '■☑☒✓✔√□☐';
/** A box and the word after it. */
const FORM_BOX = new RegExp(`([${BOXES}])([^${BOXES}]+)`, 'g');
const EMPTY_BOX = /[□☐]/;

/**
 * The answer of a yes/no question copied from a printed form ("☑有 ☐无", "□是 ■否"): the one word whose box is
 * ticked, read as a yes or a no; undefined when the text is not such a choice, or more or less than one box is ticked.
 */
function formChoice(text: string): boolean | undefined {
	const t = text.trim();
	const pairs = [...t.matchAll(FORM_BOX)];
	if (pairs.length === 0 || pairs[0].index !== 0) return undefined;
	const ticked = pairs.filter((p) => !EMPTY_BOX.test(p[1]));
	if (ticked.length !== 1) return undefined;
	return yesNoWord(normalizeLabel(ticked[0][2].replace(/[\s/、,，;；|]+$/, '')));
}

/** The boxes reading rules 8 taught the yes/no reader: alone (■ □ ☐), or before a word (☑有 ☐无). */
const BOXES_RULES8 = new RegExp(`[${BOXES}]`);
const ALIASES_RULES8: ReadonlySet<string> = new Set(['■', '□', '☐']);

/** A yes/no normaliser as an import stored before reading rules 8 read it: ■, □, ☐ and a form's ticked word were errors. */
export function booleansBeforeRules8<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => {
		if (typeof cell !== 'string' || !BOXES_RULES8.test(cell)) return norm(cell);
		const v = normalizeLabel(cell);
		const known = !ALIASES_RULES8.has(v) && yesNoWord(v) !== undefined;
		return known ? norm(cell) : fail('bad_boolean');
	};
}

/**
 * A yes/no normaliser as an import stored before reading rules 9 read it: a yes/no with its count (有，2部, 有电梯4部)
 * was an error, and so it is again (a count alone, 4部, is as it was: the count → yes/no conversion's, else an error).
 */
export function booleansBeforeRules9<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => (typeof cell === 'string' && countedBeforeRules9(cell) ? fail('bad_boolean') : norm(cell));
}

/**
 * Whether reading rules 9 alone read this cell as a yes/no: a word with its count, that no earlier rule read (a count in
 * brackets, 有（2部）, always was the word).
 */
export function countedBeforeRules9(cell: string): boolean {
	const v = normalizeLabel(cell);
	return yesNoWord(v) === undefined && countedYesNo(v, yesNoWord) !== undefined;
}

/** Words for "some of it": an answer that is neither yes nor no. */
const PARTLY = /^(部分|个别|少数|多数|大部分|一部分|局部)/;

/** An enum cell through the user's answers, then the vocabulary (code, Chinese or English name, or an accepted word). */
export function parseEnum(column: ColumnMeta, cell: Cell, answers?: ValueMapAnswers): Norm<string | null> {
	if (cell === null || isMissing(cell)) return ok(null);
	const text = cellText(cell);
	const v = lookupWord(column, text.trim(), answers);
	if (v !== undefined) return ok(v.code);
	const values = column.values ?? [];
	// The likely codes first, so the person answering sees the best guess at the top (asked once per word).
	const likely = suggestCodes(column, text).slice(0, 3);
	const name = (code: string) => values.find((e) => e.value === code)!;
	return fail('bad_enum', {
		allowed: values.map((e) => e.zh).join('、'),
		allowedEn: values.map((e) => e.value).join(', '),
		candidates: likely.map((c) => name(c).zh).join('、'),
		candidatesEn: likely.join(', '),
		count: 1
	});
}

/** Free text, trimmed; numbers as written (an id typed as a number in Excel stays its digits). */
export function parseText(cell: Cell, options: { id?: boolean } = {}): Norm<string | null> {
	if (cell === null) return ok(null);
	if (typeof cell === 'number') return Number.isFinite(cell) ? ok(String(cell)) : ok(null);
	if (typeof cell === 'boolean') return ok(String(cell));
	const err = excelError(cell);
	if (err) return { error: err };
	if (isMissing(cell)) return ok(null);
	// Ids are compared across files: full-width letters and digits are folded so 'ＬＪ０１' matches 'LJ01'.
	const t = options.id ? fold(cell) : cell.trim();
	return ok(t === '' ? null : t);
}

/** Labels of the default indicators (code, Chinese, English) and of owner satisfaction, for headers and cells. */
const INDICATOR_LABELS: ReadonlyMap<string, string> = (() => {
	const m = new Map<string, string>();
	for (const i of INDICATOR_CODES) for (const l of [i.code, i.zh, i.en]) m.set(normalizeLabel(l), i.code);
	for (const l of [SATISFACTION_INDICATOR, SATISFACTION_NAME.zh, SATISFACTION_NAME.en, '满意度', '业主满意度', '满意度调查', '满意率', 'owner satisfaction'])
		m.set(normalizeLabel(l), SATISFACTION_INDICATOR);
	// Common alternative names in assessment sheets.
	const extra: [string, string][] = [
		['管理', 'management'],
		['基础管理', 'management'],
		['房屋管理', 'upkeep'],
		['房屋维修', 'upkeep'],
		['房屋维护', 'upkeep'],
		['电梯运行', 'elevator'],
		['电梯管理', 'elevator'],
		['电梯维保', 'elevator'],
		['电梯维护', 'elevator'],
		['消防管理', 'fire'],
		['消防安全', 'fire'],
		['消防设施', 'fire'],
		['供水', 'water'],
		['二次供水管理', 'water'],
		['设施设备', 'facilities_other'],
		['其它设施设备', 'facilities_other'],
		['共用设施设备', 'facilities_other'],
		['公共设施设备', 'facilities_other'],
		['秩序', 'order'],
		['安全秩序', 'order'],
		['公共秩序', 'order'],
		['保安', 'order'],
		['安保', 'order'],
		['安全保卫', 'order'],
		['治安', 'order'],
		['清洁卫生', 'cleaning'],
		['环境卫生', 'cleaning'],
		['保洁卫生', 'cleaning'],
		['环境保洁', 'cleaning'],
		['绿化养护', 'greening'],
		['园林绿化', 'greening'],
		['客服', 'customer_service'],
		['客户服务管理', 'customer_service'],
		['财务公开', 'accounts'],
		['收支公示', 'accounts'],
		['信息公开', 'accounts']
	];
	for (const [l, code] of extra) m.set(normalizeLabel(l), code);
	return m;
})();

/**
 * Strips score decorations from a header or cell: "综合管理得分" / "保洁(15分)" / "安保服务" → "综合管理" / "保洁" / "安保"
 * (a name that is whole with 服务, 客户服务, matches before this).
 */
function indicatorKey(label: string): string {
	return normalizeLabel(label).replace(/(得分|分数|评分|分值|分)$/, '').replace(/服务$/, '');
}

/** The indicator code a label names (综合管理 → management, 满意度 → satisfaction), or undefined. */
export function matchIndicator(label: string): string | undefined {
	return INDICATOR_LABELS.get(normalizeLabel(label)) ?? INDICATOR_LABELS.get(indicatorKey(label));
}

/** An indicator cell: a default indicator's Chinese or English name becomes its code; other text is kept. */
export function parseIndicator(cell: Cell): Norm<string | null> {
	const r = parseText(cell);
	if (isError(r) || r.value === null) return r;
	return ok(matchIndicator(r.value) ?? r.value);
}

