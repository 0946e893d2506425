/**
 * A figure with the name of what it measures written before it (reading rules 13, docs/sources.md §18.4): 建筑面积30228㎡,
 * 户数：1200, 总户数1200, 建成于1989年, 物业费1.65元. A form's box copied into a sheet keeps its label; the figure is read
 * when the label names the column's own measure, and said once per column. A label naming another measure
 * (占地2万㎡ in a building-area column, 套内75㎡ for a home's building area) is an error that names it, never a
 * figure silently taken for the wrong thing. And a home's area written per home (89.5㎡/套) in a column of home
 * areas, or after its layout (二室一厅89.5㎡), is that home's area.
 */
import type { ColumnMeta } from '../../data/datasets';
import { YEAR_COLUMNS } from '../conversions/dates';
import { fold, isError, ok, PRICE_COLUMNS, type Norm } from './core';
import type { Cell } from '../types';

/** Chinese text, then an optional colon, then a figure in digits: the label and the rest. */
const LABEL_THEN_FIGURE = /^([\u4e00-\u9fff]{1,12})[:：]?\s*([+\-.\d].*)$/s;
/** Words around a label that say nothing of what is measured: 总户数, 现行, 约, 为, 达, 合计. */
const BEFORE = /^(?:现行|现在|目前|当前|现|总共|合计|共计|总计|共|总|全部)/;
const AFTER = /(?:约为|约合|大约|约|为|是|达|计|共|于)$/;
/** Words that make the figure approximate: kept in front of it, so the number reader says so. */
const APPROX_AFTER = /(?:约为|约合|大约|约)$/;
/** An area's own label in any column of square metres: 面积, 建筑面积, 住宅建筑面积, 房屋建筑面积, 建面. */
const AREA_LABEL = /^(?:住宅|房屋|总)?(?:建筑)?面积$|^建面$/;
/** A home's layout before its area: 二室一厅, 两房, 3室2厅1卫. */
const LAYOUT = /^[一二两三四五六七八九\d](?:室|房|居)(?:[一二两三四\d]厅)?(?:[一二两三\d]卫)?$/;
/** The same at the start of a cell, its digits not taken for the figure: 3室2厅1卫120.5㎡. */
const LAYOUT_THEN_FIGURE = new RegExp(`^(${LAYOUT.source.slice(1, -1)})[:：]?([+\\-.\\d].*)$`, 's');
/** A bound before a figure (小于60㎡, 不超过90㎡): the figure, approximate, as ≤90㎡ and 约90㎡ are. */
export const BOUND_BEFORE = /^(?:小于|大于|高于|多于|不超过|不高于|不大于|不小于|至少|最多|最少|以下|以上)(?=[+\-.\d])/;
/** A bound after it, with 及 (90㎡及以下, 144平方米及以上): as 以下 and 以上 are. */
export const BOUND_AFTER = /及(以下|以上)$/;
/** The fee of a home (住宅1.2元, 普通住宅1.2): a fee column's own subject, as 物业费 is. */
const HOME_FEE_LABEL = /^(?:普通)?住宅(?:物业)?(?:服务)?费?$/;
/** The errors of a text the readers could not take as a figure. */
const UNREAD: ReadonlySet<string> = new Set(['not_a_number', 'unknown_unit', 'bad_fee', 'not_an_integer']);
/** A home's area said per home: 89.5㎡/套, 89.5平方米每户 (NFKC made ㎡ m2). */
const PER_HOME = /^(.*?\d.*?)(?:\/|每)(?:套|户)$/;

/** Whether the column holds one home's area (a home's area per home is that area). */
const homeArea = (column: ColumnMeta): boolean => column.name === 'unit_area_m2';

/** The label without its filler words, and what it keeps of them for the figure (约). */
function labelCore(label: string): { core: string; keep: string } {
	let core = label.replace(BEFORE, '');
	let keep = '';
	for (let i = 0; i < 3 && AFTER.test(core); i++) {
		const m = AFTER.exec(core)!;
		if (APPROX_AFTER.test(m[0])) keep = '约';
		core = core.slice(0, m.index);
	}
	return { core: core.replace(BEFORE, ''), keep };
}

/** Whether a label (without its filler words) names what the column measures. */
function namesColumn(core: string, column: ColumnMeta): boolean {
	if (core === '') return true;
	if (column.unit === '㎡' && AREA_LABEL.test(core)) return true;
	if (homeArea(column) && LAYOUT.test(core)) return true;
	if (PRICE_COLUMNS.has(column.name) && HOME_FEE_LABEL.test(core)) return true;
	// 建成于1989年, 竣工：1989年: the year's event.
	if (YEAR_COLUMNS.has(column.name) && /^(?:建成|竣工|建造|交付|落成|建于|建)$/.test(core)) return true;
	const names = [column.zh, ...(column.aliases ?? [])].filter((a) => /[\u4e00-\u9fff]/.test(a));
	return core.length >= 2 && names.some((a) => a.includes(core));
}

/**
 * A figure column's reader that also reads a figure after its own label, and a home's area per home. Only cells the
 * reader refuses come here: a plain figure pays nothing.
 */
export function withFigureLabel(column: ColumnMeta, read: (cell: Cell) => Norm<unknown>): (cell: Cell) => Norm<unknown> {
	return (cell) => {
		const r = read(cell);
		// Only a cell read as no number: an error that says more (an approximate vote count, two years) stands.
		if (!isError(r) || typeof cell !== 'string' || !UNREAD.has(r.error.code)) return r;
		const t = fold(cell).replace(/\s+/g, '');
		// A bound in words is an approximate figure, as ≤ is: read as 约, and said so by the number reader.
		const bound = BOUND_BEFORE.exec(t) ? '约' + t.replace(BOUND_BEFORE, '') : BOUND_AFTER.test(t) ? t.replace(BOUND_AFTER, '$1') : null;
		// Its error too: a vote's count must be exact (至少1160 is approximate_not_exact, not a label).
		if (bound !== null) {
			const again = read(bound);
			if (isError(again) || again.value !== null) return again;
		}
		const perHome = homeArea(column) ? PER_HOME.exec(t) : null;
		if (perHome) {
			const again = withFigureLabel(column, read)(perHome[1]);
			return isError(again) || again.value === null ? r : ok(again.value, [...(again.warnings ?? []), { code: 'area_per_home', params: { text: cell.trim() } }]);
		}
		const m = (homeArea(column) ? LAYOUT_THEN_FIGURE.exec(t) : null) ?? LABEL_THEN_FIGURE.exec(t);
		if (!m) return r;
		const { core, keep } = labelCore(m[1]);
		const again = read(keep + m[2]);
		// Only a figure that reads once its label is off is about the label; anything else keeps the reader's error.
		if (isError(again) || again.value === null) return r;
		if (!namesColumn(core, column)) return { error: { code: 'label_other_measure', params: { label: m[1], column: column.zh } } };
		return ok(again.value, [...(again.warnings ?? []), { code: 'label_before_figure', params: { label: m[1] } }]);
	};
}

