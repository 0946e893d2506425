/**
 * The subsidy policy the user is editing (the draft), the preset it started from, and up to two saved variants to
 * compare with it. Kept in localStorage so a reload keeps them; everything read back is validated with the
 * domain's policy schema, and anything that does not validate falls back to the preset (with a console warning).
 *
 * The subsidy math lives in src/lib/domain/subsidy and src/lib/queries/subsidy.ts; this module only holds state.
 */
import { z } from 'zod';
import {
	findSubsidyPreset,
	parsePolicy,
	POLICY_PARTS,
	resolvePolicy,
	SUBSIDY_PRESETS,
	type Policy,
	type PolicyPart
} from '$lib/domain/subsidy';
import { userProvenance } from '$lib/domain/provenance';
import type { GuidePriceCatalogue } from '$lib/domain';

const STORAGE_KEY = 'zhijia.subsidy.v1';

/** Saved variants besides the draft: the comparison shows two or three policies side by side. */
export const MAX_VARIANTS = 2;

/** The preset a new visitor starts from. */
export const DEFAULT_PRESET: Policy = SUBSIDY_PRESETS[0];

/** A policy saved for comparison, under the user's label. */
export interface Variant {
	label: string;
	policy: Policy;
}

/** A deep copy the editor can bind to, with every optional per-year array present. */
function editable(p: Policy): Policy {
	const c = structuredClone(p);
	if (c.taper === undefined) c.taper = c.years.map(() => 1);
	return c;
}

/**
 * The live subsidy state; the editor binds to `draft`. `keptBudget` is true after a preset was chosen while a
 * budget cap was set: the cap was carried over (and the editor says so) instead of vanishing with the old policy.
 */
export const subsidy = $state<{ presetId: string; draft: Policy; variants: Variant[]; keptBudget: boolean }>({
	presetId: DEFAULT_PRESET.id,
	draft: editable(DEFAULT_PRESET),
	variants: [],
	keptBudget: false
});

const Stored = z.object({
	presetId: z.string(),
	policy: z.unknown(),
	variants: z.array(z.object({ label: z.string(), policy: z.unknown() })).default([])
});

let restored = false;

/** Reads the stored state once per visit; damaged or invalid entries fall back to the default preset. */
export function restoreSubsidy(): void {
	if (restored) return;
	restored = true;
	try {
		const raw = localStorage.getItem(STORAGE_KEY);
		if (!raw) return;
		const stored = Stored.safeParse(JSON.parse(raw));
		if (!stored.success) {
			console.warn('The stored subsidy policy was not readable; using the default preset.');
			return;
		}
		const policy = parsePolicy(stored.data.policy);
		if (policy.success) {
			subsidy.draft = editable(policy.data);
			subsidy.presetId = findSubsidyPreset(stored.data.presetId) ? stored.data.presetId : DEFAULT_PRESET.id;
		} else {
			console.warn('The stored subsidy policy did not validate; using the default preset.');
		}
		subsidy.variants = stored.data.variants
			.flatMap((v) => {
				const r = parsePolicy(v.policy);
				return r.success ? [{ label: v.label, policy: r.data }] : [];
			})
			.slice(0, MAX_VARIANTS);
	} catch {
		// Storage unavailable or not JSON: the defaults serve.
	}
}

/** Writes the state; only a valid draft is written, so a reload never starts from a broken policy. */
export function persistSubsidy(valid: Policy | null): void {
	if (!valid) return;
	try {
		localStorage.setItem(
			STORAGE_KEY,
			JSON.stringify({ presetId: subsidy.presetId, policy: valid, variants: $state.snapshot(subsidy.variants) })
		);
	} catch {
		// Quota or private mode: the session keeps working, only the reload memory is lost.
	}
}

/** The draft checked against the policy schema (a plain copy, safe to hand to SQL builders). */
export function checkDraft(): ReturnType<typeof parsePolicy> {
	return parsePolicy($state.snapshot(subsidy.draft));
}

/** True when a policy has a budget cap in at least one year. */
export function hasCap(p: Policy): boolean {
	const caps = p.budget.caps;
	return Array.isArray(caps) ? caps.some((c) => c !== null) : caps !== null;
}

/**
 * A policy with another policy's budget (cap and rule), fitted to its plan years, marked as entered by the user.
 * Presets publish no budget, so a cap the user set is what the district has: it must travel with every preset.
 */
export function withBudgetOf(p: Policy, from: Policy): Policy {
	const c = structuredClone(p);
	const caps = from.budget.caps;
	c.budget = { caps: Array.isArray(caps) ? resize(caps, c.years.length, null) : caps, rule: from.budget.rule };
	c.provenance = { ...c.provenance, budget: userProvenance('budget cap carried over from the policy being edited') };
	if (!c.id.endsWith('+user')) c.id = `${c.id}+user`;
	return c;
}

/**
 * Starts over from a preset (the draft's edits are replaced). A budget cap already set is kept (the district's
 * budget does not change with the policy design) unless `keepBudget` is false (the "reset" button).
 */
export function applyPreset(id: string, keepBudget = true): void {
	const preset = findSubsidyPreset(id);
	if (!preset) return;
	const before = $state.snapshot(subsidy.draft) as Policy;
	const keep = keepBudget && hasCap(before);
	subsidy.presetId = id;
	subsidy.draft = editable(keep ? withBudgetOf(preset, before) : preset);
	subsidy.keptBudget = keep;
}

/** Drops a carried-over cap (the editor's "no cap" button next to the notice). */
export function clearCap(): void {
	subsidy.draft.budget.caps = null;
	subsidy.keptBudget = false;
}

/** True when any part was changed by the user. */
export function draftEdited(): boolean {
	return POLICY_PARTS.some((p) => subsidy.draft.provenance[p]?.tag === 'user');
}

/** Marks a part as entered by the user (its preset source no longer applies). */
export function markUser(part: PolicyPart): void {
	const d = subsidy.draft;
	if (d.provenance[part]?.tag === 'user') return;
	d.provenance[part] = userProvenance(`replaces the ${subsidy.presetId} preset's ${part}`);
	if (!d.id.endsWith('+user')) d.id = `${subsidy.presetId}+user`;
}

/** Resizes a per-year list to n entries, repeating the last entry (or `fill`) for new years. */
function resize<T>(xs: readonly T[], n: number, fill: T): T[] {
	const last = xs.length > 0 ? xs[xs.length - 1] : fill;
	return Array.from({ length: n }, (_, i) => (i < xs.length ? xs[i] : last));
}

/** Sets the plan years (consecutive, from `first`), resizing every per-year list. */
export function setYears(first: number, count: number): void {
	const d = subsidy.draft;
	if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1 || count > 30) return;
	d.years = Array.from({ length: count }, (_, i) => first + i);
	d.taper = resize(d.taper ?? [], count, 1);
	const o = d.ownerFee;
	if (o.mode === 'share_of_target') o.shares = resize(o.shares, count, 1);
	if (o.mode === 'schedule') {
		o.fee.multi = resize(o.fee.multi, count, 0);
		o.fee.high = resize(o.fee.high, count, 0);
	}
	if (Array.isArray(d.budget.caps)) d.budget.caps = resize(d.budget.caps, count, null);
}

/** How the target fee is set; switching takes sourced defaults where there are any. */
export function setTargetMode(mode: Policy['target']['mode'], catalogue: GuidePriceCatalogue, thresholds: readonly number[]): void {
	const d = subsidy.draft;
	const prev = d.target;
	const byType =
		prev.mode === 'by_building_type'
			? prev.fee
			: (SUBSIDY_PRESETS.find((p) => p.target.mode === 'by_building_type')?.target as { fee: { multi: number; high: number } }).fee;
	if (mode === 'by_building_type') d.target = { mode, fee: { ...byType } };
	else if (mode === 'current_fee') d.target = { mode };
	else {
		// The guide price of the grade Q reaches, from the catalogue in use; grades it does not publish take the
		// building type's fee (the user sees and can change every figure).
		const ladder = (b: 'multi' | 'high') =>
			[1, 2, 3, 4, 5].map((g) => catalogue.rows.find((r) => r.building_type === b && r.grade === g)?.price ?? byType[b]);
		d.target = {
			mode,
			fee: { multi: ladder('multi'), high: ladder('high') },
			thresholds: [thresholds[0], thresholds[1], thresholds[2], thresholds[3]]
		};
	}
}

/** How the owner-paid fee is set; switching copies the preset that uses that mode, fitted to the plan years. */
export function setOwnerMode(mode: Policy['ownerFee']['mode']): void {
	const d = subsidy.draft;
	const n = d.years.length;
	const from = SUBSIDY_PRESETS.find((p) => p.ownerFee.mode === mode)?.ownerFee;
	if (mode === 'share_of_target') {
		const shares = from?.mode === 'share_of_target' ? from.shares : [0.5];
		d.ownerFee = { mode, shares: resize(shares, n, 1) };
	} else if (mode === 'schedule') {
		const fee = from?.mode === 'schedule' ? from.fee : { multi: [0.1], high: [0.1] };
		d.ownerFee = { mode, fee: { multi: resize(fee.multi, n, 0), high: resize(fee.high, n, 0) } };
	} else {
		d.ownerFee = { mode, stepPerYear: from?.mode === 'current_fee' ? from.stepPerYear : 0.05 };
	}
}

/** The three ways a budget cap can be written. */
export type CapMode = 'none' | 'same' | 'per_year';

export function capMode(p: Policy): CapMode {
	const caps = p.budget.caps;
	return caps === null ? 'none' : Array.isArray(caps) ? 'per_year' : 'same';
}

/**
 * Switches how the cap is written. `suggest` (yuan per plan year, e.g. the current requests) seeds a new cap so the
 * user starts from a figure of the right size.
 */
export function setCapMode(mode: CapMode, suggest: readonly (number | null)[]): void {
	const d = subsidy.draft;
	const caps = d.budget.caps;
	const known = (Array.isArray(caps) ? caps : [caps]).find((c): c is number => typeof c === 'number');
	const round = (x: number | null | undefined) => (typeof x === 'number' ? Math.ceil(x / 1e6) * 1e6 : null);
	if (mode === 'none') d.budget.caps = null;
	else if (mode === 'same') d.budget.caps = known ?? round(suggest[0]) ?? 0;
	else d.budget.caps = d.years.map((_, i) => (known !== undefined ? known : round(suggest[i])));
}

/** A variant label not yet used. */
function uniqueLabel(label: string): string {
	const used = new Set(subsidy.variants.map((v) => v.label));
	if (!used.has(label)) return label;
	for (let i = 2; ; i++) if (!used.has(`${label} (${i})`)) return `${label} (${i})`;
}

/** What makes two policies the same for a comparison: every figure, not the name, id or sources. */
function identity(p: Policy): string {
	const { years, target, ownerFee, taper, reward, collectionFloor, budget, assessment } = p;
	return JSON.stringify({ years, target, ownerFee, taper: taper ?? years.map(() => 1), reward, collectionFloor, budget, assessment });
}

/** Why a variant was not added (null: it was). */
export type AddVariantRefusal = 'full' | 'duplicate';

/**
 * Saves a policy as a comparison variant (at most {@link MAX_VARIANTS}). A policy whose figures equal the draft's
 * or a saved variant's is refused: the same series twice would double-count in the comparison. Labels are made
 * unique ("…(2)"), and comparePlans keys series by position, so equal names can never merge two series.
 */
export function addVariant(label: string, policy: Policy, o: { snapshotOfDraft?: boolean } = {}): AddVariantRefusal | null {
	if (subsidy.variants.length >= MAX_VARIANTS) return 'full';
	const key = identity(policy);
	// A snapshot of the draft is meant to equal it (the user edits on from there); it must differ from the others.
	const draft = o.snapshotOfDraft ? null : checkDraft();
	if ((draft?.success && identity(draft.data) === key) || subsidy.variants.some((v) => identity(v.policy) === key)) return 'duplicate';
	subsidy.variants = [...subsidy.variants, { label: uniqueLabel(label), policy: structuredClone(policy) }];
	return null;
}

export function removeVariant(i: number): void {
	subsidy.variants = subsidy.variants.filter((_, j) => j !== i);
}

/** Opens a saved variant in the editor (the draft is replaced; the variant stays saved). */
export function editVariant(i: number): void {
	const v = subsidy.variants[i];
	if (!v) return;
	const base = v.policy.id.replace(/\+user$/, '');
	subsidy.presetId = findSubsidyPreset(base) ? base : subsidy.presetId;
	subsidy.draft = editable(structuredClone($state.snapshot(v.policy)) as Policy);
}

/**
 * Replaces the draft with a policy file's content: a preset id, a complete policy, or `{ "extends": id, …}`.
 * Returns the problems (empty when it was loaded).
 */
export function importPolicy(text: string): string[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		return [(e as Error).message];
	}
	const r = resolvePolicy(data);
	if (!r.success) return r.errors;
	const base = r.policy.id.replace(/\+user$/, '');
	if (findSubsidyPreset(base)) subsidy.presetId = base;
	subsidy.draft = editable(r.policy);
	return [];
}
