/** `--engine native` without a loadable @duckdb/node-api: a clear message and exit 2, not a crash. */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';

vi.mock('@duckdb/node-api', () => {
	throw new Error("Cannot find package '@duckdb/node-api'");
});

describe('native DuckDB missing', () => {
	it('analyze and subsidy exit 2 saying native DuckDB is not installed', async () => {
		for (const args of [['analyze', 'data/sample'], ['subsidy', 'data/sample', '--policy', 'shaoxing-split']]) {
			let stdout = '';
			let stderr = '';
			const code = await main([...args, '--engine', 'native'], { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
			expect(code).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toMatch(/^zhijia (analyze|subsidy): native DuckDB is not installed \(@duckdb\/node-api could not be loaded: .*\)\. .*--engine wasm\.\n$/);
		}
	});
});
