#!/usr/bin/env node
// The `zhijia` command line. It runs the built JavaScript (dist/cli/zhijia.mjs, made from src/cli/main.ts by
// scripts/build-cli.mjs on `npm ci` and before the unit tests): nothing is compiled at run time.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/zhijia.mjs', import.meta.url);
if (!existsSync(built)) {
	process.stderr.write('zhijia: the command line is not built (dist/cli/zhijia.mjs is missing). Run `npm run build:cli` (or `npm ci`) first.\n');
	process.exit(2);
}
const { main } = await import(built.href);
process.exitCode = await main(process.argv.slice(2));
