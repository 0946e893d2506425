/**
 * A district analysis run (AnalysisColumns) in the form a visit's snapshot keeps it: the estates' own fields and
 * the fit as packed columns (packed-column.ts), so storing a city's results is a copy of a few dozen arrays instead
 * of a structured clone of 13,000 row objects on the main thread, and reading it back needs no row objects either.
 * Unpacked, it is an AnalysisColumns again: the page builds its table and rows from it exactly as from a live run.
 */
import type { DistrictFit } from '../domain/district-fit';
import type { AnalysisColumns } from '../queries/analysis';
import { packColumn, unpackColumn, type PackedColumn } from './packed-column';

/** The fit's columns as stored: each typed array as it is, the previous period's Q computed for every estate. */
type PackedFit = Omit<DistrictFit, 'qPrev' | 'qPrevAt' | 'cappedBy'> & { qPrev: Float64Array; cappedBy: PackedColumn };

export interface PackedAnalysis {
	period: string | null;
	prevPeriod: string | null;
	n: number;
	/** The estates' own fields, one packed column per field, in the fields' order. */
	own: [field: string, column: PackedColumn][];
	fit: PackedFit;
}

/**
 * Packs a run, as steps (one per field: runSteps ends the task between them once it has run long enough, since a
 * city's fields packed in code not yet optimised take 25-35 ms). The fit's typed arrays are shared, not copied: a
 * run's arrays are never written after it returns.
 */
export function* packAnalysisSteps(c: AnalysisColumns): Generator<void, PackedAnalysis, void> {
	const { n } = c;
	const own: PackedAnalysis['own'] = [];
	for (const [f, values] of Object.entries(c.own) as [string, readonly unknown[]][]) {
		own.push([f, packColumn(n, (i) => values[i])]);
		yield;
	}
	const { inspection, q, qPrev, gradeUncapped, grade, cappedBy, guide, qpr, band, expected, residual, residualPct, models } = c.fit;
	return {
		period: c.period,
		prevPeriod: c.prevPeriod,
		n,
		own,
		fit: {
			inspection, q, qPrev: new Float64Array(qPrev), gradeUncapped, grade, cappedBy: packColumn(n, (i) => cappedBy[i]),
			guide, qpr, band, expected, residual, residualPct, models
		}
	};
}

/** The run again, as {@link packAnalysisSteps} was given it (same rows from rowOf, same table). */
export function unpackAnalysis(p: PackedAnalysis): AnalysisColumns {
	const own: Record<string, readonly unknown[]> = {};
	for (const [field, column] of p.own) own[field] = unpackColumn(column);
	const { qPrev, cappedBy, ...fit } = p.fit;
	const fitOut: DistrictFit = { ...fit, qPrev, qPrevAt: (i) => qPrev[i], cappedBy: unpackColumn(cappedBy) as (string | null)[] };
	return { period: p.period, prevPeriod: p.prevPeriod, n: p.n, own: own as unknown as AnalysisColumns['own'], fit: fitOut, models: fit.models };
}
