/**
 * The data model of Zhijia: the canonical datasets, one zod schema per row, one DuckDB table per
 * dataset, and column metadata (types, units, allowed values, Chinese and English names, header aliases)
 * that import, docs and UI share.
 *
 * Pure TypeScript on purpose (only zod): the browser, Node scripts and tests all import it, and it must
 * not pull DuckDB or Svelte into any of them. docs/data-formats.md is the human-readable version.
 *
 * Conventions:
 * - Canonical rows hold typed values: numbers, booleans, `null` for an empty optional cell, and
 *   timestamps as naive local-time strings 'YYYY-MM-DD HH:MM:SS' (the CSV form; no time zone, because
 *   grid systems export local times).
 * - Table and column names are the dataset ids and column names below, unchanged, in every engine.
 * - DDL uses only plain types, NOT NULL, PRIMARY KEY and CHECK, which DuckDB 1.4 (wasm) and 1.5 (native)
 *   both accept.
 *
 * One module per dataset (schema, row type, columns), the shared column shapes (./columns.ts), the DDL
 * (./ddl.ts), the registry (./registry.ts), import matching (./matching.ts) and the sample district
 * (./sample.ts). The code lists live in src/lib/domain/vocabulary. This index keeps the names callers import.
 */
export {
	ESTATE_TYPES,
	BUILDING_TYPES,
	FEE_UNITS,
	COST_ITEM_CODES,
	TICKET_CATEGORIES,
	MOTION_KINDS,
	type EstateType,
	type BuildingType,
	type FeeUnit,
	type CostItemCode,
	type MotionKind,
	COST_ITEMS,
	BOOLEAN_ALIASES
} from '../../domain/vocabulary/codes';
export { type ColumnMeta, FLOORS_HEADER } from './columns';
export { estateRowSchema, type EstateRow } from './estates';
export { scoreRowSchema, type ScoreRow } from './scores';
export { type FeeRow } from './fees';
export { type CostRow } from './costs';
export { ticketRowSchema, type TicketRow } from './tickets';
export { guidePriceRowSchema } from './guide-prices';
export { type UnitSizeRow } from './unit-sizes';
export { voteRowSchema, type VoteRow } from './votes';
export * from './registry';
export { normalizeLabel, matchColumn, matchColumnByPattern, matchColumnExactly, matchEnumValue, codesByLabel } from './matching';
export { SAMPLE_FILES } from './sample';
