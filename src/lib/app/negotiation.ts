/**
 * The negotiation workspace's glue between the data and the domain: a scenario for an estate built from its
 * analysis row and its data (or the domain's sourced estimates where the data has none), where each input
 * comes from, and every result of the workspace computed from one scenario. No money math here: every figure
 * comes from src/lib/domain/negotiation.
 */
import {
	DEFAULT_BANDS,
	DEFAULT_BANDS_PROVENANCE,
	DEFAULT_COLLECTION_RATE,
	DEFAULT_COMMISSION_RATE,
	DEFAULT_PROFIT_RATE,
	DEFAULT_SOCIAL_INSURANCE_RATE,
	DEFAULT_UNIT_SIZE_SHARES_PROVENANCE,
	DEFAULT_VACANT_PAID_SHARE,
	DEFAULT_VACANT_SHARE,
	DEFAULT_VAT_RATE,
	FEE_DECISION_KIND,
	GRADES,
	STAFFING_TEMPLATES,
	computeCostFee,
	defaultUnitSizes,
	evaluateProposals,
	guidePrice,
	negotiatingRange,
	noteText,
	parseScenario,
	scaleStaffingTemplate,
	scenarioCostInput,
	scenarioGuidePrices,
	sourceText,
	staffCost,
	tallyVote,
	tornado,
	verdict,
	type Bands,
	type CostBasis,
	type Verdict,
	type Bilingual,
	type BuildingType,
	type CostFeeResult,
	type Grade,
	type GradeThresholds,
	type GuidePriceCatalogue,
	type NegotiatingRange,
	type NegotiationScenario,
	type NegotiationScenarioInput,
	type ProposalResult,
	type Provenance,
	type ScenarioResult,
	type StaffingResult,
	type StaffPost,
	type Tornado,
	type UnitSizeBucket,
	type VoteResult
} from '$lib/domain';
import { COST_ITEM_CODES, type CostItemCode } from '$lib/data/datasets';
import type { Engine } from '$lib/engine/engine';
import { runAnalysis, type AnalysisSettings, type EstateFit } from '$lib/queries/analysis';
import { estateNegotiationData, latestBudget, type EstateNegotiationData, type VoteTallyRow } from '$lib/queries/negotiation';

/** A result that may have failed with a message (a domain RangeError on an input the user typed). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

function attempt<T>(f: () => T): Outcome<T> {
	try {
		return { ok: true, value: f() };
	} catch (e) {
		return { ok: false, error: e instanceof Error ? e.message : String(e) };
	}
}

/** Guide prices of a building type by grade from a catalogue (absent where the catalogue publishes none). */
export function cataloguePrices(catalogue: GuidePriceCatalogue, buildingType: BuildingType): Partial<Record<'1' | '2' | '3' | '4' | '5', number>> {
	const out: Partial<Record<'1' | '2' | '3' | '4' | '5', number>> = {};
	for (const g of GRADES) {
		const p = guidePrice(catalogue, buildingType, g).price;
		if (p !== null) out[String(g) as '1'] = p;
	}
	return out;
}

/** The staffing template for the estate's building type scaled to its area [E]. */
export function templateStaffing(buildingType: BuildingType, chargeableAreaM2: number): StaffPost[] {
	return scaleStaffingTemplate(STAFFING_TEMPLATES[buildingType], chargeableAreaM2);
}

/**
 * What the data says about an estate (or, where the data is silent, the domain's sourced estimate): the
 * reference every input is compared with to tell data, default and the user's own figures apart.
 */
export interface EstateBaseline {
	estateId: string;
	name: string;
	buildingType: BuildingType;
	chargeableAreaM2: number;
	households: number;
	/** Year of the budget the costs come from; null when estimated from the staffing template. */
	budgetYear: number | null;
	costs: Record<CostItemCode, number>;
	/** The staffing template scaled to the estate, and its annual cost. */
	staffing: StaffPost[];
	templateStaffCost: number;
	unitSizes: UnitSizeBucket[];
	unitSizesFromData: boolean;
	/** Collection rate of the fee year in force, from the fees data; null when not recorded. */
	collectionRate: number | null;
	feeYear: number | null;
	currentFee: number | null;
	achievedGrade: Grade | null;
	q: number | null;
	catalogue: GuidePriceCatalogue;
	guidePrices: Partial<Record<'1' | '2' | '3' | '4' | '5', number>>;
	bands: Bands;
	peerExpectedFee: number | null;
	votes: VoteTallyRow[];
}

/** The baseline of an estate from its analysis row and data, with the catalogue and bands in use. */
export function estateBaseline(fit: EstateFit, data: EstateNegotiationData, catalogue: GuidePriceCatalogue, bands: Bands): EstateBaseline {
	const budget = latestBudget(data);
	const staffing = templateStaffing(fit.building_type, fit.chargeable_area_m2);
	const templateStaffCost = staffCost(staffing).annualCost;
	const costs = Object.fromEntries(COST_ITEM_CODES.map((c) => [c, 0])) as Record<CostItemCode, number>;
	if (budget) Object.assign(costs, budget.items);
	else costs.staff = Math.round(templateStaffCost);
	const meanArea = fit.households > 0 ? fit.chargeable_area_m2 / fit.households : undefined;
	const fromData = data.unitSizes.length > 0;
	return {
		estateId: fit.estate_id,
		name: fit.name,
		buildingType: fit.building_type,
		chargeableAreaM2: fit.chargeable_area_m2,
		households: fit.households,
		budgetYear: budget?.year ?? null,
		costs,
		staffing,
		templateStaffCost,
		unitSizes: fromData ? data.unitSizes.map((u) => ({ ...u })) : defaultUnitSizes(fit.households, meanArea),
		unitSizesFromData: fromData,
		collectionRate: fit.collection_rate !== null && fit.collection_rate > 0 ? fit.collection_rate : null,
		feeYear: fit.fee_year,
		currentFee: fit.fee_m2 !== null && fit.fee_m2 > 0 ? fit.fee_m2 : null,
		achievedGrade: fit.grade,
		q: fit.q,
		catalogue,
		guidePrices: cataloguePrices(catalogue, fit.building_type),
		bands: { ...bands },
		peerExpectedFee: fit.expected_fee !== null && fit.expected_fee > 0 ? fit.expected_fee : null,
		votes: data.votes
	};
}

/**
 * The baseline of one estate from the engine: its analysis row under the settings and its data, with the
 * given catalogue (the scenario's, when it names one the user has) or the settings' own. Null when the data
 * has no such estate.
 */
export async function loadEstateBaseline(
	engine: Engine,
	settings: AnalysisSettings,
	estateId: string,
	catalogue: GuidePriceCatalogue = settings.catalogue
): Promise<EstateBaseline | null> {
	const r = await runAnalysis(engine, settings);
	const fit = r.estates.find((e) => e.estate_id === estateId);
	if (!fit) return null;
	const data = await estateNegotiationData(engine, estateId);
	return estateBaseline(fit, data, catalogue, settings.bands);
}

/**
 * A fresh scenario for an estate: costs from its latest budget (else the staffing-template estimate for
 * staff), its unit sizes (else the default distribution), its collection rate, fee, grade, Q, the guide prices
 * of the catalogue in use, the peer-expected fee and its vote tallies. Rates without estate data stay absent,
 * so the domain's sourced defaults apply. Fails when the estate has no fee or no grade.
 */
export function scenarioFromBaseline(b: EstateBaseline): ScenarioResult {
	const input: NegotiationScenarioInput = {
		estateId: b.estateId,
		buildingType: b.buildingType,
		cost: {
			items: { ...b.costs },
			chargeableAreaM2: b.chargeableAreaM2,
			...(b.collectionRate === null ? {} : { collectionRate: b.collectionRate })
		},
		staffing: b.staffing.map((p) => ({ ...p })),
		unitSizes: b.unitSizes.map((u) => ({ ...u })),
		quality: {
			// Missing fee or grade: the parse reports them as problems rather than inventing a value.
			currentFee: b.currentFee ?? Number.NaN,
			achievedGrade: (b.achievedGrade ?? 0) as Grade,
			q: b.q === null ? null : Math.round(b.q * 100) / 100,
			catalogueId: b.catalogue.id,
			guidePrices: { ...b.guidePrices },
			bands: { ...b.bands },
			peerExpectedFee: b.peerExpectedFee === null ? null : Math.round(b.peerExpectedFee * 10_000) / 10_000
		},
		proposals: [],
		votes: b.votes.map((v) => ({ ...v }))
	};
	return parseScenario(input);
}

/** The next free proposal label: A, B, … Z, then A2, B2, … */
export function nextProposalLabel(used: readonly string[]): string {
	for (let round = 1; ; round++) {
		for (let i = 0; i < 26; i++) {
			const label = String.fromCharCode(65 + i) + (round > 1 ? String(round) : '');
			if (!used.includes(label)) return label;
		}
	}
}

// ---------------------------------------------------------------------------------------------------
// Where each input comes from
// ---------------------------------------------------------------------------------------------------

/** A source tag for display: a provenance tag, 'data' (the estate's own data) or 'missing' (nothing known). */
export type SourceTag = Provenance['tag'] | 'data' | 'missing';

/** Where one input comes from, for the tag beside it and the report's table of inputs. */
export interface InputSource {
	tag: SourceTag;
	text: Bilingual;
	note?: Bilingual;
}

const bi = (zh: string, en: string): Bilingual => ({ zh, en });

/** A domain provenance record as an input source, in both languages. */
export function fromProvenance(p: Provenance): InputSource {
	const note = noteText(p, 'en');
	return {
		tag: p.tag,
		text: bi(sourceText(p, 'zh'), sourceText(p, 'en')),
		...(note === undefined ? {} : { note: bi(noteText(p, 'zh') ?? note, note) })
	};
}

/** The source of a figure the user typed. */
export const USER_SOURCE: InputSource = { tag: 'user', text: bi('用户自填', 'Entered by the user') };
const USER = USER_SOURCE;
const same = (a: number | null | undefined, b: number | null | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) < 1e-9;

/** Source of a cost item's amount. */
export function costItemSource(s: NegotiationScenario, b: EstateBaseline | null, item: CostItemCode): InputSource {
	const v = s.cost.items[item];
	if (b && s.estateId === b.estateId && same(v, b.costs[item])) {
		if (b.budgetYear !== null) return { tag: 'data', text: bi(`本小区 ${b.budgetYear} 年度成本预算（costs 数据集）`, `The estate\'s ${b.budgetYear} cost budget (costs dataset)`) };
		if (item === 'staff') return fromProvenance(STAFFING_TEMPLATES[b.buildingType].provenance);
		return { tag: 'missing', text: bi('该小区没有成本预算，本项未估算（按 0 计），请按实际填写', 'No cost budget for this estate: not estimated (taken as 0); enter the actual figure') };
	}
	return USER;
}

/** Source of an optional rate: its default's provenance when absent, the data's when it equals the estate's record. */
function rateSource(value: number | undefined, def: Provenance, data?: { value: number | null; text: Bilingual }): InputSource {
	if (value === undefined) return fromProvenance(def);
	if (data && same(value, data.value)) return { tag: 'data', text: data.text };
	return USER;
}

/** Sources of the rates of the cost build-up. */
export function rateSources(s: NegotiationScenario, b: EstateBaseline | null) {
	const c = s.cost;
	const dataColl = b && s.estateId === b.estateId ? b.collectionRate : null;
	return {
		profitRate: rateSource(c.profitRate, DEFAULT_PROFIT_RATE.provenance),
		commissionRate: rateSource(c.commission?.kind === 'rate' ? c.commission.rate : undefined, DEFAULT_COMMISSION_RATE.provenance),
		vatRate: rateSource(c.vatRate, DEFAULT_VAT_RATE.provenance),
		collectionRate: rateSource(c.collectionRate, DEFAULT_COLLECTION_RATE.provenance, {
			value: dataColl,
			text: bi(`本小区 ${b?.feeYear ?? ''} 年度收缴率（fees 数据集）`, `The estate\'s ${b?.feeYear ?? ''} collection rate (fees dataset)`)
		}),
		vacantShare: rateSource(c.vacancy.vacantShare, DEFAULT_VACANT_SHARE.provenance),
		vacantPaidShare: rateSource(c.vacancy.paidShare, DEFAULT_VACANT_PAID_SHARE.provenance)
	};
}

/** Source of a staffing post's social-insurance rate. */
export function socialInsuranceSource(p: { socialInsuranceRate?: number }): InputSource {
	return p.socialInsuranceRate === undefined ? fromProvenance(DEFAULT_SOCIAL_INSURANCE_RATE.provenance) : USER;
}

/** Source of the staffing worksheet as a whole. */
export function staffingSource(s: NegotiationScenario, b: EstateBaseline | null): InputSource {
	const posts = (p: readonly { post: string; headcount: number; monthlyWage: number; socialInsuranceRate?: number }[]) =>
		JSON.stringify(p.map((x) => [x.post, x.headcount, x.monthlyWage, x.socialInsuranceRate ?? null]));
	if (b && s.estateId === b.estateId && posts(s.staffing) === posts(b.staffing)) return fromProvenance(STAFFING_TEMPLATES[b.buildingType].provenance);
	return USER;
}

/** Source of the unit-size table. */
export function unitSizesSource(s: NegotiationScenario, b: EstateBaseline | null): InputSource {
	const key = (u: readonly UnitSizeBucket[]) => JSON.stringify([...u].sort((x, y) => x.unit_area_m2 - y.unit_area_m2).map((x) => [x.unit_area_m2, x.households]));
	if (b && s.estateId === b.estateId && key(s.unitSizes) === key(b.unitSizes)) {
		return b.unitSizesFromData
			? { tag: 'data', text: bi('本小区户型分布（unit_sizes 数据集）', 'The estate\'s unit sizes (unit_sizes dataset)') }
			: fromProvenance(DEFAULT_UNIT_SIZE_SHARES_PROVENANCE);
	}
	return USER;
}

/** Sources of the quality and price inputs. */
export function qualitySources(s: NegotiationScenario, b: EstateBaseline | null) {
	const mine = b !== null && s.estateId === b.estateId;
	const q = s.quality;
	const analysis = bi('本小区评分数据，按当前指标体系计算', 'The estate\'s scores under the indicator system in use');
	const pricesEqual = mine && JSON.stringify(Object.entries(q.guidePrices).sort()) === JSON.stringify(Object.entries(b.guidePrices).sort());
	const bandsDefault = q.bands.low === DEFAULT_BANDS.low && q.bands.high === DEFAULT_BANDS.high;
	return {
		currentFee: mine && same(q.currentFee, b.currentFee) ? { tag: 'data', text: bi(`本小区 ${b.feeYear ?? ''} 年度收费（fees 数据集）`, `The estate\'s ${b.feeYear ?? ''} fee (fees dataset)`) } : USER,
		achievedGrade: mine && q.achievedGrade === b.achievedGrade ? { tag: 'data', text: analysis } : USER,
		q: mine && q.q !== null && same(Math.round((b.q ?? NaN) * 100) / 100, q.q) ? { tag: 'data', text: analysis } : q.q === null ? ({ tag: 'missing', text: bi('未知', 'Unknown') } as InputSource) : USER,
		guidePrices: pricesEqual
			? ({
					tag: b.catalogue.provenance.tag,
					text: bi(`${b.catalogue.name_zh}：${sourceText(b.catalogue, 'zh')}`, `${b.catalogue.name_en}: ${sourceText(b.catalogue, 'en')}`)
				} as InputSource)
			: USER,
		bands: bandsDefault ? fromProvenance(DEFAULT_BANDS_PROVENANCE) : USER,
		peerExpectedFee:
			mine && same(q.peerExpectedFee, b.peerExpectedFee === null ? null : Math.round(b.peerExpectedFee * 10_000) / 10_000)
				? ({ tag: 'data', text: bi('同楼型小区回归（收费 ~ Q + 房龄）的预期收费', 'Expected fee from the peer regression (fee ~ Q + age) of the building type') } as InputSource)
				: q.peerExpectedFee === null
					? ({ tag: 'missing', text: bi('无', 'None') } as InputSource)
					: USER
	} satisfies Record<string, InputSource>;
}

/** Source of a vote tally: the estate's votes data when it matches one of its rows, else typed in. */
export function voteSource(v: NegotiationScenario['votes'][number], b: EstateBaseline | null, estateId: string | null): InputSource {
	const key = (x: Omit<VoteTallyRow, 'motion'>) =>
		[x.motion_kind, x.owners_total, x.area_total_m2, x.owners_participating, x.area_participating_m2, x.owners_yes, x.area_yes_m2].join('|');
	if (b && estateId === b.estateId && b.votes.some((r) => key(r) === key(v))) {
		return { tag: 'data', text: bi('本小区表决统计（votes 数据集）', 'The estate\'s vote tally (votes dataset)') };
	}
	return USER;
}

// ---------------------------------------------------------------------------------------------------
// Every result of the workspace from one scenario
// ---------------------------------------------------------------------------------------------------

/** Label of the current fee's column in the comparison (not a proposal). */
export const CURRENT_LABEL = '__current__';

/** Everything the workspace and the report show, each part computed on its own so one bad input spoils only its part. */
export interface WorkspaceResults {
	costFee: Outcome<CostFeeResult>;
	staffing: Outcome<StaffingResult>;
	range: Outcome<NegotiatingRange>;
	/** The current fee first (label CURRENT_LABEL), then the proposals in order. */
	proposals: { label: string; outcome: Outcome<ProposalResult> }[];
	tornado: Outcome<Tornado>;
	votes: Outcome<VoteResult>[];
}

/** All results for a scenario; grade thresholds come from the indicator system in use. */
export function computeWorkspace(s: NegotiationScenario, thresholds: GradeThresholds, step?: number): WorkspaceResults {
	const cost = scenarioCostInput(s);
	const guidePrices = scenarioGuidePrices(s);
	const bands = s.quality.bands;
	const costFee = attempt(() => computeCostFee(cost));
	const range = attempt(() =>
		negotiatingRange({
			cost,
			achievedGrade: s.quality.achievedGrade,
			guidePrices,
			bands,
			peerExpectedFee: s.quality.peerExpectedFee,
			gradeThresholds: thresholds,
			q: s.quality.q
		})
	);
	const context = {
		currentFee: s.quality.currentFee,
		currentGrade: s.quality.achievedGrade,
		cost,
		unitSizes: s.unitSizes,
		guidePrices,
		bands,
		range: range.ok ? { floor: range.value.floor, ceiling: range.value.ceiling } : null
	};
	const one = (p: { label: string; fee_m2: number; promisedGrade: Grade; costChanges?: NegotiationScenario['proposals'][number]['costChanges'] }) => ({
		label: p.label,
		outcome: attempt(() => evaluateProposals(context, [p])[0])
	});
	return {
		costFee,
		staffing: attempt(() => staffCost(s.staffing)),
		range,
		proposals: [one({ label: CURRENT_LABEL, fee_m2: s.quality.currentFee, promisedGrade: s.quality.achievedGrade }), ...s.proposals.map(one)],
		tornado: attempt(() => tornado(cost, step === undefined ? {} : { step })),
		votes: s.votes.map((v) => attempt(() => tallyVote(v)))
	};
}

/** Whether a vote on the fee is an ordinary matter, as the domain reads art. 278 (shown beside the vote). */
export const FEE_VOTE_KIND = FEE_DECISION_KIND;

// ---------------------------------------------------------------------------------------------------
// The verdict
// ---------------------------------------------------------------------------------------------------

/**
 * How far the scenario's cost rests on the estate's own figures: items still at the baseline's "missing" 0,
 * items that are template estimates, and whether the collection rate is the default.
 */
export function costBasis(s: NegotiationScenario, b: EstateBaseline | null): CostBasis {
	let missingItems = 0;
	let estimatedItems = 0;
	for (const item of COST_ITEM_CODES) {
		const tag = costItemSource(s, b, item).tag;
		if (tag === 'missing') missingItems++;
		else if (tag === 'E' || tag === 'M') estimatedItems++;
	}
	return { missingItems, estimatedItems, collectionRateDefault: s.cost.collectionRate === undefined };
}

/** The verdict of a scenario (docs/sources.md §6.1), from its workspace results and the estate's baseline. */
export function scenarioVerdict(s: NegotiationScenario, b: EstateBaseline | null, results: WorkspaceResults, thresholds: GradeThresholds): Verdict {
	return verdict({
		currentFee: Number.isFinite(s.quality.currentFee) ? s.quality.currentFee : null,
		achievedGrade: s.quality.achievedGrade,
		q: s.quality.q,
		guidePrices: scenarioGuidePrices(s),
		bands: s.quality.bands,
		thresholds,
		range: results.range.ok ? results.range.value : null,
		costBasis: costBasis(s, b)
	});
}
