// @ts-check
/** Quarterly quality scores of the sample district (scores.csv): inspection indicators and owner satisfaction. */

import { clamp } from '../../rng.mjs';
import { INDICATORS, levelAt, QUARTERS } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */

/**
 * Satisfaction tracks inspection quality, with a type gap (relocation estates lower) and centred so the
 * district average is 73: national owner satisfaction 72.6 (2023) / 73.1 (2024), docs/sources.md §5 [V].
 * @param {Estate[]} estates
 */
export function satisfactionModel(estates) {
	let sumLevel = 0;
	for (const e of estates) for (const q of QUARTERS) sumLevel += levelAt(e, q.t);
	const meanLevel = sumLevel / (estates.length * QUARTERS.length);
	/** @param {Estate} e @param {number} t */
	const raw = (e, t) => 73 + 0.7 * (levelAt(e, t) - meanLevel) + e.satEffect;
	let sumRaw = 0;
	for (const e of estates) for (const q of QUARTERS) sumRaw += raw(e, q.t);
	const shift = 73 - sumRaw / (estates.length * QUARTERS.length);
	/** @param {Estate} e @param {number} t */
	return (e, t) => clamp(raw(e, t) + shift, 30, 97);
}

/** @param {number} x */
const f1 = (x) => x.toFixed(1);

/** @param {Rng} rng @param {Estate[]} estates @param {(e: Estate, t: number) => number} sat */
export function makeScores(rng, estates, sat) {
	const rows = [];
	for (const e of estates) {
		for (const q of QUARTERS) {
			const level = levelAt(e, q.t);
			for (const code of INDICATORS) {
				if (code === 'elevator' && !e.elevator) continue; // no elevator, no elevator score
				let s = level + e.indicatorOffset[code] + rng.normal(0, 2.5);
				// Occasional failed inspections: the red lines of docs/sources.md §5.
				if ((code === 'fire' && rng.chance(0.015)) || (code === 'elevator' && rng.chance(0.025))) s = rng.u(35, 58);
				rows.push([e.id, q.period, code, f1(clamp(s, 20, 100)), 'inspection']);
			}
			rows.push([e.id, q.period, 'satisfaction', f1(clamp(sat(e, q.t) + rng.normal(0, 2), 20, 100)), 'satisfaction']);
		}
	}
	return rows;
}
