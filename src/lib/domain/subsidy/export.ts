/**
 * Plan export: sheet models ({name, header, rows}) that a CSV or xlsx writer turns into files, and the CSV writer.
 *
 * CSV for Chinese Excel (domain.md section 10): UTF-8 with a BOM (without it Excel shows garbage), CRLF line ends,
 * RFC 4180 quoting. Formula injection: a TEXT cell starting with = + - @ (or a tab or carriage return) would be run
 * as a formula by a spreadsheet, so it gets a leading apostrophe; numbers are written as numbers and never touched,
 * so −5 stays −5.
 */
import { csvTextWithBom } from '../../csv/write';
import { formatFigure } from '../format';
import type { Lang } from '../provenance';
import { BUILDING_TYPE_LABELS } from '../vocabulary';
import { REASON_LABELS, rowReasons, type Plan, type PlanComparison, type PlanRow } from './plan';

/** A spreadsheet cell: text, a number, a boolean, or empty. */
export type Cell = string | number | boolean | null;

/** One sheet: what a CSV file or an xlsx worksheet holds. */
export interface Sheet {
	/** Worksheet name (≤ 31 characters, as xlsx requires). */
	name: string;
	header: string[];
	rows: Cell[][];
}

export { neutraliseText } from '../../csv/write';

/** A sheet as CSV text: BOM, header, rows, CRLF, formula-leading text neutralised (the shared writer, src/lib/csv/write.ts). */
export function sheetToCsv(sheet: Sheet): string {
	return csvTextWithBom([sheet.header, ...sheet.rows]);
}

/** Money rounded to fen (0.01 yuan) for export. */
const money = (x: number) => Number(x.toFixed(2));
const rate = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));
const figure = (x: number | null, digits: number) => (x === null ? null : Number(formatFigure(x, digits)));

const ROW_HEADER: Record<Lang, string[]> = {
	zh: [
		'小区编号', '小区名称', '建筑类型', '计费面积(㎡)', '年度', '考核数据年度', '预测', 'Q', '工单数', '已结', '按时',
		'处置率', '按时率', '结单中位(小时)', '考核得分', '收缴率', '现行收费(元/㎡·月)', '目标费(元/㎡·月)', '业主缴费(元/㎡·月)',
		'缺口(元/㎡·月)', '退坡系数', '基础补贴(元)', '奖励费率(元/㎡·月)', '奖励比例', '考核奖励(元)', '申请合计(元)',
		'预算上限(元)', '拨付方式', '拨付比例', '拨付基础补贴(元)', '拨付奖励(元)', '拨付合计(元)', '说明'
	],
	en: [
		'Estate ID', 'Name', 'Building type', 'Area (m²)', 'Year', 'Data year', 'Projected', 'Q', 'Tickets', 'Closed', 'On time',
		'Handling rate', 'On-time rate', 'Median hours', 'Score', 'Collection', 'Fee in force (yuan/m²/month)', 'Target fee', 'Owner-paid fee',
		'Gap', 'Taper', 'Base subsidy (yuan)', 'Reward rate', 'Reward factor', 'Reward (yuan)', 'Requested (yuan)',
		'Cap (yuan)', 'Funding', 'Funded share', 'Base paid (yuan)', 'Reward paid (yuan)', 'Paid (yuan)', 'Notes'
	]
};

const FUNDING_LABELS: Record<PlanRow['funding'], { zh: string; en: string }> = {
	full: { zh: '全额', en: 'full' },
	pro_rata: { zh: '按比例', en: 'pro rata' },
	partial: { zh: '部分', en: 'partial' },
	unfunded: { zh: '未拨付', en: 'unfunded' },
	nothing_requested: { zh: '无申请', en: 'nothing requested' }
};

/** The plan rows as a sheet (money to the fen, rates to 4 decimals, reasons spelled out). */
export function planRowsSheet(plan: Plan, lang: Lang = 'zh'): Sheet {
	return {
		name: lang === 'zh' ? '补贴测算' : 'Subsidy plan',
		header: ROW_HEADER[lang],
		rows: plan.rows.map((r) => [
			r.estate_id,
			r.name,
			BUILDING_TYPE_LABELS[r.building_type][lang],
			money(r.area_m2),
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
			rate(r.current_fee),
			rate(r.target_fee),
			rate(r.owner_fee),
			rate(r.gap),
			r.taper,
			money(r.base),
			r.reward_rate,
			rate(r.reward_factor),
			money(r.reward),
			money(r.request),
			r.cap === null ? null : money(r.cap),
			FUNDING_LABELS[r.funding][lang],
			rate(r.funded_share),
			money(r.base_paid),
			money(r.reward_paid),
			money(r.paid),
			rowReasons(r)
				.map((c) => REASON_LABELS[c][lang])
				.join(lang === 'zh' ? '；' : '; ')
		])
	};
}

/** Per-year totals against the budget as a sheet. */
export function planTotalsSheet(plan: Plan, lang: Lang = 'zh'): Sheet {
	const header =
		lang === 'zh'
			? ['年度', '小区数', '申请合计(元)', '基础补贴(元)', '考核奖励(元)', '预算上限(元)', '拨付合计(元)', '缺口(元)', '预算约束', '获奖励', '暂停奖励', '未拨付', '部分拨付小区']
			: ['Year', 'Estates', 'Requested (yuan)', 'Base (yuan)', 'Reward (yuan)', 'Cap (yuan)', 'Paid (yuan)', 'Shortfall (yuan)', 'Cap binds', 'Rewarded', 'Withheld', 'Unfunded', 'Partly funded'];
	return {
		name: lang === 'zh' ? '年度汇总' : 'Totals by year',
		header,
		rows: plan.totals.map((t) => [
			t.year,
			t.estates,
			money(t.requested),
			money(t.base),
			money(t.reward),
			t.cap === null ? null : money(t.cap),
			money(t.paid),
			money(t.shortfall),
			t.binding,
			t.rewarded,
			t.withheld,
			t.unfunded,
			t.partial_estate_id
		])
	};
}

/** A comparison of variants as a sheet: one row per year, then one per estate (totals over the years). */
export function comparisonSheet(c: PlanComparison, lang: Lang = 'zh'): Sheet {
	const labels = c.variants.map((v) => v.label);
	const header = [
		lang === 'zh' ? '年度/小区' : 'Year / estate',
		lang === 'zh' ? '名称' : 'Name',
		...labels.flatMap((l) => (lang === 'zh' ? [`${l} 申请(元)`, `${l} 拨付(元)`] : [`${l} requested (yuan)`, `${l} paid (yuan)`]))
	];
	const rows: Cell[][] = c.years.map((y) => [
		y.year,
		null,
		...y.byVariant.flatMap((v) => (v === null ? [null, null] : [money(v.requested), money(v.paid)]))
	]);
	for (const e of c.estates) {
		rows.push([e.estate_id, e.name, ...e.byVariant.flatMap((v) => (v === null ? [null, null] : [null, money(v.paid)]))]);
	}
	return { name: lang === 'zh' ? '方案比较' : 'Variants', header, rows };
}

/** The sheets of a plan export: rows, then totals. */
export function planSheets(plan: Plan, lang: Lang = 'zh'): Sheet[] {
	return [planRowsSheet(plan, lang), planTotalsSheet(plan, lang)];
}
