/**
 * Files to hand to users: a template per dataset (Chinese headers with units, one example row that imports
 * cleanly, and in the workbook a sheet explaining every column), and problem lists to download. CSV files
 * carry a UTF-8 byte-order mark so that Excel shows the Chinese text (docs/sources.md §10).
 */
import { DATASETS, type ColumnMeta, type DatasetId } from '../data/datasets';
import { writeCsv } from './csv';
import { utf8WithBom } from './decode';
import { SEVERITY_TEXT, type Lang } from './messages';
import type { Problem } from './types';

/** One example row per dataset, written as people write them (Chinese names for codes, 是/否). */
export const TEMPLATE_EXAMPLES: { readonly [K in DatasetId]: readonly (string | number)[] } = {
	estates: ['LJ0001', '梅澜公寓', '江滨街道', '售后公房', '多层', 1983, 30228.08, 568, '否', '临江安居物业管理有限公司', '政府指导价'],
	scores: ['LJ0001', '2024Q1', '综合管理', 64.4, '检查考评'],
	fees: ['LJ0001', 2024, 14.5, '元/户·月', '79.9%'],
	costs: ['LJ0010', 2024, '人员费用', 60227],
	tickets: ['WG2024000001', 'LJ0089', '秩序治安', '2024-01-01 06:04:36', '2024-01-01 08:17:02'],
	guide_prices: ['示意目录（非官方）', '高层', 1, 2.3, '', ''],
	unit_sizes: ['LJ0001', 52, 425],
	votes: ['LJ0164', '续聘物业服务企业', '一般事项', 1966, 180682, 1495, 137680.84, 1160, 106993.21],
	facilities: ['LJ0005', '18层及以下乘客电梯', 4, 2006, 20, 400000, '2023-06-15', '整改后使用'],
	fund_balances: ['LJ0005', 2025, 3862150.5, 120000],
	market: ['江滨花园', '江滨', '2.38元/平米/月', '', '', '', '', '', '', '2006年建成', '1124户', '5栋', '板楼', '临江安居物业管理有限公司', '临江置业', 42000, '', '', '2024-05-01'],
	survey_counts: ['LJ0001', '2024Q2', '5、您对小区保洁的满意程度', 'cleaning', '满意', 42]
};

/** Units worth showing in a template header (counts, years and grades speak for themselves). */
const SHOWN_UNITS = new Set(['㎡', '元', '元/年', '元/㎡·月']);

/** A template header: the Chinese name, with the unit in brackets where it helps (the importer reads past it). */
export function templateHeader(col: ColumnMeta): string {
	return col.unit && SHOWN_UNITS.has(col.unit) ? `${col.zh}（${col.unit}）` : col.zh;
}

/** A CSV template: UTF-8 with BOM, Chinese headers, one example row. */
export function templateCsv(id: DatasetId): Uint8Array {
	const cols = DATASETS[id].columns as readonly ColumnMeta[];
	return utf8WithBom(writeCsv([cols.map(templateHeader), TEMPLATE_EXAMPLES[id]]));
}

/** An xlsx template: the data sheet (header and example) and a sheet describing each column. */
export async function templateXlsx(id: DatasetId): Promise<Uint8Array> {
	// SheetJS is loaded when a workbook is written (see source.ts).
	const { writeXlsx } = await import('./xlsx');
	const d = DATASETS[id];
	const cols = d.columns as readonly ColumnMeta[];
	const about: (string | number | null)[][] = [
		['列名', '英文名', '类型', '单位', '必填', '可用值', '说明', '也可写作'],
		...cols.map((c) => [
			c.zh,
			c.name,
			c.type,
			c.unit ?? '',
			c.required ? '是' : '否',
			c.values ? c.values.map((v) => v.zh).join('、') : c.min !== undefined || c.max !== undefined ? `${c.min ?? ''} – ${c.max ?? ''}` : '',
			c.descriptionZh,
			c.aliases.filter((a) => a !== c.name).join('、')
		])
	];
	return writeXlsx([
		{ name: d.zh, rows: [cols.map(templateHeader), [...TEMPLATE_EXAMPLES[id]]], columnWidths: cols.map((c) => Math.max(10, templateHeader(c).length * 2 + 2)) },
		{ name: '填写说明', rows: about, columnWidths: [14, 20, 10, 10, 6, 30, 50, 40] }
	]);
}

const PROBLEM_HEADERS: Record<Lang, string[]> = {
	zh: ['文件', '行', '列', '值', '级别', '代码', '说明'],
	en: ['File', 'Row', 'Column', 'Value', 'Severity', 'Code', 'Message']
};

function problemRows(problems: readonly Problem[], lang: Lang): (string | number | null)[][] {
	return [
		PROBLEM_HEADERS[lang],
		...problems.map((p) => [p.file, p.row, p.column, p.value, SEVERITY_TEXT[p.severity][lang], p.code, p.message[lang]])
	];
}

/** A problem list as CSV (UTF-8 with BOM) in one language. */
export function problemsCsv(problems: readonly Problem[], lang: Lang = 'zh'): Uint8Array {
	return utf8WithBom(writeCsv(problemRows(problems, lang)));
}

/** A problem list as an xlsx workbook in one language. */
export async function problemsXlsx(problems: readonly Problem[], lang: Lang = 'zh'): Promise<Uint8Array> {
	const { writeXlsx } = await import('./xlsx');
	return writeXlsx([{ name: lang === 'zh' ? '问题清单' : 'Problems', rows: problemRows(problems, lang), columnWidths: [24, 8, 16, 20, 8, 20, 60] }]);
}
