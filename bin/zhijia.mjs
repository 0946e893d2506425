#!/usr/bin/env node
// The `zhijia` command line. It runs the built JavaScript (dist/cli/zhijia.mjs, made from src/cli/main.ts by
// scripts/build-cli.mjs on `npm ci` and before the unit tests): nothing is compiled at run time.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// DuckDB-wasm is a 34 MB module compiled lazily by Liftoff. V8 re-compiles a function with TurboFan once it has run
// a budget's worth of code (13M "bytes executed" by default): in a command of a few seconds that is ~40 functions
// compiled for seconds of CPU, most of it after the command needed them (docs/performance.md, the command line's
// wasm start-up). Ten times the budget keeps TurboFan for what is really hot in a long import. Set before the
// module is compiled; a flag given on the command line or in NODE_OPTIONS wins.
if (!process.execArgv.concat(process.env.NODE_OPTIONS ?? '').join(' ').includes('--wasm-tiering-budget')) {
	setFlagsFromString('--wasm-tiering-budget=130000000');
}

const built = new URL('../dist/cli/zhijia.mjs', import.meta.url);
if (!existsSync(built)) {
	process.stderr.write('zhijia: the command line is not built (dist/cli/zhijia.mjs is missing). Run `npm run build:cli` (or `npm ci`) first.\n');
	process.exit(2);
}

// The commands that start the wasm engine (validate: for files that reach the checks over all rows): its module is
// read and compiled on another thread (node-module.ts) while this one loads the command, instead of after (0.2-0.3 s
// of `zhijia analyze`, docs/performance.md session 33). Errors are left to the engine's own start, which reports them.
const args = process.argv.slice(2);
const nativeEngine = args.some((a, i) => a === '--engine=native' || (a === '--engine' && args[i + 1] === 'native'));
const help = args.includes('--help') || args.includes('-h');
if (['analyze', 'import', 'validate', 'subsidy', 'reserve'].includes(args[0]) && !nativeEngine && !help) {
	import(new URL('../dist/cli/engine-module.mjs', import.meta.url).href)
		.then((m) => m.compileEngineModule())
		.catch(() => {});
}
const { main } = await import(built.href);
process.exitCode = await main(args);
