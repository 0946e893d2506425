/**
 * Unit-test global setup: builds the command line (scripts/build-cli.mjs, ~0.5 s) so the tests that run
 * bin/zhijia.mjs as a child process run the built JavaScript made from the sources under test, never a stale build.
 */
import { buildCli } from '../../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
	await buildCli();
}
