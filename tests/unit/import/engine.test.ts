/**
 * Every import test that needs DuckDB, on one real duckdb-wasm engine (Node build): starting and warming up a
 * wasm instance costs seconds of CPU, so the cases share it. The cases live in *.cases.ts by subject.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Engine } from '../../../src/lib/engine/engine';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { cliCases } from './cli.cases';
import { commitCases } from './commit.cases';
import { guardCases } from './guard.cases';
import { keptStagingCases } from './kept-staging.cases';
import { damagedCsvCases } from './damaged-csv.cases';
import { propertyCases } from './property.cases';
import { storedOrderCases } from './stored-order.cases';
import { workerCases } from './worker.cases';

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000);
afterAll(async () => {
	await engine?.close();
});

describe('import and commit', () => commitCases(() => engine));
describe('damaged files (property)', () => propertyCases(() => engine));
describe('import safeguards: nothing lost, nothing garbled', () => guardCases(() => engine));
describe('the check staged once for its commit', () => keptStagingCases(() => engine));
describe('damaged CSV: refused, or every committed row is an intended row (property)', () => damagedCsvCases(() => engine));
describe('zhijia validate', () => cliCases(() => engine));
describe('the import worker protocol', () => workerCases(() => engine));
describe('the order rows are stored in', () => storedOrderCases(() => engine));
