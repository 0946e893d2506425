/**
 * The order rows are stored in when their dataset names a cluster column (DatasetMeta.clusterBy): grouped by that
 * column's text, groups in ascending order, rows of a group in the order they came. DuckDB keeps each row group's
 * smallest and largest value and skips a group a filter rules out. Scores stored estate by estate put every period
 * in every row group, so the analysis, which reads two periods of a city's sixty, read all of them
 * (docs/performance.md, session 26).
 */
import { compareCodePoints } from '../domain/code-point-order';

/** Codes of the keys of rows: `codes[i]` is row i's key as an index into `keys`, or -1 for a row without one. */
export interface KeyCodes {
	codes: Int32Array;
	keys: string[];
}

/** Row i's key is `values[i]` as text; null, undefined and '' are no key. */
export function keyCodes(values: ArrayLike<unknown>): KeyCodes {
	const n = values.length;
	const codes = new Int32Array(n);
	const keys: string[] = [];
	const index = new Map<string, number>();
	// Rows of one key often come together: the last key is tried before the map.
	let last: string | undefined;
	let lastCode = -1;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === null || v === undefined || v === '') {
			codes[i] = -1;
			continue;
		}
		const s = typeof v === 'string' ? v : String(v);
		if (s !== last) {
			let c = index.get(s);
			if (c === undefined) {
				c = keys.length;
				keys.push(s);
				index.set(s, c);
			}
			last = s;
			lastCode = c;
		}
		codes[i] = lastCode;
	}
	return { codes, keys };
}

/** Rows passed between two chances to end the task in {@link clusterOrderSteps}. */
const STEP_ROWS = 1 << 20;

/**
 * The stored order of rows with these key codes: a permutation of 0…n−1 grouping the rows by key, keys in ascending
 * order, rows without a key last, each group in the rows' own order. Null when the rows are already in that order
 * (nothing to move).
 */
export function clusterOrder(keyCodes: KeyCodes): Int32Array | null {
	const steps = clusterOrderSteps(keyCodes);
	for (;;) {
		const r = steps.next();
		if (r.done) return r.value;
	}
}

/** {@link clusterOrder} in steps of about a million rows, for runSteps: a city's 9 million scores are not one task. */
export function* clusterOrderSteps({ codes, keys }: KeyCodes): Generator<void, Int32Array | null, void> {
	const k = keys.length;
	const byText = keys.map((_, c) => c).sort((a, b) => compareCodePoints(keys[a], keys[b]));
	// rank[c + 1]: the place of code c's group; no key (-1) goes after every key.
	const rank = new Int32Array(k + 1);
	rank[0] = k;
	byText.forEach((c, place) => (rank[c + 1] = place));
	const n = codes.length;
	const count = new Int32Array(k + 2);
	let ordered = true;
	let previous = 0;
	for (let i = 0; i < n; i++) {
		if (i > 0 && i % STEP_ROWS === 0) yield;
		const r = rank[codes[i] + 1];
		if (r < previous) ordered = false;
		previous = r;
		count[r + 1]++;
	}
	if (ordered) return null;
	// count[r] becomes the first position of group r.
	for (let r = 1; r <= k + 1; r++) count[r] += count[r - 1];
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if (i > 0 && i % STEP_ROWS === 0) yield;
		order[count[rank[codes[i] + 1]]++] = i;
	}
	return order;
}
