/**
 * Plan export: sheet models ({name, header, rows}) that a CSV or xlsx writer turns into files, and the CSV writer.
 *
 * CSV for Chinese Excel (docs/sources.md §10): UTF-8 with a BOM (without it Excel shows garbage), CRLF line ends,
 * RFC 4180 quoting. Formula injection: a TEXT cell starting with = + - @ (or a tab or carriage return) would be run
 * as a formula by a spreadsheet, so it gets a leading apostrophe; numbers are written as numbers and never touched,
 * so −5 stays −5.
 *
 * Totals (docs/sources.md §15): every sheet with amounts ends in total rows that equal the sum of its rows as
 * written (amounts are integer fen written as yuan with two decimals, and the totals are sums of the same fen); in
 * xlsx the totals are SUM / SUMIFS formulas over the rows, so an office can check them in Excel.
 */
import { csvTextWithBom } from '../../csv/write';
import { formatFigure } from '../format';
import { fenToYuan, sumFen } from '../money';
import type { Lang } from '../provenance';
import { BUILDING_TYPE_LABELS } from '../vocabulary';
import { REASON_LABELS, rowReasons, type Plan, type PlanComparison, type PlanRow, type YearTotal } from './plan';

/** A spreadsheet cell: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null;

/** One sheet: what a CSV file or an xlsx worksheet holds. */
export interface Sheet {
	/** Worksheet name (≤ 31 characters, as xlsx requires). */
	name: string;
	header: string[];
	rows: Cell[][];
	/**
	 * Cells that an xlsx workbook writes as formulas (e.g. a total row as SUM over the rows above), with the value in
	 * `rows` as the cached result; a CSV writes the value. `row` indexes `rows` (0 = the first row under the header).
	 */
	formulas?: SheetFormula[];
}

/** A formula cell of a sheet (A1 references; the header is spreadsheet row 1). */
export interface SheetFormula {
	row: number;
	col: number;
	formula: string;
}

export { neutraliseText } from '../../csv/write';

/** A sheet as CSV text: BOM, header, rows, CRLF, formula-leading text neutralised (the shared writer, src/lib/csv/write.ts). */
export function sheetToCsv(sheet: Sheet): string {
	return csvTextWithBom([sheet.header, ...sheet.rows]);
}

/** Integer fen as a yuan number for a cell: exactly two decimals when written (fen ÷ 100). */
const yuanCell = (fen: number | null) => (fen === null ? null : fenToYuan(fen));
/** A fee in 元/㎡·月 rounded to 0.01, as shown and billed (docs/sources.md §15 rule 3). */
const feeCell = (x: number | null) => (x === null ? null : Number(formatFigure(x, 2)));
const rate = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
const figure = (x: number | null, digits: number) => (x === null ? null : Number(formatFigure(x, digits)));

/** Spreadsheet column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** A1 range of column `col` over sheet rows `first`..`last` (0-based indexes into `rows`; the header is row 1). */
function colRange(col: number, first: number, last: number, sheet?: string): string {
	const c = columnLetter(col);
	const prefix = sheet === undefined ? '' : `'${sheet.replaceAll("'", "''")}'!`;
	return `${prefix}$${c}$${first + 2}:$${c}$${last + 2}`;
}

/** The label of total rows (first cell), used to tell them from data rows when a file is read back. */
export const TOTAL_LABEL: Record<Lang, string> = { zh: '合计', en: 'Total' };

const ROW_HEADER: Record<Lang, string[]> = {
	zh: [
		'小区编号', '小区名称', '建筑类型', '计费面积(㎡)', '年度', '考核数据年度', '预测', 'Q', '工单数', '已结', '按时',
		'处置率', '按时率', '结单中位(小时)', '考核得分', '收缴率', '现行收费(元/㎡·月)', '目标费(元/㎡·月)', '业主缴费(元/㎡·月)',
		'缺口(元/㎡·月)', '退坡系数', '基础补贴(元)', '奖励费率(元/㎡·月)', '奖励比例', '考核奖励(元)', '申请合计(元)',
		'预算上限(元)', '拨付方式', '拨付比例', '拨付基础补贴(元)', '拨付奖励(元)', '拨付合计(元)', '削减额(元)', '削减比例', '说明'
	],
	en: [
		'Estate ID', 'Name', 'Building type', 'Area (m²)', 'Year', 'Data year', 'Projected', 'Q', 'Tickets', 'Closed', 'On time',
		'Handling rate', 'On-time rate', 'Median hours', 'Score', 'Collection', 'Fee in force (yuan/m²/month)', 'Target fee (yuan/m²/month)',
		'Owner-paid fee (yuan/m²/month)', 'Gap (yuan/m²/month)', 'Taper', 'Base subsidy (yuan)', 'Reward rate (yuan/m²/month)', 'Reward factor',
		'Reward (yuan)', 'Requested (yuan)', 'Cap (yuan)', 'Funding', 'Funded share', 'Base paid (yuan)', 'Reward paid (yuan)', 'Paid (yuan)',
		'Cut (yuan)', 'Cut share', 'Notes'
	]
};

/** Columns of the rows sheet holding amounts that add up (indexes into ROW_HEADER), with each row's fen. */
const ROW_SUMS: readonly { col: number; fen: (r: PlanRow) => number }[] = [
	{ col: 21, fen: (r) => r.base_fen },
	{ col: 24, fen: (r) => r.reward_fen },
	{ col: 25, fen: (r) => r.request_fen },
	{ col: 29, fen: (r) => r.base_paid_fen },
	{ col: 30, fen: (r) => r.reward_paid_fen },
	{ col: 31, fen: (r) => r.paid_fen },
	{ col: 32, fen: (r) => r.cut_fen }
];
const YEAR_COL = 4;
const CUT_SHARE_COL = 33;
const REQUEST_COL = 25;
const CUT_COL = 32;

const FUNDING_LABELS: Record<PlanRow['funding'], { zh: string; en: string }> = {
	full: { zh: '全额', en: 'full' },
	pro_rata: { zh: '按比例', en: 'pro rata' },
	partial: { zh: '部分', en: 'partial' },
	unfunded: { zh: '未拨付', en: 'unfunded' },
	nothing_requested: { zh: '无申请', en: 'nothing requested' }
};

/** The rule notes written under totals that rest on an allocation. */
const ALLOCATION_NOTE: Record<Lang, string> = {
	zh: '金额以分计；按比例削减的分摊尾差按最大余数法；单价保留到 0.01 元/㎡·月（《质价方法与来源说明》§15）',
	en: 'Amounts in whole fen; pro-rata remainders by the largest-remainder rule; fees to 0.01 yuan/m²/month (Method notes §15)'
};

/**
 * The plan rows as a sheet (money to the fen, fees to 0.01 元/㎡·月, rates to 4 decimals, reasons spelled out),
 * then one total row per plan year and a total over all years. In xlsx the totals are SUMIFS / SUM formulas over
 * the estate rows.
 */
export function planRowsSheet(plan: Plan, lang: Lang = 'zh'): Sheet {
	const name = lang === 'zh' ? '补贴测算' : 'Subsidy plan';
	const header = ROW_HEADER[lang];
	const rows: Cell[][] = plan.rows.map((r) => [
		r.estate_id,
		r.name,
		BUILDING_TYPE_LABELS[r.building_type][lang],
		figure(r.area_m2, 2),
		r.year,
		r.data_year,
		r.projected,
		figure(r.q, 2),
		r.opened,
		r.closed,
		r.on_time,
		rate(r.handling_rate),
		rate(r.on_time_rate),
		figure(r.median_hours, 2),
		figure(r.score, 2),
		rate(r.collection_rate),
		feeCell(r.current_fee),
		feeCell(r.target_fee),
		feeCell(r.owner_fee),
		feeCell(r.gap),
		r.taper,
		yuanCell(r.base_fen),
		r.reward_rate,
		rate(r.reward_factor),
		yuanCell(r.reward_fen),
		yuanCell(r.request_fen),
		yuanCell(r.cap_fen),
		FUNDING_LABELS[r.funding][lang],
		rate(r.funded_share),
		yuanCell(r.base_paid_fen),
		yuanCell(r.reward_paid_fen),
		yuanCell(r.paid_fen),
		yuanCell(r.cut_fen),
		rate(r.cut_share),
		rowReasons(r)
			.map((c) => REASON_LABELS[c][lang])
			.join(lang === 'zh' ? '；' : '; ')
	]);
	const formulas: SheetFormula[] = [];
	const n = rows.length;
	const totalRow = (label: Cell, year: number | null, rs: readonly PlanRow[]): Cell[] => {
		const row: Cell[] = header.map(() => null);
		row[0] = TOTAL_LABEL[lang];
		row[1] = label;
		row[YEAR_COL] = year;
		for (const s of ROW_SUMS) row[s.col] = yuanCell(sumFen(rs.map(s.fen)));
		const req = sumFen(rs.map((r) => r.request_fen));
		row[CUT_SHARE_COL] = req > 0 ? rate(sumFen(rs.map((r) => r.cut_fen)) / req) : null;
		row[header.length - 1] = ALLOCATION_NOTE[lang];
		return row;
	};
	if (n > 0) {
		for (const t of plan.totals) {
			const at = rows.length;
			rows.push(totalRow(lang === 'zh' ? `${t.year} 年` : String(t.year), t.year, plan.rows.filter((r) => r.year === t.year)));
			const yearCell = `$${columnLetter(YEAR_COL)}${at + 2}`;
			for (const s of ROW_SUMS) {
				formulas.push({ row: at, col: s.col, formula: `SUMIFS(${colRange(s.col, 0, n - 1)},${colRange(YEAR_COL, 0, n - 1)},${yearCell})` });
			}
		}
		const at = rows.length;
		rows.push(totalRow(lang === 'zh' ? '全部年度' : 'All years', null, plan.rows));
		for (const s of ROW_SUMS) formulas.push({ row: at, col: s.col, formula: `SUM(${colRange(s.col, 0, n - 1)})` });
	}
	// The cut share of a total row: total cut ÷ total request, as a formula too.
	for (let at = n; at < rows.length; at++) {
		const req = `${columnLetter(REQUEST_COL)}${at + 2}`;
		formulas.push({ row: at, col: CUT_SHARE_COL, formula: `IF(${req}>0,ROUND(${columnLetter(CUT_COL)}${at + 2}/${req},4),"")` });
	}
	return { name, header, rows, formulas };
}

/** Columns of the totals sheet that add up, with the year's fen and the rows-sheet column they sum. */
const TOTAL_SUMS: readonly { col: number; fen: (t: YearTotal) => number; rowsCol: number }[] = [
	{ col: 2, fen: (t) => t.requested_fen, rowsCol: 25 },
	{ col: 3, fen: (t) => t.base_fen, rowsCol: 21 },
	{ col: 4, fen: (t) => t.reward_fen, rowsCol: 24 },
	{ col: 6, fen: (t) => t.paid_fen, rowsCol: 31 },
	{ col: 7, fen: (t) => t.shortfall_fen, rowsCol: 32 }
];

/**
 * Per-year totals against the budget as a sheet, then a total over the years. With `rowsSheet` (the name of the
 * rows sheet in the same workbook and its number of estate rows) the yearly figures are SUMIFS formulas over that
 * sheet's rows in xlsx; the total over the years is a SUM over the yearly rows.
 */
export function planTotalsSheet(plan: Plan, lang: Lang = 'zh', rowsSheet?: { name: string; rows: number }): Sheet {
	const header =
		lang === 'zh'
			? ['年度', '小区数', '申请合计(元)', '基础补贴(元)', '考核奖励(元)', '预算上限(元)', '拨付合计(元)', '削减额(元)', '预算约束', '获奖励', '暂停奖励', '未拨付', '部分拨付小区']
			: ['Year', 'Estates', 'Requested (yuan)', 'Base (yuan)', 'Reward (yuan)', 'Cap (yuan)', 'Paid (yuan)', 'Cut (yuan)', 'Cap binds', 'Rewarded', 'Withheld', 'Unfunded', 'Partly funded'];
	const rows: Cell[][] = plan.totals.map((t) => [
		t.year,
		t.estates,
		yuanCell(t.requested_fen),
		yuanCell(t.base_fen),
		yuanCell(t.reward_fen),
		yuanCell(t.cap_fen),
		yuanCell(t.paid_fen),
		yuanCell(t.shortfall_fen),
		t.binding,
		t.rewarded,
		t.withheld,
		t.unfunded,
		t.partial_estate_id
	]);
	const formulas: SheetFormula[] = [];
	const n = rows.length;
	if (rowsSheet && rowsSheet.rows > 0) {
		const last = rowsSheet.rows - 1;
		plan.totals.forEach((_, i) => {
			for (const s of TOTAL_SUMS) {
				formulas.push({
					row: i,
					col: s.col,
					formula: `SUMIFS(${colRange(s.rowsCol, 0, last, rowsSheet.name)},${colRange(YEAR_COL, 0, last, rowsSheet.name)},$A${i + 2})`
				});
			}
		});
	}
	if (n > 0) {
		const total: Cell[] = header.map(() => null);
		total[0] = TOTAL_LABEL[lang];
		total[1] = sumFen(plan.totals.map((t) => t.estates));
		for (const s of TOTAL_SUMS) total[s.col] = yuanCell(sumFen(plan.totals.map(s.fen)));
		const capFens = plan.totals.map((t) => t.cap_fen);
		total[5] = capFens.every((c) => c !== null) ? yuanCell(sumFen(capFens as number[])) : null;
		rows.push(total);
		for (const s of TOTAL_SUMS) formulas.push({ row: n, col: s.col, formula: `SUM(${colRange(s.col, 0, n - 1)})` });
		if (total[5] !== null) formulas.push({ row: n, col: 5, formula: `SUM(${colRange(5, 0, n - 1)})` });
	}
	return { name: lang === 'zh' ? '年度汇总' : 'Totals by year', header, rows, formulas };
}

/**
 * A comparison of variants as a sheet: one row per year and their total, then one per estate (totals over the
 * years) and their total; both totals of what is paid agree to the fen.
 */
export function comparisonSheet(c: PlanComparison, lang: Lang = 'zh'): Sheet {
	const labels = c.variants.map((v) => v.label);
	const header = [
		lang === 'zh' ? '年度/小区' : 'Year / estate',
		lang === 'zh' ? '名称' : 'Name',
		...labels.flatMap((l) => (lang === 'zh' ? [`${l} 申请(元)`, `${l} 拨付(元)`] : [`${l} requested (yuan)`, `${l} paid (yuan)`]))
	];
	const fen = (x: number) => Math.round(x * 100);
	const rows: Cell[][] = c.years.map((y) => [
		y.year,
		null,
		...y.byVariant.flatMap((v) => (v === null ? [null, null] : [fenToYuan(fen(v.requested)), fenToYuan(fen(v.paid))]))
	]);
	const formulas: SheetFormula[] = [];
	const sumRow = (label: string, from: number, to: number, requested: boolean): Cell[] => {
		const row: Cell[] = [TOTAL_LABEL[lang], label];
		labels.forEach((_, i) => {
			for (const [k, col] of [[0, 2 + 2 * i], [1, 3 + 2 * i]] as const) {
				if (k === 0 && !requested) {
					row.push(null);
					continue;
				}
				const cells = rows.slice(from, to + 1).map((r) => r[col]);
				row.push(fenToYuan(sumFen(cells.map((x) => (typeof x === 'number' ? fen(x) : 0)))));
				if (to >= from) formulas.push({ row: rows.length, col, formula: `SUM(${colRange(col, from, to)})` });
			}
		});
		return row;
	};
	const years = rows.length;
	rows.push(sumRow(lang === 'zh' ? '各年度' : 'All years', 0, years - 1, true));
	const first = rows.length;
	for (const e of c.estates) {
		rows.push([e.estate_id, e.name, ...e.byVariant.flatMap((v) => (v === null ? [null, null] : [null, fenToYuan(fen(v.paid))]))]);
	}
	rows.push(sumRow(lang === 'zh' ? '各小区' : 'All estates', first, rows.length - 1, false));
	return { name: lang === 'zh' ? '方案比较' : 'Variants', header, rows, formulas };
}

/** The sheets of a plan export: rows, then totals (whose yearly figures are formulas over the rows in xlsx). */
export function planSheets(plan: Plan, lang: Lang = 'zh'): Sheet[] {
	const rows = planRowsSheet(plan, lang);
	return [rows, planTotalsSheet(plan, lang, { name: rows.name, rows: plan.rows.length })];
}
