/**
 * The plan in yuan for people and programs: one summary record per estate and one ledger record per estate and
 * year (the shapes `zhijia reserve --json` prints), and the sheets a CSV or xlsx export writes. CSV writing
 * (BOM, CRLF, formulas neutralised) is the subsidy export's sheetToCsv, shared.
 */
import { FACILITY_KIND_VALUES, type FacilityKind } from '../../data/facilities';
import type { Cell, Sheet } from '../subsidy/export';
import type { Lang } from '../provenance';
import { FACILITY_DEFAULTS, RESERVE_SETTING_DEFAULTS } from './defaults';
import { fenToYuan } from './money';
import type { ReservePlan } from './plan';

/** One estate's result in yuan. */
export interface ReserveEstateRecord {
	estate_id: string;
	spend_total: number;
	first_shortfall_year: number | null;
	/** Shortfall in the first shortfall year. */
	shortfall_yuan: number | null;
	worst_shortfall_year: number | null;
	worst_shortfall_yuan: number | null;
	refill_yuan: number | null;
	refill_per_m2: number | null;
	refill_per_household: number | null;
	level_contribution_per_m2: number;
	opening_yuan: number;
	opening_from_year: number | null;
	annual_contribution_yuan: number;
	uncosted_facilities: number;
}

/** One plan year of one estate in yuan. */
export interface ReserveLedgerRecord {
	estate_id: string;
	year: number;
	opening: number;
	contributions: number;
	interest: number;
	spend: number;
	closing: number;
}

/** The summary record of a plan. */
export function estateRecord(plan: ReservePlan): ReserveEstateRecord {
	return {
		estate_id: plan.estate_id,
		spend_total: fenToYuan(plan.spendTotalFen),
		first_shortfall_year: plan.firstShortfall?.year ?? null,
		shortfall_yuan: plan.firstShortfall ? fenToYuan(plan.firstShortfall.fen) : null,
		worst_shortfall_year: plan.worstShortfall?.year ?? null,
		worst_shortfall_yuan: plan.worstShortfall ? fenToYuan(plan.worstShortfall.fen) : null,
		refill_yuan: plan.refill ? fenToYuan(plan.refill.totalFen) : null,
		refill_per_m2: plan.refill ? fenToYuan(plan.refill.perM2Fen) : null,
		refill_per_household: plan.refill ? fenToYuan(plan.refill.perHouseholdFen) : null,
		level_contribution_per_m2: fenToYuan(plan.level.perM2Fen),
		opening_yuan: fenToYuan(plan.opening.fen),
		opening_from_year: plan.opening.fromYear,
		annual_contribution_yuan: fenToYuan(plan.contributionFen),
		uncosted_facilities: plan.uncosted.length
	};
}

/** The ledger records of a plan. */
export function ledgerRecords(plan: ReservePlan): ReserveLedgerRecord[] {
	return plan.rows.map((r) => ({
		estate_id: plan.estate_id,
		year: r.year,
		opening: fenToYuan(r.openingFen),
		contributions: fenToYuan(r.contributionsFen),
		interest: fenToYuan(r.interestFen),
		spend: fenToYuan(r.spendFen),
		closing: fenToYuan(r.closingFen)
	}));
}

/** A facility kind's name in one language. */
export function facilityName(kind: FacilityKind, lang: Lang): string {
	const v = FACILITY_KIND_VALUES.find((k) => k.value === kind);
	return v ? v[lang] : kind;
}

const t = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** Summary sheet: one row per estate. `names` gives estate names by id. */
export function estatesSheet(plans: readonly ReservePlan[], names: ReadonlyMap<string, string>, lang: Lang = 'zh'): Sheet {
	return {
		name: t(lang, '各小区测算', 'Estates'),
		header:
			lang === 'zh'
				? ['小区编号', '小区名称', '期初余额(元)', '期初余额年度', '年度续筹(元)', '更新支出合计(元)', '首次缺口年度', '首次缺口(元)', '最大缺口年度', '最大缺口(元)', '一次性续筹(元)', '续筹(元/㎡)', '续筹(元/户)', '每年均衡续筹(元/㎡·年)', '未计价设施数']
				: ['Estate ID', 'Name', 'Opening (yuan)', 'Balance year', 'Yearly contribution (yuan)', 'Renewal spend (yuan)', 'First shortfall year', 'First shortfall (yuan)', 'Worst shortfall year', 'Worst shortfall (yuan)', 'One-off refill (yuan)', 'Refill (yuan/m²)', 'Refill (yuan/household)', 'Level extra contribution (yuan/m²/year)', 'Uncosted facilities'],
		rows: plans.map((p) => {
			const r = estateRecord(p);
			return [
				r.estate_id,
				names.get(r.estate_id) ?? null,
				r.opening_yuan,
				r.opening_from_year,
				r.annual_contribution_yuan,
				r.spend_total,
				r.first_shortfall_year,
				r.shortfall_yuan,
				r.worst_shortfall_year,
				r.worst_shortfall_yuan,
				r.refill_yuan,
				r.refill_per_m2,
				r.refill_per_household,
				r.level_contribution_per_m2,
				r.uncosted_facilities
			];
		})
	};
}

/** Ledger sheet: one row per estate and plan year. */
export function ledgerSheet(plans: readonly ReservePlan[], lang: Lang = 'zh'): Sheet {
	return {
		name: t(lang, '逐年资金', 'Fund by year'),
		header: lang === 'zh' ? ['小区编号', '年度', '期初(元)', '续筹(元)', '利息(元)', '更新支出(元)', '期末(元)'] : ['Estate ID', 'Year', 'Opening (yuan)', 'Contributions (yuan)', 'Interest (yuan)', 'Spend (yuan)', 'Closing (yuan)'],
		rows: plans.flatMap((p) => ledgerRecords(p).map((r): Cell[] => [r.estate_id, r.year, r.opening, r.contributions, r.interest, r.spend, r.closing]))
	};
}

/** Renewals sheet: one row per renewal. */
export function renewalsSheet(plans: readonly ReservePlan[], lang: Lang = 'zh'): Sheet {
	return {
		name: t(lang, '更新计划', 'Renewals'),
		header:
			lang === 'zh'
				? ['小区编号', '年度', '设施', '数量', '第几次更新', '到期年度', '已逾期', '使用年限(年)', '年限来源', '单价(元)', '单价来源', '支出(元)']
				: ['Estate ID', 'Year', 'Facility', 'Quantity', 'Cycle', 'Due year', 'Overdue', 'Life (years)', 'Life source', 'Unit cost (yuan)', 'Cost source', 'Spend (yuan)'],
		rows: plans.flatMap((p) =>
			p.renewals.map((r): Cell[] => {
				const f = p.facilities.find((x) => x.index === r.facilityIndex)!;
				return [p.estate_id, r.year, facilityName(r.facility, lang), r.quantity, r.cycle, r.dueYear, r.overdue, f.life, f.lifeSource.tag, fenToYuan(r.unitCostFen), f.unitCostSource.tag, fenToYuan(r.spendFen)];
			})
		)
	};
}

/** The settings and default figures behind a plan, with their sources and tags. */
export function assumptionsSheet(settings: ReservePlan['settings'], lang: Lang = 'zh'): Sheet {
	const rows: Cell[][] = [
		[t(lang, '首个测算年度', 'First plan year'), settings.firstYear, null, null],
		[t(lang, '测算年数', 'Plan years'), settings.years, null, null],
		[t(lang, '存款年利率', 'Interest rate'), settings.interestRate, settings.interestRate === RESERVE_SETTING_DEFAULTS.interestRate.value ? 'E' : 'user', lang === 'zh' ? RESERVE_SETTING_DEFAULTS.interestRate.provenance.source_zh ?? null : RESERVE_SETTING_DEFAULTS.interestRate.provenance.source],
		[t(lang, '单价年增长率', 'Cost growth'), settings.growthRate, settings.growthRate === RESERVE_SETTING_DEFAULTS.growthRate.value ? 'E' : 'user', lang === 'zh' ? RESERVE_SETTING_DEFAULTS.growthRate.provenance.source_zh ?? null : RESERVE_SETTING_DEFAULTS.growthRate.provenance.source]
	];
	for (const k of FACILITY_KIND_VALUES) {
		const d = FACILITY_DEFAULTS[k.value as FacilityKind];
		if (d.life) rows.push([`${k[lang]} · ${t(lang, '默认使用年限(年)', 'default life (years)')}`, d.life.value, d.life.provenance.tag, lang === 'zh' ? (d.life.provenance.source_zh ?? d.life.provenance.source) : d.life.provenance.source]);
		if (d.unitCost) rows.push([`${k[lang]} · ${t(lang, `默认更新单价(元/${k.unitZh})`, `default unit cost (yuan per ${k.unitEn})`)}`, d.unitCost.value, d.unitCost.provenance.tag, lang === 'zh' ? (d.unitCost.provenance.source_zh ?? d.unitCost.provenance.source) : d.unitCost.provenance.source]);
	}
	return { name: t(lang, '假设与来源', 'Assumptions'), header: lang === 'zh' ? ['项目', '取值', '来源标记', '来源'] : ['Item', 'Value', 'Tag', 'Source'], rows };
}

/** The default life and unit cost of every facility kind with its tag and source (for the command line's JSON). */
export function defaultRecords(): { facility: FacilityKind; life_years: number | null; life_tag: string | null; unit_cost_yuan: number | null; unit_cost_tag: string | null; source: string | null }[] {
	return FACILITY_KIND_VALUES.map((k) => {
		const d = FACILITY_DEFAULTS[k.value as FacilityKind];
		return {
			facility: k.value as FacilityKind,
			life_years: d.life?.value ?? null,
			life_tag: d.life?.provenance.tag ?? null,
			unit_cost_yuan: d.unitCost?.value ?? null,
			unit_cost_tag: d.unitCost?.provenance.tag ?? null,
			source: d.life || d.unitCost ? [d.life?.provenance.source, d.unitCost?.provenance.source].filter(Boolean).join(' | ') : null
		};
	});
}
