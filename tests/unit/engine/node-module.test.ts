import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEngineModule, engineModulePath } from '../../../src/lib/engine/node-module';
import { startNodeEngine } from '../../../src/lib/engine/node';

/** The smallest valid wasm module: the magic number and version 1, no sections. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

describe("the Node engine's module, compiled once per process (node-module.ts)", () => {
	const dir = mkdtempSync(join(tmpdir(), 'zhijia-module-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('compiles the engine module once: the same promise for every call, and each engine of the process instantiates it', async () => {
		const first = compileEngineModule();
		expect(compileEngineModule()).toBe(first);
		expect(compileEngineModule(engineModulePath())).toBe(first);
		const module = await first;
		expect(module).toBeInstanceOf(WebAssembly.Module);
		expect(WebAssembly.Module.exports(module).length).toBeGreaterThan(100);
		// Two engines from the one module are two databases.
		const a = await startNodeEngine();
		const b = await startNodeEngine();
		try {
			await a.exec('CREATE TABLE t AS SELECT 41 + 1 AS n');
			expect(await a.scalar('SELECT n FROM t')).toBe(42);
			expect(await b.scalar("SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 't'")).toBe(0);
		} finally {
			await a.close();
			await b.close();
		}
	});

	it('a module that is missing fails with its path, and is compiled afresh once it is there', async () => {
		const path = join(dir, 'later.wasm');
		await expect(compileEngineModule(path)).rejects.toThrow(/later\.wasm/);
		writeFileSync(path, EMPTY_MODULE);
		const module = await compileEngineModule(path);
		expect(WebAssembly.Module.exports(module)).toEqual([]);
	});

	it('a file that is not wasm fails with the compile error', async () => {
		const path = join(dir, 'not.wasm');
		writeFileSync(path, 'estate_id,name\nLJ0001,梅澜公寓\n');
		await expect(compileEngineModule(path)).rejects.toBeInstanceOf(WebAssembly.CompileError);
	});
});
