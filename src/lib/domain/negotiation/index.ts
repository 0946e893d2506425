/**
 * The fee negotiation workspace (docs/sources.md §3, §8): cost-based fee, staffing, household bills, proposals,
 * negotiating range, sensitivity, owners' vote and shareable scenarios. Pure TypeScript; every default
 * carries its provenance and every result its explanation.
 */
// Only the explanation types: the formatting helpers are internal and their short names (num, pct,
// count) would crowd the domain-wide namespace.
export type { Explanation, ExplainedFigure } from './explain';
export * from './defaults';
export * from './cost-items';
export * from './cost-fee';
export * from './staffing';
export * from './household-bill';
export * from './range';
export * from './proposals';
export * from './sensitivity';
export * from './rational';
export * from './vote';
export * from './scenario';
export * from './verdict';
