/**
 * One column of values packed for IndexedDB: numbers in a Float64Array, texts joined into one string with their
 * lengths, yes/no in an Int8Array. Why: the structured clone that IndexedDB makes of a stored value runs on the main
 * thread, value by value; a city's 13,000 rows of 34 fields took 30-40 ms of one task to clone, while a typed array
 * or one long string is copied whole. Values read back are the same as those packed (null stays null, −0 stays −0).
 */

/** A packed column (kind 'any': the values as they were, for a column of mixed or other values). */
export type PackedColumn =
	| { kind: 'number'; values: Float64Array }
	| { kind: 'text'; text: string; lengths: Int32Array }
	| { kind: 'yes-no'; values: Int8Array }
	| { kind: 'any'; values: unknown[] };

/** The kind that holds every value exactly (null allowed in each): NaN is not a missing number, so it stays 'any'. */
function kindOf(values: readonly unknown[]): PackedColumn['kind'] {
	let kind: PackedColumn['kind'] | null = null;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === null) continue;
		const k = typeof v === 'number' && v === v ? 'number' : typeof v === 'string' ? 'text' : typeof v === 'boolean' ? 'yes-no' : 'any';
		if (k === 'any' || (kind !== null && k !== kind)) return 'any';
		kind = k;
	}
	return kind ?? 'number';
}

/**
 * Packs `n` values, value i read by `at(i)`. Plain loops: this runs once per stored snapshot, in code not yet
 * optimised, where Array.from and TypedArray.from with a callback cost 3-5 ms per column of a city.
 */
export function packColumn(n: number, at: (i: number) => unknown): PackedColumn {
	const values: unknown[] = new Array(n);
	for (let i = 0; i < n; i++) values[i] = at(i);
	const kind = kindOf(values);
	if (kind === 'number') {
		const out = new Float64Array(n);
		for (let i = 0; i < n; i++) out[i] = values[i] === null ? NaN : (values[i] as number);
		return { kind, values: out };
	}
	if (kind === 'yes-no') {
		const out = new Int8Array(n);
		for (let i = 0; i < n; i++) out[i] = values[i] === null ? -1 : values[i] ? 1 : 0;
		return { kind, values: out };
	}
	if (kind === 'text') {
		// Lengths, not a separator: a text may hold any character.
		const lengths = new Int32Array(n);
		const texts: string[] = [];
		for (let i = 0; i < n; i++) {
			const v = values[i] as string | null;
			lengths[i] = v === null ? -1 : v.length;
			if (v !== null) texts.push(v);
		}
		return { kind, text: texts.join(''), lengths };
	}
	return { kind, values };
}

/** The column's values as an array, in order (the inverse of {@link packColumn}). */
export function unpackColumn(c: PackedColumn): unknown[] {
	switch (c.kind) {
		case 'number': {
			const out: (number | null)[] = new Array(c.values.length);
			for (let i = 0; i < out.length; i++) out[i] = c.values[i] === c.values[i] ? c.values[i] : null;
			return out;
		}
		case 'yes-no': {
			const out: (boolean | null)[] = new Array(c.values.length);
			for (let i = 0; i < out.length; i++) out[i] = c.values[i] < 0 ? null : c.values[i] === 1;
			return out;
		}
		case 'text': {
			const out: (string | null)[] = new Array(c.lengths.length);
			let at = 0;
			for (let i = 0; i < c.lengths.length; i++) {
				const len = c.lengths[i];
				if (len < 0) out[i] = null;
				else {
					out[i] = c.text.slice(at, at + len);
					at += len;
				}
			}
			return out;
		}
		case 'any':
			return c.values;
	}
}
