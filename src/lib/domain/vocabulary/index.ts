/**
 * The canonical data vocabulary shared with the DB layer: estate and building types, fee units, score sources,
 * ticket categories and cost items. Codes, names and import words are defined once in ./codes.ts; the label maps
 * here are derived from them, so every screen names a code the same way.
 */
import type { Bilingual } from '../provenance';
import {
	BUILDING_TYPE_VALUES,
	COST_ITEMS,
	ESTATE_TYPE_VALUES,
	FEE_UNIT_VALUES,
	SCORE_SOURCE_VALUES,
	TICKET_CATEGORY_VALUES,
	type BuildingType,
	type CostItemCode,
	type EnumValue,
	type EstateType,
	type FeeUnit,
	type ScoreSource,
	type TicketCategory
} from './codes';

export {
	ESTATE_TYPES,
	BUILDING_TYPES,
	FEE_UNITS,
	SCORE_SOURCES,
	TICKET_CATEGORIES,
	COST_ITEM_CODES,
	type EstateType,
	type BuildingType,
	type FeeUnit,
	type ScoreSource,
	type TicketCategory,
	type CostItemCode
} from './codes';

/** Code → its Chinese and English names, from a code list. */
function labelsOf<C extends string>(values: readonly EnumValue[]): Readonly<Record<C, Bilingual>> {
	return Object.fromEntries(values.map((v) => [v.value, { zh: v.zh, en: v.en }])) as Record<C, Bilingual>;
}

/** Display names of the estate types. */
export const ESTATE_TYPE_LABELS = labelsOf<EstateType>(ESTATE_TYPE_VALUES);
/** Display names of the building types. */
export const BUILDING_TYPE_LABELS = labelsOf<BuildingType>(BUILDING_TYPE_VALUES);
/** Display names of the fee units. */
export const FEE_UNIT_LABELS = labelsOf<FeeUnit>(FEE_UNIT_VALUES);
/** Display names of the score sources. */
export const SCORE_SOURCE_LABELS = labelsOf<ScoreSource>(SCORE_SOURCE_VALUES);
/** Display names of the ticket categories. */
export const TICKET_CATEGORY_NAMES = labelsOf<TicketCategory>(TICKET_CATEGORY_VALUES);
/** Display names of the ten cost items. */
export const COST_ITEM_LABELS = labelsOf<CostItemCode>(COST_ITEMS);
