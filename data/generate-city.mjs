#!/usr/bin/env node
// @ts-check
/**
 * Generates a FICTIONAL city of residential estates for benchmarks (docs/performance.md): by default 13,000 estates
 * with 60 monthly periods of 12 indicator scores (9.0 million score rows), five years of fees and 2 million
 * grid tickets, in the canonical formats of data/sample/*.csv (docs/data-formats.md) with monthly periods 'YYYY-MM'.
 * Same spirit as data/generate-sample.mjs: one mulberry32 stream per section, no clock, no locale, so a size and
 * a seed always give byte-identical files. The figures follow the sample district's ranges; nothing here is real.
 *
 *   node data/generate-city.mjs [--size city|quick|tiny] [--seed N] [--out DIR] [--no-parquet] [--force]
 *                               [--estates N] [--months N] [--tickets N]
 *
 * Writes estates.csv, scores.csv, fees.csv, tickets.csv, costs.csv and unit_sizes.csv (header only: the benchmarks do
 * not use them, the app loads them), scores-1m.csv (the first 1,000,000 score rows, for the import benchmark) and,
 * unless --no-parquet, the same tables as Parquet written by native DuckDB (@duckdb/node-api, COPY ... FORMAT
 * parquet). manifest.json, written last, lists the files with rows and bytes; a directory with a manifest of the same
 * options is reused as is (the city takes about two minutes to write), so delete the directory or pass --force to
 * rebuild. Default directory: bench/.data/<size>-<seed>/ (git-ignored).
 *
 * Why the scores file is larger than "150 MB": with the canonical columns (estate_id, period, indicator, score,
 * source) a row is about 42 bytes, so the city's 9.0M rows are 379 MB. Its Parquet copy (snappy) is 12 MB.
 */

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clamp, Rng, roundTo } from './rng.mjs';

/** Version of the generated data: bump it when the output changes, so cached directories are rebuilt. */
export const GENERATOR_VERSION = 2;
/** Default seed of the city. */
export const DEFAULT_SEED = 20260101;

/**
 * Named sizes. `city` is the issue's city; `quick` keeps every figure of the benchmark meaningful (more than a million
 * score rows) at a seventh of the size; `tiny` is for unit tests.
 * @type {Record<'city' | 'quick' | 'tiny', { estates: number, months: number, tickets: number }>}
 */
export const SIZES = {
	city: { estates: 13000, months: 60, tickets: 2_000_000 },
	quick: { estates: 2000, months: 60, tickets: 300_000 },
	tiny: { estates: 24, months: 6, tickets: 400 }
};

/** Rows of the import benchmark's score file (the first rows of scores.csv). */
export const SUBSET_ROWS = 1_000_000;

/** First month of the data; periods run from here for `months` months. */
const FIRST_YEAR = 2021;

/** @param {number} n */
const pad2 = (n) => (n < 10 ? '0' : '') + n;

// ---------------------------------------------------------------------------------------------------
// The city: subdistricts, firms, estates
// ---------------------------------------------------------------------------------------------------

/** @typedef {'commercial' | 'relocation' | 'public_sold' | 'mixed'} EstateType */
/** @typedef {'multi' | 'high'} BuildingType */

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
const STEM_A = '锦翠金银华景和康安瑞春明星月江湖海桂兰梅竹松柳碧嘉盛福祥泰丰悦雅宁阳晨云枫樱荷桃杏'.split('');
const STEM_B = '林泉湾庭景华馨怡岸汇晖源澜都韵秀美和安欣乐枫桥溪山水河阳光'.split('');
/** @type {Record<EstateType, string[]>} */
const SUFFIXES = {
	commercial: ['花园', '花园', '苑', '名邸', '公馆', '华庭', '雅苑', '府', '湾', '佳园', '名苑', '公寓'],
	relocation: ['家园', '家园', '新苑', '佳苑', '新村', '馨苑', '安居苑'],
	public_sold: ['新村', '新村', '小区', '一村', '二村', '三村', '公寓'],
	mixed: ['新村', '苑', '家园', '小区', '花园']
};
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

/** Indicator codes of the default system (src/lib/domain/indicator-system.ts), then owner satisfaction. */
const INDICATORS = ['management', 'upkeep', 'elevator', 'fire', 'water', 'facilities_other', 'order', 'cleaning', 'greening', 'customer_service', 'accounts'];
/** Typical strengths and weaknesses, as in the sample district. */
const INDICATOR_BIAS = [0, -2, 1, 2, 1, -1, 1, 1.5, 0, -1, -4];
/** Points of the default system, to set fees that match (or, for some estates, do not match) the quality. */
const POINTS = [15, 10, 6, 5, 3, 6, 15, 15, 8, 12, 5];
const ELEVATOR = 2;
const FIRE = 3;

/**
 * @typedef {object} Estate
 * @property {string} id
 * @property {string} name
 * @property {string} subdistrict
 * @property {EstateType} type
 * @property {BuildingType} building
 * @property {number} buildYear
 * @property {number} area
 * @property {number} households
 * @property {boolean} elevator
 * @property {string} firm
 * @property {'guide' | 'market'} regime
 * @property {boolean} luxury
 * @property {number} level latent inspection level at the first month
 * @property {number} slope points per year
 * @property {number} satEffect
 * @property {number[]} offset per indicator
 * @property {'price_above' | 'quality_above' | null} mismatch
 */

/** @param {Rng} rng @param {number} n @returns {Estate[]} */
function makeEstates(rng, n) {
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

/** Expected inspection level at t years after the first month. @param {Estate} e @param {number} t */
const levelAt = (e, t) => clamp(e.level + e.slope * t, 35, 97);

/** Expected weighted inspection score at t (elevator weight spread over the rest without elevators). @param {Estate} e @param {number} t */
function expectedInspection(e, t) {
	let sum = 0;
	let points = 0;
	for (let k = 0; k < INDICATORS.length; k++) {
		if (k === ELEVATOR && !e.elevator) continue;
		sum += POINTS[k] * clamp(levelAt(e, t) + e.offset[k], 20, 100);
		points += POINTS[k];
	}
	return sum / points;
}

/** Guide price of the grade a Q earns on the sample's illustrative ladder. @param {BuildingType} b @param {number} q */
function gradePrice(b, q) {
	const grade = q >= 90 ? 0 : q >= 80 ? 1 : q >= 70 ? 2 : q >= 60 ? 3 : 4;
	return (b === 'high' ? [2.3, 1.9, 1.5, 1.1, 0.7] : [1.5, 1.2, 0.9, 0.6, 0.4])[grade];
}

/** Fee ranges of the sample district (元/㎡·月; 售后公房 元/户·月). @param {Estate} e @returns {[number, number]} */
function feeRange(e) {
	if (e.type === 'public_sold') return [10.5, 24];
	if (e.luxury) return [3.5, 6.0];
	return /** @type {Record<string, Record<BuildingType, [number, number]>>} */ ({
		relocation: { multi: [0.4, 0.7], high: [0.8, 1.2] },
		commercial: { multi: [0.9, 2.2], high: [1.2, 3.0] },
		mixed: { multi: [0.55, 1.2], high: [0.9, 1.9] }
	})[e.type][e.building];
}

// ---------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------

const HEADERS = {
	estates: 'estate_id,name,subdistrict,estate_type,building_type,build_year,chargeable_area_m2,households,has_elevator,firm,pricing_regime',
	scores: 'estate_id,period,indicator,score,source',
	fees: 'estate_id,year,fee,fee_unit,collection_rate',
	tickets: 'ticket_id,estate_id,category,opened_at,closed_at',
	costs: 'estate_id,year,item,amount_yuan',
	unit_sizes: 'estate_id,unit_area_m2,households'
};

/** A CSV file written in large chunks, counting rows and bytes. */
class CsvWriter {
	/** @param {string} path @param {string} header */
	constructor(path, header) {
		this.path = path;
		this.fd = openSync(path, 'w');
		/** @type {string[]} */
		this.buf = [];
		this.rows = 0;
		this.bytes = 0;
		this.write(header + '\n');
	}
	/** @param {string} text */
	write(text) {
		this.bytes += Buffer.byteLength(text);
		writeSync(this.fd, text);
	}
	/** @param {string} line without the line end */
	row(line) {
		this.buf.push(line);
		this.rows++;
		if (this.buf.length >= 65536) this.flush();
	}
	flush() {
		if (this.buf.length === 0) return;
		this.write(this.buf.join('\n') + '\n');
		this.buf = [];
	}
	close() {
		this.flush();
		closeSync(this.fd);
		return { rows: this.rows, bytes: this.bytes };
	}
}

/** Monthly periods 'YYYY-MM' from January of FIRST_YEAR. @param {number} months */
export function cityPeriods(months) {
	return Array.from({ length: months }, (_, m) => `${FIRST_YEAR + Math.floor(m / 12)}-${pad2((m % 12) + 1)}`);
}

/** A score in tenths as text ('64.4'), faster than toFixed in the hot loop. @param {number} s */
function tenths(s) {
	const t = Math.round(s * 10);
	return `${Math.floor(t / 10)}.${t % 10}`;
}

/**
 * Scores: each month, 11 inspection indicators (no elevator score without elevators, the domain's rule) and owner
 * satisfaction. Occasional failed elevator and fire inspections (the red lines).
 * @param {Rng} rng @param {Estate[]} estates @param {string[]} periods @param {CsvWriter} out @param {CsvWriter} subset
 */
function writeScores(rng, estates, periods, out, subset) {
	// Satisfaction tracks inspection quality, centred on 73 (national owner satisfaction, as in the sample).
	let sumLevel = 0;
	for (const e of estates) for (let m = 0; m < periods.length; m++) sumLevel += levelAt(e, m / 12);
	const meanLevel = sumLevel / (estates.length * periods.length);
	for (const e of estates) {
		for (let m = 0; m < periods.length; m++) {
			const t = m / 12;
			const level = levelAt(e, t);
			const monthly = rng.normal(0, 1.2); // a good or bad month for the whole estate
			const prefix = `${e.id},${periods[m]},`;
			for (let k = 0; k < INDICATORS.length; k++) {
				if (k === ELEVATOR && !e.elevator) continue;
				let s = level + e.offset[k] + monthly + rng.normal(0, 2.5);
				if ((k === FIRE && rng.chance(0.004)) || (k === ELEVATOR && rng.chance(0.006))) s = rng.u(35, 58);
				const line = `${prefix}${INDICATORS[k]},${tenths(clamp(s, 20, 100))},inspection`;
				out.row(line);
				if (subset.rows < SUBSET_ROWS) subset.row(line);
			}
			const sat = clamp(73 + 0.7 * (level - meanLevel) + e.satEffect + rng.normal(0, 2), 20, 100);
			const line = `${prefix}satisfaction,${tenths(sat)},satisfaction`;
			out.row(line);
			if (subset.rows < SUBSET_ROWS) subset.row(line);
		}
	}
}

/**
 * Fees for every year with data: set in the last year from the quality then (the mismatched estates as if it were
 * ~15 points higher or lower), one change in an earlier year for some estates; collection rates.
 * @param {Rng} rng @param {Estate[]} estates @param {number[]} years @param {CsvWriter} out
 */
function writeFees(rng, estates, years, out) {
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

const CATEGORIES = ['repair', 'cleaning', 'order', 'greening', 'facilities', 'illegal_building', 'group_renting', 'arrears', 'other'];
const CATEGORY_BASE = [0.26, 0.17, 0.16, 0.06, 0.12, 0.05, 0.04, 0.07, 0.07];
/** @type {Record<EstateType, number[]>} */
const CATEGORY_TILT = {
	commercial: [1, 0.9, 1.2, 1, 1.1, 0.6, 0.5, 0.8, 1],
	relocation: [0.9, 1.3, 1, 1, 0.9, 2, 2.5, 1.6, 1],
	public_sold: [1.4, 1.1, 0.9, 0.8, 1.2, 1.5, 2, 1, 1],
	mixed: [1.1, 1.1, 1, 1, 1, 1.2, 1.3, 1.1, 1]
};
const MEDIAN_HOURS = [18, 6, 3, 40, 30, 200, 120, 260, 24];
const STUCK = [0.008, 0.005, 0.005, 0.008, 0.01, 0.1, 0.065, 0.065, 0.008];

/** 'YYYY-MM-DD HH:MM:SS' of a UTC millisecond count read as naive local time (days-to-civil, H. Hinnant). @param {number} ms */
function fmtTime(ms) {
	const secs = Math.floor(ms / 1000);
	const days = Math.floor(secs / 86400);
	const sod = secs - days * 86400;
	const z = days + 719468;
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

/**
 * About `target` grid tickets over the years with data, more in big, poorly run and relocation estates, in time
 * order with ids numbered per year (WG + year + 7 digits). Held in typed arrays: 2 million objects would not be.
 * @param {Rng} rng @param {Estate[]} estates @param {number[]} years @param {number} target @param {CsvWriter} out
 */
function writeTickets(rng, estates, years, target, out) {
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

// ---------------------------------------------------------------------------------------------------
// Options, cache and entry points
// ---------------------------------------------------------------------------------------------------

/**
 * @typedef {object} CityOptions
 * @property {'city' | 'quick' | 'tiny' | 'custom'} size
 * @property {number} estates
 * @property {number} months
 * @property {number} tickets
 * @property {number} seed
 * @property {boolean} parquet write Parquet copies with native DuckDB
 * @property {string} out directory
 */

/** @typedef {{ file: string, table: string, rows: number, bytes: number }} ManifestFile */
/** @typedef {{ version: number, options: Omit<CityOptions, 'out'>, periods: string[], files: ManifestFile[] }} Manifest */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Options for a named size (and overrides), with the default directory bench/.data/<size>-<seed>.
 * @param {Partial<CityOptions> & { size?: CityOptions['size'] }} [o]
 * @returns {CityOptions}
 */
export function cityOptions(o = {}) {
	const size = o.size ?? 'city';
	const base = size === 'custom' ? SIZES.city : SIZES[size];
	if (!base) throw new Error(`unknown size '${size}' (city, quick, tiny)`);
	const estates = o.estates ?? base.estates;
	const months = o.months ?? base.months;
	const tickets = o.tickets ?? base.tickets;
	const custom = estates !== base.estates || months !== base.months || tickets !== base.tickets;
	const seed = o.seed ?? DEFAULT_SEED;
	const name = custom ? `custom-${estates}x${months}-${tickets}` : size;
	return { size: custom ? 'custom' : size, estates, months, tickets, seed, parquet: o.parquet ?? true, out: o.out ?? join(REPO, 'bench', '.data', `${name}-${seed}`) };
}

/** The manifest of a finished directory for these options, or null (missing, unfinished or other options). @param {CityOptions} o @returns {Manifest | null} */
export function readManifest(o) {
	const path = join(o.out, 'manifest.json');
	if (!existsSync(path)) return null;
	try {
		/** @type {Manifest} */
		const m = JSON.parse(readFileSync(path, 'utf8'));
		const { out: _out, ...want } = o;
		const same = m.version === GENERATOR_VERSION && JSON.stringify(m.options) === JSON.stringify(want);
		return same && m.files.every((f) => existsSync(join(o.out, f.file)) && statSync(join(o.out, f.file)).size === f.bytes) ? m : null;
	} catch {
		return null;
	}
}

/**
 * Parquet copies of the CSV files through native DuckDB, with the canonical column types (as the app's read_csv).
 * Snappy, DuckDB's default: hyparquet, the app's Parquet reader, has no ZSTD decoder without hyparquet-compressors.
 * @param {string} dir @param {{ file: string, table: string, columns: string }[]} jobs @returns {Promise<ManifestFile[]>}
 */
async function writeParquet(dir, jobs) {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const out = [];
	try {
		for (const j of jobs) {
			const target = j.file.replace(/\.csv$/, '.parquet');
			const q = (/** @type {string} */ p) => `'${p.replaceAll("'", "''")}'`;
			await conn.run(
				`COPY (SELECT * FROM read_csv(${q(join(dir, j.file))}, header = true, auto_detect = false, delim = ',', quote = '"',
					timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${j.columns}))
				 TO ${q(join(dir, target))} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)`
			);
			const reader = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet(${q(join(dir, target))})`);
			out.push({ file: target, table: j.table, rows: Number(reader.getRowObjectsJS()[0].n), bytes: statSync(join(dir, target)).size });
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	return out;
}

/** read_csv column types of the canonical tables (as csvColumnsSql in src/lib/data/datasets/). */
const COLUMN_TYPES = {
	estates: "{'estate_id': 'VARCHAR', 'name': 'VARCHAR', 'subdistrict': 'VARCHAR', 'estate_type': 'VARCHAR', 'building_type': 'VARCHAR', 'build_year': 'INTEGER', 'chargeable_area_m2': 'DOUBLE', 'households': 'INTEGER', 'has_elevator': 'BOOLEAN', 'firm': 'VARCHAR', 'pricing_regime': 'VARCHAR'}",
	scores: "{'estate_id': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'score': 'DOUBLE', 'source': 'VARCHAR'}",
	fees: "{'estate_id': 'VARCHAR', 'year': 'INTEGER', 'fee': 'DOUBLE', 'fee_unit': 'VARCHAR', 'collection_rate': 'DOUBLE'}",
	tickets: "{'ticket_id': 'VARCHAR', 'estate_id': 'VARCHAR', 'category': 'VARCHAR', 'opened_at': 'TIMESTAMP', 'closed_at': 'TIMESTAMP'}"
};

/**
 * Writes the city into `o.out` (replacing what is there) and returns its manifest.
 * @param {CityOptions} o @param {(msg: string) => void} [log]
 * @returns {Promise<Manifest>}
 */
export async function generateCity(o, log = () => {}) {
	const tmp = `${o.out}.partial`;
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	const periods = cityPeriods(o.months);
	const years = [...new Set(periods.map((p) => Number(p.slice(0, 4))))];
	const estates = makeEstates(new Rng(o.seed, 'estates'), o.estates);
	/** @type {ManifestFile[]} */
	const files = [];
	/** @param {string} file @param {string} table @param {CsvWriter} w */
	const done = (file, table, w) => files.push({ file, table, ...w.close() });

	const ew = new CsvWriter(join(tmp, 'estates.csv'), HEADERS.estates);
	for (const e of estates) {
		ew.row([e.id, e.name, e.subdistrict, e.type, e.building, e.buildYear, e.area.toFixed(2), e.households, e.elevator, e.firm, e.regime].join(','));
	}
	done('estates.csv', 'estates', ew);
	log(`estates: ${estates.length}`);

	const sw = new CsvWriter(join(tmp, 'scores.csv'), HEADERS.scores);
	const subset = new CsvWriter(join(tmp, 'scores-1m.csv'), HEADERS.scores);
	writeScores(new Rng(o.seed, 'scores'), estates, periods, sw, subset);
	done('scores.csv', 'scores', sw);
	done('scores-1m.csv', 'scores', subset);
	log(`scores: ${sw.rows} rows, ${(sw.bytes / 1e6).toFixed(0)} MB`);

	const fw = new CsvWriter(join(tmp, 'fees.csv'), HEADERS.fees);
	writeFees(new Rng(o.seed, 'fees'), estates, years, fw);
	done('fees.csv', 'fees', fw);

	const tw = new CsvWriter(join(tmp, 'tickets.csv'), HEADERS.tickets);
	writeTickets(new Rng(o.seed, 'tickets'), estates, years, o.tickets, tw);
	done('tickets.csv', 'tickets', tw);
	log(`tickets: ${tw.rows} rows, ${(tw.bytes / 1e6).toFixed(0)} MB`);

	for (const t of /** @type {const} */ (['costs', 'unit_sizes'])) done(`${t}.csv`, t, new CsvWriter(join(tmp, `${t}.csv`), HEADERS[t]));

	if (o.parquet) {
		const jobs = files
			.filter((f) => f.table in COLUMN_TYPES)
			.map((f) => ({ file: f.file, table: f.table, columns: COLUMN_TYPES[/** @type {keyof typeof COLUMN_TYPES} */ (f.table)] }));
		files.push(...(await writeParquet(tmp, jobs)));
		log('parquet written');
	}
	const { out: _out, ...options } = o;
	/** @type {Manifest} */
	const manifest = { version: GENERATOR_VERSION, options, periods, files };
	writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
	rmSync(o.out, { recursive: true, force: true });
	renameSync(tmp, o.out);
	return manifest;
}

/**
 * The city for these options: the cached directory when its manifest matches, else freshly generated.
 * @param {CityOptions} o @param {(msg: string) => void} [log]
 * @returns {Promise<Manifest>}
 */
export async function ensureCity(o, log = () => {}) {
	const cached = readManifest(o);
	if (cached) return cached;
	log(`generating ${o.size} city (${o.estates} estates × ${o.months} months, ~${o.tickets} tickets) into ${o.out}`);
	return generateCity(o, log);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	/** @param {string} name */
	const arg = (name) => {
		const i = args.indexOf(name);
		return i >= 0 ? args[i + 1] : undefined;
	};
	/** @param {string} name */
	const num = (name) => (arg(name) === undefined ? undefined : Number(arg(name)));
	const o = cityOptions({
		size: /** @type {CityOptions['size'] | undefined} */ (arg('--size')),
		seed: num('--seed'),
		estates: num('--estates'),
		months: num('--months'),
		tickets: num('--tickets'),
		parquet: !args.includes('--no-parquet'),
		out: arg('--out') === undefined ? undefined : resolve(String(arg('--out')))
	});
	const started = performance.now();
	const m = args.includes('--force') ? await generateCity(o, console.log) : await ensureCity(o, console.log);
	for (const f of m.files) console.log(`${join(o.out, f.file)}: ${f.rows} rows, ${f.bytes} bytes`);
	console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
