/**
 * Facts about the committed sample district (data/sample). Ranges are written out here, with their
 * section of docs/sources.md, rather than imported from the generator, so a generator change that leaves them
 * fails.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DATASETS,
	SAMPLE_FILES,
	type CostRow,
	type DatasetId,
	type EstateRow,
	type FeeRow,
	type ScoreRow,
	type TicketRow,
	type UnitSizeRow,
	type VoteRow
} from '$lib/data/datasets';
import { INDICATOR_CODES } from '$lib/data/indicators';
import { readSample } from './csv';

const parsed = new Map<DatasetId, unknown[]>();
const rows = <T>(id: DatasetId) => parsed.get(id) as T[];

beforeAll(() => {
	for (const { file, dataset } of SAMPLE_FILES) {
		const { header, records } = readSample(file, dataset);
		expect(header, file).toEqual(DATASETS[dataset].columns.map((c) => c.name));
		const schema = DATASETS[dataset].schema;
		const out: unknown[] = [];
		const errors: string[] = [];
		records.forEach((r, i) => {
			const res = schema.safeParse(r);
			if (res.success) out.push(res.data);
			else if (errors.length < 5) errors.push(`${file} row ${i + 2}: ${res.error.message}`);
		});
		expect(errors, file).toEqual([]);
		parsed.set(dataset, out);
	}
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function correlation(xs: number[], ys: number[]): number {
	const mx = mean(xs);
	const my = mean(ys);
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	xs.forEach((x, i) => {
		sxy += (x - mx) * (ys[i] - my);
		sxx += (x - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
}

describe('sample district', () => {
	it('parses every row of every file with its schema', () => {
		for (const { dataset } of SAMPLE_FILES) expect(rows(dataset).length, dataset).toBeGreaterThan(0);
	});

	it('has enough estates, subdistricts, firms and every estate and building type', () => {
		const estates = rows<EstateRow>('estates');
		expect(estates.length).toBeGreaterThanOrEqual(220);
		expect(new Set(estates.map((e) => e.estate_id)).size).toBe(estates.length);
		expect(new Set(estates.map((e) => e.name)).size).toBe(estates.length);
		expect(new Set(estates.map((e) => e.subdistrict)).size).toBeGreaterThanOrEqual(6);
		expect(new Set(estates.map((e) => e.firm)).size).toBeGreaterThanOrEqual(12);
		const share = (t: string) => estates.filter((e) => e.estate_type === t).length / estates.length;
		expect(share('commercial')).toBeCloseTo(0.55, 1);
		expect(share('relocation')).toBeCloseTo(0.2, 1);
		expect(share('public_sold')).toBeCloseTo(0.12, 1);
		expect(share('mixed')).toBeCloseTo(0.13, 1);
		expect(new Set(estates.map((e) => e.building_type))).toEqual(new Set(['multi', 'high']));
		for (const e of estates) {
			expect(e.chargeable_area_m2).toBeGreaterThanOrEqual(20000);
			expect(e.chargeable_area_m2).toBeLessThanOrEqual(300000);
			if (e.building_type === 'high') expect(e.has_elevator).toBe(true);
		}
	});

	it('keeps mean unit areas plausible and 售后公房 old, multi-storey and guide-priced', () => {
		for (const e of rows<EstateRow>('estates')) {
			const unit = e.chargeable_area_m2 / e.households;
			if (e.estate_type === 'public_sold') {
				expect(unit, e.estate_id).toBeGreaterThanOrEqual(48);
				expect(unit, e.estate_id).toBeLessThanOrEqual(66);
				expect(e.build_year).toBeGreaterThanOrEqual(1980);
				expect(e.build_year).toBeLessThanOrEqual(1999);
				expect(e.building_type).toBe('multi');
				expect(e.pricing_regime).toBe('guide');
			} else {
				expect(unit, e.estate_id).toBeGreaterThanOrEqual(55);
				expect(unit, e.estate_id).toBeLessThanOrEqual(140);
			}
		}
	});

	it('references only known estates', () => {
		const ids = new Set(rows<EstateRow>('estates').map((e) => e.estate_id));
		for (const { dataset } of SAMPLE_FILES) {
			if (!DATASETS[dataset].estateRef) continue;
			const unknown = rows<{ estate_id: string }>(dataset).filter((r) => !ids.has(r.estate_id));
			expect(unknown.length, dataset).toBe(0);
		}
	});

	it('scores 12 quarters of the eleven indicators plus satisfaction, without elevator rows where there is no elevator', () => {
		const scores = rows<ScoreRow>('scores');
		const periods = [...new Set(scores.map((s) => s.period))].sort();
		expect(periods).toEqual(['2023', '2024', '2025'].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}Q${q}`)));
		const elevator = new Map(rows<EstateRow>('estates').map((e) => [e.estate_id, e.has_elevator]));
		const wrongSource = scores.filter((s) => s.source !== (s.indicator === 'satisfaction' ? 'satisfaction' : 'inspection'));
		expect(wrongSource.slice(0, 3)).toEqual([]);
		const perEstatePeriod = new Map<string, string[]>();
		for (const s of scores) {
			const key = `${s.estate_id} ${s.period}`;
			if (!perEstatePeriod.has(key)) perEstatePeriod.set(key, []);
			perEstatePeriod.get(key)!.push(s.indicator);
		}
		expect(perEstatePeriod.size).toBe(elevator.size * 12);
		const codes = INDICATOR_CODES.map((i) => i.code as string);
		const withLift = [...codes, 'satisfaction'].sort().join();
		const withoutLift = [...codes.filter((c) => c !== 'elevator'), 'satisfaction'].sort().join();
		const wrongSet = [...perEstatePeriod].filter(
			([key, list]) => list.sort().join() !== (elevator.get(key.split(' ')[0]) ? withLift : withoutLift)
		);
		expect(wrongSet.slice(0, 3)).toEqual([]);
		expect(scores.filter((s) => s.indicator === 'elevator' && !elevator.get(s.estate_id))).toEqual([]);
	});

	it('averages owner satisfaction near the national 73 (docs/sources.md §5)', () => {
		const sat = rows<ScoreRow>('scores').filter((s) => s.indicator === 'satisfaction').map((s) => s.score);
		expect(mean(sat)).toBeGreaterThan(71);
		expect(mean(sat)).toBeLessThan(75);
	});

	it('keeps fees inside the domain ranges, five years for every estate', () => {
		const estates = new Map(rows<EstateRow>('estates').map((e) => [e.estate_id, e]));
		const fees = rows<FeeRow>('fees');
		expect(fees.length).toBe(estates.size * 5);
		const outside = fees.filter((f) => {
			const e = estates.get(f.estate_id)!;
			if (f.year < 2021 || f.year > 2025) return true;
			if (f.collection_rate !== null && (f.collection_rate < 0.6 || f.collection_rate > 0.98)) return true;
			// 售后公房: 10.5 raised to at most 24 元/户·月 (section 3 [V])
			if (e.estate_type === 'public_sold') return f.fee_unit !== 'per_household_month' || f.fee < 10.5 || f.fee > 24;
			const [lo, hi] =
				e.estate_type === 'relocation'
					? e.building_type === 'multi'
						? [0.4, 0.7] // sections 7 and 10: 0.40-0.70 multi-storey
						: [0.8, 1.2] // section 7: 0.80-1.20 high-rise
					: e.estate_type === 'commercial'
						? [0.9, 6.0] // sections 4 and 10, luxury up to 6
						: [0.5, 2.0]; // mixed: between the two
			return f.fee_unit !== 'per_m2_month' || f.fee < lo || f.fee > hi;
		});
		expect(outside.slice(0, 5)).toEqual([]);
		const rates = fees.flatMap((f) => (f.collection_rate === null ? [] : [f.collection_rate]));
		expect(mean(rates)).toBeGreaterThan(0.76);
		expect(mean(rates)).toBeLessThan(0.9);
		expect(fees.filter((f) => f.estate_id === 'LJ0001').map((f) => f.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
	});

	it('ties fee to quality within each estate and building type, with estates off the line', () => {
		const inspection = new Map<string, number[]>();
		for (const s of rows<ScoreRow>('scores'))
			if (s.source === 'inspection' && s.period.startsWith('2025')) {
				if (!inspection.has(s.estate_id)) inspection.set(s.estate_id, []);
				inspection.get(s.estate_id)!.push(s.score);
			}
		const fee2025 = new Map(rows<FeeRow>('fees').filter((f) => f.year === 2025).map((f) => [f.estate_id, f.fee]));
		const estates = rows<EstateRow>('estates');
		for (const type of ['commercial', 'relocation', 'mixed', 'public_sold'])
			for (const building of ['multi', 'high']) {
				const group = estates.filter((e) => e.estate_type === type && e.building_type === building);
				if (group.length < 10) continue;
				const r = correlation(
					group.map((e) => mean(inspection.get(e.estate_id)!)),
					group.map((e) => fee2025.get(e.estate_id)!)
				);
				expect(r, `${type} ${building}`).toBeGreaterThan(0.2);
				expect(r, `${type} ${building}: some estates must be off the line`).toBeLessThan(0.95);
			}
	});

	it('has at least 20,000 tickets over 2023-2025, about 3% still open, none closed before opening', () => {
		const tickets = rows<TicketRow>('tickets');
		expect(tickets.length).toBeGreaterThanOrEqual(20000);
		expect(new Set(tickets.map((t) => t.ticket_id)).size).toBe(tickets.length);
		const open = tickets.filter((t) => t.closed_at === null).length / tickets.length;
		expect(open).toBeGreaterThan(0.015);
		expect(open).toBeLessThan(0.05);
		const outside = tickets.filter(
			(t) =>
				t.opened_at < '2023-01-01 00:00:00' ||
				t.opened_at > '2025-12-31 23:59:59' ||
				(t.closed_at !== null && t.closed_at > '2025-12-31 23:59:59')
		);
		expect(outside.slice(0, 5)).toEqual([]);
		expect(new Set(tickets.map((t) => t.category)).size).toBe(9);
	});

	it('gives relocation estates more tickets per household than commercial ones', () => {
		const estates = rows<EstateRow>('estates');
		const count = new Map<string, number>();
		for (const t of rows<TicketRow>('tickets')) count.set(t.estate_id, (count.get(t.estate_id) ?? 0) + 1);
		const rate = (type: string) => {
			const group = estates.filter((e) => e.estate_type === type);
			return group.reduce((s, e) => s + (count.get(e.estate_id) ?? 0), 0) / group.reduce((s, e) => s + e.households, 0);
		};
		expect(rate('relocation')).toBeGreaterThan(2 * rate('commercial'));
	});

	it('splits every estate into unit sizes that add up to its households', () => {
		const sum = new Map<string, number>();
		const buckets = new Map<string, number>();
		for (const u of rows<UnitSizeRow>('unit_sizes')) {
			sum.set(u.estate_id, (sum.get(u.estate_id) ?? 0) + u.households);
			buckets.set(u.estate_id, (buckets.get(u.estate_id) ?? 0) + 1);
		}
		for (const e of rows<EstateRow>('estates')) {
			expect(sum.get(e.estate_id), e.estate_id).toBe(e.households);
			expect(buckets.get(e.estate_id)).toBeGreaterThanOrEqual(3);
			expect(buckets.get(e.estate_id)).toBeLessThanOrEqual(6);
		}
	});

	it('budgets all ten cost items for about 40 estates at 0.5-2.5 元/㎡·月 (docs/sources.md §3)', () => {
		const area = new Map(rows<EstateRow>('estates').map((e) => [e.estate_id, e.chargeable_area_m2]));
		const totals = new Map<string, { sum: number; items: number }>();
		for (const c of rows<CostRow>('costs')) {
			const key = `${c.estate_id} ${c.year}`;
			const t = totals.get(key) ?? { sum: 0, items: 0 };
			t.sum += c.amount_yuan;
			t.items++;
			totals.set(key, t);
		}
		const estates = new Set([...totals.keys()].map((k) => k.split(' ')[0]));
		expect(estates.size).toBeGreaterThanOrEqual(35);
		expect(totals.size).toBe(estates.size * 2);
		for (const [key, t] of totals) {
			expect(t.items, key).toBe(10);
			const unit = t.sum / 12 / area.get(key.split(' ')[0])!;
			expect(unit, key).toBeGreaterThanOrEqual(0.5);
			expect(unit, key).toBeLessThanOrEqual(2.5);
		}
	});

	it('has vote tallies of both kinds, some passing and some failing (Civil Code art. 278)', () => {
		const votes = rows<VoteRow>('votes');
		expect(votes.length).toBeGreaterThanOrEqual(12);
		const passes = (v: VoteRow) => {
			const quorum = v.owners_participating >= (2 / 3) * v.owners_total && v.area_participating_m2 >= (2 / 3) * v.area_total_m2;
			const ok =
				v.motion_kind === 'major'
					? v.owners_yes >= 0.75 * v.owners_participating && v.area_yes_m2 >= 0.75 * v.area_participating_m2
					: v.owners_yes > 0.5 * v.owners_participating && v.area_yes_m2 > 0.5 * v.area_participating_m2;
			return quorum && ok;
		};
		for (const kind of ['ordinary', 'major']) {
			const group = votes.filter((v) => v.motion_kind === kind);
			expect(group.some(passes), `${kind} passing`).toBe(true);
			expect(group.some((v) => !passes(v)), `${kind} failing`).toBe(true);
		}
		// Owners of one estate are the same people in every vote.
		const owners = new Map<string, number>();
		for (const v of votes) {
			expect(owners.get(v.estate_id) ?? v.owners_total).toBe(v.owners_total);
			owners.set(v.estate_id, v.owners_total);
		}
	});
});
