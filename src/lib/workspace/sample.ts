/**
 * Builds the tables and fills them with the built-in sample district. The same code runs in the browser
 * (files fetched from the app) and in Node (files read from data/sample), so tests load exactly what users see.
 */
import { createTableSql, csvColumnsSql, DATASET_IDS, DATASETS, SAMPLE_FILES } from '../data/datasets';
import { sqlIdent, sqlString, type Engine } from '../engine/engine';

/** (Re)creates every dataset's table, empty. */
export function createAllTablesSql(): string[] {
	return DATASET_IDS.map((id) => createTableSql(id, { orReplace: true }));
}

/**
 * Loads the sample district into fresh tables, all in one transaction: a failure leaves no half-loaded district.
 * `readText` gets a file name such as 'estates.csv' and returns its UTF-8 text.
 */
export async function loadSampleDistrict(engine: Engine, readText: (file: string) => Promise<string>): Promise<void> {
	const texts = await Promise.all(SAMPLE_FILES.map((f) => readText(f.file)));
	const statements = createAllTablesSql();
	for (const [i, f] of SAMPLE_FILES.entries()) {
		const name = `sample/${f.file}`;
		await engine.registerFileText(name, texts[i]);
		const cols = DATASETS[f.dataset].columns.map((c) => sqlIdent(c.name)).join(', ');
		statements.push(
			`INSERT INTO ${sqlIdent(DATASETS[f.dataset].table)} (${cols})
			 SELECT ${cols} FROM read_csv(${sqlString(name)}, header = true, auto_detect = false, delim = ',', quote = '"',
				timestampformat = '%Y-%m-%d %H:%M:%S', columns = ${csvColumnsSql(f.dataset)})`
		);
	}
	try {
		await engine.transaction(statements);
	} finally {
		for (const f of SAMPLE_FILES) await engine.dropFile(`sample/${f.file}`).catch(() => undefined);
	}
}
