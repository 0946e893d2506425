/**
 * Loads a copy of duckdb-wasm's blocking Node build (the package's glue or the patched one) with a hook that exposes
 * the Emscripten linker's state once the main module is linked, so tests can compare what every reader sees.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
export const glueDist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
export const packageGlue = (file: string) => readFileSync(join(glueDist, file), 'utf8');

/** The linker's state of one engine (names as in the glue). */
export interface GlueInternals {
	wasmImports: Record<string, unknown>;
	wasmExports: Record<string, unknown>;
	Module: Record<string, unknown>;
	GOT: Record<string, WebAssembly.Global>;
	wasmTable: WebAssembly.Table;
	isSymbolDefined(name: string): boolean;
	resolveGlobalSymbol(name: string, direct?: boolean): { sym: unknown; name: string };
	loadDynamicLibrary(name: string, flags: object): unknown;
	mergeLibSymbols(syms: object, name: string): void;
	/** dlsym(RTLD_DEFAULT-like handle 0, name): the glue's result and the symbol index it wrote (0 when none). */
	dlsym(name: string): [number, number];
	/** The patched glue's flushDeferredLinking (nothing for the package's glue). */
	flush(): void;
	close(): void;
}

const HOOK_AT = 'removeRunDependency("wasm-instantiate"),wasmExports}';
const HOOK =
	'(globalThis.__glueInternals={wasmImports,wasmExports,Module,GOT,wasmTable,isSymbolDefined,resolveGlobalSymbol,loadDynamicLibrary,mergeLibSymbols,' +
	'dlsym:s=>{var sp=stackSave(),p=stringToUTF8OnStack(s),out=stackAlloc(4);HEAPU32[out>>>2]=0;var r=__dlsym_js(0,p,out),i=HEAPU32[out>>>2];stackRestore(sp);return[r,i]},' +
	'flush:typeof flushDeferredLinking=="function"?flushDeferredLinking:()=>{}}),' +
	HOOK_AT;

const dirs: string[] = [];

/** Removes the copies written by loadGlue (call from afterAll). */
export function removeGlueCopies(): void {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Instantiates a copy of the blocking build made from `text` (the eh or the mvp module) and returns its linker
 * state. The copy is written beside the package, so its require('apache-arrow') resolves as the package's own does.
 * `around` runs just before and after the instantiation (the linking).
 */
export async function loadGlue(text: string, module: 'eh' | 'mvp', around?: { before(): void; after(): void }): Promise<GlueInternals> {
	if (dirs.length === 0) {
		mkdirSync(resolve(glueDist, '../../../.cache'), { recursive: true });
		dirs.push(mkdtempSync(resolve(glueDist, '../../../.cache/zhijia-glue-test-')));
	}
	expect(text.split(HOOK_AT).length).toBe(3);
	const file = join(dirs[0], `glue-${Math.random().toString(36).slice(2)}.cjs`);
	writeFileSync(file, text.split(HOOK_AT).join(HOOK));
	const duckdb = require(file) as typeof import('@duckdb/duckdb-wasm/blocking');
	const bundle = (wasm: string) => ({ mainModule: join(glueDist, wasm), mainWorker: '' });
	// Without an eh bundle the package picks the mvp module.
	const bundles = module === 'eh' ? { mvp: bundle('duckdb-mvp.wasm'), eh: bundle('duckdb-eh.wasm') } : { mvp: bundle('duckdb-mvp.wasm') };
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	around?.before();
	try {
		await db.instantiate();
	} finally {
		around?.after();
	}
	const internals = (globalThis as unknown as { __glueInternals: GlueInternals }).__glueInternals;
	const conn = db.connect();
	expect(conn.query('SELECT 41 + 1 AS answer').toArray()[0].answer).toBe(42);
	return {
		...internals,
		close: () => {
			conn.close();
			db.reset();
		}
	};
}

/** A value as a string that is equal for equal values of two engines (a wasm function's name is its index). */
export function describeValue(v: unknown): string {
	if (typeof v === 'function') return `function ${v.name}/${v.length}${(v as { stub?: boolean }).stub ? ' stub' : ''}`;
	if (v instanceof WebAssembly.Global) return `global ${v.value}`;
	if (v instanceof WebAssembly.Memory) return 'memory';
	if (v instanceof WebAssembly.Table) return 'table';
	if (v === Object.prototype) return 'Object.prototype';
	return `${typeof v} ${String(v)}`;
}

/** The GOT as name -> what the entry points at: "fn:" and the wasm function's index, or "num:" and the address. */
export function gotDump(g: GlueInternals): Record<string, string> {
	const out: Record<string, string> = {};
	for (const k in g.GOT) {
		const v = g.GOT[k].value as number;
		out[k] = typeof g.wasmImports[k] === 'number' ? `num:${v}` : `fn:${g.wasmTable.get(v)?.name}`;
	}
	return out;
}
