/** The report's tables about the estate: facts, indicators, quality evaluation and price-quality fit. */
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num } from '$lib/i18n/format';
import { bandKey } from '$lib/components/band-colors';
import { feeUnit, n, s, type ReportCell, type ReportInput, type ReportTable } from './cells';

export function factsTable(i: ReportInput): ReportTable {
	const f = i.detail?.fit ?? null;
	const sc = i.scenario;
	const rows: ReportCell[][] = [
		[s(t('negotiation.report.estateName')), s(f?.name ?? sc.estateId ?? '—')],
		[s(t('negotiation.report.estateId')), s(sc.estateId)],
		...(f
			? [
					[s(t('table.subdistrict')), s(f.subdistrict)],
					[s(t('table.type')), s(t(`type.${f.estate_type}`))],
					[s(t('table.building')), s(t(`building.${f.building_type}`))],
					[s(t('filter.firm')), s(f.firm)],
					[s(t('compare.built')), s(f.build_year === null ? null : String(f.build_year))],
					[s(t('compare.households')), s(num(f.households, 0))],
					[s(t('district.period')), s(f.period)]
				]
			: []),
		[s(`${t('negotiation.cost.area')}（㎡）`), s(num(sc.cost.chargeableAreaM2, 2))],
		[s(t('negotiation.report.system')), s(i.systemName ?? dl({ zh: i.system.name_zh, en: i.system.name_en }))],
		[s(t('negotiation.report.catalogue')), s(i.baseline ? dl({ zh: i.baseline.catalogue.name_zh, en: i.baseline.catalogue.name_en }) : sc.quality.catalogueId)]
	];
	return { id: 'facts', title: t('negotiation.report.t.facts'), columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.content') }], rows };
}

export function indicatorTable(i: ReportInput): ReportTable | null {
	if (!i.detail) return null;
	const name = (code: string) => {
		if (code === 'satisfaction') return t('estate.satisfaction');
		const ind = i.system.indicators.find((x) => x.code === code);
		return ind ? dl({ zh: ind.name_zh, en: ind.name_en }) : code;
	};
	const weight = (code: string) => i.system.indicators.find((x) => x.code === code)?.weight ?? null;
	const redLine = (code: string, score: number | null) => {
		const rl = i.system.redLines.find((r) => r.indicator === code);
		if (!rl) return '';
		const hit = score !== null && score < rl.floor;
		return t(hit ? 'negotiation.report.redLineHit' : 'negotiation.report.redLineOk', { floor: rl.floor, grade: t(`grade.${rl.capGrade}`) });
	};
	return {
		id: 'indicators',
		title: t('negotiation.report.t.indicators'),
		columns: [
			{ label: t('system.indicator') },
			{ label: t('system.points'), numeric: true },
			{ label: t('estate.score'), numeric: true },
			{ label: t('estate.peerMedian'), numeric: true },
			{ label: t('negotiation.report.redLine') }
		],
		rows: i.detail.indicators.map((r) => [s(name(r.indicator)), n(weight(r.indicator), 0), n(r.score, 1), n(r.peer_median, 1), s(redLine(r.indicator, r.score))])
	};
}

export function qualityTable(i: ReportInput): ReportTable {
	const f = i.detail?.fit ?? null;
	const sc = i.scenario;
	const th = i.system.gradeThresholds;
	const rows: ReportCell[][] = [];
	if (f) {
		rows.push([s(t('estate.inspection')), n(f.inspection, 2)]);
		rows.push([s(t('estate.satisfaction')), n(f.satisfaction, 1)]);
		rows.push([s(t('negotiation.report.qBlend', { i: i.system.blend.inspection, s: i.system.blend.satisfaction })), n(f.q, 1)]);
		rows.push([s(t('negotiation.report.gradeFromQ', { t1: th[0], t2: th[1], t3: th[2], t4: th[3] })), s(f.grade_uncapped ? t(`grade.${f.grade_uncapped}`) : null)]);
		rows.push([s(t('negotiation.report.redLines')), s(f.capped_by ? t('negotiation.report.cappedBy', { codes: f.capped_by }) : t('negotiation.report.noRedLine'))]);
		rows.push([s(t('negotiation.report.gradeAnalysis')), s(f.grade ? t(`grade.${f.grade}`) : null)]);
	}
	rows.push([s(t('negotiation.report.gradeUsed')), s(t(`grade.${sc.quality.achievedGrade}`))]);
	rows.push([s(t('negotiation.report.qUsed')), n(sc.quality.q, 1)]);
	return { id: 'quality', title: t('negotiation.report.t.quality'), columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.value'), numeric: true }], rows };
}

export function fitTable(i: ReportInput): ReportTable {
	const sc = i.scenario;
	const cur = i.results.proposals[0]?.outcome;
	const c = cur?.ok ? cur.value : null;
	const f = i.detail?.fit ?? null;
	const guide = sc.quality.guidePrices[String(sc.quality.achievedGrade) as '1'] ?? null;
	const rows: ReportCell[][] = [
		[s(t('negotiation.quality.currentFee')), n(sc.quality.currentFee, 2), s(feeUnit())],
		[s(t('negotiation.report.guideOf', { grade: t(`grade.${sc.quality.achievedGrade}`) })), n(guide, 2), s(feeUnit())],
		[s(t('negotiation.report.qpr')), n(c?.qprCurrent.qpr ?? null, 2), s('')],
		[s(t('rank.band')), s(c ? t(bandKey(c.qprCurrent.band)) : null), s('')],
		[s(t('negotiation.report.bands')), s(`${num(sc.quality.bands.low, 2)} – ${num(sc.quality.bands.high, 2)}`), s('')],
		[s(t('negotiation.quality.peer')), n(sc.quality.peerExpectedFee, 2), s(feeUnit())]
	];
	if (f) {
		rows.push([s(t('rank.residual')), n(f.residual, 2), s(feeUnit())]);
		rows.push([s(t('negotiation.report.residualPct')), n(f.residual_pct, 0), s('')]);
	}
	return {
		id: 'fit',
		title: t('negotiation.report.t.fit'),
		columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.value'), numeric: true }, { label: t('negotiation.report.unit'), nowrap: true }],
		rows
	};
}
