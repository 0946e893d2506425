/**
 * The analysis's cell table (one indicator mean per estate, slot and period) read into the fit's columns. A city
 * has about 290,000 means: the pivot runs in steps so a first visit, in code not yet optimised, holds no long task.
 */
import type { Engine } from '../engine/engine';
import { ResultShapeError } from '../engine/errors';
import { arrowColumn, type ArrowLike } from '../engine/arrow-rows';
import { ELEVATOR_CODE } from '../domain/indicator-system';
import type { FitInput } from '../domain/district-fit';
import { CELL_TABLE, slotCount } from './analysis-sql';
import { runSteps } from './yield-task';

/**
 * A numeric column of a result: its typed array where the backend gives one and there is no null (duckdb-wasm's
 * Arrow), otherwise its values one by one (the native adapter's columns, or nulls); null if a value is neither a
 * number nor an allowed null.
 */
function numericValues(table: ArrowLike, index: number, nullable = false): ArrayLike<number | null> | null {
	const col = table.getChildAt(index);
	if (col && col.nullCount === 0 && col.toArray) {
		const values = col.toArray();
		if (ArrayBuffer.isView(values) && !(values instanceof BigInt64Array)) return values as unknown as ArrayLike<number>;
	}
	const values = arrowColumn(table, index);
	return values.every((v) => typeof v === 'number' || (nullable && v === null)) ? (values as (number | null)[]) : null;
}

/**
 * The indicator means of the cell table pivoted into the fit's columns (NaN where an estate has no mean): one pass
 * over three typed arrays. The elevator mean of an estate without elevators is left out, as the domain ignores it.
 */
export async function readCells(engine: Engine, codes: readonly string[], hasElevator: readonly unknown[]): Promise<Pick<FitInput, 'current' | 'satisfaction' | 'previous' | 'previousSatisfaction'>> {
	const sql = `SELECT ix, k, m FROM ${CELL_TABLE}`;
	const table = await engine.arrow(sql);
	// A null slot is a score of an indicator outside the system: not part of the analysis.
	const ix = numericValues(table, 0), k = numericValues(table, 1, true), m = numericValues(table, 2);
	if (!ix || !k || !m) throw new ResultShapeError(sql, 'expected three columns of numbers, no null estate or mean');
	// A short budget: this runs in the task that also decoded the means' Arrow batch.
	return runSteps(pivotCells(sql, codes, hasElevator, ix, k, m), 8);
}

/** Rows of the cell table pivoted per step: a city's 290,000 means, in code not yet optimised, took 12-38 ms. */
const PIVOT_STEP = 32_768;

/** {@link readCells}'s pivot as steps (see runSteps). */
function* pivotCells(
	sql: string,
	codes: readonly string[],
	hasElevator: readonly unknown[],
	ix: ArrayLike<number | null>,
	k: ArrayLike<number | null>,
	m: ArrayLike<number | null>
): Generator<void, Pick<FitInput, 'current' | 'satisfaction' | 'previous' | 'previousSatisfaction'>, void> {
	const n = hasElevator.length;
	const slots = slotCount(codes);
	const columns = Array.from({ length: 2 * slots }, () => new Float64Array(n).fill(NaN));
	const elevator = codes.indexOf(ELEVATOR_CODE);
	for (let start = 0; start < ix.length; start += PIVOT_STEP) {
		if (start > 0) yield;
		const end = Math.min(ix.length, start + PIVOT_STEP);
		for (let r = start; r < end; r++) {
			const slot = k[r];
			if (slot === null) continue;
			const col = columns[slot];
			const i = ix[r] as number;
			if (!col || !(i >= 0 && i < n)) throw new ResultShapeError(sql, `row ${r + 1}: slot ${slot} of estate ${i} is outside ${2 * slots} slots × ${n} estates`);
			if (slot % slots === elevator && hasElevator[i] !== true) continue;
			col[i] = m[r] as number;
		}
	}
	return {
		current: columns.slice(0, slots - 1),
		satisfaction: columns[slots - 1],
		previous: columns.slice(slots, 2 * slots - 1),
		previousSatisfaction: columns[2 * slots - 1]
	};
}
