import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandCounts, filterTable, orderBy, tableOfColumns, tableOfRows, type DistrictFilters } from '../../../src/lib/app/district-table';
import { sortRows } from '../../../src/lib/components/sort-rows';
import { defaultAnalysisSettings } from '../../../src/lib/app/analysis-settings-default';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, type IndicatorSystem } from '../../../src/lib/domain';
import { runAnalysis, runAnalysisColumns, type AnalysisSettings, type EstateFit } from '../../../src/lib/queries/analysis';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';

/** Five estates worked by hand: two share Q 70 (ties by id), one has no Q. */
const row = (estate_id: string, q: number | null, grade: 1 | 2 | 3 | null, band: EstateFit['band'], subdistrict: string | null, fee_m2: number | null) =>
	({ estate_id, name: estate_id.toUpperCase(), q, grade, band, subdistrict, estate_type: 'commodity', building_type: 'high', firm: null, fee_m2, residual: fee_m2 === null ? null : fee_m2 - 2 }) as unknown as EstateFit;
const ROWS = [
	row('e2', 70, 2, 'matched', '东街', 2.5),
	row('e1', null, null, null, '西街', null),
	row('e4', 90, 1, 'price_above_quality', '东街', 1.5),
	row('e3', 70, 2, 'matched', '西街', 3),
	row('e5', 55, 3, 'quality_above_price', '东街', 2)
];
const NONE: DistrictFilters = { subdistrict: '', type: '', building: '', firm: '', grade: '', band: '' };
const ids = (t: ReturnType<typeof tableOfRows>, order: Iterable<number>) => [...order].map((i) => t.id[i]).join(' ');

describe('the district table (columns)', () => {
	const t = tableOfRows(ROWS, '2025-Q4');
	it('filters in estate order and counts the fit classes of what it shows', () => {
		expect(ids(t, filterTable(t, NONE))).toBe('e2 e1 e4 e3 e5');
		expect(ids(t, filterTable(t, { ...NONE, subdistrict: '东街' }))).toBe('e2 e4 e5');
		expect(ids(t, filterTable(t, { ...NONE, grade: '2' }))).toBe('e2 e3');
		expect(ids(t, filterTable(t, { ...NONE, band: 'none' }))).toBe('e1');
		expect(ids(t, filterTable(t, { ...NONE, subdistrict: '东街', band: 'matched' }))).toBe('e2');
		expect(bandCounts(t, filterTable(t, NONE))).toEqual([
			{ band: 'matched', n: 2 },
			{ band: 'price_above_quality', n: 1 },
			{ band: 'quality_above_price', n: 1 },
			{ band: null, n: 1 }
		]);
		expect(bandCounts(t, filterTable(t, { ...NONE, subdistrict: '西街' })).map((c) => c.n)).toEqual([1, 0, 0, 1]);
	});
	it('orders by Q best first, ties by id, no Q last; other columns either way', () => {
		const all = filterTable(t, NONE);
		expect(ids(t, orderBy(t, all, 'q', true))).toBe('e4 e2 e3 e5 e1');
		expect(ids(t, orderBy(t, all, 'q', false))).toBe('e5 e2 e3 e4 e1');
		expect(ids(t, orderBy(t, all, 'fee_m2', true))).toBe('e3 e2 e5 e4 e1');
		expect(ids(t, orderBy(t, all, 'subdistrict', false))).toBe('e2 e4 e5 e1 e3');
	});
	it('keeps the last order for the same estates asked again, and makes a new one for anything else', () => {
		const all = filterTable(t, NONE);
		const first = orderBy(t, all, 'q', true);
		// The district page's own task makes this order; the ranking then asks for it and gets it without a sort.
		expect(orderBy(t, all, 'q', true)).toBe(first);
		const west = filterTable(t, { ...NONE, subdistrict: '西街' });
		expect(ids(t, orderBy(t, west, 'q', true))).toBe(ids(t, first.filter((i) => t.subdistrict[i] === '西街')));
		expect(ids(t, orderBy(t, all, 'q', false))).toBe('e5 e2 e3 e4 e1');
		// A new filter result with the same estates is another array: ordered again, the same way.
		const again = orderBy(t, filterTable(t, NONE), 'q', true);
		expect(again).not.toBe(first);
		expect(ids(t, again)).toBe('e4 e2 e3 e5 e1');
	});
});

describe('the district table: orders without a comparator', () => {
	// Ids out of estate order, three-way tie at Q 80 (ids b < c < d whatever the estate order), two without Q, a 0.
	const T = tableOfRows(
		[row('d', 80, 1, 'matched', null, 2), row('z', null, null, null, null, null), row('b', 80, 1, 'matched', null, 1), row('a', 0, null, null, null, 3),
			row('c', 80, 1, 'matched', null, null), row('y', null, null, null, null, 1)],
		null
	);
	const all = filterTable(T, NONE);
	it('breaks ties by id and puts a missing Q last in both directions, 0 counting as a value', () => {
		expect(ids(T, orderBy(T, all, 'q', true))).toBe('b c d a y z');
		expect(ids(T, orderBy(T, all, 'q', false))).toBe('a b c d y z');
		// fee: 3, 2, 1, 1 (b before y), then the two without a fee by id
		expect(ids(T, orderBy(T, all, 'fee_m2', true))).toBe('a d b y c z');
	});
	it('orders keys a last bit apart by key, not by id (they share the packed upper bits)', () => {
		const ulp = 2 ** -46; // one unit in the last place of 70
		const u = tableOfRows([row('p', 70 + 3 * ulp, null, null, null, null), row('m', 70, null, null, null, null), row('o', 70 + ulp, null, null, null, null), row('n', 70, null, null, null, null), row('q', 70 - ulp, null, null, null, null)], null);
		const every = filterTable(u, NONE);
		expect(ids(u, orderBy(u, every, 'q', true))).toBe('p o m n q');
		expect(ids(u, orderBy(u, every, 'q', false))).toBe('q m n o p');
	});
	it('orders a filtered subset alone', () => {
		expect(ids(T, orderBy(T, Int32Array.from([4, 1, 0]), 'q', true))).toBe('c d z');
		expect(orderBy(T, new Int32Array(0), 'q', true)).toEqual([]);
	});
	it('gives the order of sortRows on many ties, missing values and subsets (seeded)', () => {
		let seed = 7;
		const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const rows = Array.from({ length: 400 }, (_, i) => {
			const q = rnd() < 0.1 ? null : Math.floor(rnd() * 8) * 12.5;
			return row(`e${String(Math.floor(rnd() * 1000)).padStart(3, '0')}-${i}`, q, null, null, null, rnd() < 0.2 ? null : Math.floor(rnd() * 4) / 2);
		});
		const t = tableOfRows(rows, null);
		for (const subset of [filterTable(t, NONE), Int32Array.from(rows.keys()).filter(() => rnd() < 0.3)]) {
			for (const k of ['q', 'fee_m2', 'residual'] as const) {
				for (const desc of [true, false]) {
					const want = sortRows(Array.from(subset), (i) => rows[i][k] as number | null, (i) => rows[i].estate_id, desc);
					expect(orderBy(t, subset, k, desc)).toEqual(want);
				}
			}
		}
	});
});

describe('the district table from a live run (sample district, real engine)', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await sampleEngine();
	}, 120_000);
	afterAll(async () => engine?.close());

	const d = defaultAnalysisSettings();
	const settings: AnalysisSettings = { system: d.system as IndicatorSystem, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null };
	const KEYS: (keyof EstateFit)[] = ['name', 'subdistrict', 'estate_type', 'q', 'grade', 'fee_m2', 'guide_price', 'qpr', 'band', 'expected_fee', 'residual'];

	it('holds the same rows, values, filters and orders as the analysis rows', async () => {
		const rows = (await runAnalysis(engine, settings)).estates;
		const t = tableOfColumns(await runAnalysisColumns(engine, settings));
		expect(t.n).toBe(240);
		for (let i = 0; i < t.n; i++) {
			expect(t.row(i)).toEqual(rows[i]);
			for (const k of KEYS) expect(t.value(i, k)).toEqual(rows[i][k]);
		}
		const all = filterTable(t, NONE);
		const byId = (xs: EstateFit[]) => xs.map((e) => e.estate_id).join(' ');
		for (const k of KEYS) {
			for (const desc of [true, false]) {
				const want = sortRows(rows, (e) => e[k] as number | string | null, (e) => e.estate_id, desc);
				expect(ids(t, orderBy(t, all, k, desc))).toBe(byId(want));
			}
		}
		const sub = rows.find((e) => e.subdistrict)!.subdistrict!;
		expect(ids(t, filterTable(t, { ...NONE, subdistrict: sub, grade: '3' }))).toBe(byId(rows.filter((e) => e.subdistrict === sub && e.grade === 3)));
		const n = (band: EstateFit['band']) => rows.filter((e) => e.band === band).length;
		expect(bandCounts(t, all).map((c) => c.n)).toEqual([n('matched'), n('price_above_quality'), n('quality_above_price'), n(null)]);
	});
});
