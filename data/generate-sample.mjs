#!/usr/bin/env node
// @ts-check
/**
 * Generates the built-in sample district of Zhijia 质价: 临江区 (Linjiang District). It is FICTIONAL:
 * every estate, firm, subdistrict, score, fee, cost, ticket, vote, facility and fund balance is invented. The ranges it draws
 * from are the published figures of the project's methods document (docs/sources.md); docs/data-formats.md says
 * which one each figure uses. SAMPLE_DISTRICT in src/lib/data/datasets/ names the district for the app.
 *
 *   node data/generate-sample.mjs [outDir]      (default: data/sample next to this script)
 *
 * Deterministic: a fixed seed, one mulberry32 stream per section (so changing one section leaves the
 * others' files unchanged), no clock, no locale. Two runs give byte-identical files; a unit test checks
 * that and that the committed files are what this script writes. Plain Node ESM, no dependencies.
 *
 * Output: UTF-8 without BOM (the app reads these, not Excel), '\n' line ends, a header row of canonical
 * column names (src/lib/data/datasets/), empty cell = NULL, no quotes needed: no text contains
 * commas, quotes or line breaks.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clamp, Rng, roundTo } from './rng.mjs';

/** Fixed seed of the sample district. Changing it changes every file. */
export const SEED = 20251231;

/** Last moment covered by the data: tickets still open then have no closed_at. */
const CUTOFF = Date.UTC(2025, 11, 31, 23, 59, 59);
const SCORE_YEARS = [2023, 2024, 2025];
const FEE_YEARS = [2021, 2022, 2023, 2024, 2025];
const COST_YEARS = [2024, 2025];
const TICKET_YEARS = [2023, 2024, 2025];

// ---------------------------------------------------------------------------------------------------
// Random numbers (data/rng.mjs)
// ---------------------------------------------------------------------------------------------------

/** Running sums of weights, for {@link Rng#index}. @param {readonly number[]} weights */
function cumulative(weights) {
	const cum = new Float64Array(weights.length);
	let sum = 0;
	weights.forEach((w, i) => (cum[i] = sum += w));
	return cum;
}


// ---------------------------------------------------------------------------------------------------
// The district
// ---------------------------------------------------------------------------------------------------

/** @typedef {'commercial' | 'relocation' | 'public_sold' | 'mixed'} EstateType */
/** @typedef {'multi' | 'high'} BuildingType */

/**
 * Subdistricts with how likely each estate type is found there: the old town (江滨, 望湖, 柳岸) holds the
 * 售后公房, the outer subdistricts (北塘, 东港) the relocation bases, the new town the commercial estates.
 * @type {{ name: string, weights: Record<EstateType, number> }[]}
 */
const SUBDISTRICTS = [
	{ name: '江滨街道', weights: { commercial: 1.0, relocation: 0.3, public_sold: 2.4, mixed: 1.2 } },
	{ name: '望湖街道', weights: { commercial: 1.3, relocation: 0.4, public_sold: 1.6, mixed: 1.0 } },
	{ name: '柳岸街道', weights: { commercial: 1.0, relocation: 0.5, public_sold: 1.8, mixed: 1.3 } },
	{ name: '新城街道', weights: { commercial: 2.3, relocation: 0.5, public_sold: 0.2, mixed: 0.6 } },
	{ name: '金桥街道', weights: { commercial: 1.6, relocation: 1.0, public_sold: 0.3, mixed: 0.9 } },
	{ name: '梅园街道', weights: { commercial: 1.4, relocation: 0.8, public_sold: 0.6, mixed: 1.0 } },
	{ name: '北塘街道', weights: { commercial: 0.7, relocation: 2.0, public_sold: 0.4, mixed: 1.0 } },
	{ name: '东港街道', weights: { commercial: 0.8, relocation: 2.4, public_sold: 0.2, mixed: 0.8 } }
];

/** Estate counts by type: 55% / 20% / 12% / 13% of 240. */
const TYPE_COUNTS = /** @type {const} */ ([
	['commercial', 132],
	['relocation', 48],
	['public_sold', 29],
	['mixed', 31]
]);
/** Luxury commercial estates (fee 3.5-6 元/㎡·月, docs/sources.md §10 notes far higher in Shanghai). */
const LUXURY_COUNT = 6;

/**
 * Fictional property firms. `effect` shifts an estate's latent inspection level; `serves` weights the
 * estate types a firm takes on (state-owned housing firms run the 售后公房 and relocation estates).
 * @type {{ name: string, effect: number, premium?: boolean, serves: Record<EstateType, number> }[]}
 */
const FIRMS = [
	{ name: '临江安居物业管理有限公司', effect: -1, serves: { commercial: 0, relocation: 3, public_sold: 4, mixed: 1 } },
	{ name: '临江城投物业服务有限公司', effect: 0.5, serves: { commercial: 0.5, relocation: 3, public_sold: 1, mixed: 2 } },
	{ name: '江滨房管物业有限公司', effect: -2, serves: { commercial: 0, relocation: 0.5, public_sold: 4, mixed: 1.5 } },
	{ name: '望湖物业服务有限公司', effect: -3, serves: { commercial: 0.5, relocation: 1, public_sold: 1, mixed: 2 } },
	{ name: '恒嘉物业服务有限公司', effect: 1, serves: { commercial: 3, relocation: 0, public_sold: 0, mixed: 1 } },
	{ name: '瑞丰物业管理有限公司', effect: 0, serves: { commercial: 3, relocation: 0.5, public_sold: 0, mixed: 1 } },
	{ name: '锦和物业服务有限公司', effect: 2, serves: { commercial: 3, relocation: 0, public_sold: 0, mixed: 0.5 } },
	{ name: '蓝湾物业服务有限公司', effect: 5, premium: true, serves: { commercial: 1.5, relocation: 0, public_sold: 0, mixed: 0 } },
	{ name: '星澜物业服务有限公司', effect: 4, premium: true, serves: { commercial: 1.5, relocation: 0, public_sold: 0, mixed: 0 } },
	{ name: '邻里家物业服务有限公司', effect: -4, serves: { commercial: 0.5, relocation: 1.5, public_sold: 1, mixed: 1 } },
	{ name: '宜居物业管理有限公司', effect: -2, serves: { commercial: 2, relocation: 0.5, public_sold: 0, mixed: 1.5 } },
	{ name: '和泰物业服务有限公司', effect: 0, serves: { commercial: 2.5, relocation: 0.5, public_sold: 0, mixed: 1 } },
	{ name: '慧邦物业服务有限公司', effect: 1, serves: { commercial: 2.5, relocation: 0, public_sold: 0, mixed: 1 } },
	{ name: '明庭物业服务有限公司', effect: 3, serves: { commercial: 2, relocation: 0, public_sold: 0, mixed: 0.5 } },
	{ name: '北塘众安物业服务有限公司', effect: -3, serves: { commercial: 0, relocation: 2, public_sold: 0.5, mixed: 0.5 } },
	{ name: '东港新居物业管理有限公司', effect: -1, serves: { commercial: 0, relocation: 2.5, public_sold: 0, mixed: 0.5 } }
];

const STEM_A = '锦翠金银华景和康安瑞春明星月江湖海桂兰梅竹松柳碧嘉盛福祥泰丰悦雅宁阳晨云枫樱荷桃杏'.split('');
const STEM_B = '林泉湾庭景华馨怡岸汇晖源澜都韵秀美和安欣乐枫桥溪山水河阳光'.split('');
/** Name endings by estate type: 商品房 sound upmarket, 动迁房 like 家园/新苑, 售后公房 like 新村/一村. @type {Record<EstateType, string[]>} */
const SUFFIXES = {
	commercial: ['花园', '花园', '苑', '名邸', '公馆', '华庭', '雅苑', '府', '湾', '佳园', '名苑', '公寓'],
	relocation: ['家园', '家园', '新苑', '佳苑', '新村', '馨苑', '安居苑'],
	public_sold: ['新村', '新村', '小区', '一村', '二村', '三村', '公寓'],
	mixed: ['新村', '苑', '家园', '小区', '花园']
};

/**
 * @typedef {object} Estate
 * @property {string} id
 * @property {string} name
 * @property {string} subdistrict
 * @property {EstateType} type
 * @property {BuildingType} building
 * @property {number} buildYear
 * @property {number} area chargeable area, m²
 * @property {number} households
 * @property {boolean} elevator
 * @property {string} firm
 * @property {'guide' | 'market'} regime
 * @property {boolean} luxury
 * @property {{ size: number, households: number }[]} units
 * @property {number} level latent inspection level at 2023Q1 (0-100)
 * @property {number} slope points per year
 * @property {number} satEffect estate's own satisfaction offset
 * @property {Record<string, number>} indicatorOffset
 * @property {'price_above' | 'quality_above' | null} mismatch how the fee was set against quality
 */

/** Fee ranges per m² (元/㎡·月) by type and building, from docs/sources.md §3, 7 and 10. */
export const FEE_RANGES = {
	relocation: { multi: [0.4, 0.7], high: [0.8, 1.2] },
	commercial: { multi: [0.9, 2.2], high: [1.2, 3.0], luxury: [3.5, 6.0] },
	mixed: { multi: [0.55, 1.2], high: [0.9, 1.9] },
	/** 售后公房 per household (元/户·月), docs/sources.md §3. */
	public_sold: { perHousehold: [10.5, 24] }
};

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
function makeEstates(rng) {
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

// ---------------------------------------------------------------------------------------------------
// Quality scores
// ---------------------------------------------------------------------------------------------------

/** Indicator codes of the default system (src/lib/data/indicators.ts), in the same order. */
const INDICATORS = [
	'management',
	'upkeep',
	'elevator',
	'fire',
	'water',
	'facilities_other',
	'order',
	'cleaning',
	'greening',
	'customer_service',
	'accounts'
];
/** Typical strengths and weaknesses: published accounts (收支公开) and upkeep lag, fire safety is watched. @type {Record<string, number>} */
const INDICATOR_BIAS = {
	management: 0,
	upkeep: -2,
	elevator: 1,
	fire: 2,
	water: 1,
	facilities_other: -1,
	order: 1,
	cleaning: 1.5,
	greening: 0,
	customer_service: -1,
	accounts: -4
};

const QUARTERS = SCORE_YEARS.flatMap((y) => [1, 2, 3, 4].map((q) => ({ period: `${y}Q${q}`, t: y - 2023 + (q - 1) / 4, year: y })));

/** Expected inspection level of an estate at time t (years since 2023Q1). @param {Estate} e @param {number} t */
const levelAt = (e, t) => clamp(e.level + e.slope * t, 35, 97);

/**
 * Satisfaction tracks inspection quality, with a type gap (relocation estates lower) and centred so the
 * district average is 73: national owner satisfaction 72.6 (2023) / 73.1 (2024), docs/sources.md §5 [V].
 * @param {Estate[]} estates
 */
function satisfactionModel(estates) {
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
function makeScores(rng, estates, sat) {
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

// ---------------------------------------------------------------------------------------------------
// Fees and collection
// ---------------------------------------------------------------------------------------------------

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
 * Guide price of the grade a composite Q earns (grades of docs/sources.md §5 [E]) on the illustrative
 * five-level ladder of section 4 [E, not official]: high-rise 2.30/1.90/1.50/1.10/0.70, multi-storey
 * 1.50/1.20/0.90/0.60/0.40. @param {BuildingType} building @param {number} q
 */
function gradePrice(building, q) {
	const grade = q >= 90 ? 0 : q >= 80 ? 1 : q >= 70 ? 2 : q >= 60 ? 3 : 4;
	return (building === 'high' ? [2.3, 1.9, 1.5, 1.1, 0.7] : [1.5, 1.2, 0.9, 0.6, 0.4])[grade];
}

/** The fee range an estate must stay in. @param {Estate} e @returns {[number, number]} */
function feeRange(e) {
	if (e.type === 'public_sold') return /** @type {[number, number]} */ (FEE_RANGES.public_sold.perHousehold);
	if (e.type === 'commercial' && e.luxury) return /** @type {[number, number]} */ (FEE_RANGES.commercial.luxury);
	return /** @type {[number, number]} */ (FEE_RANGES[e.type][e.building]);
}

/**
 * Fee in 2025 from the quality of 2025, then earlier years (one increase for some estates).
 * @param {Rng} rng @param {Estate[]} estates @param {(e: Estate, t: number) => number} sat
 */
function makeFees(rng, estates, sat) {
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

// ---------------------------------------------------------------------------------------------------
// Cost budgets
// ---------------------------------------------------------------------------------------------------

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
function makeCosts(rng, estates, fee2025) {
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

// ---------------------------------------------------------------------------------------------------
// Grid tickets
// ---------------------------------------------------------------------------------------------------

const CATEGORIES = ['repair', 'cleaning', 'order', 'greening', 'facilities', 'illegal_building', 'group_renting', 'arrears', 'other'];
const CATEGORY_BASE = [0.26, 0.17, 0.16, 0.06, 0.12, 0.05, 0.04, 0.07, 0.07];
/** How much more often each estate type sees a category (relocation: group renting, illegal building, arrears). @type {Record<EstateType, number[]>} */
const CATEGORY_TILT = {
	commercial: [1, 0.9, 1.2, 1, 1.1, 0.6, 0.5, 0.8, 1],
	relocation: [0.9, 1.3, 1, 1, 0.9, 2, 2.5, 1.6, 1],
	public_sold: [1.4, 1.1, 0.9, 0.8, 1.2, 1.5, 2, 1, 1],
	mixed: [1.1, 1.1, 1, 1, 1, 1.2, 1.3, 1.1, 1]
};
/** Median hours to close by category (the app's time limits are set elsewhere). */
const MEDIAN_HOURS = [18, 6, 3, 40, 30, 200, 120, 260, 24];
/** Chance a ticket is stuck open: enforcement categories get stuck most. */
const STUCK = [0.008, 0.005, 0.005, 0.008, 0.01, 0.1, 0.065, 0.065, 0.008];
/** Grid management found more problems as it matured. @type {Record<number, number>} */
const YEAR_FACTOR = { 2023: 0.9, 2024: 1.0, 2025: 1.1 };
const TARGET_TICKETS = 24500;

/** @param {number} n */
const pad2 = (n) => (n < 10 ? '0' : '') + n;
/**
 * 'YYYY-MM-DD HH:MM:SS' of a UTC millisecond count, read as naive local time. Hand-rolled (days to
 * civil date, H. Hinnant's algorithm) because Date#toISOString dominated the run time.
 * @param {number} ms
 */
function fmtTime(ms) {
	const secs = Math.floor(ms / 1000);
	const z = Math.floor(secs / 86400) + 719468;
	const sod = secs - Math.floor(secs / 86400) * 86400;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const m = mp < 10 ? mp + 3 : mp - 9;
	const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
	return `${y}-${pad2(m)}-${pad2(d)} ${pad2(Math.floor(sod / 3600))}:${pad2(Math.floor((sod % 3600) / 60))}:${pad2(sod % 60)}`;
}
/** Hours of the day and how often problems are found then: mostly in working hours. */
const HOUR_CUM = cumulative(Array.from({ length: 24 }, (_, h) => (h >= 8 && h <= 20 ? 6 : h >= 6 && h <= 22 ? 2 : 0.4)));

/** @param {Rng} rng @param {Estate[]} estates */
function makeTickets(rng, estates) {
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

// ---------------------------------------------------------------------------------------------------
// Unit sizes and votes
// ---------------------------------------------------------------------------------------------------

/** @param {Estate[]} estates */
function makeUnitSizes(estates) {
	const rows = [];
	for (const e of estates) for (const u of e.units) rows.push([e.id, u.size.toFixed(2), String(u.households)]);
	return rows;
}

/**
 * Fifteen vote tallies covering the cases of Civil Code art. 278 (docs/sources.md §8): passes, fails on
 * the majority, fails on the 3/4 majority while clearing 1/2, fails the 2/3 participation quorum, and
 * passes by head count but not by area (and the reverse).
 * @param {Rng} rng @param {Estate[]} estates @param {Map<string, number>} fee2025
 */
function makeVotes(rng, estates, fee2025) {
	/** @typedef {{ motion: (e: Estate) => string, kind: 'ordinary' | 'major', pOwners: number[], pArea?: number[], yOwners: number[], yArea?: number[], pool: (e: Estate) => boolean }} Scenario */
	const perM2 = (/** @type {Estate} */ e) => e.type !== 'public_sold' && !e.luxury;
	const raiseText = (/** @type {Estate} */ e) => {
		const now = fee2025.get(e.id) ?? 1;
		const next = roundTo(now * 1.15, 0.05);
		return `物业费由${now.toFixed(2)}元/㎡·月调整为${next.toFixed(2)}元/㎡·月`;
	};
	/** @type {Scenario[]} */
	const scenarios = [
		{ motion: () => '续聘物业服务企业', kind: 'ordinary', pOwners: [0.74, 0.86], yOwners: [0.62, 0.8], pool: () => true },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.52, 0.56], pool: perM2 },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.38, 0.47], pool: perM2 },
		{ motion: () => '选聘新物业服务企业', kind: 'ordinary', pOwners: [0.72, 0.84], yOwners: [0.58, 0.7], pool: () => true },
		{ motion: () => '解聘现物业服务企业', kind: 'ordinary', pOwners: [0.55, 0.63], yOwners: [0.6, 0.75], pool: () => true },
		{ motion: () => '筹集专项维修资金', kind: 'major', pOwners: [0.78, 0.9], yOwners: [0.8, 0.9], pool: () => true },
		{ motion: () => '筹集专项维修资金', kind: 'major', pOwners: [0.72, 0.82], yOwners: [0.62, 0.72], pool: () => true },
		{ motion: () => '加装电梯改建共用部位', kind: 'major', pOwners: [0.8, 0.92], yOwners: [0.78, 0.88], pool: (e) => !e.elevator },
		{ motion: () => '利用共有部分设置广告位经营', kind: 'major', pOwners: [0.68, 0.76], yOwners: [0.5, 0.66], pool: () => true },
		{ motion: () => '修改管理规约', kind: 'ordinary', pOwners: [0.7, 0.8], yOwners: [0.7, 0.85], pool: () => true },
		{ motion: () => '选举业主委员会委员', kind: 'ordinary', pOwners: [0.68, 0.78], yOwners: [0.55, 0.75], pool: () => true },
		{ motion: () => '绿地改建为停车位', kind: 'major', pOwners: [0.76, 0.84], yOwners: [0.71, 0.74], yArea: [0.77, 0.8], pool: () => true },
		{ motion: raiseText, kind: 'ordinary', pOwners: [0.72, 0.8], yOwners: [0.53, 0.56], yArea: [0.46, 0.49], pool: perM2 },
		{ motion: () => '续聘物业服务企业', kind: 'ordinary', pOwners: [0.7, 0.82], yOwners: [0.42, 0.48], pool: () => true },
		{ motion: () => '调整停车管理费', kind: 'ordinary', pOwners: [0.7, 0.8], pArea: [0.64, 0.66], yOwners: [0.6, 0.7], pool: () => true }
	];
	// Estates with an owners' committee: not the 售后公房 (mostly run by the housing office's firm).
	const candidates = rng.shuffle(estates.filter((e) => e.type !== 'public_sold'));
	const rows = [];
	/** Estates used so far, with their owner count (fixed per estate) and motions. @type {Map<string, { owners: number, motions: Set<string> }>} */
	const used = new Map();
	for (const s of scenarios) {
		// Reuse an estate now and then: some estates vote on several motions (never the same one twice).
		const again = used.size > 0 && rng.chance(0.3) ? rng.pick([...used.keys()]) : undefined;
		const fresh = (/** @type {Estate} */ c) => s.pool(c) && (c.id === again ? !used.get(c.id)?.motions.has(s.motion(c)) : !used.has(c.id));
		const e = estates.find((c) => c.id === again && fresh(c)) ?? candidates.find(fresh);
		if (!e) continue;
		const record = used.get(e.id) ?? { owners: Math.round(e.households * rng.u(0.93, 0.99)), motions: new Set() }; // some own several homes
		record.motions.add(s.motion(e));
		used.set(e.id, record);
		const owners = record.owners;
		const area = e.units.reduce((sum, u) => sum + u.size * u.households, 0);
		const pO = rng.u(s.pOwners[0], s.pOwners[1]);
		const pA = s.pArea ? rng.u(s.pArea[0], s.pArea[1]) : clamp(pO + rng.normal(0, 0.015), 0, 1);
		const yO = rng.u(s.yOwners[0], s.yOwners[1]);
		const yA = s.yArea ? rng.u(s.yArea[0], s.yArea[1]) : clamp(yO + rng.normal(0, 0.01), 0, 1);
		const ownersP = Math.round(owners * pO);
		const areaP = Math.round(area * pA * 100) / 100;
		rows.push([
			e.id,
			s.motion(e),
			s.kind,
			String(owners),
			area.toFixed(2),
			String(ownersP),
			areaP.toFixed(2),
			String(Math.round(ownersP * yO)),
			(Math.round(areaP * yA * 100) / 100).toFixed(2)
		]);
	}
	return rows;
}

// ---------------------------------------------------------------------------------------------------
// Facilities and the maintenance fund (docs/sources.md §11)
// ---------------------------------------------------------------------------------------------------

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
function makeFacilities(rng, estates) {
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
function makeFundBalances(rng, estates) {
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

// ---------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------

/** @param {string[]} header @param {string[][]} rows */
function toCsv(header, rows) {
	for (const r of rows) if (r.length !== header.length) throw new Error(`row has ${r.length} cells, header ${header.length}: ${r}`);
	const text = [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
	// Cells must need no quoting: a comma inside a cell would show up as one comma too many.
	let commas = 0;
	for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) commas++;
	if (commas !== (rows.length + 1) * (header.length - 1) || /["\r]/.test(text)) throw new Error('a sample cell needs quoting');
	return text;
}

/**
 * Generate the sample district in memory.
 * @returns {Record<string, string>} CSV text by file name, in load order
 */
export function generateSample() {
	const estates = makeEstates(new Rng(SEED, 'estates'));
	const sat = satisfactionModel(estates);
	const scores = makeScores(new Rng(SEED, 'scores'), estates, sat);
	const fees = makeFees(new Rng(SEED, 'fees'), estates, sat);
	const costs = makeCosts(new Rng(SEED, 'costs'), estates, fees.current);
	const tickets = makeTickets(new Rng(SEED, 'tickets'), estates);
	const votes = makeVotes(new Rng(SEED, 'votes'), estates, fees.current);
	return {
		'estates.csv': toCsv(
			['estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'build_year', 'chargeable_area_m2', 'households', 'has_elevator', 'firm', 'pricing_regime'],
			estates.map((e) => [
				e.id,
				e.name,
				e.subdistrict,
				e.type,
				e.building,
				String(e.buildYear),
				e.area.toFixed(2),
				String(e.households),
				String(e.elevator),
				e.firm,
				e.regime
			])
		),
		'scores.csv': toCsv(['estate_id', 'period', 'indicator', 'score', 'source'], scores),
		'fees.csv': toCsv(['estate_id', 'year', 'fee', 'fee_unit', 'collection_rate'], fees.rows),
		'costs.csv': toCsv(['estate_id', 'year', 'item', 'amount_yuan'], costs),
		'tickets.csv': toCsv(['ticket_id', 'estate_id', 'category', 'opened_at', 'closed_at'], tickets),
		'unit_sizes.csv': toCsv(['estate_id', 'unit_area_m2', 'households'], makeUnitSizes(estates)),
		'votes.csv': toCsv(
			['estate_id', 'motion', 'motion_kind', 'owners_total', 'area_total_m2', 'owners_participating', 'area_participating_m2', 'owners_yes', 'area_yes_m2'],
			votes
		),
		'facilities.csv': toCsv(
			['estate_id', 'facility', 'quantity', 'installed_year', 'life_years', 'unit_replacement_cost_yuan', 'last_assessed_at', 'last_assessment_result'],
			makeFacilities(new Rng(SEED, 'facilities'), estates)
		),
		'fund_balances.csv': toCsv(['estate_id', 'year', 'balance_yuan', 'annual_contribution_yuan'], makeFundBalances(new Rng(SEED, 'fund'), estates))
	};
}

/** Default output directory: data/sample next to this script. */
export const DEFAULT_OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'sample');

/**
 * Write the sample district's CSV files. @param {string} [outDir]
 * @returns {{ file: string, rows: number, bytes: number }[]}
 */
export function writeSample(outDir = DEFAULT_OUT_DIR) {
	mkdirSync(outDir, { recursive: true });
	return Object.entries(generateSample()).map(([file, text]) => {
		const bytes = Buffer.from(text, 'utf8');
		writeFileSync(join(outDir, file), bytes);
		return { file, rows: text.split('\n').length - 2, bytes: bytes.length };
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
	for (const { file, rows, bytes } of writeSample(outDir)) console.log(`${join(outDir, file)}: ${rows} rows, ${bytes} bytes`);
}
