/**
 * Goal seek (docs/sources.md §19): inverse questions answered with the equation solved, the solution and
 * a check in the app's own forward calculation. Pure TypeScript.
 */
export * from './solver';
export * from './fee';
export * from './quality';
export * from './subsidy';
