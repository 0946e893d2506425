/**
 * The dataset registry: every canonical dataset with its schema, columns and DDL, keyed by id.
 */
import type { z } from 'zod';
import { facilityColumns, facilityRowSchema, fundBalanceColumns, fundBalanceRowSchema } from '../facilities';
import type { ColumnMeta } from './columns';
import { buildDdl, sqlString } from './ddl';
import { costColumns, costRowSchema } from './costs';
import { estateColumns, estateRowSchema } from './estates';
import { feeColumns, feeRowSchema } from './fees';
import { guidePriceColumns, guidePriceRowSchema } from './guide-prices';
import { marketColumns, marketRowSchema } from './market';
import { surveyCountColumns, surveyCountRowSchema } from '../survey-counts';
import { scoreColumns, scoreRowSchema } from './scores';
import { ticketColumns, ticketRowSchema } from './tickets';
import { unitSizeColumns, unitSizeRowSchema } from './unit-sizes';
import { voteColumns, voteRowSchema } from './votes';

/** Dataset ids, which are also the DuckDB table names. Order: estates first (others reference it). */
export const DATASET_IDS = ['estates', 'scores', 'fees', 'costs', 'tickets', 'guide_prices', 'unit_sizes', 'votes', 'facilities', 'fund_balances', 'market', 'survey_counts'] as const;
/** Id (and table name) of a canonical dataset. */
export type DatasetId = (typeof DATASET_IDS)[number];

const SCHEMAS = {
	estates: estateRowSchema,
	scores: scoreRowSchema,
	fees: feeRowSchema,
	costs: costRowSchema,
	tickets: ticketRowSchema,
	guide_prices: guidePriceRowSchema,
	unit_sizes: unitSizeRowSchema,
	votes: voteRowSchema,
	facilities: facilityRowSchema,
	fund_balances: fundBalanceRowSchema,
	market: marketRowSchema,
	survey_counts: surveyCountRowSchema
} as const;

/** The canonical row type of a dataset. */
export type RowOf<K extends DatasetId> = z.infer<(typeof SCHEMAS)[K]>;
/** Column names of a dataset (distributes over a union of ids, so `ColumnName<DatasetId>` is every name). */
export type ColumnName<K extends DatasetId> = K extends DatasetId ? Extract<keyof RowOf<K>, string> : never;

/** Everything known about one dataset. */
export interface DatasetMeta<K extends DatasetId = DatasetId> {
	readonly id: K;
	/** DuckDB table name (equal to the id). */
	readonly table: K;
	readonly zh: string;
	readonly en: string;
	readonly descriptionZh: string;
	readonly descriptionEn: string;
	/** Columns in canonical order: CSV header order, schema key order and DDL order. */
	readonly columns: readonly ColumnMeta<ColumnName<K>>[];
	/** Zod schema of one canonical row. */
	readonly schema: (typeof SCHEMAS)[K];
	/** `CREATE TABLE` statement (see {@link createTableSql} for variants). */
	readonly ddl: string;
	/** Primary-key column, if the dataset has one. */
	readonly primaryKey?: string;
	/** Whether `estate_id` must exist in `estates` (checked by the app: no DuckDB foreign key, so tables load in any order). */
	readonly estateRef: boolean;
	/**
	 * The column whose rows are stored together, in ascending order of its text, by every load and import
	 * (data/cluster-order.ts): DuckDB then skips the row groups of other values when a query filters on it.
	 */
	readonly clusterBy?: ColumnName<K>;
}

function meta<K extends DatasetId>(
	m: Omit<DatasetMeta<K>, 'table' | 'schema' | 'ddl'>
): DatasetMeta<K> {
	return { ...m, table: m.id, schema: SCHEMAS[m.id], ddl: buildDdl(m.id, m.columns, m.primaryKey) };
}

/** The canonical datasets, keyed by id. */
export const DATASETS: { readonly [K in DatasetId]: DatasetMeta<K> } = {
	estates: meta({
		id: 'estates',
		zh: '小区',
		en: 'Estates',
		descriptionZh: '小区基本信息：类型、建筑、面积、户数、物业企业、定价方式',
		descriptionEn: 'Estate master data: type, buildings, area, households, firm, pricing regime',
		columns: estateColumns,
		primaryKey: 'estate_id',
		estateRef: false
	}),
	scores: meta({
		id: 'scores',
		zh: '服务质量得分',
		en: 'Quality scores',
		descriptionZh: '按小区、期间、指标的服务质量得分（长表），含业主满意度',
		descriptionEn: 'Service-quality scores by estate, period and indicator (long form), incl. owner satisfaction',
		columns: scoreColumns,
		estateRef: true,
		// The analysis reads the rows of two periods out of all (analysis-sql.ts scoreRowsSql).
		clusterBy: 'period'
	}),
	fees: meta({
		id: 'fees',
		zh: '物业费',
		en: 'Fees',
		descriptionZh: '各年物业服务费标准与收缴率',
		descriptionEn: 'Yearly property-service fee and collection rate',
		columns: feeColumns,
		estateRef: true
	}),
	costs: meta({
		id: 'costs',
		zh: '成本预算',
		en: 'Cost budgets',
		descriptionZh: '按十项成本的年度成本预算（元/年，长表）',
		descriptionEn: 'Annual cost budget by the ten cost items (yuan per year, long form)',
		columns: costColumns,
		estateRef: true
	}),
	tickets: meta({
		id: 'tickets',
		zh: '网格工单',
		en: 'Grid tickets',
		descriptionZh: '网格化管理发现和处置的问题工单',
		descriptionEn: 'Problems found and handled through grid management',
		columns: ticketColumns,
		// No PRIMARY KEY on ticket_id: its index made loading 25k tickets about twice as slow in wasm,
		// and a city has millions of tickets. Uniqueness is left to import validation.
		estateRef: true
	}),
	guide_prices: meta({
		id: 'guide_prices',
		zh: '指导价',
		en: 'Guide prices',
		descriptionZh: '按建筑类型和服务等级的指导价目录',
		descriptionEn: 'Guide-price catalogues by building type and service grade',
		columns: guidePriceColumns,
		estateRef: false
	}),
	unit_sizes: meta({
		id: 'unit_sizes',
		zh: '户型分布',
		en: 'Unit sizes',
		descriptionZh: '各小区按户型面积的户数分布，用于计算每户负担',
		descriptionEn: 'Households by unit area per estate, for what a fee costs each household',
		columns: unitSizeColumns,
		estateRef: true
	}),
	votes: meta({
		id: 'votes',
		zh: '业主表决',
		en: "Owners' votes",
		descriptionZh: '业主大会表决的人数和面积统计',
		descriptionEn: "Tallies of owners' votes by head count and by area",
		columns: voteColumns,
		estateRef: true
	}),
	facilities: meta({
		id: 'facilities',
		zh: '共用设施设备',
		en: 'Shared facilities',
		descriptionZh: '由专项维修资金更新的共用设施设备：类别、数量、安装年份、使用年限、更新单价、最近评估',
		descriptionEn: 'Shared facilities renewed from the maintenance fund: kind, quantity, year installed, life, unit cost, last assessment',
		columns: facilityColumns,
		estateRef: true
	}),
	fund_balances: meta({
		id: 'fund_balances',
		zh: '维修资金余额',
		en: 'Maintenance fund balances',
		descriptionZh: '专项维修资金各年末余额与每年续筹额',
		descriptionEn: 'Maintenance fund balance at each year end and the yearly contribution',
		columns: fundBalanceColumns,
		estateRef: true
	}),
	market: meta({
		id: 'market',
		zh: '挂牌参考',
		en: 'Market references',
		descriptionZh: '挂牌网站导出的各小区物业费、建成年份、建筑类型、户数与房价：第二把、独立的收费尺子（不是质量评分）',
		descriptionEn: 'Listing-site exports: fee, year built, building form, households and house price per estate; a second, independent fee scale (not a quality score)',
		columns: marketColumns,
		estateRef: false
	}),
	survey_counts: meta({
		id: 'survey_counts',
		zh: '业主满意度调查',
		en: "Owners' surveys",
		descriptionZh: '业主满意度问卷按题目和答案等级的人数（不保存答卷人信息）',
		descriptionEn: "Owners' satisfaction surveys as counts per question and answer level (no respondent data)",
		columns: surveyCountColumns,
		estateRef: true
	})
};


/**
 * `CREATE TABLE` for a dataset, optionally under another name (a staging table) or as
 * `CREATE OR REPLACE` (tables are rebuilt from the user's files on every load).
 */
export function createTableSql(id: DatasetId, options: { table?: string; orReplace?: boolean } = {}): string {
	const d: DatasetMeta = DATASETS[id];
	return buildDdl(options.table ?? d.table, d.columns, d.primaryKey, options.orReplace ?? false);
}

/**
 * The `columns` struct for DuckDB's `read_csv` over a canonical CSV, e.g.
 * `read_csv('estates.csv', header = true, columns = {...})`. Explicit types, because auto-detection
 * reads integers as BIGINT and may guess periods like '2024-01' as dates.
 */
export function csvColumnsSql(id: DatasetId): string {
	const d: DatasetMeta = DATASETS[id];
	return `{${d.columns.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;
}

/**
 * The ORDER BY that stores a dataset's rows in its order (grouped by its cluster column, {@link DatasetMeta.clusterBy})
 * where DuckDB reads a file itself, or '' for a dataset without one. The column is a plain name (no quoting needed).
 */
export function storedOrderSql(id: DatasetId): string {
	const by = (DATASETS[id] as DatasetMeta).clusterBy;
	return by ? ` ORDER BY ${by}` : '';
}
