/**
 * Only the start-up figures (the "#16" targets of `npm run bench`), without the city (a few minutes instead of the whole bench):
 * fresh-profile cold start (first chart: the build's snapshot; first live chart), the throttled first visit and
 * the second visit (bench/start.ts), with the same targets and verdicts as `npm run bench`.
 *
 *   node --import tsx bench/start-only.ts [--runs 3] [--json file]     (needs `npm run build` first)
 */
import { loadavg } from 'node:os';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';
import { chromiumPath } from '../tests/browser/chromium';
import { ARGS, BROWSER_TASKS, coldNote, coldStarts } from './browser';
import type { Ctx } from './import';
import { notesText, Results, resultsTable, targetsTable, type TargetCheck } from './report';
import { startFigures, START_TASKS } from './start';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 3;
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const started = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const loads: number[] = [loadavg()[0]];
const results = new Results();

const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium was not found (set CHROMIUM_PATH).');
const app = await serve({ dir: 'build', port: 0 });
const browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
try {
	const c = await coldStarts(browser, app.url, runs);
	results.add(BROWSER_TASKS.cold, 'chromium', c.cold, 'ms', coldNote(c));
	results.add('cold start → first live chart (sample)', 'chromium', c.live, 'ms', 'fresh profile: navigation start to the overview chart of live results');
	log(`cold start: runs ${c.cold.map((v) => v.toFixed(0)).join(', ')} ms; live ${c.live.map((v) => v.toFixed(0)).join(', ')} ms`);
} finally {
	await browser.close();
	await app.close();
}
loads.push(loadavg()[0]);
// startFigures only needs the results and the log of the bench's context.
await startFigures({ results, log } as unknown as Ctx, 'build', runs);
loads.push(loadavg()[0]);

const value = (task: string) => results.get(task, 'chromium');
const check = (target: string, v: number | null, limit: number, note?: string): TargetCheck => ({ target, value: v, limit, unit: 'ms', met: v === null ? null : v <= limit, note });
const targets = [
	check('#16 first chart, fresh profile, sample district', value(BROWSER_TASKS.cold), 1500),
	check('#16 first chart, fresh profile, 20 Mbit/s + 40 ms', value(START_TASKS.throttled), 1500),
	check('#16 first chart, second visit', value(START_TASKS.secondChart), 800),
	check('#16 engine ready, second visit', value(START_TASKS.secondEngine), 1000, value(START_TASKS.bareEngine) === null ? undefined : `the engine alone: ${value(START_TASKS.bareEngine)!.toFixed(0)} ms`)
];
console.log(`\nload average (1 min) during the run: ${loads.map((l) => l.toFixed(1)).join(', ')} (2 cores)\n`);
console.log(resultsTable(results));
console.log('');
console.log(targetsTable(targets));
console.log('\nNotes:');
console.log(notesText(results));
if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ mode: 'start-only', date: new Date().toISOString(), loadavg: loads, figures: results.figures, targets }, null, 2) + '\n');
