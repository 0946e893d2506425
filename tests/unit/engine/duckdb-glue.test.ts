import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { patchGlue, writePatchedGlue } from '../../../scripts/duckdb-glue.mjs';
import { startNodeEngine } from '../../../src/lib/engine/node';

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
const original = (file: string) => readFileSync(join(dist, file), 'utf8');
mkdirSync(resolve(dist, '../../../.cache'), { recursive: true });
// Beside the package, so the copies' require('apache-arrow') resolves as the package's own does.
const tmp = mkdtempSync(resolve(dist, '../../../.cache/zhijia-glue-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A copy of a blocking build that, once the main module is linked, exposes its GOT as name -> what the entry points
 * at: "fn:" and the wasm function's index for a function (read back through the table), "num:" and the address
 * for data. The patched glue's deferred entries are filled first (flushDeferredGOT), as before any side module.
 */
function withGotDump(text: string): string {
	const end = 'removeRunDependency("wasm-instantiate"),wasmExports}';
	const dump =
		'removeRunDependency("wasm-instantiate"),globalThis.__gotDump=flush=>{flush&&typeof flushDeferredGOT=="function"&&flushDeferredGOT();' +
		'var o={};for(var k in GOT){var v=GOT[k].value;o[k]=typeof wasmImports[k]=="number"?"num:"+v:"fn:"+wasmTable.get(v)?.name}return o},wasmExports}';
	expect(text.split(end).length).toBe(3);
	return text.split(end).join(dump);
}

/** The GOT right after linking and after the deferred entries are filled. */
async function gotOf(text: string, name: string): Promise<{ linked: Record<string, string>; full: Record<string, string> }> {
	const file = join(tmp, name);
	writeFileSync(file, withGotDump(text));
	const duckdb = require(file) as typeof import('@duckdb/duckdb-wasm/blocking');
	const bundle = (wasm: string) => ({ mainModule: join(dist, wasm), mainWorker: '' });
	const db = await duckdb.createDuckDB({ mvp: bundle('duckdb-mvp.wasm'), eh: bundle('duckdb-eh.wasm') }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	const dump = (globalThis as unknown as { __gotDump(flush: boolean): Record<string, string> }).__gotDump;
	const linked = dump(false);
	const full = dump(true);
	db.reset();
	return { linked, full };
}

describe('duckdb-wasm glue patch (scripts/duckdb-glue.mjs)', () => {
	it('applies to every glue copy of the files the app and the command line load, and the result parses', () => {
		for (const [file, copies] of [['duckdb-browser-eh.worker.js', 1], ['duckdb-browser-mvp.worker.js', 1], ['duckdb-node-blocking.cjs', 2]] as const) {
			const patched = patchGlue(original(file), file);
			expect(patched.split('flushDeferredGOT=()=>').length - 1).toBe(copies);
			expect(patched.split('updateGOTEager=(').length - 1).toBe(copies);
			expect(patched).not.toContain('e=Object.assign({},e);');
			expect(() => new Script(patched, { filename: file })).not.toThrow();
		}
	});

	it('fails loudly, naming the file and the piece, when the glue is not the text it was written for', () => {
		const changed = original('duckdb-browser-eh.worker.js').replace('GOT[r].value==0', 'GOT[r].value===0');
		expect(() => patchGlue(changed, 'duckdb-browser-eh.worker.js')).toThrow(/duckdb-browser-eh\.worker\.js: updateGOT matched 0 times for 1 glue copies/);
		expect(() => patchGlue('var x = 1;', 'other.js')).toThrow(/other\.js has no Emscripten GOT/);
	});

	it('the engine starts from the patched copy and answers a query', async () => {
		const dir = writePatchedGlue();
		const engine = await startNodeEngine();
		try {
			expect(await engine.scalar('SELECT 41 + 1 AS answer')).toBe(42);
			expect(await engine.rows("SELECT upper('质价') AS s, sum(i)::INTEGER AS n FROM range(4) t(i)")).toEqual([{ s: '质价', n: 6 }]);
		} finally {
			await engine.close();
		}
		expect(Object.keys(require.cache)).toContain(join(dir, 'duckdb-node-blocking.cjs'));
	});

	it('links the same GOT as the original glue: every entry points at the same function or address', async () => {
		const before = await gotOf(original('duckdb-node-blocking.cjs'), 'original.cjs');
		const after = await gotOf(patchGlue(original('duckdb-node-blocking.cjs'), 'duckdb-node-blocking.cjs'), 'patched.cjs');
		// 75,011 exports: an entry for each but the internal symbols and the merged orig$ names.
		expect(Object.keys(before.full).length).toBeGreaterThan(60_000);
		expect(Object.values(before.full).filter((v) => v === 'fn:undefined')).toEqual([]);
		expect(after.full).toEqual(before.full);
		// Right after linking, the patched glue has filled only the module's own GOT imports (265 functions and 3
		// data symbols in the eh build), each exactly as the original did.
		expect(Object.keys(after.linked).length).toBe(268);
		for (const [name, entry] of Object.entries(after.linked)) expect([name, entry]).toEqual([name, before.full[name]]);
	}, 60_000);
});
