/**
 * A query result as duckdb-wasm's worker sends it (Arrow IPC bytes) read into a Table one record batch at a time,
 * ending the task between batches once it has run a short budget. duckdb-wasm's own `query()` reads every batch in
 * the task that received the message: a city's 290,000 indicator means (about 140 batches) held a first district
 * visit's page for 25-50 ms there (docs/performance.md, session 21).
 */
import { RecordBatchReader, Table, type RecordBatch } from 'apache-arrow';
import { runSteps } from '../queries/yield-task';

/** The budget per task: the batches' reading shares its first task with the message's own handling. */
const BUDGET_MS = 8;

/** The Table duckdb-wasm's `query()` would give for `bytes` (the same batches, so the same schema rule). */
export function tableInSteps(bytes: Uint8Array, budgetMs = BUDGET_MS): Promise<Table> {
	return runSteps(batchSteps(bytes), budgetMs);
}

/** One record batch read per step. */
function* batchSteps(bytes: Uint8Array): Generator<void, Table, void> {
	const batches: RecordBatch[] = [];
	for (const batch of RecordBatchReader.from(bytes)) {
		batches.push(batch);
		yield;
	}
	// As `new Table(reader)`: the schema is the first batch's (none without a batch).
	return new Table(batches);
}
