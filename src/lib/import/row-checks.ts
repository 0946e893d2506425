/**
 * The per-row rules after normalising: required cells, numeric ranges, fee limits and cross-field rules
 * (a ticket closed before it was opened; price_low ≤ price ≤ price_high; yes ≤ participating ≤ total).
 */
import { DATASETS, type ColumnMeta, type DatasetId } from '../data/datasets';
import type { ProblemSink, PrepareOptions } from './prepared';
import { FEE_MAX_PER_M2, FEE_WARN_PER_M2 } from './prepared';
import { FEE_UNIT_LABELS } from '../domain/vocabulary';
import type { Conversion } from './conversions/types';
import type { Cell, Issue, SourceTable } from './types';
import { cellText, isMissing, type CellNormaliser } from './values';
import { quantityKind } from './values/numbers';
import { FACILITY_KIND_VALUES } from '../data/facilities';

/** What a facility's unit measures: lifts, systems, tanks and items are counted; roofs and walls in ㎡; drains in m. */
const QUANTITY_KIND_OF_UNIT: Readonly<Record<string, 'count' | 'area' | 'length'>> = { 台: 'count', 套: 'count', 座: 'count', 项: 'count', '㎡': 'area', m: 'length' };

/** A rule on a numeric column's value, from its metadata and zod schema. */
export interface RangeRule {
	readonly min?: number;
	readonly max?: number;
	/** Zero is not allowed (zod `.positive()`). */
	readonly positive: boolean;
}

export function rangeRule(id: DatasetId, col: ColumnMeta): RangeRule | undefined {
	if (col.type !== 'DOUBLE' && col.type !== 'INTEGER') return undefined;
	const shape = (DATASETS[id].schema as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
	const positive = col.min === 0 && shape[col.name] !== undefined && !shape[col.name].safeParse(0).success;
	return { min: col.min, max: col.max, positive };
}

export function rangeIssue(rule: RangeRule, v: number): Issue | undefined {
	if (rule.positive && v <= 0) return { code: 'must_be_positive' };
	if (rule.min !== undefined && rule.max !== undefined && (v < rule.min || v > rule.max)) {
		return { code: 'out_of_range', params: { min: rule.min, max: rule.max } };
	}
	if (rule.min !== undefined && v < rule.min) return { code: 'below_min', params: { min: rule.min } };
	if (rule.max !== undefined && v > rule.max) return { code: 'above_max', params: { max: rule.max } };
	return undefined;
}

/** Fee-unit names as problems show them, from the one vocabulary. */
export const FEE_UNIT_TEXT = { per_m2_month: FEE_UNIT_LABELS.per_m2_month.zh, per_household_month: FEE_UNIT_LABELS.per_household_month.zh } as const;

export interface RowContext {
	readonly table: SourceTable;
	readonly dataset: DatasetId;
	readonly sink: ProblemSink;
	readonly options: PrepareOptions;
	readonly constantPeriod: { value: string; from: 'given' | 'title' } | undefined;
	readonly mapping: readonly (string | null)[];
	/** Conversion of each header's column (null: none), applied before the column's normaliser. */
	readonly conversions: readonly (Conversion | null)[];
	/** Source rows the reader already found broken (field count, stray quote, undecodable): kept out. */
	readonly readErrorRows: ReadonlySet<number>;
}

export interface Normalised {
	readonly columns: unknown[][];
	readonly rowNumbers: readonly number[];
	readonly sourceColumns: number[] | null;
	readonly invalid: Uint8Array;
	readonly fileError: boolean;
	/** A facilities register without quantities: each row one item (reading rules 12). */
	readonly itemPerRow?: boolean;
}

/** Column plan: where each canonical column comes from and how its cells are read. */
export interface ColumnPlan {
	readonly col: ColumnMeta;
	readonly src: number;
	readonly header: string | null;
	readonly norm: CellNormaliser | null;
	readonly range: RangeRule | undefined;
}


/** Column indices used by the per-row rules, computed once per file. */
export interface RuleColumns {
	readonly fee: number;
	readonly feeUnit: number;
	readonly opened: number;
	readonly closed: number;
	readonly price: number;
	readonly priceLow: number;
	readonly priceHigh: number;
	readonly ownersYes: number;
	readonly ownersParticipating: number;
	readonly ownersTotal: number;
	readonly areaYes: number;
	readonly areaParticipating: number;
	readonly areaTotal: number;
	readonly assessedAt: number;
	readonly assessmentResult: number;
	readonly facility: number;
	readonly quantity: number;
}

export function ruleColumns(plan: readonly ColumnPlan[]): RuleColumns {
	const at = (name: string) => plan.findIndex((p) => p.col.name === name);
	return {
		fee: at('fee'),
		feeUnit: at('fee_unit'),
		opened: at('opened_at'),
		closed: at('closed_at'),
		price: at('price'),
		priceLow: at('price_low'),
		priceHigh: at('price_high'),
		ownersYes: at('owners_yes'),
		ownersParticipating: at('owners_participating'),
		ownersTotal: at('owners_total'),
		areaYes: at('area_yes_m2'),
		areaParticipating: at('area_participating_m2'),
		areaTotal: at('area_total_m2'),
		assessedAt: at('last_assessed_at'),
		assessmentResult: at('last_assessment_result'),
		facility: at('facility'),
		quantity: at('quantity')
	};
}

export function sourceText(table: SourceTable, p: ColumnPlan, r: number): string | null {
	return p.src >= 0 ? cellText(table.columns[p.src][r]) : null;
}

/** Required cells, ranges, fee limits and cross-field rules of one row. Returns whether the row is bad. */
export function checkRow(ctx: RowContext, plan: readonly ColumnPlan[], rc: RuleColumns, values: unknown[], r: number, row: number, bad: boolean): boolean {
	const { sink, table, dataset } = ctx;
	for (let c = 0; c < plan.length; c++) {
		const p = plan[c];
		const v = values[c];
		if (v === null) {
			// A failed cell was reported already; an empty required cell is reported here. (A required column that
			// is absent is a file-level error, except fee_unit, filled from the fee, and a score period given once.)
			// The fee unit is filled from the fee (text, header or the per-m² default) whenever there is a fee, so an
			// empty one only follows a fee that is missing or wrong, which has its own problem.
			if (dataset === 'fees' && p.col.name === 'fee_unit') continue;
			if (p.col.required && p.src >= 0 && isMissing(table.columns[p.src][r] as Cell)) {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'required' }, 'error');
				bad = true;
			}
			continue;
		}
		if (p.range && typeof v === 'number') {
			const issue = rangeIssue(p.range, v);
			if (issue) {
				sink.add(row, p.header, sourceText(table, p, r), issue, 'error');
				bad = true;
			}
		}
	}
	if (dataset === 'fees') {
		const fee = values[rc.fee];
		if (typeof fee === 'number' && fee > FEE_WARN_PER_M2 && values[rc.feeUnit] === 'per_m2_month') {
			const p = plan[rc.fee];
			if (fee > FEE_MAX_PER_M2) {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'fee_too_high', params: { fee, limit: FEE_MAX_PER_M2 } }, 'error');
				bad = true;
			} else {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'fee_high', params: { fee, limit: FEE_WARN_PER_M2 } }, 'warning');
			}
		}
	}
	if (bad) return bad;
	if (dataset === 'tickets') {
		const opened = values[rc.opened] as string;
		const closed = values[rc.closed] as string | null;
		// The canonical text sorts like time.
		if (closed !== null && closed < opened) {
			const p = plan[rc.closed];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'closed_before_opened' }, 'error');
			return true;
		}
	} else if (dataset === 'guide_prices') {
		const price = values[rc.price] as number;
		const low = values[rc.priceLow] as number | null;
		const high = values[rc.priceHigh] as number | null;
		if ((low !== null && low > price) || (high !== null && price > high)) {
			const p = plan[rc.price];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'price_order' }, 'error');
			return true;
		}
	} else if (dataset === 'votes') {
		const g = (k: number) => values[k] as number;
		if (
			!(
				g(rc.ownersYes) <= g(rc.ownersParticipating) &&
				g(rc.ownersParticipating) <= g(rc.ownersTotal) &&
				g(rc.areaYes) <= g(rc.areaParticipating) &&
				g(rc.areaParticipating) <= g(rc.areaTotal)
			)
		) {
			const p = plan[rc.ownersYes];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'vote_order' }, 'error');
			return true;
		}
	} else if (dataset === 'facilities') {
		// '1,200㎡' of lifts or '12台' of roof: the number counts something else than the facility's unit.
		const q = plan[rc.quantity];
		// Before reading rules 11 a measure word was seen only when nothing followed it (2部电梯 had none).
		const kind = q && q.src >= 0 ? quantityKind(cellText(table.columns[q.src][r]), { wordAlone: ctx.options.valuesBeforeRules11 }) : undefined;
		const facility = FACILITY_KIND_VALUES.find((f) => f.value === values[rc.facility]);
		const expected = facility ? QUANTITY_KIND_OF_UNIT[facility.unitZh] : undefined;
		if (kind && facility && expected && kind !== expected) {
			sink.add(row, q.header, sourceText(table, q, r), { code: 'quantity_unit_mismatch', params: { facility: facility.zh, facilityEn: facility.en, unit: facility.unitZh, unitEn: facility.unitEn } }, 'error');
			return true;
		}
		// An assessment result means nothing without its date (the district page shows both).
		if (rc.assessmentResult >= 0 && values[rc.assessmentResult] !== null && (rc.assessedAt < 0 || values[rc.assessedAt] === null)) {
			const p = plan[rc.assessmentResult];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'assessment_without_date' }, 'error');
			return true;
		}
	}
	return false;
}

/**
 * A row of a register without quantities is one item when its facility is counted (a lift, a pump set, a system):
 * the quantity becomes 1. A roof, a wall or a drain is measured in ㎡ or m, which a row does not give: an error.
 * Returns whether the row is bad.
 */
export function countedItem(facility: unknown, row: number, sink: ProblemSink, header: string | null, values: unknown[], c: number): boolean {
	const kind = FACILITY_KIND_VALUES.find((k) => k.value === facility);
	if (!kind) return false;
	if (MEASURED_UNITS.has(kind.unitZh)) {
		sink.add(row, header, kind.zh, { code: 'quantity_needed_measured', params: { facility: kind.zh, unit: kind.unitZh } }, 'error');
		return true;
	}
	values[c] = 1;
	return false;
}

/** Units a facility is measured in rather than counted. */
const MEASURED_UNITS = new Set(['㎡', 'm']);
