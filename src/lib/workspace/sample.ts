/**
 * Builds the tables and fills them with the built-in sample district. The same code runs in the browser
 * (files fetched from the app) and in Node (files read from data/sample), so tests load exactly what users see;
 * the loading itself is canonical-csv.ts, shared with the command-line tools.
 */
import { SAMPLE_FILES } from '../data/datasets';
import type { Engine } from '../engine/engine';
import { loadCanonicalCsvs, type CsvContent } from './canonical-csv';

export { createAllTablesSql } from './canonical-csv';

/** Reads a sample file by name ('estates.csv'): its UTF-8 bytes, or its text. */
export type SampleReader = (file: string) => Promise<CsvContent>;

/**
 * Loads the sample district into fresh tables, all in one transaction: a failure leaves no half-loaded district.
 * `read` gets a file name such as 'estates.csv' and returns its UTF-8 bytes (or its text).
 */
export async function loadSampleDistrict(engine: Engine, read: SampleReader): Promise<void> {
	const contents = await Promise.all(SAMPLE_FILES.map((f) => read(f.file)));
	await loadCanonicalCsvs(
		engine,
		SAMPLE_FILES.map((f, i) => {
			const c = contents[i];
			return typeof c === 'string' ? { dataset: f.dataset, name: `sample/${f.file}`, text: c } : { dataset: f.dataset, name: `sample/${f.file}`, bytes: c };
		})
	);
}
