// @ts-check
/**
 * The sample district's shared model: the years each file covers, the estate record every section draws from,
 * the indicator codes and how an estate's latent quality moves over time. Every section module reads these,
 * none writes them.
 */

import { clamp } from '../../rng.mjs';

/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('../estate-kinds.mjs').BuildingType} BuildingType */

/** Last moment covered by the data: tickets still open then have no closed_at. */
export const CUTOFF = Date.UTC(2025, 11, 31, 23, 59, 59);
export const SCORE_YEARS = [2023, 2024, 2025];
export const FEE_YEARS = [2021, 2022, 2023, 2024, 2025];
export const COST_YEARS = [2024, 2025];
export const TICKET_YEARS = [2023, 2024, 2025];

/**
 * @typedef {object} Estate
 * @property {string} id
 * @property {string} name
 * @property {string} subdistrict
 * @property {EstateType} type
 * @property {BuildingType} building
 * @property {number} buildYear
 * @property {number} area chargeable area, m²
 * @property {number} households
 * @property {boolean} elevator
 * @property {string} firm
 * @property {'guide' | 'market'} regime
 * @property {boolean} luxury
 * @property {{ size: number, households: number }[]} units
 * @property {number} level latent inspection level at 2023Q1 (0-100)
 * @property {number} slope points per year
 * @property {number} satEffect estate's own satisfaction offset
 * @property {Record<string, number>} indicatorOffset
 * @property {'price_above' | 'quality_above' | null} mismatch how the fee was set against quality
 */

/** Indicator codes of the default system (src/lib/data/indicators.ts), in the same order. */
export const INDICATORS = [
	'management',
	'upkeep',
	'elevator',
	'fire',
	'water',
	'facilities_other',
	'order',
	'cleaning',
	'greening',
	'customer_service',
	'accounts'
];
/** Typical strengths and weaknesses: published accounts (收支公开) and upkeep lag, fire safety is watched. @type {Record<string, number>} */
export const INDICATOR_BIAS = {
	management: 0,
	upkeep: -2,
	elevator: 1,
	fire: 2,
	water: 1,
	facilities_other: -1,
	order: 1,
	cleaning: 1.5,
	greening: 0,
	customer_service: -1,
	accounts: -4
};

export const QUARTERS = SCORE_YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => ({ period: `${y}Q${q}`, t: y - 2023 + (q - 1) / 4, year: y })));

/** Expected inspection level of an estate at time t (years since 2023Q1). @param {Estate} e @param {number} t */
export const levelAt = (e, t) => clamp(e.level + e.slope * t, 35, 97);
