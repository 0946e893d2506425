/**
 * Chinese numerals as ledgers and notices write them: 十二, 二十七, 一百零五, 两百, 一千二百, 三万五千, and years
 * digit by digit (二〇二五, 一九八三). docs/sources.md §18.4.
 */

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/**
 * The financial capitals (大写) that receipts, contracts and fund notices write money in, as the common numerals:
 * 壹仟贰佰 is 一千二百. Traditional forms (貳, 參, 陸, 萬, 億) too.
 */
const CAPITALS: Readonly<Record<string, string>> = {
	壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
	拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿'
};
/** The financial capitals' characters. */
export const CAPITAL_NUMERAL_CHARS = Object.keys(CAPITALS).join('');
const CAPITAL_CHARS = new RegExp(`[${CAPITAL_NUMERAL_CHARS}]`, 'g');

/** A text with its financial capitals written as the common numerals (壹仟贰佰元 → 一千二百元); other text unchanged. */
export function commonNumerals(t: string): string {
	return t.replace(CAPITAL_CHARS, (c) => CAPITALS[c]);
}

/** Characters a Chinese numeral is made of. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** A run of digits written one by one, as years are (九八, 二〇二五, 一九九○): its number; undefined for anything else. */
export function digitsOneByOne(t: string): number | undefined {
	if (!/^[零〇○一二三四五六七八九]+$/.test(t)) return undefined;
	return Number([...t].map((ch) => (ch === '○' ? 0 : DIGITS[ch])).join(''));
}
const ONLY_NUMERALS = new RegExp(`^[${CHINESE_NUMERAL_CHARS}]+$`);
// Three digits or more: 二三 and 三四 mean "two or three", "three or four", not 23 and 34.
const DIGIT_BY_DIGIT = /^[零〇一二三四五六七八九]{3,}$/;

/**
 * The value of a Chinese numeral, or undefined when the text is not one (or not a well-formed one: 二三, 百二,
 * 十十). Digit-by-digit runs (二〇二五) are read positionally, as years are written. A last digit right after 百, 千,
 * 万 or 亿 counts in the next unit down, as it is said (一千二 is 1,200, 两万五 is 25,000); after 零 it is ones (一千零二).
 */
export function chineseNumber(t: string): number | undefined {
	if (!ONLY_NUMERALS.test(t)) return undefined;
	if (DIGIT_BY_DIGIT.test(t)) return Number([...t].map((c) => DIGITS[c]).join(''));
	return numeralValue([...t].map((ch) => (ch in DIGITS ? (ch === '零' || ch === '〇' ? ZERO : DIGITS[ch]) : ch)));
}

/** 零 among a numeral's parts: a gap, after which a last digit counts in ones. */
const ZERO = 'zero';

/**
 * The value of a numeral's parts in order (numbers for its digits, or a run of digits; ZERO; the unit characters), or
 * undefined when they do not make one. Within a section (below 万) the units must fall: 三千五百二十, never 五十三百;
 * a number before 十, 百 or 千 is one digit.
 */
function numeralValue(parts: readonly (number | string)[]): number | undefined {
	let total = 0;
	let section = 0;
	let digit: number | undefined;
	let lastSmall = Infinity;
	let lastLarge = Infinity;
	// The unit the last digit follows directly (no 零 between): 一千二's 二 follows 千.
	let follows: number | undefined;
	for (const p of parts) {
		if (p === ZERO) {
			if (digit !== undefined && digit !== 0) return undefined;
			digit = 0;
			follows = undefined;
		} else if (typeof p === 'number') {
			if (digit !== undefined && digit !== 0) return undefined;
			digit = p;
		} else if (p in SMALL) {
			const unit = SMALL[p];
			if (unit >= lastSmall) return undefined;
			// 十 alone at the start is ten (十二); every other unit needs its digit (一百, not 百).
			const d = digit ?? (unit === 10 && section === 0 && total === 0 ? 1 : undefined);
			if (d === undefined || d === 0 || d > 9) return undefined;
			section += d * unit;
			digit = undefined;
			lastSmall = unit;
			follows = unit;
		} else {
			const unit = LARGE[p];
			section += digit ?? 0;
			if (unit === undefined || section === 0 || section >= 1e4 || unit >= lastLarge) return undefined;
			total += section * unit;
			section = 0;
			digit = undefined;
			lastSmall = Infinity;
			lastLarge = unit;
			follows = unit;
		}
	}
	if (digit === undefined) return total + section;
	// 一千二: the 二 is of the hundreds. A longer run of digits (1万500) is the rest as written, below the unit.
	if (follows !== undefined && follows >= 100 && digit <= 9) return total + section + (digit * follows) / 10;
	if (follows !== undefined && digit >= follows) return undefined;
	return total + section + digit;
}

/** A figure in digits with Chinese units between them, at the start of a text: 3万2千, 2千5百, 1万零500, 3万2, 3千2百万. */
const MIXED_FIGURE = /^\d+(?:[亿万千百]零?\d+)+[千百]?[亿万]?/;

/**
 * A figure written in digits with Chinese units between them (3万2千 is 32,000, 2千5百 is 2,500, 1万零500 is 10,500,
 * 3万2 is 32,000 as it is said), and the text after it (a unit word); undefined when the text does not start with
 * one. docs/sources.md §18.4.
 */
export function mixedFigure(t: string): { n: number; rest: string } | undefined {
	const m = MIXED_FIGURE.exec(t);
	if (!m) return undefined;
	const parts = m[0].match(/\d+|./g)!.map((p) => (/^\d/.test(p) ? Number(p) : p === '零' ? ZERO : p));
	const n = numeralValue(parts);
	return n === undefined ? undefined : { n, rest: t.slice(m[0].length) };
}

/**
 * A number in digits or in Chinese numerals, with 点 for the decimal point: 100, 一百, 九十五点五, 95点5; undefined
 * when the text is neither.
 */
export function decimalNumber(t: string): number | undefined {
	if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
	const [whole, fraction, ...more] = t.split('点');
	if (fraction === undefined) return chineseNumber(t);
	const w = decimalNumber(whole);
	const digits = [...fraction].map((c) => (/\d/.test(c) ? Number(c) : DIGITS[c]));
	if (more.length > 0 || w === undefined || fraction === '' || digits.some((d) => d === undefined)) return undefined;
	return Number(`${w}.${digits.join('')}`);
}

const NUMERAL_BEFORE_DATE_WORD = new RegExp(`[${CHINESE_NUMERAL_CHARS}]+(?=[年月日号时点分秒])`, 'g');

/**
 * Writes the Chinese numerals of a date in digits: 二〇二四年五月二十日 → 2024年5月20日, 下午三点 → 下午3点. Only a
 * numeral right before a date word is replaced, so 第一季度 keeps its words.
 */
export function dateNumeralsToDigits(t: string): string {
	if (!/[零〇一二两三四五六七八九十]/.test(t)) return t;
	return t.replace(NUMERAL_BEFORE_DATE_WORD, (s) => {
		const n = chineseNumber(s);
		return n === undefined ? s : String(n);
	});
}
