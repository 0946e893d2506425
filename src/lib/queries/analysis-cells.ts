/**
 * The analysis's score rows (analysis-sql.ts scoreRowsSql: estate, slot, score) read into the fit's columns of
 * means, one per estate and slot. A city has about 300,000 rows: the pivot runs in steps so a first visit, in code
 * not yet optimised, holds no long task. The rows come as typed arrays straight from the result's bytes
 * (Engine.numberParts); a result from the native engine is read from its Arrow table ({@link alignedParts}).
 */
import type { Engine } from '../engine/engine';
import { ResultShapeError } from '../engine/errors';
import { ARROW_FLOAT, ARROW_INT, type ArrowLike } from '../engine/arrow-rows';
import { isNumberArray, numericValues } from '../engine/number-columns';
import { ELEVATOR_CODE } from '../domain/indicator-system';
import type { FitInput } from '../domain/district-fit';
import { slotCount } from './analysis-sql';
import { runSteps, yieldTask } from './yield-task';

/** Numbers that can be read by index: a typed array or an array of the values. */
type Numbers = ArrayLike<number | null>;

/**
 * The three columns as parts that line up (the same rows in part j of each): the record batches' own typed arrays
 * where every column has them and no nulls (duckdb-wasm's Arrow sends batches of 2,048 rows), otherwise each column
 * whole. Reading the batches where they are saves concatenating 290,000 values per column for a city, which cost
 * 5-12 ms of a first visit's task.
 */
function alignedParts(table: ArrowLike): [Numbers[], Numbers[], Numbers[]] | null {
	const parts: Numbers[][] = [];
	for (let c = 0; c < 3; c++) {
		const col = table.getChildAt(c);
		const typeId = table.schema.fields[c]?.type.typeId;
		const data = col?.nullCount === 0 && (typeId === ARROW_INT || typeId === ARROW_FLOAT) ? col.data : undefined;
		if (!data) break;
		const views: Numbers[] = [];
		for (const d of data) {
			// One value per element of a typed array of numbers (not a half float's raw bits, not 64-bit integers).
			if (!isNumberArray(d.values) || (d.stride ?? 1) !== 1 || d.values.length < d.length) break;
			views.push(d.values.subarray(0, d.length));
		}
		if (views.length !== data.length || (c > 0 && !sameLengths(views, parts[0]))) break;
		parts.push(views);
	}
	if (parts.length === 3) return parts as [Numbers[], Numbers[], Numbers[]];
	const ix = numericValues(table, 0), k = numericValues(table, 1), m = numericValues(table, 2);
	return ix && k && m ? [[ix], [k], [m]] : null;
}

/** The rows' three columns, as {@link alignedParts} gives them. */
const threeColumns = (parts: Numbers[][]): [Numbers[], Numbers[], Numbers[]] | null => (parts.length === 3 ? [parts[0], parts[1], parts[2]] : null);

const sameLengths = (a: readonly Numbers[], b: readonly Numbers[]) => a.length === b.length && a.every((x, j) => x.length === b[j].length);

/**
 * The means of the score rows `sql` gives, pivoted into the fit's columns (NaN where an estate has no score): one
 * pass over three typed arrays. The elevator score of an estate without elevators is left out, as the domain ignores
 * it.
 */
export async function readCells(engine: Engine, sql: string, codes: readonly string[], hasElevator: readonly unknown[]): Promise<Pick<FitInput, 'current' | 'satisfaction' | 'previous' | 'previousSatisfaction'>> {
	const result = await engine.numberParts(sql);
	const parts = 'parts' in result ? threeColumns(result.parts) : alignedParts(result.table);
	if (!parts) throw new ResultShapeError(sql, 'expected three columns of numbers, no null estate, slot or score');
	// The pivot starts in a task of its own: the rows' result was read in this one.
	await yieldTask();
	return runSteps(pivotCells(sql, codes, hasElevator, ...parts), 8);
}

/**
 * Score rows pivoted per step. A city's 290,000 means, in code not yet optimised, took 12-38 ms in
 * steps of 32,768; traced on a first visit while the engine's worker compiled its hot functions on both cores, one
 * such step with the columns' allocation took 40-66 ms of a task (docs/performance.md, session 21), and a step of
 * 8,192 rows still up to 48 ms (session 22).
 */
const PIVOT_STEP = 4_096;

/**
 * Columns allocated per step: memory a page touches for the first time is slow to hand out where page faults are
 * dear (a virtual machine's 3-4 ms per MB, measured in Node on the bench machine), and a city's 24 columns are 2.5 MB.
 */
const COLUMNS_PER_STEP = 4;

/** {@link readCells}'s pivot as steps (see runSteps), part by part of the three aligned columns. */
function* pivotCells(
	sql: string,
	codes: readonly string[],
	hasElevator: readonly unknown[],
	ixParts: readonly Numbers[],
	kParts: readonly Numbers[],
	mParts: readonly Numbers[]
): Generator<void, Pick<FitInput, 'current' | 'satisfaction' | 'previous' | 'previousSatisfaction'>, void> {
	const n = hasElevator.length;
	const slots = slotCount(codes);
	const columns: Float64Array[] = [];
	while (columns.length < 2 * slots) {
		for (let c = 0; c < COLUMNS_PER_STEP && columns.length < 2 * slots; c++) columns.push(new Float64Array(n).fill(NaN));
		yield;
	}
	const elevator = codes.indexOf(ELEVATOR_CODE);
	// A cell's further scores, per column, made at the first cell with two: a period usually has one score per
	// estate and indicator, so the sums stay in the columns and most columns need no count at all.
	const extra: (Uint32Array | undefined)[] = new Array(2 * slots);
	let row = 0; // rows before this part, for the error's row number
	let sinceYield = 0;
	for (let j = 0; j < ixParts.length; j++) {
		const ix = ixParts[j], k = kParts[j], m = mParts[j];
		for (let start = 0; start < ix.length; start += PIVOT_STEP) {
			if (sinceYield >= PIVOT_STEP) {
				yield;
				sinceYield = 0;
			}
			const end = Math.min(ix.length, start + PIVOT_STEP);
			for (let r = start; r < end; r++) {
				const slot = k[r] as number;
				const col = columns[slot];
				const i = ix[r] as number;
				const score = m[r] as number;
				if (!col || !(i >= 0 && i < n)) throw new ResultShapeError(sql, `row ${row + r + 1}: slot ${slot} of estate ${i} is outside ${2 * slots} slots × ${n} estates`);
				if (slot % slots === elevator && hasElevator[i] !== true) continue;
				const sum = col[i];
				if (sum !== sum) col[i] = score;
				else {
					col[i] = sum + score;
					(extra[slot] ??= new Uint32Array(n))[i]++;
				}
			}
			sinceYield += end - start;
		}
		row += ix.length;
	}
	// Sums to means (the same as DuckDB's avg: the sum over the count), in a step of their own.
	yield;
	for (let c = 0; c < extra.length; c++) {
		const more = extra[c];
		if (!more) continue;
		const col = columns[c];
		for (let i = 0; i < n; i++) if (more[i] > 0) col[i] /= more[i] + 1;
	}
	return {
		current: columns.slice(0, slots - 1),
		satisfaction: columns[slots - 1],
		previous: columns.slice(slots, 2 * slots - 1),
		previousSatisfaction: columns[2 * slots - 1]
	};
}
