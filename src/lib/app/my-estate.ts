/**
 * The "My estate" quick start: a short form for one estate, checked field by field, turned into the
 * canonical files a user could have imported (estates, fees, and optionally costs and inspection scores). Those
 * files go through the same import path as any file (src/lib/app/my-estate-commit.ts), so the tables, checks,
 * history and export are the ones every import gets. Pure: no Svelte, no DuckDB.
 */
import { COST_ITEM_CODES, ESTATE_TYPES, BUILDING_TYPES, FEE_UNITS, type CostItemCode, type EstateType, type BuildingType, type FeeUnit } from '../data/datasets';
import { INDICATOR_CODES } from '../data/indicators';
import { canonicalText, type MadeFile } from '../import/made-files';
import { isError, parseFee, parseNumber } from '../import/values';
import type { NumberOptions } from '../import/values/numbers';

/** What the form holds (numbers as typed: strings parse when checked). */
export interface MyEstateForm {
	/** Kept when editing, so the estate's id never changes; empty for a new estate. */
	estateId: string;
	name: string;
	estateType: EstateType;
	buildingType: BuildingType;
	buildYear: string;
	areaM2: string;
	households: string;
	hasElevator: boolean;
	fee: string;
	feeUnit: FeeUnit;
	feeYear: string;
	collectionRate: string;
	firm: string;
	/** Yuan per year by cost item; empty items are left out. */
	costs: Partial<Record<CostItemCode, string>>;
	/** Inspection score 0-100 by indicator code; empty ones are left out. */
	scores: Partial<Record<string, string>>;
	scorePeriod: string;
}

/** A fresh form: this year, this quarter, per m², a multi-storey commercial estate. */
export function emptyForm(today = new Date()): MyEstateForm {
	const y = today.getFullYear();
	return {
		estateId: '',
		name: '',
		estateType: 'commercial',
		buildingType: 'multi',
		buildYear: '',
		areaM2: '',
		households: '',
		hasElevator: false,
		fee: '',
		feeUnit: 'per_m2_month',
		feeYear: String(y),
		collectionRate: '',
		firm: '',
		costs: {},
		scores: {},
		scorePeriod: `${y}Q${Math.floor(today.getMonth() / 3) + 1}`
	};
}

/** A problem with one field, in both languages. */
export interface FieldProblem {
	readonly field: string;
	readonly zh: string;
	readonly en: string;
}

/**
 * A stable id for a new estate: "MY-" and the FNV-1a hash of its name (8 hex digits), with -2, -3… when that is
 * taken. Made once at creation and kept on every edit (a renamed estate keeps its id and its history).
 */
export function newEstateId(name: string, taken: ReadonlySet<string>): string {
	let h = 0x811c9dc5;
	for (const ch of new TextEncoder().encode(name.trim())) {
		h ^= ch;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	const base = `MY-${h.toString(16).toUpperCase().padStart(8, '0')}`;
	let id = base;
	for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
	return id;
}

/**
 * A figure as typed, read as the import reads a cell (docs/sources.md §18.4): full-width digits, thousands
 * separators, a unit word that fits ('3.2万' of an area is 32,000 ㎡, '1200户', '35万元'), Chinese numerals. null when
 * empty; NaN when it cannot be read, which the checks below report in the field's own words.
 */
function reader(options: NumberOptions) {
	return (s: string): number | null => {
		const r = parseNumber(s.trim().replace(/[%％]$/, ''), options);
		return isError(r) ? NaN : r.value;
	};
}
const num = reader({});
const yearOf = reader({ unit: '年' });
const areaOf = reader({ unit: '㎡' });
const householdsOf = reader({ unit: '户' });
const yuanPerYearOf = reader({ unit: '元/年' });
const pointsOf = reader({ unit: '分' });

/** The fee as typed ('1.65', '1.65元/㎡·月', '19.8元/㎡·年' → 1.65) and the unit its text names, if any. */
function feeOf(s: string): { fee: number | null; unit: FeeUnit | null } {
	const r = parseFee(s.trim());
	if (isError(r)) return { fee: NaN, unit: null };
	return r.value === null ? { fee: null, unit: null } : { fee: r.value.fee, unit: r.value.unit };
}

/** Checks the form; every problem names its field and why. Empty list: the form is good. */
export function checkForm(f: MyEstateForm): FieldProblem[] {
	const p: FieldProblem[] = [];
	const add = (field: string, zh: string, en: string) => p.push({ field, zh, en });
	if (!f.name.trim()) add('name', '请填写小区名称', 'Give the estate a name');
	if (!ESTATE_TYPES.includes(f.estateType)) add('estateType', '小区类型无效', 'Unknown estate type');
	if (!BUILDING_TYPES.includes(f.buildingType)) add('buildingType', '建筑类型无效', 'Unknown building type');
	const year = yearOf(f.buildYear);
	if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) add('buildYear', `建成年份“${f.buildYear}”应为 1900-2100 的整数`, `Build year '${f.buildYear}' must be a whole year 1900-2100`);
	const area = areaOf(f.areaM2);
	if (area === null) add('areaM2', '请填写收费面积（㎡）', 'Give the chargeable area (m²)');
	else if (!(area > 0) || !Number.isFinite(area)) add('areaM2', `收费面积“${f.areaM2}”应为大于 0 的数（㎡）`, `Area '${f.areaM2}' must be a number above 0 (m²)`);
	const hh = householdsOf(f.households);
	if (hh === null) add('households', '请填写户数', 'Give the number of households');
	else if (!(Number.isInteger(hh) && hh > 0)) add('households', `户数“${f.households}”应为正整数`, `Households '${f.households}' must be a whole number above 0`);
	const { fee, unit: typedUnit } = feeOf(f.fee);
	if (fee === null) add('fee', '请填写物业费', 'Give the fee');
	else if (typedUnit !== null && typedUnit !== f.feeUnit) add('fee', `物业费“${f.fee}”写的单位与所选收费单位不同；请改选收费单位或只填数字`, `The fee '${f.fee}' names another unit than the one chosen; choose that unit or type the number alone`);
	else if (!(fee > 0) || !Number.isFinite(fee)) add('fee', `物业费“${f.fee}”应为大于 0 的数`, `Fee '${f.fee}' must be a number above 0`);
	else if (f.feeUnit === 'per_m2_month' && fee > 100) add('fee', `物业费 ${f.fee} 元/㎡·月 不合理（超过 100）；按户收费请选“元/户·月”`, `A fee of ${f.fee} yuan/m²·month is not plausible (above 100); choose yuan/household·month for a per-household fee`);
	if (!FEE_UNITS.includes(f.feeUnit)) add('feeUnit', '收费单位无效', 'Unknown fee unit');
	const fy = yearOf(f.feeYear);
	if (fy === null || !(Number.isInteger(fy) && fy >= 1900 && fy <= 2100)) add('feeYear', `收费年度“${f.feeYear}”应为 1900-2100 的整数`, `Fee year '${f.feeYear}' must be a whole year 1900-2100`);
	const cr = num(f.collectionRate);
	if (cr !== null && !(cr >= 0 && cr <= 100)) add('collectionRate', `收缴率“${f.collectionRate}”应在 0-100% 之间`, `Collection rate '${f.collectionRate}' must be 0-100 %`);
	for (const [item, v] of Object.entries(f.costs)) {
		const x = yuanPerYearOf(v ?? '');
		if (x !== null && !(x >= 0 && Number.isFinite(x))) add(`cost.${item}`, `成本“${v}”应为不小于 0 的金额（元/年）`, `Cost '${v}' must be an amount of at least 0 (yuan/year)`);
	}
	const scored = Object.entries(f.scores).filter(([, v]) => pointsOf(v ?? '') !== null);
	for (const [code, v] of scored) {
		const x = pointsOf(v ?? '');
		if (!(x! >= 0 && x! <= 100)) add(`score.${code}`, `得分“${v}”应在 0-100 之间`, `Score '${v}' must be 0-100`);
	}
	if (scored.length > 0 && !/^\d{4}(Q[1-4]|-(0[1-9]|1[0-2]))$/.test(f.scorePeriod.trim())) add('scorePeriod', `期间“${f.scorePeriod}”应为 2024Q2 或 2024-05 的形式`, `Period '${f.scorePeriod}' must look like 2024Q2 or 2024-05`);
	return p;
}

/** Prefix of the file names the quick start makes for an estate (an edit replaces every file with it). */
export const myEstatePrefix = (estateId: string) => `my-estate-${estateId}-`;

/** The canonical files of a checked form (call {@link checkForm} first). */
export function formFiles(f: MyEstateForm, estateId: string): MadeFile[] {
	const prefix = myEstatePrefix(estateId);
	const year = yearOf(f.feeYear)!;
	const cr = num(f.collectionRate);
	const files: MadeFile[] = [
		{
			name: `${prefix}estates.csv`,
			dataset: 'estates',
			text: canonicalText('estates', [
				{
					estate_id: estateId,
					name: f.name.trim(),
					subdistrict: null,
					estate_type: f.estateType,
					building_type: f.buildingType,
					build_year: yearOf(f.buildYear),
					chargeable_area_m2: areaOf(f.areaM2),
					households: householdsOf(f.households),
					has_elevator: f.hasElevator,
					firm: f.firm.trim() || null,
					pricing_regime: null
				}
			])
		},
		{
			name: `${prefix}fees.csv`,
			dataset: 'fees',
			// A rate above 1 is a percentage as typed (85 → 0.85); the import reads it the same way.
			text: canonicalText('fees', [{ estate_id: estateId, year, fee: feeOf(f.fee).fee, fee_unit: f.feeUnit, collection_rate: cr === null ? null : cr > 1 ? cr / 100 : cr }])
		}
	];
	const costs = COST_ITEM_CODES.filter((c) => yuanPerYearOf(f.costs[c] ?? '') !== null).map((item) => ({ estate_id: estateId, year, item, amount_yuan: yuanPerYearOf(f.costs[item]!) }));
	if (costs.length) files.push({ name: `${prefix}costs.csv`, dataset: 'costs', text: canonicalText('costs', costs) });
	const period = f.scorePeriod.trim();
	const scores = INDICATOR_CODES.filter((i) => pointsOf(f.scores[i.code] ?? '') !== null).map((i) => ({ estate_id: estateId, period, indicator: i.code, score: pointsOf(f.scores[i.code]!), source: 'inspection' }));
	if (scores.length) files.push({ name: `${prefix}scores.csv`, dataset: 'scores', text: canonicalText('scores', scores) });
	return files;
}

/** Rows of an estate as read back from the tables, to reopen the form with its values. */
export interface EstateRows {
	estate: { estate_id: string; name: string; estate_type: string; building_type: string; build_year: number | null; chargeable_area_m2: number; households: number; has_elevator: boolean; firm: string | null };
	fee: { year: number; fee: number; fee_unit: string; collection_rate: number | null } | null;
	costs: { item: string; amount_yuan: number }[];
	scores: { period: string; indicator: string; score: number }[];
}

/** The form of an existing estate (the latest fee year and score period). */
export function formFromRows(r: EstateRows, today = new Date()): MyEstateForm {
	const f = emptyForm(today);
	const str = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
	return {
		...f,
		estateId: r.estate.estate_id,
		name: r.estate.name,
		estateType: r.estate.estate_type as EstateType,
		buildingType: r.estate.building_type as BuildingType,
		buildYear: str(r.estate.build_year),
		areaM2: str(r.estate.chargeable_area_m2),
		households: str(r.estate.households),
		hasElevator: r.estate.has_elevator,
		firm: r.estate.firm ?? '',
		fee: str(r.fee?.fee),
		feeUnit: (r.fee?.fee_unit as FeeUnit) ?? f.feeUnit,
		feeYear: r.fee ? String(r.fee.year) : f.feeYear,
		collectionRate: r.fee?.collection_rate === null || r.fee?.collection_rate === undefined ? '' : String(Math.round(r.fee.collection_rate * 1000) / 10),
		costs: Object.fromEntries(r.costs.map((c) => [c.item, String(c.amount_yuan)])),
		scores: Object.fromEntries(r.scores.map((s) => [s.indicator, String(s.score)])),
		scorePeriod: r.scores[0]?.period ?? f.scorePeriod
	};
}
