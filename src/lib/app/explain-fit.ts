/**
 * The single-estate explanation: every figure on the estate page re-derived step by step with the pure domain
 * functions (the same formulas the SQL implements for the whole district), with its inputs, formula and source.
 */
import {
	assessQuality,
	describePeerModel,
	expectedFee,
	feePerM2Month,
	formatFigure,
	gradeLabel,
	guidePrice,
	judgePriceQuality,
	type Bands,
	type Bilingual,
	type GuidePriceCatalogue,
	type IndicatorSystem,
	type PeerModel,
	type Provenance,
	sourceText
} from '../domain';
import type { EstateDetail } from '../queries/analysis';

export interface FitStep {
	key: string;
	title: Bilingual;
	formula: Bilingual;
	notes: Bilingual[];
	source?: Bilingual;
}

export interface FitExplanation {
	steps: FitStep[];
	q: number | null;
	feeM2: number | null;
	guide: number | null;
	qpr: number | null;
}

/** A default's source in both languages, with its reliability tag. */
const tagged = (p: Provenance): Bilingual => ({ zh: `${sourceText(p, 'zh')} [${p.tag}]`, en: `${sourceText(p, 'en')} [${p.tag}]` });

const f = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? '—' : formatFigure(v, d));

export function explainFit(
	detail: EstateDetail,
	model: PeerModel,
	s: { system: IndicatorSystem; catalogue: GuidePriceCatalogue; bands: Bands }
): FitExplanation {
	const fit = detail.fit;
	const scores = Object.fromEntries(detail.indicators.filter((r) => r.indicator !== 'satisfaction').map((r) => [r.indicator, r.score]));
	const satisfaction = detail.indicators.find((r) => r.indicator === 'satisfaction')?.score ?? null;
	const a = assessQuality(s.system, { scores, satisfaction, hasElevator: fit.has_elevator });
	const steps: FitStep[] = [];

	const terms = a.inspection.weights
		.filter((w) => scores[w.code] !== null && scores[w.code] !== undefined)
		.map((w) => `${formatFigure(w.weight, 3)}×${f(scores[w.code], 1)}`)
		.join(' + ');
	steps.push({
		key: 'inspection',
		title: { zh: '巡查考评分', en: 'Inspection score' },
		formula: {
			zh: `Σ 权重×得分 = ${terms} = ${f(a.inspection.score, 2)}`,
			en: `Σ weight × score = ${terms} = ${f(a.inspection.score, 2)}`
		},
		notes: a.inspection.notes,
		source: tagged(s.system.provenance.indicators)
	});

	const q = a.composite.q;
	steps.push({
		key: 'q',
		title: { zh: '服务质量分 Q', en: 'Quality score Q' },
		formula:
			a.composite.basis === 'blend'
				? {
						zh: `Q = ${formatFigure(a.composite.used.inspection, 2)}×${f(a.inspection.score, 2)} + ${formatFigure(a.composite.used.satisfaction, 2)}×${f(satisfaction, 1)}（满意度） = ${f(q, 1)}`,
						en: `Q = ${formatFigure(a.composite.used.inspection, 2)}×${f(a.inspection.score, 2)} + ${formatFigure(a.composite.used.satisfaction, 2)}×${f(satisfaction, 1)} (satisfaction) = ${f(q, 1)}`
					}
				: { zh: `Q = 巡查考评分 = ${f(q, 1)}`, en: `Q = inspection score = ${f(q, 1)}` },
		notes: a.composite.note ? [a.composite.note] : [],
		source: tagged(s.system.provenance.blend)
	});

	const t = s.system.gradeThresholds;
	steps.push({
		key: 'grade',
		title: { zh: '等级', en: 'Grade' },
		formula: {
			zh: `分数线 一级≥${t[0]}、二级≥${t[1]}、三级≥${t[2]}、四级≥${t[3]}：Q ${f(q, 1)} → ${a.gradeFromQ ? gradeLabel(a.gradeFromQ, 'zh') : '—'}${a.grade !== a.gradeFromQ && a.grade ? `，红线封顶为${gradeLabel(a.grade, 'zh')}` : ''}`,
			en: `Thresholds 1 ≥ ${t[0]}, 2 ≥ ${t[1]}, 3 ≥ ${t[2]}, 4 ≥ ${t[3]}: Q ${f(q, 1)} → ${a.gradeFromQ ? gradeLabel(a.gradeFromQ, 'en') : '—'}${a.grade !== a.gradeFromQ && a.grade ? `, capped by a red line at ${gradeLabel(a.grade, 'en')}` : ''}`
		},
		notes: a.notes.filter((n) => !a.inspection.notes.includes(n) && n !== a.composite.note),
		source: tagged(s.system.provenance.gradeThresholds)
	});

	const meanUnitArea = fit.households > 0 ? fit.chargeable_area_m2 / fit.households : null;
	const fee = fit.fee_raw !== null && fit.fee_unit ? feePerM2Month(fit.fee_raw, fit.fee_unit, meanUnitArea) : null;
	steps.push({
		key: 'fee',
		title: { zh: `现行物业费（${fit.fee_year ?? '—'} 年度）`, en: `Fee in force (${fit.fee_year ?? '—'})` },
		formula: fee?.explanation ?? { zh: '无收费记录。', en: 'No fee on record.' },
		notes: []
	});

	const g = a.grade ? guidePrice(s.catalogue, fit.building_type, a.grade) : null;
	steps.push({
		key: 'guide',
		title: { zh: '指导价', en: 'Guide price' },
		formula: g?.explanation ?? { zh: '无等级，无法查指导价。', en: 'No grade, so no guide price.' },
		notes: [s.catalogue.note],
		source: {
			zh: `${s.catalogue.name_zh}：${sourceText(s.catalogue, 'zh')} [${s.catalogue.provenance.tag}]`,
			en: `${s.catalogue.name_en}: ${sourceText(s.catalogue, 'en')} [${s.catalogue.provenance.tag}]`
		}
	});

	const j = g?.price != null && fee?.value != null ? judgePriceQuality(g.price, fee.value, s.bands) : null;
	steps.push({
		key: 'qpr',
		title: { zh: '质价比 QPR 与判断', en: 'Quality-price ratio and fit' },
		formula: j?.explanation ?? { zh: '缺少指导价或物业费，无法判断。', en: 'Guide price or fee missing: cannot judge.' },
		notes: []
	});

	const exp = q !== null ? expectedFee(model, q, fit.age ?? undefined) : null;
	const pct = fit.residual !== null ? fit.residual_pct : null;
	steps.push({
		key: 'peers',
		title: { zh: '同类小区比较（回归）', en: 'Peer comparison (regression)' },
		formula: {
			zh: `${describePeerModel(model).zh}；本小区预期 ${f(exp, 2)}，实际 ${f(fee?.value, 2)}，偏差 ${f(fee?.value != null && exp != null ? fee.value - exp : null, 2)}（按质量算，收费高于 ${f(pct, 0)}% 的同楼型小区）`,
			en: `${describePeerModel(model).en}; expected here ${f(exp, 2)}, charged ${f(fee?.value, 2)}, residual ${f(fee?.value != null && exp != null ? fee.value - exp : null, 2)} (given its quality, charges more than ${f(pct, 0)}% of estates of its building type)`
		},
		notes: model.fallbacks
	});

	return { steps, q, feeM2: fee?.value ?? null, guide: g?.price ?? null, qpr: j?.qpr ?? null };
}
