/**
 * `npm run bench`: how fast Zhijia is at city scale, in Node (the app's wasm engine) and in Chromium (the
 * built app), beside native DuckDB (1 thread and all threads), Arquero and a typed-array floor, on the same data and
 * machine in the same run. Prints one table of medians and ratios, then the targets and whether they are met.
 *
 *   node --max-old-space-size=6144 --import tsx bench/run.ts [--quick] [--json file] [--no-browser] [--no-node]
 *        [--only analysis,import,cli,browser,city,market]
 *
 * --quick: the quick city (2,000 estates, 1.4M score rows) and fewer runs, under 3 minutes; every figure is still
 * printed with its baselines. --only city: just the city in Chromium (load, first district visit, weight and
 * period changes), without the start-up figures. Without it: the city (13,000 estates × 60 months × 12 indicators, 2M tickets).
 * The data is generated once per size and seed into bench/.data/ (data/generate-city.mjs) and reused.
 * Method, machine and results: docs/performance.md.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { arqueroTables } from './arquero';
import { ANALYSIS_TASKS, arqueroAnalysis, DEFAULT_SETTINGS, engineAnalysis, typedAnalysis, type Summaries } from './analysis';
import { browserFigures, BROWSER_TASKS } from './browser';
import { cliFigures, startFigures, START_TASKS } from './start';
import { CITY_TABLES, loadCity, nativeLoad, text } from './data';
import { startNative, startWasm } from './engines';
import { cityFiles, IMPORT_TASKS, jsImports, nativeImports, wasmCityCsv, wasmImports, type Ctx } from './import';
import { loadCanonicalCsvs } from '../src/lib/workspace/canonical-csv';
import { runAnalysis } from '../src/lib/queries/analysis';
import { loadSubsidyPlan } from '../src/lib/queries/subsidy';
import { SHAOXING_SPLIT } from '../src/lib/domain/subsidy';
import { notesText, ratiosOf, Results, resultsTable, targetsTable, ENGINES, type TargetCheck } from './report';
import { ratio } from './stats';
import { marketFigures, MARKET_TASKS } from './market';
import { parseScoresCsv, readEstates } from './typed';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const jsonPath = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const withBrowser = !args.includes('--no-browser');
const withNode = !args.includes('--no-node');
/** --only: the parts to run (analysis, import, cli, browser, city, market); all when absent. Targets of parts not run show '—'. */
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : null;
const part = (name: 'analysis' | 'import' | 'cli' | 'browser' | 'city' | 'market') => only === null || only.has(name);
/** --only city without browser: the city in Chromium alone, not the start-up figures. */
const cityOnly = only !== null && only.has('city') && !only.has('browser');
const started = performance.now();
const log = (msg: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
const loads: { at: string; load1: number }[] = [];
const noteLoad = (at: string) => loads.push({ at, load1: loadavg()[0] });

const city = await loadCity(quick ? 'quick' : 'city', log);
const results = new Results();
const ctx: Ctx = { city, results, runs: quick ? 3 : 7, slowRuns: quick ? 1 : 3, log };
const summaries: Summaries = {};
log(`${city.size} city: ${city.estates} estates, ${city.scoreRows} score rows, ${city.ticketRows} tickets, ${city.periods.length} periods`);
noteLoad('start');

/** The app's wasm engine in Node: the city through the canonical loader, memory, analysis, subsidy; then imports. */
async function wasmFamily(): Promise<void> {
	log('wasm (Node): city CSV, analysis, subsidy');
	const wasm = await startWasm();
	const heap = await wasmCityCsv(ctx, wasm.engine, wasm.heapBytes);
	const tables = await wasm.engine.scalar(`SELECT sum(memory_usage_bytes)::DOUBLE AS n FROM duckdb_memory()`);
	results.add(BROWSER_TASKS.memory, 'wasm', [heap / 2 ** 20], 'MB', `wasm linear memory after the first load of the city into a fresh engine; DuckDB counts ${(tables / 2 ** 20).toFixed(0)} MB of it as in use after ${ctx.slowRuns === 1 ? 'that load' : `${ctx.slowRuns} loads`}`);
	if (part('analysis')) await engineAnalysis(ctx, wasm.engine, 'wasm', summaries, wasm.sqlMs);
	const afterAll = wasm.heapBytes() / 2 ** 20;
	await wasm.engine.close();
	if (!part('import')) return;

	noteLoad('after wasm analysis');
	log('wasm (Node): 1M-row and Parquet imports');
	const fresh = await startWasm();
	await wasmImports(ctx, fresh.engine);
	await fresh.engine.close();
	// Measured last, so the extra engine's heap cannot slow the timed imports above.
	// What a tab keeps: one load, the analysis and the subsidy plan in a fresh engine (the heap never shrinks, so
	// the engine above, which loaded the city several times for timing, would overstate it).
	const once = await startWasm();
	await loadCanonicalCsvs(once.engine, cityFiles(city));
	await runAnalysis(once.engine, DEFAULT_SETTINGS);
	await loadSubsidyPlan(once.engine, SHAOXING_SPLIT);
	results.add(BROWSER_TASKS.memoryPeak, 'wasm', [once.heapBytes() / 2 ** 20], 'MB', `wasm linear memory after one load of the city, the analysis and the subsidy plan in a fresh engine (the peak: it never shrinks; ${afterAll.toFixed(0)} MB after ${ctx.slowRuns} loads and all the timed runs)`);
	await once.engine.close();
	noteLoad('after wasm imports');
}

/** Native DuckDB, one thread and all threads; returns the thread count DuckDB chose for "all". */
async function nativeFamily(): Promise<number> {
	let all = 0;
	for (const [threads, id] of [[1, 'native1'], [0, 'nativeAll']] as const) {
		log(ENGINES[id]);
		const native = await startNative(threads);
		if (threads === 0) all = native.threads;
		if (part('import')) await nativeImports(ctx, native.engine, id);
		else for (const t of CITY_TABLES) await nativeLoad(native.engine, t, city.path(`${t}.parquet`), true);
		results.add(BROWSER_TASKS.memory, id, [(await native.memoryBytes()) / 2 ** 20], 'MB', "DuckDB's own count (duckdb_memory()) with the city loaded");
		if (part('analysis')) await engineAnalysis(ctx, native.engine, id, summaries, native.sqlMs);
		await native.engine.close();
	}
	noteLoad('after native');
	return all;
}

/** The typed floor and Arquero, on the city's scores decoded once. */
async function jsFamily(): Promise<void> {
	log('typed arrays and Arquero');
	if (part('import')) await jsImports(ctx);
	if (!part('analysis')) return;
	const scores = parseScoresCsv(readFileSync(city.path('scores.csv')));
	const estates = readEstates(text(city, 'estates.csv'), text(city, 'fees.csv'));
	await typedAnalysis(ctx, scores, estates, summaries);
	await arqueroAnalysis(ctx, arqueroTables(scores, text(city, 'estates.csv'), text(city, 'fees.csv')), summaries);
	for (const t of [IMPORT_TASKS.cityCsv, IMPORT_TASKS.cityPq]) {
		results.missing(t, 'arquero', 'not measured: the whole city through aq.fromCSV needs several GB; see the 1M row');
		results.missing(t, 'typed', 'not measured: the 1M row gives the parser floor');
	}
	noteLoad('after typed and Arquero');
}

let nativeThreads = 0;
if (withNode) {
	await wasmFamily();
	nativeThreads = await nativeFamily();
	await jsFamily();
	if (part('cli')) {
		try {
			await cliFigures(ctx, quick ? 2 : 5);
		} catch (e) {
			results.missing(START_TASKS.cli, 'wasm', `not measured: ${(e as Error).message.split('\n')[0]}`);
		}
		noteLoad('after the command line');
	}
}

// Chromium.
let chromiumVersion: string | null = null;
let browserAgrees: boolean | null = null;
const failures: string[] = [];
if (withBrowser && (part('browser') || cityOnly)) {
	log('Chromium (built app)');
	try {
		const b = await browserFigures(
			ctx,
			quick ? { cold: 2, import1m: 1, weight: 5, period: 2 } : { cold: 5, import1m: 3, weight: 11, period: 5 },
			{ default: summaries.wasm?.default, weight: summaries.wasm?.weight },
			cityOnly
		);
		chromiumVersion = b.chromium;
		browserAgrees = b.agree;
	} catch (e) {
		// Keep the Node figures: report the failure with the figures instead of losing the run.
		failures.push(`Chromium: ${(e as Error).message.split('\n')[0]}`);
		log(`Chromium failed: ${(e as Error).message}`);
	}
	if (!cityOnly) {
		try {
			// The copy of build/ the Chromium family served (a rebuild during the run is harmless), else build/.
			const copy = join(city.dir, '..', 'build-snapshot');
			await startFigures(ctx, existsSync(join(copy, 'index.html')) ? copy : 'build', quick ? 1 : 3);
		} catch (e) {
			// Keep the Node figures: report the failure with the figures instead of losing the run.
			failures.push(`Chromium: ${(e as Error).message.split('\n')[0]}`);
			log(`Chromium failed: ${(e as Error).message}`);
		}
	}
	noteLoad('after Chromium');
} else {
	log('Chromium skipped (--no-browser or --only)');
}
// Market references: 100,000 listings imported, the market page redrawn after a filter change.
if (part('market')) {
	log('market references: 100,000 listings');
	try {
		await marketFigures(results, { runs: quick ? 2 : 5, node: withNode, browser: withBrowser, log });
	} catch (e) {
		failures.push(`market: ${(e as Error).message.split('\n')[0]}`);
		log(`market failed: ${(e as Error).message}`);
	}
	noteLoad('after market');
}
results.missing(IMPORT_TASKS.cityPq, 'chromium', 'not measured: the data page refuses files above BROWSER_IMPORT_LIMIT_BYTES; the city loads through the start-up loader (CSV row)');

// Agreement: every engine gives the wasm engine's counts and top ten, for the default weights and the changed one.
const reference = summaries.wasm;
const agreement: Record<string, boolean | null> = {};
for (const [id, s] of Object.entries(summaries)) agreement[id] = reference ? JSON.stringify(s) === JSON.stringify(reference) : null;
agreement.chromium = browserAgrees;

// City-scale targets (docs/performance.md).
const get = (task: string, e: Parameters<Results['get']>[1]) => results.get(task, e);
const A = ANALYSIS_TASKS;
const I = IMPORT_TASKS;
const B = BROWSER_TASKS;
const check = (target: string, value: number | null, limit: number, unit: string, ok: (v: number) => boolean, note?: string): TargetCheck => ({
	target,
	value,
	limit,
	unit,
	met: value === null ? null : ok(value),
	note
});
/** A target's note with a baseline of the same run beside it (what the engine alone needs), when it was measured. */
const withBaseline = (note: string | undefined, what: string, value: number | null, unit: 'ms' | '×'): string | undefined =>
	[note, value === null ? null : `${what}: ${unit === 'ms' ? `${value.toFixed(0)} ms` : `${value.toFixed(2)}×`}`].filter(Boolean).join('; ') || undefined;
const weightChart = get(B.weightChart, 'chromium');
const targets: TargetCheck[] = [
	check('weight change → ranking, Chromium (UI)', get(A.weight, 'chromium'), 50, 'ms', (v) => v <= 50, weightChart === null ? undefined : `the scatter follows at ${weightChart.toFixed(0)} ms`),
	check('weight change → ranking, wasm Node (runAnalysis)', get(A.weight, 'wasm'), 50, 'ms', (v) => v <= 50, 'the engine part of the interaction, no DOM'),
	check('full analysis: wasm ÷ native all threads', ratio(get(A.analysis, 'wasm'), get(A.analysis, 'nativeAll')), 2, '×', (v) => v <= 2, 'at most 2×'),
	check('full analysis: Arquero ÷ wasm', ratio(get(A.analysis, 'arquero'), get(A.analysis, 'wasm')), 5, '×', (v) => v >= 5, 'at least 5×'),
	check('full analysis: wasm ÷ typed floor', ratio(get(A.analysis, 'wasm'), get(A.analysis, 'typed')), 3, '×', (v) => v <= 3, 'at most 3×'),
	check('1M-row CSV import: wasm ÷ native all threads', ratio(get(I.csv1m, 'wasm'), get(I.csv1m, 'nativeAll')), 3, '×', (v) => v <= 3, 'canonical loader; at most 3×'),
	check('1M-row CSV import, validated: wasm ÷ native all', ratio(get(I.csv1mValidated, 'wasm'), get(I.csv1mValidated, 'nativeAll')), 3, '×', (v) => v <= 3, 'the import a user file goes through; at most 3×'),
	check('cold start → first chart, Chromium', get(B.cold, 'chromium'), 2500, 'ms', (v) => v <= 2500),
	check('city in wasm memory (Node, exact heap)', get(B.memory, 'wasm'), 1536, 'MB', (v) => v <= 1536),
	check('city in wasm memory after the subsidy plan (Node)', get(B.memoryPeak, 'wasm'), 1536, 'MB', (v) => v <= 1536, 'the heap never shrinks: the peak is what the tab keeps'),
	check('city in Chromium (renderer RSS after load, upper bound)', get(B.memory, 'chromium'), 1536, 'MB', (v) => v <= 1536, 'includes the CSV text and the page, not only wasm'),
	check('longest main-thread task, city import (Chromium)', get(B.longImport, 'chromium'), 100, 'ms', (v) => v <= 100),
	check('longest main-thread task, data page import (Chromium)', get(B.longImportPage, 'chromium'), 100, 'ms', (v) => v <= 100, '1M rows, CSV and Parquet'),
	check('longest main-thread task, recompute (Chromium)', get(B.longRecompute, 'chromium'), 100, 'ms', (v) => v <= 100, 'weight and period changes'),
	check('market: filter change → page redrawn, Chromium (100,000 listings)', get(MARKET_TASKS.redraw, 'chromium'), 500, 'ms', (v) => v <= 500, 'binned in SQL; stays interactive'),
	check('longest main-thread task, first district visit (Chromium)', get(B.longFirstVisit, 'chromium'), 100, 'ms', (v) => v <= 100, 'page mount and the first analysis'),
	// Start-up and engine-speed targets (stricter where they overlap the ones above).
	check('#16 first chart, fresh profile, sample district', get(B.cold, 'chromium'), 1500, 'ms', (v) => v <= 1500),
	check('#16 first chart, fresh profile, 20 Mbit/s + 40 ms', get(START_TASKS.throttled, 'chromium'), 1500, 'ms', (v) => v <= 1500, 'held to the fresh-profile target'),
	check('#16 first chart, second visit', get(START_TASKS.secondChart, 'chromium'), 800, 'ms', (v) => v <= 800, 'the start-up snapshot, marked as such'),
	check('#16 engine ready, second visit', get(START_TASKS.secondEngine, 'chromium'), 1000, 'ms', (v) => v <= 1000, withBaseline(undefined, 'the engine alone', get(START_TASKS.bareEngine, 'chromium'), 'ms')),
	check('#16 full analysis: wasm ÷ native all threads', ratio(get(A.analysis, 'wasm'), get(A.analysis, 'nativeAll')), 1.5, '×', (v) => v <= 1.5, 'at most 1.5×'),
	check('#16 full analysis: Arquero ÷ wasm', ratio(get(A.analysis, 'arquero'), get(A.analysis, 'wasm')), 3, '×', (v) => v >= 3, withBaseline('at least 3×', 'Arquero ÷ native all threads', ratio(get(A.analysis, 'arquero'), get(A.analysis, 'nativeAll')), '×')),
	check('#16 full analysis: wasm ÷ typed floor', ratio(get(A.analysis, 'wasm'), get(A.analysis, 'typed')), 5, '×', (v) => v <= 5, withBaseline('at most 5×', 'native all threads ÷ typed floor', ratio(get(A.analysis, 'nativeAll'), get(A.analysis, 'typed')), '×')),
	check('#16 1M-row CSV import, validated: wasm ÷ native read_csv', ratio(get(I.csv1mValidated, 'wasm'), get(I.csv1mValidated, 'nativeAll')), 5, '×', (v) => v <= 5, withBaseline('at most 5×', "wasm's own read_csv, no validation", ratio(get(I.csv1m, 'wasm'), get(I.csv1m, 'nativeAll')), '×')),
	check('#16 1M-row Parquet import, validated: wasm ÷ native read_parquet', ratio(get(I.pq1m, 'wasm'), get(I.pq1m, 'nativeAll')), 5, '×', (v) => v <= 5, withBaseline('at most 5×', 'reading alone (readParquet)', ratio(get(I.pq1m, 'typed'), get(I.pq1m, 'nativeAll')), '×')),
	check('#16 city: weight change → ranking, Chromium', get(A.weight, 'chromium'), 16, 'ms', (v) => v <= 16, 'median'),
	check('#16 city: longest task, first district visit', get(B.longFirstVisit, 'chromium'), 50, 'ms', (v) => v <= 50),
	check('#16 zhijia analyze data/sample, --engine native', get(START_TASKS.cli, 'nativeAll'), 1000, 'ms', (v) => v <= 1000, 'wall time'),
	check('#16 zhijia analyze data/sample, wasm', get(START_TASKS.cli, 'wasm'), 2000, 'ms', (v) => v <= 2000, 'wall time')
];

const machine = {
	cpu: cpus()[0]?.model ?? 'unknown',
	cores: cpus().length,
	memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
	node: process.version,
	chromium: chromiumVersion,
	nativeThreads,
	loadavg: loads
};

console.log('');
console.log(`Zhijia bench (${quick ? 'quick' : 'full'}): ${city.estates} estates, ${city.scoreRows.toLocaleString('en')} score rows, ${city.ticketRows.toLocaleString('en')} tickets`);
console.log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, Chromium ${machine.chromium ?? '—'}, native DuckDB threads: ${nativeThreads}`);
console.log(`load average (1 min) during the run: ${loads.map((l) => l.load1.toFixed(1)).join(', ')} (2 cores: above 2 means the figures are inflated)`);
console.log('');
console.log(resultsTable(results));
console.log('');
console.log(`Agreement with the wasm engine's answer (fit-class counts and top ten, default and changed weight): ${Object.entries(agreement).map(([k, v]) => `${k} ${v === null ? '—' : v ? 'yes' : 'NO'}`).join(', ')}`);
console.log('');
console.log(targetsTable(targets));
console.log('');
if (failures.length > 0) console.log(`FAILED: ${failures.join('; ')}\n`);
console.log('Notes:');
console.log(notesText(results));
log('done');

if (jsonPath) {
	const figures = results.figures.map((f) => ({ ...f, engineName: ENGINES[f.engine] }));
	const ratios = Object.fromEntries(results.tasks().map((t) => [t, ratiosOf(results, t)]));
	const data = { size: city.size, estates: city.estates, scoreRows: city.scoreRows, ticketRows: city.ticketRows, periods: city.periods.length, scoresCsvBytes: city.bytes('scores.csv') };
	writeFileSync(jsonPath, JSON.stringify({ mode: quick ? 'quick' : 'full', date: new Date().toISOString(), machine, data, figures, ratios, targets, agreement, failures }, null, 2) + '\n');
	log(`wrote ${jsonPath}`);
}
