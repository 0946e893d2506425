#!/usr/bin/env node
/**
 * Patched copies of duckdb-wasm's Emscripten glue: the same engine, linked in a fraction of the time
 * (docs/performance.md, "The engine's dynamic linking"), and the eh module without the exports only an extension
 * could use (scripts/wasm-exports.mjs). Writes node_modules/.cache/zhijia-duckdb-glue/, which the app (Vite, through
 * duckdbGluePlugin) and the Node engine (src/lib/engine/node.ts) load instead of the package's files.
 * Runs from `npm ci` (`prepare`), before the unit tests and from the Vite config, so a clean clone needs no step.
 *
 * What the glue does: DuckDB's wasm is an Emscripten MAIN_MODULE (dynamic linking, for extensions) with 75,011
 * exports. After instantiation, `updateGOT` creates a Global Offset Table entry (a WebAssembly.Global) for EVERY
 * export and, for each of the ~65,000 functions, `addFunction` grows the function table by one slot; then
 * `registerDynCallSymbols`, `mergeLibSymbols`, `reportUndefinedSymbols` and `applySignatureConversions` each walk all
 * 75,011 entries again, through Object.entries / Object.assign of a 75k-property dictionary. ~0.8 s of CPU per start
 * (`relocateExports` first copies all 75,011 exports into a new object, and mergeLibSymbols copies them all into
 * wasmImports, the symbol table every later lookup reads).
 *
 * What this patch changes, and why nothing observable changes with it:
 * 1. updateGOT, for the main module only, fills the GOT entries that already exist (the module's own 268 GOT.func /
 *    GOT.mem imports, created by GOTHandler during instantiation) with exactly the original rule, and keeps the
 *    exports to run the ORIGINAL updateGOT over them later (`flushDeferredGOT`), before the first moment anything
 *    else can look at the GOT: a side module's GOT import (GOTHandler.get) or a side module's own updateGOT (both
 *    only happen on dlopen of an extension; this app turns extension loading off). Replaying the original over
 *    entries already filled is idempotent (addFunction returns a function's existing slot), so after a flush the
 *    GOT holds the same entries pointing at the same functions; only the table slot numbers given to functions
 *    differ, which nothing depends on. `reportUndefinedSymbols` only looks at entries still 0, which deferred ones
 *    never are in the original, so it is unaffected (and now walks 268 entries, not 75,011).
 * 2. registerDynCallSymbols and mergeLibSymbols walk the exports with for..in instead of Object.entries (same keys in
 *    the same order for these plain objects, no 75,000 [key, value] arrays).
 * 3. applySignatureConversions wraps 18 exports on a new object whose prototype is the exports object instead of on
 *    a full Object.assign copy: every property read gives the same value, and the result is only ever read by name
 *    (`wasmExports.malloc`...). The exports object itself stays unchanged (the deferred GOT still reads it).
 * 4. The main module's relocation and merge are lazy (relocateMainExports, mergeMainSymbols; session 8). One walk
 *    over the exports keeps the relocated values of the 9,844 non-function exports, the dynCall_ names and fills the
 *    existing GOT entries (point 1's rule). The relocated exports are a Proxy that answers a read by name as the
 *    original 75,011-property copy would (its exports first, else Object.prototype), and wasmImports gets that view
 *    as its prototype instead of a copy of every export: wasmImports' own names are the JS library's (~1,100); those
 *    the original would overwrite (a stub or a falsy value with an export of that name) get the export now. So `in`,
 *    reads, isSymbolDefined and resolveGlobalSymbol see what they saw. What a prototype cannot give (the own names
 *    and their order: hasOwnProperty and Object.keys in dlsym, the side modules' merges) is made real by
 *    flushDeferredMerge (the original's copies, in the original order) before: loadDynamicLibrary,
 *    loadWebAssemblyModule, __dlsym_js, __dlsym_catchup_js, mergeLibSymbols, GOTHandler.get, a side module's
 *    updateGOT, and any write of a new name to wasmImports (the view's `set`; the mvp build's resolveGlobalSymbol adds
 *    invoke_ functions so). flushDeferredLinking fills both the GOT and the merge. When an export is named like an
 *    Object.prototype property, or Object.prototype has an enumerable property, the original path runs instead.
 * 5. WASI's random_get takes its bytes from a 4 KiB pool refilled from the same source (crypto.getRandomValues), not
 *    one call of the source per request: DuckDB asks for 4 bytes thousands of times while storing rows.
 * 6. The Node glue loads apache-arrow's single-file build ({@link NODE_ARROW}).
 * Each piece is matched against the exact text of duckdb-wasm 1.32.0; any other text fails loudly, naming the file.
 *
 * Usage: node scripts/duckdb-glue.mjs (writes the files; quiet when they are up to date)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSlimWasm } from './wasm-exports.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The glue files the app and the command line load (browser workers, the Node blocking build). */
const GLUE_FILES = ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js', 'duckdb-node-blocking.cjs'];

/** The glue files that load the eh module (the Node build holds the glue of both modules). */
const EH_GLUE_FILES = ['duckdb-browser-eh.worker.js', 'duckdb-node-blocking.cjs'];

/** Where the patched copies go, beside the package (src/lib/engine/node.ts finds them the same way). */
export function patchedGlueDir() {
	const dist = dirname(createRequire(resolve(ROOT, 'package.json')).resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
	return resolve(dist, '../../../.cache/zhijia-duckdb-glue');
}

const GLOBAL = 'new WebAssembly.Global({value:"i32",mutable:!0})';

/**
 * Added after the glue's relocateExports: the main module's linking without a 75,011-property copy of its exports
 * and without copying them into wasmImports. See the header, point 4.
 */
const MAIN_LINKING =
	// The lazy view is exact only when no export is named like a property of Object.prototype (a plain object
	// inherits those, and mergeLibSymbols treats them as defined) and Object.prototype has nothing enumerable (the
	// original loops would see it); otherwise the original path, unchanged.
	'relocateMainExports=(exp,base,replace)=>{var clash=!1;for(var inherited in {})clash=!0;' +
	'if(clash||Object.getOwnPropertyNames(Object.prototype).some(k=>k in exp))return mainLink=null,relocateExports(exp,base,replace);' +
	// One walk in the original order (Object.keys: the for..in order of this null-prototype object, measured a
	// little faster): the relocated value of every export that is not a function (the original
	// rule, read now, as the original reads it now), the dynCall_ names, and the GOT entries that exist (the
	// module's own imports) filled by the original rule, orig$ quirk included. The rest of the GOT is deferred.
	'var values=Object.create(null),dynCalls=[],replaceFromNow=replace,key,v,sym,g;mainGOTDone=!0;' +
	'for(var names=Object.keys(exp),i=0;i<names.length;i++){key=names[i];v=exp[key];typeof v!="function"&&(typeof v=="object"&&(v=v.value),typeof v=="number"&&(v+=base),values[key]=v);' +
	'key.startsWith("dynCall_")&&dynCalls.push(key);sym=key;key.startsWith("orig$")&&(sym=key.split("$")[1],replaceFromNow=!0);g=GOT[sym];' +
	`if(g&&!isInternalSym(key)){(replaceFromNow||g.value==0)&&(typeof v=="function"?g.value=addFunction(v):typeof v=="number"?g.value=v:err("unhandled export type for '"+sym+"': "+typeof v))}}` +
	'var valueOf=k=>k in values?values[k]:exp[k],relocated=()=>{var n={};for(var k in exp)n[k]=valueOf(k);return n};' +
	'deferredGOT=()=>updateGOTEager(relocated(),replace);' +
	// What a read by name of the original relocated object gives: its own exports, else what Object.prototype has.
	// A write reaching it defines the name on the object written to (as on a plain object: applySignatureConversions
	// wraps 18 exports that way); a new name for wasmImports first makes the merge real.
	'var view=new Proxy(Object.create(null),{get:(t,k)=>k in values?values[k]:k in exp?exp[k]:k==="__proto__"?Object.prototype:Object.prototype[k],' +
	'has:(t,k)=>k in values||k in exp||k in Object.prototype,' +
	'set:(t,k,val,receiver)=>(receiver===wasmImports&&flushDeferredMerge(),Reflect.defineProperty(receiver,k,{value:val,writable:!0,enumerable:!0,configurable:!0}))});' +
	'mainLink={exp,valueOf,view,result:Object.create(view),dynCalls};return mainLink.result},' +
	// mergeLibSymbols(main): the dynCall_ names registered as the original does; wasmImports' own names (the JS
	// library's ~1,100) given the export where the original would overwrite them (a stub, or a falsy value); every
	// other export is read through wasmImports' prototype, the view, instead of being copied.
	'mergeMainSymbols=syms=>{var m=mainLink;if(!m||syms!==m.result){registerDynCallSymbols(syms);for(var s in syms)isSymbolDefined(s)||(wasmImports[s]=syms[s]);return}' +
	'for(var d of m.dynCalls)!Module.hasOwnProperty(d)&&(Module[d]=m.valueOf(d));' +
	'for(var k of Object.keys(wasmImports))k in m.exp&&!isSymbolDefined(k)&&(wasmImports[k]=m.valueOf(k));' +
	'Object.setPrototypeOf(wasmImports,m.view);mergePending=!0},' +
	// The original merge's result: the exports wasmImports does not have as its own, copied in the original order.
	// Until now nothing has added an own name to wasmImports (a write reaching the view flushes first).
	'flushDeferredMerge=()=>{if(mergePending){mergePending=!1;var m=mainLink;Object.setPrototypeOf(wasmImports,Object.prototype);' +
	'for(var k in m.exp)Object.prototype.hasOwnProperty.call(wasmImports,k)||Object.defineProperty(wasmImports,k,{value:m.valueOf(k),writable:!0,enumerable:!0,configurable:!0})}},' +
	'flushDeferredLinking=()=>{flushDeferredGOT();flushDeferredMerge()},mainLink=null,mergePending=!1,';

/**
 * Each replacement: the exact original texts (the minifier named variables differently in the browser and Node
 * builds) and the text put in their place. Every glue copy in a file must contain exactly one of the originals.
 */
const REPLACEMENTS = [
	{
		name: 'GOTHandler',
		originals: [
			`GOTHandler={get(e,t){var r=GOT[t];return r||(r=GOT[t]=${GLOBAL}),currentModuleWeakSymbols.has(t)||(r.required=!0),r}}`,
			`GOTHandler={get(e,r){var t=GOT[r];return t||(t=GOT[r]=${GLOBAL}),currentModuleWeakSymbols.has(r)||(t.required=!0),t}}`
		],
		patched: `GOTHandler={get(target,sym){flushDeferredLinking();var g=GOT[sym];return g||(g=GOT[sym]=${GLOBAL}),currentModuleWeakSymbols.has(sym)||(g.required=!0),g}}`
	},
	{
		name: 'updateGOT',
		originals: [
			`updateGOT=(e,t)=>{for(var r in e)if(!isInternalSym(r)){var n=e[r];r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]=${GLOBAL}),(t||GOT[r].value==0)&&(typeof n=="function"?GOT[r].value=addFunction(n):typeof n=="number"?GOT[r].value=n:err("unhandled export type for '".concat(r,"': ").concat(typeof n)))}}`,
			`updateGOT=(e,r)=>{for(var t in e)if(!isInternalSym(t)){var n=e[t];t.startsWith("orig$")&&(t=t.split("$")[1],r=!0),GOT[t]||(GOT[t]=${GLOBAL}),(r||GOT[t].value==0)&&(typeof n=="function"?GOT[t].value=addFunction(n):typeof n=="number"?GOT[t].value=n:err(\`unhandled export type for '\${t}': \${typeof n}\`))}}`
		],
		// The original is kept as updateGOTEager (the `originals` text with its name changed, see patchGlue).
		patched:
			'updateGOT=(syms,replace)=>{if(mainGOTDone){flushDeferredLinking();updateGOTEager(syms,replace);return}' +
			'mainGOTDone=!0;deferredGOT=()=>updateGOTEager(syms,replace);' +
			// The original's loop with the GOT lookup first: isInternalSym (a 14-name array per call) only for the few
			// names that have an entry; orig$ names are never internal, so `replace` still turns on at the first one.
			'for(var key in syms){var sym=key;key.startsWith("orig$")&&(sym=key.split("$")[1],replace=!0);var g=GOT[sym];' +
			`if(g&&!isInternalSym(key)){var v=syms[key];(replace||g.value==0)&&(typeof v=="function"?g.value=addFunction(v):typeof v=="number"?g.value=v:err("unhandled export type for '"+sym+"': "+typeof v))}}},` +
			'flushDeferredGOT=()=>{if(deferredGOT){var replay=deferredGOT;deferredGOT=null;replay()}},deferredGOT=null,mainGOTDone=!1,'
	},
	{
		name: 'registerDynCallSymbols',
		originals: [
			'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
			'registerDynCallSymbols=e=>{for(var[r,t]of Object.entries(e))r.startsWith("dynCall_")&&!Module.hasOwnProperty(r)&&(Module[r]=t)}'
		],
		patched: 'registerDynCallSymbols=syms=>{for(var sym in syms)sym.startsWith("dynCall_")&&!Module.hasOwnProperty(sym)&&(Module[sym]=syms[sym])}'
	},
	{
		name: 'mergeLibSymbols',
		originals: [
			'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)}',
			'mergeLibSymbols=(e,t)=>{registerDynCallSymbols(e);for(var[r,n]of Object.entries(e))(o=>{isSymbolDefined(o)||(wasmImports[o]=n)})(r)}',
			'mergeLibSymbols=(e,r)=>{registerDynCallSymbols(e);for(var[t,n]of Object.entries(e))(o=>{isSymbolDefined(o)||(wasmImports[o]=n)})(t)}'
		],
		patched: 'mergeLibSymbols=(syms,libName)=>{flushDeferredMerge();registerDynCallSymbols(syms);for(var sym in syms)isSymbolDefined(sym)||(wasmImports[sym]=syms[sym])}'
	},
	{
		name: 'relocateExports',
		originals: [
			'relocateExports=(e,t,r)=>{var n={};for(var a in e){var l=e[a];typeof l=="object"&&(l=l.value),typeof l=="number"&&(l+=t),n[a]=l}return updateGOT(n,r),n},',
			'relocateExports=(e,t,r)=>{var n={};for(var a in e){var o=e[a];typeof o=="object"&&(o=o.value),typeof o=="number"&&(o+=t),n[a]=o}return updateGOT(n,r),n},',
			'relocateExports=(e,r,t)=>{var n={};for(var a in e){var o=e[a];typeof o=="object"&&(o=o.value),typeof o=="number"&&(o+=r),n[a]=o}return updateGOT(n,t),n},'
		],
		// The original stays (side modules, and the main module when the lazy view cannot be exact); added after it:
		keep: true,
		patched: MAIN_LINKING
	},
	{
		name: 'the main module\'s linking',
		originals: ['wasmExports=relocateExports(wasmExports,1024);'],
		patched: 'wasmExports=relocateMainExports(wasmExports,1024);'
	},
	{
		name: 'the main module\'s merge',
		originals: ['mergeLibSymbols(wasmExports,"main"),LDSO.init(),'],
		patched: 'mergeMainSymbols(wasmExports),LDSO.init(),'
	},
	// Every way to load a side module or to list the main module's symbols fills in what was deferred first.
	{
		name: 'loadDynamicLibrary',
		originals: ['function loadDynamicLibrary(e,t={global:!0,nodelete:!0},r,n){', 'function loadDynamicLibrary(e,r={global:!0,nodelete:!0},t,n){'],
		keep: true,
		patched: 'flushDeferredLinking();'
	},
	{
		name: 'loadWebAssemblyModule',
		originals: ['loadWebAssemblyModule=(binary,flags,libName,localScope,handle)=>{'],
		keep: true,
		patched: 'flushDeferredLinking();'
	},
	{
		name: '__dlsym_js',
		originals: ['function __dlsym_js(e,t,r){', 'function __dlsym_js(e,r,t){'],
		keep: true,
		patched: 'flushDeferredLinking();'
	},
	{
		name: '__dlsym_catchup_js',
		originals: ['function __dlsym_catchup_js(e,t){', 'function __dlsym_catchup_js(e,r){'],
		keep: true,
		patched: 'flushDeferredLinking();'
	},
	{
		name: 'applySignatureConversions',
		originals: ['function applySignatureConversions(e){e=Object.assign({},e);'],
		patched: 'function applySignatureConversions(e){e=Object.create(e);'
	},
	{
		// DuckDB asks WASI's random_get for 4 bytes at a time, ~16,000 times per million rows stored (table samples'
		// seeds); each call went to crypto.getRandomValues, ~8 µs in Node: 60-130 ms per 1M-row import
		// (docs/performance.md, session 24). The same source's bytes, fetched 4 KiB at a time; each byte handed out
		// once and wiped from the pool; a request larger than the pool goes to the source directly.
		name: 'randomFill',
		originals: ['randomFill=e=>(randomFill=initRandomFill())(e)'],
		patched:
			'randomFill=out=>(randomFill=pooledRandomFill(initRandomFill()))(out),' +
			'pooledRandomFill=fill=>{var pool=new Uint8Array(4096),at=pool.length;return out=>{var n=out.length;if(n>pool.length)return fill(out);' +
			'if(at+n>pool.length){fill(pool);at=0}out.set(pool.subarray(at,at+n));pool.fill(0,at,at+n);at+=n;return out}}'
	}
];

/**
 * The glue's text with the replacements made. Throws, naming the file and the piece, when a glue copy does not
 * contain the exact original text (a different duckdb-wasm version: check the patch against its glue, then update it).
 * @param {string} text
 * @param {string} file for the error message
 */
export function patchGlue(text, file) {
	const copies = text.split('var GOT={}').length - 1;
	if (copies < 1) throw new Error(`duckdb-glue: ${file} has no Emscripten GOT ("var GOT={}"): not the duckdb-wasm 1.32.0 glue this patch was written for.`);
	let out = text;
	for (const { name, originals, patched, keep } of REPLACEMENTS) {
		let found = 0;
		for (const original of originals) {
			const parts = out.split(original);
			found += parts.length - 1;
			const replacement = name === 'updateGOT' ? patched + original.replace('updateGOT=', 'updateGOTEager=') : keep ? original + patched : patched;
			out = parts.join(replacement);
		}
		if (found !== copies) {
			throw new Error(`duckdb-glue: ${file}: ${name} matched ${found} times for ${copies} glue copies. @duckdb/duckdb-wasm is not the 1.32.0 this patch was written for: check scripts/duckdb-glue.mjs against the new glue.`);
		}
	}
	return out;
}

/**
 * What the Node glue require()s apache-arrow as: the package's single-file build (the same 148 exports, one file of
 * 0.2 MB) instead of its Node entry, which requires about 150 files: 26-44 ms instead of 105-176 ms of every start of
 * the Node engine (docs/performance.md, session 33). The glue reads Table, RecordBatchReader, tableToIPC and Type,
 * which both builds define alike; the Node entry adds only Node-stream adapters, which nothing here uses. The command
 * line takes the same copy (scripts/build-cli.mjs).
 */
export const NODE_ARROW = 'apache-arrow/Arrow.esnext.min';

/**
 * The Node glue's text with its require of apache-arrow pointed at {@link NODE_ARROW}. Throws, naming the file, when
 * the glue does not require the package exactly as duckdb-wasm 1.32.0's does (twice).
 * @param {string} text
 * @param {string} file
 */
export function patchArrowRequire(text, file) {
	const parts = text.split('require("apache-arrow")');
	if (parts.length - 1 !== 2) throw new Error(`duckdb-glue: ${file} requires apache-arrow ${parts.length - 1} times, not the 2 of duckdb-wasm 1.32.0: check scripts/duckdb-glue.mjs against the new glue.`);
	return parts.join(`require(${JSON.stringify(NODE_ARROW)})`);
}

/** Writes the patched copies (only those that changed) and returns their directory. */
export function writePatchedGlue() {
	const dir = patchedGlueDir();
	const dist = resolve(dir, '../../@duckdb/duckdb-wasm/dist');
	mkdirSync(dir, { recursive: true });
	for (const file of GLUE_FILES) {
		const glue = patchGlue(readFileSync(join(dist, file), 'utf8'), file);
		const patched = file === 'duckdb-node-blocking.cjs' ? patchArrowRequire(glue, file) : glue;
		const target = join(dir, file);
		if (!existsSync(target) || readFileSync(target, 'utf8') !== patched) writeFileSync(target, patched);
	}
	// The eh module (every current browser, and Node) without the exports only an extension could read. The mvp
	// module, for browsers without wasm exceptions, stays the package's.
	writeSlimWasm(join(dist, 'duckdb-eh.wasm'), dir, EH_GLUE_FILES);
	return dir;
}

/**
 * Vite plugin: writes the patched copies when the config loads and serves them for the app's `?url` imports of the
 * package's browser workers and eh module (src/lib/engine/engine-files.ts keeps importing the package paths).
 * @returns {import('vite').Plugin}
 */
export function duckdbGluePlugin() {
	const dir = writePatchedGlue();
	const served = /^@duckdb\/duckdb-wasm\/dist\/(duckdb-browser-(?:eh|mvp)\.worker\.js|duckdb-eh\.wasm)(\?url)?$/;
	return {
		name: 'zhijia-duckdb-glue',
		enforce: 'pre',
		resolveId(source) {
			const m = served.exec(source);
			return m ? join(dir, m[1]) + (m[2] ?? '') : null;
		}
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.log(`zhijia duckdb-wasm glue patched: ${writePatchedGlue()}`);
}
