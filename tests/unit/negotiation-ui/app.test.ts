/**
 * The workspace glue on the sample district: scenarios built from an estate's data, where each input is said to
 * come from, every result computed part by part, the report's tables and the scenario store. Expected figures
 * come from the CSV files and hand arithmetic, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
	DEFAULT_BANDS,
	DEFAULT_CATALOGUE,
	DEFAULT_INDICATOR_SYSTEM,
	STAFFING_TEMPLATES,
	encodeScenario,
	scaleStaffingTemplate,
	staffCost,
	type NegotiationScenario
} from '$lib/domain';
import type { Engine } from '$lib/engine/engine';
import {
	CURRENT_LABEL,
	computeWorkspace,
	costBasis,
	costItemSource,
	loadEstateBaseline,
	nextProposalLabel,
	rateSources,
	scenarioFromBaseline,
	scenarioVerdict,
	unitSizesSource,
	voteSource,
	type EstateBaseline
} from '$lib/app/negotiation';
import { reportTables, roundFigures, sheetName } from '$lib/app/negotiation-report';
import { deleteNamed, loadCurrent, loadSaved, saveCurrent, saveNamed, scenarioFromJsonText, scenarioFromParam } from '$lib/app/negotiation-storage';
import { sampleEngine } from '../sample-engine';

const SETTINGS = { system: DEFAULT_INDICATOR_SYSTEM, catalogue: DEFAULT_CATALOGUE, bands: DEFAULT_BANDS, period: null };

function csv(file: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(`data/sample/${file}`, 'utf8').trim().split(/\r?\n/);
	const cols = head.split(',');
	return lines.map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split(',')[i]])));
}

let engine: Engine;
let lj0192: EstateBaseline;
let scenario: NegotiationScenario;

beforeAll(async () => {
	engine = await sampleEngine();
	lj0192 = (await loadEstateBaseline(engine, SETTINGS, 'LJ0192'))!;
	const r = scenarioFromBaseline(lj0192);
	if (!r.ok) throw new Error(JSON.stringify(r.issues));
	scenario = r.scenario;
}, 120_000); // engine start-up is slow on a loaded machine
afterAll(async () => {
	await engine?.close();
});

describe('a scenario from an estate with a budget (LJ0192)', () => {
	it('takes the latest budget, the unit sizes, the collection rate, the grade and the guide prices', () => {
		const budget = csv('costs.csv').filter((c) => c.estate_id === 'LJ0192' && c.year === '2025');
		for (const row of budget) expect(scenario.cost.items[row.item as 'staff']).toBe(Number(row.amount_yuan));
		expect(scenario.cost.chargeableAreaM2).toBe(192868.79);
		expect(scenario.cost.collectionRate).toBe(0.698);
		expect(scenario.cost.profitRate).toBeUndefined(); // the sourced default applies
		expect(scenario.unitSizes).toEqual([
			{ unit_area_m2: 53, households: 566 },
			{ unit_area_m2: 85, households: 1703 },
			{ unit_area_m2: 122, households: 84 }
		]);
		expect(scenario.quality).toMatchObject({ currentFee: 0.4, achievedGrade: 4, guidePrices: { '1': 1.5, '2': 1.2, '3': 0.9, '4': 0.6, '5': 0.4 } });
		expect(scenario.votes).toHaveLength(1);
		expect(scenario.staffing).toEqual(scaleStaffingTemplate(STAFFING_TEMPLATES.multi, 192868.79));
	});

	it('says where each input comes from, and marks an edit as the user’s', () => {
		expect(costItemSource(scenario, lj0192, 'staff').tag).toBe('data');
		const rates = rateSources(scenario, lj0192);
		expect(rates.collectionRate.tag).toBe('data');
		expect(rates.profitRate.tag).toBe('V');
		expect(rates.vacantShare.tag).toBe('E');
		expect(unitSizesSource(scenario, lj0192).tag).toBe('data');
		expect(voteSource(scenario.votes[0], lj0192, 'LJ0192').tag).toBe('data');
		const edited = structuredClone(scenario);
		edited.cost.items.staff += 1;
		edited.cost.collectionRate = 0.9;
		edited.votes[0].owners_yes += 1;
		expect(costItemSource(edited, lj0192, 'staff').tag).toBe('user');
		expect(rateSources(edited, lj0192).collectionRate.tag).toBe('user');
		expect(voteSource(edited.votes[0], lj0192, 'LJ0192').tag).toBe('user');
	});

	it('computes every part, and one bad proposal spoils only its own column', () => {
		const s = structuredClone(scenario);
		s.proposals = [
			{ label: 'A', fee_m2: 0.45, promisedGrade: 4, costChanges: {} },
			{ label: 'B', fee_m2: 0.5, promisedGrade: 4, costChanges: { other: -1_000_000 } }
		];
		const r = computeWorkspace(s, DEFAULT_INDICATOR_SYSTEM.gradeThresholds);
		expect(r.proposals.map((p) => p.label)).toEqual([CURRENT_LABEL, 'A', 'B']);
		expect(r.proposals[1].outcome.ok).toBe(true);
		expect(r.proposals[2].outcome.ok).toBe(false);
		// Hand check of A's 53 ㎡ bill and of the break-even fee (docs/sources.md §3).
		if (r.proposals[1].outcome.ok) expect(r.proposals[1].outcome.value.bills.buckets[0].monthly).toBeCloseTo(0.45 * 53, 10);
		const cost = csv('costs.csv')
			.filter((c) => c.estate_id === 'LJ0192' && c.year === '2025')
			.reduce((a, c) => a + Number(c.amount_yuan), 0);
		expect(r.costFee.ok && r.costFee.value.breakEvenFee).toBeCloseTo(((cost / 12 / 192868.79) * 1.08 * 1.06) / 0.698, 10);
		expect(r.votes[0].ok && r.votes[0].value.passed).toBe(false);
		expect(r.tornado.ok && r.tornado.value.bars).toHaveLength(12);
	});

	it('makes the report’s tables with Chinese headers and every input with its source', () => {
		const tables = reportTables({ scenario, results: computeWorkspace(scenario, DEFAULT_INDICATOR_SYSTEM.gradeThresholds), baseline: lj0192, detail: null, system: DEFAULT_INDICATOR_SYSTEM });
		const ids = tables.map((x) => x.id);
		expect(ids).toEqual(['facts', 'quality', 'fit', 'costs', 'costfee', 'staffing', 'range', 'votes', 'inputs', 'legend']);
		const costs = tables.find((x) => x.id === 'costs')!;
		expect(costs.columns.map((c) => c.label)).toEqual(['成本项目', '年度金额', '占比', '单位成本', '来源']);
		expect(costs.rows).toHaveLength(11);
		const inputs = tables.find((x) => x.id === 'inputs')!;
		const row = (label: string) => inputs.rows.find((r) => r[0].v === label);
		expect(row('人员费用')?.[3].v).toBe('数据');
		expect(row('利润率（占成本）')?.[3].v).toBe('V');
		expect(String(row('利润率（占成本）')?.[4].v)).toContain('《质价方法与来源说明》');
		expect(row('收缴率')?.[1].v).toBe('69.8%');
	});

	it('writes each total as the sum of its rows as written, marked for an Excel SUM', () => {
		const tables = reportTables({ scenario, results: computeWorkspace(scenario, DEFAULT_INDICATOR_SYSTEM.gradeThresholds), baseline: lj0192, detail: null, system: DEFAULT_INDICATOR_SYSTEM });
		for (const id of ['costs', 'staffing']) {
			const table = tables.find((x) => x.id === id)!;
			expect(table.sumCols?.length).toBeGreaterThan(0);
			for (const k of table.sumCols!) {
				const body = table.rows.slice(0, -1).map((r) => (typeof r[k].v === 'number' ? (r[k].v as number) : 0));
				const total = table.rows.at(-1)![k].v as number;
				// Rounded as written: whole yuan, whole persons (or tenths), shares to 0.1%.
				expect(Math.abs(total - body.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
			}
		}
	});

	it('rounds worked formulas to 0.01 in the report: 1.8268 → 1.83, 1.305072 → 1.31, 8% stays', () => {
		expect(roundFigures('1.305072 ÷ (76% × 1) = 1.8268 元/㎡·月')).toBe('1.31 ÷ (76% × 1) = 1.83 元/㎡·月');
		expect(roundFigures('1.5 ÷ 0.9 = 1.6667')).toBe('1.5 ÷ 0.9 = 1.67');
	});
});

describe('an estate without a budget (LJ0001)', () => {
	it('estimates staff from the template and leaves the other items at 0, marked as missing', async () => {
		const b = (await loadEstateBaseline(engine, SETTINGS, 'LJ0001'))!;
		expect(b.budgetYear).toBeNull();
		const expected = Math.round(staffCost(scaleStaffingTemplate(STAFFING_TEMPLATES.multi, 30228.08)).annualCost);
		expect(b.costs.staff).toBe(expected);
		const r = scenarioFromBaseline(b);
		if (!r.ok) throw new Error('no scenario');
		expect(costItemSource(r.scenario, b, 'staff').tag).toBe('E');
		expect(costItemSource(r.scenario, b, 'order').tag).toBe('missing');
	});

	it('withholds the floor from the verdict and the report while 9 of the 10 items are missing', async () => {
		const b = (await loadEstateBaseline(engine, SETTINGS, 'LJ0001'))!;
		const r = scenarioFromBaseline(b);
		if (!r.ok) throw new Error('no scenario');
		const basis = costBasis(r.scenario, b);
		expect(basis).toEqual({ missingItems: 9, estimatedItems: 1, collectionRateDefault: false });
		const results = computeWorkspace(r.scenario, DEFAULT_INDICATOR_SYSTEM.gradeThresholds);
		const v = scenarioVerdict(r.scenario, b, results, DEFAULT_INDICATOR_SYSTEM.gradeThresholds);
		expect(v.floor).toBeNull();
		expect(v.floorWithheld).toBe(true);
		expect(v.options.some((o) => o.kind === 'cut_cost' || o.kind === 'collection')).toBe(false);
		const range = reportTables({ scenario: r.scenario, results, baseline: b, detail: null, system: DEFAULT_INDICATOR_SYSTEM, withheld: true }).find((x) => x.id === 'range')!;
		expect(range.rows[0][1].v).toBe('缺成本数据');
		expect(range.rows.some((row) => String(row[0].v).includes('差距'))).toBe(false);
	});

	it('an estate the data does not have gives no baseline', async () => {
		expect(await loadEstateBaseline(engine, SETTINGS, 'NOPE')).toBeNull();
	});
});

describe('helpers', () => {
	it('labels proposals A, B, … skipping used ones', () => {
		expect(nextProposalLabel([])).toBe('A');
		expect(nextProposalLabel(['A', 'C'])).toBe('B');
		expect(nextProposalLabel([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'])).toBe('A2');
	});

	it('makes sheet names Excel accepts', () => {
		const used = new Set<string>();
		expect(sheetName('协商区间/推荐[收费]', used)).toBe('协商区间 推荐 收费');
		expect(sheetName('协商区间/推荐[收费]', used)).toBe('协商区间 推荐 收费2');
		expect(sheetName('x'.repeat(40), used).length).toBeLessThanOrEqual(31);
	});
});

describe('the scenario store', () => {
	beforeEach(() => {
		const store = new Map<string, string>();
		globalThis.localStorage = {
			getItem: (k: string) => store.get(k) ?? null,
			setItem: (k: string, v: string) => void store.set(k, v),
			removeItem: (k: string) => void store.delete(k),
			clear: () => store.clear(),
			key: () => null,
			length: 0
		} as Storage;
	});

	it('remembers the current scenario and validates it when read back', () => {
		expect(loadCurrent()).toBeNull();
		saveCurrent(scenario);
		expect(loadCurrent()).toEqual(scenario);
		localStorage.setItem('zhijia.negotiation.current.v1', JSON.stringify({ ...scenario, cost: { chargeableAreaM2: -1 } }));
		expect(loadCurrent()).toBeNull();
	});

	it('keeps named scenarios and drops damaged ones', () => {
		saveNamed('乙', scenario);
		saveNamed('甲', scenario);
		expect(loadSaved().items.map((x) => x.name)).toEqual(['甲', '乙']);
		const raw = JSON.parse(localStorage.getItem('zhijia.negotiation.saved.v1')!);
		raw.push({ name: '坏', savedAt: 'x', scenario: { cost: 1 } });
		localStorage.setItem('zhijia.negotiation.saved.v1', JSON.stringify(raw));
		expect(loadSaved()).toMatchObject({ dropped: 1 });
		expect(deleteNamed('甲').map((x) => x.name)).toEqual(['乙']);
	});

	it('reads files and links without throwing', () => {
		expect(scenarioFromJsonText('{oops').ok).toBe(false);
		expect(scenarioFromJsonText(JSON.stringify(scenario))).toEqual({ ok: true, scenario });
		expect(scenarioFromParam(null)).toBeNull();
		expect(scenarioFromParam(encodeScenario(scenario))).toEqual({ ok: true, scenario });
		expect(scenarioFromParam('abc!')?.ok).toBe(false);
	});
});
