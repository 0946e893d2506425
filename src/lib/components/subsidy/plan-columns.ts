/**
 * The columns of the subsidy page's tables (the plan of one year, each estate over the plan years, the assessment,
 * the withheld rewards) and the totals row under a table of plan rows. Money in 元 to the fen (money.ts).
 */
import { BUILDING_TYPE_LABELS, REASON_LABELS, rowReasons, type EstatePlanTotal, type PlanRow, type RowSums } from '$lib/domain';
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num } from '$lib/i18n/format';
import { fee, rate, yuan } from './money';
import type { Column } from './table';

const reasonText = (r: PlanRow) =>
	rowReasons(r)
		.map((c) => dl(REASON_LABELS[c]))
		.join('；');

/** The plan of one year; `W` is the money unit's label. */
export function planColumns(W: string): Column<PlanRow>[] {
	return [
		{ key: 'name', label: t('table.estate'), head: true, sort: (r) => r.name, cell: (r) => r.name },
		{ key: 'building', label: t('table.building'), sort: (r) => r.building_type, cell: (r) => dl(BUILDING_TYPE_LABELS[r.building_type]) },
		{ key: 'area', label: t('subsidy.col.area'), unit: '㎡', numeric: true, sort: (r) => r.area_m2, cell: (r) => num(r.area_m2, 0) },
		{ key: 'request', label: t('subsidy.col.requested'), unit: W, numeric: true, sort: (r) => r.request, cell: (r) => yuan(r.request) },
		{ key: 'paid', label: t('subsidy.col.paid'), unit: W, numeric: true, sort: (r) => r.paid, cell: (r) => yuan(r.paid) },
		{ key: 'cut', label: t('subsidy.col.cut'), unit: W, numeric: true, sort: (r) => r.cut_fen, cell: (r) => yuan(r.cut) },
		{ key: 'cut_share', label: t('subsidy.col.cutShare'), numeric: true, sort: (r) => r.cut_share, cell: (r) => rate(r.cut_share) },
		{ key: 'base', label: t('subsidy.col.base'), unit: W, numeric: true, sort: (r) => r.base, cell: (r) => yuan(r.base) },
		{ key: 'reward', label: t('subsidy.col.reward'), unit: W, numeric: true, sort: (r) => r.reward, cell: (r) => yuan(r.reward) },
		{ key: 'target', label: t('subsidy.col.target'), unit: t('unit.feeM2'), numeric: true, sort: (r) => r.target_fee, cell: (r) => fee(r.target_fee) },
		{ key: 'owner', label: t('subsidy.col.owner'), unit: t('unit.feeM2'), numeric: true, sort: (r) => r.owner_fee, cell: (r) => fee(r.owner_fee) },
		{ key: 'reasons', label: t('subsidy.col.reasons'), cell: reasonText, class: 'wrap reasons' }
	];
}

/** Each estate summed over the plan years. */
export function allColumns(W: string): Column<EstatePlanTotal>[] {
	return [
		{ key: 'name', label: t('table.estate'), head: true, sort: (r) => r.name, cell: (r) => r.name },
		{ key: 'building', label: t('table.building'), sort: (r) => r.building_type, cell: (r) => dl(BUILDING_TYPE_LABELS[r.building_type]) },
		{ key: 'area', label: t('subsidy.col.area'), unit: '㎡', numeric: true, sort: (r) => r.area_m2, cell: (r) => num(r.area_m2, 0) },
		{ key: 'request', label: t('subsidy.col.requested'), unit: W, numeric: true, sort: (r) => r.request_fen, cell: (r) => yuan(r.request_fen / 100) },
		{ key: 'paid', label: t('subsidy.col.paid'), unit: W, numeric: true, sort: (r) => r.paid_fen, cell: (r) => yuan(r.paid_fen / 100) },
		{ key: 'cut', label: t('subsidy.col.cut'), unit: W, numeric: true, sort: (r) => r.cut_fen, cell: (r) => yuan(r.cut_fen / 100) },
		{ key: 'cut_share', label: t('subsidy.col.cutShare'), numeric: true, sort: (r) => r.cut_share, cell: (r) => rate(r.cut_share) },
		{ key: 'base', label: t('subsidy.col.base'), unit: W, numeric: true, sort: (r) => r.base_fen, cell: (r) => yuan(r.base_fen / 100) },
		{ key: 'reward', label: t('subsidy.col.reward'), unit: W, numeric: true, sort: (r) => r.reward_fen, cell: (r) => yuan(r.reward_fen / 100) }
	];
}

/** The assessment of one year. */
export function assessColumns(): Column<PlanRow>[] {
	return [
		{ key: 'name', label: t('table.estate'), head: true, sort: (r) => r.name, cell: (r) => r.name },
		{ key: 'q', label: 'Q', numeric: true, sort: (r) => r.q, cell: (r) => num(r.q, 1) },
		{ key: 'opened', label: t('subsidy.col.opened'), numeric: true, sort: (r) => r.opened, cell: (r) => num(r.opened, 0) },
		{ key: 'closed', label: t('subsidy.col.closed'), numeric: true, sort: (r) => r.closed, cell: (r) => num(r.closed, 0) },
		{ key: 'on_time', label: t('subsidy.col.onTime'), numeric: true, sort: (r) => r.on_time, cell: (r) => num(r.on_time, 0) },
		{ key: 'handling', label: t('subsidy.col.handlingRate'), numeric: true, sort: (r) => r.handling_rate, cell: (r) => rate(r.handling_rate) },
		{ key: 'on_time_rate', label: t('subsidy.col.onTimeRate'), numeric: true, sort: (r) => r.on_time_rate, cell: (r) => rate(r.on_time_rate) },
		{ key: 'median', label: t('subsidy.col.median'), unit: t('subsidy.unit.hours'), numeric: true, sort: (r) => r.median_hours, cell: (r) => num(r.median_hours, 1) },
		{ key: 'score', label: t('subsidy.col.score'), numeric: true, sort: (r) => r.score, cell: (r) => num(r.score, 1) },
		{ key: 'collection', label: t('subsidy.col.collection'), numeric: true, sort: (r) => r.collection_rate, cell: (r) => rate(r.collection_rate) },
		{
			key: 'meets',
			label: t('subsidy.col.meets'),
			sort: (r) => (r.meets_threshold === null ? null : r.meets_threshold ? 1 : 0),
			cell: (r) => (r.meets_threshold === null ? '—' : r.meets_threshold ? t('subsidy.yes') : t('subsidy.no'))
		}
	];
}

/** The rewards withheld in one year. */
export function failColumns(): Column<PlanRow>[] {
	return [
		{ key: 'name', label: t('table.estate'), head: true, sort: (r) => r.name, cell: (r) => r.name },
		{ key: 'score', label: t('subsidy.col.score'), numeric: true, sort: (r) => r.score, cell: (r) => num(r.score, 1) },
		{ key: 'collection', label: t('subsidy.col.collection'), numeric: true, sort: (r) => r.collection_rate, cell: (r) => rate(r.collection_rate) },
		{ key: 'status', label: t('subsidy.col.why'), sort: (r) => r.reward_status, cell: (r) => dl(REASON_LABELS[r.reward_status as 'below_threshold']), class: 'wrap' }
	];
}

/** Totals under a table of rows: amounts summed in fen, the cut share of the sums. */
export function footOf(s: Pick<RowSums, 'base_fen' | 'reward_fen' | 'request_fen' | 'paid_fen' | 'cut_fen' | 'cut_share'>) {
	return {
		label: t('subsidy.plan.total'),
		cells: {
			base: yuan(s.base_fen / 100),
			reward: yuan(s.reward_fen / 100),
			request: yuan(s.request_fen / 100),
			paid: yuan(s.paid_fen / 100),
			cut: yuan(s.cut_fen / 100),
			cut_share: rate(s.cut_share)
		}
	};
}

/** The totals row of the estates summed over the plan years. */
export function estateSumsFoot(rs: readonly EstatePlanTotal[]) {
	const f = (g: (r: EstatePlanTotal) => number) => rs.reduce((a, r) => a + g(r), 0);
	const request = f((r) => r.request_fen);
	const cut = f((r) => r.cut_fen);
	return footOf({
		base_fen: f((r) => r.base_fen),
		reward_fen: f((r) => r.reward_fen),
		request_fen: request,
		paid_fen: f((r) => r.paid_fen),
		cut_fen: cut,
		cut_share: request > 0 ? cut / request : null
	});
}
