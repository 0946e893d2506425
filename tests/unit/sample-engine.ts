/** Test helper: a Node engine with the sample district loaded from data/sample. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startNodeEngine } from '../../src/lib/engine/node';
import { loadSampleDistrict } from '../../src/lib/workspace/sample';
import type { Engine } from '../../src/lib/engine/engine';

export async function sampleEngine(): Promise<Engine> {
	const engine = await startNodeEngine();
	await loadSampleDistrict(engine, (file) => readFile(join('data/sample', file), 'utf8'));
	return engine;
}
