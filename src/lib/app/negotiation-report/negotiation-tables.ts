/** The report's tables about the negotiation: costs, cost-based fee, staffing, range, proposals and the vote. */
import { CONTRACT_FORM_LABELS, costItemLabel, type ProposalResult } from '$lib/domain';
import { COST_ITEM_CODES } from '$lib/data/datasets';
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num, pct } from '$lib/i18n/format';
import { bandKey } from '$lib/components/band-colors';
import { positionText, VOTE_TEST_KEYS } from '$lib/app/negotiation-labels';
import { CURRENT_LABEL, costItemSource, rateSources, type InputSource } from '../negotiation';
import {
	type ReportCell,
	type ReportInput,
	type ReportTable,
	feeUnit,
	n,
	p,
	s,
	tagLabel,
	withTotals,
	yearUnit
} from './cells';

export function costTable(i: ReportInput): ReportTable | null {
	const r = i.results.costFee.ok ? i.results.costFee.value : null;
	if (!r) return null;
	const rows: ReportCell[][] = r.items.map((line, k) => {
		const src = costItemSource(i.scenario, i.baseline, COST_ITEM_CODES[k]);
		return [s(`${k + 1}. ${dl(costItemLabel(line.item))}`), n(line.annualYuan, 0), p(line.share, 1), n(line.unitCost, 2), s(tagLabel(src.tag))];
	});
	// The unit-cost column has no total: items rounded to 0.01 need not add up to the rounded unit cost, which the
	// next table gives once.
	rows.push([s(t('negotiation.cost.total')), n(r.annualCost, 0), p(r.annualCost > 0 ? 1 : null, 1), s(''), s('')]);
	return {
		id: 'costs',
		sumCols: [1, 2],
		title: t('negotiation.report.t.costs'),
		columns: [
			{ label: t('negotiation.cost.item') },
			{ label: t('negotiation.cost.amount'), unit: yearUnit(), numeric: true },
			{ label: t('negotiation.cost.share'), numeric: true },
			{ label: t('negotiation.cost.unitCost'), unit: feeUnit(), numeric: true },
			{ label: t('negotiation.source'), nowrap: true }
		],
		rows: withTotals(rows, [1, 2])
	};
}

export function costFeeTable(i: ReportInput): ReportTable | null {
	const r = i.results.costFee.ok ? i.results.costFee.value : null;
	if (!r) return null;
	const src = rateSources(i.scenario, i.baseline);
	const row = (label: string, cell: ReportCell, unit: string, source: InputSource | null): ReportCell[] => [s(label), cell, s(unit), s(source ? tagLabel(source.tag) : '')];
	const rows: ReportCell[][] = [row(t('negotiation.cost.contract'), s(dl(CONTRACT_FORM_LABELS[r.contract])), '', null)];
	if (r.rates.profitRate) rows.push(row(t('negotiation.rate.profit'), p(r.rates.profitRate.value, 1), '', src.profitRate));
	if (r.rates.commissionRate) rows.push(row(t('negotiation.rate.commission'), p(r.rates.commissionRate.value, 1), '', src.commissionRate));
	if (r.rates.commissionFixedAnnualYuan !== null) rows.push(row(t('negotiation.rate.commissionFixed'), n(r.rates.commissionFixedAnnualYuan, 0), yearUnit(), null));
	rows.push(
		row(t('negotiation.rate.vat'), p(r.rates.vatRate.value, 1), '', src.vatRate),
		row(t('negotiation.rate.collection'), p(r.rates.collectionRate.value, 1), '', src.collectionRate),
		row(t('negotiation.rate.vacant'), p(r.rates.vacantShare.value, 1), '', src.vacantShare),
		row(t('negotiation.rate.vacantPaid'), p(r.rates.vacantPaidShare.value, 1), '', src.vacantPaidShare),
		row(t('negotiation.cost.unitCost'), n(r.unitCost, 2), feeUnit(), null),
		row(r.contract === 'lump_sum' ? t('negotiation.cost.feeLump') : t('negotiation.cost.feeCommission'), n(r.fee, 2), feeUnit(), null),
		i.withheld
			? row(t('negotiation.cost.breakEven'), s(t('negotiation.report.notConclusion', { fee: num(r.breakEvenFee, 2) })), feeUnit(), null)
			: row(t('negotiation.cost.breakEven'), n(r.breakEvenFee, 2), feeUnit(), null)
	);
	return {
		id: 'costfee',
		title: t('negotiation.report.t.costFee'),
		columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.value'), numeric: true }, { label: t('negotiation.report.unit'), nowrap: true }, { label: t('negotiation.source'), nowrap: true }],
		rows
	};
}

export function staffingTable(i: ReportInput): ReportTable | null {
	const r = i.results.staffing.ok ? i.results.staffing.value : null;
	if (!r || r.posts.length === 0) return null;
	const rows: ReportCell[][] = r.posts.map((l) => [s(dl(l.label)), n(l.headcount, l.headcount % 1 ? 1 : 0), n(l.monthlyWage, 0), p(l.socialInsuranceRate, 1), n(l.annualCost, 0)]);
	rows.push([s(t('negotiation.cost.total')), n(r.headcount, r.posts.some((l) => l.headcount % 1) ? 1 : 0), s(''), s(''), n(r.annualCost, 0)]);
	return {
		id: 'staffing',
		sumCols: [1, 4],
		title: t('negotiation.report.t.staffing'),
		columns: [
			{ label: t('negotiation.staff.post') },
			{ label: t('negotiation.staff.headcount'), unit: t('negotiation.unit.persons'), numeric: true },
			{ label: t('negotiation.staff.wage'), unit: t('negotiation.unit.yuanMonth'), numeric: true },
			{ label: t('negotiation.staff.si'), numeric: true },
			{ label: t('negotiation.staff.annual'), unit: yearUnit(), numeric: true }
		],
		rows: withTotals(rows, [1, 4])
	};
}

export function rangeTable(i: ReportInput): ReportTable | null {
	const r = i.results.range.ok ? i.results.range.value : null;
	if (!r) return null;
	const row = (label: string, cell: ReportCell, unit = feeUnit()): ReportCell[] => [s(label), cell, s(unit)];
	const status = r.status === 'overlap' ? t('negotiation.range.overlap') : r.status === 'gap' ? t('negotiation.range.gap') : t('negotiation.range.noCeiling');
	const missing = s(t('negotiation.range.floorMissing'));
	const w = i.withheld;
	const rows: ReportCell[][] = [
		row(t('negotiation.range.floor'), w ? missing : n(r.floor, 2)),
		row(t('negotiation.range.ceiling'), n(r.ceiling, 2)),
		row(t('negotiation.report.matchedLow'), n(r.matchedInterval?.low ?? null, 2)),
		row(t('negotiation.report.matchedHigh'), n(r.matchedInterval?.high ?? null, 2)),
		row(t('negotiation.range.status'), w ? missing : s(status), ''),
		...(r.gap && !w ? [row(t('negotiation.report.gapSize'), n(r.gap.size, 2))] : []),
		row(t('negotiation.report.recLow'), w ? missing : n(r.recommended?.low ?? null, 2)),
		row(t('negotiation.report.recHigh'), w ? missing : n(r.recommended?.high ?? null, 2)),
		row(t('negotiation.report.recPoint'), w ? missing : n(r.recommended?.point ?? null, 2)),
		row(t('negotiation.report.recPointMethod'), s(r.recommended ? (r.recommended.pointMethod === 'peer' ? t('negotiation.range.byPeer') : t('negotiation.range.byMid')) : null), ''),
		row(t('negotiation.quality.peer'), n(r.peerExpectedFee, 2))
	];
	return {
		id: 'range',
		title: t('negotiation.report.t.range'),
		columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.value'), numeric: true }, { label: t('negotiation.report.unit'), nowrap: true }],
		rows
	};
}

export function proposalTable(i: ReportInput): ReportTable | null {
	if (i.scenario.proposals.length === 0) return null;
	const cols = i.results.proposals.map((c) => ({ label: c.label === CURRENT_LABEL ? t('negotiation.prop.current') : t('negotiation.prop.named', { label: c.label }), r: c.outcome.ok ? c.outcome.value : null }));
	const buckets = cols[0]?.r?.bills.buckets ?? [];
	const line = (label: string, unit: string, f: (r: ProposalResult) => ReportCell): ReportCell[] => [s(label), s(unit), ...cols.map((c) => (c.r ? f(c.r) : s(null)))];
	const rows: ReportCell[][] = [
		line(t('negotiation.prop.fee'), feeUnit(), (r) => n(r.fee, 2)),
		line(t('negotiation.prop.change'), feeUnit(), (r) => n(r.feeChange, 2)),
		line(t('negotiation.prop.grade'), '', (r) => s(t(`grade.${r.promisedGrade}`))),
		...buckets.map((b, k) =>
			line(`${t('negotiation.prop.billMonth')} · ${t('negotiation.prop.bucket', { area: num(b.unitAreaM2, b.unitAreaM2 % 1 ? 1 : 0), n: num(b.households, 0) })}`, t('unit.feeHousehold'), (r) => n(r.bills.buckets[k]?.monthly, 2))
		),
		...buckets.map((b, k) =>
			line(`${t('negotiation.prop.billYear')} · ${t('negotiation.prop.bucket', { area: num(b.unitAreaM2, b.unitAreaM2 % 1 ? 1 : 0), n: num(b.households, 0) })}`, t('negotiation.unit.householdYear'), (r) => n(r.bills.buckets[k]?.annual, 2))
		),
		line(t('negotiation.prop.revenueFull'), yearUnit(), (r) => n(r.annualRevenueFull, 0)),
		line(t('negotiation.prop.revenueCollected', { rate: pct(cols[0]?.r?.costFee.rates.collectionRate.value ?? null, 1) }), yearUnit(), (r) => n(r.annualRevenueCollected, 0)),
		line(t('negotiation.prop.vat'), yearUnit(), (r) => n(r.annualVat, 0)),
		line(t('negotiation.prop.cost'), yearUnit(), (r) => n(r.annualCost, 0)),
		line(i.scenario.cost.contract === 'commission' ? t('negotiation.prop.surplusOwners') : t('negotiation.prop.surplusFirm'), yearUnit(), (r) => n(r.surplus, 0)),
		line(t('negotiation.prop.qprCurrent', { grade: t(`grade.${i.scenario.quality.achievedGrade}`) }), '', (r) => s(r.qprCurrent.qpr === null ? null : `${num(r.qprCurrent.qpr, 2)} ${t(bandKey(r.qprCurrent.band))}`)),
		line(t('negotiation.prop.qprPromised'), '', (r) => s(r.qprPromised.qpr === null ? null : `${num(r.qprPromised.qpr, 2)} ${t(bandKey(r.qprPromised.band))}`)),
		line(t('negotiation.prop.position'), '', (r) => s(r.position ? positionText(r.position) : null))
	];
	return {
		id: 'proposals',
		title: t('negotiation.report.t.proposals'),
		columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.unit'), nowrap: true }, ...cols.map((c) => ({ label: c.label, numeric: true }))],
		rows
	};
}

export function voteTable(i: ReportInput): ReportTable | null {
	if (i.scenario.votes.length === 0) return null;
	const rows: ReportCell[][] = [];
	i.scenario.votes.forEach((v, k) => {
		const o = i.results.votes[k];
		if (!o?.ok) {
			rows.push([s(v.motion), s(t('negotiation.vote.invalid')), s(null), s(null), s(null), s(null)]);
			return;
		}
		for (const test of o.value.tests) {
			const fmt = (x: number) => (test.unit === 'owners' ? `${num(x, 0)} ${t('negotiation.unit.owners')}` : `${num(x, 2)} ㎡`);
			const missing = test.passed
				? '—'
				: test.unit === 'owners'
					? t('negotiation.vote.shortOwners', { n: num(test.shortfall, 0) })
			: t('negotiation.vote.shortArea', { area: num(Math.max(0, Math.ceil((test.needed - test.actual) * 100 - 1e-6) / 100), 2) });
			rows.push([
				s(v.motion),
				s(t(VOTE_TEST_KEYS[test.test])),
				s(fmt(test.actual)),
				s(`${test.threshold.strict ? '>' : '≥'} ${test.threshold.p}/${test.threshold.q} · ${t('vote.neededCell', { n: fmt(test.needed) })}`),
				s(test.passed ? t('negotiation.vote.pass') : t('negotiation.vote.fail')),
				s(missing)
			]);
		}
		rows.push([s(v.motion), s(t('negotiation.report.voteOverall')), s(''), s(''), s(o.value.passed ? t('negotiation.vote.passed') : t('negotiation.vote.failed')), s('')]);
	});
	return {
		id: 'votes',
		title: t('negotiation.report.t.votes'),
		columns: [
			{ label: t('negotiation.vote.motion') },
			{ label: t('negotiation.vote.test') },
			{ label: t('negotiation.vote.actual'), numeric: true },
			{ label: t('negotiation.vote.required'), numeric: true },
			{ label: t('negotiation.vote.result') },
			{ label: t('negotiation.vote.missing'), numeric: true }
		],
		rows
	};
}
