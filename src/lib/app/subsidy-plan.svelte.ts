/**
 * The subsidy page's model: the plan of the draft policy, the plans of the saved variants and the raw facts of the
 * estate being explained, each loaded from the engine when the data, the quality model or its own input changes
 * (one EngineQuery each, so an overtaken result is dropped and a failure shown), and what the page derives from
 * them (the year shown, its rows, the estates found, the totals, the comparison).
 * The loaders are passed in: the page gives the DuckDB queries, the unit tests plain promises.
 */
import {
	comparePlans,
	estateTotals,
	explainEstate,
	failingRows,
	type EstatePlanInput,
	type EstatePlanTotal,
	type EstateYearExplanation,
	type Plan,
	type PlanComparison,
	type PlanRow,
	type Policy
} from '$lib/domain/subsidy';
import type { QualityModel } from '$lib/queries/quality-sql';
import { EngineQuery, follow, pause, type QueryLoad } from './engine-query.svelte';

/** Where the plans and facts come from. */
export interface SubsidyLoaders {
	plan(policy: Policy, model: QualityModel): Promise<Plan>;
	variants(policies: Policy[], model: QualityModel): Promise<Plan[]>;
	estate(model: QualityModel, id: string): Promise<EstatePlanInput | null>;
}

/** A plan with the policy that produced it (the explanation must use the same one). */
export interface DraftPlan {
	plan: Plan;
	policy: Policy;
}

/** What the model follows; each is read inside an effect, so a change re-runs what depends on it. */
export interface SubsidyInputs {
	/** The data version: bumped whenever tables change. */
	version: () => number;
	/** The validated draft, or null while it has problems (the last plan stays, marked stale by the page). */
	policy: () => Policy | null;
	quality: () => QualityModel;
	variants: () => readonly Policy[];
}

/** A short pause before the draft's plan runs, so typing a figure settles first. */
export const TYPING_PAUSE_MS = 150;

export class SubsidyPlanModel {
	readonly draft = new EngineQuery<DraftPlan>();
	readonly variants = new EngineQuery<Plan[]>();
	readonly estate = new EngineQuery<EstatePlanInput | null>();
	/** The estate whose plan is explained, and the year its explanation opens at. */
	selectedId = $state<string | null>(null);
	explainYear = $state(0);

	constructor(
		private readonly loaders: SubsidyLoaders,
		private readonly pauseMs = TYPING_PAUSE_MS
	) {}

	/** The draft's plan, after the typing pause (a run overtaken during the pause never reaches the engine). */
	planLoad(policy: Policy, model: QualityModel): QueryLoad<DraftPlan> {
		return async (signal) => {
			await pause(this.pauseMs, signal);
			return { plan: await this.loaders.plan(policy, model), policy };
		};
	}

	/** The saved variants' plans (none to load without variants). */
	variantsLoad(policies: Policy[], model: QualityModel): QueryLoad<Plan[]> {
		return async () => (policies.length === 0 ? [] : this.loaders.variants(policies, model));
	}

	/** The raw facts of one estate (nothing to load without a selection). */
	estateLoad(id: string | null, model: QualityModel): QueryLoad<EstatePlanInput | null> {
		return async () => (id === null ? null : this.loaders.estate(model, id));
	}

	/** In the page's setup: load each part now and again when the data or its inputs change. */
	follow(inputs: SubsidyInputs): void {
		// The validated policies as text: a part re-runs only when a figure really changed.
		const draftKey = $derived.by(() => {
			const p = inputs.policy();
			return p === null ? null : JSON.stringify(p);
		});
		const variantKey = $derived(JSON.stringify(inputs.variants()));
		follow(this.draft, () => {
			void inputs.version();
			const key = draftKey;
			return key === null ? null : this.planLoad(JSON.parse(key) as Policy, inputs.quality());
		});
		follow(this.variants, () => {
			void inputs.version();
			return this.variantsLoad(JSON.parse(variantKey) as Policy[], inputs.quality());
		});
		follow(this.estate, () => {
			void inputs.version();
			return this.estateLoad(this.selectedId, inputs.quality());
		});
	}

	get plan(): Plan | null {
		return this.draft.value?.plan ?? null;
	}

	/** The policy that produced the plan shown. */
	get planPolicy(): Policy | null {
		return this.draft.value?.policy ?? null;
	}

	/** The variants' plans, or null while they are being recomputed (no comparison with stale plans). */
	get variantPlans(): Plan[] | null {
		return this.variants.running ? null : this.variants.value;
	}

	/** The newest failure of any part. */
	get failure(): string | null {
		return this.draft.error ?? this.variants.error ?? this.estate.error;
	}

	/** Opens the explanation of an estate at a year. */
	explain(id: string, year: number): void {
		this.selectedId = id;
		this.explainYear = year;
	}

	/** The explanation of the selected estate under the plan's own policy; null until its facts are in. */
	explanations(): EstateYearExplanation[] | null {
		const e = this.estate.value;
		const plan = this.plan;
		const policy = this.planPolicy;
		return e && plan && policy && e.estate_id === this.selectedId ? explainEstate(policy, e, plan) : null;
	}
}

/** The plan years of a plan, in order. */
export function planYears(plan: Plan | null): number[] {
	return plan?.totals.map((y) => y.year) ?? [];
}

/** The year shown: the one chosen if the plan has it, else the first plan year (0 without a plan). */
export function shownYear(years: readonly number[], chosen: number | null): number {
	return chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? 0);
}

/** Rows whose estate name or id contains the text typed (case-insensitive); all rows for no text. */
export function findEstates<R extends { name: string; estate_id: string }>(rows: readonly R[], text: string): R[] {
	const q = text.trim().toLowerCase();
	return q ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.estate_id.toLowerCase().includes(q)) : [...rows];
}

/** The rows of one plan year. */
export function rowsOfYear(plan: Plan | null, year: number): PlanRow[] {
	return plan?.rows.filter((r) => r.year === year) ?? [];
}

/** Each estate summed over the plan years. */
export function estateSums(plan: Plan | null): EstatePlanTotal[] {
	return plan ? estateTotals(plan) : [];
}

/** Rows of one year whose reward was withheld because a condition failed. */
export function failingOfYear(plan: Plan | null, year: number): PlanRow[] {
	return plan ? failingRows(plan).filter((r) => r.year === year) : [];
}

/** Yuan paid and requested over the plan years, and how many years the cap binds. */
export function planTotals(plan: Plan | null): { paid: number; requested: number; binding: number } {
	const totals = plan?.totals ?? [];
	return {
		paid: totals.reduce((s, y) => s + y.paid_fen, 0) / 100,
		requested: totals.reduce((s, y) => s + y.requested_fen, 0) / 100,
		binding: totals.filter((y) => y.binding).length
	};
}

/** The draft beside the saved variants, once every variant's plan is in. */
export function comparisonOf(
	draft: { label: string; plan: Plan | null },
	variants: readonly { label: string }[],
	variantPlans: readonly Plan[] | null
): PlanComparison | null {
	const plan = draft.plan;
	if (!plan || variants.length === 0 || !variantPlans || variantPlans.length !== variants.length) return null;
	return comparePlans([{ label: draft.label, plan }, ...variants.map((v, i) => ({ label: v.label, plan: variantPlans[i] }))]);
}
