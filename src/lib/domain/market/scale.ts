/**
 * The market scale of an estate (docs/sources.md §14.2): which listings are comparable to it, where its fee
 * sits among theirs (percentile, median, interquartile range), and a hedonic model of listing fees on
 * log house price, age and building form. A second, independent scale beside the guide price: it is never
 * blended into the quality score Q, because a listing's fee says what is charged, not what is delivered.
 */
import { estateNameKey } from '../names/normalise';
import type { BuildingForm } from './listing-text';

/** One listing as the scale needs it; fee in 元/㎡·月 (per-household fees are left out before this). */
export interface MarketListing {
	readonly name: string;
	readonly area: string | null;
	/** Midpoint of the listed fee (a single value is its own midpoint). */
	readonly fee: number | null;
	readonly feeLow?: number | null;
	readonly feeHigh?: number | null;
	readonly yearBuilt: number | null;
	readonly form: BuildingForm | null;
	readonly housePrice: number | null;
	/** Households, when the file lists them. */
	readonly households?: number | null;
}

/** The estate placed on the scale: an own estate or one typed in. */
export interface MarketSubject {
	readonly name?: string;
	readonly area: string | null;
	readonly fee: number | null;
	readonly yearBuilt: number | null;
	/** 'multi' / 'high' from the estates table, or a listing form. */
	readonly form: BuildingForm | 'multi' | null;
	readonly housePrice: number | null;
	readonly households?: number | null;
}

/** The comparable rule; every part can be switched off or widened by the user. */
export interface ComparableRule {
	/** Same area (district or business area) when both have one. */
	readonly sameArea: boolean;
	/** Build year within ± this many years; null = any year. */
	readonly yearBand: number | null;
	/** Same height class (multi-storey or high-rise) when both are known. */
	readonly sameForm: boolean;
	/** House price within ± this share (0.3 = ±30 %) when both have one; null = any price. */
	readonly priceBand: number | null;
	/** Households within ± this share when both have them; null or absent = any size (the default). */
	readonly householdBand?: number | null;
}

/** Default rule [E]: same area, ±5 years, same height class, ±30 % house price (docs/sources.md §14.2). */
export const DEFAULT_COMPARABLE_RULE: ComparableRule = { sameArea: true, yearBand: 5, sameForm: true, priceBand: 0.3 };

/** Height class of a form: what a multi-storey or a high-rise own estate is compared on. */
export function heightClass(form: BuildingForm | 'multi' | null): 'multi' | 'high' | null {
	switch (form) {
		case 'low':
		case 'villa':
		case 'multi':
			return 'multi';
		case 'mid_high':
		case 'high':
		case 'tower':
		case 'slab_tower':
			return 'high';
		default:
			// A slab (板楼) can be 6 or 30 storeys; "mixed" is both: unknown, so it does not exclude.
			return null;
	}
}

/** Whether a listing is comparable to the subject under the rule. */
export function isComparable(subject: MarketSubject, l: MarketListing, rule: ComparableRule): boolean {
	if (rule.sameArea && subject.area && l.area && normaliseName(subject.area) !== normaliseName(l.area)) return false;
	if (rule.yearBand !== null && subject.yearBuilt !== null) {
		if (l.yearBuilt === null || Math.abs(l.yearBuilt - subject.yearBuilt) > rule.yearBand) return false;
	}
	if (rule.sameForm) {
		const a = heightClass(subject.form);
		const b = heightClass(l.form);
		if (a && b && a !== b) return false;
	}
	if (rule.priceBand !== null && subject.housePrice && l.housePrice) {
		if (Math.abs(l.housePrice / subject.housePrice - 1) > rule.priceBand) return false;
	}
	const hb = rule.householdBand ?? null;
	if (hb !== null && subject.households && l.households) {
		if (Math.abs(l.households / subject.households - 1) > hb) return false;
	}
	return true;
}

/** The rule in words, as the page shows it. */
export function describeRule(rule: ComparableRule, subject: MarketSubject): { zh: string; en: string } {
	const zh: string[] = [];
	const en: string[] = [];
	if (rule.sameArea && subject.area) {
		zh.push(`同一区域（${subject.area}）`);
		en.push(`same area (${subject.area})`);
	}
	if (rule.yearBand !== null && subject.yearBuilt !== null) {
		zh.push(`建成年份 ${subject.yearBuilt - rule.yearBand}–${subject.yearBuilt + rule.yearBand}`);
		en.push(`built ${subject.yearBuilt - rule.yearBand}–${subject.yearBuilt + rule.yearBand}`);
	}
	if (rule.sameForm && heightClass(subject.form)) {
		const h = heightClass(subject.form);
		zh.push(h === 'multi' ? '多层类（多层、别墅）' : '高层类（小高层、高层、塔楼、塔板结合）');
		en.push(h === 'multi' ? 'multi-storey class' : 'high-rise class');
	}
	if (rule.priceBand !== null && subject.housePrice) {
		zh.push(`房价 ±${Math.round(rule.priceBand * 100)}%`);
		en.push(`house price ±${Math.round(rule.priceBand * 100)}%`);
	}
	if (rule.householdBand != null && subject.households) {
		zh.push(`户数 ±${Math.round(rule.householdBand * 100)}%`);
		en.push(`households ±${Math.round(rule.householdBand * 100)}%`);
	}
	return { zh: zh.length ? zh.join('，') : '全部挂牌小区', en: en.length ? en.join(', ') : 'all listings' };
}

/** Folds an estate or area name for matching: NFKC, no spaces or punctuation, no trailing 小区/社区/区/街道. */
export function normaliseName(s: string): string {
	// The import's name key (docs/sources.md §18.5): listings and own estates are matched by the same rule as files.
	return estateNameKey(s);
}

// ---------------------------------------------------------------------------------------------------
// Descriptive statistics
// ---------------------------------------------------------------------------------------------------

/**
 * Quantile by linear interpolation between order statistics (Hyndman-Fan type 7: Excel QUARTILE.INC,
 * DuckDB quantile_cont): position h = (n − 1)·p in the sorted values. NaN for an empty list.
 */
export function quantile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const s = [...values].sort((a, b) => a - b);
	const h = (s.length - 1) * p;
	const lo = Math.floor(h);
	const hi = Math.ceil(h);
	return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

/** First and third quartile (type 7) and their difference. */
export function interquartile(values: readonly number[]): { q1: number; q3: number; iqr: number } {
	const q1 = quantile(values, 0.25);
	const q3 = quantile(values, 0.75);
	return { q1, q3, iqr: q3 - q1 };
}

/**
 * Mid-rank percentile of x among values: 100 × (count below + ½ count equal) / n. An estate charging the
 * median of its comparables is at 50; one below all of them at 0. Null for an empty list.
 */
export function midRankPercentile(x: number, values: readonly number[]): number | null {
	if (values.length === 0) return null;
	let below = 0;
	let equal = 0;
	for (const v of values) {
		if (v < x) below++;
		else if (v === x) equal++;
	}
	return (100 * (below + equal / 2)) / values.length;
}

// ---------------------------------------------------------------------------------------------------
// Ordinary least squares
// ---------------------------------------------------------------------------------------------------

/** Solves A x = b (n × n) by Gaussian elimination with partial pivoting; null when singular. */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
	const n = b.length;
	const m = a.map((row, i) => [...row, b[i]]);
	const scale = Math.max(...a.flat().map(Math.abs));
	if (!(scale > 0)) return null;
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
		if (Math.abs(m[pivot][col]) <= 1e-10 * scale) return null;
		[m[col], m[pivot]] = [m[pivot], m[col]];
		for (let r = col + 1; r < n; r++) {
			const f = m[r][col] / m[col][col];
			for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = m[r][n];
		for (let c = r + 1; c < n; c++) s -= m[r][c] * x[c];
		x[r] = s / m[r][r];
	}
	return x;
}

/** OLS y = X β (X includes the intercept column) by the normal equations; null when X'X is singular. */
export function ols(x: readonly (readonly number[])[], y: readonly number[]): { beta: number[]; r2: number | null } | null {
	const k = x[0]?.length ?? 0;
	if (k === 0 || x.length <= k) return null;
	const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	const xty = new Array<number>(k).fill(0);
	for (let i = 0; i < x.length; i++) {
		const row = x[i];
		for (let a = 0; a < k; a++) {
			xty[a] += row[a] * y[i];
			for (let b = a; b < k; b++) xtx[a][b] += row[a] * row[b];
		}
	}
	for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) xtx[a][b] = xtx[b][a];
	const beta = solveLinear(xtx, xty);
	if (!beta) return null;
	let ym = 0;
	for (const v of y) ym += v;
	ym /= y.length;
	let sst = 0;
	let sse = 0;
	for (let i = 0; i < x.length; i++) {
		let fit = 0;
		for (let a = 0; a < k; a++) fit += x[i][a] * beta[a];
		sse += (y[i] - fit) ** 2;
		sst += (y[i] - ym) ** 2;
	}
	return { beta, r2: sst > 0 ? 1 - sse / sst : null };
}

// ---------------------------------------------------------------------------------------------------
// The hedonic model
// ---------------------------------------------------------------------------------------------------

/**
 * fee = b0 + b1·ln(house price) + b2·age + Σ c_f·[form = f]. Fitted on every listing with a per-m² fee, a
 * house price and a build year. Forms with fewer than {@link MIN_FORM_ROWS} listings, and listings with no
 * form, share the reference level; the most common form is the reference.
 */
export interface HedonicModel {
	readonly n: number;
	readonly r2: number | null;
	readonly intercept: number;
	readonly logPrice: number;
	readonly age: number;
	/** Form dummies (the reference form has none). */
	readonly forms: Readonly<Record<string, number>>;
	readonly reference: string;
	/** Year ages are counted from (the listing file's reference year). */
	readonly refYear: number;
}

/** A form needs this many listings for its own dummy [E]. */
export const MIN_FORM_ROWS = 3;

/** Fits the hedonic model; null when fewer rows than coefficients + 1, or the design is singular. */
export function fitHedonic(listings: readonly MarketListing[], refYear: number): HedonicModel | null {
	const rows = listings.filter((l) => l.fee !== null && l.fee > 0 && l.housePrice !== null && l.housePrice > 0 && l.yearBuilt !== null);
	const counts = new Map<string, number>();
	for (const l of rows) counts.set(l.form ?? 'none', (counts.get(l.form ?? 'none') ?? 0) + 1);
	const eligible = [...counts.entries()].filter(([f, c]) => f !== 'none' && c >= MIN_FORM_ROWS).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
	const reference = eligible[0]?.[0] ?? 'none';
	const dummies = eligible.slice(1).map(([f]) => f);
	const x = rows.map((l) => [1, Math.log(l.housePrice!), refYear - l.yearBuilt!, ...dummies.map((f) => (l.form === f ? 1 : 0))]);
	const y = rows.map((l) => l.fee!);
	if (rows.length < x[0]?.length + 1) return null;
	const fit = ols(x, y);
	if (!fit) return null;
	const forms: Record<string, number> = {};
	dummies.forEach((f, i) => (forms[f] = fit.beta[3 + i]));
	return { n: rows.length, r2: fit.r2, intercept: fit.beta[0], logPrice: fit.beta[1], age: fit.beta[2], forms, reference, refYear };
}

/** The model's fee for an estate; null without a house price or a build year. */
export function hedonicExpected(m: HedonicModel, housePrice: number | null, yearBuilt: number | null, form: BuildingForm | 'multi' | null): number | null {
	if (!housePrice || housePrice <= 0 || yearBuilt === null) return null;
	const f = form === 'multi' ? 'low' : form;
	return m.intercept + m.logPrice * Math.log(housePrice) + m.age * (m.refYear - yearBuilt) + (f && m.forms[f] !== undefined ? m.forms[f] : 0);
}

// ---------------------------------------------------------------------------------------------------
// The scale of one estate
// ---------------------------------------------------------------------------------------------------

export interface MarketScale {
	readonly comparables: readonly MarketListing[];
	/** Comparables with a per-m² fee. */
	readonly n: number;
	readonly median: number | null;
	readonly q1: number | null;
	readonly q3: number | null;
	/** The subject's fee percentile among the comparables (mid-rank). */
	readonly percentile: number | null;
	readonly expected: number | null;
	readonly residual: number | null;
}

/** Comparables, their spread and the subject's place among them, plus the hedonic expectation. */
export function marketScale(subject: MarketSubject, listings: readonly MarketListing[], rule: ComparableRule, model: HedonicModel | null, exclude?: (l: MarketListing) => boolean): MarketScale {
	const comparables = listings.filter((l) => !(exclude && exclude(l)) && isComparable(subject, l, rule));
	const fees = comparables.map((l) => l.fee).filter((f): f is number => f !== null && f > 0);
	const iq = fees.length ? interquartile(fees) : null;
	const expected = model ? hedonicExpected(model, subject.housePrice, subject.yearBuilt, subject.form) : null;
	return {
		comparables,
		n: fees.length,
		median: fees.length ? quantile(fees, 0.5) : null,
		q1: iq?.q1 ?? null,
		q3: iq?.q3 ?? null,
		percentile: subject.fee !== null ? midRankPercentile(subject.fee, fees) : null,
		expected,
		residual: expected !== null && subject.fee !== null ? subject.fee - expected : null
	};
}
