// @ts-check
/** Fees and collection rates of the sample district (fees.csv), set from the quality each estate delivers. */

import { clamp, roundTo } from '../../rng.mjs';
import { feeRange, gradePrice } from '../fee-ladder.mjs';
import { FEE_YEARS, INDICATORS, levelAt } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */

/**
 * Points of the default indicator system (docs/sources.md §5 [E]). The app's scoring code owns the
 * weights; the generator only needs them to know which grade an estate will be scored at, so that its
 * fee can be set to match (or, for the mismatched estates, not match).
 * @type {Record<string, number>}
 */
const POINTS = {
	management: 15,
	upkeep: 10,
	elevator: 6,
	fire: 5,
	water: 3,
	facilities_other: 6,
	order: 15,
	cleaning: 15,
	greening: 8,
	customer_service: 12,
	accounts: 5
};

/** Expected weighted inspection score; without elevators that weight is spread over the rest. @param {Estate} e @param {number} t */
function expectedInspection(e, t) {
	let sum = 0;
	let points = 0;
	for (const code of INDICATORS) {
		if (code === 'elevator' && !e.elevator) continue;
		sum += POINTS[code] * clamp(levelAt(e, t) + e.indicatorOffset[code], 20, 100);
		points += POINTS[code];
	}
	return sum / points;
}

/**
 * Fee in 2025 from the quality of 2025, then earlier years (one increase for some estates).
 * @param {Rng} rng @param {Estate[]} estates @param {(e: Estate, t: number) => number} sat
 */
export function makeFees(rng, estates, sat) {
	const rows = [];
	/** @type {Map<string, number>} */
	const current = new Map();
	for (const e of estates) {
		let q = 0;
		for (const t of [2, 2.25, 2.5, 2.75]) q += (0.6 * expectedInspection(e, t) + 0.4 * sat(e, t)) / 4; // composite Q, section 5
		const qFee = q + (e.mismatch === 'price_above' ? rng.u(12, 18) : e.mismatch === 'quality_above' ? -rng.u(12, 18) : 0);
		const [lo, hi] = feeRange(e);
		const step = e.type === 'public_sold' ? 0.5 : 0.05;
		let fee;
		if (e.type === 'public_sold') fee = 10.5 + 13.5 * clamp((qFee - 58) / 30, 0, 1) * rng.u(0.9, 1.1);
		else if (e.luxury) fee = rng.u(lo, hi);
		else {
			// Relocation fees mostly sit below the quality-justified price: still being marketised (sections 1, 7).
			// Multi-storey commercial estates with elevators (洋房) charge a little more.
			const factor = { commercial: e.elevator && e.building === 'multi' ? 1.12 : 1.0, relocation: rng.u(0.72, 1.0), mixed: 0.97 }[e.type];
			fee = gradePrice(e.building, qFee) * factor * Math.exp(rng.normal(0, 0.06));
		}
		fee = clamp(roundTo(fee, step), lo, hi);
		current.set(e.id, fee);
		// One fee change for some estates, in 2022-2025; guide-priced estates change less often.
		/** @type {Record<number, number>} */
		const byYear = {};
		for (const y of FEE_YEARS) byYear[y] = fee;
		const pChange = { commercial: 0.3, relocation: 0.35, public_sold: 0.12, mixed: 0.2 }[e.type];
		if (rng.chance(pChange)) {
			const changeYear = rng.int(2022, 2025);
			const rise = rng.chance(0.06) ? -rng.u(0.05, 0.1) : rng.u(0.08, 0.25); // a rare cut after a dispute
			const before = clamp(roundTo(fee / (1 + rise), step), lo, hi);
			for (const y of FEE_YEARS) if (y < changeYear) byYear[y] = before;
		}
		// Collection: ~76-90% typical (section 3 [V]: 76%; section 7: 75-80%), relocation lower, better service pays.
		const base = { commercial: 0.87, relocation: 0.72, public_sold: 0.8, mixed: 0.82 }[e.type];
		const own = rng.normal(0, 0.035) + 0.004 * (q - 73) - (e.mismatch === 'price_above' ? 0.04 : 0);
		for (const y of FEE_YEARS) {
			const missing = y <= 2022 && rng.chance(0.025); // not reported in the early years
			const rate = clamp(base + own + rng.normal(0, 0.015), 0.6, 0.98);
			rows.push([
				e.id,
				String(y),
				byYear[y].toFixed(2),
				e.type === 'public_sold' ? 'per_household_month' : 'per_m2_month',
				missing ? '' : rate.toFixed(3)
			]);
		}
	}
	return { rows, current };
}
