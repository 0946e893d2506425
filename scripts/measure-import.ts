/**
 * Measures the import pipeline on a long-form scores CSV (default 1,000,000 rows, about 40 MB) in Node,
 * on the same duckdb-wasm engine the browser uses: read + decode + parse, normalise + row checks (zod),
 * staging + bulk checks (DuckDB) + commit. Prints one line per phase and the overall rows per second.
 *
 *   npx tsx scripts/measure-import.ts [rows] [--json]
 *
 * The estates the scores refer to are committed first (not timed), so the reference check runs for real.
 */
import { startNodeEngine } from '../src/lib/engine/node';
import { commitImport, prepareImport, type ImportProgress } from '../src/lib/import/index';
import { INDICATOR_CODES } from '../src/lib/data/indicators';

const args = process.argv.slice(2);
const rows = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const asJson = args.includes('--json');

/** Deterministic scores CSV: estates × quarters × 12 indicators (11 inspection + satisfaction). */
function buildScoresCsv(target: number): { csv: Uint8Array; estates: Uint8Array; rows: number } {
	const indicators = [...INDICATOR_CODES.map((i) => i.code), 'satisfaction'];
	const periods = ['2023Q1', '2023Q2', '2023Q3', '2023Q4', '2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'];
	const perEstate = indicators.length * periods.length;
	const estateCount = Math.ceil(target / perEstate);
	let seed = 42;
	const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const lines = ['estate_id,period,indicator,score,source'];
	let n = 0;
	outer: for (let e = 1; e <= estateCount; e++) {
		const id = `E${String(e).padStart(6, '0')}`;
		for (const p of periods)
			for (const ind of indicators) {
				if (n >= target) break outer;
				lines.push(`${id},${p},${ind},${(55 + rnd() * 45).toFixed(1)},${ind === 'satisfaction' ? 'satisfaction' : 'inspection'}`);
				n++;
			}
	}
	const est = ['estate_id,name,estate_type,building_type,chargeable_area_m2,households,has_elevator'];
	for (let e = 1; e <= estateCount; e++) est.push(`E${String(e).padStart(6, '0')},小区${e},commercial,high,${50000 + e},${500 + (e % 300)},true`);
	const enc = new TextEncoder();
	return { csv: enc.encode(lines.join('\n') + '\n'), estates: enc.encode(est.join('\n') + '\n'), rows: n };
}

const { csv, estates, rows: n } = buildScoresCsv(rows);
const engine = await startNodeEngine();
const est = await prepareImport({ name: 'estates.csv', bytes: estates });
const estResult = await commitImport(engine, est);
if (!estResult.committed) throw new Error(`estates not committed: ${estResult.reason}`);

const phases: Record<string, number> = {};
let last = performance.now();
let lastPhase = 'start';
const onProgress = (p: ImportProgress) => {
	if (p.phase !== lastPhase) {
		const t = performance.now();
		phases[lastPhase] = (phases[lastPhase] ?? 0) + (t - last);
		last = t;
		lastPhase = p.phase;
	}
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const prepared = await prepareImport({ name: 'scores.csv', bytes: csv }, { onProgress });
const t1 = performance.now();
const result = await commitImport(engine, prepared, { mode: 'replace', onProgress });
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
phases[lastPhase] = (phases[lastPhase] ?? 0) + (t2 - last);
const count = await engine.scalar('SELECT count(*)::INTEGER FROM scores');
await engine.close();

const out = {
	rows: n,
	megabytes: +(csv.byteLength / 1e6).toFixed(1),
	committed: result.committed,
	rowsInTable: count,
	prepareSeconds: +((t1 - t0) / 1000).toFixed(2),
	commitSeconds: +((t2 - t1) / 1000).toFixed(2),
	totalSeconds: +((t2 - t0) / 1000).toFixed(2),
	rowsPerSecond: Math.round(n / ((t2 - t0) / 1000)),
	/** CPU time of this process (JS and wasm), less sensitive than wall time to other load on the machine. */
	cpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
	rowsPerCpuSecond: Math.round(n / ((cpu.user + cpu.system) / 1e6)),
	phasesSeconds: Object.fromEntries(Object.entries(phases).filter(([k]) => k !== 'start').map(([k, v]) => [k, +(v / 1000).toFixed(2)])),
	heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1e6),
	rssMB: Math.round(process.memoryUsage().rss / 1e6)
};
if (asJson) console.log(JSON.stringify(out));
else {
	console.log(`scores CSV: ${out.rows.toLocaleString('en')} rows, ${out.megabytes} MB; committed: ${out.committed} (${out.rowsInTable.toLocaleString('en')} rows in table)`);
	console.log(`prepare (read, decode, parse, normalise, zod): ${out.prepareSeconds} s`);
	console.log(`commit (stage, bulk checks, transaction):      ${out.commitSeconds} s`);
	console.log(`phases (s): ${JSON.stringify(out.phasesSeconds)}`);
	console.log(`total ${out.totalSeconds} s = ${out.rowsPerSecond.toLocaleString('en')} rows/s (CPU ${out.cpuSeconds} s = ${out.rowsPerCpuSecond.toLocaleString('en')} rows per CPU second); heap ${out.heapUsedMB} MB, rss ${out.rssMB} MB`);
}
