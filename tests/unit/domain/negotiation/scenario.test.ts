import { describe, expect, it } from 'vitest';
import {
	computeCostFee,
	decodeScenario,
	encodeScenario,
	formatScenarioIssues,
	newScenario,
	parseScenario,
	scenarioCostInput,
	scenarioGuidePrices,
	type NegotiationScenarioInput
} from '$lib/domain';

const FULL: NegotiationScenarioInput = {
	estateId: 'LJ0070',
	buildingType: 'high',
	cost: {
		items: { order: 54_720, cleaning: 27_360, management: 21_888, facilities: 17_784, greening: 15_048 },
		chargeableAreaM2: 10_000,
		collectionRate: 0.8,
		vacancy: { vacantShare: 0.05 }
	},
	staffing: [{ post: 'security', label: { zh: '门岗', en: 'Gate' }, headcount: 4, monthlyWage: 4000 }],
	unitSizes: [{ unit_area_m2: 90, households: 20 }],
	quality: { currentFee: 1.5, achievedGrade: 3, q: 75, guidePrices: { '2': 1.9, '3': 1.5 } },
	proposals: [
		{ label: '方案A', fee_m2: 1.8, promisedGrade: 2, costChanges: { order: 24_000 } },
		{ label: 'B', fee_m2: 1.6, promisedGrade: 3 }
	],
	votes: [
		{
			motion: '物业费由1.55元/㎡·月调整为1.80元/㎡·月',
			motion_kind: 'ordinary',
			owners_total: 314,
			area_total_m2: 41_305,
			owners_participating: 222,
			area_participating_m2: 29_072.69,
			owners_yes: 117,
			area_yes_m2: 15_696.12
		}
	]
};

describe('parseScenario', () => {
	it('fills structural defaults and leaves rates absent so their sources survive', () => {
		const r = newScenario({ chargeableAreaM2: 10_000, currentFee: 1.5, achievedGrade: 3 });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.scenario.version).toBe(1);
		expect(r.scenario.cost.contract).toBe('lump_sum');
		expect(r.scenario.cost.items.staff).toBe(0);
		expect(r.scenario.cost.collectionRate).toBeUndefined();
		expect(r.scenario.quality.bands).toEqual({ low: 0.9, high: 1.1 });
		expect(r.scenario.proposals).toEqual([]);
		const fee = computeCostFee(scenarioCostInput(r.scenario));
		expect(fee.rates.collectionRate).toMatchObject({ value: 0.76, provenance: { tag: 'V' } });
	});

	it('a rate given in the scenario is the user’s', () => {
		const r = parseScenario(FULL);
		if (!r.ok) throw new Error(formatScenarioIssues(r.issues).join('\n'));
		const fee = computeCostFee(scenarioCostInput(r.scenario));
		expect(fee.rates.collectionRate).toMatchObject({ value: 0.8, provenance: { tag: 'user' } });
		expect(scenarioGuidePrices(r.scenario)).toEqual({ 2: 1.9, 3: 1.5 });
	});

	it('clear, path-prefixed messages', () => {
		const r = parseScenario({
			cost: { chargeableAreaM2: -1, collectionRate: 1.5, items: { staf: 1 } },
			quality: { currentFee: 1.5, achievedGrade: 6 },
			proposals: [
				{ label: 'A', fee_m2: 1.8, promisedGrade: 2 },
				{ label: 'A', fee_m2: 1.9, promisedGrade: 2 }
			]
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const lines = formatScenarioIssues(r.issues);
		expect(lines).toContain('cost.chargeableAreaM2: chargeable area (m²) must be > 0');
		expect(lines).toContain('cost.collectionRate: collection rate must be between 0 and 1 (a share, e.g. 0.76 for 76%)');
		expect(lines.some((l) => l.startsWith('cost.items: unknown cost item'))).toBe(true);
		expect(lines).toContain('quality.achievedGrade: grade must be 1, 2, 3, 4 or 5 (1 = 一级, the best)');
		expect(r.explanation.en).toContain('errors');
	});

	it('duplicate proposal labels and inconsistent vote tallies are reported', () => {
		const r = parseScenario({
			...FULL,
			proposals: [
				{ label: 'A', fee_m2: 1.8, promisedGrade: 2 },
				{ label: 'A', fee_m2: 1.9, promisedGrade: 2 }
			],
			votes: [{ ...FULL.votes![0], owners_yes: 999 }]
		});
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const lines = formatScenarioIssues(r.issues);
		expect(lines).toContain("proposals.1.label: duplicate proposal label 'A'");
		expect(lines).toContain('votes.0: expected owners_yes ≤ owners_participating ≤ owners_total');
	});
});

describe('encodeScenario / decodeScenario', () => {
	it('round trip, Chinese text included, URL-safe', () => {
		const parsed = parseScenario(FULL);
		if (!parsed.ok) throw new Error('fixture invalid');
		const text = encodeScenario(parsed.scenario);
		expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
		const back = decodeScenario(text);
		expect(back).toEqual({ ok: true, scenario: parsed.scenario });
	});

	it.each([
		['empty', ''],
		['not base64url', 'abc$def'],
		['standard base64 padding', 'eyJhIjoxfQ=='],
		['cut to 1 mod 4', 'eyJhIjoxf'],
		['base64 of non-JSON', 'bm90IGpzb24'],
		['base64 of invalid UTF-8', '__79']
	])('a damaged string (%s) decodes to an error, never throws', (_name, text) => {
		const r = decodeScenario(text);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.explanation.en).toContain('damaged');
		expect(r.issues.length).toBeGreaterThan(0);
	});

	it('a truncated or altered real link is an error, not an exception', () => {
		const parsed = parseScenario(FULL);
		if (!parsed.ok) throw new Error('fixture invalid');
		const text = encodeScenario(parsed.scenario);
		for (const damaged of [text.slice(0, -7), text.slice(0, 40), 'A' + text.slice(1), text.slice(0, 10) + 'zz' + text.slice(12)]) {
			expect(() => decodeScenario(damaged)).not.toThrow();
			expect(decodeScenario(damaged).ok).toBe(false);
		}
	});

	it('valid JSON that is not a valid scenario names the field', () => {
		const r = decodeScenario(encodeScenario({ ...FULL, version: 2 } as unknown as NegotiationScenarioInput));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(formatScenarioIssues(r.issues)).toContain('version: unsupported scenario version (this app reads version 1)');
	});
});
