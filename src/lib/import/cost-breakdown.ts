/**
 * A firm's cost sheet as it is written (reading rules 12, docs/sources.md §18.4): the ten items numbered 一, 二, 三 …
 * with their breakdown below them (1 管理人员工资, 2 保安人员工资, 其中：电梯维保费), then the tax and the profit
 * (税金（6%）, 利润（8%）) under the total. A breakdown row is part of the item above it, and tax and profit are not
 * costs (the negotiation page adds them at its own rates, docs/sources.md §3): both are left out, each said, so the
 * item is not counted twice and no one is asked which cost item a wage or a tax is.
 */
import type { ColumnMapping } from './detect';
import type { Cell, Problem, SourceTable } from './types';
import { makeProblem } from './messages';

/** The level of a row's number: 一 (1) above 1 (2) above (1), ① or 1.1 (3). */
function numberLevel(text: string): number | null {
	const t = text.normalize('NFKC').trim();
	if (/^第?[一二三四五六七八九十]+(?:[、.)]|项|部分)?$/.test(t)) return 1;
	if (/^\d{1,2}[、.)]?$/.test(t)) return 2;
	if (/^\(\d{1,2}\)$|^[①-⑳]$|^\d{1,2}\.\d{1,2}[、.]?$/.test(t)) return 3;
	return null;
}

/** A number written in front of an item's name (一、人员费用, 1.管理人员工资, （1）保险费). */
const NUMBER_IN_FRONT = /^\s*(第?[一二三四五六七八九十]+[、.．)）]|\d{1,2}\.\d{1,2}[、.．]?|\d{1,2}[、.．)）]|[(（]\d{1,2}[)）]|[①-⑳])\s*/;
/** An item that says it is part of the one above: 其中：电梯维保费, 含：社保. */
const PART_OF = /^\s*(其中|含|包括|包含)\s*[:：]?/;
/** A total the sheet's reader did not take for one (its first cell is the estate's id). */
const TOTAL = /^\s*(合计|小计|总计|共计|成本合计|费用合计)\s*$/;
/** Tax and profit lines: what a fee adds to the cost, not a cost. */
const MARGIN = /^\s*(税金|税费|增值税|附加税|法定税费|税金及附加|利润|企业利润|合理利润|酬金|佣金)/;

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c).trim());

/** What a cost sheet's rows are: the breakdown and margin rows to leave out, and why. */
export interface CostRowsLeftOut {
	readonly rows: ReadonlySet<number>;
	readonly problems: readonly Problem[];
}

/**
 * The rows of a cost sheet that are not cost items: breakdown rows below a numbered item (rows numbered a level down
 * from the sheet's top level, or written 其中：…) and tax and profit lines, by the file's own `mapping` (its item
 * column holds the names; the columns it leaves unmapped, such as 序号, hold the numbers).
 */
export function costRowsLeftOut(table: SourceTable, mapping: ColumnMapping): CostRowsLeftOut {
	const item = mapping.indexOf('item');
	const rows = new Set<number>();
	const problems: Problem[] = [];
	if (item < 0) return { rows, problems };
	// A row's number: its first filled cell left of the item, else a number in front of the item's own text.
	const marks: (number | null)[] = [];
	for (let r = 0; r < table.rowCount; r++) {
		let level: number | null = null;
		for (let c = 0; c < item; c++) {
			if (mapping[c] !== null) continue;
			const t = text(table.columns[c][r]);
			if (t === '') continue;
			level = numberLevel(t);
			break;
		}
		if (level === null) {
			const m = NUMBER_IN_FRONT.exec(text(table.columns[item][r]));
			if (m) level = numberLevel(m[1].replace(/[、.．)）\s]+$/, '').replace(/^[(（](\d+)$/, '($1)'));
		}
		marks.push(level);
	}
	const top = Math.min(...marks.filter((m): m is number => m !== null));
	let parent: string | null = null;
	for (let r = 0; r < table.rowCount; r++) {
		const row = table.rowNumbers[r];
		const name = text(table.columns[item][r]);
		// A row without an item says what it is in a column the sheet does not import (its 序号): 税金（6%）, 合计.
		const at = name ? item : firstFilled(table, mapping, r);
		const first = at < 0 ? '' : text(table.columns[at][r]);
		if (!name && TOTAL.test(first)) {
			rows.add(r);
			problems.push(makeProblem(table.file, row, table.headers[at] ?? null, first, { code: 'summary_row_skipped', params: { label: first } }, 'warning'));
			continue;
		}
		if (MARGIN.test(first)) {
			rows.add(r);
			problems.push(makeProblem(table.file, row, table.headers[at] ?? null, first, { code: 'cost_margin_row_skipped', params: { label: first } }, 'warning'));
			continue;
		}
		const level = marks[r];
		const below = parent !== null && ((level !== null && Number.isFinite(top) && level > top) || PART_OF.test(name));
		if (below) {
			rows.add(r);
			problems.push(makeProblem(table.file, row, table.headers[item] ?? null, name, { code: 'cost_breakdown_row_skipped', params: { parent: parent! } }, 'warning'));
			continue;
		}
		if (name !== '') parent = name.replace(NUMBER_IN_FRONT, '');
	}
	return { rows, problems };
}

/** The column of a row's first filled cell among those not imported, or -1. */
function firstFilled(table: SourceTable, mapping: ColumnMapping, r: number): number {
	return table.columns.findIndex((column, c) => mapping[c] === null && text(column[r]) !== '');
}

/** The table without some of its rows (their row numbers go with them). */
export function withoutRows(table: SourceTable, left: ReadonlySet<number>): SourceTable {
	if (left.size === 0) return table;
	const keep: number[] = [];
	for (let r = 0; r < table.rowCount; r++) if (!left.has(r)) keep.push(r);
	return {
		...table,
		columns: table.columns.map((column) => keep.map((r) => column[r])),
		rowNumbers: keep.map((r) => table.rowNumbers[r]),
		rowCount: keep.length
	};
}
