/**
 * Indicator codes of the default quality-scoring system (docs/sources.md §5, [E], adapted from Hunan's
 * star-rating weights). Names only: the points/weights are domain logic and live with the scoring code,
 * so a user can swap the weights without touching the data model.
 *
 * The codes are what the `scores.indicator` column holds. Users may bring their own indicator systems,
 * so the `scores` schema does not restrict `indicator` to this list.
 */

/** One indicator of the default system. `group` marks the four that display together as 设施设备运行. */
export interface IndicatorName {
	readonly code: string;
	readonly zh: string;
	readonly en: string;
	readonly group?: 'facilities';
}

/** The eleven inspection indicators of the default system, in display order (docs/sources.md §5). */
export const INDICATOR_CODES = [
	{ code: 'management', zh: '综合管理', en: 'Management' },
	{ code: 'upkeep', zh: '房屋维修养护', en: 'Building upkeep' },
	{ code: 'elevator', zh: '电梯', en: 'Elevators', group: 'facilities' },
	{ code: 'fire', zh: '消防', en: 'Fire safety', group: 'facilities' },
	{ code: 'water', zh: '二次供水', en: 'Secondary water supply', group: 'facilities' },
	{ code: 'facilities_other', zh: '其他设施设备', en: 'Other facilities', group: 'facilities' },
	{ code: 'order', zh: '秩序维护', en: 'Order and security' },
	{ code: 'cleaning', zh: '保洁', en: 'Cleaning' },
	{ code: 'greening', zh: '绿化', en: 'Greening' },
	{ code: 'customer_service', zh: '客户服务', en: 'Customer service' },
	{ code: 'accounts', zh: '收支公开', en: 'Published accounts' }
] as const satisfies readonly IndicatorName[];

/** Code used for owner-satisfaction rows (always with `source = 'satisfaction'`). */
export const SATISFACTION_INDICATOR = 'satisfaction' as const;

/** Display name of the satisfaction pseudo-indicator. */
export const SATISFACTION_NAME: IndicatorName = {
	code: SATISFACTION_INDICATOR,
	zh: '业主满意度',
	en: 'Owner satisfaction'
};

/** Display name of the facilities group (电梯 + 消防 + 二次供水 + 其他设施设备). */
export const FACILITIES_GROUP_NAME = { zh: '设施设备运行', en: 'Facilities operation' } as const;

/** Look up an indicator's names; unknown (user-defined) codes fall back to the code itself. */
export function indicatorName(code: string): IndicatorName {
	if (code === SATISFACTION_INDICATOR) return SATISFACTION_NAME;
	return INDICATOR_CODES.find((i) => i.code === code) ?? { code, zh: code, en: code };
}
