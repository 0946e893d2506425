/**
 * The peer test's expected fee: ordinary least squares of fee on quality Q and building age, fitted
 * within one building type, with explicit fall-backs when the data cannot support it.
 */
import { formatFigure } from './format';
import type { Bilingual } from './provenance';
import { mean, median } from './stats';
import { runAllSteps } from './steps';

/** One estate in the fitting set. Fee in 元/㎡·月, Q on 0-100, age in years (null when unknown). */
export interface PeerRow {
	fee: number;
	q: number;
	age?: number | null;
}

/** Which model was fitted, from richest to plainest. */
export type PeerModelMethod = 'ols_q_age' | 'ols_q' | 'median' | 'none';

/** Coefficients of fee = intercept + q × Q + age × age (terms not in the model are 0). */
export interface PeerCoefficients {
	intercept: number;
	q: number;
	age: number;
}

/** A fitted peer model, or the reason there is none. */
export interface PeerModel {
	method: PeerModelMethod;
	/** Null only when method is 'none'. */
	coef: PeerCoefficients | null;
	/** Rows the chosen model was fitted on. */
	n: number;
	/** Share of fee variance explained; null for the median and when all fees are equal (0 / 0). */
	r2: number | null;
	/** Rows left out because fee or Q was not a finite number. */
	dropped: number;
	/** Why each richer model was not used, in order. */
	fallbacks: Bilingual[];
}

/** Minimum rows per model. */
export interface FitOptions {
	/** Rows needed for fee ~ Q + age. */
	minRowsQAge: number;
	/** Rows needed for fee ~ Q. */
	minRowsQ: number;
}

/**
 * Default minimums [E]: one row more than the model has coefficients, so a fit is never exact by
 * construction (3 + 1 and 2 + 1). Raise them for a stricter appraisal; the UI shows n either way.
 */
export const DEFAULT_FIT_OPTIONS: FitOptions = { minRowsQAge: 4, minRowsQ: 3 };

/** Below this, 1 − r²(Q, age) counts as perfectly collinear. */
const COLLINEARITY_TOLERANCE = 1e-10;
/** Below this share of the raw sum of squares, a column's spread counts as zero (float noise). */
const ZERO_SPREAD_TOLERANCE = 1e-12;

/**
 * Solve a 3 × 3 linear system A x = b by Gaussian elimination with partial pivoting.
 * Returns null when A is singular (a pivot vanishes relative to the matrix's scale).
 */
export function solve3x3(a: readonly (readonly number[])[], b: readonly number[]): [number, number, number] | null {
	const m = a.map((row, i) => [row[0], row[1], row[2], b[i]]);
	const scale = Math.max(...a.flat().map(Math.abs));
	if (!(scale > 0)) return null;
	for (let col = 0; col < 3; col++) {
		let pivot = col;
		for (let r = col + 1; r < 3; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
		if (Math.abs(m[pivot][col]) <= 1e-12 * scale) return null;
		[m[col], m[pivot]] = [m[pivot], m[col]];
		for (let r = col + 1; r < 3; r++) {
			const f = m[r][col] / m[col][col];
			for (let c = col; c < 4; c++) m[r][c] -= f * m[col][c];
		}
	}
	const x = [0, 0, 0];
	for (let r = 2; r >= 0; r--) {
		let s = m[r][3];
		for (let c = r + 1; c < 3; c++) s -= m[r][c] * x[c];
		x[r] = s / m[r][r];
	}
	return [x[0], x[1], x[2]];
}

/*
 * The sums below are each accumulated in index order, as a separate loop per sum would (the same additions in the
 * same order, so the same bits), but several in one pass: a city's first fit runs this in code not yet optimised,
 * where each pass over 8,000 estates costs several milliseconds.
 */

/**
 * r² = 1 − SSres / SStot of a fitted model over its own rows; null when the fees do not vary. Each fitted value is
 * worked out where it is used (intercept + b·Q, + c·age when `withAge`), the same doubles a column of them would hold:
 * no column of fitted values is allocated (fresh memory costs ~3 ms per MB on the bench machine, see
 * docs/performance.md, session 23).
 */
function rSquared({ fee: fees, q, age }: PeerColumns, c: PeerCoefficients, withAge: boolean): number | null {
	const my = mean(fees);
	let ssTot = 0;
	let raw = 0;
	let ssRes = 0;
	for (let i = 0; i < fees.length; i++) {
		const f = fees[i];
		const fitted = withAge ? c.intercept + c.q * q[i] + c.age * age[i] : c.intercept + c.q * q[i];
		ssTot += (f - my) * (f - my);
		raw += f * f;
		ssRes += (f - fitted) ** 2;
	}
	if (noSpread(ssTot, raw)) return null;
	return 1 - ssRes / ssTot;
}

/** True when a column has no spread beyond float noise: its centred sum of squares against its raw one. */
function noSpread(centredSum: number, rawSum: number): boolean {
	return centredSum <= ZERO_SPREAD_TOLERANCE * rawSum;
}

/** The means of fee, Q and age (NaN for no rows), in one pass. */
function means3({ fee, q, age }: PeerColumns): [number, number, number] {
	const n = fee.length;
	if (n === 0) return [NaN, NaN, NaN];
	let sy = 0;
	let sq = 0;
	let sa = 0;
	for (let i = 0; i < n; i++) {
		sy += fee[i];
		sq += q[i];
		sa += age[i];
	}
	return [sy / n, sq / n, sa / n];
}

/** The fitting set as columns (one index per estate): fee, Q and age, NaN where missing. */
export interface PeerColumns {
	fee: Float64Array;
	q: Float64Array;
	age: Float64Array;
}

/** fee ~ Q + age, or the reason it cannot be fitted. */
function fitQAge(cols: PeerColumns): PeerCoefficients | Bilingual {
	const { fee, q, age } = cols;
	const [my, mq, ma] = means3(cols);
	// Σ(q−q̄)², Σ(a−ā)², Σ(q−q̄)(a−ā), Σq², Σa², Σ(q−q̄)(y−ȳ), Σ(a−ā)(y−ȳ)
	let sqq = 0;
	let saa = 0;
	let sqa = 0;
	let rq = 0;
	let ra = 0;
	let sqy = 0;
	let say = 0;
	for (let i = 0; i < fee.length; i++) {
		const dq = q[i] - mq;
		const da = age[i] - ma;
		const dy = fee[i] - my;
		sqq += dq * dq;
		saa += da * da;
		sqa += dq * da;
		rq += q[i] * q[i];
		ra += age[i] * age[i];
		sqy += dq * dy;
		say += da * dy;
	}
	if (noSpread(sqq, rq) || noSpread(saa, ra)) {
		return { zh: 'Q 或房龄没有差异，无法同时估计两者的影响。', en: 'Q or age does not vary, so both effects cannot be estimated.' };
	}
	if (sqq * saa - sqa * sqa <= COLLINEARITY_TOLERANCE * sqq * saa) {
		return { zh: 'Q 与房龄完全共线，无法区分两者的影响。', en: 'Q and age are collinear, so their effects cannot be told apart.' };
	}
	// Normal equations of the centred design [1, Q − Q̄, age − ā]: the same least-squares fit as the raw
	// design, but far better conditioned (raw Q² sums dwarf the intercept row).
	const coef = solve3x3(
		[
			[fee.length, 0, 0],
			[0, sqq, sqa],
			[0, sqa, saa]
		],
		[fee.length * my, sqy, say]
	);
	if (!coef) return { zh: '正规方程组奇异。', en: 'The normal equations are singular.' };
	const [c0, bq, ba] = coef;
	return { intercept: c0 - bq * mq - ba * ma, q: bq, age: ba };
}

/** fee ~ Q, or the reason it cannot be fitted. */
function fitQ({ fee, q }: PeerColumns): PeerCoefficients | Bilingual {
	const [my, mq] = [mean(fee), mean(q)];
	let sqq = 0;
	let rq = 0;
	let sqy = 0;
	for (let i = 0; i < fee.length; i++) {
		const dq = q[i] - mq;
		sqq += dq * dq;
		rq += q[i] * q[i];
		sqy += dq * (fee[i] - my);
	}
	if (noSpread(sqq, rq)) return { zh: 'Q 没有差异，无法估计其影响。', en: 'Q does not vary, so its effect cannot be estimated.' };
	const bq = sqy / sqq;
	return { intercept: my - bq * mq, q: bq, age: 0 };
}

function tooFew(n: number, need: number, model: string): Bilingual {
	return {
		zh: `${model}需要至少 ${need} 个小区，只有 ${n} 个。`,
		en: `${model} needs at least ${need} estates; there are ${n}.`
	};
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The rows of `c` with a finite fee and Q (and age, with `needAge`), as new columns in order, or `c` itself when
 * every row is kept. Plain loops, no callback per row: a city's first fit runs this in code not yet optimised.
 */
function keepFinite(c: PeerColumns, needAge: boolean): PeerColumns {
	const { fee, q, age } = c;
	const n = fee.length;
	// Every row kept (the usual case): the columns themselves, only read from here on. A copy (and its index) was
	// ~0.3 MB of fresh memory per building type on every weight change.
	let first = 0;
	while (first < n && Number.isFinite(fee[first]) && Number.isFinite(q[first]) && (!needAge || Number.isFinite(age[first]))) first++;
	if (first === n) return c;
	const at = new Int32Array(n);
	let m = 0;
	for (let i = 0; i < n; i++) {
		if (Number.isFinite(fee[i]) && Number.isFinite(q[i]) && (!needAge || Number.isFinite(age[i]))) at[m++] = i;
	}
	const out = { fee: new Float64Array(m), q: new Float64Array(m), age: new Float64Array(m) };
	for (let j = 0; j < m; j++) {
		const i = at[j];
		out.fee[j] = fee[i];
		out.q[j] = q[i];
		out.age[j] = age[i];
	}
	return out;
}

/**
 * Fit the peer model on estates of one building type: fee = b0 + b1·Q + b2·age by least squares. Falls
 * back to fee = b0 + b1·Q when too few rows have an age, or Q and age do not vary independently; then to
 * the median fee; then to 'none' when no row is usable. Rows without a finite fee or Q are dropped; rows
 * without an age are used only by the plainer models. Every fall-back is explained in `fallbacks`.
 */
export function fitPeerModel(rows: readonly PeerRow[], options: FitOptions = DEFAULT_FIT_OPTIONS): PeerModel {
	const num = (v: unknown) => (isNum(v) ? v : NaN);
	return fitPeerColumns(
		{ fee: Float64Array.from(rows, (r) => num(r.fee)), q: Float64Array.from(rows, (r) => num(r.q)), age: Float64Array.from(rows, (r) => num(r.age)) },
		options
	);
}

/**
 * {@link fitPeerModel} over columns (NaN for a missing or non-finite value): the district fit's path, without an
 * object per estate. The same arithmetic in the same order, so the same model to the last bit.
 */
export function fitPeerColumns(rows: PeerColumns, options: FitOptions = DEFAULT_FIT_OPTIONS): PeerModel {
	return runAllSteps(fitPeerColumnsSteps(rows, options));
}

/**
 * {@link fitPeerColumns} as steps: it pauses three times, whatever the data (after the rows with a fee and Q are
 * kept, after those with an age too, after the fee ~ Q + age attempt), so a page can end its task there. A city's
 * first fit of 8,000 multi-storey estates runs in code not yet optimised and took 40-70 ms in one piece.
 */
export function* fitPeerColumnsSteps(rows: PeerColumns, options: FitOptions = DEFAULT_FIT_OPTIONS): Generator<void, PeerModel, void> {
	const valid = keepFinite(rows, false);
	const dropped = rows.fee.length - valid.fee.length;
	const fallbacks: Bilingual[] = [];
	yield;

	const withAge = keepFinite(valid, true);
	yield;
	const qAge = withAge.fee.length < options.minRowsQAge ? null : fitQAge(withAge);
	yield;
	if (qAge === null) {
		fallbacks.push(tooFew(withAge.fee.length, options.minRowsQAge, 'fee ~ Q + age'));
	} else if ('intercept' in qAge) {
		return { method: 'ols_q_age', coef: qAge, n: withAge.fee.length, r2: rSquared(withAge, qAge, true), dropped, fallbacks };
	} else {
		fallbacks.push(qAge);
	}

	const n = valid.fee.length;
	if (n < options.minRowsQ) {
		fallbacks.push(tooFew(n, options.minRowsQ, 'fee ~ Q'));
	} else {
		const fit = fitQ(valid);
		if ('intercept' in fit) {
			return { method: 'ols_q', coef: fit, n, r2: rSquared(valid, fit, false), dropped, fallbacks };
		}
		fallbacks.push(fit);
	}

	if (n === 0) {
		fallbacks.push({ zh: '没有可用的小区数据。', en: 'No usable estates.' });
		return { method: 'none', coef: null, n: 0, r2: null, dropped, fallbacks };
	}
	// The median of one fee is that estate's own fee: no comparison at all, so say what is missing instead.
	if (n < 2) {
		fallbacks.push({
			zh: '同类比较需要至少 2 个有物业费和 Q 的同类小区，只有 1 个。可在“数据”页导入所在街道或区的小区。',
			en: 'A peer comparison needs at least 2 estates of this type with a fee and Q; there is 1. Import the estates of your subdistrict or district on the Data page.'
		});
		return { method: 'none', coef: null, n, r2: null, dropped, fallbacks };
	}
	const m = median(valid.fee);
	return { method: 'median', coef: { intercept: m, q: 0, age: 0 }, n, r2: null, dropped, fallbacks };
}

/**
 * Expected fee for an estate with quality Q and age. Null when the model is 'none', or it uses a term
 * (Q, age) that this estate lacks.
 */
export function expectedFee(model: PeerModel, q: number | null | undefined, age?: number | null): number | null {
	const c = model.coef;
	if (!c) return null;
	switch (model.method) {
		case 'median':
			return c.intercept;
		case 'ols_q':
			return isNum(q) ? c.intercept + c.q * q : null;
		case 'ols_q_age':
			return isNum(q) && isNum(age) ? c.intercept + c.q * q + c.age * age : null;
		default:
			return null;
	}
}

/** Fee minus expected fee (positive: charges more than peers of the same quality); null if no expectation. */
export function residual(model: PeerModel, fee: number, q: number | null | undefined, age?: number | null): number | null {
	const e = expectedFee(model, q, age);
	return e === null || !isNum(fee) ? null : fee - e;
}

/**
 * Percentile rank of `value` among `values`: the share of values ≤ value, as 0-100 (the largest value
 * ranks 100; ties share the higher rank). Non-finite values are ignored; null for an empty list.
 */
export function percentileRank(value: number, values: readonly number[]): number | null {
	const clean = values.filter(isNum);
	if (clean.length === 0 || !isNum(value)) return null;
	return (100 * clean.filter((v) => v <= value).length) / clean.length;
}

/** A one-line description of a fitted model for display, e.g. "fee = 0.5 + 0.02·Q − 0.01·age (n = 5, R² = 1)". */
export function describePeerModel(model: PeerModel): Bilingual {
	const c = model.coef;
	if (!c) return { zh: '无可用模型。', en: 'No model.' };
	const term = (b: number, name: string) => ` ${b < 0 ? '−' : '+'} ${formatFigure(Math.abs(b), 4)}·${name}`;
	let formula = `fee = ${formatFigure(c.intercept, 4)}`;
	if (model.method === 'ols_q' || model.method === 'ols_q_age') formula += term(c.q, 'Q');
	if (model.method === 'ols_q_age') formula += term(c.age, 'age');
	const r2 = model.r2 === null ? '' : `, R² = ${formatFigure(model.r2, 3)}`;
	if (model.method === 'median') {
		return { zh: `同类小区物业费中位数 ${formatFigure(c.intercept)}（n = ${model.n}）`, en: `Median peer fee ${formatFigure(c.intercept)} (n = ${model.n})` };
	}
	return { zh: `${formula}（n = ${model.n}${r2}）`, en: `${formula} (n = ${model.n}${r2})` };
}
