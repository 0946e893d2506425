/**
 * Indicator groups in wide score sheets: a column 设施设备运行 scores the four facility indicators together
 * (docs/sources.md §5 and §18). The group score is never dropped: by default it is spread to each member
 * indicator the row does not score itself; or, when the person chooses, kept at group level as one score
 * whose indicator is the group's code.
 */
import { FACILITIES_GROUP_NAME, INDICATOR_CODES } from '../data/indicators';
import { normalizeLabel } from '../data/datasets';
import { INDICATOR_GROUP_LABELS, type IndicatorSystem } from '../domain/indicator-system';

/** Prefix of a wide sheet's group targets in a column mapping ('group:facilities'). */
export const GROUP_TARGET = 'group:';

/** One group: its code (the `group` of its members), names read in headers, and member indicator codes. */
export interface IndicatorGroup {
	readonly code: string;
	readonly names: readonly string[];
	readonly members: readonly string[];
}

/** The default system's group: 电梯, 消防, 二次供水 and 其他设施设备 as 设施设备运行. */
export const DEFAULT_GROUPS: readonly IndicatorGroup[] = [
	{
		code: 'facilities',
		names: [FACILITIES_GROUP_NAME.zh, FACILITIES_GROUP_NAME.en, '设施设备运行管理', '设施设备运行维护', '设施设备管理', '共用设施设备运行'],
		members: INDICATOR_CODES.filter((i) => 'group' in i && i.group === 'facilities').map((i) => i.code)
	}
];

/** How a group's score is used: given to its members (default) or kept as one score at group level. */
export type GroupScoring = 'spread' | 'group';

/** The group a header names (score words such as 得分 or （20分） ignored), or undefined. */
export function matchGroup(header: string, groups: readonly IndicatorGroup[] = DEFAULT_GROUPS): IndicatorGroup | undefined {
	const h = normalizeLabel(header).replace(/(得分|分数|评分|分值|分)$/, '');
	return groups.find((g) => g.names.some((n) => normalizeLabel(n) === h) || normalizeLabel(g.code) === h);
}

/** The group code of a wide-sheet target ('group:facilities' → 'facilities'), or undefined. */
export function groupOfTarget(target: string | null): string | undefined {
	return target && target.startsWith(GROUP_TARGET) ? target.slice(GROUP_TARGET.length) : undefined;
}

/**
 * The groups a wide sheet of this system may hold: the system's own groups (their two names and other names
 * as headers, their members), then each group its indicators are marked with that none defines (the default
 * system's 设施设备运行, with the names of {@link DEFAULT_GROUPS}), whose members are the indicators so marked.
 */
export function groupsOfSystem(system: Pick<IndicatorSystem, 'indicators' | 'groups'>): IndicatorGroup[] {
	const own: IndicatorGroup[] = (system.groups ?? [])
		.filter((g) => g.code.trim() !== '' && g.members.length > 0)
		.map((g) => ({ code: g.code.trim(), names: [g.name_zh, g.name_en, ...(g.aliases ?? [])].filter((n) => n.trim() !== ''), members: [...g.members] }));
	const marked = new Map<string, string[]>();
	for (const ind of system.indicators) {
		if (ind.group === undefined || own.some((g) => g.code === ind.group)) continue;
		marked.set(ind.group, [...(marked.get(ind.group) ?? []), ind.code]);
	}
	const implied = [...marked].map(([code, members]): IndicatorGroup => {
		const known = DEFAULT_GROUPS.find((g) => g.code === code);
		const label = INDICATOR_GROUP_LABELS[code];
		return { code, names: known ? known.names : label ? [label.zh, label.en] : [], members };
	});
	return [...own, ...implied];
}
