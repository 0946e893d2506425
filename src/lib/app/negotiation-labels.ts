/** Display text for negotiation results that several components show the same way. */
import type { PositionInRange, TornadoFactor, VoteTestCode } from '$lib/domain';
import { t } from '$lib/i18n/i18n.svelte';
import { pct } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/messages';

/** The message key of each test of an owners' vote. */
export const VOTE_TEST_KEYS: Readonly<Record<VoteTestCode, MessageKey>> = {
	participation_area: 'negotiation.vote.t.participation_area',
	participation_owners: 'negotiation.vote.t.participation_owners',
	approval_area: 'negotiation.vote.t.approval_area',
	approval_owners: 'negotiation.vote.t.approval_owners'
};

/** The short name of each factor of the sensitivity chart. */
export const TORNADO_SHORT_KEYS: Readonly<Record<TornadoFactor, MessageKey>> = {
	staff: 'negotiation.short.staff',
	order: 'negotiation.short.order',
	cleaning: 'negotiation.short.cleaning',
	greening: 'negotiation.short.greening',
	facilities: 'negotiation.short.facilities',
	office: 'negotiation.short.office',
	management: 'negotiation.short.management',
	depreciation: 'negotiation.short.depreciation',
	insurance: 'negotiation.short.insurance',
	other: 'negotiation.short.other',
	collection_rate: 'negotiation.short.collection_rate',
	profit_rate: 'negotiation.short.profit_rate',
	commission_rate: 'negotiation.short.commission_rate'
};

/** Where a fee lies in the negotiating range, e.g. "区间内（38%）". */
export function positionText(p: PositionInRange): string {
	switch (p.position) {
		case 'within':
			return p.fraction === null ? t('negotiation.pos.within') : t('negotiation.pos.withinAt', { share: pct(p.fraction, 0) });
		case 'below_floor':
			return t('negotiation.pos.below');
		case 'above_ceiling':
			return t('negotiation.pos.above');
		case 'in_gap':
			return t('negotiation.pos.gap');
		case 'above_floor':
			return t('negotiation.pos.aboveFloor');
	}
}
