import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writePatchedGlue } from '../../../scripts/duckdb-glue.mjs';
import { keepExport, keepExports, moduleExports, moduleImports, sections, writeSlimWasm } from '../../../scripts/wasm-exports.mjs';
import { nodeEngineBundles, startNodeEngine } from '../../../src/lib/engine/node';
import { glueDist } from '../helpers/glue-internals';

const temp = mkdtempSync(join(tmpdir(), 'zhijia-wasm-exports-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// The test's modules are written here byte by byte, independently of the code under test (its encoder included).
const leb = (v: number): number[] => {
	const out: number[] = [];
	do {
		let b = v & 0x7f;
		v = Math.floor(v / 128);
		if (v > 0) b |= 0x80;
		out.push(b);
	} while (v > 0);
	return out;
};
const str = (s: string): number[] => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const section = (id: number, body: number[]): number[] => [id, ...leb(body.length), ...body];

/**
 * A module written byte by byte: one imported function (index 0), a GOT.func global import, `defined` functions
 * (indices 1..defined) and one export per name, each of a defined function in turn.
 */
function handMade(names: string[], defined = 3): Uint8Array<ArrayBuffer> {
	const imports = [
		...leb(2),
		...str('env'), ...str('imported'), 0x00, 0x00,
		...str('GOT.func'), ...str('got_target'), 0x03, 0x7f, 0x01
	];
	const functions = [...leb(defined), ...Array(defined).fill(0x00)];
	const exports = [...leb(names.length), ...names.flatMap((n, i) => [...str(n), 0x00, ...leb(1 + (i % defined))])];
	const code = [...leb(defined), ...Array(defined).fill([0x02, 0x00, 0x0b]).flat()];
	return new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
		...section(1, [0x01, 0x60, 0x00, 0x00]),
		...section(2, imports),
		...section(3, functions),
		...section(7, exports),
		...section(10, code)
	]);
}

/** Every section but the export section, as bytes, to compare two modules. */
function otherSections(bytes: Uint8Array): string[] {
	return sections(bytes).filter((s) => s.id !== 7).map((s) => Buffer.from(bytes.subarray(s.start, s.end)).toString('hex'));
}

describe('the engine module without its extension-only exports (scripts/wasm-exports.mjs)', () => {
	it('keeps what the glue names, the GOT imports, the dynCall_ helpers and orig$ twins; drops the rest; changes no other byte', () => {
		// 300 names: the export section's count and size both need more than one LEB128 byte.
		const filler = Array.from({ length: 294 }, (_, i) => `_ZN6duckdb9Function${i}Ev`);
		const names = ['malloc', '_ZN6duckdb8Executor4PushEv', 'got_target', 'dynCall_vi', 'orig$malloc', 'not_named', ...filler];
		const module = handMade(names);
		expect(WebAssembly.validate(module)).toBe(true);
		const keep = keepExport(['var _malloc=Module._malloc=wasmExports.malloc;'], moduleImports(module));
		const slim = keepExports(module, keep);
		expect(WebAssembly.validate(slim)).toBe(true);
		// What V8 itself reads from the result: the four kept, in the module's order, each still the same function.
		const exported = WebAssembly.Module.exports(new WebAssembly.Module(slim));
		expect(exported.map((e) => e.name)).toEqual(['malloc', 'got_target', 'dynCall_vi', 'orig$malloc']);
		expect(moduleExports(slim).map((e) => [e.name, e.index])).toEqual([['malloc', 1], ['got_target', 3], ['dynCall_vi', 1], ['orig$malloc', 2]]);
		expect(WebAssembly.Module.imports(new WebAssembly.Module(slim))).toEqual([
			{ module: 'env', name: 'imported', kind: 'function' },
			{ module: 'GOT.func', name: 'got_target', kind: 'global' }
		]);
		expect(otherSections(slim)).toEqual(otherSections(module));
		expect(slim.length).toBeLessThan(module.length);
	});

	it('a module it cannot read is an error naming the file and the byte', () => {
		const module = handMade(['malloc']);
		expect(() => keepExports(module.subarray(0, module.length - 3), () => true, 'cut.wasm')).toThrow(/cut\.wasm: section 10 runs past the end of the module at byte \d+/);
		expect(() => keepExports(new TextEncoder().encode('<html>not wasm'), () => true, 'page.html')).toThrow(/page\.html: not a WebAssembly 1\.0 module at byte 1/);
	});

	it('writes the copy once, and again when the glue it was made for changes', () => {
		const source = join(temp, 'src', 'engine.wasm');
		const dir = join(temp, 'out');
		mkdirSync(join(temp, 'src'));
		mkdirSync(dir);
		writeFileSync(source, handMade(['malloc', 'free', 'unused']));
		writeFileSync(join(dir, 'glue.js'), 'wasmExports.malloc();');
		const target = writeSlimWasm(source, dir, ['glue.js']);
		expect(moduleExports(readFileSync(target)).map((e) => e.name)).toEqual(['malloc']);
		const first = statSync(target).mtimeMs;
		writeSlimWasm(source, dir, ['glue.js']);
		expect(statSync(target).mtimeMs).toBe(first);
		writeFileSync(join(dir, 'glue.js'), 'wasmExports.malloc();wasmExports.free();');
		writeSlimWasm(source, dir, ['glue.js']);
		expect(moduleExports(readFileSync(target)).map((e) => e.name)).toEqual(['malloc', 'free']);
	});

	it("DuckDB's eh module: the same imports and code, every export the glue and the GOT read, 7 MB less; the Node engine loads it", () => {
		const dir = writePatchedGlue();
		const full = new Uint8Array(readFileSync(join(glueDist, 'duckdb-eh.wasm')));
		const slim = new Uint8Array(readFileSync(join(dir, 'duckdb-eh.wasm')));
		expect(nodeEngineBundles().eh?.mainModule).toBe(join(dir, 'duckdb-eh.wasm'));
		expect(otherSections(slim)).toEqual(otherSections(full));
		const before = moduleExports(full);
		const after = moduleExports(slim);
		expect(before.length).toBe(75_011);
		expect(after.length).toBeLessThan(before.length / 100);
		expect(full.length - slim.length).toBeGreaterThan(7_000_000);
		// Every kept export is the package's, unchanged (name, kind, index).
		const original = new Map(before.map((e) => [e.name, `${e.kind}/${e.index}`]));
		for (const e of after) expect(original.get(e.name)).toBe(`${e.kind}/${e.index}`);
		// The GOT entries the module fills from its own exports: all there, or a function pointer would be null.
		const kept = new Set(after.map((e) => e.name));
		const got = moduleImports(full).filter((i) => i.module.startsWith('GOT.')).map((i) => i.field);
		expect(got.length).toBeGreaterThan(200);
		expect(got.filter((name) => original.has(name) && !kept.has(name))).toEqual([]);
		// Names the glue reads literally, and the bindings' entry points through ccall (Module._duckdb_web_*).
		const glue = readFileSync(join(dir, 'duckdb-node-blocking.cjs'), 'utf8');
		const read = [...glue.matchAll(/wasmExports\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]).filter((n) => original.has(n));
		expect(read.length).toBeGreaterThan(50);
		expect(read.filter((n) => !kept.has(n))).toEqual([]);
		for (const n of ['malloc', 'free', '__wasm_call_ctors', '__wasm_apply_data_relocs', 'duckdb_web_query_run', 'duckdb_web_insert_arrow_from_ipc_stream']) expect(kept).toContain(n);
	});

	it('the engine on it runs queries, C++ errors and large inserts as before', async () => {
		const engine = await startNodeEngine();
		try {
			expect(await engine.rows("SELECT upper('质价') AS s, sum(i)::INTEGER AS n FROM range(1000) t(i)")).toEqual([{ s: '质价', n: 499_500 }]);
			// A DuckDB error is a C++ exception thrown and caught inside the module, then read by the glue.
			await expect(engine.scalar('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
			await expect(engine.scalar("SELECT 'x'::INTEGER AS n")).rejects.toThrow(/Conversion Error/);
			// Still usable after the errors: a table, a constraint violation, a regex, a window and a sort.
			await engine.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR)');
			await engine.exec("INSERT INTO t SELECT i, 'estate ' || i FROM range(50000) r(i)");
			await expect(engine.exec("INSERT INTO t VALUES (7, 'again')")).rejects.toThrow(/[Dd]uplicate key/);
			expect(await engine.rows("SELECT count(*)::INTEGER AS n, max(regexp_extract(name, '\\d+')::INTEGER) AS top FROM t")).toEqual([{ n: 50_000, top: 49_999 }]);
			expect(await engine.rows('SELECT id FROM (SELECT id, row_number() OVER (ORDER BY id DESC) AS r FROM t) WHERE r <= 2 ORDER BY id')).toEqual([{ id: 49_998 }, { id: 49_999 }]);
		} finally {
			await engine.close();
		}
	});
});
