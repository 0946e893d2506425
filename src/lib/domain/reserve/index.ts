/** The maintenance-fund renewal plan (docs/sources.md §11): defaults, fen math, the plan, the owners' vote, export sheets. */
export * from './defaults';
export * from './money';
export * from './plan';
export * from './vote';
export * from './export';
