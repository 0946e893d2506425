// @ts-check
/** Cost budgets of the sample district (costs.csv): a few estates' yearly costs split into the legal items. */

import { clamp } from '../../rng.mjs';
import { COST_YEARS } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('../estate-kinds.mjs').BuildingType} BuildingType */
/** @typedef {import('./model.mjs').Estate} Estate */

const COST_ITEMS = ['staff', 'facilities', 'greening', 'cleaning', 'order', 'insurance', 'office', 'management', 'depreciation', 'other'];

/**
 * Cost budgets of 40 estates for 2024 and 2025.
 *
 * Total: unit cost (元/㎡·月) × area × 12. The unit cost is the fee net of 8% profit and 6% VAT
 * (section 3: 1.14 × 1.08 × 1.06 ≈ 1.31), with noise; relocation estates run a deficit (cost above the
 * fee), 售后公房 cost 0.5-0.7 against a per-household fee far below that (why they are subsidised).
 * Kept in 0.5-2.5 元/㎡·月.
 *
 * Split: the functional shares of section 3 (order 40, cleaning 20, management 16, facilities 13,
 * greening 11 per cent, each ±15%) are split into the ten legal items. Work done by the firm's own
 * employees goes to 'staff'; outsourced work and materials stay in the functional item:
 * - order: in-house at 55% of estates (85% staff, 15% equipment), else outsourced (all 'order');
 * - cleaning: in-house at 40% (80% staff), else outsourced; greening: in-house at 30% (60% staff);
 * - facilities: 40% staff (technicians), 60% 'facilities' (elevator contracts, energy, water tanks);
 * - management: 47% staff (site office, customer service), 22% 'management' (head-office allocation),
 *   15% 'office', 7% 'depreciation', 6% 'insurance', 3% 'other'.
 * 2025: every item grows 2-5% (staff one point more: wages).
 *
 * @param {Rng} rng @param {Estate[]} estates @param {Map<string, number>} fee2025
 */
export function makeCosts(rng, estates, fee2025) {
	/** @type {Record<EstateType, number>} */
	const quota = { commercial: 22, relocation: 8, public_sold: 4, mixed: 6 };
	/** @type {Estate[]} */
	const chosen = [];
	for (const type of /** @type {EstateType[]} */ (['commercial', 'relocation', 'public_sold', 'mixed'])) {
		const pool = rng.shuffle(estates.filter((e) => e.type === type && !e.luxury));
		chosen.push(...pool.slice(0, quota[type]));
	}
	chosen.sort((a, b) => (a.id < b.id ? -1 : 1));
	const rows = [];
	for (const e of chosen) {
		const fee = fee2025.get(e.id) ?? 0;
		const unit =
			e.type === 'public_sold'
				? rng.u(0.5, 0.7)
				: clamp((fee / (1.08 * 1.06)) * (e.type === 'relocation' ? rng.u(1.0, 1.35) : rng.u(0.88, 1.1)), 0.52, 2.35); // 2025 growth stays <= 2.5
		const total = unit * e.area * 12;
		const f = {
			order: 0.4 * rng.u(0.85, 1.15),
			cleaning: 0.2 * rng.u(0.85, 1.15),
			management: 0.16 * rng.u(0.85, 1.15),
			facilities: 0.13 * rng.u(0.85, 1.15) * (e.elevator ? 1.15 : 0.75),
			greening: 0.11 * rng.u(0.85, 1.15) * (e.type === 'public_sold' ? 0.8 : 1)
		};
		const fsum = f.order + f.cleaning + f.management + f.facilities + f.greening;
		/** @type {Record<string, number>} */
		const item = Object.fromEntries(COST_ITEMS.map((c) => [c, 0]));
		/** @param {'order' | 'cleaning' | 'greening' | 'facilities'} fn @param {number} staffShare */
		const split = (fn, staffShare) => {
			const amount = (total * f[fn]) / fsum;
			item.staff += amount * staffShare;
			item[fn] += amount * (1 - staffShare);
		};
		split('order', rng.chance(0.55) ? 0.85 : 0);
		split('cleaning', rng.chance(0.4) ? 0.8 : 0);
		split('greening', rng.chance(0.3) ? 0.6 : 0);
		split('facilities', 0.4);
		const mgmt = (total * f.management) / fsum;
		item.staff += mgmt * 0.47;
		item.management += mgmt * 0.22;
		item.office += mgmt * 0.15;
		item.depreciation += mgmt * 0.07;
		item.insurance += mgmt * 0.06;
		item.other += mgmt * 0.03;
		const growth = rng.u(0.02, 0.05);
		for (const year of COST_YEARS) {
			for (const c of COST_ITEMS) {
				let amount = item[c];
				if (year === 2025) amount *= 1 + growth + (c === 'staff' ? 0.01 : 0) + rng.normal(0, 0.005);
				rows.push([e.id, String(year), c, String(Math.round(amount))]);
			}
		}
	}
	return rows;
}
