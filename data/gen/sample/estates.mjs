// @ts-check
/**
 * The sample district's estates (estates.csv) and their households by unit area (unit_sizes.csv): type, place,
 * firm, age and size, plus the latent quality the other sections draw their figures from.
 */

import { clamp } from '../../rng.mjs';
import { STEM_A, STEM_B, SUFFIXES } from '../estate-kinds.mjs';
import { FIRMS, LUXURY_COUNT, SUBDISTRICTS, TYPE_COUNTS } from './district.mjs';
import { INDICATOR_BIAS, INDICATORS } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('../estate-kinds.mjs').BuildingType} BuildingType */
/** @typedef {import('./model.mjs').Estate} Estate */

/** @param {Rng} rng @param {EstateType} type */
function estateName(rng, type) {
	const stem = rng.pick(STEM_A) + rng.pick(STEM_B);
	let name = stem + rng.pick(SUFFIXES[type]);
	if (type === 'relocation' && rng.chance(0.3)) name += rng.pick(['一期', '二期', '三期']);
	return name;
}

/**
 * Households by unit area: 3-6 buckets around a mean unit area, then sizes rescaled so the
 * household-weighted mean is the target. @param {Rng} rng @param {number} households @param {number} meanSize
 */
function unitBuckets(rng, households, meanSize) {
	const k = rng.int(3, 6);
	/** @type {number[]} */ const factors = [];
	/** @type {number[]} */ const weights = [];
	for (let i = 0; i < k; i++) {
		const f = (0.68 + (0.8 * i) / (k - 1)) * rng.u(0.96, 1.04);
		factors.push(f);
		weights.push(Math.max(0.08, Math.exp(-(((f - 1) / 0.3) ** 2))) * rng.u(0.6, 1.4));
	}
	const wsum = weights.reduce((a, b) => a + b, 0);
	const hh = weights.map((w) => Math.floor((households * w) / wsum));
	let rest = households - hh.reduce((a, b) => a + b, 0);
	// Hand the rounding remainder to the biggest buckets, deterministically.
	const order = weights.map((w, i) => [w, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let j = 0; rest > 0; j = (j + 1) % k, rest--) hh[order[j][1]]++;
	const realized = factors.reduce((s, f, i) => s + f * hh[i], 0) / households;
	/** @type {{ size: number, households: number }[]} */
	const units = [];
	for (let i = 0; i < k; i++) units.push({ size: Math.round((factors[i] * meanSize) / realized), households: hh[i] });
	// Buckets that round to the same size merge.
	/** @type {Map<number, number>} */ const merged = new Map();
	for (const u of units) merged.set(u.size, (merged.get(u.size) ?? 0) + u.households);
	return [...merged].map(([size, households]) => ({ size, households })).sort((a, b) => a.size - b.size);
}

/** @param {Rng} rng @returns {Estate[]} */
export function makeEstates(rng) {
	/** @type {EstateType[]} */
	const types = [];
	for (const [t, n] of TYPE_COUNTS) for (let i = 0; i < n; i++) types.push(t);
	rng.shuffle(types);
	const luxuryLeft = { n: LUXURY_COUNT };
	const names = new Set();
	/** @type {Estate[]} */
	const estates = [];
	for (const type of types) {
		const sub = rng.weighted(
			SUBDISTRICTS,
			SUBDISTRICTS.map((s) => s.weights[type])
		);
		/** @type {BuildingType} */
		const building =
			type === 'public_sold' ? 'multi' : rng.chance({ commercial: 0.68, relocation: 0.45, mixed: 0.45 }[type]) ? 'high' : 'multi';
		const luxury = type === 'commercial' && building === 'high' && luxuryLeft.n > 0 && rng.chance(0.12);
		if (luxury) luxuryLeft.n--;
		const buildYear =
			type === 'public_sold'
				? rng.int(1980, 1999)
				: type === 'commercial'
					? building === 'high'
						? rng.int(luxury ? 2010 : 2000, 2022)
						: rng.int(1996, 2016)
					: type === 'relocation'
						? building === 'high'
							? rng.int(2006, 2021)
							: rng.int(1995, 2013)
						: rng.int(1990, 2016);
		// Multi-storey: 售后公房 and 动迁房 have no elevators; some newer commercial 洋房 do.
		const elevator =
			building === 'high' ||
			(type === 'commercial' && buildYear >= 2008 && rng.chance(0.4)) ||
			(type === 'mixed' && rng.chance(0.1));
		// Target area: log-normal around a median by type and building, kept well inside 20k-300k m².
		const median = {
			commercial: building === 'high' ? 125000 : 60000,
			relocation: building === 'high' ? 150000 : 80000,
			public_sold: 42000,
			mixed: building === 'high' ? 110000 : 70000
		}[type];
		const targetArea = clamp(median * Math.exp(rng.normal(0, 0.45)), 23000, 275000);
		const meanSize = luxury
			? rng.u(122, 132)
			: { commercial: rng.u(85, 130), relocation: rng.u(66, 92), public_sold: rng.u(50, 60), mixed: rng.u(62, 102) }[type];
		const households0 = Math.round(targetArea / meanSize);
		const units = unitBuckets(rng, households0, meanSize);
		const exclusive = units.reduce((s, u) => s + u.size * u.households, 0);
		// Chargeable area: homes plus a few per cent of charged shops, clubhouse and garages.
		const area = Math.round(exclusive * rng.u(1.0, 1.06) * 100) / 100;
		const eligibleFirms = FIRMS.filter((f) => (luxury ? f.premium : f.serves[type] > 0));
		const firm = rng.weighted(
			eligibleFirms,
			eligibleFirms.map((f) => f.serves[type])
		);
		/** @type {'guide' | 'market'} */
		const regime =
			type === 'public_sold' ? 'guide' : rng.chance({ commercial: 0.08, relocation: 0.8, mixed: 0.5 }[type]) ? 'guide' : 'market';
		let name = estateName(rng, type);
		while (names.has(name)) name = estateName(rng, type);
		names.add(name);
		// Latent inspection level: type base, firm, age, luxury, and the estate's own noise.
		const base = { commercial: 79, relocation: 67, public_sold: 70, mixed: 74 }[type];
		const age = 2025 - buildYear;
		const level = base + firm.effect + (luxury ? 6 : 0) - 0.12 * (age - 15) + rng.normal(0, 4.5);
		// Relocation estates improve faster: the baseline-service programme of docs/sources.md §1.
		const slope = type === 'relocation' ? rng.normal(1.6, 1.1) : rng.normal(0.4, 1.0);
		/** @type {Record<string, number>} */
		const indicatorOffset = {};
		for (const code of INDICATORS) indicatorOffset[code] = INDICATOR_BIAS[code] + rng.normal(0, 4);
		estates.push({
			id: '',
			name,
			subdistrict: sub.name,
			type,
			building,
			buildYear,
			area,
			households: households0,
			elevator,
			firm: firm.name,
			regime,
			luxury,
			units,
			level,
			slope,
			satEffect: { commercial: 1.5, relocation: -4, public_sold: -1.5, mixed: -0.5 }[type] + rng.normal(0, 3),
			indicatorOffset,
			mismatch: null
		});
	}
	// Ids follow subdistrict, then age: how a district office would number its estates.
	const subOrder = new Map(SUBDISTRICTS.map((s, i) => [s.name, i]));
	estates.sort(
		(a, b) =>
			(subOrder.get(a.subdistrict) ?? 0) - (subOrder.get(b.subdistrict) ?? 0) ||
			a.buildYear - b.buildYear ||
			(a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
	);
	estates.forEach((e, i) => (e.id = `LJ${String(i + 1).padStart(4, '0')}`));
	// About 10% of estates charge more than their quality justifies and 8% less (docs/sources.md §6):
	// the fee is set as if the quality were ~15 points higher or lower.
	for (const e of estates) {
		if (e.luxury) continue;
		const r = rng.next();
		if (r < 0.1 && e.type !== 'relocation') e.mismatch = 'price_above';
		else if (r > 0.92) e.mismatch = 'quality_above';
	}
	return estates;
}

/** @param {Estate[]} estates */
export function makeUnitSizes(estates) {
	const rows = [];
	for (const e of estates) for (const u of e.units) rows.push([e.id, u.size.toFixed(2), String(u.households)]);
	return rows;
}
