/**
 * One estate's indicator means next to its peers' for the estate page: the estate's own mean per indicator (and
 * satisfaction), the median of its peers' means and how many peers have one. Peers here are the estates of the same
 * building type and estate type, the estate itself left out; the means are the analysis's (an estate without
 * elevators has none for the elevator indicator, NaN in the columns).
 */
import { median } from './stats';

/** One indicator of the estate next to its peers. */
export interface IndicatorComparison {
	/** Indicator code; the owner-satisfaction score comes last as 'satisfaction'. */
	indicator: string;
	score: number | null;
	peer_median: number | null;
	/** Peers with a score on this indicator. */
	peer_n: number;
}

/** The means compared: one column per indicator (NaN: no mean), in the order of `codes`. */
export interface IndicatorMeans {
	codes: readonly string[];
	columns: readonly ArrayLike<number>[];
}

/**
 * Each indicator of estate `target` against the estates `isPeer` accepts (the target itself is always left out).
 * The median of an even number of peers is the mean of the middle two.
 */
export function compareWithPeers(means: IndicatorMeans, target: number, isPeer: (i: number) => boolean): IndicatorComparison[] {
	const n = means.columns[0]?.length ?? 0;
	const peers: number[] = [];
	for (let i = 0; i < n; i++) if (i !== target && isPeer(i)) peers.push(i);
	return means.codes.map((indicator, k) => {
		const col = means.columns[k];
		const values: number[] = [];
		for (const i of peers) if (!Number.isNaN(col[i])) values.push(col[i]);
		const own = col[target];
		return {
			indicator,
			score: Number.isNaN(own) ? null : own,
			peer_median: values.length === 0 ? null : median(values),
			peer_n: values.length
		};
	});
}
