/**
 * The city generator (data/generate-city.mjs) at a tiny size: deterministic, canonical, loadable by the app, and
 * cached. The benchmark trusts the city's shape; these tests are why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type ColumnMeta, type DatasetId } from '$lib/data/datasets';
import { startNodeEngine } from '$lib/engine/node';
import { loadCanonicalCsvs } from '$lib/workspace/canonical-csv';
import { runAnalysis } from '$lib/queries/analysis';
import { readParquet } from '$lib/import/parquet';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, DEFAULT_INDICATOR_SYSTEM } from '$lib/domain';
import { cityOptions, ensureCity, generateCity, readManifest, SIZES, type Manifest } from '../../../data/generate-city.mjs';
import { coerce, parseCsv } from '../data/csv';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'zhijia-city-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CSV_FILES = ['estates.csv', 'scores.csv', 'fees.csv', 'tickets.csv', 'costs.csv', 'unit_sizes.csv'];
const tiny = cityOptions({ size: 'tiny', out: join(root, 'a') });
let manifest: Manifest;
const read = (file: string) => readFileSync(join(tiny.out, file), 'utf8');

/** Rows of a city file as canonical typed records (as the sample tests read the sample). */
function records(file: string, dataset: DatasetId): { header: string[]; rows: Record<string, unknown>[] } {
	const { header, rows } = parseCsv(read(file));
	const byName = new Map((DATASETS[dataset].columns as readonly ColumnMeta[]).map((c) => [c.name, c]));
	return { header, rows: rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, coerce(byName.get(h)!, cells[i] ?? '')]))) };
}

beforeAll(async () => {
	manifest = await generateCity(tiny);
});

describe('generate-city.mjs', () => {
	it('writes the same bytes through the CLI with the same size and seed, and other bytes with another seed', async () => {
		const cli = join(root, 'cli');
		await run(process.execPath, [join(process.cwd(), 'data', 'generate-city.mjs'), '--size', 'tiny', '--out', cli, '--no-parquet']);
		for (const f of [...CSV_FILES, 'scores-1m.csv']) expect(readFileSync(join(cli, f)).equals(readFileSync(join(tiny.out, f))), f).toBe(true);
		const other = await generateCity(cityOptions({ size: 'tiny', seed: 7, parquet: false, out: join(root, 'seed7') }));
		expect(readFileSync(join(root, 'seed7', 'scores.csv')).equals(readFileSync(join(tiny.out, 'scores.csv')))).toBe(false);
		expect(other.files.find((f) => f.file === 'estates.csv')?.rows).toBe(SIZES.tiny.estates);
	});

	it('writes canonical headers and rows every schema accepts', () => {
		const files: [string, DatasetId][] = [
			['estates.csv', 'estates'],
			['scores.csv', 'scores'],
			['fees.csv', 'fees'],
			['tickets.csv', 'tickets'],
			['costs.csv', 'costs'],
			['unit_sizes.csv', 'unit_sizes']
		];
		for (const [file, dataset] of files) {
			const { header, rows } = records(file, dataset);
			expect(header, file).toEqual(DATASETS[dataset].columns.map((c) => c.name));
			for (const r of rows) {
				const parsed = DATASETS[dataset].schema.safeParse(r);
				if (!parsed.success) expect.fail(`${file}: ${JSON.stringify(r)}: ${parsed.error.issues[0].message}`);
			}
			const text = read(file);
			expect(text.endsWith('\n') && !/["\r]/.test(text), file).toBe(true);
		}
	});

	it('scores every estate every month on the twelve indicators, without an elevator score where there is no elevator', () => {
		const estates = records('estates.csv', 'estates').rows;
		const scores = records('scores.csv', 'scores').rows;
		expect(manifest.periods).toHaveLength(SIZES.tiny.months);
		expect(manifest.periods[0]).toBe('2021-01');
		for (const p of manifest.periods) expect(p).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
		const withElevator = estates.filter((e) => e.has_elevator).length;
		expect(scores).toHaveLength(manifest.periods.length * (estates.length * 11 + withElevator));
		const codes = new Set(scores.map((s) => s.indicator));
		expect([...codes].sort()).toEqual([...DEFAULT_INDICATOR_SYSTEM.indicators.map((i) => i.code), 'satisfaction'].sort());
		const noElevator = new Set(estates.filter((e) => !e.has_elevator).map((e) => e.estate_id));
		expect(scores.some((s) => s.indicator === 'elevator' && noElevator.has(s.estate_id as string))).toBe(false);
		expect(read('scores-1m.csv')).toBe(read('scores.csv')); // fewer than a million rows: the subset is everything
	});

	it('numbers tickets per year in time order, closing none before it opened', () => {
		const { rows } = records('tickets.csv', 'tickets');
		expect(rows.length).toBeGreaterThan(SIZES.tiny.tickets * 0.8);
		expect(new Set(rows.map((t) => t.ticket_id)).size).toBe(rows.length);
		for (let i = 1; i < rows.length; i++) expect(rows[i].opened_at as string >= (rows[i - 1].opened_at as string)).toBe(true);
		expect(rows[0].ticket_id).toBe(`WG${String(rows[0].opened_at).slice(0, 4)}0000001`);
	});

	it('loads through the app: the canonical loader takes the CSV files and the analysis ranks every estate', async () => {
		const engine = await startNodeEngine();
		try {
			await loadCanonicalCsvs(engine, (['estates', 'scores', 'fees', 'tickets'] as const).map((d) => ({ dataset: d, name: `${d}.csv`, text: read(`${d}.csv`) })));
			expect(await engine.scalar('SELECT count(*)::INTEGER AS n FROM scores')).toBe(manifest.files.find((f) => f.file === 'scores.csv')?.rows);
			const result = await runAnalysis(engine, { system: DEFAULT_INDICATOR_SYSTEM, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null });
			expect(result.period).toBe(manifest.periods.at(-1));
			expect(result.estates).toHaveLength(SIZES.tiny.estates);
			expect(result.estates.every((e) => e.q !== null && e.fee_m2 !== null)).toBe(true);
		} finally {
			await engine.close();
		}
	});

	it('writes Parquet copies with the same rows that the app’s Parquet reader can read', async () => {
		for (const t of ['estates', 'scores', 'fees', 'tickets']) {
			const csv = manifest.files.find((f) => f.file === `${t}.csv`)!;
			const pq = manifest.files.find((f) => f.file === `${t}.parquet`)!;
			expect(pq.rows, t).toBe(csv.rows);
			const table = await readParquet(`${t}.parquet`, readFileSync(join(tiny.out, `${t}.parquet`)));
			expect(table.rowCount, t).toBe(csv.rows);
			expect(table.headers, t).toEqual(DATASETS[t as DatasetId].columns.map((c) => c.name));
		}
	});

	it('reuses a finished directory and rebuilds one made with other options', async () => {
		const before = statSync(join(tiny.out, 'scores.csv')).mtimeMs;
		expect(readManifest(tiny)).not.toBeNull();
		await ensureCity(tiny);
		expect(statSync(join(tiny.out, 'scores.csv')).mtimeMs).toBe(before);
		const changed = { ...tiny, months: 3 };
		expect(readManifest(changed)).toBeNull();
		const m = await ensureCity(changed);
		expect(m.periods).toEqual(['2021-01', '2021-02', '2021-03']);
	});
});
