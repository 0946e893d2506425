/**
 * The Arquero baseline: what a JavaScript developer would write without a database. The same analysis as the SQL,
 * in Arquero verbs: filter the two periods, group and average per estate, period and indicator, pivot to one row
 * per estate and period, join the fee in force, then derive inspection score, Q, grade, red lines, guide price,
 * QPR and band with expressions, the peer regression with the domain's fitPeerModel (Arquero has no OLS), the
 * residual percentile with a window function, and the ranking with orderby.
 *
 * The score table's string columns share one string object per distinct value (built from the typed decode), which
 * makes Arquero's comparisons faster than after its own CSV parser: the comparison flatters Arquero, if anything.
 */
import * as aq from 'arquero';
import { ELEVATOR_CODE, SATISFACTION_CODE } from '../src/lib/domain/indicator-system';
import { BAND_EPSILON } from '../src/lib/domain/fit';
import { fitPeerModel, type PeerModel } from '../src/lib/domain/regression';
import type { AnalysisSettings } from '../src/lib/queries/analysis';
import type { ScoreColumns } from './typed';

const { op, desc } = aq;
type Table = ReturnType<typeof aq.table>;

/** The tables Arquero works on. */
export interface ArqueroTables {
	scores: Table;
	estates: Table;
	fees: Table;
}

/** Scores from the typed decode (shared strings); estates and fees through Arquero's own CSV parser. */
export function arqueroTables(s: ScoreColumns, estatesCsv: string, feesCsv: string): ArqueroTables {
	const pick = (codes: ArrayLike<number>, dict: string[]) => Array.from({ length: s.n }, (_, i) => dict[codes[i]]);
	const num = (v: string) => (v === '' ? null : Number(v));
	return {
		scores: aq.table({
			estate_id: pick(s.estate, s.dict.estate),
			period: pick(s.period, s.dict.period),
			indicator: pick(s.indicator, s.dict.indicator),
			score: Array.from(s.score.subarray(0, s.n)),
			source: pick(s.source, s.dict.source)
		}),
		estates: aq.fromCSV(estatesCsv, {
			autoType: false,
			parse: { build_year: num, chargeable_area_m2: num, households: num, has_elevator: (v: string) => v === 'true' }
		}),
		fees: aq.fromCSV(feesCsv, { autoType: false, parse: { year: num, fee: num, collection_rate: num } })
	};
}

/** CSV import as Arquero does it (autoType off; the score parsed as a number), for the import figures. */
export function arqueroReadScores(csv: string): Table {
	return aq.fromCSV(csv, { autoType: false, parse: { score: (v: string) => Number(v) } });
}

/** The pre-aggregate: one row per estate, the period's and the previous period's indicator means, fee and age. */
export interface ArqueroPre {
	table: Table;
	period: string;
	prevPeriod: string | null;
}

const col = (name: string) => `d[${JSON.stringify(name)}]`;

/** Raw scores → pre-aggregate for the latest period (or `period`) and the one before. */
export function arqueroAggregate(t: ArqueroTables, codes: readonly string[], period: string | null): ArqueroPre {
	const periods = (t.scores.rollup({ p: op.array_agg_distinct('period') }).get('p', 0) as string[]).sort();
	const p = period ?? periods.at(-1)!;
	const pp = periods[periods.indexOf(p) - 1] ?? null;
	const year = Number(p.slice(0, 4));
	const wide = t.scores
		.params({ p, pp, sat: SATISFACTION_CODE })
		.filter((d: any, $: any) => (d.period === $.p || d.period === $.pp) && (d.indicator === $.sat || d.source !== 'satisfaction'))
		.groupby('estate_id', 'period', 'indicator')
		.rollup({ m: op.mean('score') })
		.groupby('estate_id', 'period')
		.pivot('indicator', 'm');
	const columns = [...codes, SATISFACTION_CODE];
	const ensure = (tbl: Table) => {
		const missing = columns.filter((c) => !tbl.columnNames().includes(c));
		return missing.length === 0 ? tbl : tbl.derive(Object.fromEntries(missing.map((c) => [c, '() => null'])));
	};
	const cur = ensure(wide.params({ p }).filter((d: any, $: any) => d.period === $.p)).select(['estate_id', ...columns]);
	let pre = t.estates
		.select('estate_id', 'building_type', 'build_year', 'has_elevator')
		.params({ year })
		.derive({ age: (d: any, $: any) => (d.build_year == null ? null : $.year - d.build_year) })
		.join_left(cur, 'estate_id');
	const prevNames = Object.fromEntries(columns.map((c) => [c, `p_${c}`]));
	if (pp !== null) {
		const prev = ensure(wide.params({ pp }).filter((d: any, $: any) => d.period === $.pp)).select(['estate_id', ...columns]).rename(prevNames);
		pre = pre.join_left(prev, 'estate_id');
	} else {
		pre = pre.derive(Object.fromEntries(Object.values(prevNames).map((c) => [c, '() => null'])));
	}
	// The elevator indicator does not apply to estates without elevators.
	if (codes.includes(ELEVATOR_CODE)) {
		pre = pre.derive({
			[ELEVATOR_CODE]: `d => d.has_elevator ? ${col(ELEVATOR_CODE)} : null`,
			[`p_${ELEVATOR_CODE}`]: `d => d.has_elevator ? ${col('p_' + ELEVATOR_CODE)} : null`
		});
	}
	const fee = t.fees
		.join(t.estates.select('estate_id', 'chargeable_area_m2', 'households'), 'estate_id')
		.params({ year })
		.derive({
			k: (d: any, $: any) => (d.year <= $.year ? -d.year : 100000 + d.year),
			fee_m2: (d: any) => (d.fee_unit === 'per_household_month' ? d.fee / (d.chargeable_area_m2 / d.households) : d.fee)
		})
		.groupby('estate_id')
		.filter((d: any) => d.k === op.min(d.k))
		.ungroup()
		.select('estate_id', 'fee_m2');
	return { table: pre.join_left(fee, 'estate_id').orderby('estate_id'), period: p, prevPeriod: pp };
}

/** The fit and ranking: a table of estates ordered by Q (best first), and the peer models. */
export interface ArqueroFit {
	ranked: Table;
	models: Record<string, PeerModel>;
}

/** Pre-aggregate → fit and ranking for the settings. */
export function arqueroFit(pre: ArqueroPre, s: AnalysisSettings): ArqueroFit {
	const inds = s.system.indicators;
	const params: Record<string, number> = {};
	inds.forEach((ind, k) => (params[`w${k}`] = ind.weight));
	const sum = (prefix: string, term: (c: string, k: number) => string) => inds.map((ind, k) => term(col(prefix + ind.code), k)).join(' + ');
	const { inspection: bi, satisfaction: bs } = s.system.blend;
	const blend = (insp: string, sat: string) =>
		`(${insp} == null ? null : ${sat} == null ? ${insp} : op.least(100, op.greatest(0, ${bi / (bi + bs)} * ${insp} + ${bs / (bi + bs)} * ${sat})))`;
	const [t1, t2, t3, t4] = s.system.gradeThresholds;
	const caps = s.system.redLines
		.filter((l) => inds.some((i) => i.code === l.indicator))
		.map((l) => `(${col(l.indicator)} != null && ${col(l.indicator)} < ${l.floor} ? ${l.capGrade} : 0)`);
	const price = (bt: string, g: number) => s.catalogue.rows.find((r) => r.building_type === bt && r.grade === g)?.price ?? null;
	const guideOf = (bt: string) => `(${[1, 2, 3, 4, 5].map((g) => `d.grade === ${g} ? ${price(bt, g)}`).join(' : ')} : null)`;
	let t = pre.table
		.params(params)
		.derive({
			num: `(d, $) => ${sum('', (c, k) => `(${c} != null ? $.w${k} * ${c} : 0)`)}`,
			den: `(d, $) => ${sum('', (c, k) => `(${c} != null ? $.w${k} : 0)`)}`,
			pnum: `(d, $) => ${sum('p_', (c, k) => `(${c} != null ? $.w${k} * ${c} : 0)`)}`,
			pden: `(d, $) => ${sum('p_', (c, k) => `(${c} != null ? $.w${k} : 0)`)}`
		})
		.derive({
			inspection: 'd => d.den > 0 ? op.least(100, op.greatest(0, d.num / d.den)) : null',
			inspection_prev: 'd => d.pden > 0 ? op.least(100, op.greatest(0, d.pnum / d.pden)) : null'
		})
		.derive({ q: `d => ${blend('d.inspection', col(SATISFACTION_CODE))}`, q_prev: `d => ${blend('d.inspection_prev', col('p_' + SATISFACTION_CODE))}` })
		.derive({ grade_uncapped: `d => d.q == null ? null : d.q >= ${t1} ? 1 : d.q >= ${t2} ? 2 : d.q >= ${t3} ? 3 : d.q >= ${t4} ? 4 : 5` })
		.derive({ grade: `d => d.grade_uncapped == null ? null : op.greatest(d.grade_uncapped${caps.map((c) => ', ' + c).join('')})` })
		.derive({ guide_price: `d => d.grade == null ? null : d.building_type === 'high' ? ${guideOf('high')} : ${guideOf('multi')}` })
		.derive({ qpr: 'd => d.guide_price != null && d.guide_price >= 0 && d.fee_m2 > 0 ? d.guide_price / d.fee_m2 : null' })
		.derive({
			band: `d => d.qpr == null ? null : d.qpr < ${s.bands.low - BAND_EPSILON} ? 'price_above_quality' : d.qpr > ${s.bands.high + BAND_EPSILON} ? 'quality_above_price' : 'matched'`
		});

	// The peer regression per building type: Arquero has no least squares, so the domain's fitPeerModel runs on its columns.
	const models: Record<string, PeerModel> = {};
	const [bt, fee, q, age] = ['building_type', 'fee_m2', 'q', 'age'].map((c) => t.array(c) as unknown[]);
	for (const type of ['multi', 'high']) {
		const rows = [];
		for (let i = 0; i < bt.length; i++) if (bt[i] === type) rows.push({ fee: (fee[i] as number | null) ?? NaN, q: (q[i] as number | null) ?? NaN, age: age[i] as number | null });
		models[type] = fitPeerModel(rows);
	}
	const coef = (type: string, k: 'intercept' | 'q' | 'age') => models[type].coef?.[k] ?? null;
	const expected = (type: string) => {
		const m = models[type].method;
		if (m === 'median') return `${coef(type, 'intercept')}`;
		if (m === 'ols_q') return `(d.q == null ? null : ${coef(type, 'intercept')} + ${coef(type, 'q')} * d.q)`;
		if (m === 'ols_q_age') return `(d.q == null || d.age == null ? null : ${coef(type, 'intercept')} + ${coef(type, 'q')} * d.q + ${coef(type, 'age')} * d.age)`;
		return 'null';
	};
	t = t
		.derive({ expected_fee: `d => d.building_type === 'high' ? ${expected('high')} : ${expected('multi')}` })
		.derive({ residual: 'd => d.expected_fee == null || d.fee_m2 == null ? null : d.fee_m2 - d.expected_fee' });
	const pct = t
		.filter((d: any) => d.residual != null)
		.groupby('building_type')
		.orderby('residual')
		.derive({ residual_pct: () => 100 * op.cume_dist() })
		.ungroup()
		.select('estate_id', 'residual_pct');
	const ranked = t
		.join_left(pct, 'estate_id')
		.derive({ rank_key: (d: any) => (d.q == null ? -1 : d.q) })
		.orderby(desc('rank_key'), 'estate_id');
	return { ranked, models };
}
