#!/usr/bin/env node
// @ts-check
/**
 * Generates the built-in sample district of Zhijia 质价: 临江区 (Linjiang District). It is FICTIONAL:
 * every estate, firm, subdistrict, score, fee, cost, ticket, vote, facility and fund balance is invented. The ranges it draws
 * from are the published figures of the project's methods document (docs/sources.md); docs/data-formats.md says
 * which one each figure uses.
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
 *
 * Each file has its own module under data/gen/sample/ (what both generators share is in data/gen/); this file
 * only wires them together and writes the files.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Rng } from './rng.mjs';
import { makeCosts } from './gen/sample/costs.mjs';
import { toCsv } from './gen/sample/csv.mjs';
import { makeEstates, makeUnitSizes } from './gen/sample/estates.mjs';
import { makeFacilities, makeFundBalances } from './gen/sample/facilities.mjs';
import { makeFees } from './gen/sample/fees.mjs';
import { makeScores, satisfactionModel } from './gen/sample/scores.mjs';
import { makeTickets } from './gen/sample/tickets.mjs';
import { makeVotes } from './gen/sample/votes.mjs';

export { FEE_RANGES } from './gen/fee-ladder.mjs';

/** Fixed seed of the sample district. Changing it changes every file. */
export const SEED = 20251231;

/**
 * Score rows ([estate_id, period, …]) grouped by period in ascending order; a stable sort keeps each period's rows in order.
 * @param {string[][]} rows
 */
function byPeriod(rows) {
	return [...rows].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
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
		// Period by period (each estate's rows in estate order within one), the order the app stores scores in
		// (src/lib/data/cluster-order.ts), so loading the sample moves no row.
		'scores.csv': toCsv(['estate_id', 'period', 'indicator', 'score', 'source'], byPeriod(scores)),
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
