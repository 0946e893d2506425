/**
 * DDL of the canonical tables, built from column metadata: plain types, NOT NULL, PRIMARY KEY and CHECK, which
 * DuckDB 1.4 (wasm) and 1.5 (native) both accept.
 */
import type { ColumnMeta } from './columns';

export function sqlString(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

/** One column's DDL: its type, PRIMARY KEY (when it is `primaryKey`) or NOT NULL (when required), and its CHECKs. */
export function columnDdl(c: ColumnMeta, primaryKey: string | undefined): string {
	const parts = [c.name, c.type];
	if (c.name === primaryKey) parts.push('PRIMARY KEY');
	else if (c.required) parts.push('NOT NULL');
	// CHECKs are the last line of defence: import validates with zod first and reports row by row.
	if (c.values) parts.push(`CHECK (${c.name} IN (${c.values.map((v) => sqlString(v.value)).join(', ')}))`);
	if (c.min !== undefined && c.max !== undefined) parts.push(`CHECK (${c.name} BETWEEN ${c.min} AND ${c.max})`);
	else if (c.min !== undefined) parts.push(`CHECK (${c.name} >= ${c.min})`);
	else if (c.max !== undefined) parts.push(`CHECK (${c.name} <= ${c.max})`);
	return parts.join(' ');
}

export function buildDdl(table: string, columns: readonly ColumnMeta[], primaryKey?: string, orReplace = false): string {
	const head = orReplace ? 'CREATE OR REPLACE TABLE' : 'CREATE TABLE';
	return `${head} ${table} (\n${columns.map((c) => '\t' + columnDdl(c, primaryKey)).join(',\n')}\n)`;
}
