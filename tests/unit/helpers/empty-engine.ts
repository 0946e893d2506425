/** A native DuckDB engine for a test file, its tables created empty before each test (the import tests' setting). */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { createAllTablesSql } from '../../../src/lib/workspace/canonical-csv';

/** Registers the engine's start, its empty tables before each test and its close; returns the engine to use in tests. */
export function emptyEngineEachTest(): () => Engine {
	let engine: Engine | undefined;
	beforeAll(async () => {
		engine = await startNodeEngine();
	});
	afterAll(async () => {
		await engine?.close();
	});
	beforeEach(async () => {
		await engine!.transaction(createAllTablesSql());
	});
	return () => engine!;
}
