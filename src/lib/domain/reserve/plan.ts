/**
 * The renewal plan of one estate's maintenance fund (docs/sources.md §11), with this convention:
 * - due year = installed_year + life_years; a facility past due (due year before the first plan year) is renewed in
 *   the first plan year; after a renewal it is due again life_years later;
 * - spend of a renewal = quantity × unit cost of that year, where the unit cost grows at `growthRate` a year from the
 *   first plan year (0: today's prices); the unit cost of the year is rounded to the fen, then the product;
 * - fund: opening (the latest balance of a year before the first plan year, else 0) + contributions (that balance
 *   row's annual_contribution_yuan, else 0) + interest (`interestRate` × the opening balance when it is positive; a
 *   shortfall earns nothing and is charged nothing) − spend = closing, which opens the next year;
 * - the first year whose closing balance is below zero and by how much; the one-off refill (续筹) that covers the
 *   worst shortfall, per m² and per household (rounded up to the fen); the level extra annual contribution per m²
 *   (whole fen) that keeps every closing balance at or above zero, found by search and checked by running the plan
 *   with it and with one fen less.
 * All ledger amounts are whole fen (money.ts). Pure: no Svelte, no DuckDB.
 */
import type { AssessmentResult, FacilityKind } from '../../data/facilities';
import type { Provenance } from '../provenance';
import { userProvenance } from '../provenance';
import { FACILITY_DEFAULTS } from './defaults';
import { ceilFen, roundFen, yuanToFen } from './money';

/** The plan's settings. */
export interface ReserveSettings {
	/** First plan year. */
	firstYear: number;
	/** Number of plan years (the horizon is firstYear … firstYear + years − 1). */
	years: number;
	/** Yearly interest on a positive opening balance (0.015 = 1.5 %). */
	interestRate: number;
	/** Yearly growth of unit costs from the first plan year (0 = today's prices). */
	growthRate: number;
}

/** One facility row as the plan needs it (the facilities dataset without estate_id). */
export interface FacilityInput {
	facility: FacilityKind;
	quantity: number;
	installed_year: number;
	life_years: number | null;
	unit_replacement_cost_yuan: number | null;
	last_assessed_at?: string | null;
	last_assessment_result?: AssessmentResult | null;
}

/** One fund balance row (the fund_balances dataset without estate_id). */
export interface BalanceInput {
	year: number;
	balance_yuan: number;
	annual_contribution_yuan: number | null;
}

/** Everything the plan of one estate needs. */
export interface EstateReserveInput {
	estate_id: string;
	/** Area the costs are shared over (m², > 0). */
	area_m2: number;
	/** Households (> 0), for the refill per household. */
	households: number;
	facilities: readonly FacilityInput[];
	balances: readonly BalanceInput[];
}

/** A facility with the life and unit cost the plan uses and where each comes from. */
export interface ResolvedFacility {
	/** Position in the input. */
	index: number;
	facility: FacilityKind;
	quantity: number;
	installed_year: number;
	life: number;
	lifeSource: Provenance;
	unitCostYuan: number;
	unitCostSource: Provenance;
	/** installed_year + life. */
	dueYear: number;
	/** Due before the first plan year (renewed in the first plan year). */
	overdue: boolean;
	last_assessed_at: string | null;
	last_assessment_result: AssessmentResult | null;
}

/** A facility the plan cannot cost: no life or no unit cost, given or default. */
export interface UncostedFacility {
	index: number;
	facility: FacilityKind;
	missing: ('life' | 'unitCost')[];
}

/** One renewal in the horizon. */
export interface Renewal {
	year: number;
	facilityIndex: number;
	facility: FacilityKind;
	quantity: number;
	/** 1 for the first renewal in the horizon, 2 for the next … */
	cycle: number;
	/** The year it falls due (before the first plan year for an overdue facility). */
	dueYear: number;
	overdue: boolean;
	/** Unit cost of the year, fen. */
	unitCostFen: number;
	spendFen: number;
}

/** One plan year of the fund, in fen. */
export interface LedgerRow {
	year: number;
	openingFen: number;
	contributionsFen: number;
	interestFen: number;
	spendFen: number;
	closingFen: number;
}

/** A year and an amount (fen). */
export interface YearAmount {
	year: number;
	fen: number;
}

/** The plan of one estate. */
export interface ReservePlan {
	estate_id: string;
	settings: ReserveSettings;
	area_m2: number;
	households: number;
	facilities: ResolvedFacility[];
	uncosted: UncostedFacility[];
	/** Opening balance of the first plan year and the year-end balance it was read from (null: no balance, taken as 0). */
	opening: { fen: number; fromYear: number | null };
	/** Contribution each plan year, fen (from the balance row read; 0 if none). */
	contributionFen: number;
	renewals: Renewal[];
	rows: LedgerRow[];
	spendTotalFen: number;
	/** First year whose closing balance is below zero, and the shortfall (positive fen). */
	firstShortfall: YearAmount | null;
	/** Year of the lowest closing balance below zero, and that shortfall. */
	worstShortfall: YearAmount | null;
	/** One-off refill at the start of the first plan year that covers the worst shortfall. */
	refill: { totalFen: number; perM2Fen: number; perHouseholdFen: number; minClosingAfterFen: number } | null;
	/**
	 * Level extra contribution per m² and year (whole fen) on top of the recorded one that keeps every closing ≥ 0;
	 * `minClosingFen` with it, `minClosingOneFenLessFen` with one fen less (below zero, unless the level is 0).
	 */
	level: { perM2Fen: number; annualFen: number; minClosingFen: number; minClosingOneFenLessFen: number | null };
}

/** Problems with settings or an estate's input (empty when fine). */
export function reserveInputProblems(settings: ReserveSettings, input: EstateReserveInput): string[] {
	const p: string[] = [];
	if (!Number.isInteger(settings.firstYear) || settings.firstYear < 1900 || settings.firstYear > 2100) p.push(`first plan year must be a year 1900-2100, got ${settings.firstYear}`);
	if (!Number.isInteger(settings.years) || settings.years < 1 || settings.years > 100) p.push(`plan years must be a whole number 1-100, got ${settings.years}`);
	if (!Number.isFinite(settings.interestRate) || settings.interestRate < 0 || settings.interestRate > 1) p.push(`interest rate must be 0-1, got ${settings.interestRate}`);
	if (!Number.isFinite(settings.growthRate) || settings.growthRate < -0.5 || settings.growthRate > 1) p.push(`cost growth must be −0.5 to 1, got ${settings.growthRate}`);
	if (!(input.area_m2 > 0) || !Number.isFinite(input.area_m2)) p.push(`${input.estate_id}: area must be > 0, got ${input.area_m2}`);
	if (!(input.households > 0) || !Number.isFinite(input.households)) p.push(`${input.estate_id}: households must be > 0, got ${input.households}`);
	input.facilities.forEach((f, i) => {
		if (!(f.quantity > 0) || !Number.isFinite(f.quantity)) p.push(`${input.estate_id} facility ${i + 1}: quantity must be > 0, got ${f.quantity}`);
		if (f.life_years !== null && !(Number.isInteger(f.life_years) && f.life_years >= 1)) p.push(`${input.estate_id} facility ${i + 1}: life must be a whole number of years ≥ 1, got ${f.life_years}`);
		if (f.unit_replacement_cost_yuan !== null && !(f.unit_replacement_cost_yuan >= 0 && Number.isFinite(f.unit_replacement_cost_yuan))) {
			p.push(`${input.estate_id} facility ${i + 1}: unit cost must be ≥ 0, got ${f.unit_replacement_cost_yuan}`);
		}
	});
	return p;
}

const DATA_PROVENANCE: Provenance = userProvenance('from the facilities data');

/** Life and unit cost of each facility: the row's own figures, else the defaults; facilities without either are set aside. */
export function resolveFacilities(facilities: readonly FacilityInput[], firstYear: number): { resolved: ResolvedFacility[]; uncosted: UncostedFacility[] } {
	const resolved: ResolvedFacility[] = [];
	const uncosted: UncostedFacility[] = [];
	facilities.forEach((f, index) => {
		const d = FACILITY_DEFAULTS[f.facility];
		const life = f.life_years !== null ? { value: f.life_years, provenance: DATA_PROVENANCE } : d.life;
		const cost = f.unit_replacement_cost_yuan !== null ? { value: f.unit_replacement_cost_yuan, provenance: DATA_PROVENANCE } : d.unitCost;
		if (!life || !cost) {
			uncosted.push({ index, facility: f.facility, missing: [...(life ? [] : ['life' as const]), ...(cost ? [] : ['unitCost' as const])] });
			return;
		}
		const dueYear = f.installed_year + life.value;
		resolved.push({
			index,
			facility: f.facility,
			quantity: f.quantity,
			installed_year: f.installed_year,
			life: life.value,
			lifeSource: life.provenance,
			unitCostYuan: cost.value,
			unitCostSource: cost.provenance,
			dueYear,
			overdue: dueYear < firstYear,
			last_assessed_at: f.last_assessed_at ?? null,
			last_assessment_result: f.last_assessment_result ?? null
		});
	});
	return { resolved, uncosted };
}

/** Unit cost in fen in a plan year, grown from the first plan year and rounded to the fen. */
export function unitCostFenIn(unitCostYuan: number, year: number, settings: ReserveSettings): number {
	return roundFen(unitCostYuan * 100 * (1 + settings.growthRate) ** (year - settings.firstYear));
}

/** The renewals of the horizon, by year then input order. */
export function scheduleRenewals(facilities: readonly ResolvedFacility[], settings: ReserveSettings): Renewal[] {
	const last = settings.firstYear + settings.years - 1;
	const out: Renewal[] = [];
	for (const f of facilities) {
		let year = f.overdue ? settings.firstYear : f.dueYear;
		for (let cycle = 1; year <= last; cycle++, year += f.life) {
			if (year < settings.firstYear) continue; // cannot happen (first year ≥ firstYear), kept for safety
			const unitCostFen = unitCostFenIn(f.unitCostYuan, year, settings);
			out.push({
				year,
				facilityIndex: f.index,
				facility: f.facility,
				quantity: f.quantity,
				cycle,
				dueYear: cycle === 1 ? f.dueYear : year,
				overdue: cycle === 1 && f.overdue,
				unitCostFen,
				spendFen: roundFen(f.quantity * unitCostFen)
			});
		}
	}
	return out.sort((a, b) => a.year - b.year || a.facilityIndex - b.facilityIndex);
}

/** The opening balance: the latest year-end balance of a year before the first plan year (none: 0). */
export function openingBalance(balances: readonly BalanceInput[], firstYear: number): { fen: number; fromYear: number | null; contributionFen: number } {
	let best: BalanceInput | null = null;
	for (const b of balances) if (b.year < firstYear && (best === null || b.year > best.year)) best = b;
	if (!best) return { fen: 0, fromYear: null, contributionFen: 0 };
	return { fen: yuanToFen(best.balance_yuan), fromYear: best.year, contributionFen: best.annual_contribution_yuan === null ? 0 : yuanToFen(best.annual_contribution_yuan) };
}

/** Runs the fund year by year. `spendByYear[i]` is the spend of plan year i, fen. */
export function runLedger(openingFen: number, contributionFen: number, spendByYear: readonly number[], settings: ReserveSettings): LedgerRow[] {
	const rows: LedgerRow[] = [];
	let opening = openingFen;
	spendByYear.forEach((spendFen, i) => {
		const interestFen = opening > 0 ? roundFen(opening * settings.interestRate) : 0;
		const closingFen = opening + contributionFen + interestFen - spendFen;
		rows.push({ year: settings.firstYear + i, openingFen: opening, contributionsFen: contributionFen, interestFen, spendFen, closingFen });
		opening = closingFen;
	});
	return rows;
}

function minClosing(rows: readonly LedgerRow[]): number {
	return rows.reduce((m, r) => Math.min(m, r.closingFen), Infinity);
}

/**
 * The smallest whole number of fen per m² a year that, added to every year's contribution, keeps every closing
 * balance ≥ 0. The closings only rise with the contribution (interest too), so a binary search finds it.
 */
export function levelContribution(openingFen: number, contributionFen: number, spendByYear: readonly number[], areaM2: number, settings: ReserveSettings): ReservePlan['level'] {
	const extra = (perM2Fen: number) => roundFen(perM2Fen * areaM2);
	const minWith = (perM2Fen: number) => minClosing(runLedger(openingFen, contributionFen + extra(perM2Fen), spendByYear, settings));
	if (minWith(0) >= 0) return { perM2Fen: 0, annualFen: 0, minClosingFen: minWith(0), minClosingOneFenLessFen: null };
	// An upper bound: one year of it pays every renewal and any deficit at the start.
	const spend = spendByYear.reduce((s, x) => s + x, 0);
	let hi = Math.ceil((spend + Math.max(0, -openingFen)) / areaM2) + 1;
	while (minWith(hi) < 0) hi *= 2;
	let lo = 0; // minWith(lo) < 0 ≤ minWith(hi)
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (minWith(mid) >= 0) hi = mid;
		else lo = mid;
	}
	return { perM2Fen: hi, annualFen: extra(hi), minClosingFen: minWith(hi), minClosingOneFenLessFen: minWith(hi - 1) };
}

/**
 * The renewal plan of one estate under the convention above.
 * @throws RangeError when {@link reserveInputProblems} finds any.
 */
export function planReserve(input: EstateReserveInput, settings: ReserveSettings): ReservePlan {
	const problems = reserveInputProblems(settings, input);
	if (problems.length > 0) throw new RangeError(problems.join('; '));
	const { resolved, uncosted } = resolveFacilities(input.facilities, settings.firstYear);
	const renewals = scheduleRenewals(resolved, settings);
	const spendByYear = Array.from({ length: settings.years }, () => 0);
	for (const r of renewals) spendByYear[r.year - settings.firstYear] += r.spendFen;
	const open = openingBalance(input.balances, settings.firstYear);
	const rows = runLedger(open.fen, open.contributionFen, spendByYear, settings);

	const first = rows.find((r) => r.closingFen < 0);
	let worst: LedgerRow | undefined;
	for (const r of rows) if (r.closingFen < 0 && (worst === undefined || r.closingFen < worst.closingFen)) worst = r;
	let refill: ReservePlan['refill'] = null;
	if (worst) {
		const totalFen = -worst.closingFen;
		// Checked: the same plan with the refill in the opening balance never closes below zero.
		const after = minClosing(runLedger(open.fen + totalFen, open.contributionFen, spendByYear, settings));
		refill = { totalFen, perM2Fen: ceilFen(totalFen / input.area_m2), perHouseholdFen: ceilFen(totalFen / input.households), minClosingAfterFen: after };
	}
	return {
		estate_id: input.estate_id,
		settings: { ...settings },
		area_m2: input.area_m2,
		households: input.households,
		facilities: resolved,
		uncosted,
		opening: { fen: open.fen, fromYear: open.fromYear },
		contributionFen: open.contributionFen,
		renewals,
		rows,
		spendTotalFen: spendByYear.reduce((s, x) => s + x, 0),
		firstShortfall: first ? { year: first.year, fen: -first.closingFen } : null,
		worstShortfall: worst ? { year: worst.year, fen: -worst.closingFen } : null,
		refill,
		level: levelContribution(open.fen, open.contributionFen, spendByYear, input.area_m2, settings)
	};
}
