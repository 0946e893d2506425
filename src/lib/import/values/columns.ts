import { DATASETS, type ColumnMeta, type DatasetId } from '../../data/datasets';
import { marketNormaliser } from '../market-values';
import { booleansBeforeRules8, parseBoolean, parseEnum, parseIndicator, parseText } from './codes';
import { fail, fold, isError, ok, PRICE_COLUMNS, type Norm } from './core';
import { decimalYearMonth, parseClosingTime, parsePeriod, parseTimestamp } from './dates';
import { feeWithHeaderPeriod, parseFee, parseRate } from './fees';
import { headerHints } from './headers';
import { periodAsWritten } from './period-notes';
import { shortYear } from './short-year';
import { MONEY_UNITS, parseGrade, parseNumber, QUANTITY_UNIT, RANGE_SEPARATOR, type NumberOptions } from './numbers';
import { figuresBeforeRules8 } from './money-words';
import { withFigureLabel } from './figure-label';
import { withCompactDate } from './compact-date';
import { namesFloors, withBuildingForm } from './building-form';
import type { Cell } from '../types';
import type { ValueMapAnswers } from '../conversions/types';
import { dateParts, YEAR_COLUMNS } from '../conversions/dates';

// ---------------------------------------------------------------------------------------------------
// One normaliser per column
// ---------------------------------------------------------------------------------------------------

/** Columns holding identifiers that other files refer to. */
const ID_COLUMNS = new Set(['estate_id', 'ticket_id', 'catalogue_id']);
export { PRICE_COLUMNS } from './core';

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
		fn = hints.feePeriod ? feeWithHeaderPeriod(parseFee, hints.feePeriod) : parseFee;
	} else if (column.name === 'collection_rate') {
		fn = (c) => parseRate(c, hints.percent);
	} else if (column.name === 'period') {
		fn = periodAsWritten(parsePeriod);
		cache = true;
	} else if (column.name === 'indicator') {
		fn = parseIndicator;
		cache = true;
	} else if (column.name === 'grade') {
		fn = parseGrade;
		cache = true;
	} else if (column.values) {
		const read = (c: Cell) => parseEnum(column, c, answers);
		// 多层为主, 18层: the main form, and a number of floors (reading rules 13); 18 under 层数 (rules 14).
		fn = column.name === 'building_type' ? withBuildingForm(read, namesFloors(header)) : read;
		cache = true;
	} else if (column.type === 'BOOLEAN') {
		fn = parseBoolean;
		cache = true;
	} else if (column.type === 'TIMESTAMP') {
		// An assessment is dated to the month often enough (2024年5月); a ticket's times are measured, so need the day.
		const opts = { dayOptional: column.name === 'last_assessed_at' };
		fn = withCompactDate(dataset === 'tickets' && column.name === 'closed_at' ? parseClosingTime : (c) => parseTimestamp(c, opts));
	} else if (YEAR_COLUMNS.has(column.name)) {
		fn = parseYear;
		cache = true;
	} else if (column.type === 'INTEGER') {
		const opts: NumberOptions = { integer: true, unit: column.unit, scale: hints.scale, scaleIsUnit: true, exact: dataset === 'votes' };
		fn = (c) => parseNumber(c, opts);
		cache = column.name === 'year' || column.name === 'build_year';
	} else if (column.type === 'DOUBLE') {
		const scale = hints.points ? 100 / hints.points : hints.scale;
		const unit = dataset === 'facilities' && column.name === 'quantity' ? QUANTITY_UNIT : column.unit;
		// A vote's counts and areas decide whether it passed: no range, no approximate figure.
		const opts: NumberOptions = { allowRange: dataset !== 'votes', unit, scale, scaleIsUnit: !hints.points, exact: dataset === 'votes' };
		fn = dataset === 'scores' && column.name === 'score' ? (c) => scoreCell(c, opts) : (c) => parseNumber(c, opts);
	} else {
		const id = ID_COLUMNS.has(column.name);
		fn = (c) => parseText(c, { id });
		// Estate ids repeat in every long table; caching them is cheap and saves the fold.
		cache = column.name === 'estate_id' && dataset !== 'estates';
	}
	// A figure after its own label (建筑面积30228㎡, 户数：1200), only for cells the reader refuses (reading rules 13).
	// A facility's name beside its quantity has its own reading (quantityOf: 2部电梯; a bare 水箱2 is refused).
	if (!market && (isFigureColumn(column) || YEAR_COLUMNS.has(column.name)) && !(dataset === 'facilities' && column.name === 'quantity')) fn = withFigureLabel(column, fn);
	return cached(fn, cache ? 50_000 : 20_000);
}

const YEAR_NUMBER: NumberOptions = { integer: true, unit: '年' };
/** One end of a span of years (2005-2008, 2005年至2008年, 2005~2008年竣工), in a column that holds one year. */
const SPAN_END = /^\s*((?:19|20)\d\d)\s*年?\s*(?:建成|竣工|交付|度)?\s*$/;

/**
 * A score, or a share of full marks written as a percentage ('85%' is 85 of 100 whatever the column's full marks:
 * a share needs no rescaling), with a note.
 */
function scoreCell(cell: Cell, opts: NumberOptions): Norm<number | null> {
	if (typeof cell === 'string' && /[%％]\s*$/.test(cell)) {
		const r = parseNumber(cell.trim().replace(/[%％]$/, ''), { allowRange: false });
		if (!isError(r) && r.value !== null) return ok(r.value, [{ code: 'score_percent', params: { value: r.value } }]);
	}
	const r = parseNumber(cell, opts);
	// '8.5/10', '85/100分': a score over its own full marks is that share of 100 (reading rules 11), as '85%' is.
	const over = isError(r) && typeof cell === 'string' ? SCORE_OVER_FULL.exec(fold(cell).replace(/\s+/g, '')) : null;
	if (!over) return r;
	const [got, full] = [Number(over[1]), Number(over[2])];
	if (!(full > 0) || got > full) return r;
	const value = Math.round((got / full) * 1e6) / 1e4;
	return ok(value, [{ code: 'score_of_full_marks', params: { text: (cell as string).trim(), full, value } }]);
}

/** A score written over its full marks: 8.5/10, 85/100分, 8.5分/10分. */
const SCORE_OVER_FULL = /^(\d+(?:\.\d+)?)分?\/(\d+(?:\.\d+)?)分?$/;

/**
 * A calendar year as ledgers write it: 2005, 2005年, 2005年度, 二〇〇五年, and also a year with its event or
 * point (1984年建成, 2025年末), or a date, a month or a quarter (2005-06-01, 2005年6月, an Excel date), whose year
 * is taken with a note; a two-digit year with 年 ('98年') is read as the nearest year not in the future, with a
 * note. A column converted by `date_to_year` reads the same; this is for the cells of a column whose other cells
 * are plain years.
 */
function parseYear(cell: Cell): Norm<number | null> {
	// '1990年代', '90年代', '上世纪90年代', 九十年代, 九〇年代: a decade says too little for a year built or a fee year.
	if (typeof cell === 'string' && /^\s*(?:上世纪|20世纪|二十世纪)?\s*(?:\d{2,4}|[〇○零一二三四五六七八九]{2}|[二三四五六七八九]十)\s*年代\s*$/.test(cell)) return fail('year_is_decade');
	const r = parseNumber(cell, YEAR_NUMBER);
	if (!isError(r) && (r.value === null || (r.value >= 1900 && r.value <= 2100))) return r;
	// '98年', '05年建成', "'98年": a two-digit year written with 年 is of this century up to this year, else the last.
	const short = typeof cell === 'string' ? shortYear(cell) : undefined;
	// Its bound or approximation ('98年前后') is said, as a four-digit year's is (aroundYear).
	if (short) return ok(short.year, /^(?:前后|以前|之前|以后|之后|前|后|左右)/.test(short.rest.trim()) ? [short.note, { code: 'approximate', params: { value: short.year } }] : [short.note]);
	// 2008.06 typed into a spreadsheet is the number 2008.06: a year and a month, the year kept (2008.1, January or
	// October, is 2008 either way).
	const ym = typeof cell === 'number' ? decimalYearMonth(cell) : undefined;
	if (ym && (ym.mo === null || (ym.mo >= 1 && ym.mo <= 12))) return ok(ym.y, [{ code: 'year_from_date', params: { year: ym.y } }]);
	const p = dateParts(cell);
	if (!p && typeof cell === 'string') {
		// 2005-2008, 2005年至2008年: an estate built in phases, or a fiscal span. One year must be chosen, by the person.
		const span = RANGE_SEPARATOR.exec(fold(cell));
		const from = span && SPAN_END.exec(span[1]);
		const to = span && SPAN_END.exec(span[2]);
		if (from && to && Number(from[1]) < Number(to[1])) return fail('year_span', { from: Number(from[1]), to: Number(to[1]) });
	}
	if (!p || (typeof cell === 'number' && p.m === undefined)) return aroundYear(cell) ?? r;
	const finer = p.m !== undefined || p.q !== undefined;
	return finer ? ok(p.y, [{ code: 'year_from_date', params: { year: p.y } }]) : ok(p.y);
}

/** A year with a word that makes it a bound or an approximation: 1998年前后, 1998年以前, 2000年后建成 (reading rules 11). */
export const YEAR_AROUND = /^(.+?)(前后|以前|之前|以后|之后|前|后)(建成|竣工|交付|交房|建造|落成)?$/;

/** '1998年前后', '1998年以前': the year, said to be approximate (as '<1998' and '约1998年' are). */
function aroundYear(cell: Cell): Norm<number | null> | undefined {
	const m = typeof cell === 'string' ? YEAR_AROUND.exec(fold(cell).replace(/\s+/g, '')) : null;
	const r = m ? parseYear(m[1]) : undefined;
	if (!r || isError(r) || r.value === null) return undefined;
	return ok(r.value, [...(r.warnings ?? []).filter((w) => w.code !== 'approximate'), { code: 'approximate', params: { value: r.value } }]);
}

/**
 * A column's normaliser as an import stored before reading rules 8 read it: the financial capitals and a receipt's words
 * in figures and sums of money, a form's boxes in a yes/no column and a date's two-digit year (24年3月5日) were not read
 * then (their rows were left out).
 */
export function valuesBeforeRules8(column: ColumnMeta, norm: CellNormaliser): CellNormaliser {
	if (column.type === 'BOOLEAN') return booleansBeforeRules8(norm);
	if (column.type === 'TIMESTAMP') return (cell) => (typeof cell === 'string' && shortYear(fold(cell)) ? fail('bad_timestamp') : norm(cell));
	if (PRICE_COLUMNS.has(column.name)) return figuresBeforeRules8(norm, 'fee');
	if (column.type === 'INTEGER' || column.type === 'DOUBLE') return figuresBeforeRules8(norm, column.unit !== undefined && MONEY_UNITS.has(column.unit) ? 'money' : 'figure');
	return norm;
}

/**
 * A required column's normaliser: a figure not known yet (待查, 未统计), no value elsewhere, is an error here that
 * says so, rather than a schema error about an empty cell.
 */
export function knownWhenRequired(norm: CellNormaliser): CellNormaliser {
	return (cell) => {
		const r = norm(cell);
		if (isError(r) || r.value !== null) return r;
		const said = r.warnings?.find((w) => w.code === 'figure_not_known');
		return said ? fail('figure_not_known_required', said.params) : r;
	};
}

/** Whether a column holds figures (numbers, fees and prices), whose reading rules 8 and 10 changed. */
export function isFigureColumn(column: ColumnMeta): boolean {
	return PRICE_COLUMNS.has(column.name) || column.type === 'INTEGER' || column.type === 'DOUBLE';
}

/** A year normaliser as an import stored before reading rules 7 read it: the number 2008.06 is no year. */
export function yearNumberBeforeRules7<T>(norm: (cell: Cell) => Norm<T>): (cell: Cell) => Norm<T> {
	return (cell) => (typeof cell === 'number' && !Number.isInteger(cell) && cell > 1900 && cell < 2101 ? fail('not_an_integer') : norm(cell));
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
