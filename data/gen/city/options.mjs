// @ts-check
/** The city's options (named sizes, seed, directory) and the manifest that lets a finished directory be reused. */

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Version of the generated data: bump it when the output changes, so cached directories are rebuilt. */
export const GENERATOR_VERSION = 2;
/** Default seed of the city. */
export const DEFAULT_SEED = 20260101;

/**
 * Named sizes. `city` is the full city of docs/performance.md; `quick` keeps every figure of the benchmark meaningful (more than a million
 * score rows) at a seventh of the size; `tiny` is for unit tests.
 * @type {Record<'city' | 'quick' | 'tiny', { estates: number, months: number, tickets: number }>}
 */
export const SIZES = {
	city: { estates: 13000, months: 60, tickets: 2_000_000 },
	quick: { estates: 2000, months: 60, tickets: 300_000 },
	tiny: { estates: 24, months: 6, tickets: 400 }
};

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

/** The repository root, three levels above this module (data/gen/city/). */
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

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
