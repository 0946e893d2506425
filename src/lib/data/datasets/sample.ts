/** The built-in sample district. */
import type { DatasetId } from './registry';

/** One file of the sample district. */
export interface SampleFile {
	readonly file: string;
	readonly dataset: DatasetId;
}

/** The CSV files of the sample district, in load order (estates first). No guide prices: those ship with the domain code. */
export const SAMPLE_FILES: readonly SampleFile[] = [
	{ file: 'estates.csv', dataset: 'estates' },
	{ file: 'scores.csv', dataset: 'scores' },
	{ file: 'fees.csv', dataset: 'fees' },
	{ file: 'costs.csv', dataset: 'costs' },
	{ file: 'tickets.csv', dataset: 'tickets' },
	{ file: 'unit_sizes.csv', dataset: 'unit_sizes' },
	{ file: 'votes.csv', dataset: 'votes' },
	{ file: 'facilities.csv', dataset: 'facilities' },
	{ file: 'fund_balances.csv', dataset: 'fund_balances' }
];
