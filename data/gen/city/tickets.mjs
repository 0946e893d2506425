// @ts-check
/** Grid tickets of the city (tickets.csv): millions of rows, so drawn into typed arrays and sorted by index. */

import { CATEGORIES, CATEGORY_BASE, CATEGORY_TILT, MEDIAN_HOURS, STUCK } from '../grid.mjs';
import { fmtTime } from '../time.mjs';
import { levelAt } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */
/** @typedef {import('./csv-writer.mjs').CsvWriter} CsvWriter */

/**
 * About `target` grid tickets over the years with data, more in big, poorly run and relocation estates, in time
 * order with ids numbered per year (WG + year + 7 digits). Held in typed arrays: 2 million objects would not be.
 * @param {Rng} rng @param {Estate[]} estates @param {number[]} years @param {number} target @param {CsvWriter} out
 */
export function writeTickets(rng, estates, years, target, out) {
	const typeFactor = { commercial: 0.8, relocation: 1.6, public_sold: 1.4, mixed: 1.1 };
	/** @param {Estate} e @param {number} yi */
	const rawRate = (e, yi) => e.households * typeFactor[e.type] * Math.exp(-(levelAt(e, yi + 0.5) - 72) / 20) * (0.9 + 0.05 * yi);
	let sum = 0;
	for (const e of estates) for (let yi = 0; yi < years.length; yi++) sum += rawRate(e, yi);
	const scale = target / sum;
	const cutoff = Date.UTC(years[years.length - 1], 11, 31, 23, 59, 59) + 1000;
	const counts = new Int32Array(estates.length * years.length);
	let total = 0;
	estates.forEach((e, ei) => {
		for (let yi = 0; yi < years.length; yi++) total += counts[ei * years.length + yi] = rng.poisson(rawRate(e, yi) * scale);
	});
	const opened = new Float64Array(total);
	const closed = new Float64Array(total);
	const estate = new Int32Array(total);
	const category = new Uint8Array(total);
	const hourWeights = Array.from({ length: 24 }, (_, h) => (h >= 8 && h <= 20 ? 6 : h >= 6 && h <= 22 ? 2 : 0.4));
	const hours24 = hourWeights.map((_, i) => i);
	const categoryIndex = CATEGORIES.map((_, i) => i);
	let j = 0;
	let c = 0;
	estates.forEach((e, ei) => {
		const catWeights = CATEGORY_BASE.map((w, k) => w * CATEGORY_TILT[e.type][k]);
		for (let yi = 0; yi < years.length; yi++) {
			const n = counts[c++];
			const start = Date.UTC(years[yi], 0, 1);
			const days = (Date.UTC(years[yi] + 1, 0, 1) - start) / 86400000;
			const level = levelAt(e, yi + 0.5);
			for (let k = 0; k < n; k++, j++) {
				const cat = rng.weighted(categoryIndex, catWeights);
				const hour = rng.weighted(hours24, hourWeights);
				const o = start + rng.int(0, days - 1) * 86400000 + hour * 3600000 + rng.int(0, 3599) * 1000;
				const hours = Math.max(0.25, MEDIAN_HOURS[cat] * Math.exp(rng.normal(0, 0.9) - (level - 72) / 25));
				const cl = o + Math.round(hours * 3600) * 1000;
				const stuck = rng.chance(STUCK[cat] * Math.exp(-(level - 72) / 15));
				opened[j] = o;
				closed[j] = stuck || cl >= cutoff ? NaN : cl;
				estate[j] = ei;
				category[j] = cat;
			}
		}
	});
	const order = new Uint32Array(total);
	for (let i = 0; i < total; i++) order[i] = i;
	order.sort((a, b) => opened[a] - opened[b] || estate[a] - estate[b] || a - b);
	let year = 0;
	let seq = 0;
	for (let i = 0; i < total; i++) {
		const t = order[i];
		const text = fmtTime(opened[t]);
		const y = Number(text.slice(0, 4));
		seq = y === year ? seq + 1 : 1;
		year = y;
		out.row(`WG${y}${String(seq).padStart(7, '0')},${estates[estate[t]].id},${CATEGORIES[category[t]]},${text},${Number.isNaN(closed[t]) ? '' : fmtTime(closed[t])}`);
	}
}
