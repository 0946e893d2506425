import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import type { Engine } from '../../../src/lib/engine/engine';
import { loadCanonicalCsvs } from '../../../src/lib/workspace/canonical-csv';
import { readInputs } from '../../../src/cli/load-dir';
import { parseGuidePriceCatalogue, parseIndicatorSystem } from '../../../src/lib/domain/schemas';
import { DEFAULT_BANDS } from '../../../src/lib/domain/fit';
import type { GuidePriceCatalogue } from '../../../src/lib/domain/catalogues';
import type { IndicatorSystem } from '../../../src/lib/domain/indicator-system';
import {
	AnalysisSettingsError,
	analyseEstates,
	estateDetail,
	invalidateAnalysis,
	listPeriods,
	peerModels,
	runAnalysis,
	type AnalysisSettings,
	type EstateFit
} from '../../../src/lib/queries/analysis';

/**
 * The tiny district of tests/unit/cli/fixtures/tiny, worked by hand.
 *
 * System: management 50, elevator 20, fire 30; Q = 0.6 I + 0.4 S (I alone without S); grades at 90/80/70/60;
 * red lines: elevator or fire below 60 caps the grade at 3 (elevator only where there are elevators).
 * Catalogue: high 2.30 / 1.90 / 1.50 / 1.10 / 0.70; multi 1.50 / 0.99 / 0.90 / (no grade 4) / 0.40.
 * Period analysed: the latest, 2025Q4 (previous 2025Q3), so fees in force are the latest year ≤ 2025.
 *
 * High-rise (elevators), fees on the plane fee = −2 + 0.05·Q − 0.02·age (age = 2025 − build year):
 * H1: I = (50·90 + 20·80 + 30·90) / 100 = 88; Q = 0.6·88 + 0.4·80 = 84.8 → grade 2. Fees 2023 1.50, 2025 1.84,
 *     2026 9.99: in force 1.84 (= −2 + 4.24 − 0.40, age 20). Guide 1.90; QPR = 1.90 / 1.84 = 1.0326 → matched.
 *     2025Q3: everything 80 → Q_prev = 80, change +4.8.
 * H2: I = (4750 + 1000 + 2850) / 100 = 86; Q = 51.6 + 38 = 89.6 → grade 2, but elevator 50 < 60 caps it at 3
 *     (capped_by 'elevator'). Fee 2.28 (= −2 + 4.48 − 0.20, age 10). Guide 1.50 → QPR 0.658 → price above quality.
 * H3: all 70, no satisfaction → Q = I = 70 exactly → grade 3 (the bound is inclusive). Fee 2024 1.20
 *     (= −2 + 3.5 − 0.30, age 15). Guide 1.50 → QPR 1.25 → quality above price.
 * H4: all 62 → Q 62 → grade 4. Fee 0.50 (= −2 + 3.1 − 0.60, age 30). Guide 1.10 → QPR 2.2 → quality above price.
 * X1: no scores → no Q, grade, guide, QPR, band; the Q + age model needs Q, so no expected fee either.
 * The four points lie exactly on the plane and (Q, age) are not collinear: OLS recovers −2, 0.05, −0.02 with
 * R² = 1, every residual is 0, and X1 is counted as dropped.
 *
 * Multi-storey (no elevators except M4): the elevator weight is spread, weights 50 + 30 = 80.
 * M1: I = (50·70 + 30·80) / 80 = 5900 / 80 = 73.75 (its elevator score 10 is ignored: no elevators, and the
 *     elevator red line does not apply); Q = 0.6·73.75 + 0.4·65 = 70.25 → grade 3. Fee 24 元/户·月, mean unit area
 *     6000 / 100 = 60 ㎡ → 0.40 元/㎡·月 (converted). Guide 0.90 → QPR 2.25 → quality above price.
 * M2: I = (4500 + 1500) / 80 = 75 → grade 3; fire 50 < 60 is a breach but its cap (3) is no worse: not capped_by.
 *     Fee 0.90, guide 0.90 → QPR 1 → matched.
 * M3: all 55 → Q 55 → grade 5 (the fire cap 3 is better, so no effect). Fees 2024 0.50 and 2026 0.80: in force
 *     0.50. Guide 0.40 → QPR 0.8 → price above quality. No build year.
 * M4: has elevators, all 62 → Q 62 → grade 4: the catalogue has no multi grade 4 → no guide, QPR or band.
 *     Only a 2026 fee (0.70): with none ≤ 2025 the earliest applies.
 * M5: all 85 → Q 85 → grade 2; guide 0.99, fee 1.10: QPR = 0.99 / 1.1 = 0.8999999999999999 in floating
 *     point, matched thanks to the band tolerance. No build year.
 * Only three multi estates have an age (M1 35, M2 25, M4 15) < 4 needed, so the model falls back to fee ~ Q over
 * all five: mean Q = 347.25 / 5 = 69.45, mean fee = 3.6 / 5 = 0.72; Sqq = 0.8² + 5.55² + 14.45² + 7.45² + 15.55²
 * = 537.55; Sqf = 0.8·(−0.32) + 5.55·0.18 + (−14.45)·(−0.22) + (−7.45)·(−0.02) + 15.55·0.38 = 9.98;
 * slope b = 9.98 / 537.55 = 0.0185657; expected = 0.72 + b·(Q − 69.45).
 * Residuals: M1 −0.3349, M3 0.0483, M2 0.0770, M5 0.0913, M4 0.1183 → percentile 20, 40, 60, 80, 100.
 */
const FIXTURE = 'tests/unit/cli/fixtures/tiny';

let engine: Engine;
let settings: AnalysisSettings;

async function readJson(file: string): Promise<unknown> {
	return JSON.parse(await readFile(join(FIXTURE, file), 'utf8'));
}

beforeAll(async () => {
	engine = await startNodeEngine();
	await loadCanonicalCsvs(engine, await readInputs([FIXTURE]));
	const system = parseIndicatorSystem(await readJson('system.json'));
	const catalogue = parseGuidePriceCatalogue(await readJson('catalogue.json'));
	if (!system.success || !catalogue.success) throw new Error('fixture settings do not parse');
	settings = { system: system.data, catalogue: catalogue.data, bands: DEFAULT_BANDS, period: null };
}, 120_000); // engine start-up is slow on a loaded machine
afterAll(() => engine?.close());

const byId = (rows: EstateFit[]) => Object.fromEntries(rows.map((r) => [r.estate_id, r]));

describe('analysis in DuckDB against the hand-worked tiny district', () => {
	it('lists the score periods and analyses the latest, with the previous one for the change', async () => {
		expect(await listPeriods(engine)).toEqual(['2025Q3', '2025Q4']);
		const r = await runAnalysis(engine, settings);
		expect([r.period, r.prevPeriod]).toEqual(['2025Q4', '2025Q3']);
		expect(r.estates.map((e) => e.estate_id)).toEqual(['H1', 'H2', 'H3', 'H4', 'M1', 'M2', 'M3', 'M4', 'M5', 'X1']);
		const h1 = byId(r.estates).H1;
		expect(h1).toMatchObject({ period: '2025Q4', age: 20, grade_uncapped: 2, grade: 2, capped_by: null });
		expect(h1.inspection).toBeCloseTo(88, 12);
		expect(h1.q).toBeCloseTo(84.8, 12);
		expect(h1.q_prev).toBeCloseTo(80, 12);
		expect(h1.q_change).toBeCloseTo(4.8, 12);
	});

	it('computes Q with the elevator weight spread, grades, and red-line caps', async () => {
		const e = byId(await analyseEstates(engine, settings));
		expect(e.H2).toMatchObject({ grade_uncapped: 2, grade: 3, capped_by: 'elevator' });
		expect(e.H2.q).toBeCloseTo(89.6, 12);
		expect(e.H3).toMatchObject({ q: 70, satisfaction: null, grade: 3 });
		expect(e.M1.inspection).toBeCloseTo(73.75, 12);
		expect(e.M1.q).toBeCloseTo(70.25, 12);
		expect(e.M1).toMatchObject({ grade: 3, capped_by: null, has_elevator: false });
		expect(e.M2).toMatchObject({ q: 75, grade_uncapped: 3, grade: 3, capped_by: null });
		expect(e.M3).toMatchObject({ grade: 5, capped_by: null, age: null });
		expect(e.X1).toMatchObject({ q: null, grade: null, guide_price: null, qpr: null, band: null, expected_fee: null });
	});

	it('takes the fee in force for the period year, converts per-household fees, and bands the QPR', async () => {
		const e = byId(await analyseEstates(engine, settings));
		expect(e.H1).toMatchObject({ fee_year: 2025, fee_raw: 1.84, fee_unit: 'per_m2_month', fee_converted: false });
		expect(e.M1).toMatchObject({ fee_year: 2025, fee_raw: 24, fee_unit: 'per_household_month', fee_converted: true });
		expect(e.M1.fee_m2).toBeCloseTo(0.4, 12);
		expect(e.M3).toMatchObject({ fee_year: 2024, fee_m2: 0.5 });
		expect(e.M4).toMatchObject({ fee_year: 2026, fee_m2: 0.7, guide_price: null, qpr: null, band: null });
		const band = (id: string) => [e[id].guide_price, e[id].band];
		expect(band('H1')).toEqual([1.9, 'matched']);
		expect(band('H2')).toEqual([1.5, 'price_above_quality']);
		expect(band('H3')).toEqual([1.5, 'quality_above_price']);
		expect(band('M1')).toEqual([0.9, 'quality_above_price']);
		expect(band('M2')).toEqual([0.9, 'matched']);
		expect(band('M3')).toEqual([0.4, 'price_above_quality']);
		expect(e.H1.qpr).toBeCloseTo(1.9 / 1.84, 12);
		expect(e.M1.qpr).toBeCloseTo(2.25, 12);
		// 0.99 / 1.1 lands a hair under the 0.9 edge in floating point; the edge is inclusive.
		expect(e.M5.qpr).toBe(0.99 / 1.1);
		expect(e.M5.qpr).toBeLessThan(0.9);
		expect(e.M5.band).toBe('matched');
	});

	it('recovers the plane fee = −2 + 0.05·Q − 0.02·age for the high-rise estates', async () => {
		const models = await peerModels(engine, settings);
		expect(models.high).toMatchObject({ method: 'ols_q_age', n: 4, dropped: 1 });
		expect(models.high.coef!.intercept).toBeCloseTo(-2, 9);
		expect(models.high.coef!.q).toBeCloseTo(0.05, 9);
		expect(models.high.coef!.age).toBeCloseTo(-0.02, 9);
		expect(models.high.r2).toBeCloseTo(1, 9);
		const e = byId(await analyseEstates(engine, settings));
		for (const id of ['H1', 'H2', 'H3', 'H4']) {
			expect(e[id].expected_fee).toBeCloseTo(e[id].fee_m2!, 9);
			expect(e[id].residual).toBeCloseTo(0, 9);
		}
		expect(e.X1.residual).toBeNull();
		expect(e.X1.residual_pct).toBeNull();
	});

	it('falls back to fee ~ Q for multi-storey and ranks the residuals', async () => {
		const models = await peerModels(engine, settings);
		expect(models.multi).toMatchObject({ method: 'ols_q', n: 5, dropped: 0 });
		const slope = 9.98 / 537.55;
		expect(models.multi.coef!.q).toBeCloseTo(slope, 12);
		const e = byId(await analyseEstates(engine, settings));
		for (const id of ['M1', 'M2', 'M3', 'M4', 'M5']) {
			expect(e[id].expected_fee).toBeCloseTo(0.72 + slope * (e[id].q! - 69.45), 12);
			expect(e[id].residual).toBeCloseTo(e[id].fee_m2! - e[id].expected_fee!, 15);
		}
		expect(e.M1.residual).toBeCloseTo(-0.3349, 4);
		expect(['M1', 'M3', 'M2', 'M5', 'M4'].map((id) => e[id].residual_pct)).toEqual([20, 40, 60, 80, 100]);
	});

	it('re-runs with other weights from the cached base table', async () => {
		// Management alone: H1 Q = 0.6·90 + 0.4·80 = 86; M2 Q = 90 → grade 1, but fire 50 caps it at 3.
		const only: IndicatorSystem = {
			...settings.system,
			indicators: settings.system.indicators.map((i) => ({ ...i, weight: i.code === 'management' ? 1 : 0 }))
		};
		const e = byId(await analyseEstates(engine, { ...settings, system: only }));
		expect(e.H1.q).toBeCloseTo(86, 12);
		expect(e.M2).toMatchObject({ q: 90, grade_uncapped: 1, grade: 3, capped_by: 'fire' });
		const back = byId(await analyseEstates(engine, settings));
		expect(back.H1.q).toBeCloseTo(84.8, 12);
	});

	it('analyses an earlier period on request and refuses an unknown one', async () => {
		const e = byId(await analyseEstates(engine, { ...settings, period: '2025Q3' }));
		expect(e.H1).toMatchObject({ period: '2025Q3', q: 80, q_prev: null, grade: 2 });
		expect(e.H2.q).toBeNull();
		await expect(analyseEstates(engine, { ...settings, period: '2030Q1' })).rejects.toThrow(AnalysisSettingsError);
	});

	it('notices new data without being told', async () => {
		const before = byId(await analyseEstates(engine, settings));
		expect(before.X1.q).toBeNull();
		await engine.exec(`INSERT INTO scores VALUES ('X1', '2025Q4', 'management', 100, 'inspection')`);
		const after = byId(await analyseEstates(engine, settings));
		// Only management is scored: I = 100; no satisfaction → Q = 100 → grade 1 → guide 2.30 over fee 1.50.
		expect(after.X1).toMatchObject({ q: 100, grade: 1, guide_price: 2.3 });
		// A DELETE keeps the catalog's row estimate, so it is not noticed: that is what invalidateAnalysis is for.
		await engine.exec(`DELETE FROM scores WHERE estate_id = 'X1'`);
		invalidateAnalysis(engine);
		expect(byId(await analyseEstates(engine, settings)).X1.q).toBeNull();
	});

	it('ignores scores of an indicator outside the system', async () => {
		// 'upkeep' is not in the tiny system: H1 keeps I = 88 and Q = 84.8 (its detail too: the system's slots only).
		await engine.exec(`INSERT INTO scores VALUES ('H1', '2025Q4', 'upkeep', 0, 'inspection')`);
		const h1 = byId(await analyseEstates(engine, settings)).H1;
		expect(h1.inspection).toBeCloseTo(88, 12);
		expect(h1.q).toBeCloseTo(84.8, 12);
		expect((await estateDetail(engine, settings, 'H1')).indicators.map((i) => i.indicator)).toEqual(['management', 'elevator', 'fire', 'satisfaction']);
		await engine.exec(`DELETE FROM scores WHERE indicator = 'upkeep'`);
		invalidateAnalysis(engine);
	});

	it('takes inspection indicators from inspections only, and satisfaction from any source', async () => {
		// A survey's own management score (0) is not an inspection: H1 keeps I = 88. A satisfaction score of 40
		// from an inspection source counts: S = (80 + 40) / 2 = 60, so Q = 0.6·88 + 0.4·60 = 76.8 → grade 3.
		await engine.exec(`INSERT INTO scores VALUES ('H1', '2025Q4', 'management', 0, 'satisfaction'), ('H1', '2025Q4', 'satisfaction', 40, 'inspection')`);
		const h1 = byId(await analyseEstates(engine, settings)).H1;
		expect(h1.inspection).toBeCloseTo(88, 12);
		expect(h1.satisfaction).toBeCloseTo(60, 12);
		expect(h1.q).toBeCloseTo(76.8, 12);
		expect(h1.grade).toBe(3);
		await engine.exec(`DELETE FROM scores WHERE estate_id = 'H1' AND period = '2025Q4' AND ((indicator = 'management' AND source = 'satisfaction') OR (indicator = 'satisfaction' AND source = 'inspection'))`);
		invalidateAnalysis(engine);
		expect(byId(await analyseEstates(engine, settings)).H1.q).toBeCloseTo(84.8, 12);
	});

	it('recovers when its cached table vanishes behind its back', async () => {
		await analyseEstates(engine, settings);
		await engine.exec('DROP TABLE zhijia_analysis.base');
		expect(byId(await analyseEstates(engine, settings)).H1.q).toBeCloseTo(84.8, 12);
		await engine.exec('DROP TABLE zhijia_analysis.base');
		expect((await estateDetail(engine, settings, 'H1')).indicators.map((i) => i.score)).toEqual([90, 80, 90, 80]);
	});

	it('averages the scores of one indicator in one period, as the mean of all of them', async () => {
		// Two more management inspections of H1 in 2025Q4 (70 and 95 beside its 90): mean (90 + 70 + 95) / 3 = 85.
		// I = (50·85 + 20·80 + 30·90) / 100 = 85.5; Q = 0.6·85.5 + 0.4·80 = 83.3 → grade 2. Its peer H2 sees 85
		// as the median of one peer. H2's management stays 95.
		await engine.exec(`INSERT INTO scores VALUES ('H1', '2025Q4', 'management', 70, 'inspection'), ('H1', '2025Q4', 'management', 95, 'third_party')`);
		const h1 = byId(await analyseEstates(engine, settings)).H1;
		expect(h1.inspection).toBeCloseTo(85.5, 12);
		expect(h1.q).toBeCloseTo(83.3, 12);
		expect(h1.grade).toBe(2);
		expect((await estateDetail(engine, settings, 'H1')).indicators[0]).toEqual({ indicator: 'management', score: 85, peer_median: 95, peer_n: 1 });
		expect((await estateDetail(engine, settings, 'H2')).indicators[0]).toEqual({ indicator: 'management', score: 95, peer_median: 85, peer_n: 1 });
		await engine.exec(`DELETE FROM scores WHERE estate_id = 'H1' AND period = '2025Q4' AND indicator = 'management' AND score IN (70, 95)`);
		invalidateAnalysis(engine);
		expect(byId(await analyseEstates(engine, settings)).H1.q).toBeCloseTo(84.8, 12);
	});

	it('rebuilds when a rolled-back transaction took its tables back to an older build, or someone replaced them', async () => {
		const q3 = { ...settings, period: '2025Q3' };
		// H1's own indicator scores: 90 / 80 / 90 / 80 in 2025Q4, all 80 in 2025Q3 (see the header).
		const h1Scores = async (s: AnalysisSettings) => (await estateDetail(engine, s, 'H1')).indicators.map((i) => i.score);
		expect(await h1Scores(settings)).toEqual([90, 80, 90, 80]);
		await engine.exec('BEGIN');
		expect(await h1Scores(q3)).toEqual([80, 80, 80, 80]); // built inside the transaction
		await engine.exec('ROLLBACK'); // the tables hold 2025Q4's build again
		expect(await h1Scores(q3)).toEqual([80, 80, 80, 80]);
		// An empty base table put in its place (no stamp): rebuilt too, and still right.
		await engine.exec('CREATE OR REPLACE TABLE zhijia_analysis.base AS SELECT * FROM zhijia_analysis.base WHERE false');
		expect(await h1Scores(q3)).toEqual([80, 80, 80, 80]);
		expect(byId(await analyseEstates(engine, settings)).H1.q).toBeCloseTo(84.8, 12);
	});

	it('refuses a system the domain refuses', async () => {
		const bad: IndicatorSystem = { ...settings.system, gradeThresholds: [60, 70, 80, 90] };
		await expect(analyseEstates(engine, { ...settings, system: bad })).rejects.toThrow(/descending/);
	});
});

describe('estate detail', () => {
	it('compares indicators with same-type peers and gives Q over time, fees and nearest peers', async () => {
		const catalogue: GuidePriceCatalogue = settings.catalogue;
		const d = await estateDetail(engine, { ...settings, catalogue }, 'H1');
		expect(d.fit.estate_id).toBe('H1');
		// Peers of H1 (high-rise, commercial): H2 only (X1 has no scores).
		expect(d.indicators).toEqual([
			{ indicator: 'management', score: 90, peer_median: 95, peer_n: 1 },
			{ indicator: 'elevator', score: 80, peer_median: 50, peer_n: 1 },
			{ indicator: 'fire', score: 90, peer_median: 95, peer_n: 1 },
			{ indicator: 'satisfaction', score: 80, peer_median: 95, peer_n: 1 }
		]);
		expect(d.qSeries.map((p) => [p.period, p.q])).toEqual([
			['2025Q3', 80],
			['2025Q4', expect.closeTo(84.8, 12)]
		]);
		expect(d.fees.map((f) => [f.year, f.fee_m2])).toEqual([
			[2023, 1.5],
			[2025, 1.84],
			[2026, 9.99]
		]);
		// Nearest peers are high-rise only, at most 5: the other four high-rise estates.
		expect(d.peers.map((p) => p.estate_id).sort()).toEqual(['H2', 'H3', 'H4', 'X1']);
		expect(d.peers.every((p, i) => i === 0 || p.distance >= d.peers[i - 1].distance)).toBe(true);
	});

	it('compares a multi-storey estate without elevators against its own estate type', async () => {
		const d = await estateDetail(engine, settings, 'M1');
		// M1 is sold public housing; its only same-type peer is M2 (no elevator score, no satisfaction).
		expect(d.indicators).toEqual([
			{ indicator: 'management', score: 70, peer_median: 90, peer_n: 1 },
			{ indicator: 'elevator', score: null, peer_median: null, peer_n: 0 },
			{ indicator: 'fire', score: 80, peer_median: 50, peer_n: 1 },
			{ indicator: 'satisfaction', score: 65, peer_median: null, peer_n: 0 }
		]);
		expect(d.fees).toEqual([{ year: 2025, fee: 24, fee_unit: 'per_household_month', fee_m2: 0.4, collection_rate: 0.8 }]);
		await expect(estateDetail(engine, settings, 'NOPE')).rejects.toThrow(AnalysisSettingsError);
	});

	it("leaves a peer's elevator score out where the peer has no elevators", async () => {
		// M2's only same-type peer is M1, whose elevator score 10 is ignored (no elevators): no peer elevator median.
		const d = await estateDetail(engine, settings, 'M2');
		expect(d.indicators).toEqual([
			{ indicator: 'management', score: 90, peer_median: 70, peer_n: 1 },
			{ indicator: 'elevator', score: null, peer_median: null, peer_n: 0 },
			{ indicator: 'fire', score: 50, peer_median: 80, peer_n: 1 },
			{ indicator: 'satisfaction', score: null, peer_median: 65, peer_n: 1 }
		]);
	});
});
