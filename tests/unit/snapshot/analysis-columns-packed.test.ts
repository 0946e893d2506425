import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packColumn, unpackColumn } from '../../../src/lib/snapshot/packed-column';
import { packAnalysisSteps, unpackAnalysis } from '../../../src/lib/snapshot/analysis-columns-packed';
import { runSteps } from '../../../src/lib/queries/yield-task';
import { filterTable, orderBy, tableOfColumns, tableOfSnapshot } from '../../../src/lib/app/district-table';
import { defaultAnalysisSettings } from '../../../src/lib/app/analysis-settings-default';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, type IndicatorSystem } from '../../../src/lib/domain';
import { rowOf, runAnalysis, runAnalysisColumns, type AnalysisSettings } from '../../../src/lib/queries/analysis';
import type { Engine } from '../../../src/lib/engine/engine';
import { sampleEngine } from '../sample-engine';

/** Packed, stored (IndexedDB keeps a structured clone) and read back. */
const roundTrip = (values: unknown[]) => unpackColumn(structuredClone(packColumn(values.length, (i) => values[i])));

describe('a packed column', () => {
	it('gives back texts exactly, whatever they hold, and tells an empty text from a missing one', () => {
		const texts = ['阳光花园', '', null, 'a,b;c\u0000d\ne', '😀𠀀', null, '\ud800', 'x'];
		expect(packColumn(texts.length, (i) => texts[i]).kind).toBe('text');
		expect(roundTrip(texts)).toEqual(texts);
	});
	it('gives back numbers exactly: missing stays missing, −0 stays −0, infinities and tiny values kept', () => {
		const numbers = [2.38, null, -0, 0, Infinity, -1e-300, 5e-324, 1234567.891];
		expect(packColumn(numbers.length, (i) => numbers[i]).kind).toBe('number');
		const back = roundTrip(numbers);
		expect(back).toEqual(numbers);
		expect(Object.is(back[2], -0)).toBe(true);
		expect(Object.is(back[3], 0)).toBe(true);
	});
	it('gives back yes/no with missing values', () => {
		const flags = [true, false, null, true];
		expect(packColumn(flags.length, (i) => flags[i]).kind).toBe('yes-no');
		expect(roundTrip(flags)).toEqual(flags);
	});
	it('keeps a column of mixed values, NaN or objects as it was, and an all-missing or empty column too', () => {
		for (const values of [[1, 'a', null], [1, NaN, null], [{ a: 1 }, null], [true, 1]]) {
			expect(packColumn(values.length, (i) => values[i]).kind).toBe('any');
			expect(roundTrip(values)).toEqual(values);
		}
		expect(roundTrip([null, null])).toEqual([null, null]);
		expect(roundTrip([])).toEqual([]);
	});
});

describe("a visit's district snapshot, packed (the sample district)", () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await sampleEngine();
	});
	afterAll(async () => engine?.close());

	const d = defaultAnalysisSettings();
	const settings: AnalysisSettings = { system: d.system as IndicatorSystem, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null };

	it('stores every field as a typed array or one text, and reads back every estate row of the live run', async () => {
		const live = await runAnalysisColumns(engine, settings);
		const steps = packAnalysisSteps(live);
		// One step per field of the estates, then the result: a caller can end its task between them.
		let pauses = 0;
		let r = steps.next();
		for (; !r.done; r = steps.next()) pauses++;
		const packed = r.value;
		// The estate's 19 own fields of a row (the rest come from the fit), each a column of one value per estate.
		const fields = Object.keys(live.own);
		expect(fields.length).toBe(19);
		for (const f of fields) expect((live.own as Record<string, readonly unknown[]>)[f].length).toBe(live.n);
		expect(pauses).toBe(fields.length);
		// Nothing is kept as one value per estate object: that is what made storing a city a long task.
		expect(packed.own.map(([f]) => f)).toEqual(fields);
		expect(packed.own.filter(([, c]) => c.kind === 'any').map(([f]) => f)).toEqual([]);
		expect(packed.fit.cappedBy.kind).toBe('text');

		const back = unpackAnalysis(structuredClone(packed));
		const rows = (await runAnalysis(engine, settings)).estates;
		expect(rows.length).toBe(240);
		expect(back.n).toBe(240);
		expect(back.own.estate_id.length).toBe(240);
		// q_prev and q_change come from the previous period's Q, computed for every estate when packed.
		expect(rows.filter((r) => r.q_prev !== null).length).toBeGreaterThan(0);
		for (let i = 0; i < rows.length; i++) expect(rowOf(back, i)).toEqual(rows[i]);
		expect(back.models).toEqual(live.models);
		expect([back.period, back.prevPeriod]).toEqual([live.period, live.prevPeriod]);
	});

	it("gives the district page the live run's table: same estates, filters and order", async () => {
		const live = tableOfColumns(await runAnalysisColumns(engine, settings));
		const snap = tableOfSnapshot(structuredClone({ packed: await runSteps(packAnalysisSteps(await runAnalysisColumns(engine, settings))), periods: [], foundCodes: [] }));
		expect(snap.n).toBe(live.n);
		expect(snap.id).toEqual(live.id);
		const none = { subdistrict: '', type: '', building: '', firm: '', grade: '', band: '' };
		const ranked = (t: typeof live) => [...orderBy(t, filterTable(t, { ...none, building: 'high' }), 'q', true)].map((i) => t.row(i));
		expect(ranked(snap)).toEqual(ranked(live));
		expect(ranked(snap).length).toBeGreaterThan(10);
	});
});
