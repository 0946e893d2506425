/**
 * Column metadata shared by every dataset: the shape of a column, the columns that read the same in every
 * dataset (estate id, year, building type) and the canonical text patterns.
 */
import { z } from 'zod';
import { BUILDING_TYPE_VALUES, type EnumValue } from '../../domain/vocabulary/codes';

export type { EnumValue };

/** DuckDB column types used by the model (kept to types whose CSV and Arrow forms are unambiguous). */
export type DuckDbType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'TIMESTAMP';

/** Metadata of one column. `name` is the canonical column name in CSV headers, rows and SQL. */
export interface ColumnMeta<Name extends string = string> {
	readonly name: Name;
	readonly type: DuckDbType;
	/** Unit in its usual Chinese notation (e.g. '元/㎡·月', '㎡'); absent for codes and names. */
	readonly unit?: string;
	/** Required columns are NOT NULL; optional ones may be empty (NULL). */
	readonly required: boolean;
	/** Allowed values of an enum column; absent means free text or a number. */
	readonly values?: readonly EnumValue[];
	/** Inclusive numeric bounds checked by the schema and the DDL. */
	readonly min?: number;
	readonly max?: number;
	/** Short column labels for headers. */
	readonly zh: string;
	readonly en: string;
	readonly descriptionZh: string;
	readonly descriptionEn: string;
	/** Header spellings accepted on import, Chinese and English; matched after {@link normalizeLabel}. */
	readonly aliases: readonly string[];
	/**
	 * Other header spellings, as a pattern over the {@link normalizeLabel} form, for a column people name in many
	 * ways of one shape (考评时间, 检查月份, 测评日期…); an exact alias of any column wins over it.
	 */
	readonly headerPattern?: RegExp;
}

/** Column metadata with the name checked against a row type's keys. */
export type Col<Row> = ColumnMeta<Extract<keyof Row, string>>;

// Shared column definitions: the same column reads the same in every dataset.
export function estateIdCol(withBareId: boolean): ColumnMeta<'estate_id'> {
	return {
		name: 'estate_id',
		type: 'VARCHAR',
		required: true,
		zh: '小区编号',
		en: 'Estate ID',
		descriptionZh: '小区的唯一编号，与「小区」表的 estate_id 对应',
		descriptionEn: 'Unique estate identifier; matches estate_id in the estates table',
		// '编号'/'ID' alone would be ambiguous in tables with their own id (tickets), so only estates takes them.
		aliases: [
			'estate_id',
			'小区编号',
			'小区代码',
			'小区ID',
			'小区id',
			...(withBareId ? ['编号', 'ID'] : []),
			'Estate ID',
			'estate code',
			'estateid'
		]
	};
}
export const yearCol: ColumnMeta<'year'> = {
	name: 'year',
	type: 'INTEGER',
	unit: '年',
	required: true,
	min: 1900,
	max: 2100,
	zh: '年度',
	en: 'Year',
	descriptionZh: '年度（公历年）',
	descriptionEn: 'Calendar year',
	aliases: ['year', '年份', '年度', '年', '执行日期', '执行时间', '执行年度', '生效日期', 'Year', 'fiscal year', 'effective date']
};
/**
 * A header naming a building's floors (层数, 总层数, 地上层数, 楼层数; as labels are compared): its numbers are floors,
 * read as a building form (reading rules 14). Served after the exact aliases, so 建筑类型 beside it keeps the column.
 */
export const FLOORS_HEADER = /^(总|地上|建筑|楼栋|楼宇|楼房|房屋)?(层数|楼层数)$/;

export function buildingTypeCol(descriptionZh: string, descriptionEn: string): ColumnMeta<'building_type'> {
	return {
		name: 'building_type',
		type: 'VARCHAR',
		required: true,
		values: BUILDING_TYPE_VALUES,
		zh: '建筑类型',
		en: 'Building type',
		descriptionZh,
		descriptionEn,
		aliases: ['building_type', '建筑类型', '楼型', '房屋层数', '层数类型', '多层/高层', '建筑形式', '建筑形态', '楼房类型', 'Building type', 'storeys'],
		headerPattern: FLOORS_HEADER
	};
}

/** Canonical timestamp text: naive local time, as grid systems export it. */
export const TIMESTAMP_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
/** Canonical period text: a quarter 'YYYYQn' or a month 'YYYY-MM'. */
export const PERIOD_PATTERN = /^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$/;

export const id = z.string().trim().min(1);
export const year = z.number().int().min(1900).max(2100);
export const timestamp = z.string().regex(TIMESTAMP_PATTERN, 'expected YYYY-MM-DD HH:MM:SS');
