/**
 * Builds the tables and fills them with the built-in sample district. The same code runs in the browser
 * (files fetched from the app) and in Node (files read from data/sample), so tests load exactly what users see;
 * the loading itself is canonical-csv.ts, shared with the command-line tools.
 */
import { SAMPLE_FILES } from '../data/datasets';
import type { Engine } from '../engine/engine';
import { loadCanonicalCsvs } from './canonical-csv';

export { createAllTablesSql } from './canonical-csv';

/**
 * Loads the sample district into fresh tables, all in one transaction: a failure leaves no half-loaded district.
 * `readText` gets a file name such as 'estates.csv' and returns its UTF-8 text.
 */
export async function loadSampleDistrict(engine: Engine, readText: (file: string) => Promise<string>): Promise<void> {
	const texts = await Promise.all(SAMPLE_FILES.map((f) => readText(f.file)));
	await loadCanonicalCsvs(
		engine,
		SAMPLE_FILES.map((f, i) => ({ dataset: f.dataset, name: `sample/${f.file}`, text: texts[i] }))
	);
}
