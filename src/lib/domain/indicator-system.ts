/**
 * The indicator system used to score service quality: indicators and weights, the inspection /
 * satisfaction blend, red lines and grade bounds, and the weights that apply to one estate.
 * Scoring with it lives in quality-score.ts.
 */
import {
	DEFAULT_GRADE_THRESHOLDS,
	DEFAULT_GRADE_THRESHOLDS_PROVENANCE,
	gradeThresholdProblems,
	isGrade,
	type GradeThresholds,
	type RedLine
} from './grades';
import { formatFigure } from './format';
import type { Bilingual, Provenance } from './provenance';
import { indicatorGroupProblems, type IndicatorGroupDef } from './indicator-groups';

/** Canonical indicator codes, as stored by the DB layer. */
export const INDICATOR_CODES = [
	'management',
	'upkeep',
	'elevator',
	'fire',
	'water',
	'facilities_other',
	'order',
	'cleaning',
	'greening',
	'customer_service',
	'accounts'
] as const;
/** One of the canonical inspection indicators. */
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

/** Code of the owner-satisfaction score, which is blended with inspection rather than weighted in it. */
export const SATISFACTION_CODE = 'satisfaction';
/** Code of the indicator that does not apply to estates without elevators. */
export const ELEVATOR_CODE = 'elevator';
/** Display group of the four facility indicators (elevator, fire, water, other facilities). */
export const FACILITIES_GROUP = 'facilities';

/** Display names of indicator groups. */
export const INDICATOR_GROUP_LABELS: Readonly<Record<string, Bilingual>> = {
	[FACILITIES_GROUP]: { zh: '设施设备运行', en: 'Facilities operation' }
};

/** One inspection indicator. `code` may be a canonical code or a custom one in a user's own system. */
export interface Indicator {
	code: string;
	name_zh: string;
	name_en: string;
	/** Points (any positive scale: weights are normalised before use). */
	weight: number;
	/** Display group, e.g. 'facilities'; indicators without one are shown on their own. */
	group?: string;
}

/** Weights of the two parts of the composite score Q. */
export interface Blend {
	inspection: number;
	satisfaction: number;
}

/** A complete, stated scoring method: what is scored, how it is weighted and graded. */
export interface IndicatorSystem {
	id: string;
	name_zh: string;
	name_en: string;
	indicators: readonly Indicator[];
	/** The user's own indicator groups (docs/sources.md §5, §18); the facilities group needs none (its members carry `group`). */
	groups?: readonly IndicatorGroupDef[];
	blend: Blend;
	redLines: readonly RedLine[];
	gradeThresholds: GradeThresholds;
	provenance: { indicators: Provenance; blend: Provenance; gradeThresholds: Provenance };
}

const facilities = FACILITIES_GROUP;

/**
 * The app's default indicator system [E]: eleven indicators, 100 points, adapted from Hunan's star-rating
 * weights; Q = 0.6 × inspection + 0.4 × satisfaction; grades at 90/80/70/60. Red lines [E, this app's
 * choice]: an elevator or fire-safety score below 60 (the scale's own pass mark) caps the grade at 三级,
 * because a failing safety indicator should rule out the two top grades (and their top guide prices)
 * without erasing the rest of the assessment.
 */
export const DEFAULT_INDICATOR_SYSTEM: IndicatorSystem = {
	id: 'zhijia-default-2024',
	name_zh: '质价默认指标体系',
	name_en: 'Zhijia default indicator system',
	indicators: [
		{ code: 'management', name_zh: '综合管理', name_en: 'Management', weight: 15 },
		{ code: 'upkeep', name_zh: '房屋维修养护', name_en: 'Building upkeep', weight: 10 },
		{ code: 'elevator', name_zh: '电梯', name_en: 'Elevators', weight: 6, group: facilities },
		{ code: 'fire', name_zh: '消防', name_en: 'Fire safety', weight: 5, group: facilities },
		{ code: 'water', name_zh: '二次供水', name_en: 'Secondary water supply', weight: 3, group: facilities },
		{ code: 'facilities_other', name_zh: '其他设施设备', name_en: 'Other facilities', weight: 6, group: facilities },
		{ code: 'order', name_zh: '秩序维护', name_en: 'Order and security', weight: 15 },
		{ code: 'cleaning', name_zh: '保洁', name_en: 'Cleaning', weight: 15 },
		{ code: 'greening', name_zh: '绿化', name_en: 'Greening', weight: 8 },
		{ code: 'customer_service', name_zh: '客户服务', name_en: 'Customer service', weight: 12 },
		{ code: 'accounts', name_zh: '收支公开', name_en: 'Published accounts', weight: 5 }
	],
	blend: { inspection: 0.6, satisfaction: 0.4 },
	redLines: [
		{
			indicator: 'elevator',
			floor: 60,
			capGrade: 3,
			provenance: {
				tag: 'E',
				source:
					'Method notes §5: "a red line (an elevator or fire-safety failure) can cap the grade"; floor 60 and cap 三级 chosen by this app',
				source_zh: '《质价方法与来源说明》§5：红线（电梯或消防不合格）可限制等级；及格线 60 分、最高定为三级由本应用设定',
				note: 'Below 60 is below standard on the grade scale; capping at grade 3 rules out the top two grades.',
				note_zh: '低于 60 分在等级表上为不达标；最高定为三级，即排除一级、二级。'
			}
		},
		{
			indicator: 'fire',
			floor: 60,
			capGrade: 3,
			provenance: {
				tag: 'E',
				source:
					'Method notes §5: "a red line (an elevator or fire-safety failure) can cap the grade"; floor 60 and cap 三级 chosen by this app',
				source_zh: '《质价方法与来源说明》§5：红线（电梯或消防不合格）可限制等级；及格线 60 分、最高定为三级由本应用设定',
				note: 'Below 60 is below standard on the grade scale; capping at grade 3 rules out the top two grades.',
				note_zh: '低于 60 分在等级表上为不达标；最高定为三级，即排除一级、二级。'
			}
		}
	],
	gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
	provenance: {
		indicators: {
			tag: 'E',
			source:
				"Method notes §5: default indicator system adapted from Hunan's property-service star rating (points: basic management 200, buildings 110, facilities 340, order 150, environment 140, results 60, bonus 100; 1,100 in all [V])",
			source_zh:
				'《质价方法与来源说明》§5：默认指标体系，权重改编自湖南省物业服务星级评定（分值：基础管理 200、房屋 110、设施设备 340、秩序维护 150、环境 140、服务成效 60、加分 100，共 1,100 分 [V]）'
		},
		blend: {
			tag: 'E',
			source: 'Method notes §5: Q = 0.6 × inspection score + 0.4 × owner-satisfaction score',
			source_zh: '《质价方法与来源说明》§5：Q = 0.6 × 检查评分 + 0.4 × 业主满意度评分（本应用的设计建议）'
		},
		gradeThresholds: DEFAULT_GRADE_THRESHOLDS_PROVENANCE
	}
};

/** An indicator's declared weight and its share after normalisation (shares sum to 1). */
export interface NormalisedWeight {
	code: string;
	declared: number;
	weight: number;
}

/** Weights scaled to sum to 1, with the sum as declared (shown to users, e.g. "100 points"). */
export interface NormalisedWeights {
	declaredSum: number;
	weights: NormalisedWeight[];
}

/**
 * Scale weights to sum to 1, keeping the declared sum for display.
 * @throws RangeError if a weight is negative or not finite, or all weights are zero.
 */
export function normaliseWeights(indicators: readonly Pick<Indicator, 'code' | 'weight'>[]): NormalisedWeights {
	for (const ind of indicators) {
		if (!Number.isFinite(ind.weight) || ind.weight < 0) {
			throw new RangeError(`weight of '${ind.code}' must be a finite number ≥ 0, got ${ind.weight}`);
		}
	}
	const declaredSum = indicators.reduce((s, ind) => s + ind.weight, 0);
	if (!(declaredSum > 0)) throw new RangeError('indicator weights sum to 0: nothing to weight by');
	return {
		declaredSum,
		weights: indicators.map((ind) => ({ code: ind.code, declared: ind.weight, weight: ind.weight / declaredSum }))
	};
}

/** The weights that apply to one estate, and whether the elevator weight had to be spread. */
export interface EstateWeights extends NormalisedWeights {
	/** True when the estate has no elevators and the elevator weight was spread over the others. */
	elevatorRedistributed: boolean;
	/** Indicators that do not apply to this estate. */
	removed: string[];
	/** Says what was redistributed and how, for display wherever it happens; null when nothing was. */
	explanation: Bilingual | null;
}

/**
 * Normalised weights for an estate. Without elevators the elevator indicator is dropped and its weight
 * spread over the others in proportion to their own weights (which is what re-normalising the rest does):
 * each remaining weight is multiplied by total / (total − elevator weight).
 */
export function weightsForEstate(system: IndicatorSystem, hasElevator: boolean): EstateWeights {
	const elevator = system.indicators.find((ind) => ind.code === ELEVATOR_CODE);
	const drop = !hasElevator && elevator !== undefined && elevator.weight > 0;
	const applicable = drop ? system.indicators.filter((ind) => ind.code !== ELEVATOR_CODE) : system.indicators;
	const normalised = normaliseWeights(applicable);
	if (!drop || elevator === undefined) {
		return { ...normalised, elevatorRedistributed: false, removed: [], explanation: null };
	}
	const total = formatFigure(normalised.declaredSum + elevator.weight);
	const rest = formatFigure(normalised.declaredSum);
	const w = formatFigure(elevator.weight);
	const others = applicable.length;
	return {
		...normalised,
		elevatorRedistributed: true,
		removed: [ELEVATOR_CODE],
		explanation: {
			zh: `本小区无电梯：电梯指标的 ${w} 分权重按比例分摊到其余 ${others} 项指标（各项权重 × ${total}/${rest}）。`,
			en: `This estate has no elevators: the elevator indicator's weight of ${w} is spread over the other ${others} indicators in proportion to their weights (each × ${total}/${rest}).`
		}
	};
}

/** One row of the indicator table as displayed: a group of indicators, or one indicator on its own. */
export interface DisplayGroup {
	/** The group key, or the indicator code for an ungrouped indicator. */
	key: string;
	name_zh: string;
	name_en: string;
	/** Sum of the declared weights of its indicators (e.g. facilities 20). */
	weight: number;
	codes: string[];
}

/** Indicators folded into display groups, in the order they first appear. */
export function displayGroups(system: IndicatorSystem): DisplayGroup[] {
	const groups: DisplayGroup[] = [];
	for (const ind of system.indicators) {
		const key = ind.group ?? ind.code;
		let g = groups.find((x) => x.key === key);
		if (!g) {
			const own = ind.group ? system.groups?.find((x) => x.code === ind.group) : undefined;
			const label = own ? { zh: own.name_zh, en: own.name_en } : ind.group ? INDICATOR_GROUP_LABELS[ind.group] : undefined;
			g = {
				key,
				name_zh: ind.group ? (label?.zh ?? ind.group) : ind.name_zh,
				name_en: ind.group ? (label?.en ?? ind.group) : ind.name_en,
				weight: 0,
				codes: []
			};
			groups.push(g);
		}
		g.weight += ind.weight;
		g.codes.push(ind.code);
	}
	return groups;
}

/**
 * Problems with an indicator system, e.g. one a user edited (empty when it is usable): unique codes,
 * finite non-negative weights not all zero, a usable blend, valid red lines and grade bounds.
 */
export function indicatorSystemProblems(system: IndicatorSystem): string[] {
	const problems: string[] = [];
	const codes = system.indicators.map((ind) => ind.code);
	const dupes = codes.filter((c, i) => codes.indexOf(c) !== i);
	if (dupes.length > 0) problems.push(`duplicate indicator codes: ${[...new Set(dupes)].join(', ')}`);
	if (codes.includes(SATISFACTION_CODE)) problems.push(`'${SATISFACTION_CODE}' is blended into Q, not an inspection indicator`);
	for (const ind of system.indicators) {
		if (!Number.isFinite(ind.weight) || ind.weight < 0) problems.push(`weight of '${ind.code}' must be ≥ 0`);
	}
	if (!(system.indicators.reduce((s, ind) => s + (Number.isFinite(ind.weight) ? ind.weight : 0), 0) > 0)) {
		problems.push('indicator weights sum to 0');
	}
	const { inspection, satisfaction } = system.blend;
	if (!Number.isFinite(inspection) || !Number.isFinite(satisfaction) || inspection < 0 || satisfaction < 0 || !(inspection + satisfaction > 0)) {
		problems.push('blend weights must be ≥ 0 and not both 0');
	}
	for (const line of system.redLines) {
		if (!codes.includes(line.indicator)) problems.push(`red line on unknown indicator '${line.indicator}'`);
		if (!Number.isFinite(line.floor)) problems.push(`red line floor of '${line.indicator}' must be a number`);
		if (!isGrade(line.capGrade)) problems.push(`red line cap of '${line.indicator}' must be a grade 1-5`);
	}
	problems.push(...gradeThresholdProblems(system.gradeThresholds));
	problems.push(...indicatorGroupProblems(system));
	return problems;
}
