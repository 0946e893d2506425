// @ts-check
/**
 * Who is in the sample district: its subdistricts, how many estates of each type, and the property firms.
 * All names are invented.
 */

/** @typedef {import('../estate-kinds.mjs').EstateType} EstateType */

/**
 * Subdistricts with how likely each estate type is found there: the old town (江滨, 望湖, 柳岸) holds the
 * 售后公房, the outer subdistricts (北塘, 东港) the relocation bases, the new town the commercial estates.
 * @type {{ name: string, weights: Record<EstateType, number> }[]}
 */
export const SUBDISTRICTS = [
	{ name: '江滨街道', weights: { commercial: 1.0, relocation: 0.3, public_sold: 2.4, mixed: 1.2 } },
	{ name: '望湖街道', weights: { commercial: 1.3, relocation: 0.4, public_sold: 1.6, mixed: 1.0 } },
	{ name: '柳岸街道', weights: { commercial: 1.0, relocation: 0.5, public_sold: 1.8, mixed: 1.3 } },
	{ name: '新城街道', weights: { commercial: 2.3, relocation: 0.5, public_sold: 0.2, mixed: 0.6 } },
	{ name: '金桥街道', weights: { commercial: 1.6, relocation: 1.0, public_sold: 0.3, mixed: 0.9 } },
	{ name: '梅园街道', weights: { commercial: 1.4, relocation: 0.8, public_sold: 0.6, mixed: 1.0 } },
	{ name: '北塘街道', weights: { commercial: 0.7, relocation: 2.0, public_sold: 0.4, mixed: 1.0 } },
	{ name: '东港街道', weights: { commercial: 0.8, relocation: 2.4, public_sold: 0.2, mixed: 0.8 } }
];

/** Estate counts by type: 55% / 20% / 12% / 13% of 240. */
export const TYPE_COUNTS = /** @type {const} */ ([
	['commercial', 132],
	['relocation', 48],
	['public_sold', 29],
	['mixed', 31]
]);
/** Luxury commercial estates (fee 3.5-6 元/㎡·月, docs/sources.md §10 notes far higher in Shanghai). */
export const LUXURY_COUNT = 6;

/**
 * Fictional property firms. `effect` shifts an estate's latent inspection level; `serves` weights the
 * estate types a firm takes on (state-owned housing firms run the 售后公房 and relocation estates).
 * @type {{ name: string, effect: number, premium?: boolean, serves: Record<EstateType, number> }[]}
 */
export const FIRMS = [
	{ name: '临江安居物业管理有限公司', effect: -1, serves: { commercial: 0, relocation: 3, public_sold: 4, mixed: 1 } },
	{ name: '临江城投物业服务有限公司', effect: 0.5, serves: { commercial: 0.5, relocation: 3, public_sold: 1, mixed: 2 } },
	{ name: '江滨房管物业有限公司', effect: -2, serves: { commercial: 0, relocation: 0.5, public_sold: 4, mixed: 1.5 } },
	{ name: '望湖物业服务有限公司', effect: -3, serves: { commercial: 0.5, relocation: 1, public_sold: 1, mixed: 2 } },
	{ name: '恒嘉物业服务有限公司', effect: 1, serves: { commercial: 3, relocation: 0, public_sold: 0, mixed: 1 } },
	{ name: '瑞丰物业管理有限公司', effect: 0, serves: { commercial: 3, relocation: 0.5, public_sold: 0, mixed: 1 } },
	{ name: '锦和物业服务有限公司', effect: 2, serves: { commercial: 3, relocation: 0, public_sold: 0, mixed: 0.5 } },
	{ name: '蓝湾物业服务有限公司', effect: 5, premium: true, serves: { commercial: 1.5, relocation: 0, public_sold: 0, mixed: 0 } },
	{ name: '星澜物业服务有限公司', effect: 4, premium: true, serves: { commercial: 1.5, relocation: 0, public_sold: 0, mixed: 0 } },
	{ name: '邻里家物业服务有限公司', effect: -4, serves: { commercial: 0.5, relocation: 1.5, public_sold: 1, mixed: 1 } },
	{ name: '宜居物业管理有限公司', effect: -2, serves: { commercial: 2, relocation: 0.5, public_sold: 0, mixed: 1.5 } },
	{ name: '和泰物业服务有限公司', effect: 0, serves: { commercial: 2.5, relocation: 0.5, public_sold: 0, mixed: 1 } },
	{ name: '慧邦物业服务有限公司', effect: 1, serves: { commercial: 2.5, relocation: 0, public_sold: 0, mixed: 1 } },
	{ name: '明庭物业服务有限公司', effect: 3, serves: { commercial: 2, relocation: 0, public_sold: 0, mixed: 0.5 } },
	{ name: '北塘众安物业服务有限公司', effect: -3, serves: { commercial: 0, relocation: 2, public_sold: 0.5, mixed: 0.5 } },
	{ name: '东港新居物业管理有限公司', effect: -1, serves: { commercial: 0, relocation: 2.5, public_sold: 0, mixed: 0.5 } }
];
