import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAnalysisSettings } from '../../../src/lib/app/analysis-settings-default';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, type IndicatorSystem } from '../../../src/lib/domain';
import { ResultShapeError } from '../../../src/lib/engine/errors';
import { runAnalysis, type AnalysisSettings } from '../../../src/lib/queries/analysis';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';

const settings: AnalysisSettings = { system: defaultAnalysisSettings().system as IndicatorSystem, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null };

// The base columns are checked by one typed pass and, when it finds a bad value, by the row schema, whose words
// the error keeps (row number, field, zod's message).
describe('the analysis refuses bad base values with the schema’s error', () => {
	let engine: Engine;
	beforeEach(async () => {
		engine = await sampleEngine();
	}, 120_000);
	afterEach(async () => engine?.close());

	it('an estate type outside the vocabulary', async () => {
		await engine.exec(`CREATE OR REPLACE TABLE estates AS SELECT * REPLACE (CASE WHEN estate_id = (SELECT min(estate_id) FROM estates) THEN 'castle' ELSE estate_type::VARCHAR END AS estate_type) FROM estates`);
		const run = runAnalysis(engine, settings);
		await expect(run).rejects.toBeInstanceOf(ResultShapeError);
		await expect(run).rejects.toThrow(/row 1, estate_type: Invalid option: expected one of/);
	});

	it('a missing household count (not nullable), on the third estate', async () => {
		await engine.exec(`CREATE OR REPLACE TABLE estates AS SELECT * REPLACE (CASE WHEN estate_id = (SELECT estate_id FROM estates ORDER BY estate_id LIMIT 1 OFFSET 2) THEN NULL ELSE households END AS households) FROM estates`);
		await expect(runAnalysis(engine, settings)).rejects.toThrow(/row 3, households: Invalid input: expected number, received null/);
	});

	it('accepts the sample as it is (240 estates)', async () => {
		expect((await runAnalysis(engine, settings)).estates).toHaveLength(240);
	});
});
