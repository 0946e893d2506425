/**
 * Message keys of the code lists (docs/sources.md §18), keyed by code: the compiler checks that every code has
 * its key, so no page builds a key from a string and casts it.
 */
import type { BuildingType, EstateType } from '../domain/vocabulary';
import type { MessageKey } from './messages';

export const ESTATE_TYPE_KEYS: Readonly<Record<EstateType, MessageKey>> = {
	commercial: 'type.commercial',
	relocation: 'type.relocation',
	public_sold: 'type.public_sold',
	mixed: 'type.mixed'
};

export const BUILDING_TYPE_KEYS: Readonly<Record<BuildingType, MessageKey>> = {
	multi: 'building.multi',
	high: 'building.high'
};
