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
 *
 * Each section has its own module under data/gen/city/ (what both generators share is in data/gen/); this file
 * wires them together, writes the directory and reads the command line.
 */

import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './rng.mjs';
import { CsvWriter, HEADERS } from './gen/city/csv-writer.mjs';
import { makeEstates } from './gen/city/estates.mjs';
import { writeFees } from './gen/city/fees.mjs';
import { cityOptions, GENERATOR_VERSION, readManifest } from './gen/city/options.mjs';
import { COLUMN_TYPES, writeParquet } from './gen/city/parquet.mjs';
import { cityPeriods, writeScores } from './gen/city/scores.mjs';
import { writeTickets } from './gen/city/tickets.mjs';

// The names bench/ and tests/ import from this file.
export { cityOptions, DEFAULT_SEED, GENERATOR_VERSION, readManifest, SIZES } from './gen/city/options.mjs';
export { cityPeriods, SUBSET_ROWS } from './gen/city/scores.mjs';
/** @typedef {import('./gen/city/options.mjs').CityOptions} CityOptions */
/** @typedef {import('./gen/city/options.mjs').ManifestFile} ManifestFile */
/** @typedef {import('./gen/city/options.mjs').Manifest} Manifest */

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
