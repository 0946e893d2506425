/**
 * A moment written in two columns, its date in one and its time of day in the next (报修日期 + 报修时间, 受理日期 + 受理时间,
 * Date + Time), as hotline and ticket systems export it: read as one date and time (reading rules 11, docs/sources.md
 * §18.4). The column mapped to the dataset's time gets the joined text; its partner stays unmapped.
 */
import { DATASETS, type ColumnMeta, type DatasetId } from '../data/datasets';
import type { ColumnMapping } from './detect';
import type { Cell, SourceTable } from './types';
import { cellText, isError, isMissing } from './values';
import { fold } from './values/core';
import { excelSerialToParts, pad2, parseTimestamp, SERIAL_MAX, SERIAL_MIN } from './values/dates';

/** A date column and a time column of one moment, by index; `into` is the one mapped, which gets the joined cells. */
export interface DateTimePair {
	readonly date: number;
	readonly time: number;
	readonly into: number;
}

const DATE_HEADER = /^(.*?)\s*(?:日期|日|date)$/i;
const TIME_HEADER = /^(.*?)\s*(?:时间|时刻|time)$/i;
/** A time of day alone, as ledgers write it (the date reader knows the words): 08:05, 8:05:30, 8时5分, 下午3:05. */
const TIME_ONLY = /^(?:[上下]午|晚上|凌晨|中午|早上|早晨|傍晚|夜里|夜间|深夜|半夜)?\s*\d{1,2}(?:[:：]\d{1,2}(?:[:：]\d{1,2}(?:\.\d+)?)?|[时点](?:\d{1,2}分?|半|一刻|三刻)?(?:\d{1,2}秒)?)\s*(?:[ap]\.?m\.?)?$/i;
/** Share of a sample's filled cells that must have the column's shape. */
const SHARE = 0.8;
const SAMPLE = 1000;

function isTimeOnly(cell: Cell): boolean {
	if (typeof cell === 'number') return cell >= 0 && cell < 1;
	return typeof cell === 'string' && TIME_ONLY.test(fold(cell).trim());
}

function isDateOnly(cell: Cell): boolean {
	if (typeof cell === 'number') return Number.isInteger(cell) && cell >= SERIAL_MIN && cell <= SERIAL_MAX;
	if (typeof cell !== 'string' || /[:：时点]/.test(cell)) return false;
	const r = parseTimestamp(cell);
	return !isError(r) && r.value !== null;
}

/** Whether most of a column's first filled cells have a shape. */
function mostly(cells: readonly Cell[], shape: (c: Cell) => boolean): boolean {
	let filled = 0;
	let fit = 0;
	for (let r = 0; r < cells.length && filled < SAMPLE; r++) {
		if (isMissing(cells[r])) continue;
		filled++;
		if (shape(cells[r])) fit++;
	}
	return filled > 0 && fit >= filled * SHARE;
}

/**
 * The date and time columns to read as one: a column mapped to one of the dataset's times whose header names a date
 * or a time, and an unmapped column whose header names the other with the same words before it (报修日期, 报修时间),
 * the one holding dates alone and the other times of day alone.
 */
export function dateTimePairs(table: SourceTable, dataset: DatasetId, mapping: ColumnMapping): DateTimePair[] {
	const times = new Set((DATASETS[dataset].columns as readonly ColumnMeta[]).filter((c) => c.type === 'TIMESTAMP').map((c) => c.name));
	const pairs: DateTimePair[] = [];
	table.headers.forEach((h, i) => {
		const target = mapping[i];
		if (!target || !times.has(target)) return;
		const asDate = DATE_HEADER.exec(h.trim());
		const asTime = TIME_HEADER.exec(h.trim());
		const base = (asDate ?? asTime)?.[1];
		if (base === undefined) return;
		const other = asDate ? TIME_HEADER : DATE_HEADER;
		const j = table.headers.findIndex((g, k) => k !== i && !mapping[k] && other.exec(g.trim())?.[1].toLowerCase() === base.toLowerCase());
		if (j < 0) return;
		const [date, time] = asDate ? [i, j] : [j, i];
		if (mostly(table.columns[date], isDateOnly) && mostly(table.columns[time], isTimeOnly)) pairs.push({ date, time, into: i });
	});
	return pairs;
}

/**
 * A date cell and a time cell as one text the date reader reads; `own`, the mapped column's cell as it was, when one
 * of the two is empty or not of its shape (a date without its time is not made midnight).
 */
function joined(date: Cell, time: Cell, own: Cell): Cell {
	if (isMissing(date) || isMissing(time) || !isDateOnly(date) || !isTimeOnly(time)) return own;
	const d = typeof date === 'number' ? excelSerialToParts(date) : undefined;
	const dateText = d ? `${d.y}-${pad2(d.mo)}-${pad2(d.d)}` : cellText(date).trim();
	// An Excel time is a fraction of a day, to the second.
	const seconds = typeof time === 'number' ? Math.round(time * 86400) % 86400 : undefined;
	const timeText = seconds === undefined ? cellText(time).trim() : `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
	return `${dateText} ${timeText}`;
}

/** The table with each pair's mapped column holding the joined date and time. */
export function withJoinedDateTimes(table: SourceTable, pairs: readonly DateTimePair[]): SourceTable {
	if (pairs.length === 0) return table;
	const columns = table.columns.slice();
	for (const p of pairs) columns[p.into] = table.columns[p.date].map((d, r) => joined(d, table.columns[p.time][r], table.columns[p.into][r]));
	return { ...table, columns };
}
