/**
 * Validation, in two layers.
 *
 * Row by row (here, in JS): required columns present (a file-level error naming the column in Chinese and
 * English), every cell normalised (values.ts), required cells filled, numbers in range (scores 0-100, rates
 * 0-1, fees not negative, a per-m² fee above 10 a warning and above 100 an error), cross-field rules (a
 * ticket closed before it was opened; price_low ≤ price ≤ price_high; yes ≤ participating ≤ total), and the
 * dataset's zod row schema as the last word on shape.
 *
 * Over all rows (DuckDB SQL over the staging tables, {@link bulkChecks}): duplicate keys within a file and
 * across the files of an import set (estate ids, ticket ids, an estate's fee for a year...), duplicates
 * against the current tables when appending, and estate references (scores, fees, costs, tickets,
 * unit_sizes and votes naming an estate that is neither in this import set nor in the current tables).
 */
import { deriveMarketFee, fileRefDate, type MarketColumns, type MarketFeeCounts } from './market-values';
import { findDateInText } from '../domain/market/listing-text';
import { DATASETS, type ColumnMeta, type DatasetId } from '../data/datasets';
import { sqlIdent, sqlString } from '../engine/engine';
import {
	detectDataset,
	indicatorOfTarget,
	sourceOfIndicator,
	type ColumnMapping,
	type DatasetGuess,
	type Layout
} from './detect';
import { makeProblem } from './messages';
import { checkpoint, now } from './progress';
import { checkTableName, type ImportEngine, type RowFacts, type StagedFile } from './stage';
import type { Cell, Encoding, Issue, Problem, RunOptions, Severity, SourceKind, SourceTable } from './types';
import {
	cellText,
	columnNormaliser,
	findPeriodInText,
	headerHints,
	isError,
	isMissing,
	parsePeriod,
	type CellNormaliser,
	type FeeValue
} from './values';

/** Problems kept per file by default; counts stay exact beyond it. */
export const DEFAULT_MAX_PROBLEMS = 10_000;
/** Rows between progress reports, cancellation checks and yields to the event loop. */
export const CHUNK_ROWS = 50_000;

/** A per-m² fee above this is suspicious (warning), in 元/㎡·月. Beijing's median is 1.88, luxury estates reach 16-36 (docs/sources.md §10). */
export const FEE_WARN_PER_M2 = 10;
/** A per-m² fee above this cannot be a monthly fee per m² (error). */
export const FEE_MAX_PER_M2 = 100;

/** Options of {@link prepareTable}. */
export interface PrepareOptions extends RunOptions {
	/** Dataset to use instead of detecting it. */
	readonly dataset?: DatasetId;
	/** Column mapping to use instead of the detected one (aligned with the headers). */
	readonly mapping?: ColumnMapping;
	/** Layout of a scores file, when the caller overrides the mapping. Default: detected. */
	readonly layout?: Layout;
	/** Period for a score sheet without a period column ('2024Q1' or text such as '2024年第一季度'). */
	readonly period?: string;
	/** Problems kept (counts stay exact). */
	readonly maxProblems?: number;
	/** The file's own date (e.g. its last-modified time), the market dataset's last fallback reference date. */
	readonly refDate?: string;
}

/**
 * What a prepared file says about itself without its rows: enough for reports, the bulk checks and the commit
 * when the rows are kept elsewhere (the browser's import worker; see stage.ts `RemotePrepared`).
 */
export interface PreparedSummary {
	readonly file: string;
	readonly kind: SourceKind;
	readonly encoding?: Encoding;
	readonly sheets?: readonly string[];
	readonly sheet?: string;
	readonly headerRow: number;
	readonly detectedHeaderRow: number;
	readonly headers: readonly string[];
	/** null when the dataset could not be recognised (nothing can be committed). */
	readonly dataset: DatasetId | null;
	readonly layout: Layout;
	readonly mapping: ColumnMapping;
	readonly guess: DatasetGuess;
	/** Data rows read from the file. */
	readonly sourceRows: number;
	/** Canonical rows (a wide score sheet gives one per estate, period and indicator). */
	readonly rowCount: number;
	readonly invalidRows: number;
	/** Problems from reading and row-level validation (up to maxProblems). */
	readonly problems: Problem[];
	/** Exact counts, including problems beyond the cap. */
	readonly counts: { errors: number; warnings: number };
	/** An error that concerns the whole file (a required column missing, dataset unknown, broken quoting). */
	readonly fileError: boolean;
	readonly maxProblems: number;
}

/** A file read, recognised and normalised to canonical rows, ready for the bulk checks and the commit. */
export interface PreparedImport extends PreparedSummary {
	/** Canonical values by column, in DATASETS[dataset].columns order; null in a cell that failed. */
	readonly columns: readonly unknown[][];
	/** Source row of each canonical row, as the user sees it. */
	readonly rowNumbers: readonly number[];
	/** Header index each canonical row's main value came from (a wide sheet's indicator column), else -1. */
	readonly sourceColumns: readonly number[] | null;
	/** 1 where a canonical row has a row-level error. */
	readonly invalid: Uint8Array;
}

/** The summary of a prepared file (what the import worker sends to the page; the rows stay behind). */
export function preparedSummary(p: PreparedImport): PreparedSummary {
	return {
		file: p.file,
		kind: p.kind,
		encoding: p.encoding,
		sheets: p.sheets,
		sheet: p.sheet,
		headerRow: p.headerRow,
		detectedHeaderRow: p.detectedHeaderRow,
		headers: p.headers,
		dataset: p.dataset,
		layout: p.layout,
		mapping: p.mapping,
		guess: p.guess,
		sourceRows: p.sourceRows,
		rowCount: p.rowCount,
		invalidRows: p.invalidRows,
		problems: p.problems,
		counts: p.counts,
		fileError: p.fileError,
		maxProblems: p.maxProblems
	};
}

/** Collects problems up to a cap, counting all. */
export class ProblemSink {
	readonly problems: Problem[] = [];
	errors = 0;
	warnings = 0;
	constructor(
		readonly file: string,
		readonly max: number
	) {}

	add(row: number | null, column: string | null, value: string | null, issue: Issue, severity: Severity): void {
		if (severity === 'error') this.errors++;
		else this.warnings++;
		if (this.problems.length < this.max) this.problems.push(makeProblem(this.file, row, column, value, issue, severity));
	}

	/** Adds a problem made elsewhere (reading). */
	push(p: Problem): void {
		if (p.severity === 'error') this.errors++;
		else this.warnings++;
		if (this.problems.length < this.max) this.problems.push(p);
	}
}

/** A rule on a numeric column's value, from its metadata and zod schema. */
interface RangeRule {
	readonly min?: number;
	readonly max?: number;
	/** Zero is not allowed (zod `.positive()`). */
	readonly positive: boolean;
}

function rangeRule(id: DatasetId, col: ColumnMeta): RangeRule | undefined {
	if (col.type !== 'DOUBLE' && col.type !== 'INTEGER') return undefined;
	const shape = (DATASETS[id].schema as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> }).shape;
	const positive = col.min === 0 && shape[col.name] !== undefined && !shape[col.name].safeParse(0).success;
	return { min: col.min, max: col.max, positive };
}

function rangeIssue(rule: RangeRule, v: number): Issue | undefined {
	if (rule.positive && v <= 0) return { code: 'must_be_positive' };
	if (rule.min !== undefined && rule.max !== undefined && (v < rule.min || v > rule.max)) {
		return { code: 'out_of_range', params: { min: rule.min, max: rule.max } };
	}
	if (rule.min !== undefined && v < rule.min) return { code: 'below_min', params: { min: rule.min } };
	if (rule.max !== undefined && v > rule.max) return { code: 'above_max', params: { max: rule.max } };
	return undefined;
}

const FEE_UNIT_TEXT = { per_m2_month: '元/㎡·月', per_household_month: '元/户·月' } as const;

/**
 * Recognises a table's dataset (unless given), then normalises and checks every row. Never throws on bad
 * data: everything wrong becomes a problem. Throws only when cancelled.
 */
export async function prepareTable(table: SourceTable, options: PrepareOptions = {}): Promise<PreparedImport> {
	const max = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
	const sink = new ProblemSink(table.file, max);
	for (const p of table.problems) sink.push(p);
	let fileError = table.problems.some((p) => p.severity === 'error' && p.code === 'unclosed_quote');

	// A period given by the caller or found in a title row lets a score sheet do without a period column.
	let constantPeriod: { value: string; from: 'given' | 'title' } | undefined;
	if (options.period) {
		const p = parsePeriod(options.period);
		if (!isError(p) && p.value) constantPeriod = { value: p.value, from: 'given' };
	} else {
		for (const line of table.titleLines) {
			const p = findPeriodInText(line);
			if (p) {
				constantPeriod = { value: p, from: 'title' };
				break;
			}
		}
	}

	const guess = detectDataset(table.headers, { dataset: options.dataset, periodKnown: constantPeriod !== undefined });
	const dataset = options.dataset ?? guess.dataset;
	const layout: Layout =
		options.layout ?? (options.mapping ? (options.mapping.some((t) => indicatorOfTarget(t)) ? 'wide' : 'long') : guess.layout);
	const mapping: ColumnMapping = options.mapping ?? guess.mapping;

	const base = {
		file: table.file,
		kind: table.kind,
		encoding: table.encoding,
		sheets: table.sheets,
		sheet: table.sheet,
		headerRow: table.headerRow,
		detectedHeaderRow: table.detectedHeaderRow,
		headers: table.headers,
		guess,
		sourceRows: table.rowCount,
		maxProblems: max
	};

	if (table.rowCount === 0 && table.headers.length === 0) {
		sink.add(null, null, null, { code: 'empty_file' }, 'error');
		return empty(base, dataset, layout, mapping, sink);
	}
	if (!dataset) {
		const candidates = guess.candidates.slice(0, 3).map((c) => `${DATASETS[c.dataset].zh} ${c.dataset}`).join('、') || '—';
		sink.add(null, null, null, { code: 'unknown_dataset', params: { candidates } }, 'error');
		return empty(base, null, layout, mapping, sink);
	}
	// A header without rows would empty the dataset on "replace" (issue 13): an error, so nothing commits.
	if (table.rowCount === 0) sink.add(null, null, null, { code: 'no_rows' }, table.lenient ? 'warning' : 'error');

	// Header-level findings: duplicates, ignored columns, units written in headers.
	const taken = new Map<string, number>();
	table.headers.forEach((h, i) => {
		const target = mapping[i] ?? null;
		if (target === null) {
			const dup = options.mapping ? undefined : guess.duplicates.find(([d]) => d === i);
			if (dup) {
				sink.add(null, h, null, { code: 'duplicate_header', params: { other: table.headers[dup[1]], name: guess.mapping[dup[1]] ?? '' } }, 'warning');
			} else if (h.trim() !== '') sink.add(null, h, null, { code: 'ignored_column' }, 'warning');
			return;
		}
		if (taken.has(target)) {
			sink.add(null, h, null, { code: 'duplicate_header', params: { other: table.headers[taken.get(target)!], name: target } }, 'warning');
			return;
		}
		taken.set(target, i);
		const hints = headerHints(h);
		if (hints.points && (target === 'score' || indicatorOfTarget(target))) {
			sink.add(null, h, null, { code: 'rescaled_points', params: { points: hints.points } }, 'warning');
		} else if (hints.scale && hints.scaleUnit) {
			sink.add(null, h, null, { code: 'header_scale', params: { unit: hints.scaleUnit, factor: hints.scale } }, 'warning');
		}
	});
	// The first header that names a column wins (duplicates above are ignored).
	const effective: (string | null)[] = table.headers.map((_, i) => {
		const t = mapping[i] ?? null;
		return t !== null && taken.get(t) === i ? t : null;
	});

	const ctx: RowContext = { table, dataset, sink, options, constantPeriod, mapping: effective, readErrorRows: new Set(table.errorRows ?? []) };
	const result = layout === 'wide' && dataset === 'scores' ? await normaliseWide(ctx) : await normaliseLong(ctx);
	fileError ||= result.fileError;
	return {
		...base,
		dataset,
		layout,
		mapping: effective,
		rowCount: result.rowNumbers.length,
		columns: result.columns,
		rowNumbers: result.rowNumbers,
		sourceColumns: result.sourceColumns,
		invalid: result.invalid,
		invalidRows: countOnes(result.invalid),
		problems: sink.problems,
		counts: { errors: sink.errors, warnings: sink.warnings },
		fileError
	};
}

function countOnes(a: Uint8Array): number {
	let n = 0;
	for (let i = 0; i < a.length; i++) n += a[i];
	return n;
}

function empty(
	base: Omit<PreparedImport, 'dataset' | 'layout' | 'mapping' | 'rowCount' | 'columns' | 'rowNumbers' | 'sourceColumns' | 'invalid' | 'invalidRows' | 'problems' | 'counts' | 'fileError'>,
	dataset: DatasetId | null,
	layout: Layout,
	mapping: ColumnMapping,
	sink: ProblemSink
): PreparedImport {
	return {
		...base,
		dataset,
		layout,
		mapping,
		rowCount: 0,
		columns: dataset ? DATASETS[dataset].columns.map(() => []) : [],
		rowNumbers: [],
		sourceColumns: null,
		invalid: new Uint8Array(0),
		invalidRows: 0,
		problems: sink.problems,
		counts: { errors: sink.errors, warnings: sink.warnings },
		fileError: true
	};
}

interface RowContext {
	readonly table: SourceTable;
	readonly dataset: DatasetId;
	readonly sink: ProblemSink;
	readonly options: PrepareOptions;
	readonly constantPeriod: { value: string; from: 'given' | 'title' } | undefined;
	readonly mapping: readonly (string | null)[];
	/** Source rows the reader already found broken (field count, stray quote, undecodable): kept out. */
	readonly readErrorRows: ReadonlySet<number>;
}

interface Normalised {
	readonly columns: unknown[][];
	readonly rowNumbers: number[];
	readonly sourceColumns: number[] | null;
	readonly invalid: Uint8Array;
	readonly fileError: boolean;
}

/** Column plan: where each canonical column comes from and how its cells are read. */
interface ColumnPlan {
	readonly col: ColumnMeta;
	readonly src: number;
	readonly header: string | null;
	readonly norm: CellNormaliser | null;
	readonly range: RangeRule | undefined;
}

async function normaliseLong(ctx: RowContext): Promise<Normalised> {
	const { table, dataset, sink, options } = ctx;
	const meta = DATASETS[dataset];
	const cols = meta.columns as readonly ColumnMeta[];
	const plan: ColumnPlan[] = cols.map((col) => {
		const src = ctx.mapping.indexOf(col.name);
		const header = src >= 0 ? table.headers[src] : null;
		return { col, src, header, norm: src >= 0 ? columnNormaliser(dataset, col.name, header ?? '') : null, range: rangeRule(dataset, col) };
	});
	const k = (name: string) => cols.findIndex((c) => c.name === name);

	// Missing required columns are file-level errors, named in Chinese and English.
	let fileError = false;
	const feeUnitColumnMissing = dataset === 'fees' && plan[k('fee_unit')].src < 0;
	let periodConstant: string | undefined;
	for (const p of plan) {
		// A listing file needs its fee column though a fee cell may be empty (the column is not NOT NULL).
		const needed = p.col.required || (dataset === 'market' && p.col.name === 'fee_text');
		if (!needed || p.src >= 0) continue;
		if (dataset === 'fees' && p.col.name === 'fee_unit') continue;
		if (dataset === 'scores' && p.col.name === 'period' && ctx.constantPeriod) {
			periodConstant = ctx.constantPeriod.value;
			sink.add(null, null, periodConstant, { code: ctx.constantPeriod.from === 'given' ? 'period_given' : 'period_from_title', params: { period: periodConstant } }, 'warning');
			continue;
		}
		sink.add(null, null, null, { code: 'missing_column', params: { name: p.col.name, columnZh: p.col.zh, columnEn: p.col.en } }, 'error');
		fileError = true;
	}

	const n = table.rowCount;
	const width = cols.length;
	const out: unknown[][] = cols.map(() => new Array(n));
	const invalid = new Uint8Array(n);
	const schema = meta.schema as unknown as { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };
	const feeK = dataset === 'fees' ? k('fee') : -1;
	const feeUnitK = dataset === 'fees' ? k('fee_unit') : -1;
	const feeHeaderUnit = feeK >= 0 && plan[feeK].header ? headerHints(plan[feeK].header!).feeUnit : undefined;
	const priceK = dataset === 'guide_prices' ? k('price') : -1;
	const periodK = dataset === 'scores' ? k('period') : -1;
	let feeUnitDefaulted = 0;
	// Market references: derived fee columns, counts reported once, and the file's reference date.
	const marketK: MarketColumns | null =
		dataset === 'market'
			? { feeText: k('fee_text'), low: k('fee_low'), high: k('fee_high'), mid: k('fee_mid'), unit: k('fee_unit'), perDay: k('fee_per_day'), forms: k('fee_forms'), refDate: k('ref_date') }
			: null;
	const marketCounts: MarketFeeCounts = { ranges: 0, perHousehold: 0, perDay: 0, forms: 0, noValue: 0, unread: 0 };
	const marketHasText = marketK !== null && plan[marketK.feeText].src >= 0;
	const marketRefDate = marketK ? fileRefDate(table.titleLines, table.file, options.refDate) : null;
	let marketRefDateUsed = 0;
	const values: unknown[] = new Array(width);
	const rules = ruleColumns(plan);
	const started = now();

	for (let r = 0; r < n; r++) {
		if (r > 0 && r % CHUNK_ROWS === 0) await checkpoint(options, 'normalise', r, n, started);
		const row = table.rowNumbers[r];
		let bad = fileError || ctx.readErrorRows.has(row);
		let feeValue: FeeValue | null = null;
		let priceRange: FeeValue | null = null;
		for (let c = 0; c < width; c++) {
			const p = plan[c];
			if (p.src < 0) {
				values[c] = c === periodK && periodConstant ? periodConstant : null;
				continue;
			}
			const cell = table.columns[p.src][r];
			const res = p.norm!(cell);
			if (isError(res)) {
				sink.add(row, p.header, cellText(cell), res.error, 'error');
				values[c] = null;
				bad = true;
				continue;
			}
			let v = res.value;
			let warnings = res.warnings;
			if (v !== null && typeof v === 'object') {
				// Fees and prices come as {fee, unit, low, high}.
				const fv = v as FeeValue;
				if (c === feeK) feeValue = fv;
				if (c === priceK && fv.low !== undefined) {
					priceRange = fv;
					warnings = undefined; // reported as range_kept below when the ends are used
				}
				if (dataset === 'guide_prices' && fv.unit === 'per_household_month') {
					sink.add(row, p.header, cellText(cell), { code: 'unknown_unit', params: { unit: FEE_UNIT_TEXT.per_household_month } }, 'error');
					bad = true;
				}
				v = fv.fee;
			}
			if (warnings) for (const w of warnings) sink.add(row, p.header, cellText(cell), w, 'warning');
			values[c] = v;
		}

		// Fee unit: the column, the text of the fee, the fee header, or per m² by default.
		if (feeK >= 0 && !bad) {
			const fromColumn = values[feeUnitK] as string | null;
			const fromText = feeValue?.unit ?? null;
			if (fromColumn && fromText && fromColumn !== fromText) {
				const p = plan[feeK];
				sink.add(row, p.header, cellText(table.columns[p.src][r]), {
					code: 'fee_unit_conflict',
					params: { textUnit: FEE_UNIT_TEXT[fromText], columnUnit: FEE_UNIT_TEXT[fromColumn as keyof typeof FEE_UNIT_TEXT] }
				}, 'error');
				bad = true;
			}
			// After a conflict the unit is unknown: no per-m² limits apply to that fee.
			let unit = bad ? null : (fromColumn ?? fromText ?? feeHeaderUnit ?? null);
			if (unit === null && feeUnitColumnMissing && values[feeK] !== null) {
				unit = 'per_m2_month';
				feeUnitDefaulted++;
			}
			values[feeUnitK] = unit;
		}
		// A price range fills the low and high prices when they are empty.
		if (priceRange && !bad) {
			const lowK = k('price_low');
			const highK = k('price_high');
			if (values[lowK] === null && values[highK] === null) {
				values[lowK] = priceRange.low!;
				values[highK] = priceRange.high!;
				const p = plan[priceK];
				sink.add(row, p.header, cellText(table.columns[p.src][r]), { code: 'range_kept', params: { low: priceRange.low!, high: priceRange.high!, mid: priceRange.fee } }, 'warning');
			} else {
				const p = plan[priceK];
				sink.add(row, p.header, cellText(table.columns[p.src][r]), { code: 'range_midpoint', params: { low: priceRange.low!, high: priceRange.high!, mid: priceRange.fee } }, 'warning');
			}
		}

		if (marketK && !bad) {
			const w = deriveMarketFee(values, marketK, marketCounts, marketHasText);
			if (w) sink.add(row, plan[marketK.feeText].header, cellText(table.columns[plan[marketK.feeText].src][r]), w, 'warning');
			if (values[marketK.refDate] === null && marketRefDate) {
				values[marketK.refDate] = marketRefDate;
				marketRefDateUsed++;
			}
		}
		if (!fileError) bad = checkRow(ctx, plan, rules, values, r, row, bad);
		for (let c = 0; c < width; c++) out[c][r] = values[c];

		// zod: the row schema has the last word on shape (only for rows with no problem found so far).
		if (!bad) {
			const obj: Record<string, unknown> = {};
			for (let c = 0; c < width; c++) obj[cols[c].name] = values[c];
			const z = schema.safeParse(obj);
			if (!z.success) {
				const issue = z.error!.issues[0];
				const name = String(issue.path[0] ?? '');
				const p = plan.find((q) => q.col.name === name);
				const cell = p && p.src >= 0 ? cellText(table.columns[p.src][r]) : null;
				sink.add(row, p?.header ?? null, cell, { code: 'schema', params: { detail: issue.message } }, 'error');
				bad = true;
			}
		}
		if (bad) invalid[r] = 1;
	}
	if (feeUnitDefaulted > 0) sink.add(null, null, null, { code: 'fee_unit_assumed' }, 'warning');
	const { unread: _unread, ...counts } = marketCounts;
	if (marketK && marketHasText && Object.values(counts).some((c) => c > 0)) {
		sink.add(null, plan[marketK.feeText].header, null, { code: 'listing_fee_summary', params: counts }, 'warning');
	}
	if (marketK && marketRefDateUsed > 0) sink.add(null, null, marketRefDate, { code: 'listing_ref_date', params: { date: marketRefDate!, from: table.titleLines.some((l) => findDateInText(l)) ? 'title' : findDateInText(table.file) ? 'file name' : 'file date' } }, 'warning');
	return { columns: out, rowNumbers: [...table.rowNumbers], sourceColumns: null, invalid, fileError };
}

/** Column indices used by the per-row rules, computed once per file. */
interface RuleColumns {
	readonly fee: number;
	readonly feeUnit: number;
	readonly opened: number;
	readonly closed: number;
	readonly price: number;
	readonly priceLow: number;
	readonly priceHigh: number;
	readonly ownersYes: number;
	readonly ownersParticipating: number;
	readonly ownersTotal: number;
	readonly areaYes: number;
	readonly areaParticipating: number;
	readonly areaTotal: number;
	readonly assessedAt: number;
	readonly assessmentResult: number;
}

function ruleColumns(plan: readonly ColumnPlan[]): RuleColumns {
	const at = (name: string) => plan.findIndex((p) => p.col.name === name);
	return {
		fee: at('fee'),
		feeUnit: at('fee_unit'),
		opened: at('opened_at'),
		closed: at('closed_at'),
		price: at('price'),
		priceLow: at('price_low'),
		priceHigh: at('price_high'),
		ownersYes: at('owners_yes'),
		ownersParticipating: at('owners_participating'),
		ownersTotal: at('owners_total'),
		areaYes: at('area_yes_m2'),
		areaParticipating: at('area_participating_m2'),
		areaTotal: at('area_total_m2'),
		assessedAt: at('last_assessed_at'),
		assessmentResult: at('last_assessment_result')
	};
}

function sourceText(table: SourceTable, p: ColumnPlan, r: number): string | null {
	return p.src >= 0 ? cellText(table.columns[p.src][r]) : null;
}

/** Required cells, ranges, fee limits and cross-field rules of one row. Returns whether the row is bad. */
function checkRow(ctx: RowContext, plan: readonly ColumnPlan[], rc: RuleColumns, values: unknown[], r: number, row: number, bad: boolean): boolean {
	const { sink, table, dataset } = ctx;
	for (let c = 0; c < plan.length; c++) {
		const p = plan[c];
		const v = values[c];
		if (v === null) {
			// A failed cell was reported already; an empty required cell is reported here. (A required column that
			// is absent is a file-level error, except fee_unit, filled from the fee, and a score period given once.)
			if (p.col.required && p.src >= 0 && isMissing(table.columns[p.src][r] as Cell)) {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'required' }, 'error');
				bad = true;
			}
			continue;
		}
		if (p.range && typeof v === 'number') {
			const issue = rangeIssue(p.range, v);
			if (issue) {
				sink.add(row, p.header, sourceText(table, p, r), issue, 'error');
				bad = true;
			}
		}
	}
	if (dataset === 'fees') {
		const fee = values[rc.fee];
		if (typeof fee === 'number' && fee > FEE_WARN_PER_M2 && values[rc.feeUnit] === 'per_m2_month') {
			const p = plan[rc.fee];
			if (fee > FEE_MAX_PER_M2) {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'fee_too_high', params: { fee, limit: FEE_MAX_PER_M2 } }, 'error');
				bad = true;
			} else {
				sink.add(row, p.header, sourceText(table, p, r), { code: 'fee_high', params: { fee, limit: FEE_WARN_PER_M2 } }, 'warning');
			}
		}
	}
	if (bad) return bad;
	if (dataset === 'tickets') {
		const opened = values[rc.opened] as string;
		const closed = values[rc.closed] as string | null;
		// The canonical text sorts like time.
		if (closed !== null && closed < opened) {
			const p = plan[rc.closed];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'closed_before_opened' }, 'error');
			return true;
		}
	} else if (dataset === 'guide_prices') {
		const price = values[rc.price] as number;
		const low = values[rc.priceLow] as number | null;
		const high = values[rc.priceHigh] as number | null;
		if ((low !== null && low > price) || (high !== null && price > high)) {
			const p = plan[rc.price];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'price_order' }, 'error');
			return true;
		}
	} else if (dataset === 'votes') {
		const g = (k: number) => values[k] as number;
		if (
			!(
				g(rc.ownersYes) <= g(rc.ownersParticipating) &&
				g(rc.ownersParticipating) <= g(rc.ownersTotal) &&
				g(rc.areaYes) <= g(rc.areaParticipating) &&
				g(rc.areaParticipating) <= g(rc.areaTotal)
			)
		) {
			const p = plan[rc.ownersYes];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'vote_order' }, 'error');
			return true;
		}
	} else if (dataset === 'facilities') {
		// An assessment result means nothing without its date (the district page shows both).
		if (rc.assessmentResult >= 0 && values[rc.assessmentResult] !== null && (rc.assessedAt < 0 || values[rc.assessedAt] === null)) {
			const p = plan[rc.assessmentResult];
			sink.add(row, p.header, sourceText(table, p, r), { code: 'assessment_without_date' }, 'error');
			return true;
		}
	}
	return false;
}

/** Melts a wide score sheet: one canonical row per estate, period and indicator cell that is not empty. */
async function normaliseWide(ctx: RowContext): Promise<Normalised> {
	const { table, sink, options } = ctx;
	const cols = DATASETS.scores.columns as readonly ColumnMeta[];
	const estateSrc = ctx.mapping.indexOf('estate_id');
	const periodSrc = ctx.mapping.indexOf('period');
	const scoreRange = rangeRule('scores', cols.find((c) => c.name === 'score')!)!;
	const indicators: { src: number; code: string; header: string; norm: CellNormaliser; points: number | undefined }[] = [];
	ctx.mapping.forEach((t, i) => {
		const code = indicatorOfTarget(t);
		if (code) {
			const header = table.headers[i];
			indicators.push({ src: i, code, header, norm: columnNormaliser('scores', 'score', header), points: headerHints(header).points });
		}
	});
	let fileError = false;
	const missing = (name: string) => {
		const col = cols.find((c) => c.name === name)!;
		sink.add(null, null, null, { code: 'missing_column', params: { name, columnZh: col.zh, columnEn: col.en } }, 'error');
		fileError = true;
	};
	if (estateSrc < 0) missing('estate_id');
	let periodConstant: string | undefined;
	if (periodSrc < 0) {
		if (ctx.constantPeriod) {
			periodConstant = ctx.constantPeriod.value;
			sink.add(null, null, periodConstant, { code: ctx.constantPeriod.from === 'given' ? 'period_given' : 'period_from_title', params: { period: periodConstant } }, 'warning');
		} else missing('period');
	}
	if (indicators.length === 0) missing('indicator');

	const estateNorm = columnNormaliser('scores', 'estate_id', estateSrc >= 0 ? table.headers[estateSrc] : '');
	const periodNorm = columnNormaliser('scores', 'period', periodSrc >= 0 ? table.headers[periodSrc] : '');
	const out: unknown[][] = cols.map(() => []);
	const rowNumbers: number[] = [];
	const sourceColumns: number[] = [];
	const invalidList: number[] = [];
	const n = table.rowCount;
	const started = now();

	for (let r = 0; r < n; r++) {
		if (r > 0 && r % CHUNK_ROWS === 0) await checkpoint(options, 'normalise', r, n, started);
		const row = table.rowNumbers[r];
		let keyBad = fileError || ctx.readErrorRows.has(row);
		let estate: string | null = null;
		let period: string | null = periodConstant ?? null;
		if (estateSrc >= 0) {
			const cell = table.columns[estateSrc][r];
			const res = estateNorm(cell);
			if (isError(res)) {
				sink.add(row, table.headers[estateSrc], cellText(cell), res.error, 'error');
				keyBad = true;
			} else if (res.value === null) {
				sink.add(row, table.headers[estateSrc], cellText(cell), { code: 'required' }, 'error');
				keyBad = true;
			} else estate = res.value as string;
		}
		if (periodSrc >= 0) {
			const cell = table.columns[periodSrc][r];
			const res = periodNorm(cell);
			if (isError(res)) {
				sink.add(row, table.headers[periodSrc], cellText(cell), res.error, 'error');
				keyBad = true;
			} else if (res.value === null) {
				sink.add(row, table.headers[periodSrc], cellText(cell), { code: 'required' }, 'error');
				keyBad = true;
			} else period = res.value as string;
		}
		for (const ind of indicators) {
			const cell = table.columns[ind.src][r];
			// An empty indicator cell is no score (a multi-storey estate has no elevator score).
			if (isMissing(cell)) continue;
			let bad = keyBad;
			let score: number | null = null;
			const res = ind.norm(cell);
			if (isError(res)) {
				sink.add(row, ind.header, cellText(cell), res.error, 'error');
				bad = true;
			} else {
				score = res.value as number | null;
				if (res.warnings) for (const w of res.warnings) sink.add(row, ind.header, cellText(cell), w, 'warning');
				let issue = score === null ? undefined : rangeIssue(scoreRange, score);
				// Out of range on the column's own scale ("保洁（15分）": 0 to 15), as the user wrote it.
				if (issue && ind.points) issue = { code: 'out_of_range', params: { min: 0, max: ind.points } };
				if (issue) {
					sink.add(row, ind.header, cellText(cell), issue, 'error');
					bad = true;
				}
			}
			out[0].push(estate);
			out[1].push(period);
			out[2].push(ind.code);
			out[3].push(score);
			out[4].push(sourceOfIndicator(ind.code));
			rowNumbers.push(row);
			sourceColumns.push(ind.src);
			if (bad) invalidList.push(rowNumbers.length - 1);
		}
	}
	const invalid = new Uint8Array(rowNumbers.length);
	for (const i of invalidList) invalid[i] = 1;
	return { columns: out, rowNumbers, sourceColumns, invalid, fileError };
}

// ---------------------------------------------------------------------------------------------------
// Checks over all rows, in DuckDB
// ---------------------------------------------------------------------------------------------------

/** What makes two rows of a dataset the same thing, and how bad a repeat is. */
export const NATURAL_KEYS: { readonly [K in DatasetId]: { readonly columns: readonly string[]; readonly severity: Severity } } = {
	estates: { columns: ['estate_id'], severity: 'error' },
	scores: { columns: ['estate_id', 'period', 'indicator', 'source'], severity: 'error' },
	fees: { columns: ['estate_id', 'year'], severity: 'error' },
	costs: { columns: ['estate_id', 'year', 'item'], severity: 'error' },
	tickets: { columns: ['ticket_id'], severity: 'error' },
	guide_prices: { columns: ['catalogue_id', 'building_type', 'grade'], severity: 'error' },
	unit_sizes: { columns: ['estate_id', 'unit_area_m2'], severity: 'warning' },
	votes: { columns: ['estate_id', 'motion'], severity: 'warning' },
	facilities: { columns: ['estate_id', 'facility', 'installed_year'], severity: 'warning' },
	fund_balances: { columns: ['estate_id', 'year'], severity: 'error' },
	// Scraped files repeat estates (several pages, several sites): a warning, both rows kept.
	market: { columns: ['name', 'area'], severity: 'warning' },
	survey_counts: { columns: ['estate_id', 'period', 'question', 'level'], severity: 'error' }
};

/** How the import set will be written, which decides what the checks compare against. */
export interface BulkCheckOptions {
	readonly mode: 'replace' | 'append';
	/** Canonical tables that exist now, if the caller knows ({@link existingTables}). */
	readonly existing?: ReadonlySet<DatasetId>;
}

/** Problems found over all rows, per staged file (same order), appended to each file's sink. */
export async function bulkChecks(engine: ImportEngine, staged: readonly StagedFile[], sinks: readonly ProblemSink[], options: BulkCheckOptions): Promise<void> {
	const existing = options.existing ?? (await existingTables(engine));
	const byDataset = new Map<DatasetId, number[]>();
	staged.forEach((s, i) => {
		const list = byDataset.get(s.dataset) ?? [];
		list.push(i);
		byDataset.set(s.dataset, list);
	});
	const check = checkTableName();
	/** Turns the rows of the check table into problems (up to the cap; the rest counted) and drops them if errors. */
	const report = async (
		s: StagedFile,
		sink: ProblemSink,
		code: string | ((r: Record<string, unknown>) => string),
		severity: Severity,
		cols: readonly string[],
		extra: (rows: readonly Record<string, unknown>[], facts: readonly RowFacts[]) => Promise<Record<string, string | number>[]>
	) => {
		const total = await engine.scalar(`SELECT count(*)::INTEGER FROM ${check}`);
		if (total === 0) return;
		const room = Math.max(0, sink.max - sink.problems.length);
		const rows = room > 0 ? await engine.rows(`SELECT * FROM ${check} ORDER BY _i LIMIT ${room}`) : [];
		const facts = rows.length > 0 ? await s.describe(rows.map((r) => r._i as number), cols) : [];
		const extras = await extra(rows, facts);
		rows.forEach((r, k) => {
			const { row, column, value, key } = facts[k];
			const c = typeof code === 'string' ? code : code(r);
			sink.add(row, column, value, { code: c, params: { key, ...extras[k] } }, severity);
		});
		const rest = total - rows.length;
		if (severity === 'error') sink.errors += rest;
		else sink.warnings += rest;
		if (severity === 'error') await engine.exec(`UPDATE ${s.table} SET _drop = true WHERE _i IN (SELECT _i FROM ${check})`);
	};

	/** Appending: repeats of rows already in the table. */
	const appendCheck = async (s: StagedFile, f: number) => {
		const key = NATURAL_KEYS[s.dataset];
		const on = key.columns.map((c) => `t.${sqlIdent(c)} = s.${sqlIdent(c)}`).join(' AND ');
		await engine.exec(
			`CREATE OR REPLACE TEMP TABLE ${check} AS
			 SELECT s._i FROM ${s.table} s WHERE NOT s._drop AND EXISTS (SELECT 1 FROM main.${sqlIdent(DATASETS[s.dataset].table)} t WHERE ${on})`
		);
		await report(s, sinks[f], 'duplicate_existing', key.severity, key.columns, async (rows) => rows.map(() => ({})));
	};

	try {
		// Estates first: references below only count estates that will land.
		const order = [...byDataset.keys()].sort((a, b) => (a === 'estates' ? -1 : b === 'estates' ? 1 : 0));
		for (const dataset of order) {
			const files = byDataset.get(dataset)!;
			const key = NATURAL_KEYS[dataset];
			const keyCols = key.columns.map(sqlIdent).join(', ');
			const union = files.map((f, j) => `SELECT ${j} AS _f, _i, ${keyCols} FROM ${staged[f].table} WHERE NOT _drop`).join(' UNION ALL ');
			// Most files have no repeats: one aggregate over a hash of the key says so (a hash collision only sends
			// us to the exact window query below), and the window query runs only when needed.
			const repeats = await engine.scalar(
				`SELECT count(*)::INTEGER FROM (SELECT 1 FROM (${union}) GROUP BY hash(${keyCols}) HAVING count(*) > 1)`
			);
			for (const [j, f] of files.entries()) {
				const s = staged[f];
				if (repeats === 0) {
					if (options.mode === 'append' && existing.has(dataset)) await appendCheck(s, f);
					continue;
				}
				// Repeats within the file and across the set: each row after the first of its key.
				await engine.exec(
					`CREATE OR REPLACE TEMP TABLE ${check} AS
					 SELECT _i, first_f, first_i FROM (
						SELECT _f, _i, first_value(_f) OVER w AS first_f, first_value(_i) OVER w AS first_i
						FROM (${union}) WINDOW w AS (PARTITION BY ${keyCols} ORDER BY _f, _i)
					 ) WHERE _f = ${j} AND NOT (first_f = _f AND first_i = _i)`
				);
				await report(s, sinks[f], (r) => (files[r.first_f as number] === f ? 'duplicate_key' : 'duplicate_key_file'), key.severity, key.columns, async (rows) => {
					// Source rows of the first rows with each key, asked of each first file once.
					const firstRows = new Map<string, number>();
					for (const ff of new Set(rows.map((r) => r.first_f as number))) {
						const is = [...new Set(rows.filter((r) => r.first_f === ff).map((r) => r.first_i as number))];
						const facts = await staged[files[ff]].describe(is, key.columns);
						is.forEach((i, k) => firstRows.set(`${ff}:${i}`, facts[k].row));
					}
					return rows.map((r) => {
						const first = staged[files[r.first_f as number]];
						const params: Record<string, string | number> = { firstRow: firstRows.get(`${r.first_f}:${r.first_i}`)! };
						if (first !== s) params.firstFile = first.prepared.file;
						return params;
					});
				});
				if (options.mode === 'append' && existing.has(dataset)) await appendCheck(s, f);
			}
		}

		// Estate references.
		const estateFiles = staged.filter((s) => s.dataset === 'estates');
		const useCurrent = existing.has('estates') && (options.mode === 'append' || estateFiles.length === 0);
		const known = [
			...estateFiles.map((s) => `SELECT estate_id FROM ${s.table} WHERE NOT _drop`),
			...(useCurrent ? ['SELECT estate_id FROM main.estates'] : [])
		];
		// Whether any estate is known at all (from the staged estates, else from the current table).
		const stagedEstates = estateFiles.length
			? await engine.scalar(`SELECT count(*)::INTEGER FROM (${estateFiles.map((s) => `SELECT 1 FROM ${s.table} WHERE NOT _drop`).join(' UNION ALL ')})`)
			: 0;
		const needsReferences = staged.some((s) => DATASETS[s.dataset].estateRef);
		const knownCount =
			!needsReferences || stagedEstates > 0 ? stagedEstates : useCurrent ? await engine.scalar('SELECT count(*)::INTEGER FROM main.estates') : 0;
		for (const [f, s] of staged.entries()) {
			if (!DATASETS[s.dataset].estateRef) continue;
			if (knownCount === 0) {
				sinks[f].add(null, null, null, { code: 'references_not_checked' }, 'warning');
				continue;
			}
			await engine.exec(
				`CREATE OR REPLACE TEMP TABLE ${check} AS
				 WITH known AS (${known.join(' UNION ')})
				 SELECT s._i FROM ${s.table} s WHERE NOT s._drop AND NOT EXISTS (SELECT 1 FROM known k WHERE k.estate_id = s.estate_id)`
			);
			await report(s, sinks[f], 'unknown_estate', 'error', ['estate_id'], async (_rows, facts) => facts.map((x) => ({ estate: x.key })));
		}
	} finally {
		await engine.exec(`DROP TABLE IF EXISTS ${check}`).catch(() => undefined);
	}
}

/** Canonical tables that exist now (outside the temporary schema). */
export async function existingTables(engine: ImportEngine): Promise<Set<DatasetId>> {
	const names = Object.values(DATASETS).map((d) => sqlString(d.table)).join(', ');
	const rows = await engine.rows(
		`SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' AND table_name IN (${names})`
	);
	return new Set(rows.map((r) => r.table_name as DatasetId));
}
