/**
 * SQL and TypeScript agree: on random districts (estates of several types, scores by period, tickets with open and
 * closed ones, fee rows per m² and per household, duplicates and gaps) and random policies (every target and
 * owner-fee mode, tapers with zeros, span 0, floors, caps that bind, every budget rule, lags, weights, limits), the
 * plan from DuckDB (loadSubsidyPlan) equals the plan from the domain (planPortfolio) computed from the same raw rows,
 * with Q per period from the domain's inspectionScore / compositeQ: statuses, counts and flags exactly, numbers to
 * 1e-9 relative to their size (|a − b| ≤ 1e-9 × max(1, |a|, |b|)), and every amount in fen (paid, budgeted,
 * totals) exactly: the money step rounds to the fen and applies the cap in integers (docs/sources.md §15).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeEngine } from '../../../src/lib/engine/node';
import { sqlString, type Engine } from '../../../src/lib/engine/engine';
import { createAllTablesSql } from '../../../src/lib/workspace/sample';
import { sqlDouble } from '../../../src/lib/queries/quality-sql';
import { loadSubsidyPlan, defaultQualityModel } from '../../../src/lib/queries/subsidy';
import { DEFAULT_INDICATOR_SYSTEM, INDICATOR_CODES, compositeQ, inspectionScore } from '../../../src/lib/domain';
import {
	SUBSIDY_TICKET_CATEGORIES,
	definePolicy,
	planPortfolio,
	type EstatePlanInput,
	type Plan,
	type PolicyInput
} from '../../../src/lib/domain/subsidy';
import { seededRandom } from '../domain/helpers';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const round = (x: number, digits: number) => Number(x.toFixed(digits));

interface RawEstate {
	estate_id: string;
	name: string;
	estate_type: 'relocation' | 'commercial' | 'public_sold';
	building_type: 'multi' | 'high';
	has_elevator: boolean;
	area: number;
	households: number;
}
interface RawScore {
	estate_id: string;
	period: string;
	indicator: string;
	score: number;
	source: 'inspection' | 'satisfaction';
}
interface RawTicket {
	estate_id: string;
	category: string;
	opened_at: string;
	closed_at: string | null;
}
interface RawFee {
	estate_id: string;
	year: number;
	fee: number;
	fee_unit: 'per_m2_month' | 'per_household_month';
	collection_rate: number | null;
}
interface District {
	estates: RawEstate[];
	scores: RawScore[];
	tickets: RawTicket[];
	fees: RawFee[];
}

const text = (secs: number) => new Date(secs * 1000).toISOString().slice(0, 19).replace('T', ' ');

function randomDistrict(r: Rng): District {
	const estates: RawEstate[] = [];
	const scores: RawScore[] = [];
	const tickets: RawTicket[] = [];
	const fees: RawFee[] = [];
	const n = int(r, 2, 8);
	for (let i = 0; i < n; i++) {
		const building_type = pick(r, ['multi', 'high'] as const);
		const e: RawEstate = {
			estate_id: `E${String(i).padStart(2, '0')}`,
			name: `小区${i}`,
			estate_type: r() < 0.75 ? 'relocation' : pick(r, ['commercial', 'public_sold'] as const),
			building_type,
			has_elevator: building_type === 'high' ? r() < 0.9 : r() < 0.1,
			area: round(1_000 + r() * 150_000, 2),
			households: int(r, 20, 3_000)
		};
		estates.push(e);
		// scores: quarters (sometimes months) of 2022-2025
		for (let y = 2022; y <= 2025; y++) {
			const periods = r() < 0.2 ? [`${y}-0${int(r, 1, 9)}`] : [1, 2, 3, 4].filter(() => r() < 0.6).map((q) => `${y}Q${q}`);
			for (const period of periods) {
				for (const indicator of INDICATOR_CODES) {
					if (r() < 0.8) scores.push({ estate_id: e.estate_id, period, indicator, score: round(30 + r() * 70, 1), source: 'inspection' });
				}
				if (r() < 0.5) scores.push({ estate_id: e.estate_id, period, indicator: 'satisfaction', score: round(40 + r() * 60, 1), source: 'satisfaction' });
			}
		}
		// tickets: opened 2022-2025, some open, some closed exactly at a whole number of days
		const start = Date.UTC(2022, 0, 1) / 1000;
		const span = Date.UTC(2026, 0, 1) / 1000 - start;
		for (let k = int(r, 0, 25); k > 0; k--) {
			const opened = start + Math.floor(r() * span);
			const u = r();
			const closed = u < 0.2 ? null : u < 0.35 ? opened + 3600 * pick(r, [24, 48, 72, 168]) : opened + Math.floor(r() * 3600 * 400);
			tickets.push({ estate_id: e.estate_id, category: pick(r, SUBSIDY_TICKET_CATEGORIES), opened_at: text(opened), closed_at: closed === null ? null : text(closed) });
		}
		// fees: some years of 2021-2026, per m² or per household, collection sometimes missing, a duplicate now and then
		const noFees = r() < 0.1;
		for (let y = 2021; y <= 2026; y++) {
			if (noFees || r() < 0.35) continue;
			const perHousehold = r() < 0.3;
			const rows = r() < 0.1 ? 2 : 1;
			for (let k = 0; k < rows; k++) {
				fees.push({
					estate_id: e.estate_id,
					year: y,
					fee: perHousehold ? round(8 + r() * 30, 2) : round(0.2 + r() * 2.5, 2),
					fee_unit: perHousehold ? 'per_household_month' : 'per_m2_month',
					collection_rate: r() < 0.15 ? null : round(0.4 + r() * 0.6, 3)
				});
			}
		}
	}
	return { estates, scores, tickets, fees };
}

function randomPolicy(r: Rng, id: string): PolicyInput {
	const start = int(r, 2022, 2027);
	const years = Array.from({ length: int(r, 1, 5) }, (_, i) => start + i);
	const perYear = (f: () => number) => years.map(f);
	const fee = () => round(0.1 + r() * 2, 2);
	const targetMode = pick(r, ['by_building_type', 'by_grade', 'current_fee'] as const);
	const target: PolicyInput['target'] =
		targetMode === 'by_building_type'
			? { mode: 'by_building_type', fee: { multi: fee(), high: fee() } }
			: targetMode === 'by_grade'
				? {
						mode: 'by_grade',
						fee: { multi: [1.5, 1.2, 0.9, 0.6, 0.4].map((x) => round(x * (0.5 + r()), 2)), high: [2.3, 1.9, 1.5, 1.1, 0.7] },
						thresholds: r() < 0.5 ? [90, 80, 70, 60] : [85, 75, 65, 55]
					}
				: { mode: 'current_fee' };
	const ownerMode = pick(r, ['share_of_target', 'schedule', 'current_fee'] as const);
	const ownerFee: PolicyInput['ownerFee'] =
		ownerMode === 'share_of_target'
			? { mode: 'share_of_target', shares: perYear(() => (r() < 0.15 ? 1 : round(r() * 1.1, 2))) }
			: ownerMode === 'schedule'
				? { mode: 'schedule', fee: { multi: perYear(() => round(r() * 1.2, 2)), high: perYear(() => round(r() * 2, 2)) } }
				: { mode: 'current_fee', stepPerYear: r() < 0.3 ? 0 : round(r() * 0.2, 2) };
	const w = () => (r() < 0.2 ? 0 : round(r(), 2));
	const weights = { q: r() < 0.15 ? 0 : round(0.2 + r(), 2), handling: w(), onTime: w(), median: w() };
	if (weights.q + weights.handling + weights.onTime + weights.median === 0) weights.handling = 1;
	return {
		id,
		name_zh: id,
		name_en: id,
		years,
		target,
		ownerFee,
		taper: r() < 0.3 ? undefined : perYear(() => pick(r, [0, 1, round(r(), 2)])),
		reward: {
			rate: r() < 0.2 ? { multi: 0, high: 0 } : { multi: round(r() * 0.5, 2), high: round(r() * 0.9, 2) },
			threshold: int(r, 40, 80),
			span: r() < 0.2 ? 0 : int(r, 5, 30)
		},
		collectionFloor: r() < 0.3 ? 0 : round(0.5 + r() * 0.4, 2),
		budget: { caps: null, rule: pick(r, ['pro_rata', 'largest_gap_first', 'lowest_score_first'] as const) },
		assessment: {
			lag: int(r, 0, 2),
			weights,
			timeLimitsHours: r() < 0.5 ? {} : { repair: int(r, 12, 96), cleaning: int(r, 6, 48), other: int(r, 24, 200) },
			medianTargetHours: int(r, 5, 100)
		}
	};
}

async function loadDistrict(engine: Engine, d: District): Promise<void> {
	for (const sql of createAllTablesSql()) await engine.exec(sql);
	const s = sqlString;
	const n = sqlDouble;
	await engine.exec(
		`INSERT INTO estates VALUES ${d.estates
			.map((e) => `(${s(e.estate_id)}, ${s(e.name)}, NULL, ${s(e.estate_type)}, ${s(e.building_type)}, NULL, ${n(e.area)}, ${e.households}, ${e.has_elevator}, NULL, NULL)`)
			.join(', ')}`
	);
	if (d.scores.length > 0) {
		await engine.exec(
			`INSERT INTO scores VALUES ${d.scores.map((x) => `(${s(x.estate_id)}, ${s(x.period)}, ${s(x.indicator)}, ${n(x.score)}, ${s(x.source)})`).join(', ')}`
		);
	}
	if (d.tickets.length > 0) {
		await engine.exec(
			`INSERT INTO tickets VALUES ${d.tickets
				.map((t, i) => `(${s(`T${i}`)}, ${s(t.estate_id)}, ${s(t.category)}, ${s(t.opened_at)}, ${t.closed_at === null ? 'NULL' : s(t.closed_at)})`)
				.join(', ')}`
		);
	}
	if (d.fees.length > 0) {
		await engine.exec(
			`INSERT INTO fees VALUES ${d.fees
				.map((f) => `(${s(f.estate_id)}, ${f.year}, ${n(f.fee)}, ${s(f.fee_unit)}, ${f.collection_rate === null ? 'NULL' : n(f.collection_rate)})`)
				.join(', ')}`
		);
	}
}

/** The plan inputs built in TypeScript from the raw rows, Q by the domain's own scoring. */
function tsInputs(d: District): EstatePlanInput[] {
	return d.estates
		.filter((e) => e.estate_type === 'relocation')
		.map((e) => {
			const periods = [...new Set(d.scores.filter((x) => x.estate_id === e.estate_id).map((x) => x.period))];
			const quality = periods.map((period) => {
				const rows = d.scores.filter((x) => x.estate_id === e.estate_id && x.period === period);
				const byIndicator: Record<string, number> = {};
				for (const x of rows) if (x.indicator !== 'satisfaction') byIndicator[x.indicator] = x.score;
				const sat = rows.find((x) => x.indicator === 'satisfaction')?.score ?? null;
				const insp = inspectionScore(DEFAULT_INDICATOR_SYSTEM, byIndicator, e.has_elevator);
				return { period, q: compositeQ(DEFAULT_INDICATOR_SYSTEM, insp.score, sat).q };
			});
			return {
				estate_id: e.estate_id,
				name: e.name,
				building_type: e.building_type,
				area_m2: e.area,
				households: e.households,
				quality,
				tickets: d.tickets.filter((t) => t.estate_id === e.estate_id),
				fees: d.fees.filter((f) => f.estate_id === e.estate_id)
			};
		});
}

function close(a: unknown, b: unknown, key = ''): boolean {
	if (key.endsWith('_fen')) return a === b;
	if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
	return a === b;
}

function differences(sql: Plan, ts: Plan): string[] {
	const out: string[] = [];
	if (sql.latestDataYear !== ts.latestDataYear) out.push(`latestDataYear ${sql.latestDataYear} vs ${ts.latestDataYear}`);
	if (sql.rows.length !== ts.rows.length) return [...out, `rows ${sql.rows.length} vs ${ts.rows.length}`];
	sql.rows.forEach((row, i) => {
		const other = ts.rows[i] as Record<string, unknown>;
		for (const [k, v] of Object.entries(row)) {
			if (!close(v, other[k], k)) out.push(`${row.estate_id}/${row.year} ${k}: SQL ${String(v)} vs TS ${String(other[k])}`);
		}
	});
	if (sql.totals.length !== ts.totals.length) return [...out, `totals ${sql.totals.length} vs ${ts.totals.length}`];
	sql.totals.forEach((t, i) => {
		const other = ts.totals[i] as Record<string, unknown>;
		for (const [k, v] of Object.entries(t)) if (!close(v, other[k], k)) out.push(`total ${t.year} ${k}: SQL ${String(v)} vs TS ${String(other[k])}`);
	});
	return out;
}

let engine: Engine;
beforeAll(async () => {
	engine = await startNodeEngine();
}, 60_000);
afterAll(() => engine?.close());

const TRIALS = 40;

describe('subsidy plan: SQL and TypeScript agree', () => {
	it(`on ${TRIALS} random districts and policies`, { timeout: 300_000 }, async () => {
		const r = seededRandom(20260601);
		const seen = { rules: new Set<string>(), funding: new Set<string>(), reward: new Set<string>(), base: new Set<string>(), targets: new Set<string>(), owners: new Set<string>() };
		for (let trial = 0; trial < TRIALS; trial++) {
			const district = randomDistrict(r);
			await loadDistrict(engine, district);
			const inputs = tsInputs(district);
			let policy = definePolicy(randomPolicy(r, `random-${trial}`));
			// caps from the uncapped requests: sometimes none, one for all years, or one per year; often binding
			const uncapped = planPortfolio(policy, inputs);
			const u = r();
			if (u > 0.25) {
				const caps = uncapped.totals.map((t) => round(t.requested * (0.2 + r()), 2));
				policy = definePolicy({ ...policy, budget: { ...policy.budget, caps: u < 0.5 ? caps[0] : caps } });
			}
			const ts = planPortfolio(policy, inputs);
			const sql = await loadSubsidyPlan(engine, policy, defaultQualityModel());
			const diff = differences(sql, ts);
			expect(diff.slice(0, 10), `trial ${trial} (${policy.target.mode}, ${policy.ownerFee.mode}, ${policy.budget.rule})`).toEqual([]);
			seen.rules.add(policy.budget.rule);
			seen.targets.add(policy.target.mode);
			seen.owners.add(policy.ownerFee.mode);
			for (const row of sql.rows) {
				seen.funding.add(row.funding);
				seen.reward.add(row.reward_status);
				seen.base.add(row.base_status);
			}
		}
		// the random cases reached every branch
		expect([...seen.rules].sort()).toEqual(['largest_gap_first', 'lowest_score_first', 'pro_rata']);
		expect(seen.targets.size).toBe(3);
		expect(seen.owners.size).toBe(3);
		expect([...seen.funding].sort()).toEqual(['full', 'nothing_requested', 'partial', 'pro_rata', 'unfunded']);
		expect([...seen.reward].sort()).toEqual(['below_threshold', 'collection_below_floor', 'collection_unknown', 'no_rate', 'no_score', 'paid']);
		expect([...seen.base].sort()).toEqual(['no_gap', 'no_owner_fee', 'no_target', 'ok', 'taper_zero']);
	});
});
