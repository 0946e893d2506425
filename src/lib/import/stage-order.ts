/**
 * The order a prepared file's rows are staged in, and so stored in: grouped by the dataset's cluster column
 * (data/cluster-order.ts), or the file's own. Each row keeps its index in the file (`_i`), so what the checks find
 * still names the file's row.
 */
import { clusterOrder, keyCodes } from '../data/cluster-order';
import { DATASETS, type DatasetMeta } from '../data/datasets';
import type { PreparedImport } from './prepared';

/** Worked out once per prepared file: every chunk of it reads the same order. */
const orders = new WeakMap<PreparedImport, Int32Array | null>();

/** The file's rows in staging order (indices into its rows), or null when that is the file's own order. */
export function stagingOrder(prepared: PreparedImport): Int32Array | null {
	const cached = orders.get(prepared);
	if (cached !== undefined) return cached;
	const meta: DatasetMeta | null = prepared.dataset ? DATASETS[prepared.dataset] : null;
	const column = meta?.clusterBy ? meta.columns.findIndex((c) => c.name === meta.clusterBy) : -1;
	const order = column >= 0 ? clusterOrder(keyCodes(prepared.columns[column])) : null;
	orders.set(prepared, order);
	return order;
}

/**
 * The file's indices of the rows at staging places [start, end) that have no row-level error, written into `into` (at
 * least end - start long) when given.
 */
export function chunkRows(prepared: PreparedImport, start: number, end: number, into?: Int32Array): Int32Array {
	const order = stagingOrder(prepared);
	// `prepared` has many properties: read once, not per row.
	const invalid = prepared.invalid;
	const rows = into ? into.subarray(0, end - start) : new Int32Array(end - start);
	let n = 0;
	for (let p = start; p < end; p++) {
		const i = order ? order[p] : p;
		if (invalid[i] === 0) rows[n++] = i;
	}
	return n < rows.length ? (into ? rows.subarray(0, n) : rows.slice(0, n)) : rows;
}
