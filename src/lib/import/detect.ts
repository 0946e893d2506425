/**
 * What a file holds: which row is the header, which dataset the headers describe (scored by the required
 * columns matched through matchColumn), and how each header maps to a canonical column. Also recognises
 * wide score sheets (考评汇总表: one row per estate and period, one column per indicator named in Chinese),
 * which the importer melts into the long `scores` form.
 */
import { DATASET_IDS, DATASETS, matchColumn, matchColumnByPattern, matchColumnExactly, normalizeLabel, type ColumnMeta, type DatasetId } from '../data/datasets';
import { SATISFACTION_INDICATOR } from '../data/indicators';
import { matchIndicator } from './values';
import { DEFAULT_GROUPS, GROUP_TARGET, matchGroup, type IndicatorGroup } from './groups';
import { mapByValues } from './detect-values';
import type { Cell } from './types';

// ---------------------------------------------------------------------------------------------------
// Header row
// ---------------------------------------------------------------------------------------------------

let knownLabels: Set<string> | undefined;
let knownPatterns: RegExp[] | undefined;

/** Whether a cell reads as a known header: a column alias of any dataset or an indicator name. */
export function isKnownHeader(text: string): boolean {
	if (!knownLabels) {
		knownLabels = new Set<string>();
		for (const id of DATASET_IDS) {
			for (const c of DATASETS[id].columns as readonly ColumnMeta[]) {
				knownLabels.add(normalizeLabel(c.name));
				for (const a of c.aliases) knownLabels.add(normalizeLabel(a));
			}
		}
		knownPatterns = DATASET_IDS.flatMap((id) => (DATASETS[id].columns as readonly ColumnMeta[]).flatMap((c) => (c.headerPattern ? [c.headerPattern] : [])));
	}
	const n = normalizeLabel(text);
	return n !== '' && (knownLabels.has(n) || knownPatterns!.some((p) => p.test(n)) || matchIndicator(text) !== undefined);
}

/** The header row chosen, 0-based among the rows given, and why. */
export interface HeaderRowGuess {
	readonly index: number;
	readonly reason: 'aliases' | 'text' | 'first';
}

const NUMERIC_TEXT = /^[\s+\-]*[\d.,%]+\s*$/;

/**
 * Finds the header among the first `maxScan` rows, skipping title rows and blank rows above it: the first
 * row where most non-empty cells are distinct text matching known column names (at least two, or the only
 * one), or the row below it if that names more (a two-level header); else the first row of at least two distinct text cells, nearly all text, as wide as the table;
 * else the first non-empty row.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[], maxScan = 30): HeaderRowGuess {
	const n = Math.min(rows.length, maxScan);
	let width = 0;
	for (let i = 0; i < n; i++) width = Math.max(width, nonEmpty(rows[i]).length);
	const hitsAt = (i: number): number => {
		const cells = distinct(nonEmpty(rows[i]));
		const hits = cells.filter((c) => typeof c === 'string' && isKnownHeader(c)).length;
		return cells.length > 0 && hits >= Math.min(2, cells.length) && hits * 2 >= cells.length ? hits : 0;
	};
	for (let i = 0; i < n; i++) {
		let hits = hitsAt(i);
		if (hits === 0) continue;
		// A two-level header (merged parent cells over specific names): the lower row names more columns.
		while (i + 1 < n && hitsAt(i + 1) > hits) hits = hitsAt(++i);
		return { index: i, reason: 'aliases' };
	}
	for (let i = 0; i < n; i++) {
		const all = nonEmpty(rows[i]);
		const cells = distinct(all);
		const text = cells.filter((c) => typeof c === 'string' && !NUMERIC_TEXT.test(c)).length;
		if (cells.length >= 2 && text >= 0.8 * cells.length && all.length * 2 >= width) return { index: i, reason: 'text' };
	}
	for (let i = 0; i < n; i++) if (nonEmpty(rows[i]).length > 0) return { index: i, reason: 'first' };
	return { index: 0, reason: 'first' };
}

function nonEmpty(row: readonly Cell[] | undefined): Cell[] {
	return (row ?? []).filter((c) => c !== null && !(typeof c === 'string' && c.trim() === ''));
}

function distinct(cells: Cell[]): Cell[] {
	return [...new Set(cells.map((c) => (typeof c === 'string' ? c.trim() : c)))];
}

/**
 * Header texts for the chosen row. An empty header cell takes the nearest non-empty text above it (a
 * two-level header whose parent cell spans rows, as Excel exports merged cells), and headers are trimmed.
 */
export function headerTexts(rows: readonly (readonly Cell[])[], headerIndex: number): string[] {
	const row = rows[headerIndex] ?? [];
	let width = row.length;
	while (width > 0 && (row[width - 1] === null || String(row[width - 1]).trim() === '')) width--;
	const out: string[] = [];
	for (let c = 0; c < width; c++) {
		let text = row[c] === null || row[c] === undefined ? '' : String(row[c]).trim();
		for (let r = headerIndex - 1; text === '' && r >= 0; r--) {
			const above = rows[r]?.[c];
			if (above !== null && above !== undefined && String(above).trim() !== '') text = String(above).trim();
		}
		out.push(text);
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------
// Dataset and column mapping
// ---------------------------------------------------------------------------------------------------

/** Long tables have one value per row; a wide score sheet has one column per indicator. */
export type Layout = 'long' | 'wide';

/**
 * For each header (same order), the canonical column it fills, or null when ignored. In a wide score sheet
 * the targets are 'estate_id', 'period' and 'indicator:<code>' (e.g. 'indicator:cleaning', 'indicator:satisfaction').
 */
export type ColumnMapping = readonly (string | null)[];

/** Prefix of a wide sheet's indicator targets in a {@link ColumnMapping}. */
export const INDICATOR_TARGET = 'indicator:';

/** How well one dataset explains the headers. */
export interface Candidate {
	readonly dataset: DatasetId;
	readonly layout: Layout;
	/** 0-1: mostly the share of required columns found, partly the share of headers explained. */
	readonly score: number;
	readonly mapping: ColumnMapping;
	/** Required columns not found (canonical names). */
	readonly missing: readonly string[];
	/** Headers that name a column already taken by an earlier header: [index, index of the earlier header]. */
	readonly duplicates: readonly (readonly [number, number])[];
	/** Headers mapped by their values, not their names (detect-values.ts). */
	readonly byValues?: readonly number[];
}

/** The best guess, how sure it is, and the alternatives. */
export interface DatasetGuess extends Omit<Candidate, 'dataset'> {
	/** null when nothing fits (confidence 'none'): the caller should ask. */
	readonly dataset: DatasetId | null;
	/** high: all required columns and a clear winner; medium: all required but a close second; low: some required missing. */
	readonly confidence: 'high' | 'medium' | 'low' | 'none';
	/** All datasets that match anything, best first. */
	readonly candidates: readonly Candidate[];
}

/** Whether header `i` is read as its values suggested (detect-values.ts), for `dataset`, and still mapped to `target`. */
export function readByValues(guess: Pick<DatasetGuess, 'dataset' | 'mapping' | 'byValues'>, dataset: DatasetId | null, i: number, target: string | null): boolean {
	return guess.dataset === dataset && !!guess.byValues?.includes(i) && guess.mapping[i] === target;
}

/** Options of {@link detectDataset}. */
export interface DetectOptions {
	/** Use this dataset instead of guessing (the layout is still detected for scores). */
	readonly dataset?: DatasetId;
	/** A period is known from elsewhere (title row or the caller), so a wide sheet needs no period column. */
	readonly periodKnown?: boolean;
	/** A year is known from a title row, so a fee sheet needs no year column. */
	readonly yearKnown?: boolean;
	/** The title names the sheet's one estate, so a sheet without an estate column needs none (recipes: `from: 'title'`). */
	readonly estateKnown?: boolean;
	/** The columns' cells (one array per header): their values settle coded columns the headers leave open. */
	readonly cells?: readonly (readonly Cell[])[];
	/** Indicator groups a wide sheet may have a column for (default: 设施设备运行); the current system's, see groupsOfSystem. */
	readonly groups?: readonly IndicatorGroup[];
}

/**
 * Each header's column, the first header naming a column taking it (later ones are duplicates of it); headers that
 * name a column exactly (an alias) are served before those that only fit a column's header pattern, so a sheet
 * with both 考核期 and 填报日期 reads its period from 考核期 wherever the two stand.
 */
function takeColumns(headers: readonly string[], exact: (h: string) => string | undefined, loose: (h: string) => string | undefined) {
	const taken = new Map<string, number>();
	const duplicates: [number, number][] = [];
	const mapping: (string | null)[] = headers.map(() => null);
	const exactCols = headers.map((h) => exact(h));
	const take = (i: number, col: string | undefined) => {
		if (col === undefined) return;
		const first = taken.get(col);
		if (first !== undefined) duplicates.push([i, first]);
		else {
			taken.set(col, i);
			mapping[i] = col;
		}
	};
	headers.forEach((_, i) => take(i, exactCols[i]));
	headers.forEach((h, i) => {
		if (exactCols[i] === undefined) take(i, loose(h));
	});
	duplicates.sort((a, b) => a[0] - b[0]);
	return { mapping, taken, duplicates };
}

/**
 * Whether a sheet of the dataset may take its year from its title (2025年物业服务收费标准, 锦馨一村2024年度成本明细)
 * when it has no year column: the datasets with a required year (fees, costs, fund balances).
 */
export function takesTitleYear(dataset: DatasetId): boolean {
	return (DATASETS[dataset].columns as readonly ColumnMeta[]).some((c) => c.name === 'year' && c.required);
}

/**
 * The columns a file of a dataset must give (long form), as the import checks them (validate.ts) and the data page
 * names the missing ones: the required ones, except fee_unit, which can come from the fee text ("2.38元/平米/月") or
 * default to per m², and a score's source, which can follow its indicator; and a listing's fee text, which is needed
 * though a fee cell may be empty.
 */
export function neededColumns(dataset: DatasetId): string[] {
	const required = (DATASETS[dataset].columns as readonly ColumnMeta[]).filter((c) => c.required).map((c) => c.name as string);
	if (dataset === 'fees') return required.filter((c) => c !== 'fee_unit');
	if (dataset === 'scores') return required.filter((c) => c !== 'source');
	return dataset === 'market' ? [...required, 'fee_text'] : required;
}

/**
 * Maps headers to one dataset's columns (first header wins a column; later ones are duplicates). An estate's name
 * column stands in for its id (rows find their estates by name, an estates sheet has ids made from the names), a
 * year the title names (`yearKnown`) for the year column and a title naming the sheet's estate (`estateKnown`) for the
 * estate column, as the import itself takes them. With the columns' `cells`, their values settle a coded column the
 * headers leave open (detect-values.ts).
 */
export function mapHeaders(dataset: DatasetId, headers: readonly string[], known: Pick<DetectOptions, 'yearKnown' | 'estateKnown' | 'cells'> = {}): Candidate {
	const { yearKnown, estateKnown, cells } = known;
	const { mapping, taken, duplicates } = takeColumns(headers, (h) => matchColumnExactly(dataset, h), (h) => matchColumnByPattern(dataset, h));
	const byValues = cells ? mapByValues(DATASETS[dataset].columns as readonly ColumnMeta[], cells, mapping, taken, duplicates) : [];
	const needed = neededColumns(dataset);
	const meta = DATASETS[dataset];
	const named = (dataset === 'estates' || meta.estateRef) && headers.some((h, i) => matchColumn('estates', h) === 'name' && (mapping[i] === null || mapping[i] === 'name'));
	const elsewhere = (c: string) => (c === 'estate_id' && (named || estateKnown)) || (c === 'year' && yearKnown && takesTitleYear(dataset));
	const missing = needed.filter((c) => !taken.has(c) && !elsewhere(c));
	let score = 0.8 * ((needed.length - missing.length) / needed.length) + 0.2 * explained(mapping, headers);
	// Without a fee column a file of names is no listing: it must not win over estates keyed by id and name.
	if (dataset === 'market' && missing.includes('fee_text')) score /= 2;
	// Nor is a sheet with a collection rate (收缴率): listing sites show no such thing, an estate's fee ledger does.
	if (dataset === 'market' && headers.some((h) => matchColumn('fees', h) === 'collection_rate')) score /= 2;
	return { dataset, layout: 'long', score, mapping, missing, duplicates, byValues };
}

/** Maps headers as a wide score sheet: estate, period, and one column per indicator. */
export function mapWideHeaders(headers: readonly string[], periodKnown = false, groups: readonly IndicatorGroup[] = DEFAULT_GROUPS): Candidate {
	const exact = (h: string): string | undefined => {
		const col = matchColumnExactly('scores', h);
		if (col === 'estate_id' || col === 'period') return col;
		if (col !== undefined) return undefined;
		const code = matchIndicator(h);
		if (code) return INDICATOR_TARGET + code;
		// A group column (设施设备运行) scores several indicators at once: accepted, never ignored.
		const group = matchGroup(h, groups);
		return group ? GROUP_TARGET + group.code : undefined;
	};
	const loose = (h: string): string | undefined => (matchColumnByPattern('scores', h) === 'period' ? 'period' : undefined);
	const { mapping, taken, duplicates } = takeColumns(headers, exact, loose);
	const indicators = [...taken.keys()].filter((t) => t.startsWith(INDICATOR_TARGET) || t.startsWith(GROUP_TARGET)).length;
	const missing: string[] = [];
	if (!taken.has('estate_id')) missing.push('estate_id');
	if (!taken.has('period') && !periodKnown) missing.push('period');
	// One indicator column is enough (a sheet of one inspection item, or of owner satisfaction alone): with the estate
	// and the period beside it, nothing else reads such a sheet.
	if (indicators < 1) missing.push('indicator');
	const parts = (taken.has('estate_id') ? 1 : 0) + (taken.has('period') || periodKnown ? 1 : 0) + Math.min(indicators, 3) / 3;
	// A wide sheet needs indicator columns and no long-form score column.
	const longScore = headers.some((h) => matchColumn('scores', h) === 'score' || matchColumn('scores', h) === 'indicator');
	const score = longScore || indicators < 1 ? 0 : 0.8 * (parts / 3) + 0.2 * explained(mapping, headers);
	return { dataset: 'scores', layout: 'wide', score, mapping, missing, duplicates };
}

function explained(mapping: readonly (string | null)[], headers: readonly string[]): number {
	const nonEmpty = headers.filter((h) => h.trim() !== '').length;
	return nonEmpty === 0 ? 0 : mapping.filter((m) => m !== null).length / nonEmpty;
}

/** Which dataset the headers hold, how sure that is, and the column mapping. */
export function detectDataset(headers: readonly string[], options: DetectOptions = {}): DatasetGuess {
	const ids = options.dataset ? [options.dataset] : DATASET_IDS;
	const all: Candidate[] = [];
	for (const id of ids) {
		all.push(mapHeaders(id, headers, options));
		if (id === 'scores') {
			const wide = mapWideHeaders(headers, options.periodKnown, options.groups);
			if (wide.score > 0) all.push(wide);
		}
	}
	const candidates = all.filter((c) => c.score > 0).sort((a, b) => b.score - a.score);
	const best = candidates[0] ?? all[0];
	const second = candidates[1];
	let confidence: DatasetGuess['confidence'];
	if (options.dataset) confidence = best.missing.length === 0 ? 'high' : 'low';
	else if (best.missing.length === 0) confidence = !second || best.score - second.score >= 0.15 ? 'high' : 'medium';
	else confidence = best.score >= 0.4 ? 'low' : 'none';
	return {
		...best,
		dataset: confidence === 'none' ? null : best.dataset,
		confidence,
		candidates
	};
}

/** The indicator code of a wide-sheet target ('indicator:cleaning' → 'cleaning'), or undefined. */
export function indicatorOfTarget(target: string | null): string | undefined {
	return target?.startsWith(INDICATOR_TARGET) ? target.slice(INDICATOR_TARGET.length) : undefined;
}

/** The score source of an indicator: owner satisfaction comes from a survey, the rest from inspection. */
export function sourceOfIndicator(code: string): 'satisfaction' | 'inspection' {
	return code === SATISFACTION_INDICATOR ? 'satisfaction' : 'inspection';
}

/**
 * A stable key for a header row, so the caller can remember a mapping the user corrected and offer it again
 * for the next file with the same headers. Headers are compared as matchColumn compares them (case, spaces,
 * full-width and trailing units ignored), in order.
 */
export function headerSignature(headers: readonly string[]): string {
	const text = headers.map((h) => normalizeLabel(h)).join('\u001f');
	// FNV-1a, 2 × 32 bits with different seeds: short and stable; collisions are harmless (a suggestion only).
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x01000193) + 0x9e3779b9;
	}
	return `h${headers.length}-${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`;
}
