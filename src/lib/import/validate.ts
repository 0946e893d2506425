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
import { costRowsLeftOut, withoutRows } from './cost-breakdown';
import { AboveFill } from './fill-down';
import { detectDataset, indicatorOfTarget, neededColumns, readByValues, sourceOfIndicator, takesTitleYear, type ColumnMapping, type Layout } from './detect';
import { CHUNK_ROWS, DEFAULT_MAX_PROBLEMS, ProblemSink, type PrepareOptions, type PreparedImport } from './prepared';
import { checkpoint, now } from './progress';
import { dateTimePairs, withJoinedDateTimes } from './date-time-columns';
import { checkRow, countedItem, FEE_UNIT_TEXT, rangeRule, ruleColumns, type ColumnPlan, type Normalised, type RowContext } from './row-checks';
import type { Cell, SourceTable } from './types';
import { beforeRules4, stillOpenBeforeRules6, weekdaysBeforeRules7, yearNumberBeforeRules7, valuesBeforeRules8, booleansBeforeRules9, figuresBeforeRules10, valuesBeforeRules11, isFigureColumn, knownWhenRequired, cellText, findPeriodInTitle, findYearInTitle, findYearSpanInTitle, headerHints, isError, parsePeriod, type FeeValue } from './values';
import { normaliseWide } from './wide';
import { rowSchemaChecker } from './row-schema';
import { groupOfTarget } from './groups';
import { convertedNormaliser, planConversions } from './conversions/plan';
import { YEAR_COLUMNS } from './conversions/dates';
import { UnknownWords } from './conversions/unknown-words';
import { TitlePeriodCheck } from './title-period';
import { firstTexts } from './detect-values';
import { valuesBeforeRules13 } from './values/rules13';
import { valuesBeforeRules14 } from './values/rules14';
import { mergedGroupsFilled } from './estate-groups';
import { homeColumn, perHomeSummed } from './per-home-fund';
import { MotionKinds } from './motion-kinds';

export { ProblemSink, type PrepareOptions, type PreparedImport } from './prepared';
export { bulkChecks } from './bulk';

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
		const p = findPeriodInTitle(table.titleLines, { spans: !options.titleSpansBeforeRules5 });
		if (p) constantPeriod = { value: p, from: 'title' };
	}

	const guess = detectDataset(table.headers, { dataset: options.dataset, periodKnown: constantPeriod !== undefined, yearKnown: findYearInTitle(table.titleLines) !== undefined, groups: options.groups, cells: options.valuesBeforeRules6 ? undefined : table.columns });
	const dataset = options.dataset ?? guess.dataset;
	const layout: Layout =
		options.layout ?? (options.mapping ? (options.mapping.some((t) => indicatorOfTarget(t) || groupOfTarget(t)) ? 'wide' : 'long') : guess.layout);
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
	// A header without rows would empty the dataset on "replace" (docs/sources.md §17): an error, so nothing commits.
	if (table.rowCount === 0) sink.add(null, null, null, { code: 'no_rows' }, table.lenient ? 'warning' : 'error');

	// A date and its time of day in two columns (报修日期 + 报修时间): read as one, said once (reading rules 11).
	const pairs = options.valuesBeforeRules11 ? [] : dateTimePairs(table, dataset, mapping);
	for (const p of pairs) sink.add(null, table.headers[p.into], null, { code: 'date_time_joined', params: { date: table.headers[p.date], time: table.headers[p.time] } }, 'warning');
	const partners = new Set(pairs.map((p) => (p.into === p.date ? p.time : p.date)));

	// Header-level findings: duplicates, ignored columns, units written in headers.
	const taken = new Map<string, number>();
	table.headers.forEach((h, i) => {
		const target = mapping[i] ?? null;
		if (partners.has(i)) return;
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
		// Said whenever the column is read as its values suggested, as the data page passes the mapping it showed.
		if (readByValues(guess, dataset, i, target)) {
			const col = (DATASETS[dataset].columns as readonly ColumnMeta[]).find((c) => c.name === target);
			if (col) sink.add(null, h, null, { code: 'mapped_by_values', params: { examples: firstTexts(table.columns[i], 3).join('、'), columnZh: col.zh, columnEn: col.en } }, 'warning');
		}
		const hints = headerHints(h);
		if (hints.points && (target === 'score' || indicatorOfTarget(target) || groupOfTarget(target))) {
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

	// Conversions (count → yes/no, date → year or period, unit words, value maps) are applied before validation.
	const joined = withJoinedDateTimes(table, pairs);
	// A cost sheet's breakdown rows and its tax and profit lines are not cost items: left out, each said (rules 12).
	const leftOut = dataset === 'costs' && !options.valuesBeforeRules12 ? costRowsLeftOut(joined, effective) : null;
	// An estates register's 街道 (type, firm) cells merged over a group, saved as CSV: each blank takes its group's (rules 13).
	const grouped = dataset === 'estates' && !options.valuesBeforeRules13 ? mergedGroupsFilled(joined, effective) : null;
	for (const p of [...(leftOut?.problems ?? []), ...(grouped?.problems ?? [])]) sink.push(p);
	const read = leftOut ? withoutRows(joined, leftOut.rows) : (grouped?.table ?? joined);
	const conversions = planConversions(read, dataset, effective, options.conversions, options.valueAnswers, {
		titlePeriod: constantPeriod?.from === 'title' && options.quarterFromTitle !== false ? constantPeriod.value : undefined,
		...(options.valuesBeforeRules9 ? { yesNoBeforeRules9: true } : {})
	});
	const ctx: RowContext = { table: read, dataset, sink, options, constantPeriod, mapping: effective, conversions: conversions.conversions, readErrorRows: new Set(table.errorRows ?? []) };
	const rows = layout === 'wide' && dataset === 'scores' ? await normaliseWide(ctx) : await normaliseLong(ctx);
	// A fund centre's per-home ledger (分户账): an estate's fund is its homes' accounts summed (reading rules 13).
	const home = dataset === 'fund_balances' && !options.valuesBeforeRules13 ? (options.homeColumn ?? homeColumn(read.headers, effective)) : undefined;
	const result = home ? perHomeSummed(rows, home, sink, { table: read, mapping: effective }) : rows;
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
		invalidSourceRows: countSourceRows(result.invalid, result.rowNumbers),
		...(layout === 'wide' ? { invalidSourceRowList: sourceRowList(result.invalid, result.rowNumbers) } : {}),
		conversions,
		...(dataset === 'estates' ? { failedEstateIds: failedIds(result) } : {}),
		...(result.itemPerRow ? { itemPerRow: true } : {}),
		problems: sink.problems,
		counts: { errors: sink.errors, warnings: sink.warnings },
		fileError
	};
}

/** Notes said once per column and kind, with the first cell and the row count (their code + '_rows'). */
const SAID_PER_COLUMN: ReadonlySet<string> = new Set(['label_before_figure', 'area_per_home', 'compact_date', 'building_form_floors', 'building_form_from_floors', 'building_form_mainly']);

/** Ids of the estates whose rows have errors (capped: the cascade summary names a few and counts the rest). */
function failedIds(result: Normalised): string[] {
	const ids = new Set<string>();
	const col = result.columns[0];
	for (let i = 0; i < result.invalid.length && ids.size < 10_000; i++) if (result.invalid[i] && typeof col[i] === 'string') ids.add(col[i] as string);
	return [...ids];
}

/** Distinct source rows among the invalid canonical rows (a wide sheet's row counts once, not once per cell). */
function countSourceRows(invalid: Uint8Array, rowNumbers: readonly number[]): number {
	const rows = new Set<number>();
	for (let i = 0; i < invalid.length; i++) if (invalid[i]) rows.add(rowNumbers[i]);
	return rows.size;
}

function sourceRowList(invalid: Uint8Array, rowNumbers: readonly number[]): number[] {
	const rows = new Set<number>();
	for (let i = 0; i < invalid.length; i++) if (invalid[i]) rows.add(rowNumbers[i]);
	return [...rows];
}

function countOnes(a: Uint8Array): number {
	let n = 0;
	for (let i = 0; i < a.length; i++) n += a[i];
	return n;
}

function empty(
	base: Omit<PreparedImport, 'dataset' | 'layout' | 'mapping' | 'rowCount' | 'columns' | 'rowNumbers' | 'sourceColumns' | 'invalid' | 'invalidRows' | 'invalidSourceRows' | 'conversions' | 'problems' | 'counts' | 'fileError'>,
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
		invalidSourceRows: 0,
		conversions: { conversions: [], auto: [], samples: [], valueMaps: [] },
		problems: sink.problems,
		counts: { errors: sink.errors, warnings: sink.warnings },
		fileError: true
	};
}
/** Whether a normalised value is its source cell as it is (0 and -0 told apart, as a stored number would be). */
function sameValue(value: unknown, cell: Cell): boolean {
	return value === cell && (value !== 0 || 1 / value === 1 / (cell as number));
}

/** A column of `n` values: the source's first `r` cells, then `value` at row `r` (the rest filled by the caller). */
function ownColumn(source: readonly Cell[], r: number, value: unknown, n: number): unknown[] {
	const column: unknown[] = new Array(n);
	for (let i = 0; i < r; i++) column[i] = source[i];
	column[r] = value;
	return column;
}

async function normaliseLong(ctx: RowContext): Promise<Normalised> {
	const { table, dataset, sink, options } = ctx;
	const meta = DATASETS[dataset];
	const cols = meta.columns as readonly ColumnMeta[];
	const plan: ColumnPlan[] = cols.map((col) => {
		const src = ctx.mapping.indexOf(col.name);
		const header = src >= 0 ? table.headers[src] : null;
		const converted = src >= 0 ? convertedNormaliser(dataset, col, header ?? '', ctx.conversions[src], options.valueAnswers) : null;
		const norm = converted && col.required ? knownWhenRequired(converted) : converted;
		const read = norm && col.name === 'period' && options.periodsBeforeRules4 ? beforeRules4(norm) : norm;
		const stillOpen = read && col.name === 'closed_at' && options.valuesBeforeRules6 ? stillOpenBeforeRules6(read) : read;
		const before7 = stillOpen && options.valuesBeforeRules7 ? (col.type === 'TIMESTAMP' ? weekdaysBeforeRules7(stillOpen) : YEAR_COLUMNS.has(col.name) ? yearNumberBeforeRules7(stillOpen) : stillOpen) : stillOpen;
		const before8 = before7 && options.valuesBeforeRules8 && dataset !== 'market' ? valuesBeforeRules8(col, before7) : before7;
		const before9 = before8 && options.valuesBeforeRules9 && col.type === 'BOOLEAN' ? booleansBeforeRules9(before8) : before8;
		const before10 = before9 && options.valuesBeforeRules10 && dataset !== 'market' && isFigureColumn(col) ? figuresBeforeRules10(before9) : before9;
		const before11 = before10 && options.valuesBeforeRules11 && dataset !== 'market' ? valuesBeforeRules11(col, before10) : before10;
		const before13 = before11 && options.valuesBeforeRules13 ? valuesBeforeRules13(before11) : before11;
		return { col, src, header, norm: before13 && options.valuesBeforeRules14 ? valuesBeforeRules14(col, before13) : before13, range: rangeRule(dataset, col) };
	});
	const k = (name: string) => cols.findIndex((c) => c.name === name);

	// Missing required columns are file-level errors, named in Chinese and English.
	let fileError = false;
	const feeUnitColumnMissing = dataset === 'fees' && plan[k('fee_unit')].src < 0;
	let periodConstant: string | undefined;
	let yearConstant: number | undefined;
	let onePerRow = false;
	let kinds: MotionKinds | null = null;
	const titleYear = takesTitleYear(dataset) ? findYearInTitle(table.titleLines, { spans: !options.titleSpansBeforeRules5 }) : undefined;
	// A fee sheet's unit and a score sheet's source can be missing: the unit defaults, the source follows the indicator.
	const needed = new Set(neededColumns(dataset));
	for (const p of plan) {
		if (!needed.has(p.col.name) || p.src >= 0) continue;
		// A sheet without a year column (fees, costs, fund balances) takes the year its title names (2025年物业服务收费标准),
		// as a ledger's recipe does.
		if (p.col.name === 'year' && titleYear !== undefined) {
			yearConstant = titleYear;
			sink.add(null, null, String(yearConstant), { code: 'year_from_title', params: { year: yearConstant } }, 'warning');
			continue;
		}
		// A register of one lift (pump set, system) per row has no quantity: each row is one (reading rules 12).
		if (dataset === 'facilities' && p.col.name === 'quantity' && !options.valuesBeforeRules12) {
			onePerRow = true;
			sink.add(null, null, null, { code: 'quantity_one_per_row' }, 'warning');
			continue;
		}
		// A vote sheet without 事项类别: each motion's kind from its words (art. 278, §8; reading rules 13).
		if (dataset === 'votes' && p.col.name === 'motion_kind' && !options.valuesBeforeRules13) {
			kinds = new MotionKinds();
			continue;
		}
		if (dataset === 'scores' && p.col.name === 'period' && ctx.constantPeriod) {
			periodConstant = ctx.constantPeriod.value;
			sink.add(null, null, periodConstant, { code: ctx.constantPeriod.from === 'given' ? 'period_given' : 'period_from_title', params: { period: periodConstant } }, 'warning');
			continue;
		}
		// A title naming two years is why the year is missing: say so, with the title, rather than only the column.
		const span = p.col.name === 'year' && takesTitleYear(dataset) && !options.titleSpansBeforeRules5 ? findYearSpanInTitle(table.titleLines) : undefined;
		if (span) sink.add(null, null, span.title, { code: 'year_title_two_years', params: { from: span.from, to: span.to } }, 'error');
		else sink.add(null, null, null, { code: 'missing_column', params: { name: p.col.name, columnZh: p.col.zh, columnEn: p.col.en } }, 'error');
		fileError = true;
	}

	const n = table.rowCount;
	const width = cols.length;
	// A column whose every value is its source cell as read (ids, periods, codes already in canonical form) is the
	// source column itself: no new column of a million values (fresh memory is dear: docs/performance.md, session 24).
	// The first value that differs gives the column its own array.
	const sourceOf: (readonly Cell[] | null)[] = plan.map((p) => (p.src >= 0 ? table.columns[p.src] : null));
	const out: (unknown[] | null)[] = sourceOf.map((source) => (source ? null : new Array(n)));
	const invalid = new Uint8Array(n);
	const schemaIssue = rowSchemaChecker(meta.schema, cols.map((c) => c.name));
	const feeK = dataset === 'fees' ? k('fee') : -1;
	const feeUnitK = dataset === 'fees' ? k('fee_unit') : -1;
	const feeHeaderUnit = feeK >= 0 && plan[feeK].header ? headerHints(plan[feeK].header!).feeUnit : undefined;
	const priceK = dataset === 'guide_prices' ? k('price') : -1;
	const quantityK = dataset === 'facilities' ? k('quantity') : -1;
	const facilityK = dataset === 'facilities' ? k('facility') : -1;
	const periodK = dataset === 'scores' ? k('period') : -1;
	const sourceFromIndicator = dataset === 'scores' && plan[k('source')].src < 0;
	const sourceK = dataset === 'scores' ? k('source') : -1;
	const indicatorK = dataset === 'scores' ? k('indicator') : -1;
	const sourcesAssumed = { inspection: 0, satisfaction: 0 };
	const titlePeriod = TitlePeriodCheck.of(ctx, periodK >= 0 && plan[periodK].src >= 0);
	let feeUnitDefaulted = 0;
	let feeUnitCellsDefaulted = 0;
	// Market references: derived fee columns, counts reported once, and the file's reference date.
	const marketK: MarketColumns | null =
		dataset === 'market'
			? { feeText: k('fee_text'), low: k('fee_low'), high: k('fee_high'), mid: k('fee_mid'), unit: k('fee_unit'), perDay: k('fee_per_day'), forms: k('fee_forms'), refDate: k('ref_date') }
			: null;
	const marketCounts: MarketFeeCounts = { ranges: 0, perHousehold: 0, perDay: 0, perYear: 0, forms: 0, noValue: 0, unread: 0 };
	const marketHasText = marketK !== null && plan[marketK.feeText].src >= 0;
	const marketRefDate = marketK ? fileRefDate(table.titleLines, table.file, options.refDate) : null;
	let marketRefDateUsed = 0;
	const values: unknown[] = new Array(width);
	const above = options.valuesBeforeRules12 ? null : new AboveFill(meta.estateRef && !options.estateColumnMade ? k('estate_id') : -1, cols.map((col) => col.type === 'VARCHAR' && !col.values));
	let lastFee: FeeValue | null = null;
	const rules = ruleColumns(plan);
	const unknownWords = new UnknownWords();
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
				values[c] = c === periodK && periodConstant ? periodConstant : p.col.name === 'year' && yearConstant !== undefined ? yearConstant : null;
				if (c === quantityK && onePerRow) bad = countedItem(values[facilityK], row, sink, plan[facilityK].header, values, c) || bad;
				if (kinds && p.col.name === 'motion_kind') bad = kinds.read(values, c, k('motion'), row, plan[k('motion')].header, sink) || bad;
				continue;
			}
			const cell = table.columns[p.src][r];
			const res = p.norm!(cell);
			if (isError(res)) {
				// 同上, or a merged estate cell left blank: the row above's value (reading rules 12).
				const from = above && c !== priceK ? above.take(c, cell, c === feeK ? lastFee : values[c], row) : undefined;
				if (from !== undefined) {
					if (c === feeK) feeValue = from as FeeValue;
					values[c] = c === feeK ? (from as FeeValue).fee : from;
					continue;
				}
				// An unknown word is one problem per column and word, with its row count (asked once), not one per row.
				if (res.error.code === 'bad_enum') unknownWords.note(c, row, cellText(cell), res.error);
				else sink.add(row, p.header, cellText(cell), res.error, 'error');
				values[c] = null;
				bad = true;
				continue;
			}
			let v = res.value;
			// A merged estate cell left blank, or 同上 in a column of names: the value above (reading rules 12).
			if (above && (v === null || above.freeText[c])) v = above.read(c, cell, v, values[c], row) as typeof v;
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
			if (warnings) {
				for (const w of warnings) {
					// A word read by a rule (未办结: still open) is said once per column and word, with its row count.
					if (w.code === 'ticket_still_open') unknownWords.note(c, row, cellText(cell), w, 'warning');
					// A two-digit year (24年3月5日, '98年') is said once per column and year, with its rows: a ticket export
					// writes it in every row, and a note per cell would fill the list before its errors.
					else if (w.code === 'year_two_digit') unknownWords.note(c, row, String(w.params?.text ?? ''), { code: 'year_two_digit_rows', params: w.params }, 'warning');
					// A yes/no with its count (有，2部): said once per column, with the first cell and the row count.
					else if (w.code === 'yes_no_with_count') unknownWords.note(c, row, cellText(cell), { code: 'yes_no_count_rows', params: w.params }, 'warning', w.code);
					// 户数：1200, 89.5㎡/套, 20250305, 18层 (rules 13): once per column and kind, with its row count.
					else if (SAID_PER_COLUMN.has(w.code)) unknownWords.note(c, row, cellText(cell), { code: `${w.code}_rows`, params: w.params }, 'warning', w.code);
					else sink.add(row, p.header, cellText(cell), w, 'warning');
				}
			}
			values[c] = v;
		}
		if (feeValue) lastFee = feeValue;
		if (periodK >= 0) titlePeriod.note(values[periodK]);
		if (sourceFromIndicator && typeof values[indicatorK] === 'string') {
			const source = sourceOfIndicator(values[indicatorK] as string);
			values[sourceK] = source;
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
			// No unit anywhere (no column, or its cell left empty): per m² per month, the convention for property fees, said once.
			if (unit === null && !bad && values[feeK] !== null) {
				unit = 'per_m2_month';
				if (feeUnitColumnMissing) feeUnitDefaulted++;
				else feeUnitCellsDefaulted++;
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
		for (let c = 0; c < width; c++) {
			const column = out[c];
			if (column !== null) column[r] = values[c];
			else if (!sameValue(values[c], sourceOf[c]![r])) out[c] = ownColumn(sourceOf[c]!, r, values[c], n);
		}

		// zod: the row schema has the last word on shape (only for rows with no problem found so far).
		if (!bad) {
			const issue = schemaIssue(values);
			if (issue) {
				const name = String(issue.path[0] ?? '');
				const p = plan.find((q) => q.col.name === name);
				const cell = p && p.src >= 0 ? cellText(table.columns[p.src][r]) : null;
				sink.add(row, p?.header ?? null, cell, { code: 'schema', params: { detail: issue.message } }, 'error');
				bad = true;
			}
		}
		if (bad) invalid[r] = 1;
		else if (sourceFromIndicator) sourcesAssumed[values[sourceK] as 'inspection' | 'satisfaction']++;
	}
	unknownWords.report(sink, (c) => plan[c].header);
	kinds?.report(sink);
	for (const p of above?.report(table.file, (c) => plan[c].header) ?? []) sink.push(p);
	if (periodK >= 0) titlePeriod.report(ctx, plan[periodK].header);
	if (sourceFromIndicator && sourcesAssumed.inspection + sourcesAssumed.satisfaction > 0) sink.add(null, null, null, { code: 'source_from_indicator', params: sourcesAssumed }, 'warning');
	if (feeUnitDefaulted > 0) sink.add(null, null, null, { code: 'fee_unit_assumed' }, 'warning');
	if (feeUnitCellsDefaulted > 0) sink.add(null, plan[feeUnitK].header, null, { code: 'fee_unit_cells_assumed', params: { rows: feeUnitCellsDefaulted } }, 'warning');
	const { unread: _unread, ...counts } = marketCounts;
	if (marketK && marketHasText && Object.values(counts).some((c) => c > 0)) {
		sink.add(null, plan[marketK.feeText].header, null, { code: 'listing_fee_summary', params: counts }, 'warning');
	}
	if (marketK && marketRefDateUsed > 0) sink.add(null, null, marketRefDate, { code: 'listing_ref_date', params: { date: marketRefDate!, from: table.titleLines.some((l) => findDateInText(l)) ? 'title' : findDateInText(table.file) ? 'file name' : 'file date' } }, 'warning');
	// The source table's row numbers are never changed by anyone: shared, not copied.
	return { columns: out.map((column, c) => column ?? (sourceOf[c] as unknown[])), rowNumbers: table.rowNumbers, sourceColumns: null, invalid, fileError, ...(onePerRow ? { itemPerRow: true } : {}) };
}
