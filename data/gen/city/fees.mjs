// @ts-check
/** Fees and collection rates of the city (fees.csv), set from the quality each estate delivers. */

import { clamp, roundTo } from '../../rng.mjs';
import { feeRange, gradePrice } from '../fee-ladder.mjs';
import { expectedInspection, levelAt } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */
/** @typedef {import('./csv-writer.mjs').CsvWriter} CsvWriter */

/**
 * Fees for every year with data: set in the last year from the quality then (the mismatched estates as if it were
 * ~15 points higher or lower), one change in an earlier year for some estates; collection rates.
 * @param {Rng} rng @param {Estate[]} estates @param {number[]} years @param {CsvWriter} out
 */
export function writeFees(rng, estates, years, out) {
	const tLast = years.length - 0.5;
	for (const e of estates) {
		const q = 0.6 * expectedInspection(e, tLast) + 0.4 * clamp(73 + 0.7 * (levelAt(e, tLast) - 72) + e.satEffect, 30, 97);
		const qFee = q + (e.mismatch === 'price_above' ? rng.u(12, 18) : e.mismatch === 'quality_above' ? -rng.u(12, 18) : 0);
		const [lo, hi] = feeRange(e);
		const step = e.type === 'public_sold' ? 0.5 : 0.05;
		let fee;
		if (e.type === 'public_sold') fee = 10.5 + 13.5 * clamp((qFee - 58) / 30, 0, 1) * rng.u(0.9, 1.1);
		else if (e.luxury) fee = rng.u(lo, hi);
		else {
			const factor = { commercial: e.elevator && e.building === 'multi' ? 1.12 : 1.0, relocation: rng.u(0.72, 1.0), mixed: 0.97 }[e.type];
			fee = gradePrice(e.building, qFee) * factor * Math.exp(rng.normal(0, 0.06));
		}
		fee = clamp(roundTo(fee, step), lo, hi);
		const changeYear = years.length > 1 && rng.chance(0.3) ? years[rng.int(1, years.length - 1)] : null;
		const before = clamp(roundTo(fee / (1 + rng.u(0.08, 0.25)), step), lo, hi);
		const base = { commercial: 0.87, relocation: 0.72, public_sold: 0.8, mixed: 0.82 }[e.type] + 0.004 * (q - 73) - (e.mismatch === 'price_above' ? 0.04 : 0);
		for (const y of years) {
			const f = changeYear !== null && y < changeYear ? before : fee;
			const missing = y === years[0] && rng.chance(0.025);
			const rate = missing ? '' : clamp(base + rng.normal(0, 0.035), 0.4, 0.995).toFixed(3);
			const unit = e.type === 'public_sold' ? 'per_household_month' : 'per_m2_month';
			out.row(`${e.id},${y},${f.toFixed(2)},${unit},${rate}`);
		}
	}
}
