/**
 * Relocation-housing subsidy planner (docs/sources.md §7): policy model and presets, the assessment score from Q and grid
 * tickets, the per-estate plan with the budget cap, and the export sheets. Pure TypeScript (and zod).
 */
export * from './policy';
export * from './presets';
export * from './assessment';
export * from './plan';
export * from './export';
