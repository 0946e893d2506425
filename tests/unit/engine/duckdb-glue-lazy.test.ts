import { afterAll, describe, expect, it } from 'vitest';
import { patchGlue } from '../../../scripts/duckdb-glue.mjs';
import { describeValue, gotDump, loadGlue, packageGlue, removeGlueCopies, type GlueInternals } from '../helpers/glue-internals';

afterAll(removeGlueCopies);

const FILE = 'duckdb-node-blocking.cjs';
const original = () => packageGlue(FILE);
const patched = () => patchGlue(packageGlue(FILE), FILE);

/** Names to read: every name the original wasmImports has after linking, what a plain object inherits, and absent ones. */
function namesOf(g: GlueInternals): string[] {
	const extra = ['__proto__', 'no_such_symbol', 'orig$no_such_symbol', 'dynCall_no_such', ...Object.getOwnPropertyNames(Object.prototype)];
	return [...new Set([...Object.keys(g.wasmImports), ...Object.keys(g.GOT), ...extra])];
}

/** What a reader of wasmImports sees for each name, without writing anything (`in`, a read, isSymbolDefined). */
function reads(g: GlueInternals, names: string[]): string[] {
	return names.map((n) => `${n}: ${n in g.wasmImports} ${describeValue(g.wasmImports[n])} ${g.isSymbolDefined(n)}`);
}

/** resolveGlobalSymbol both ways (it may add an invoke_ or __cxa_find_matching_catch_ function in the mvp build). */
function resolved(g: GlueInternals, names: string[]): string[] {
	return names.map((n) => {
		const direct = g.resolveGlobalSymbol(n, true);
		return `${n}: ${describeValue(g.resolveGlobalSymbol(n).sym)} ${direct.name} ${describeValue(direct.sym)}`;
	});
}

/** Own names and values in order (what Object.keys readers, dlsym's symbol index, see). */
const ownEntries = (o: object) => Object.entries(o).map(([k, v]) => `${k}: ${describeValue(v)}`);

const mismatches = (a: string[], b: string[]) => a.map((x, i) => [x, b[i]]).filter(([x, y]) => x !== y).slice(0, 5);

describe.each(['eh', 'mvp'] as const)('the lazy main-module linking, %s module', (module) => {
	it('every name reads the same through wasmImports, resolveGlobalSymbol and the exports as with the package glue', async () => {
		const before = await loadGlue(original(), module);
		const after = await loadGlue(patched(), module);
		try {
			const names = namesOf(before);
			expect(names.length).toBeGreaterThan(75_000);
			// The patched wasmImports still falls through to the exports (nothing has filled the merge in yet).
			expect(Object.getPrototypeOf(after.wasmImports)).not.toBe(Object.prototype);
			expect(Object.keys(after.wasmImports).length).toBeLessThan(2_000);
			expect(mismatches(reads(after, names), reads(before, names))).toEqual([]);
			expect(Object.getPrototypeOf(after.wasmImports)).not.toBe(Object.prototype);
			// The exports as the glue reads them by name (wasmExports.malloc...), for every export and inherited name.
			const exportNames = [...namesOf(before), ...Object.keys(before.GOT).map((n) => `orig$${n}`)];
			const exportReads = (g: GlueInternals) => exportNames.map((n) => `${n}: ${n in g.wasmExports} ${describeValue(g.wasmExports[n])}`);
			expect(mismatches(exportReads(after), exportReads(before))).toEqual([]);
			expect(mismatches(resolved(after, names), resolved(before, names))).toEqual([]);
			// The dynCall_ functions were registered on Module, in the same order, with the same functions.
			const dynCalls = (g: GlueInternals) => ownEntries(g.Module).filter((e) => e.startsWith('dynCall_'));
			expect(dynCalls(before).length).toBe(module === 'eh' ? 92 : 299);
			expect(dynCalls(after)).toEqual(dynCalls(before));
			expect(Object.keys(after.Module)).toEqual(Object.keys(before.Module));
			// Filled in: the same own names in the same order with the same values, and a plain prototype again.
			after.flush();
			expect(Object.getPrototypeOf(after.wasmImports)).toBe(Object.prototype);
			expect(mismatches(ownEntries(after.wasmImports), ownEntries(before.wasmImports))).toEqual([]);
			expect(Object.keys(after.wasmImports)).toEqual(Object.keys(before.wasmImports));
			expect(mismatches(reads(after, names), reads(before, names))).toEqual([]);
			before.flush();
			expect(gotDump(after)).toEqual(gotDump(before));
		} finally {
			before.close();
			after.close();
		}
	}, 120_000);
});

describe('what fills the deferred linking in', () => {
	it('a new name written to wasmImports, dlsym, loading a library, a merge: each gives the package glue\'s wasmImports', async () => {
		const before = await loadGlue(original(), 'eh');
		const engines = await Promise.all([0, 1, 2, 3].map(() => loadGlue(patched(), 'eh')));
		try {
			const isLazy = (g: GlueInternals) => Object.getPrototypeOf(g.wasmImports) !== Object.prototype;
			expect(engines.map(isLazy)).toEqual([true, true, true, true]);
			const newName = () => function zhijiaTestSymbol() {};
			before.wasmImports.zhijia_test_symbol = newName();
			const [written, looked, loaded, merged] = engines;
			written.wasmImports.zhijia_test_symbol = newName();
			expect(isLazy(written)).toBe(false);
			expect(Object.keys(written.wasmImports)).toEqual(Object.keys(before.wasmImports));
			expect(mismatches(ownEntries(written.wasmImports), ownEntries(before.wasmImports))).toEqual([]);
			delete before.wasmImports.zhijia_test_symbol;

			// dlsym on the main module: found or not, and the symbol index (its place in Object.keys) written for a
			// JS function that is not in the table yet.
			const jsOnly = Object.keys(before.wasmImports).findLast((k) => typeof before.wasmImports[k] === 'function' && !/^\d+$/.test((before.wasmImports[k] as () => void).name) && !(k in before.GOT))!;
			const symbols = ['malloc', 'duckdb_web_connect', jsOnly, 'no_such_symbol'];
			const dlsyms = (g: GlueInternals) =>
				symbols.map((s) => {
					const [r, index] = g.dlsym(s);
					return `${s}: ${r === 0 ? 0 : describeValue(g.wasmTable.get(r))} ${index}`;
				});
			const expected = dlsyms(before);
			expect(expected[2]).not.toMatch(/ 0$/);
			expect(dlsyms(looked)).toEqual(expected);
			expect(isLazy(looked)).toBe(false);
			expect(Object.keys(looked.wasmImports)).toEqual(Object.keys(before.wasmImports));

			expect(loaded.loadDynamicLibrary('__main__', { global: true, nodelete: true })).toBe(true);
			expect(isLazy(loaded)).toBe(false);
			expect(Object.keys(loaded.wasmImports)).toEqual(Object.keys(before.wasmImports));

			merged.mergeLibSymbols({}, 'empty');
			expect(isLazy(merged)).toBe(false);
			expect(Object.keys(merged.wasmImports)).toEqual(Object.keys(before.wasmImports));
		} finally {
			before.close();
			for (const g of engines) g.close();
		}
	}, 120_000);

	it('takes the original path when Object.prototype has an enumerable property (the original loops would see it)', async () => {
		const proto = Object.prototype as Record<string, unknown>;
		// An object: the package glue's own updateGOT sees the name too and only logs it (a number would throw).
		const around = { before: () => void (proto.zhijiaEnumerable = {}), after: () => void delete proto.zhijiaEnumerable };
		const g = await loadGlue(patched(), 'eh', around);
		expect('zhijiaEnumerable' in {}).toBe(false);
		expect(Object.getPrototypeOf(g.wasmImports)).toBe(Object.prototype);
		expect(Object.keys(g.wasmImports).length).toBeGreaterThan(75_000);
		g.close();
	}, 60_000);
});
