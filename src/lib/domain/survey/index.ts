/** Owners' satisfaction surveys (docs/sources.md §13): answers → levels → points → scores. Pure. */
export * from './scale';
export * from './questions';
export * from './score';
export * from './survey';
export * from './recipe';
export * from './rows';
