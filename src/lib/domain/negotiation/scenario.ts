/**
 * A negotiation scenario as data: the estate, the cost build-up and rates, the staffing plan, the
 * unit-size table, the quality and guide prices, the proposals and the vote tallies. It is validated
 * with zod (clear, path-prefixed messages) and travels in share links as base64url JSON.
 *
 * Rates are optional on purpose: an absent rate means "the sourced default" and the cost build-up fills
 * it in with its provenance (cost-fee.ts), so a report made from a link still says where 8% or 0.76
 * came from; a rate present in the scenario is shown as the user's. Structural parts (cost items,
 * lists, contract form, commission VAT base) get their defaults at parse time.
 *
 * `staffing` is a worksheet kept with the scenario; its total (staffCost) is what the user enters as
 * cost item 'staff'. It is not added to the cost automatically, so an outsourced post is never counted
 * twice (see staffing.ts).
 */
import { z } from 'zod';
import { COST_ITEM_CODES, MOTION_KINDS, type CostItemCode } from '../../data/datasets';
import { DEFAULT_BANDS } from '../fit';
import type { Grade } from '../grades';
import type { Bilingual } from '../provenance';
import { BUILDING_TYPES } from '../vocabulary';
import type { CostFeeInput } from './cost-fee';
import type { GuidePricesByGrade } from './range';
import { voteTallyProblems } from './vote';

/** Version of the scenario format; a link from a newer format is rejected with a clear message. */
export const SCENARIO_VERSION = 1;

const finite = (what: string) => z.number({ error: `${what} must be a number` }).refine(Number.isFinite, `${what} must be finite`);
const nonNegative = (what: string) => finite(what).refine((v) => v >= 0, `${what} must be ≥ 0`);
const positive = (what: string) => finite(what).refine((v) => v > 0, `${what} must be > 0`);
const share = (what: string) => finite(what).refine((v) => v >= 0 && v <= 1, `${what} must be between 0 and 1 (a share, e.g. 0.76 for 76%)`);
const wholeCount = (what: string) =>
	z.number({ error: `${what} must be a number` }).refine((v) => Number.isSafeInteger(v) && v >= 0, `${what} must be a whole number ≥ 0`);
const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], {
	error: 'grade must be 1, 2, 3, 4 or 5 (1 = 一级, the best)'
});

/** The ten items, each an annual amount; every key optional in the input and 0 when absent. */
function costItemsShape<T extends z.ZodType>(item: (code: CostItemCode) => T): Record<CostItemCode, T> {
	const shape = {} as Record<CostItemCode, T>;
	for (const code of COST_ITEM_CODES) shape[code] = item(code);
	return shape;
}
const ZERO_COSTS = Object.fromEntries(COST_ITEM_CODES.map((c) => [c, 0])) as Record<CostItemCode, number>;

const commissionSchema = z.discriminatedUnion(
	'kind',
	[
		z.object({ kind: z.literal('rate'), rate: nonNegative('commission rate') }),
		z.object({ kind: z.literal('fixed'), annualYuan: nonNegative('fixed commission (yuan/year)') })
	],
	{ error: "commission must be { kind: 'rate', rate } or { kind: 'fixed', annualYuan }" }
);

const costSchema = z.object({
	items: z
		.strictObject(costItemsShape((code) => nonNegative(`cost item '${code}' (yuan/year)`).default(0)), {
			error: (issue) =>
				issue.code === 'unrecognized_keys' ? `unknown cost item; expected one of ${COST_ITEM_CODES.join(', ')}` : 'cost items must be an object of yuan/year amounts'
		})
		.default(ZERO_COSTS),
	chargeableAreaM2: positive('chargeable area (m²)'),
	contract: z.enum(['lump_sum', 'commission'], { error: "contract must be 'lump_sum' (包干制) or 'commission' (酬金制)" }).default('lump_sum'),
	profitRate: nonNegative('profit rate').optional(),
	commission: commissionSchema.optional(),
	commissionVatBase: z.enum(['commission', 'whole_fund'], { error: "commissionVatBase must be 'commission' or 'whole_fund'" }).default('commission'),
	vatRate: share('VAT rate')
		.refine((v) => v < 1, 'VAT rate must be < 1')
		.optional(),
	collectionRate: share('collection rate')
		.refine((v) => v > 0, 'collection rate must be > 0')
		.optional(),
	vacancy: z
		.object({ vacantShare: share('vacant share').optional(), paidShare: share('share paid by vacant homes').optional() })
		.default({})
});

const bilingual = z.object({ zh: z.string(), en: z.string() });

const postSchema = z.object({
	post: z.string().trim().min(1, 'post code must not be empty'),
	label: bilingual.optional(),
	headcount: nonNegative('headcount'),
	monthlyWage: nonNegative('monthly wage'),
	socialInsuranceRate: share('social insurance rate').optional()
});

const unitSizeSchema = z.object({
	unit_area_m2: positive('unit area (m²)'),
	households: wholeCount('households')
});

const GRADE_KEYS = ['1', '2', '3', '4', '5'] as const;

const qualitySchema = z.object({
	currentFee: positive('current fee (元/㎡·月)'),
	achievedGrade: grade,
	q: finite('Q')
		.refine((v) => v >= 0 && v <= 100, 'Q must be between 0 and 100')
		.nullable()
		.default(null),
	/** Shipped catalogue the guide prices were taken from, if any (informational). */
	catalogueId: z.string().nullable().default(null),
	guidePrices: z
		.partialRecord(z.enum(GRADE_KEYS), positive('guide price (元/㎡·月)'), { error: 'guide prices must be keyed by grade 1-5' })
		.default({}),
	bands: z
		.object({ low: positive('band low'), high: positive('band high') })
		.refine((b) => b.low <= b.high, 'band low must be ≤ band high')
		.default({ low: DEFAULT_BANDS.low, high: DEFAULT_BANDS.high }),
	peerExpectedFee: positive('peer-expected fee').nullable().default(null)
});

const proposalSchema = z.object({
	label: z.string().trim().min(1, 'proposal label must not be empty'),
	fee_m2: positive('proposed fee (元/㎡·月)'),
	promisedGrade: grade,
	costChanges: z
		.strictObject(costItemsShape((code) => finite(`cost change to '${code}' (yuan/year)`).optional()), {
			error: (issue) =>
				issue.code === 'unrecognized_keys' ? `unknown cost item; expected one of ${COST_ITEM_CODES.join(', ')}` : 'cost changes must be an object of yuan/year amounts'
		})
		.default({})
});

const voteSchema = z
	.object({
		motion: z.string().default(''),
		motion_kind: z.enum(MOTION_KINDS, { error: "motion_kind must be 'ordinary' (过半数) or 'major' (四分之三)" }),
		owners_total: wholeCount('owners_total'),
		area_total_m2: nonNegative('area_total_m2'),
		owners_participating: wholeCount('owners_participating'),
		area_participating_m2: nonNegative('area_participating_m2'),
		owners_yes: wholeCount('owners_yes'),
		area_yes_m2: nonNegative('area_yes_m2')
	})
	.superRefine((v, ctx) => {
		for (const message of voteTallyProblems(v)) ctx.addIssue({ code: 'custom', message });
	});

/** The scenario schema. */
export const negotiationScenarioSchema = z
	.object({
		version: z.literal(SCENARIO_VERSION, { error: `unsupported scenario version (this app reads version ${SCENARIO_VERSION})` }).default(SCENARIO_VERSION),
		estateId: z.string().trim().min(1, 'estate id must not be empty').nullable().default(null),
		buildingType: z.enum(BUILDING_TYPES, { error: "building type must be 'multi' or 'high'" }).default('high'),
		cost: costSchema,
		staffing: z.array(postSchema).default([]),
		unitSizes: z.array(unitSizeSchema).default([]),
		quality: qualitySchema,
		proposals: z.array(proposalSchema).default([]),
		votes: z.array(voteSchema).default([])
	})
	.superRefine((s, ctx) => {
		const seen = new Set<string>();
		s.proposals.forEach((p, i) => {
			if (seen.has(p.label)) ctx.addIssue({ code: 'custom', path: ['proposals', i, 'label'], message: `duplicate proposal label '${p.label}'` });
			seen.add(p.label);
		});
	});

/** A parsed scenario, defaults filled in. */
export type NegotiationScenario = z.output<typeof negotiationScenarioSchema>;
/** What a scenario may look like before parsing (defaults optional). */
export type NegotiationScenarioInput = z.input<typeof negotiationScenarioSchema>;

/** One validation problem: where ('cost.collectionRate', 'proposals.1.fee_m2') and what. */
export interface ScenarioIssue {
	path: string;
	message: string;
}

/** The outcome of parsing or decoding a scenario: never an exception. */
export type ScenarioResult =
	| { ok: true; scenario: NegotiationScenario }
	| { ok: false; issues: ScenarioIssue[]; explanation: Bilingual };

const INVALID: Bilingual = { zh: '方案数据有误，请按提示修改。', en: 'The scenario has errors; see the messages.' };
const DAMAGED: Bilingual = { zh: '分享链接已损坏或不完整，无法读取方案。', en: 'The share link is damaged or incomplete, so the scenario cannot be read.' };

/** Validate a scenario and fill its defaults; problems come back as path-prefixed messages. */
export function parseScenario(input: unknown): ScenarioResult {
	const r = negotiationScenarioSchema.safeParse(input);
	if (r.success) return { ok: true, scenario: r.data };
	return {
		ok: false,
		issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
		explanation: INVALID
	};
}

/** Issues as lines for display: "cost.collectionRate: collection rate must be > 0". */
export function formatScenarioIssues(issues: readonly ScenarioIssue[]): string[] {
	return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
}

/** A new scenario with every default filled in, from the few figures that have none. */
export function newScenario(init: {
	chargeableAreaM2: number;
	currentFee: number;
	achievedGrade: Grade;
	estateId?: string | null;
	buildingType?: (typeof BUILDING_TYPES)[number];
}): ScenarioResult {
	return parseScenario({
		estateId: init.estateId ?? null,
		buildingType: init.buildingType,
		cost: { chargeableAreaM2: init.chargeableAreaM2 },
		quality: { currentFee: init.currentFee, achievedGrade: init.achievedGrade }
	});
}

/** The cost build-up input of a scenario (absent rates stay absent, so their defaults keep their source). */
export function scenarioCostInput(s: NegotiationScenario): CostFeeInput {
	const c = s.cost;
	return {
		costs: c.items,
		chargeableAreaM2: c.chargeableAreaM2,
		contract: c.contract,
		commissionVatBase: c.commissionVatBase,
		vacancy: c.vacancy,
		...(c.profitRate === undefined ? {} : { profitRate: c.profitRate }),
		...(c.commission === undefined ? {} : { commission: c.commission }),
		...(c.vatRate === undefined ? {} : { vatRate: c.vatRate }),
		...(c.collectionRate === undefined ? {} : { collectionRate: c.collectionRate })
	};
}

/** A scenario's guide prices keyed by grade number. */
export function scenarioGuidePrices(s: NegotiationScenario): GuidePricesByGrade {
	const out: Partial<Record<Grade, number>> = {};
	for (const k of GRADE_KEYS) {
		const v = s.quality.guidePrices[k];
		if (v !== undefined) out[Number(k) as Grade] = v;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------
// Share links: base64url (RFC 4648 §5, no padding) of the UTF-8 JSON
// ---------------------------------------------------------------------------------------------------

function bytesToBase64url(bytes: Uint8Array): string {
	let binary = '';
	// Chunks keep String.fromCharCode's argument list short for long scenarios.
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function base64urlToBytes(text: string): Uint8Array {
	const b64 = text.replaceAll('-', '+').replaceAll('_', '/');
	const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** A scenario as a URL-safe string (base64url of its JSON), for share links. */
export function encodeScenario(s: NegotiationScenario | NegotiationScenarioInput): string {
	return bytesToBase64url(new TextEncoder().encode(JSON.stringify(s)));
}

/**
 * A scenario from a share-link string. Never throws: a damaged string (bad characters, truncated,
 * not UTF-8, not JSON, or JSON that is not a valid scenario) comes back as { ok: false, issues }.
 */
export function decodeScenario(text: string): ScenarioResult {
	const fail = (message: string): ScenarioResult => ({ ok: false, issues: [{ path: '', message }], explanation: DAMAGED });
	if (typeof text !== 'string' || text.length === 0) return fail('empty share string');
	// A base64 length of 1 mod 4 can never come from whole bytes: the string was cut.
	if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return fail('not a base64url string (damaged or cut short)');
	let json: unknown;
	try {
		const utf8 = new TextDecoder('utf-8', { fatal: true }).decode(base64urlToBytes(text));
		json = JSON.parse(utf8);
	} catch {
		return fail('the share string does not decode to scenario JSON (damaged or cut short)');
	}
	const parsed = parseScenario(json);
	return parsed.ok ? parsed : { ...parsed, explanation: DAMAGED };
}
