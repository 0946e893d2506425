// @ts-check
/**
 * Grid tickets as both generators draw them: the categories, how often each estate type sees them, how long
 * they take to close and how often they stick open.
 */

/** @typedef {import('./estate-kinds.mjs').EstateType} EstateType */

export const CATEGORIES = ['repair', 'cleaning', 'order', 'greening', 'facilities', 'illegal_building', 'group_renting', 'arrears', 'other'];
export const CATEGORY_BASE = [0.26, 0.17, 0.16, 0.06, 0.12, 0.05, 0.04, 0.07, 0.07];
/** How much more often each estate type sees a category (relocation: group renting, illegal building, arrears). @type {Record<EstateType, number[]>} */
export const CATEGORY_TILT = {
	commercial: [1, 0.9, 1.2, 1, 1.1, 0.6, 0.5, 0.8, 1],
	relocation: [0.9, 1.3, 1, 1, 0.9, 2, 2.5, 1.6, 1],
	public_sold: [1.4, 1.1, 0.9, 0.8, 1.2, 1.5, 2, 1, 1],
	mixed: [1.1, 1.1, 1, 1, 1, 1.2, 1.3, 1.1, 1]
};
/** Median hours to close by category (the app's time limits are set elsewhere). */
export const MEDIAN_HOURS = [18, 6, 3, 40, 30, 200, 120, 260, 24];
/** Chance a ticket is stuck open: enforcement categories get stuck most. */
export const STUCK = [0.008, 0.005, 0.005, 0.008, 0.01, 0.1, 0.065, 0.065, 0.008];
