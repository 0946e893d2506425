/**
 * The canonical data vocabulary shared with the DB layer: estate and building types, fee units.
 * Labels live beside the codes so every screen names them the same way.
 */
import type { Bilingual } from './provenance';

/** Estate types, as stored in the `estate_type` column. */
export const ESTATE_TYPES = ['commercial', 'relocation', 'public_sold', 'mixed'] as const;
/** 商品房 / 动迁房 / 售后公房 / 混合. */
export type EstateType = (typeof ESTATE_TYPES)[number];

/** Building types, as stored in the `building_type` column. */
export const BUILDING_TYPES = ['multi', 'high'] as const;
/** 多层 (multi-storey, usually no elevator) or 高层 (high-rise, with elevators). */
export type BuildingType = (typeof BUILDING_TYPES)[number];

/** Units a fee can be quoted in, as stored in the `fee_unit` column. */
export const FEE_UNITS = ['per_m2_month', 'per_household_month'] as const;
/** 元/㎡·月 or 元/户·月. */
export type FeeUnit = (typeof FEE_UNITS)[number];

/** Display names of the estate types. */
export const ESTATE_TYPE_LABELS: Readonly<Record<EstateType, Bilingual>> = {
	commercial: { zh: '商品房', en: 'Commercial housing' },
	relocation: { zh: '动迁安置房', en: 'Relocation housing' },
	public_sold: { zh: '售后公房', en: 'Sold public housing' },
	mixed: { zh: '混合', en: 'Mixed' }
};

/** Display names of the building types. */
export const BUILDING_TYPE_LABELS: Readonly<Record<BuildingType, Bilingual>> = {
	multi: { zh: '多层', en: 'Multi-storey' },
	high: { zh: '高层', en: 'High-rise' }
};

/** Display names of the fee units. */
export const FEE_UNIT_LABELS: Readonly<Record<FeeUnit, Bilingual>> = {
	per_m2_month: { zh: '元/㎡·月', en: 'yuan per m² per month' },
	per_household_month: { zh: '元/户·月', en: 'yuan per household per month' }
};
