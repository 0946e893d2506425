// @ts-check
/**
 * The city's shared model: the estate record every section draws from, the indicators by position (the hot loops
 * index arrays, not objects) and how an estate's latent quality moves over time.
 */

import { clamp } from '../../rng.mjs';

/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('../estate-kinds.mjs').BuildingType} BuildingType */

/** Indicator codes of the default system (src/lib/domain/indicator-system.ts), then owner satisfaction. */
export const INDICATORS = ['management', 'upkeep', 'elevator', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];
/** Typical strengths and weaknesses, as in the sample district. */
export const INDICATOR_BIAS = [0, -2, 1, 2, 1, -1, 1, 1.5, 0, -1, -4];
/** Points of the default system, to set fees that match (or, for some estates, do not match) the quality. */
const POINTS = [15, 10, 6, 5, 3, 6, 15, 15, 8, 12, 5];
export const ELEVATOR = 2;
export const FIRE = 3;

/**
 * @typedef {object} Estate
 * @property {string} id
 * @property {string} name
 * @property {string} subdistrict
 * @property {EstateType} type
 * @property {BuildingType} building
 * @property {number} buildYear
 * @property {number} area
 * @property {number} households
 * @property {boolean} elevator
 * @property {string} firm
 * @property {'guide' | 'market'} regime
 * @property {boolean} luxury
 * @property {number} level latent inspection level at the first month
 * @property {number} slope points per year
 * @property {number} satEffect
 * @property {number[]} offset per indicator
 * @property {'price_above' | 'quality_above' | null} mismatch
 */

/** Expected inspection level at t years after the first month. @param {Estate} e @param {number} t */
export const levelAt = (e, t) => clamp(e.level + e.slope * t, 35, 97);

/** Expected weighted inspection score at t (elevator weight spread over the rest without elevators). @param {Estate} e @param {number} t */
export function expectedInspection(e, t) {
	let sum = 0;
	let points = 0;
	for (let k = 0; k < INDICATORS.length; k++) {
		if (k === ELEVATOR && !e.elevator) continue;
		sum += POINTS[k] * clamp(levelAt(e, t) + e.offset[k], 20, 100);
		points += POINTS[k];
	}
	return sum / points;
}
