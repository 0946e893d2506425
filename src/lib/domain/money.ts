/**
 * Money to the fen (docs/sources.md §15, "Money and rounding").
 *
 * Every amount that is paid, billed or budgeted is an integer number of fen (0.01 yuan), so sums are exact and a
 * total always equals the sum of its parts as written. Three rules:
 * 1. An amount computed by a formula (a subsidy, a bill) is rounded once to the fen, half away from zero.
 * 2. A fixed sum shared among parts (a pro-rata cut, a cap split, a cost shared by area) is allocated by the
 *    largest-remainder rule: each part gets the floor of its exact share, and the fen left over go one each to the
 *    parts with the largest remainders (ties: the earlier part). The parts add up to the whole exactly
 *    (分摊尾差按最大余数法).
 * 3. A fee per ㎡ and month keeps its computed precision inside, and is shown, exported and billed rounded to the fen
 *    per ㎡ (0.01 元/㎡·月, half away from zero); a bill or a year's income built on it uses the rounded fee.
 *
 * Pure TypeScript: no Svelte, no DuckDB.
 */

/** Fen per yuan. */
export const FEN_PER_YUAN = 100;

/**
 * Binary floating point stores 1.005 as 1.00499999…; a nudge far below a fen but far above the error of one
 * multiplication makes "1.005" round as written.
 */
const NUDGE = 1e-7;

/** Rounds a non-negative or negative real to an integer, half away from zero, as written in decimal. */
function roundHalfAway(x: number): number {
	const r = Math.floor(Math.abs(x) + 0.5 + NUDGE);
	return x < 0 ? -r : r;
}

/**
 * Yuan to integer fen, half away from zero (12.345 → 1235).
 * @throws RangeError for a non-finite amount or one beyond the exact-integer range of a double.
 */
export function toFen(yuan: number): number {
	if (!Number.isFinite(yuan)) throw new RangeError(`amount must be a finite number of yuan, got ${yuan}`);
	const fen = roundHalfAway(yuan * FEN_PER_YUAN);
	if (!Number.isSafeInteger(fen)) throw new RangeError(`amount ${yuan} yuan is too large to count in fen`);
	return fen === 0 ? 0 : fen; // no -0
}

/** Integer fen to yuan (the nearest double; printed with at most two decimals). */
export function fenToYuan(fen: number): number {
	return fen / FEN_PER_YUAN;
}

/** Yuan rounded to the fen, as a yuan number (toFen then back). */
export function roundYuan(yuan: number): number {
	return fenToYuan(toFen(yuan));
}

/** A fee per ㎡ and month rounded to the fen per ㎡ (0.01 元/㎡·月), half away from zero: rule 3. */
export function roundFee(fee: number): number {
	if (!Number.isFinite(fee)) throw new RangeError(`fee must be a finite number, got ${fee}`);
	const r = roundHalfAway(fee * 100) / 100;
	return r === 0 ? 0 : r;
}

/** Sum of integer fen (exact while the total stays a safe integer). */
export function sumFen(parts: readonly number[]): number {
	let s = 0;
	for (const p of parts) s += p;
	return s;
}

/**
 * Fen as a decimal string with exactly two decimals, computed from the integer (no floating point):
 * 300000000 → "3000000.00", -5 → "-0.05". `group` adds thousands separators ("3,000,000.00").
 */
export function formatFen(fen: number, group = false): string {
	if (!Number.isSafeInteger(fen)) throw new RangeError(`fen must be a whole number, got ${fen}`);
	const neg = fen < 0;
	const abs = Math.abs(fen);
	let whole = String(Math.floor(abs / 100));
	const cents = String(abs % 100).padStart(2, '0');
	if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
	return `${neg ? '-' : ''}${whole}.${cents}`;
}

/**
 * Shares `total` (an integer: fen, households, …) among parts in proportion to `weights` by the largest-remainder
 * rule (rule 2). The result has one integer per weight and sums to `total` exactly. Integer weights (fen) are
 * divided exactly with BigInt; other weights (areas in ㎡) with doubles, the leftover units still counted exactly.
 * All-zero weights share nothing unless total is 0.
 * @throws RangeError for a total that is not a whole number ≥ 0, a negative or non-finite weight, or a positive
 *   total with all weights 0.
 */
export function allocateLargestRemainder(total: number, weights: readonly number[]): number[] {
	if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`total must be a whole number ≥ 0, got ${total}`);
	for (const w of weights) if (!(Number.isFinite(w) && w >= 0)) throw new RangeError(`weights must be finite and ≥ 0, got ${w}`);
	const n = weights.length;
	if (n === 0) {
		if (total !== 0) throw new RangeError(`cannot share ${total} among no parts`);
		return [];
	}
	const parts = new Array<number>(n).fill(0);
	if (total === 0) return parts;
	const exact = weights.every((w) => Number.isSafeInteger(w));
	// remainders are compared as fractions rem_i / den with one common denominator (exact case) or as doubles.
	let rems: (bigint | number)[];
	if (exact) {
		const W = weights.reduce((s, w) => s + BigInt(w), 0n);
		if (W === 0n) throw new RangeError(`cannot share ${total} among parts that all weigh 0`);
		const T = BigInt(total);
		rems = weights.map((w, i) => {
			const num = T * BigInt(w);
			parts[i] = Number(num / W);
			return num % W;
		});
	} else {
		const W = weights.reduce((s, w) => s + w, 0);
		if (!(W > 0)) throw new RangeError(`cannot share ${total} among parts that all weigh 0`);
		rems = weights.map((w, i) => {
			const q = (total * w) / W;
			parts[i] = Math.floor(q);
			return q - parts[i];
		});
	}
	let left = total - sumFen(parts);
	const order = rems
		.map((r, i) => ({ r, i }))
		.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
	// Doubles may leave a part one unit short of its floor (q = 2.9999…); the loop still hands out every unit.
	for (let k = 0; left > 0; k = (k + 1) % n) {
		parts[order[k].i] += 1;
		left -= 1;
	}
	while (left < 0) {
		// Only with doubles: floors summed one unit too many; take it back from the smallest remainder.
		const j = order[order.length - 1].i;
		parts[j] -= 1;
		left += 1;
	}
	return parts;
}

/** The rule as shown where an allocation applies. */
export const LARGEST_REMAINDER_RULE = {
	zh: '分摊尾差按最大余数法：各份先取按比例计算的整分，余下的分依余数从大到小逐一补足，合计与总额分毫不差（《质价方法与来源说明》§15）',
	en: 'Remainders by the largest-remainder rule: each part takes the whole fen of its exact share, and the fen left over go one each to the largest remainders, so the parts add up to the total exactly (Method notes §15)'
} as const;

/** The fee rounding rule as shown where a fee per ㎡ is used. */
export const FEE_ROUNDING_RULE = {
	zh: '单价按四舍五入保留到 0.01 元/㎡·月，账单与年度合计按取整后的单价计算（《质价方法与来源说明》§15）',
	en: 'Fees are rounded half up to 0.01 yuan/m²/month; bills and yearly sums use the rounded fee (Method notes §15)'
} as const;

const ZH_DIGITS = '零一二三四五六七八九';
const ZH_UNITS = ['', '十', '百', '千'];

/** 0-9999 in Chinese numerals (3051 → 三千零五十一). */
function zhFour(n: number): string {
	let s = '';
	let zero = false;
	for (let p = 3; p >= 0; p--) {
		const d = Math.floor(n / 10 ** p) % 10;
		if (d === 0) {
			if (s) zero = true;
		} else {
			if (zero) s += '零';
			zero = false;
			s += ZH_DIGITS[d] + ZH_UNITS[p];
		}
	}
	return s;
}

/** A whole number ≥ 0 in Chinese numerals with 万 and 亿 (30,000,000 → 三千万; 1,000,005 → 一百万零五). */
export function zhNumber(n: number): string {
	if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`a whole number ≥ 0 is needed, got ${n}`);
	if (n === 0) return '零';
	let s = '';
	let rest = n;
	let gap = false;
	for (const [base, name] of [[1e8, '亿'], [1e4, '万'], [1, '']] as const) {
		const g = Math.floor(rest / base);
		rest %= base;
		if (g === 0) {
			if (s) gap = true;
			continue;
		}
		if (s && (gap || g < 1000)) s += '零';
		gap = false;
		s += (base === 1e8 ? zhNumber(g) : zhFour(g)) + name;
	}
	return s.startsWith('一十') ? s.slice(1) : s;
}

/**
 * An amount of yuan in words, so a figure typed into a field is read back in its unit: zh "三千万元" (with 角 and
 * 分 when there are any), en "30 million yuan" (up to four significant digits; exact below a thousand).
 */
export function amountInWords(yuan: number, lang: 'zh' | 'en'): string {
	const fen = toFen(yuan);
	const neg = fen < 0;
	const abs = Math.abs(fen);
	const whole = Math.floor(abs / 100);
	if (lang === 'zh') {
		const jiao = Math.floor((abs % 100) / 10);
		const fenPart = abs % 10;
		let s = `${zhNumber(whole)}元`;
		if (jiao > 0) s += `${ZH_DIGITS[jiao]}角`;
		if (fenPart > 0) s += `${jiao === 0 && whole > 0 ? '零' : ''}${ZH_DIGITS[fenPart]}分`;
		return (neg ? '负' : '') + s;
	}
	const scales: [number, string][] = [
		[1e12, 'trillion'],
		[1e9, 'billion'],
		[1e6, 'million'],
		[1e3, 'thousand']
	];
	const x = abs / 100;
	for (const [base, name] of scales) {
		if (x >= base) return `${neg ? 'minus ' : ''}${Number((x / base).toPrecision(4))} ${name} yuan`;
	}
	return `${neg ? 'minus ' : ''}${Number(x.toFixed(2))} yuan`;
}
