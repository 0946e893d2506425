/**
 * The header mapping's second look, at the values: a header can name a coded column that its values are not. 房屋类型
 * is an estate's type in one office (商品房, 安置房) and its building type in another (多层, 高层); 收费方式 holds the
 * pricing regime (政府指导价, 市场调节价) though no list of headers has it. Where the header alone leaves a column
 * ignored, or maps it to a coded column whose values it does not hold, the values decide, and only towards a coded
 * column no other header has taken.
 */
import { codesByLabel, matchEnumValue, normalizeLabel, type ColumnMeta } from '../data/datasets';
import { formOfText } from './values/building-form';
import { lookupWord } from './conversions/value-map';
import type { Cell } from './types';
import { cellText, isMissing } from './values/core';

/** Rows of a column read to judge its values: enough to see its words, cheap on a million rows. */
const SAMPLE_ROWS = 1000;
/** A column's distinct texts judged at most. */
const SAMPLE_TEXTS = 200;
/** A column holds a coded column's values when at least this share of its distinct texts are among them… */
const FITS = 0.8;
/** …and does not hold them when at most this share are. */
const MISFITS = 0.2;

/** A column's distinct filled texts (its first rows, normalised as labels) and how many cells were filled. */
interface Sample {
	readonly labels: readonly string[];
	readonly texts: readonly string[];
	readonly filled: number;
}
/** Worked out once per column: detection maps the same columns for every dataset. */
const samples = new WeakMap<readonly Cell[], Sample>();

function sampleOf(cells: readonly Cell[]): Sample {
	let s = samples.get(cells);
	if (s) return s;
	const texts = new Set<string>();
	let filled = 0;
	for (let r = 0; r < Math.min(cells.length, SAMPLE_ROWS) && texts.size < SAMPLE_TEXTS; r++) {
		const cell = cells[r];
		if (cell === null || isMissing(cell)) continue;
		const text = cellText(cell).trim();
		if (text === '') continue;
		filled++;
		texts.add(text);
	}
	s = { texts: [...texts], labels: [...texts].map(normalizeLabel), filled };
	samples.set(cells, s);
	return s;
}

/** A building form written as floors or as the main form (18层, 多层为主; values/building-form.ts). */
const formByFloors = (column: ColumnMeta, text: string): boolean => column.name === 'building_type' && formOfText(text, (w) => matchEnumValue(column, w)) !== undefined;

/** Share of a column's distinct texts (its first rows) that are values of a coded column; null below two filled cells. */
export function valueFit(column: ColumnMeta, cells: readonly Cell[]): number | null {
	const s = sampleOf(cells);
	if (s.filled < 2 || !column.values) return null;
	const words = codesByLabel(column.values);
	let known = 0;
	for (let k = 0; k < s.texts.length; k++) {
		// A fee unit is also read from a text such as 元/平方米·月 (lookupWord); every other column from its words.
		if (words.has(s.labels[k]) || (column.name === 'fee_unit' && lookupWord(column, s.texts[k]) !== undefined) || formByFloors(column, s.texts[k])) known++;
	}
	return known / s.texts.length;
}

/**
 * Refines a header mapping (in place) by the columns' values, for the coded columns (`values`) of `columns`:
 * 1. a header mapped to a coded column whose values are not that column's (at most {@link MISFITS}) but are a free
 *    coded column's (at least {@link FITS}) moves there; the column it leaves goes to the first later header that
 *    named it too (a duplicate), whose values are then checked as usual;
 * 2. a header mapped to nothing, or a duplicate, whose values are a free coded column's takes it.
 * `taken`: column → header index; `duplicates`: [header, the header holding its column], kept true to the result.
 * Returns the headers the values mapped (step 1's moves and step 2's), for the import to say so.
 */
export function mapByValues(
	columns: readonly ColumnMeta[],
	cells: readonly (readonly Cell[])[],
	mapping: (string | null)[],
	taken: Map<string, number>,
	duplicates: [number, number][]
): number[] {
	const moved: number[] = [];
	const coded = columns.filter((c) => c.values && c.values.length > 0);
	// Both steps only ever move a header to a coded column no header has taken.
	if (!coded.some((c) => !taken.has(c.name))) return moved;
	const fits = new Map<string, number | null>();
	const fit = (i: number, column: ColumnMeta): number => {
		const key = `${i}\u0000${column.name}`;
		if (!fits.has(key)) fits.set(key, cells[i] ? valueFit(column, cells[i]) : null);
		return fits.get(key) ?? -1;
	};
	const freeFor = (i: number) => coded.find((c) => !taken.has(c.name) && fit(i, c) >= FITS);

	for (const column of coded) {
		const i = taken.get(column.name);
		if (i === undefined) continue;
		const own = fit(i, column);
		if (own < 0 || own > MISFITS) continue;
		const other = freeFor(i);
		if (!other) continue;
		taken.delete(column.name);
		taken.set(other.name, i);
		mapping[i] = other.name;
		moved.push(i);
		const mine = duplicates.filter(([, first]) => first === i);
		if (mine.length === 0) continue;
		const heir = mine[0][0];
		taken.set(column.name, heir);
		mapping[heir] = column.name;
		for (const d of mine) d[1] = heir;
		duplicates.splice(duplicates.indexOf(mine[0]), 1);
	}

	for (let i = 0; i < mapping.length; i++) {
		if (mapping[i] !== null) continue;
		const column = freeFor(i);
		if (!column) continue;
		taken.set(column.name, i);
		mapping[i] = column.name;
		moved.push(i);
		const k = duplicates.findIndex(([d]) => d === i);
		if (k >= 0) duplicates.splice(k, 1);
	}
	return moved;
}

/** The first `n` distinct filled texts of a column, to show what a header was read by. */
export function firstTexts(cells: readonly Cell[], n: number): string[] {
	return sampleOf(cells).texts.slice(0, n);
}
