/** Message keys of the market's codes, keyed by code so the compiler checks every key exists. */
import type { BuildingForm } from '$lib/domain/market/listing-text';
import type { EstateMatch } from '$lib/domain/market/match';
import type { MessageKey } from '$lib/i18n/messages';

export const FORM_KEYS: Readonly<Record<BuildingForm, MessageKey>> = {
	low: 'market.form.low',
	mid_high: 'market.form.mid_high',
	high: 'market.form.high',
	slab: 'market.form.slab',
	tower: 'market.form.tower',
	slab_tower: 'market.form.slab_tower',
	villa: 'market.form.villa',
	mixed: 'market.form.mixed'
};

/** How a listing was matched; null where no listing is shown (nothing to explain). */
export const MATCH_HOW_KEYS: Readonly<Record<EstateMatch<unknown>['how'], MessageKey | null>> = {
	name_area: 'market.panel.matchHow.name_area',
	name: 'market.panel.matchHow.name',
	user: 'market.panel.matchHow.user',
	none: null,
	undone: null
};
