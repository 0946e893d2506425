// @ts-check
/** Grid tickets of the sample district (tickets.csv): how many each estate gets, when, and how long they stay open. */

import { CATEGORIES, CATEGORY_BASE, CATEGORY_TILT, MEDIAN_HOURS, STUCK } from '../grid.mjs';
import { fmtTime } from '../time.mjs';
import { CUTOFF, levelAt, TICKET_YEARS } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */

/** Running sums of weights, for {@link Rng#index}. @param {readonly number[]} weights */
function cumulative(weights) {
	const cum = new Float64Array(weights.length);
	let sum = 0;
	weights.forEach((w, i) => (cum[i] = sum += w));
	return cum;
}

/** Grid management found more problems as it matured. @type {Record<number, number>} */
const YEAR_FACTOR = { 2023: 0.9, 2024: 1.0, 2025: 1.1 };
const TARGET_TICKETS = 24500;

/** Hours of the day and how often problems are found then: mostly in working hours. */
const HOUR_CUM = cumulative(Array.from({ length: 24 }, (_, h) => (h >= 8 && h <= 20 ? 6 : h >= 6 && h <= 22 ? 2 : 0.4)));

/** @param {Rng} rng @param {Estate[]} estates */
export function makeTickets(rng, estates) {
	const typeFactor = { commercial: 0.8, relocation: 1.6, public_sold: 1.4, mixed: 1.1 };
	/** @param {Estate} e @param {number} year */
	const rawRate = (e, year) => e.households * typeFactor[e.type] * Math.exp(-(levelAt(e, year - 2023 + 0.5) - 72) / 20) * YEAR_FACTOR[year];
	let sum = 0;
	for (const e of estates) for (const y of TICKET_YEARS) sum += rawRate(e, y);
	const scale = TARGET_TICKETS / sum;
	/** @type {{ opened: number, closed: number | null, estate: number, year: number, category: number }[]} */
	const tickets = [];
	estates.forEach((e, estateIndex) => {
		const categoryCum = cumulative(CATEGORY_BASE.map((w, i) => w * CATEGORY_TILT[e.type][i]));
		for (const year of TICKET_YEARS) {
			const n = rng.poisson(rawRate(e, year) * scale);
			const start = Date.UTC(year, 0, 1);
			const days = (Date.UTC(year + 1, 0, 1) - start) / 86400000;
			const level = levelAt(e, year - 2023 + 0.5);
			for (let k = 0; k < n; k++) {
				const c = rng.index(categoryCum);
				const hour = rng.index(HOUR_CUM);
				const opened = start + rng.int(0, days - 1) * 86400000 + hour * 3600000 + rng.int(0, 3599) * 1000;
				const hours = Math.max(0.25, MEDIAN_HOURS[c] * Math.exp(rng.normal(0, 0.9) - (level - 72) / 25));
				const closedAt = opened + Math.round(hours * 3600) * 1000;
				const stuck = rng.chance(STUCK[c] * Math.exp(-(level - 72) / 15));
				tickets.push({ opened, closed: stuck || closedAt > CUTOFF ? null : closedAt, estate: estateIndex, year, category: c });
			}
		}
	});
	// Chronological file, ids numbered per year like a grid system's case numbers.
	tickets.sort((a, b) => a.opened - b.opened || a.estate - b.estate);
	/** @type {Record<number, number>} */
	const seq = {};
	return tickets.map((t) => {
		seq[t.year] = (seq[t.year] ?? 0) + 1;
		return [
			`WG${t.year}${String(seq[t.year]).padStart(6, '0')}`,
			estates[t.estate].id,
			CATEGORIES[t.category],
			fmtTime(t.opened),
			t.closed === null ? '' : fmtTime(t.closed)
		];
	});
}
