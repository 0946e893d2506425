// @ts-check
/** Shared facilities (facilities.csv) and maintenance fund balances (fund_balances.csv) of the sample district, docs/sources.md §11. */

import { clamp, roundTo } from '../../rng.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('./model.mjs').Estate} Estate */

/** Year-end balances of the maintenance fund are written for these years. */
const FUND_YEARS = [2021, 2022, 2023, 2024, 2025];

/** @param {number} year */
const assessedDate = (/** @type {Rng} */ rng, year) => `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')} 00:00:00`;

/**
 * The shared facilities of every estate, sized from its area and households (floors, entrances), installed when it
 * was built and in part renewed since (old-housing retrofit programmes). Most rows leave life and unit cost empty so
 * the plan uses the sourced defaults; some carry a quote. Lifts of 15 years or more have an assessment in about half
 * the estates. Ranges: docs/data-formats.md, "Facilities and the maintenance fund". Drawn from its own stream, so
 * no other file changes.
 * @param {Rng} rng @param {Estate[]} estates
 */
export function makeFacilities(rng, estates) {
	/** @type {string[][]} */
	const rows = [];
	for (const e of estates) {
		const floors = e.building === 'high' ? rng.int(11, 32) : rng.int(5, 7);
		const perFloor = e.building === 'high' ? rng.int(4, 8) : 2;
		const entrances = Math.max(1, Math.ceil(e.households / (floors * perFloor)));
		const age = 2025 - e.buildYear;
		/** A renewal year after the build year, or the build year when none happened. @param {number} pRenewed @param {number} minAge @param {number} from */
		const installed = (pRenewed, minAge, from) => (age >= minAge && rng.chance(pRenewed) ? rng.int(Math.max(from, e.buildYear + 8), 2024) : e.buildYear);
		/**
		 * @param {string} facility @param {number} quantity @param {number} year
		 * @param {{ life?: number | null, cost?: number | null, assessed?: string, result?: string }} [o]
		 */
		const add = (facility, quantity, year, o = {}) =>
			rows.push([e.id, facility, String(quantity), String(year), o.life == null ? '' : String(o.life), o.cost == null ? '' : String(o.cost), o.assessed ?? '', o.result ?? '']);

		// Lifts: one or two per entrance in high-rise blocks, one per entrance in multi-storey blocks that have them;
		// some old walk-ups have added lifts (2018-2024).
		if (e.elevator) {
			const kind = floors > 18 ? 'elevator_highrise' : 'elevator_midrise';
			const lifts = entrances * (floors > 18 ? 2 : 1);
			const renewed = age >= 22 && rng.chance(0.25) ? Math.max(1, Math.round(lifts * rng.u(0.2, 0.6))) : 0;
			const groups = renewed > 0 ? [[lifts - renewed, e.buildYear], [renewed, rng.int(e.buildYear + 18, 2024)]] : [[lifts, e.buildYear]];
			for (const [n, year] of groups) {
				if (n <= 0) continue;
				const liftAge = 2025 - year;
				/** @type {{ cost?: number | null, assessed?: string, result?: string }} */
				const o = {};
				if (rng.chance(0.2)) o.cost = roundTo(rng.u(350_000, 550_000), 10_000);
				if (liftAge >= 15 && rng.chance(0.55)) {
					o.assessed = assessedDate(rng, rng.int(2021, 2025));
					o.result = rng.weighted(['fit', 'repair', 'replace'], [0.55, 0.35, 0.1]);
				}
				add(kind, n, year, o);
			}
		} else if (e.buildYear < 2000 && rng.chance(0.3)) {
			add('elevator_added', Math.max(1, Math.round(entrances * rng.u(0.05, 0.3))), rng.int(2018, 2024));
		}
		// Fire systems: an alarm system and a fire-water system in high-rise estates; hydrants in some multi-storey ones.
		if (e.building === 'high') {
			add('fire_alarm', 1, installed(0.5, 15, 2010));
			add('fire_water', 1, installed(0.3, 20, 2010));
		} else if (e.type !== 'public_sold' && rng.chance(0.5)) {
			add('fire_water', 1, installed(0.3, 20, 2010));
		}
		// Secondary water supply: pump sets and tanks in high-rise estates; roof tanks on some old walk-ups.
		if (e.building === 'high') {
			add('water_pump', rng.int(1, 3), installed(0.5, 12, 2015));
			add('water_tank', rng.int(1, 2), installed(0.4, 18, 2015));
		} else if (e.buildYear < 2000 && rng.chance(0.4)) {
			add('water_tank', rng.int(1, 4), installed(0.3, 18, 2012));
		}
		// Roof and walls in m²: roof = floor area ÷ floors; walls about 0.4-0.55 m² per m² of floor area.
		const roof = Math.round((e.area / floors) * rng.u(0.9, 1.05));
		add('roof_waterproofing', roof, installed(0.6, 20, 2008), rng.chance(0.1) ? { cost: roundTo(rng.u(90, 150), 5) } : {});
		const wall = Math.round(e.area * rng.u(0.4, 0.55));
		add('exterior_wall', wall, installed(0.5, 18, 2010));
		// Access control per entrance: fitted later in estates built before 2005, renewed since in some.
		const accessYear = e.buildYear >= 2005 ? installed(0.4, 10, 2015) : rng.int(2010, 2024);
		add('access_control', entrances, accessYear, rng.chance(0.15) ? { life: rng.int(6, 10) } : {});
		// Drains in metres: about 3-5 m per √m² of floor area.
		add('drains', Math.round(Math.sqrt(e.area) * rng.u(3, 5)), installed(0.3, 25, 2005));
		// A few estates list another shared system (CCTV, barriers) with their own figures.
		if (rng.chance(0.05)) add('other', 1, rng.int(2015, 2023), { life: 10, cost: roundTo(rng.u(80_000, 200_000), 1_000) });
	}
	return rows;
}

/**
 * Year-end balances of every estate's maintenance fund, 2021-2025. The initial deposit per m² follows the national
 * rule's ranges (method notes §11: commercial housing 5-8 % of the construction cost per m²; sold public housing 2 %
 * of the reform price), less what older estates have spent; each year adds 1.5 % interest and the yearly
 * contribution (shared-parts income, none in about a third of the estates) and takes an occasional repair.
 * About 4 % of the estates have no balance on record.
 * @param {Rng} rng @param {Estate[]} estates
 */
export function makeFundBalances(rng, estates) {
	/** @type {string[][]} */
	const rows = [];
	for (const e of estates) {
		if (rng.chance(0.04)) continue;
		const deposit = { commercial: rng.u(60, 150), mixed: rng.u(40, 100), relocation: rng.u(30, 80), public_sold: rng.u(10, 30) }[e.type];
		const age = 2021 - e.buildYear;
		const left = clamp(1.1 - 0.025 * age + rng.normal(0, 0.15), 0.05, 1.2);
		let balance = deposit * left * e.area;
		const perM2 = rng.chance(0.35) ? 0 : { commercial: rng.u(0.3, 2), mixed: rng.u(0.2, 1.2), relocation: rng.u(0.1, 0.8), public_sold: rng.u(0, 0.4) }[e.type];
		const contribution = roundTo(perM2 * e.area, 100);
		for (const year of FUND_YEARS) {
			if (year > FUND_YEARS[0]) {
				const repair = rng.chance(0.3) ? rng.u(0.5, 5) * e.area : 0;
				balance = Math.max(0, balance * 1.015 + contribution - repair);
			}
			rows.push([e.id, String(year), balance.toFixed(2), contribution > 0 ? String(contribution) : '']);
		}
	}
	return rows;
}
