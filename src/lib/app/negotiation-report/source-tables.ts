/** The report's tables of where every input came from, and the legend of source tags. */
import {
	DEFAULT_SENSITIVITY_STEP,
	DEFAULT_SOCIAL_INSURANCE_RATE,
	GRADES,
	PROVENANCE_TAG_LABELS,
	VOTE_RULES_PROVENANCE,
	costItemLabel
} from '$lib/domain';
import { COST_ITEM_CODES } from '$lib/data/datasets';
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num, pct } from '$lib/i18n/format';
import {
	costItemSource,
	fromProvenance,
	qualitySources,
	rateSources,
	socialInsuranceSource,
	staffingSource,
	unitSizesSource,
	USER_SOURCE,
	voteSource,
	type InputSource
} from '../negotiation';
import {
	type ReportCell,
	type ReportInput,
	type ReportTable,
	feeUnit,
	s,
	sourceCells,
	tagLabel,
	yearUnit
} from './cells';

export function inputsTable(i: ReportInput): ReportTable {
	const sc = i.scenario;
	const b = i.baseline;
	const rate = rateSources(sc, b);
	const q = qualitySources(sc, b);
	const r = i.results.costFee.ok ? i.results.costFee.value : null;
	const row = (label: string, value: string, unit: string, src: InputSource): ReportCell[] => [s(label), s(value), s(unit), ...sourceCells(src)];
	const areaSrc: InputSource =
		b && sc.estateId === b.estateId && Math.abs(sc.cost.chargeableAreaM2 - b.chargeableAreaM2) < 1e-9
			? { tag: 'data', text: { zh: '小区计费面积（estates 数据集）', en: 'Chargeable area (estates dataset)' } }
			: { tag: 'user', text: { zh: '用户自填', en: 'Entered by the user' } };
	const rows: ReportCell[][] = [
		row(t('negotiation.cost.area'), num(sc.cost.chargeableAreaM2, 2), '㎡', areaSrc),
		...COST_ITEM_CODES.map((item) => row(dl(costItemLabel(item)), num(sc.cost.items[item], 0), yearUnit(), costItemSource(sc, b, item)))
	];
	if (r?.rates.profitRate) rows.push(row(t('negotiation.rate.profit'), pct(r.rates.profitRate.value, 1), '', rate.profitRate));
	if (r?.rates.commissionRate) rows.push(row(t('negotiation.rate.commission'), pct(r.rates.commissionRate.value, 1), '', rate.commissionRate));
	if (r) {
		rows.push(
			row(t('negotiation.rate.vat'), pct(r.rates.vatRate.value, 1), '', rate.vatRate),
			row(t('negotiation.rate.collection'), pct(r.rates.collectionRate.value, 1), '', rate.collectionRate),
			row(t('negotiation.rate.vacant'), pct(r.rates.vacantShare.value, 1), '', rate.vacantShare),
			row(t('negotiation.rate.vacantPaid'), pct(r.rates.vacantPaidShare.value, 1), '', rate.vacantPaidShare)
		);
	}
	rows.push(row(t('negotiation.report.staffingPlan'), t('negotiation.report.staffingSummary', { posts: sc.staffing.length, persons: num(sc.staffing.reduce((a, x) => a + x.headcount, 0), 0) }), '', staffingSource(sc, b)));
	if (sc.staffing.length > 0) {
		const rates = [...new Set(sc.staffing.map((x) => x.socialInsuranceRate ?? DEFAULT_SOCIAL_INSURANCE_RATE.value))];
		const allDefault = sc.staffing.every((x) => x.socialInsuranceRate === undefined);
		rows.push(row(t('negotiation.report.siRate'), rates.map((x) => pct(x, 1)).join(' / '), '', allDefault ? socialInsuranceSource({}) : USER_SOURCE));
	}
	rows.push(
		row(
			t('negotiation.report.unitSizes'),
			sc.unitSizes.map((u) => `${num(u.unit_area_m2, u.unit_area_m2 % 1 ? 1 : 0)} ㎡ × ${num(u.households, 0)}`).join('；'),
			t('negotiation.unit.households'),
			unitSizesSource(sc, b)
		),
		row(t('negotiation.quality.currentFee'), num(sc.quality.currentFee, 2), feeUnit(), q.currentFee),
		row(t('negotiation.quality.grade'), t(`grade.${sc.quality.achievedGrade}`), '', q.achievedGrade),
		row(t('negotiation.quality.q'), num(sc.quality.q, 1), '', q.q),
		row(
			t('negotiation.quality.guide'),
			GRADES.map((g) => `${t(`grade.${g}`)} ${num(sc.quality.guidePrices[String(g) as '1'] ?? null, 2)}`).join('；'),
			feeUnit(),
			q.guidePrices
		),
		row(t('negotiation.quality.bands'), `${num(sc.quality.bands.low, 2)} – ${num(sc.quality.bands.high, 2)}`, '', q.bands),
		row(t('negotiation.quality.peer'), num(sc.quality.peerExpectedFee, 2), feeUnit(), q.peerExpectedFee),
		row(
			t('negotiation.report.thresholds'),
			i.system.gradeThresholds.map((x) => num(x, 0)).join(' / '),
			'',
			fromProvenance(i.system.provenance.gradeThresholds)
		),
		row(t('negotiation.report.voteRules'), t('negotiation.report.voteRulesValue'), '', fromProvenance(VOTE_RULES_PROVENANCE)),
		row(t('negotiation.tornado.step'), `±${pct(DEFAULT_SENSITIVITY_STEP.value, 0)}`, '', fromProvenance(DEFAULT_SENSITIVITY_STEP.provenance))
	);
	sc.votes.forEach((v, k) =>
		rows.push(row(t('negotiation.vote.tally', { n: k + 1 }), `${v.motion}：${num(v.owners_total, 0)} / ${num(v.owners_participating, 0)} / ${num(v.owners_yes, 0)}；${num(v.area_total_m2, 2)} / ${num(v.area_participating_m2, 2)} / ${num(v.area_yes_m2, 2)} ㎡`, '', voteSource(v, b, sc.estateId)))
	);
	sc.proposals.forEach((pr) =>
		rows.push(row(t('negotiation.prop.named', { label: pr.label }), `${num(pr.fee_m2, 2)} ${feeUnit()} · ${t(`grade.${pr.promisedGrade}`)}${Object.keys(pr.costChanges).length ? ` · ${Object.entries(pr.costChanges).map(([k, v]) => `${dl(costItemLabel(k as (typeof COST_ITEM_CODES)[number]))} ${v! > 0 ? '+' : ''}${num(v!, 0)}`).join('，')}` : ''}`, '', { tag: 'user', text: { zh: '用户拟定的方案', en: 'Proposal set by the user' } }))
	);
	return {
		id: 'inputs',
		title: t('negotiation.report.t.inputs'),
		columns: [
			{ label: t('negotiation.report.input') },
			{ label: t('negotiation.report.value') },
			{ label: t('negotiation.report.unit'), nowrap: true },
			{ label: t('negotiation.report.tag'), nowrap: true },
			{ label: t('negotiation.report.sourceText') }
		],
		rows
	};
}

/** The legend of source tags, as a table. */
export function legendTable(): ReportTable {
	const tags = ['V', 'V-calc', 'M', 'E', 'user'] as const;
	return {
		id: 'legend',
		title: t('negotiation.report.t.legend'),
		columns: [{ label: t('negotiation.report.tag'), nowrap: true }, { label: t('negotiation.report.meaning') }],
		rows: [
			...tags.map((tag) => [s(tagLabel(tag)), s(dl(PROVENANCE_TAG_LABELS[tag]))]),
			[s(tagLabel('data')), s(t('negotiation.sources.data'))],
			[s(tagLabel('missing')), s(t('negotiation.sources.missing'))]
		]
	};
}
