import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE_ARROW, patchArrowRequire, patchGlue, writePatchedGlue } from '../../../scripts/duckdb-glue.mjs';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { gotDump, loadGlue, packageGlue as original, removeGlueCopies } from '../helpers/glue-internals';

const require = createRequire(import.meta.url);
afterAll(removeGlueCopies);

/** The GOT right after linking and after the deferred entries are filled (as before any side module). */
async function gotOf(text: string): Promise<{ linked: Record<string, string>; full: Record<string, string> }> {
	const g = await loadGlue(text, 'eh');
	const linked = gotDump(g);
	g.flush();
	const full = gotDump(g);
	g.close();
	return { linked, full };
}

describe('duckdb-wasm glue patch (scripts/duckdb-glue.mjs)', () => {
	it('applies to every glue copy of the files the app and the command line load, and the result parses', () => {
		for (const [file, copies] of [['duckdb-browser-eh.worker.js', 1], ['duckdb-browser-mvp.worker.js', 1], ['duckdb-node-blocking.cjs', 2]] as const) {
			const patched = patchGlue(original(file), file);
			expect(patched.split('flushDeferredGOT=()=>').length - 1).toBe(copies);
			expect(patched.split('updateGOTEager=(').length - 1).toBe(copies);
			expect(patched).not.toContain('e=Object.assign({},e);');
			expect(patched.split('wasmExports=relocateMainExports(wasmExports,1024);').length - 1).toBe(copies);
			expect(patched.split('mergeMainSymbols(wasmExports),LDSO.init()').length - 1).toBe(copies);
			// Each way to a side module or to a listing of the main module's symbols fills in what was deferred first.
			for (const entry of ['function loadDynamicLibrary(', 'loadWebAssemblyModule=(', 'function __dlsym_js(', 'function __dlsym_catchup_js(']) {
				expect(patched.split(entry).slice(1).map((rest) => /^[^)]*(?:\)|\)=>)\{flushDeferredLinking\(\);/.test(rest.replace('{global:!0,nodelete:!0}', '')))).toEqual(Array(copies).fill(true));
			}
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

	it("the Node glue requires apache-arrow's single-file build, and its query results are that copy's tables", async () => {
		const glue = original('duckdb-node-blocking.cjs');
		const patched = patchArrowRequire(glue, 'duckdb-node-blocking.cjs');
		expect(patched.split(`require("${NODE_ARROW}")`).length - 1).toBe(2);
		expect(patched).not.toContain('require("apache-arrow")');
		expect(patched.length - glue.length).toBe(2 * (NODE_ARROW.length - 'apache-arrow'.length));
		// The single-file build has every name the package's Node entry has.
		expect(Object.keys(require(NODE_ARROW)).sort()).toEqual(Object.keys(require('apache-arrow')).sort());
		expect(() => patchArrowRequire(glue.replace('require("apache-arrow")', 'require("apache-arrow/x")'), 'duckdb-node-blocking.cjs')).toThrow(/duckdb-node-blocking\.cjs requires apache-arrow 1 times/);
		writePatchedGlue();
		const engine = await startNodeEngine();
		try {
			const table = (await engine.arrow("SELECT 'LJ0001' AS estate_id, 85.5::DOUBLE AS q")) as unknown as object;
			expect(table).toBeInstanceOf(require(NODE_ARROW).Table);
			expect(await engine.rows("SELECT 'LJ0001' AS estate_id, 85.5::DOUBLE AS q")).toEqual([{ estate_id: 'LJ0001', q: 85.5 }]);
		} finally {
			await engine.close();
		}
	});

	it('random bytes come from the same source 4 KiB at a time, each handed out once; a large request goes to the source', () => {
		const patched = patchGlue(original('duckdb-browser-eh.worker.js'), 'duckdb-browser-eh.worker.js');
		const definition = /pooledRandomFill=fill=>\{.*?return out\}\}/.exec(patched)?.[0];
		expect(definition).toBeDefined();
		const pooled = new Function(`var ${definition}; return pooledRandomFill;`)() as (fill: (b: Uint8Array) => Uint8Array) => (b: Uint8Array) => Uint8Array;
		// A source that counts its calls and writes 1, 2, 3... (mod 256) into every byte it fills.
		let next = 0;
		const calls: number[] = [];
		const fill = pooled((b) => {
			calls.push(b.length);
			for (let i = 0; i < b.length; i++) b[i] = ++next % 256;
			return b;
		});
		const handed: number[] = [];
		for (let k = 0; k < 2000; k++) handed.push(...fill(new Uint8Array(4)));
		// 8,000 bytes: the pool was filled twice, and the bytes are the source's, in order, none given twice.
		expect(calls).toEqual([4096, 4096]);
		expect(handed).toEqual(Array.from({ length: 8000 }, (_, i) => (i + 1) % 256));
		const big = fill(new Uint8Array(5000));
		expect(calls).toEqual([4096, 4096, 5000]);
		expect(big[0]).toBe((8192 + 1) % 256);
	});

	it('storing 200,000 rows asks the crypto source for random bytes a handful of times, not once per request', async () => {
		const engine = await startNodeEngine();
		const source = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
		let calls = 0;
		globalThis.crypto.getRandomValues = (<T extends ArrayBufferView | null>(b: T) => (calls++, source(b as never) as T)) as typeof globalThis.crypto.getRandomValues;
		try {
			await engine.exec('CREATE TABLE t (a INTEGER, b VARCHAR)');
			for (let k = 0; k < 4; k++) await engine.exec(`INSERT INTO t SELECT i, 'x' || (i % 97) FROM range(${k * 50_000}, ${(k + 1) * 50_000}) r(i)`);
			expect(await engine.scalar('SELECT count(DISTINCT a)::INTEGER FROM t')).toBe(200_000);
			expect(calls).toBeLessThan(20);
		} finally {
			globalThis.crypto.getRandomValues = source;
			await engine.close();
		}
	});

	it('links the same GOT as the original glue: every entry points at the same function or address', async () => {
		const before = await gotOf(original('duckdb-node-blocking.cjs'));
		const after = await gotOf(patchGlue(original('duckdb-node-blocking.cjs'), 'duckdb-node-blocking.cjs'));
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
