import { DATASETS, type ColumnMeta, type DatasetId } from '../../data/datasets';
import { marketNormaliser } from '../market-values';
import { parseBoolean, parseEnum, parseIndicator, parseText } from './codes';
import type { Norm } from './core';
import { parsePeriod, parseTimestamp } from './dates';
import { parseFee, parseRate } from './fees';
import { headerHints } from './headers';
import { parseGrade, parseNumber, type NumberOptions } from './numbers';
import type { Cell } from '../types';
import type { ValueMapAnswers } from '../conversions/types';

// ---------------------------------------------------------------------------------------------------
// One normaliser per column
// ---------------------------------------------------------------------------------------------------

/** Columns holding identifiers that other files refer to. */
const ID_COLUMNS = new Set(['estate_id', 'ticket_id', 'catalogue_id']);
/** Columns whose values are fees or prices (元/㎡·月). */
const PRICE_COLUMNS = new Set(['fee', 'price', 'price_low', 'price_high']);

/** A column's normaliser; fee and price columns return {@link FeeValue}. */
export type CellNormaliser = (cell: Cell) => Norm<unknown>;

/**
 * The normaliser for one canonical column of a dataset, given the source header (for units written in it).
 * Results for repeated texts are cached (more of them in columns with few distinct values: codes, periods).
 */
export function columnNormaliser(dataset: DatasetId, columnName: string, header = '', answers?: ValueMapAnswers): CellNormaliser {
	const column: ColumnMeta | undefined = (DATASETS[dataset].columns as readonly ColumnMeta[]).find((c) => c.name === columnName);
	if (!column) throw new Error(`unknown column ${dataset}.${columnName}`);
	const hints = headerHints(header);
	let fn: CellNormaliser;
	let cache = false;
	const market = dataset === 'market' ? marketNormaliser(column.name) : undefined;
	if (market) {
		fn = market;
		cache = column.name !== 'fee_text';
	} else if (PRICE_COLUMNS.has(column.name)) {
		fn = parseFee;
	} else if (column.name === 'collection_rate') {
		fn = (c) => parseRate(c, hints.percent);
	} else if (column.name === 'period') {
		fn = parsePeriod;
		cache = true;
	} else if (column.name === 'indicator') {
		fn = parseIndicator;
		cache = true;
	} else if (column.name === 'grade') {
		fn = parseGrade;
		cache = true;
	} else if (column.values) {
		fn = (c) => parseEnum(column, c, answers);
		cache = true;
	} else if (column.type === 'BOOLEAN') {
		fn = parseBoolean;
		cache = true;
	} else if (column.type === 'TIMESTAMP') {
		fn = parseTimestamp;
	} else if (column.type === 'INTEGER') {
		const opts: NumberOptions = { integer: true, unit: column.unit, scale: hints.scale };
		fn = (c) => parseNumber(c, opts);
		cache = column.name === 'year' || column.name === 'build_year';
	} else if (column.type === 'DOUBLE') {
		const scale = hints.points ? 100 / hints.points : hints.scale;
		const opts: NumberOptions = { allowRange: true, unit: column.unit, scale };
		fn = (c) => parseNumber(c, opts);
	} else {
		const id = ID_COLUMNS.has(column.name);
		fn = (c) => parseText(c, { id });
		// Estate ids repeat in every long table; caching them is cheap and saves the fold.
		cache = column.name === 'estate_id' && dataset !== 'estates';
	}
	return cached(fn, cache ? 50_000 : 20_000);
}

/**
 * Caches results by cell text. Codes, periods, ids and scores repeat a lot, and a hit costs no parsing and no
 * allocation. The cache switches itself off in a column whose texts rarely repeat (areas, timestamps).
 */
function cached(fn: CellNormaliser, limit: number): CellNormaliser {
	const memo = new Map<string, Norm<unknown>>();
	let lookups = 0;
	let hits = 0;
	let on = true;
	// The last text and its result: repeats in a row cost one comparison (interned texts compare by identity).
	let lastCell: string | undefined;
	let lastResult: Norm<unknown> | undefined;
	return (cell) => {
		if (!on || typeof cell !== 'string') return fn(cell);
		lookups++;
		if (cell === lastCell) {
			hits++;
			return lastResult!;
		}
		const hit = memo.get(cell);
		if (hit !== undefined) {
			hits++;
			lastCell = cell;
			lastResult = hit;
			return hit;
		}
		const r = fn(cell);
		if (memo.size < limit) {
			memo.set(cell, r);
			lastCell = cell;
			lastResult = r;
		}
		if (lookups >= 20_000 && hits < lookups / 4) {
			on = false;
			memo.clear();
		}
		return r;
	};
}
