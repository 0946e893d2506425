#!/usr/bin/env node
// The `zhijia` command line. Node 20 cannot run TypeScript itself, so tsx's loader is registered first and the
// CLI's source (src/cli/main.ts) is imported through it: the CLI runs the very modules the app uses.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
