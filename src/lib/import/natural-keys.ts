/**
 * What makes two rows of a dataset the same thing (the repeats bulk.ts looks for, and the keys staging tallies in
 * stage-arrow.ts).
 */
import type { DatasetId } from '../data/datasets';
import type { Severity } from './types';

/** What makes two rows of a dataset the same thing, and how bad a repeat is. */
export const NATURAL_KEYS: { readonly [K in DatasetId]: { readonly columns: readonly string[]; readonly severity: Severity } } = {
	estates: { columns: ['estate_id'], severity: 'error' },
	scores: { columns: ['estate_id', 'period', 'indicator', 'source'], severity: 'error' },
	fees: { columns: ['estate_id', 'year'], severity: 'error' },
	costs: { columns: ['estate_id', 'year', 'item'], severity: 'error' },
	tickets: { columns: ['ticket_id'], severity: 'error' },
	guide_prices: { columns: ['catalogue_id', 'building_type', 'grade'], severity: 'error' },
	unit_sizes: { columns: ['estate_id', 'unit_area_m2'], severity: 'warning' },
	votes: { columns: ['estate_id', 'motion'], severity: 'warning' },
	facilities: { columns: ['estate_id', 'facility', 'installed_year'], severity: 'warning' },
	fund_balances: { columns: ['estate_id', 'year'], severity: 'error' },
	// Scraped files repeat estates (several pages, several sites): a warning, both rows kept.
	market: { columns: ['name', 'area'], severity: 'warning' },
	survey_counts: { columns: ['estate_id', 'period', 'question', 'level'], severity: 'error' }
};
