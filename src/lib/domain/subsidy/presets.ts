/**
 * The shipped subsidy presets (docs/sources.md §7) and a policy from a preset id or a preset with overrides.
 *
 * How the three designs of docs/sources.md §7 map onto the policy model of policy.ts:
 * - Shaoxing-style split (a Shaoxing-area zone): multi-storey fee 0.40 = 0.20 from the zone by assessment + 0.10 town
 *   + 0.10 owner; high-rise 1.10 = 0.70 by assessment + 0.30 town + 0.10 owner. The zone's part depends on the
 *   assessment, so it is the REWARD (rate 0.20 / 0.70); the town's part is unconditional, so it is the BASE
 *   subsidy: target fee = the guaranteed part of the fee (town + owner = 0.20 / 0.40) and owner-paid fee 0.10, so
 *   base = 0.10 / 0.30. Full fee = target + full reward = 0.40 / 1.10.
 * - Xiamen-style declining transition: the district pays 50, 50, 40, 30, 20 % of the fee over five years, so the
 *   owners pay 50, 50, 60, 70, 80 %: owner-paid fee = that share of the target (market) fee; base = the
 *   district's share; no reward. The same amounts follow from owner fee 0 and taper 0.5/0.5/0.4/0.3/0.2 (a test
 *   shows it), but then the owner-paid column would read 0, which is not what owners pay.
 * - Finance-paid transition: fee 0.6 / 0.9 / 1.1 by building height paid by the district for three years, then
 *   the owners' committee takes over: target fee by building type, owner-paid share 0, 0, 0 then 100 %, and taper
 *   1, 1, 1, 0, 0 (the district's commitment ends after year three). The data know two building types, so the
 *   0.9 mid-rise (小高层) tier is noted, not modelled.
 */
import type { Provenance } from '../provenance';
import { userProvenance } from '../provenance';
import { DEFAULT_ASSESSMENT_WEIGHTS, DEFAULT_MEDIAN_TARGET_HOURS, DEFAULT_TIME_LIMITS_HOURS } from './assessment';
import { definePolicy, parsePolicy, type Policy, type PolicyInput, type PolicyPart } from './policy';

const PLAN_YEARS = [2026, 2027, 2028, 2029, 2030];

const SECTION7 = 'Method notes §7, relocation-housing subsidies: designs seen in practice';
const SECTION7_ZH = '《质价方法与来源说明》§7，动迁安置房补贴的实践做法';
const SECONDARY_DISTRICT = 'Secondary source: check the district\'s official text before a legal use.';
const SECONDARY_ZH = '转载（二手）来源：用于法律用途前请核对当地官方原文。';
const NO_REWARD: Provenance = {
	tag: 'V',
	source: `${SECTION7}: the design has no assessment reward (rate 0)`,
	source_zh: `${SECTION7_ZH}：该做法没有考核奖励（费率为 0）`
};
const NO_FLOOR: Provenance = { tag: 'V', source: 'No reward, so no collection floor', source_zh: '没有考核奖励，故不设收缴率底线' };

const DEFAULT_ASSESSMENT = {
	lag: 1,
	weights: { ...DEFAULT_ASSESSMENT_WEIGHTS },
	timeLimitsHours: { ...DEFAULT_TIME_LIMITS_HOURS },
	medianTargetHours: DEFAULT_MEDIAN_TARGET_HOURS
};
const DEFAULT_ASSESSMENT_PROVENANCE: Provenance = {
	tag: 'E',
	source: 'Method notes §9: assessment from Q and grid tickets; weights, time limits and the one-year lag are this app\'s proposal',
	source_zh: '《质价方法与来源说明》§9：考核得分由 Q 与网格工单计算；权重、时限与滞后一年为本应用的建议',
	note: 'The reward of year Y uses the assessment of year Y − 1; years after the last data year reuse the last assessment.',
	note_zh: 'Y 年的奖励依据 Y − 1 年的考核结果；最后一个数据年度之后的年份沿用最后一次考核结果。'
};
const NO_CAP_PROVENANCE: Provenance = {
	tag: 'E',
	source: 'Method notes §7: no budget figure is published with the design; uncapped until you enter your district\'s budget',
	source_zh: '《质价方法与来源说明》§7：该做法未公布预算数字；填入本区预算前不设上限',
	note: 'Enter a yearly cap and choose how it binds (pro rata, largest gap first, lowest score first).',
	note_zh: '请填写年度上限，并选择超出时的处理方式（按比例削减、缺口最大者优先、考核得分最低者优先）。'
};

type Shared = 'years' | 'budget' | 'assessment' | 'provenance';
type SharedProvenance = 'budget' | 'assessment';

/**
 * A shipped preset: what every design shares is filled in here (the plan years, no budget cap until the district
 * enters one, the default assessment, and their provenance), so each preset states only what its design says.
 */
function preset(p: Omit<PolicyInput, Shared> & { provenance: Omit<NonNullable<PolicyInput['provenance']>, SharedProvenance> }): Policy {
	return definePolicy({
		...p,
		years: PLAN_YEARS,
		budget: { caps: null, rule: 'pro_rata' },
		assessment: DEFAULT_ASSESSMENT,
		provenance: { ...p.provenance, budget: NO_CAP_PROVENANCE, assessment: DEFAULT_ASSESSMENT_PROVENANCE }
	});
}

/** A design without an assessment reward: rate 0, so neither threshold nor collection floor ever applies. */
const WITHOUT_REWARD = { reward: { rate: { multi: 0, high: 0 }, threshold: 60, span: 20 }, collectionFloor: 0 } as const;

/**
 * Shaoxing-style split paid by assessment [V]: multi-storey 0.40 = 0.20 zone by assessment + 0.10 town + 0.10
 * owner; high-rise 1.10 = 0.70 by assessment + 0.30 town + 0.10 owner.
 */
export const SHAOXING_SPLIT: Policy = preset({
	id: 'shaoxing-split',
	name_zh: '绍兴式分担（按考核拨付）',
	name_en: 'Shaoxing-style split paid by assessment',
	description: {
		zh: '多层 0.40 = 考核拨付 0.20 + 镇 0.10 + 业主 0.10；高层 1.10 = 考核拨付 0.70 + 镇 0.30 + 业主 0.10。模型中：考核部分为奖励（费率 0.20/0.70），镇补部分为基础补贴（目标费 = 镇 + 业主 = 0.20/0.40，业主 0.10）。考核门槛、满额跨度与收缴率底线为本应用的估计。',
		en: 'Multi-storey 0.40 = 0.20 zone by assessment + 0.10 town + 0.10 owner; high-rise 1.10 = 0.70 by assessment + 0.30 town + 0.10 owner. In the model the assessment part is the reward (rate 0.20 / 0.70) and the town part the base subsidy (target fee = town + owner = 0.20 / 0.40, owner 0.10). Threshold, span and collection floor are this app\'s estimates.'
	},
	target: { mode: 'by_building_type', fee: { multi: 0.2, high: 0.4 } },
	ownerFee: { mode: 'schedule', fee: { multi: [0.1, 0.1, 0.1, 0.1, 0.1], high: [0.1, 0.1, 0.1, 0.1, 0.1] } },
	taper: [1, 1, 1, 1, 1],
	reward: { rate: { multi: 0.2, high: 0.7 }, threshold: 60, span: 20 },
	collectionFloor: 0.65,
	provenance: {
		design: {
			tag: 'V',
			source: `${SECTION7}: split funding paid by assessment (a Shaoxing-area zone)`,
			source_zh: `${SECTION7_ZH}：按考核拨付的分担做法（绍兴某区）`,
			note: 'Secondary source: check the zone\'s official text before a legal use.',
			note_zh: SECONDARY_ZH
		},
		target: {
			tag: 'V-calc',
			source: `${SECTION7}: guaranteed part of the fee = town + owner (multi 0.10 + 0.10 = 0.20; high 0.30 + 0.10 = 0.40)`,
			source_zh: `${SECTION7_ZH}：保底部分 = 镇 + 业主（多层 0.10 + 0.10 = 0.20；高层 0.30 + 0.10 = 0.40）`,
			note: 'The full fee (0.40 / 1.10) is this target plus the full assessment reward.',
			note_zh: '全额物业费（0.40 / 1.10）= 此目标费 + 全额考核奖励。'
		},
		ownerFee: { tag: 'V', source: `${SECTION7}: owner pays 0.10 (multi-storey and high-rise)`, source_zh: `${SECTION7_ZH}：业主缴纳 0.10（多层与高层）` },
		taper: { tag: 'E', source: 'The design states no phase-out: factor 1 every year', source_zh: '该做法未规定退坡：每年系数均为 1' },
		reward: {
			tag: 'V',
			source: `${SECTION7}: 0.20 (multi) / 0.70 (high) paid by the zone according to assessment`,
			source_zh: `${SECTION7_ZH}：多层 0.20 / 高层 0.70 由该区按考核结果拨付`,
			note: 'Rates [V]; threshold 60 and span 20 (full reward at 80, grade 2) are [E]: the source does not say how the payment follows the score.',
			note_zh: '费率为 [V]；门槛 60 分、满额跨度 20 分（80 分即二级起全额）为 [E]：来源未说明拨付如何随得分变化。'
		},
		collectionFloor: {
			tag: 'E',
			source: 'This app\'s proposal: below 65 % collection the reward is withheld',
			source_zh: '本应用建议：收缴率低于 65% 时暂停发放考核奖励',
			note: 'Typical residential collection is about 76 % (Method notes §3).',
			note_zh: '住宅物业费收缴率常见约 76%（《质价方法与来源说明》§3）。'
		}
	}
});

/** Xiamen-style declining transition [V]: the district pays 50, 50, 40, 30, 20 % of the fee over five years. */
export const XIAMEN_DECLINING: Policy = preset({
	id: 'xiamen-declining',
	name_zh: '厦门式逐年递减过渡',
	name_en: 'Xiamen-style declining transition',
	description: {
		zh: '区财政五年内依次承担物业费的 50%、50%、40%、30%、20%，业主承担其余部分（50%、50%、60%、70%、80%）。目标费暂用 2010 年全国商品房均价（多层 0.70、高层 1.28），请改为本地市场价。最困难家庭 100% 补贴为按户政策，本模型按小区计算，未纳入。',
		en: 'The district pays 50, 50, 40, 30, 20 % of the fee over five years; owners pay the rest (50, 50, 60, 70, 80 %). The target fee stands in as the 2010 national commercial-housing averages (multi 0.70, high 1.28): replace with your market fee. The 100 % subsidy for the poorest households is per household and not modelled here (estate level).'
	},
	target: { mode: 'by_building_type', fee: { multi: 0.7, high: 1.28 } },
	ownerFee: { mode: 'share_of_target', shares: [0.5, 0.5, 0.6, 0.7, 0.8] },
	taper: [1, 1, 1, 1, 1],
	...WITHOUT_REWARD,
	provenance: {
		design: {
			tag: 'V',
			source: `${SECTION7}: declining transition (a Xiamen district): the district pays 50 %, 50 %, 40 %, 30 %, 20 % of the fee over five years; 100 % for the poorest households`,
			source_zh: `${SECTION7_ZH}：逐年递减过渡（厦门某区）：区财政五年内依次承担物业费的 50%、50%、40%、30%、20%；最困难家庭 100%`,
			note: SECONDARY_DISTRICT,
			note_zh: SECONDARY_ZH
		},
		target: {
			tag: 'V-calc',
			source: 'Method notes §7: national 2010 averages for commercial housing, 0.70 (multi) and 1.28 (high-rise)',
			source_zh: '《质价方法与来源说明》§7：2010 年全国商品房物业费均值，多层 0.70、高层 1.28',
			note: 'A stand-in market fee: replace it with the fee agreed for the estates.',
			note_zh: '暂代的市场价：请替换为各小区约定的物业费。'
		},
		ownerFee: {
			tag: 'V-calc',
			source: `${SECTION7}: owners pay the part the district does not (100 % − 50/50/40/30/20 %)`,
			source_zh: `${SECTION7_ZH}：业主承担区财政未承担的部分（100% − 50/50/40/30/20%）`
		},
		taper: { tag: 'V-calc', source: 'The decline is carried by the owner share; factor 1 every year', source_zh: '递减已体现在业主承担比例中：每年系数均为 1' },
		reward: NO_REWARD,
		collectionFloor: NO_FLOOR
	}
});

/** Finance-paid transition [V]: 0.6 / 0.9 / 1.1 by building height paid by the district for three years, then 0. */
export const FINANCE_PAID_3Y: Policy = preset({
	id: 'finance-paid-3y',
	name_zh: '财政全额托底三年',
	name_en: 'Finance-paid transition (three years)',
	description: {
		zh: '按楼高 0.6 / 0.9 / 1.1 元/㎡·月 由区财政全额承担三年，之后由业委会接手、业主全额缴费。数据只区分多层与高层：多层 0.6、高层 1.1；小高层 0.9 一档未单列（可将高层改为 0.9）。',
		en: 'A fee of 0.6 / 0.9 / 1.1 by building height paid in full by the district for three years, then the owners\' committee takes over and owners pay in full. The data know multi-storey and high-rise only: multi 0.6, high 1.1; the 0.9 mid-rise tier is not separate (set high to 0.9 where it applies).'
	},
	target: { mode: 'by_building_type', fee: { multi: 0.6, high: 1.1 } },
	ownerFee: { mode: 'share_of_target', shares: [0, 0, 0, 1, 1] },
	taper: [1, 1, 1, 0, 0],
	...WITHOUT_REWARD,
	provenance: {
		design: {
			tag: 'V',
			source: `${SECTION7}: finance-paid transition: fee 0.6 / 0.9 / 1.1 by building height, paid by the district for three years, then the owners' committee takes over`,
			source_zh: `${SECTION7_ZH}：财政托底过渡（另一区）：按楼高收费 0.6 / 0.9 / 1.1，由区财政承担三年，之后由业委会接手`,
			note: SECONDARY_DISTRICT,
			note_zh: SECONDARY_ZH
		},
		target: {
			tag: 'V',
			source: `${SECTION7}: 0.6 (multi-storey) and 1.1 (high-rise); the 0.9 mid-rise tier is not a building type in the data`,
			source_zh: `${SECTION7_ZH}：多层 0.6、高层 1.1；0.9 一档（小高层）在数据中不是单独的楼型`
		},
		ownerFee: {
			tag: 'V',
			source: `${SECTION7}: nothing for three years, then the full fee (the owners' committee takes over)`,
			source_zh: `${SECTION7_ZH}：前三年业主不缴，之后全额缴纳（业委会接手）`
		},
		taper: { tag: 'V', source: `${SECTION7}: paid by the district for three years, then 0`, source_zh: `${SECTION7_ZH}：区财政承担三年，之后为 0` },
		reward: NO_REWARD,
		collectionFloor: NO_FLOOR
	}
});

/**
 * The app's own proposal [E] (docs/sources.md §7, "a policy model"): target fee by building type, owners' fee
 * raised 0.05 a year from what they pay now, base subsidy tapering to zero, a quality-linked reward.
 */
export const ZHIJIA_MODEL: Policy = preset({
	id: 'zhijia-model',
	name_zh: '质价建议模型（估计）',
	name_en: 'Zhijia proposal (estimate)',
	description: {
		zh: '本应用的建议 [E]：目标费多层 0.60、高层 1.10；业主在现缴费基础上每年提高 0.05；基础补贴逐年递减至零；考核得分 70 分起发放奖励，90 分满额，收缴率低于 70% 不发放。',
		en: 'This app\'s proposal [E]: target fee 0.60 multi / 1.10 high; owners\' fee raised 0.05 a year from what they pay now; base subsidy tapering to zero; reward from a score of 70, full at 90, withheld below 70 % collection.'
	},
	target: { mode: 'by_building_type', fee: { multi: 0.6, high: 1.1 } },
	ownerFee: { mode: 'current_fee', stepPerYear: 0.05 },
	taper: [1, 0.8, 0.6, 0.4, 0.2],
	reward: { rate: { multi: 0.1, high: 0.2 }, threshold: 70, span: 20 },
	collectionFloor: 0.7,
	provenance: {
		design: {
			tag: 'E',
			source: 'Method notes §7, "a policy model [E]": base subsidy, assessment reward, collection floor, budget cap, taper to zero',
			source_zh: '《质价方法与来源说明》§7“政策模型 [E]”：基础补贴、考核奖励、收缴率底线、预算上限、逐年退坡至零'
		},
		target: {
			tag: 'E',
			source: 'Borrowed from the finance-paid design of Method notes §7 (0.6 / 1.1 [V]) as a baseline-service fee',
			source_zh: '借用《质价方法与来源说明》§7 财政托底做法的收费（0.6 / 1.1 [V]）作为托底服务收费'
		},
		ownerFee: {
			tag: 'E',
			source: 'This app\'s proposal: 0.05 yuan/m² per month more each year until the target is reached',
			source_zh: '本应用建议：业主缴费每年提高 0.05 元/㎡·月，直至达到目标费'
		},
		taper: { tag: 'E', source: 'This app\'s proposal: 100, 80, 60, 40, 20 %', source_zh: '本应用建议：基础补贴逐年按 100%、80%、60%、40%、20% 发放' },
		reward: {
			tag: 'E',
			source: 'This app\'s proposal: 0.10 / 0.20 yuan/m² per month for a score from 70 (grade 3) to 90 (grade 1)',
			source_zh: '本应用建议：多层 0.10 / 高层 0.20 元/㎡·月，考核得分 70 分（三级）起发放，90 分（一级）满额'
		},
		collectionFloor: {
			tag: 'E',
			source: 'This app\'s proposal: 70 %, a little below the typical 76 % (Method notes §3)',
			source_zh: '本应用建议：70%，略低于常见的 76%（《质价方法与来源说明》§3）'
		}
	}
});

/** The shipped presets. */
export const SUBSIDY_PRESETS: readonly Policy[] = [SHAOXING_SPLIT, XIAMEN_DECLINING, FINANCE_PAID_3Y, ZHIJIA_MODEL];

/** A preset by id. */
export function findSubsidyPreset(id: string): Policy | undefined {
	return SUBSIDY_PRESETS.find((p) => p.id === id);
}

/** Which policy parts a top-level key of a policy file overrides. */
const KEY_PART: Readonly<Record<string, PolicyPart>> = {
	target: 'target',
	ownerFee: 'ownerFee',
	taper: 'taper',
	reward: 'reward',
	collectionFloor: 'collectionFloor',
	budget: 'budget',
	assessment: 'assessment'
};

/** The outcome of {@link resolvePolicy}. */
export type ResolvedPolicy = { success: true; policy: Policy } | { success: false; errors: string[] };

/**
 * A policy from what a user supplies: a preset id (string), a complete policy object, or an object
 * `{ "extends": "<preset id>", …overrides }` whose top-level keys replace the preset's. Overridden parts without
 * their own provenance are marked as entered by the user.
 */
export function resolvePolicy(input: unknown): ResolvedPolicy {
	if (typeof input === 'string') {
		const preset = findSubsidyPreset(input);
		return preset
			? { success: true, policy: preset }
			: { success: false, errors: [`unknown preset '${input}' (presets: ${SUBSIDY_PRESETS.map((p) => p.id).join(', ')})`] };
	}
	let candidate: unknown = input;
	if (input !== null && typeof input === 'object' && 'extends' in input) {
		const { extends: base, ...overrides } = input as Record<string, unknown>;
		const preset = typeof base === 'string' ? findSubsidyPreset(base) : undefined;
		if (!preset) return { success: false, errors: [`'extends' must name a preset (${SUBSIDY_PRESETS.map((p) => p.id).join(', ')})`] };
		const provenance: Record<string, unknown> = { ...preset.provenance };
		for (const key of Object.keys(overrides)) {
			const part = KEY_PART[key];
			if (part) provenance[part] = userProvenance(`replaces the ${preset.id} preset's ${key}`);
		}
		const given = (overrides.provenance ?? {}) as Record<string, unknown>;
		candidate = { ...preset, id: `${preset.id}+user`, ...overrides, provenance: { ...provenance, ...given } };
	}
	const r = parsePolicy(candidate);
	if (r.success) return { success: true, policy: r.data };
	return { success: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '(policy)'}: ${i.message}`) };
}
