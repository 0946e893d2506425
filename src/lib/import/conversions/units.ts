/**
 * Numbers with unit words ("3.2万㎡", "1,200户", "12栋", "2台", "85%", "6.5万元") and the factor that brings
 * them to the target column's unit. docs/sources.md §18.
 */
import type { Cell } from '../types';
import { fold, isMissing } from '../values/core';
import type { UnitConversion } from './types';

/** Unit words by what they measure, with the factor to the base unit of that measure. */
const UNIT_WORDS: Readonly<Record<string, { readonly base: string; readonly factor: number }>> = {
	'㎡': { base: '㎡', factor: 1 },
	m2: { base: '㎡', factor: 1 },
	平方米: { base: '㎡', factor: 1 },
	平米: { base: '㎡', factor: 1 },
	平: { base: '㎡', factor: 1 },
	'万㎡': { base: '㎡', factor: 1e4 },
	万m2: { base: '㎡', factor: 1e4 },
	万平方米: { base: '㎡', factor: 1e4 },
	万平米: { base: '㎡', factor: 1e4 },
	户: { base: '户', factor: 1 },
	套: { base: '户', factor: 1 },
	万户: { base: '户', factor: 1e4 },
	人: { base: '人', factor: 1 },
	栋: { base: '栋', factor: 1 },
	幢: { base: '栋', factor: 1 },
	台: { base: '台', factor: 1 },
	部: { base: '台', factor: 1 },
	元: { base: '元', factor: 1 },
	千元: { base: '元', factor: 1e3 },
	万元: { base: '元', factor: 1e4 },
	万: { base: '元', factor: 1e4 },
	亿元: { base: '元', factor: 1e8 },
	'%': { base: '%', factor: 0.01 }
};

/** The base unit a canonical column's unit is counted in ('元/年' counts yuan; a rate is a share). */
export function baseOfColumnUnit(unit: string | undefined, name: string): string | undefined {
	if (name === 'collection_rate') return '%';
	if (!unit) return undefined;
	if (unit === '元/年') return '元';
	return UNIT_WORDS[unit]?.base ?? unit;
}

/** Splits "1,234.5万㎡" into 1234.5 and '万㎡' (thousands separators and spaces dropped); undefined if no number. */
export function numberAndUnit(cell: Cell): { n: number; unit: string } | undefined {
	if (typeof cell === 'number') return Number.isFinite(cell) ? { n: cell, unit: '' } : undefined;
	if (typeof cell !== 'string' || isMissing(cell)) return undefined;
	const t = fold(cell).replace(/\s+/g, '').replace(/^[¥$]/, '');
	const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+)(.*)$/.exec(t);
	if (!m) return undefined;
	const n = Number(m[1].replaceAll(',', ''));
	const unit = m[2].normalize('NFKC') === 'm2' ? 'm2' : m[2];
	return Number.isFinite(n) ? { n, unit } : undefined;
}

/** The factor of a unit word to a base, or undefined when the word measures something else. */
export function unitFactor(word: string, base: string): number | undefined {
	const u = UNIT_WORDS[word] ?? UNIT_WORDS[word.normalize('NFKC')];
	return u && u.base === base ? u.factor : undefined;
}

/**
 * The unit the cells of a column are written in, when it differs from the column's own (a conversion is
 * needed): the most common unit word with a factor other than 1 that fits the base.
 */
export function detectUnit(cells: readonly Cell[], base: string): UnitConversion | undefined {
	const seen = new Map<string, number>();
	for (const c of cells) {
		const x = numberAndUnit(c);
		if (!x) continue;
		// A bare number beside '40万元' says nothing about its own unit: read each cell by its own word (the column
		// normaliser does), rather than guess that '115' means 115 万元. Only a column written all in one unit is converted.
		if (x.unit === '') return undefined;
		const f = unitFactor(x.unit, base);
		if (f !== undefined && f !== 1) seen.set(x.unit, (seen.get(x.unit) ?? 0) + 1);
	}
	let best: [string, number] | undefined;
	for (const e of seen) if (!best || e[1] > best[1]) best = e;
	return best ? { kind: 'unit', unit: best[0], factor: unitFactor(best[0], base)! } : undefined;
}

/**
 * A cell read under a unit conversion: a bare number is in the conversion's unit (×factor); a number with
 * its own unit word uses that word's factor; a word measuring something else is an error.
 */
export function applyUnit(conv: UnitConversion, cell: Cell, base: string): { value: number } | { error: 'not_a_number' | 'unknown_unit'; unit?: string } {
	const x = numberAndUnit(cell);
	if (!x) return { error: 'not_a_number' };
	if (x.unit === '') return { value: round(x.n * conv.factor) };
	const f = unitFactor(x.unit, base);
	return f === undefined ? { error: 'unknown_unit', unit: x.unit } : { value: round(x.n * f) };
}

function round(n: number): number {
	return Number(n.toPrecision(12));
}
