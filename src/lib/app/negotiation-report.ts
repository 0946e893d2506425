/**
 * The appraisal report (评估报告) as data: its tables, in the interface language, built from one scenario, its
 * workspace results, the estate's baseline and its quality evaluation. The report page renders these tables
 * and the same tables go to the xlsx export (one sheet per table), so the printed report and the workbook
 * cannot disagree. No money math here: every figure comes from the domain through computeWorkspace.
 */
import {
	CONTRACT_FORM_LABELS,
	DEFAULT_SENSITIVITY_STEP,
	DEFAULT_SOCIAL_INSURANCE_RATE,
	GRADES,
	PROVENANCE_TAG_LABELS,
	VOTE_RULES_PROVENANCE,
	costItemLabel,
	fee2,
	type IndicatorSystem,
	type NegotiationScenario,
	type ProposalResult
} from '$lib/domain';
import { COST_ITEM_CODES } from '$lib/data/datasets';
import type { EstateDetail } from '$lib/queries/analysis';
import { dl, t } from '$lib/i18n/i18n.svelte';
import { num, pct } from '$lib/i18n/format';
import type { MessageKey } from '$lib/i18n/messages';
import { positionText } from '$lib/app/negotiation-labels';
import {
	CURRENT_LABEL,
	costItemSource,
	fromProvenance,
	qualitySources,
	rateSources,
	socialInsuranceSource,
	staffingSource,
	unitSizesSource,
	USER_SOURCE,
	voteSource,
	type EstateBaseline,
	type InputSource,
	type WorkspaceResults
} from './negotiation';

/** One cell: text, or a number shown with fixed decimals (as a percentage when `pct`). */
export interface ReportCell {
	v: string | number | null;
	digits?: number;
	pct?: boolean;
}

/** One column of a report table. */
export interface ReportColumn {
	label: string;
	unit?: string;
	numeric?: boolean;
	/** Short cells (units, tags) that must not wrap. */
	nowrap?: boolean;
}

/** One table of the report (and one sheet of the workbook). */
export interface ReportTable {
	id: string;
	title: string;
	columns: ReportColumn[];
	rows: ReportCell[][];
	/**
	 * The last row is a total of the rows above it in these columns: its cells are the sums of the rows as
	 * written (rounded to their digits), and the workbook writes them as SUM formulas over the rows.
	 */
	sumCols?: number[];
}

/** What the report is made from. */
export interface ReportInput {
	scenario: NegotiationScenario;
	results: WorkspaceResults;
	baseline: EstateBaseline | null;
	/** The estate's quality evaluation under the analysis settings; null when the data has no such estate. */
	detail: EstateDetail | null;
	system: IndicatorSystem;
	/** The system's name as used, e.g. "质价默认指标体系（已修改：权重）"; the system's own name when absent. */
	systemName?: string;
	/** Cost items are missing: nothing resting on the cost floor is stated as a conclusion. */
	withheld?: boolean;
}

const s = (v: string | null | undefined): ReportCell => ({ v: v ?? null });
/** A value rounded as it is written (digits of a number, digits + 2 of a share). */
export function asWritten(c: ReportCell): number | null {
	if (typeof c.v !== 'number') return null;
	const d = (c.digits ?? 2) + (c.pct ? 2 : 0);
	const f = 10 ** d;
	return Math.round(c.v * f + (c.v >= 0 ? 1e-7 : -1e-7)) / f;
}
/** Rounds a table's numbers in `cols` as written and fills the last row with their sums. */
function withTotals(rows: ReportCell[][], cols: number[]): ReportCell[][] {
	const body = rows.slice(0, -1).map((r) => r.map((c, k) => (cols.includes(k) && typeof c.v === 'number' ? { ...c, v: asWritten(c) } : c)));
	const total = rows[rows.length - 1].map((c, k) => {
		if (!cols.includes(k)) return c;
		const sum = body.reduce((a, r) => a + (asWritten(r[k]) ?? 0), 0);
		return { ...c, v: asWritten({ ...c, v: sum }) };
	});
	return [...body, total];
}
const n = (v: number | null | undefined, digits = 2): ReportCell => ({ v: v ?? null, digits });
const p = (v: number | null | undefined, digits = 1): ReportCell => ({ v: v ?? null, digits, pct: true });

/** A cell as display text (numbers in the interface's format). */
export function cellText(c: ReportCell): string {
	if (c.v === null) return '—';
	if (typeof c.v === 'string') return c.v;
	return c.pct ? pct(c.v, c.digits ?? 1) : num(c.v, c.digits ?? 2);
}

/**
 * A worked formula with every figure of three or more decimals rounded to 0.01, the report's one rule for
 * fees (docs/sources.md §6.1), so the method text never prints 1.8268 beside a floor of 1.83.
 */
export function roundFigures(text: string): string {
	return text.replace(/\d+\.\d{3,}/g, (m) => fee2(Number(m)));
}

/** The label of a source tag, as the report prints it. */
export function tagLabel(tag: InputSource['tag']): string {
	if (tag === 'data') return t('negotiation.tag.data');
	if (tag === 'user') return t('negotiation.tag.user');
	if (tag === 'missing') return t('negotiation.tag.missing');
	return tag;
}

const sourceCells = (src: InputSource): ReportCell[] => [s(tagLabel(src.tag)), s(`${dl(src.text)}${src.note ? `（${dl(src.note)}）` : ''}`)];

const feeUnit = () => t('unit.feeM2');
const yearUnit = () => t('negotiation.unit.yuanYear');

function factsTable(i: ReportInput): ReportTable {
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

function indicatorTable(i: ReportInput): ReportTable | null {
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

function qualityTable(i: ReportInput): ReportTable {
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

function fitTable(i: ReportInput): ReportTable {
	const sc = i.scenario;
	const cur = i.results.proposals[0]?.outcome;
	const c = cur?.ok ? cur.value : null;
	const f = i.detail?.fit ?? null;
	const guide = sc.quality.guidePrices[String(sc.quality.achievedGrade) as '1'] ?? null;
	const rows: ReportCell[][] = [
		[s(t('negotiation.quality.currentFee')), n(sc.quality.currentFee, 2), s(feeUnit())],
		[s(t('negotiation.report.guideOf', { grade: t(`grade.${sc.quality.achievedGrade}`) })), n(guide, 2), s(feeUnit())],
		[s(t('negotiation.report.qpr')), n(c?.qprCurrent.qpr ?? null, 2), s('')],
		[s(t('rank.band')), s(c ? t(`band.${c.qprCurrent.band ?? 'none'}` as MessageKey) : null), s('')],
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

function costTable(i: ReportInput): ReportTable | null {
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

function costFeeTable(i: ReportInput): ReportTable | null {
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

function staffingTable(i: ReportInput): ReportTable | null {
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

function rangeTable(i: ReportInput): ReportTable | null {
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

function proposalTable(i: ReportInput): ReportTable | null {
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
		line(t('negotiation.prop.qprCurrent', { grade: t(`grade.${i.scenario.quality.achievedGrade}`) }), '', (r) => s(r.qprCurrent.qpr === null ? null : `${num(r.qprCurrent.qpr, 2)} ${t(`band.${r.qprCurrent.band ?? 'none'}` as MessageKey)}`)),
		line(t('negotiation.prop.qprPromised'), '', (r) => s(r.qprPromised.qpr === null ? null : `${num(r.qprPromised.qpr, 2)} ${t(`band.${r.qprPromised.band ?? 'none'}` as MessageKey)}`)),
		line(t('negotiation.prop.position'), '', (r) => s(r.position ? positionText(r.position) : null))
	];
	return {
		id: 'proposals',
		title: t('negotiation.report.t.proposals'),
		columns: [{ label: t('negotiation.prop.item') }, { label: t('negotiation.report.unit'), nowrap: true }, ...cols.map((c) => ({ label: c.label, numeric: true }))],
		rows
	};
}

function voteTable(i: ReportInput): ReportTable | null {
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
				s(t(`negotiation.vote.t.${test.test}` as MessageKey)),
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

function inputsTable(i: ReportInput): ReportTable {
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
function legendTable(): ReportTable {
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

/** Every table of the report, in the report's order (tables that do not apply are left out). */
export function reportTables(i: ReportInput): ReportTable[] {
	return [
		factsTable(i),
		indicatorTable(i),
		qualityTable(i),
		fitTable(i),
		costTable(i),
		costFeeTable(i),
		staffingTable(i),
		rangeTable(i),
		proposalTable(i),
		voteTable(i),
		inputsTable(i),
		legendTable()
	].filter((x): x is ReportTable => x !== null);
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
export function sheetName(title: string, used: Set<string>): string {
	const base = title.replace(/[:\\/?*[\]]/g, ' ').replace(/^\d+\s*/, '').trim().slice(0, 28) || 'Sheet';
	let name = base;
	for (let k = 2; used.has(name); k++) name = `${base.slice(0, 27)}${k}`;
	used.add(name);
	return name;
}

/** Excel number format for a cell. */
function numberFormat(c: ReportCell): string {
	const d = c.digits ?? 2;
	if (c.pct) return d > 0 ? `0.${'0'.repeat(d)}%` : '0%';
	return d > 0 ? `#,##0.${'0'.repeat(d)}` : '#,##0';
}

/**
 * The report's tables as an xlsx workbook (SheetJS loaded on demand): one sheet per table, the header row in
 * the report's language (Chinese by default), numbers as numbers with their display format.
 */
export async function reportWorkbook(tables: readonly ReportTable[], meta: { title: string; lines: string[] }): Promise<ArrayBuffer> {
	const XLSX = await import('@e965/xlsx');
	const wb = XLSX.utils.book_new();
	const used = new Set<string>();
	const cover = XLSX.utils.aoa_to_sheet([[meta.title], ...meta.lines.map((l) => [l])]);
	cover['!cols'] = [{ wch: 80 }];
	XLSX.utils.book_append_sheet(wb, cover, sheetName(t('negotiation.report.sheetCover'), used));
	for (const table of tables) {
		const header = table.columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label));
		const last = table.rows.length - 1;
		const body = table.rows.map((r, i) =>
			r.map((c, k) => {
				if (typeof c.v !== 'number') return { t: 's' as const, v: c.v ?? '' };
				// A total is a formula over the rows as written (header in row 1, rows from 2), with its value cached.
				if (i === last && table.sumCols?.includes(k) && last > 0) {
					const col = XLSX.utils.encode_col(k);
					return { t: 'n' as const, v: c.v, z: numberFormat(c), f: `SUM(${col}2:${col}${last + 1})` };
				}
				return { t: 'n' as const, v: c.v, z: numberFormat(c) };
			})
		);
		const ws = XLSX.utils.aoa_to_sheet([header, ...body]);
		ws['!cols'] = table.columns.map((c, k) => ({
			wch: Math.min(60, Math.max(c.label.length * 2 + 4, ...table.rows.map((r) => String(r[k] ? cellText(r[k]) : '').length + 2)))
		}));
		XLSX.utils.book_append_sheet(wb, ws, sheetName(table.title, used));
	}
	return XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
}
