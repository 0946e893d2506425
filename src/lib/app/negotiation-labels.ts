/** Display text for negotiation results that several components show the same way. */
import type { PositionInRange } from '$lib/domain';
import { t } from '$lib/i18n/i18n.svelte';
import { pct } from '$lib/i18n/format';

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
