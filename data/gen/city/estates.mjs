// @ts-check
/** The city's subdistricts, firms and estates (estates.csv), all invented, at the sample district's type mix. */

import { clamp } from '../../rng.mjs';
import { STEM_A, STEM_B, SUFFIXES } from '../estate-kinds.mjs';
import { INDICATOR_BIAS } from './model.mjs';

/** @typedef {import('../../rng.mjs').Rng} Rng */
/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */
/** @typedef {import('../estate-kinds.mjs').BuildingType} BuildingType */
/** @typedef {import('./model.mjs').Estate} Estate */

/** Type shares of the sample district (55% / 20% / 12% / 13%). @type {[EstateType, number][]} */
const TYPE_SHARES = [
	['commercial', 0.55],
	['relocation', 0.2],
	['public_sold', 0.12],
	['mixed', 0.13]
];
const TYPES = TYPE_SHARES.map(([t]) => t);

const PLACE_A = '江河湖海山川松竹梅兰桂菊东西南北金银玉翠春秋云霞星月龙凤华嘉'.split('');
const PLACE_B = '滨港桥湾塘浦园林岭渚泾庄坊城门亭溪'.split('');
const FIRM_FORMS = ['物业服务有限公司', '物业管理有限公司', '物业服务有限公司'];

/**
 * Subdistricts: about one per 100 estates, each leaning to some estate types (old town: 售后公房; outskirts:
 * relocation bases; new town: commercial).
 * @param {Rng} rng @param {number} estates
 * @returns {{ name: string, weights: Record<EstateType, number> }[]}
 */
function makeSubdistricts(rng, estates) {
	const n = Math.max(2, Math.round(estates / 100));
	const names = new Set();
	const out = [];
	while (out.length < n) {
		const name = rng.pick(PLACE_A) + rng.pick(PLACE_B) + (rng.chance(0.15) ? '镇' : '街道');
		if (names.has(name)) continue;
		names.add(name);
		const kind = rng.int(0, 3); // 0 old town, 1 new town, 2 outskirts, 3 mixed
		const w = [
			{ commercial: 1.0, relocation: 0.3, public_sold: 2.4, mixed: 1.2 },
			{ commercial: 2.3, relocation: 0.5, public_sold: 0.2, mixed: 0.6 },
			{ commercial: 0.8, relocation: 2.4, public_sold: 0.2, mixed: 0.8 },
			{ commercial: 1.4, relocation: 0.8, public_sold: 0.6, mixed: 1.0 }
		][kind];
		out.push({ name, weights: w });
	}
	return out;
}

/**
 * Firms: about one per 90 estates, each serving some estate types, with a quality effect.
 * @param {Rng} rng @param {number} estates
 * @returns {{ name: string, effect: number, premium: boolean, serves: Record<EstateType, number> }[]}
 */
function makeFirms(rng, estates) {
	const n = Math.max(4, Math.round(estates / 90));
	const names = new Set();
	const out = [];
	while (out.length < n) {
		const name = rng.pick(STEM_A) + rng.pick(STEM_B) + rng.pick(FIRM_FORMS);
		if (names.has(name)) continue;
		names.add(name);
		const stateOwned = rng.chance(0.25);
		const premium = !stateOwned && rng.chance(0.1);
		out.push({
			name,
			effect: (premium ? 4 : 0) + rng.normal(0, 2.5),
			premium,
			serves: stateOwned
				? { commercial: 0.2, relocation: 3, public_sold: 3, mixed: 1.5 }
				: { commercial: 3, relocation: rng.chance(0.3) ? 1 : 0, public_sold: 0, mixed: 1 }
		});
	}
	return out;
}

/** @param {Rng} rng @param {number} n @returns {Estate[]} */
export function makeEstates(rng, n) {
	const subdistricts = makeSubdistricts(rng, n);
	const firms = makeFirms(rng, n);
	/** @type {Estate[]} */
	const estates = [];
	const names = new Set();
	for (let i = 0; i < n; i++) {
		const type = rng.weighted(TYPES, TYPE_SHARES.map(([, s]) => s));
		const sub = rng.weighted(subdistricts, subdistricts.map((s) => s.weights[type]));
		/** @type {BuildingType} */
		const building = type === 'public_sold' ? 'multi' : rng.chance({ commercial: 0.68, relocation: 0.45, mixed: 0.45 }[type]) ? 'high' : 'multi';
		const luxury = type === 'commercial' && building === 'high' && rng.chance(0.03);
		const buildYear =
			type === 'public_sold' ? rng.int(1980, 1999)
			: type === 'commercial' ? (building === 'high' ? rng.int(luxury ? 2010 : 2000, 2022) : rng.int(1996, 2016))
			: type === 'relocation' ? (building === 'high' ? rng.int(2006, 2021) : rng.int(1995, 2013))
			: rng.int(1990, 2016);
		const elevator = building === 'high' || (type === 'commercial' && buildYear >= 2008 && rng.chance(0.4)) || (type === 'mixed' && rng.chance(0.1));
		const median = { commercial: building === 'high' ? 125000 : 60000, relocation: building === 'high' ? 150000 : 80000, public_sold: 42000, mixed: building === 'high' ? 110000 : 70000 }[type];
		const area = Math.round(clamp(median * Math.exp(rng.normal(0, 0.45)), 20000, 300000) * 100) / 100;
		const meanSize = luxury ? rng.u(122, 132) : { commercial: rng.u(85, 130), relocation: rng.u(66, 92), public_sold: rng.u(50, 60), mixed: rng.u(62, 102) }[type];
		const households = Math.max(20, Math.round(area / meanSize / rng.u(1.0, 1.06)));
		const eligible = firms.filter((f) => (luxury ? f.premium : f.serves[type] > 0));
		const firm = eligible.length > 0 ? rng.weighted(eligible, eligible.map((f) => f.serves[type])) : firms[0];
		/** @type {'guide' | 'market'} */
		const regime = type === 'public_sold' ? 'guide' : rng.chance({ commercial: 0.08, relocation: 0.8, mixed: 0.5 }[type]) ? 'guide' : 'market';
		let name = '';
		for (let tries = 0; tries < 20 && (name === '' || names.has(`${sub.name}/${name}`)); tries++) {
			name = rng.pick(STEM_A) + rng.pick(STEM_B) + rng.pick(SUFFIXES[type]);
			if (tries > 5) name += rng.pick(['一期', '二期', '三期', '四期']);
		}
		names.add(`${sub.name}/${name}`);
		const base = { commercial: 79, relocation: 67, public_sold: 70, mixed: 74 }[type];
		const level = base + firm.effect + (luxury ? 6 : 0) - 0.12 * (2025 - buildYear - 15) + rng.normal(0, 4.5);
		const slope = type === 'relocation' ? rng.normal(1.2, 0.9) : rng.normal(0.3, 0.8);
		const offset = INDICATOR_BIAS.map((b) => b + rng.normal(0, 4));
		const r = rng.next();
		/** @type {'price_above' | 'quality_above' | null} */
		const mismatch = luxury ? null : r < 0.1 && type !== 'relocation' ? 'price_above' : r > 0.92 ? 'quality_above' : null;
		estates.push({
			id: `CT${String(i + 1).padStart(5, '0')}`,
			name,
			subdistrict: sub.name,
			type,
			building,
			buildYear,
			area,
			households,
			elevator,
			firm: firm.name,
			regime,
			luxury,
			level,
			slope,
			satEffect: { commercial: 1.5, relocation: -4, public_sold: -1.5, mixed: -0.5 }[type] + rng.normal(0, 3),
			offset,
			mismatch
		});
	}
	return estates;
}
