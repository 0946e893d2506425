/**
 * Public API of the domain layer: pure TypeScript money and quality math for 质价 (price by quality).
 * No Svelte, no DuckDB, no DOM: the UI and the data layer both build on this.
 */
export * from './provenance';
export * from './vocabulary';
export * from './format';
export * from './stats';
export * from './grades';
export * from './indicator-system';
export * from './indicator-groups';
export * from './quality-score';
export * from './assessment';
export * from './catalogues';
export * from './fit';
export * from './regression';
export * from './peers';
export * from './schemas';
export * from './negotiation';
export * from './subsidy';
export * from './money';
