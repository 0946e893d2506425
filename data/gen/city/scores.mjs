// @ts-check
/** Monthly quality scores of the city (scores.csv, and its first rows as scores-1m.csv for the import benchmark). */

import { clamp } from '../../rng.mjs';
import { pad2 } from '../time.mjs';
import { ELEVATOR, FIRE, INDICATORS, levelAt } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */
/** @typedef {import('./csv-writer.mjs').CsvWriter} CsvWriter */

/** Rows of the import benchmark's score file (the first rows of scores.csv). */
export const SUBSET_ROWS = 1_000_000;

/** First month of the data; periods run from here for `months` months. */
const FIRST_YEAR = 2021;

/** Monthly periods 'YYYY-MM' from January of FIRST_YEAR. @param {number} months */
export function cityPeriods(months) {
	return Array.from({ length: months }, (_, m) => `${FIRST_YEAR + Math.floor(m / 12)}-${pad2((m % 12) + 1)}`);
}

/** A score in tenths as text ('64.4'), faster than toFixed in the hot loop. @param {number} s */
function tenths(s) {
	const t = Math.round(s * 10);
	return `${Math.floor(t / 10)}.${t % 10}`;
}

/**
 * Scores: each month, 11 inspection indicators (no elevator score without elevators, the domain's rule) and owner
 * satisfaction. Occasional failed elevator and fire inspections (the red lines).
 * @param {Rng} rng @param {Estate[]} estates @param {string[]} periods @param {CsvWriter} out @param {CsvWriter} subset
 */
export function writeScores(rng, estates, periods, out, subset) {
	// Satisfaction tracks inspection quality, centred on 73 (national owner satisfaction, as in the sample).
	let sumLevel = 0;
	for (const e of estates) for (let m = 0; m < periods.length; m++) sumLevel += levelAt(e, m / 12);
	const meanLevel = sumLevel / (estates.length * periods.length);
	for (const e of estates) {
		for (let m = 0; m < periods.length; m++) {
			const t = m / 12;
			const level = levelAt(e, t);
			const monthly = rng.normal(0, 1.2); // a good or bad month for the whole estate
			const prefix = `${e.id},${periods[m]},`;
			for (let k = 0; k < INDICATORS.length; k++) {
				if (k === ELEVATOR && !e.elevator) continue;
				let s = level + e.offset[k] + monthly + rng.normal(0, 2.5);
				if ((k === FIRE && rng.chance(0.004)) || (k === ELEVATOR && rng.chance(0.006))) s = rng.u(35, 58);
				const line = `${prefix}${INDICATORS[k]},${tenths(clamp(s, 20, 100))},inspection`;
				out.row(line);
				if (subset.rows < SUBSET_ROWS) subset.row(line);
			}
			const sat = clamp(73 + 0.7 * (level - meanLevel) + e.satEffect + rng.normal(0, 2), 20, 100);
			const line = `${prefix}satisfaction,${tenths(sat)},satisfaction`;
			out.row(line);
			if (subset.rows < SUBSET_ROWS) subset.row(line);
		}
	}
}
