/**
 * A relocation-housing subsidy policy (动迁房托底保障, docs/sources.md §1 and §7): one model that the designs seen in
 * practice map onto, validated with zod so a policy can come from a file, a URL or the settings screen.
 *
 * Per estate and plan year (see plan/):
 *   base subsidy = max(0, target fee − owner-paid fee) × area × 12 × taper(year)
 *   reward       = rate × clip((score − threshold) ÷ span, 0, 1) × area × 12,
 *                  paid only if score ≥ threshold and collection rate ≥ floor
 *   then a yearly budget cap, applied pro rata or by priority.
 *
 * The presets that map the designs of docs/sources.md §7 onto this model: presets.ts.
 */
import { z } from 'zod';
import { roundFee } from '../money';
import { gradeFromQ, gradeThresholdProblems, type GradeThresholds } from '../grades';
import type { Bilingual, Provenance } from '../provenance';
import { userProvenance } from '../provenance';
import { provenanceSchema } from '../schemas';
import type { BuildingType } from '../vocabulary';
import {
	DEFAULT_ASSESSMENT_WEIGHTS,
	DEFAULT_MEDIAN_TARGET_HOURS,
	DEFAULT_TIME_LIMITS_HOURS,
	SUBSIDY_TICKET_CATEGORIES,
	type AssessmentSettings
} from './assessment';

/** How the yearly budget cap binds when the requests exceed it. */
export const BUDGET_RULES = ['pro_rata', 'largest_gap_first', 'lowest_score_first'] as const;
export type BudgetRule = (typeof BUDGET_RULES)[number];

/** Display names of the budget rules. */
export const BUDGET_RULE_LABELS: Readonly<Record<BudgetRule, Bilingual>> = {
	pro_rata: { zh: '按比例削减', en: 'Pro rata' },
	largest_gap_first: { zh: '缺口最大者优先', en: 'Largest fee gap first' },
	lowest_score_first: { zh: '考核得分最低者优先（托底）', en: 'Lowest score first (safety net)' }
};

/** Parts of a policy that carry their own provenance. */
export const POLICY_PARTS = ['design', 'target', 'ownerFee', 'taper', 'reward', 'collectionFloor', 'budget', 'assessment'] as const;
export type PolicyPart = (typeof POLICY_PARTS)[number];

const fee = z.number().min(0);
const bilingual = z.object({ zh: z.string(), en: z.string() });
const byBuildingType = z.object({ multi: fee, high: fee });
const gradeFees = z.array(fee).length(5);

/** Target fee (元/㎡·月): what the service should cost in full. */
export const targetSchema = z.discriminatedUnion('mode', [
	/** One fee per building type. */
	z.object({ mode: z.literal('by_building_type'), fee: byBuildingType }),
	/** A fee per building type and grade (grade 1 first), the grade reached by the year's Q. */
	z.object({
		mode: z.literal('by_grade'),
		fee: z.object({ multi: gradeFees, high: gradeFees }),
		thresholds: z.tuple([z.number(), z.number(), z.number(), z.number()])
	}),
	/** The estate's own fee in force (fees table, latest year up to the data year). */
	z.object({ mode: z.literal('current_fee') })
]);
export type Target = z.infer<typeof targetSchema>;

/** What owners pay (元/㎡·月) in each plan year as the fee steps toward the target. */
export const ownerFeeSchema = z.discriminatedUnion('mode', [
	/** A share of the target fee per plan year (0.5 = half). */
	z.object({ mode: z.literal('share_of_target'), shares: z.array(z.number().min(0)).min(1) }),
	/** A fee per building type and plan year. */
	z.object({ mode: z.literal('schedule'), fee: z.object({ multi: z.array(fee).min(1), high: z.array(fee).min(1) }) }),
	/**
	 * The estate's fee in force, raised by `stepPerYear` each plan year (year index × step) until it reaches the
	 * target: min(current + i × step, max(current, target)). A fee already above the target stays.
	 */
	z.object({ mode: z.literal('current_fee'), stepPerYear: fee })
]);
export type OwnerFee = z.infer<typeof ownerFeeSchema>;

export const assessmentSettingsSchema = z.object({
	/** The reward of plan year Y rests on the assessment of year Y − lag (1: last year's assessment pays this year). */
	lag: z.number().int().min(0).max(10).default(1),
	weights: z
		.object({ q: z.number().min(0), handling: z.number().min(0), onTime: z.number().min(0), median: z.number().min(0) })
		.default({ ...DEFAULT_ASSESSMENT_WEIGHTS }),
	timeLimitsHours: z.partialRecord(z.enum(SUBSIDY_TICKET_CATEGORIES), z.number().positive()).default({ ...DEFAULT_TIME_LIMITS_HOURS }),
	medianTargetHours: z.number().positive().default(DEFAULT_MEDIAN_TARGET_HOURS)
});

const cap = fee.nullable();

/** A subsidy policy. Optional parts take the defaults shown. */
export const policySchema = z
	.object({
		id: z.string().trim().min(1),
		name_zh: z.string(),
		name_en: z.string(),
		/** How the design maps onto the model, and caveats. */
		description: bilingual.optional(),
		/** Plan years, strictly increasing (e.g. 2026-2030). Arrays below have one entry per plan year. */
		years: z.array(z.number().int().min(1900).max(2100)).min(1).max(30),
		target: targetSchema,
		ownerFee: ownerFeeSchema,
		/** Factor on the base subsidy per plan year (absent: 1 every year). */
		taper: z.array(z.number().min(0)).optional(),
		reward: z.object({
			/** Full reward per building type, 元/㎡·月. */
			rate: byBuildingType,
			/** Score at or above which a reward is paid (at the threshold itself the reward is 0 unless span is 0). */
			threshold: z.number().min(0).max(100),
			/** Points above the threshold for the full reward; 0 pays the full reward at the threshold. */
			span: z.number().min(0).max(100)
		}),
		/** Collection rate (0-1) below which the reward is withheld; 0 applies no floor. */
		collectionFloor: z.number().min(0).max(1).default(0),
		budget: z
			.object({
				/** Yearly cap in yuan: one for every year, one per plan year, or null for none. */
				caps: z.union([cap, z.array(cap)]).default(null),
				rule: z.enum(BUDGET_RULES).default('pro_rata')
			})
			.default({ caps: null, rule: 'pro_rata' }),
		assessment: assessmentSettingsSchema.default({
			lag: 1,
			weights: { ...DEFAULT_ASSESSMENT_WEIGHTS },
			timeLimitsHours: { ...DEFAULT_TIME_LIMITS_HOURS },
			medianTargetHours: DEFAULT_MEDIAN_TARGET_HOURS
		}),
		provenance: z.partialRecord(z.enum(POLICY_PARTS), provenanceSchema).default({})
	})
	.superRefine((p, ctx) => {
		for (const message of policyProblems(p)) ctx.addIssue({ code: 'custom', message });
	});

/** A complete, validated policy. */
export type Policy = z.output<typeof policySchema>;
/** A policy as written in a file: optional parts may be left out. */
export type PolicyInput = z.input<typeof policySchema>;

/** Cross-field problems of a policy (empty when fine). */
export function policyProblems(p: {
	years: readonly number[];
	target: Target;
	ownerFee: OwnerFee;
	taper?: readonly number[];
	budget: { caps: number | null | readonly (number | null)[] };
	assessment: { weights: { q: number; handling: number; onTime: number; median: number } };
}): string[] {
	const problems: string[] = [];
	const n = p.years.length;
	for (let i = 1; i < n; i++) {
		if (!(p.years[i] > p.years[i - 1])) {
			problems.push(`years must be strictly increasing (${p.years.join(', ')})`);
			break;
		}
	}
	const sameLength = (name: string, xs: readonly unknown[] | undefined) => {
		if (xs !== undefined && xs.length !== n) problems.push(`${name} needs one entry per plan year (${n}), got ${xs.length}`);
	};
	sameLength('taper', p.taper);
	if (p.ownerFee.mode === 'share_of_target') sameLength('ownerFee.shares', p.ownerFee.shares);
	if (p.ownerFee.mode === 'schedule') {
		sameLength('ownerFee.fee.multi', p.ownerFee.fee.multi);
		sameLength('ownerFee.fee.high', p.ownerFee.fee.high);
	}
	if (Array.isArray(p.budget.caps)) sameLength('budget.caps', p.budget.caps);
	if (p.target.mode === 'by_grade') problems.push(...gradeThresholdProblems(p.target.thresholds).map((m) => `target.thresholds: ${m}`));
	const w = p.assessment.weights;
	if (!(w.q + w.handling + w.onTime + w.median > 0)) problems.push('assessment.weights: at least one weight must be positive');
	return problems;
}

/** Parse untrusted data as a policy; `{ success, data | error }` as zod's safeParse. */
export function parsePolicy(input: unknown) {
	return policySchema.safeParse(input);
}

/** A policy from trusted input (presets, tests). @throws ZodError when invalid. */
export function definePolicy(input: PolicyInput): Policy {
	return policySchema.parse(input);
}

// ---------------------------------------------------------------------------------------------------
// Reading a policy
// ---------------------------------------------------------------------------------------------------

/** Taper factor of the i-th plan year. */
export function taperAt(policy: Policy, i: number): number {
	return policy.taper === undefined ? 1 : policy.taper[i];
}

/** Budget cap (yuan) of the i-th plan year, or null for none. */
export function capAt(policy: Policy, i: number): number | null {
	const caps = policy.budget.caps;
	return Array.isArray(caps) ? caps[i] : (caps as number | null);
}

/** The assessment settings in the shape assessment.ts takes. */
export function assessmentSettingsOf(policy: Policy): AssessmentSettings {
	return {
		weights: policy.assessment.weights,
		timeLimitsHours: policy.assessment.timeLimitsHours,
		medianTargetHours: policy.assessment.medianTargetHours
	};
}

/** Grade reached by Q under a by-grade target (null for other targets or without Q). */
export function targetGrade(policy: Policy, q: number | null): number | null {
	if (policy.target.mode !== 'by_grade' || q === null) return null;
	return gradeFromQ(q, policy.target.thresholds as GradeThresholds);
}

/**
 * Target fee (元/㎡·月) of an estate: by building type, by the grade its Q reaches, or its fee in force; rounded to
 * 0.01 元/㎡·月 as a fee is billed (docs/sources.md §15 rule 3), so the subsidy is computed from the fee shown.
 * Null when unknown (no Q for a by-grade target, no fee for a current-fee target).
 */
export function targetFee(policy: Policy, buildingType: BuildingType, q: number | null, currentFee: number | null): number | null {
	const t = policy.target;
	if (t.mode === 'by_building_type') return roundFee(t.fee[buildingType]);
	if (t.mode === 'current_fee') return currentFee === null ? null : roundFee(currentFee);
	const g = targetGrade(policy, q);
	return g === null ? null : roundFee(t.fee[buildingType][g - 1]);
}

/**
 * Owner-paid fee (元/㎡·月) in the i-th plan year, rounded to 0.01 元/㎡·月 as owners are billed (docs/sources.md
 * §15); null when it rests on an unknown target or fee in force.
 * Operations as in the SQL: share × target; min(current + i × step, max(current, target)).
 */
export function ownerFeeAt(
	policy: Policy,
	i: number,
	buildingType: BuildingType,
	target: number | null,
	currentFee: number | null
): number | null {
	const o = policy.ownerFee;
	if (o.mode === 'schedule') return roundFee(o.fee[buildingType][i]);
	if (target === null) return null;
	if (o.mode === 'share_of_target') return roundFee(o.shares[i] * target);
	if (currentFee === null) return null;
	return roundFee(Math.min(currentFee + i * o.stepPerYear, Math.max(currentFee, target)));
}

/** Full reward rate (元/㎡·月) for a building type. */
export function rewardRate(policy: Policy, buildingType: BuildingType): number {
	return policy.reward.rate[buildingType];
}

/**
 * Share of the full reward a score earns: clip((score − threshold) ÷ span, 0, 1); with span 0, 1 at or above the
 * threshold and 0 below. Null without a score.
 */
export function rewardFactor(policy: Policy, score: number | null): number | null {
	if (score === null) return null;
	const { threshold, span } = policy.reward;
	if (span > 0) return Math.min(1, Math.max(0, (score - threshold) / span));
	return score >= threshold ? 1 : 0;
}

/** Provenance of a policy part; parts without one were entered by the user. */
export function policyProvenance(policy: Policy, part: PolicyPart): Provenance {
	return policy.provenance[part] ?? userProvenance();
}
