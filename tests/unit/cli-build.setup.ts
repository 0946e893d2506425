/**
 * Unit-test global setup: builds the command line (scripts/build-cli.mjs, ~0.5 s) so the tests that run
 * bin/zhijia.mjs as a child process run the built JavaScript made from the sources under test, never a stale build;
 * and writes the patched duckdb-wasm glue the Node engine loads (scripts/duckdb-glue.mjs), in case the package
 * was reinstalled without `prepare`.
 */
import { buildCli } from '../../scripts/build-cli.mjs';
import { writePatchedGlue } from '../../scripts/duckdb-glue.mjs';

export default async function setup(): Promise<void> {
	writePatchedGlue();
	await buildCli();
}
