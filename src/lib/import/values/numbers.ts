/** Numbers as people write them: full-width digits, thousands separators, unit words, ranges, grades. */
import { normalizeLabel } from '../../data/datasets';
import type { Cell, Issue } from '../types';
import { chineseNumber, CHINESE_NUMERAL_CHARS, commonNumerals, mixedFigure } from '../../domain/chinese-numbers';
import { moneyWordsAsNumbers, receiptMoney } from './money-words';
import { excelError, fail, fold, isMissing, NON_ASCII, ok, round, type Norm } from './core';

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

/** Measure words of a shared facility's quantity, by what they measure (folded: ㎡ is m2). */
export const QUANTITY_WORDS: Readonly<Record<string, { readonly kind: 'count' | 'area' | 'length'; readonly factor: number }>> = Object.fromEntries([
	...['台', '部', '套', '座', '个', '处', '项', '组', '只', '樘', '扇', '块', '根', '条', '栋', '幢', '间', '具', '口', '眼'].map((w) => [w, { kind: 'count', factor: 1 }] as const),
	...['m2', '平方米', '平米', '平', '平方'].map((w) => [w, { kind: 'area', factor: 1 }] as const),
	...['m', '米', '延米', '延长米'].map((w) => [w, { kind: 'length', factor: 1 }] as const),
	...['km', '公里', '千米'].map((w) => [w, { kind: 'length', factor: 1000 }] as const)
]);
/** The unit key of a facility's quantity in {@link UNIT_WORDS}. */
export const QUANTITY_UNIT = 'quantity';

/** What a quantity's measure word measures ("1,200㎡" → area), or undefined for a bare number or another word. */
export function quantityKind(text: string, options: { readonly wordAlone?: boolean } = {}): 'count' | 'area' | 'length' | undefined {
	const folded = fold(text).replace(/\s+/g, '');
	// The same approximation words the number reader sets aside ('约12台', '12台左右').
	const t = withoutApproximation(folded) ?? folded;
	const digits = /^[^\d]*[\d.,]+(?:[万千百])?(.*)$/.exec(t);
	const word = mixedFigure(t)?.rest ?? (digits ? digits[1] : (CHINESE_PREFIX.exec(t)?.[2] ?? ''));
	// The longest measure word the text starts with: a name or a note may follow it (2部电梯, 2台（备用1台）).
	for (let k = word.length; k > (options.wordAlone ? word.length - 1 : 0); k--) {
		const kind = QUANTITY_WORDS[normalizeLabel(word.slice(0, k))]?.kind;
		if (kind) return kind;
	}
	return undefined;
}

/** Units accepted after a number, by the column's unit (as written in the dataset modules), with their factor. */
const UNIT_WORDS: Record<string, Record<string, number>> = {
	'㎡': { m2: 1, 平方米: 1, 平米: 1, 平: 1, 平方: 1, 万m2: 1e4, 万平方米: 1e4, 万平米: 1e4 },
	'户': { 户: 1, 套: 1 },
	// Owners and respondents: a vote's ballots and a survey's answer sheets count them too (1160票, 120份; rules 11).
	'人': { 人: 1, 户: 1, 名: 1, 位: 1, 票: 1, 张: 1, 份: 1 },
	'元/年': { 元: 1, '元/年': 1, 元每年: 1, 万元: 1e4, '万元/年': 1e4, 万: 1e4 },
	// A unit cost per lift, set, m² or m of a facility ('35万元/台', '120元/㎡'; '元/km' would need a factor and is not read).
	'元': { 元: 1, 万元: 1e4, 万: 1e4, ...Object.fromEntries(Object.keys(QUANTITY_WORDS).filter((w) => QUANTITY_WORDS[w].factor === 1).map((w) => [`元/${w}`, 1])) },
	'分': { 分: 1 },
	'年': { 年: 1, 年度: 1 },
	'级': { 级: 1 },
	// A facility's quantity counts lifts (台), systems (套), tanks (座), m² of roof or wall, or m of drain: any of
	// these words may follow; row-checks.ts checks that the word fits the facility.
	[QUANTITY_UNIT]: Object.fromEntries(Object.entries(QUANTITY_WORDS).map(([w, q]) => [w, q.factor]))
};

/** Column units that are sums of money. */
export const MONEY_UNITS: ReadonlySet<string> = new Set(['元', '元/年']);

/** Splits "120.5㎡" into the number text and the unit text (both folded, spaces removed). */
function splitUnit(t: string): { num: string; unit: string } {
	const m = NUMBER_PREFIX.exec(t);
	return m ? { num: m[1], unit: m[2] } : { num: '', unit: t };
}

/** A Chinese numeral at the start of a text, then the rest (unit): 一千二百户, 十五年, 三万㎡. */
const CHINESE_PREFIX = new RegExp(`^([${CHINESE_NUMERAL_CHARS}]+)(.*)$`, 's');

/** A bracketed note at the end of a cell (NFKC made full-width brackets ASCII). */
export const TRAILING_NOTE = /[(\[【]([^()\[\]【】]*)[)\]】]$/;

/**
 * A remark after a comma or semicolon with no figure in it, in digits or Chinese numerals (NFKC made the full-width
 * ones ASCII): ',车位另计', not ',二期2008年' nor ',一期'.
 */
export const REMARK_AFTER_COMMA = /[,;]([^\d,;零〇一二两三四五六七八九十百千万亿]+)$/;

/** Words before a total that say nothing about its value: 共1200户, 合计3.2万㎡. */
const TOTAL_PREFIX = new RegExp(`^(?:共计|合计|总计|共|计)(?=[\\d${CHINESE_NUMERAL_CHARS}])`);
/** Words that make a number approximate: 约1200户, 1200余户, 300多人, 15年以上, 12万㎡左右, >95%. */
const APPROX_PREFIX = /^(?:约为|约合|大约|大概|约|将近|接近|近|逾|超过|超|不少于|不低于|不足|不到|少于|低于|>=|<=|[<>≥≤≧≦])/;
/** Words after a figure that make it approximate (also after a percent sign: fees.ts). */
export const APPROX_SUFFIXES = '余|多|左右|以上|以下|上下|许';
const APPROX_WORD = new RegExp(`(?:${APPROX_SUFFIXES})(?=\\D*$)`);

/**
 * The text without its approximation words, or undefined when it has none. The number the text gives is still
 * the best figure there is: it is read, and the row says it was approximate.
 */
export function withoutApproximation(t: string): string | undefined {
	const u = t.replace(APPROX_PREFIX, '').replace(APPROX_WORD, '');
	return u !== t && u !== '' ? u : undefined;
}

/** Options of {@link parseNumber}. */
export interface NumberOptions {
	/** Whole numbers only. */
	readonly integer?: boolean;
	/** Accept "a-b", "a至b", "a~b" and use the midpoint (with a warning). */
	readonly allowRange?: boolean;
	/** The column's unit (a key of the unit table: '㎡', '户', '元/年', ...): which unit words may follow. */
	readonly unit?: string;
	/** Factor applied to every value (from the header, e.g. 万元 → 10000, or full marks of 15 → 100/15). */
	readonly scale?: number;
	/** The scale is the header's unit (万元), not its full marks: a cell with its own unit word is not scaled again. */
	readonly scaleIsUnit?: boolean;
	/** Only an exact figure will do (a vote's counts decide whether it passed): '约800', '600余' are errors. */
	readonly exact?: boolean;
}

/** Words for a figure not known yet, beyond the missing-value texts (不详, 暂无: values/core.ts). */
export const FIGURE_NOT_KNOWN = /^(?:待(?:查|核|核实|核查|确认|统计|补|补充|填|定)|未(?:统计|提供|核实|确认|测量)|不清楚|不明|暂缺|无法统计)$/;

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
	// U+2212 is the minus sign of typeset tables; NFKC leaves it as it is.
	const folded = fold(cell as string).replace(/\s+/g, '');
	// A sum of money may be written as a receipt writes it (人民币壹仟贰佰元整, 1200元5角); other figures may use the
	// financial capitals too (壹佰贰拾户). A plain figure (ASCII) skips both.
	const written = !NON_ASCII.test(folded) ? folded : options.unit !== undefined && MONEY_UNITS.has(options.unit) ? moneyWordsAsNumbers(receiptMoney(folded)) : commonNumerals(folded);
	const t = written.replace(/^[¥$]|^rmb/i, '').replace(/\u2212/g, '-').replace(TOTAL_PREFIX, '');
	const single = singleNumber(t, options.unit);
	if (!isIssue(single)) return finishNumber(single.n, withOwnUnit(options, single.own), single.note ? [single.note] : []);
	// (1,200), 1,200-, △1200: a negative sum as accounts write it (reading rules 11), in columns of money only.
	const negative = options.unit !== undefined && MONEY_UNITS.has(options.unit) ? ACCOUNTING_NEGATIVE.exec(t) : null;
	if (negative) {
		const r = parseNumber(negative[1] ?? negative[2] ?? negative[3], options);
		if (!('error' in r) && r.value !== null && r.value > 0) return ok(-r.value, [...(r.warnings ?? []), { code: 'accounting_negative', params: { value: -r.value } }]);
	}
	// 待查, 未统计: the figure is not known yet. No value, and said: an optional column keeps its row, a required one
	// asks for the figure (knownWhenRequired). Tested only here, off the path of plain numbers.
	if (FIGURE_NOT_KNOWN.test(folded)) return ok(null, [{ code: 'figure_not_known', params: { text: (cell as string).trim() } }]);
	const ends = rangeEnds(t, options.unit);
	if (options.allowRange && ends) {
		const [lo, hi] = ends;
		const mid = round((lo.n + hi.n) / 2);
		const opts = withOwnUnit(options, lo.own || hi.own);
		const s = opts.scale ?? 1;
		return finishNumber(mid, opts, [...notesOf(lo, hi), { code: 'range_midpoint', params: { low: round(lo.n * s), high: round(hi.n * s), mid: round(mid * s) } }]);
	}
	// A note in brackets after the figure ('1200户（含商铺20户）', '3.2万㎡(含地下)'): the figure is read, the note is
	// said, so the person can see what was left aside.
	// So is a remark after a comma ('3.2万㎡，含地下车库'), when it holds no figure of its own.
	const note = TRAILING_NOTE.exec(t) ?? REMARK_AFTER_COMMA.exec(t);
	if (note && note.index > 0) {
		const r = parseNumber(t.slice(0, note.index), options);
		if (!('error' in r) && r.value !== null) return ok(r.value, [...(r.warnings ?? []), { code: 'note_ignored', params: { note: note[1] } }]);
	}
	const rough = withoutApproximation(t);
	const near = rough === undefined ? undefined : singleNumber(rough, options.unit);
	if (near !== undefined && !isIssue(near)) {
		if (options.exact) return fail('approximate_not_exact');
		const r = finishNumber(near.n, withOwnUnit(options, near.own), []);
		return 'error' in r || r.value === null ? r : ok(r.value, [...notesOf(near), { code: 'approximate', params: { value: r.value } }]);
	}
	return quantityOf(t, options) ?? { error: twoFigures(t, options) ?? single };
}

/** A facility's name beside its quantity: 2部电梯, 电梯2部, 外墙1200㎡ (reading rules 11); the name in Chinese. */
const FACILITY_NAME = /^[\u4e00-\u9fff]{2,10}$/;

/**
 * A facility's quantity with the facility's name written beside it, read as the quantity and said; the name is not
 * checked against the row's facility (the note shows it). Undefined when the cell is not that.
 */
function quantityOf(t: string, options: NumberOptions): Norm<number | null> | undefined {
	if (options.unit !== QUANTITY_UNIT || !/^\d|\d\D*$/.test(t)) return undefined;
	// Every split of the text into a figure with its measure word and a name, the name after it or before it.
	for (let k = 1; k < t.length; k++) {
		const [head, tail] = [t.slice(0, k), t.slice(k)];
		const [figure, name] = /^\d/.test(head) ? [head, tail] : [tail, head];
		if (!FACILITY_NAME.test(name) || !/^\d/.test(figure)) continue;
		const read = singleNumber(figure, options.unit);
		// Only with its measure word (2部, 1200㎡): a bare number beside a name is not read.
		if (!isIssue(read) && read.own) return ok(read.n, [{ code: 'quantity_object', params: { name, value: read.n } }]);
	}
	return undefined;
}

/** A negative sum as accounts write it: in brackets, with the minus after it (as SAP exports), or after △ or ▲. */
const ACCOUNTING_NEGATIVE = /^\((.+)\)$|^(\d.*)-$|^[△▲](.+)$/;

/**
 * Why a cell of two figures is not one, when it is not: a range where the column needs one figure (500-600户, a
 * vote's 600-700) or a sum (568+20), named with its ends or its total, so the person can write the one they mean.
 */
function twoFigures(t: string, options: NumberOptions): Issue | undefined {
	const terms = t.split('+');
	if (terms.length >= 2 && terms.every((x) => x !== '')) {
		const read = terms.map((x) => singleNumber(x, options.unit));
		if (read.every((r) => !isIssue(r))) {
			const s = options.scale ?? 1;
			return { code: 'sum_written', params: { text: t, total: round((read as Read[]).reduce((a, r) => a + r.n, 0) * s) } };
		}
	}
	const ends = options.allowRange ? undefined : rangeEnds(t, options.unit);
	if (ends && ends[0].n < ends[1].n) {
		const s = options.scale ?? 1;
		return { code: 'range_not_one', params: { low: round(ends[0].n * s), high: round(ends[1].n * s) } };
	}
	return undefined;
}

/** The two ends of a range (500-600户, 3万至4万㎡), low first, or undefined when the text is not one. */
function rangeEnds(t: string, unit: string | undefined): [Read, Read] | undefined {
	const m = RANGE_SEPARATOR.exec(t);
	const lo = m ? singleNumber(m[1], unit) : undefined;
	const hi = m ? singleNumber(m[2], unit) : undefined;
	return lo && hi && !isIssue(lo) && !isIssue(hi) && lo.n <= hi.n ? [lo, hi] : undefined;
}

/**
 * A number read from text; `own` when the text carried its own unit word ("3.2万㎡"), which the header's scale must not
 * multiply again; `note` when the reading is said (3.2w is 3.2万).
 */
type Read = { readonly n: number; readonly own: boolean; readonly note?: Issue };

/** What the readings of a figure's parts said (3w-4w㎡: w read as 万), once each. */
function notesOf(...reads: Read[]): Issue[] {
	const notes = reads.flatMap((r) => (r.note ? [r.note] : []));
	return notes.filter((n, i) => notes.findIndex((m) => JSON.stringify(m) === JSON.stringify(n)) === i);
}

function isIssue(r: Read | Issue): r is Issue {
	return 'code' in r;
}

/** A cell that names its own unit is not scaled by the header's: '12.5万㎡' under 面积（万㎡） is 125,000 ㎡. */
function withOwnUnit(options: NumberOptions, own: boolean): NumberOptions {
	return own && options.scaleIsUnit && options.scale !== undefined && options.scale !== 1 ? { ...options, scale: undefined } : options;
}

/** A number with an optional unit word, or the error that explains why not. */
function singleNumber(t: string, unit: string | undefined): Read | Issue {
	const direct = numberFromText(t);
	if (typeof direct === 'number') return { n: direct, own: false };
	if (direct === 'ambiguous') return { code: 'ambiguous_number' };
	let { num, unit: word } = splitUnit(t);
	let n: number | 'ambiguous' | undefined;
	const chinese = num === '' ? CHINESE_PREFIX.exec(t) : null;
	// 3万2千㎡, 2千5百户: digits with units between them, for figures large enough to be written so.
	const mixed = chinese || unit === undefined || !MAGNITUDE_UNITS.has(unit) ? undefined : mixedFigure(t);
	if (mixed) {
		const factor = mixed.rest === '' ? 1 : TRAILING_NOTE.test(mixed.rest) ? undefined : UNIT_WORDS[unit!]?.[normalizeLabel(mixed.rest)];
		if (factor === undefined) return { code: 'unknown_unit', params: { unit: mixed.rest } };
		return { n: round(mixed.n * factor), own: true };
	}
	if (chinese) {
		n = chineseNumber(chinese[1]);
		word = chinese[2];
		if (n !== undefined && word === '') return { n, own: false };
	} else {
		// A "unit" with digits in it ("20x4") means the text is simply not a number.
		if (num === '' || word === '' || /\d/.test(word.replace(/m2/gi, ''))) return { code: 'not_a_number' };
		n = numberFromText(num);
	}
	if (n === 'ambiguous') return { code: 'ambiguous_number' };
	if (n === undefined) return { code: 'not_a_number' };
	// A note after the unit ('32000㎡（含车库）') is not part of it: parseNumber reads the figure before it and says the note.
	const label = unit === undefined || TRAILING_NOTE.test(word) ? undefined : normalizeLabel(word);
	const factor = label === undefined ? undefined : unitWordFactor(unit!, label);
	if (factor !== undefined) return { n: factor === 1 ? n : round(n * factor), own: true };
	// 3.2w㎡, 12.5W, 1.2k户: w for 万 and k for 千, as people type them (reading rules 11), said.
	const letter = label === undefined || !MAGNITUDE_UNITS.has(unit!) ? undefined : LETTER_MAGNITUDE.exec(label);
	const magnitude = letter ? LETTER_WORDS[letter[1].toLowerCase()] : undefined;
	const f = magnitude ? unitWordFactor(unit!, magnitude + letter![2]) : undefined;
	if (f !== undefined) return { n: round(n * f), own: true, note: { code: 'letter_magnitude', params: { letter: letter![1], word: magnitude!, value: round(n * f) } } };
	return { code: 'unknown_unit', params: { unit: word } };
}

/** w or k typed for 万 or 千 at the start of a unit word, with the rest of the unit. */
const LETTER_MAGNITUDE = /^([wk])(.*)$/i;
const LETTER_WORDS: Readonly<Record<string, string>> = { w: '万', k: '千' };

/** Magnitude words written before a unit, or alone ("3.2万" of an area is 32,000 ㎡, "1.2千户" 1,200 households). */
const MAGNITUDES: Record<string, number> = { 百: 100, 千: 1e3, 万: 1e4, 亿: 1e8 };
/** Column units counted in amounts large enough to be written in 万 or 亿 (not scores, years or grades). */
const MAGNITUDE_UNITS = new Set(['㎡', '户', '人', '元/年', '元', QUANTITY_UNIT]);

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

/** Roman numerals of grades as catalogues print them (Ⅰ级; NFKC makes Ⅳ the letters IV). */
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5 };

/** A grade: 1-5, "1级", "一级", "一星"/"1星", "Ⅰ级". */
export function parseGrade(cell: Cell): Norm<number | null> {
	if (typeof cell === 'string') {
		const t = fold(cell).replace(/\s+/g, '');
		const m = /^第?([一二三四五六七八九十]|\d+|I{1,3}|IV|V)(?:级|等|星|星级)?$/.exec(t.toUpperCase());
		if (m) return ok(CHINESE_DIGITS[m[1]] ?? ROMAN[m[1]] ?? Number(m[1]));
	}
	return parseNumber(cell, { integer: true, unit: '级' });
}

