/**
 * The Node engine's wasm module, compiled once per process and shared by every engine started in it.
 *
 * Why: reading the 27 MB module and compiling it took about 0.3 s of the command line's start on the main thread
 * (docs/performance.md, "The command line's module compiled while it loads"). A worker thread reads and compiles it
 * instead, so bin/zhijia.mjs starts that (through the small dist/cli/engine-module.mjs) before it loads the command's
 * own JavaScript, and the two overlap. A later engine in the same process (the tests start many) instantiates the
 * module it already has.
 *
 * No other import than Node's own: the early entry must load in a moment.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);

/** The package's dist folder (its own modules: the mvp module and the workers). */
export function duckdbDistDir(): string {
	return dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
}

/** Where scripts/duckdb-glue.mjs writes the patched glue and the eh module without its extension-only exports. */
export function patchedDir(): string {
	return resolve(duckdbDistDir(), '../../../.cache/zhijia-duckdb-glue');
}

/** The eh module the Node engine runs (scripts/wasm-exports.mjs wrote it; the browser loads the same one). */
export function engineModulePath(): string {
	const eh = join(patchedDir(), 'duckdb-eh.wasm');
	if (!existsSync(eh)) throw new Error(`The engine's module is missing (${eh}). Run \`node scripts/duckdb-glue.mjs\` (or \`npm ci\`) first.`);
	return eh;
}

/** Reads and compiles the module in this thread (the fallback when no worker thread can be started). */
async function compileHere(path: string): Promise<WebAssembly.Module> {
	return WebAssembly.compile(await readFile(path));
}

/**
 * Reads and compiles the module in a worker thread and takes the compiled module from it: Node passes a
 * WebAssembly.Module between threads without compiling it again. (`WebAssembly.compile` in this thread still ran
 * its decoding and set-up here, and only once the command's loading had let go of the thread.) A worker that cannot
 * start or stops without a module leaves the compile to this thread; a module that does not compile fails here too.
 */
function compileInWorker(path: string): Promise<WebAssembly.Module> {
	const source = `const { parentPort, workerData } = require('node:worker_threads');
require('node:fs/promises').readFile(workerData).then((b) => WebAssembly.compile(b)).then((m) => parentPort.postMessage(m), () => parentPort.postMessage(null));`;
	return new Promise<WebAssembly.Module | null>((settle) => {
		let worker: Worker;
		try {
			worker = new Worker(source, { eval: true, workerData: path });
		} catch {
			settle(null);
			return;
		}
		worker.unref();
		worker.once('message', (m: unknown) => {
			settle(m instanceof WebAssembly.Module ? m : null);
			void worker.terminate();
		});
		worker.once('error', () => settle(null));
		worker.once('exit', () => settle(null));
	}).then((module) => module ?? compileHere(path));
}

let compiled: { path: string; module: Promise<WebAssembly.Module> } | null = null;

/**
 * The compiled module at `path` (default: the engine's), started on the first call and the same promise after. A
 * failed compile is not kept: the next call tries again and reports its own error.
 */
export function compileEngineModule(path: string = engineModulePath()): Promise<WebAssembly.Module> {
	if (compiled?.path === path) return compiled.module;
	const module = compileInWorker(path);
	const entry = { path, module };
	compiled = entry;
	module.catch(() => {
		if (compiled === entry) compiled = null;
	});
	return module;
}
