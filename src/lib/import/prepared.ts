/**
 * What preparing a file gives: the options, the summary a report needs, the prepared rows, and the sink that
 * collects problems. Shared by the row checks (validate.ts), the bulk checks (bulk.ts) and staging (stage.ts).
 */
import type { DatasetId } from '../data/datasets';
import type { ColumnMapping, DatasetGuess, Layout } from './detect';
import type { ConversionReport } from './conversions/plan';
import type { Conversion, ValueMapAnswers } from './conversions/types';
import type { GroupScoring, IndicatorGroup } from './groups';
import { makeProblem } from './messages';
import type { Encoding, Issue, Problem, RunOptions, Severity, SourceKind } from './types';

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
	/** Conversions by header index (the person's or a recipe's): a conversion, null for none, undefined to choose from the cells. */
	readonly conversions?: readonly (Conversion | null | undefined)[];
	/** Indicator groups a wide sheet may score together (default: 设施设备运行 for the four facility indicators). */
	readonly groups?: readonly IndicatorGroup[];
	/** A group column's score given to its members ('spread', default) or kept at group level ('group'). */
	readonly groupScoring?: GroupScoring;
	/** The user's saved value-map answers (target column → word → code), read before the built-in vocabulary. */
	readonly valueAnswers?: ValueMapAnswers;
	/**
	 * False: a column of dates under a title naming a quarter is read by month, as before reading rules 3
	 * (READ_RULES, types.ts), so an import stored then replays as it was. Default: by that quarter.
	 */
	readonly quarterFromTitle?: boolean;
	/**
	 * True: periods are read only in the forms read before reading rules 4 (not 2026-1Q, 1Q26 or Mar 2026), so an
	 * import stored then, whose rows in those forms were dropped as errors, replays as it was.
	 */
	readonly periodsBeforeRules4?: boolean;
	/**
	 * True: a title's period and fee year are found as before reading rules 5, a span's first month (2025年7月至9月 as
	 * July) and the first year of two (2024-2025年度 as 2025), so an import stored then replays as it was accepted.
	 */
	readonly titleSpansBeforeRules5?: boolean;
	/**
	 * True: as before reading rules 6, columns are mapped by their headers alone (not settled by their values) and a
	 * ticket's closing time written 未办结 is an error, so an import stored then, whose such rows were dropped, replays as
	 * it was accepted.
	 */
	readonly valuesBeforeRules6?: boolean;
	/**
	 * True: as before reading rules 7, a date with a weekday written beside it and a year written as the number 2008.06
	 * are errors (their rows were dropped then).
	 */
	readonly valuesBeforeRules7?: boolean;
	/**
	 * True: as before reading rules 8, the financial capitals (壹仟贰佰), a receipt's words (人民币, 圆, 整; 角 and 分 in a sum
	 * of money), a form's boxes in a yes/no column (■, □, ☑有 ☐无) and a date-time's two-digit year (24年3月5日) are not
	 * read (their rows were dropped then).
	 */
	readonly valuesBeforeRules8?: boolean;
	/** True: as before reading rules 9, a yes/no written with its count (有，2部) is not read (its rows were dropped then). */
	readonly valuesBeforeRules9?: boolean;
	/**
	 * True: as before reading rules 10, 千 and 百 after digits (1.2千户) and digits with units between them (3万2千) are not
	 * read, nor a fee said as 一块二 (their rows were dropped then), and 一千二 is 1,002.
	 */
	readonly valuesBeforeRules10?: boolean;
	/**
	 * True: as before reading rules 11, a time of day in words (早上, 夜里, 8点半), w or k for 万 or 千, a negative sum as
	 * accounts write it, a year with 前后 or 以前, a rate or fee written approximately, a quarter in Roman numerals, a period
	 * with words around it, a tick after a yes or a no, a facility's name beside its quantity, a score over its full
	 * marks and a date and its time of day in two columns are not read (their rows were dropped then).
	 */
	readonly valuesBeforeRules11?: boolean;
	/**
	 * The estate column was made by a recipe from names or a title (recipes/apply.ts): its empty cells are names not
	 * found, never merged cells to read from above.
	 */
	readonly estateColumnMade?: boolean;
	/**
	 * True: as before reading rules 12, a facilities sheet without a quantity column is missing it (one item per row is
	 * not read), a cost sheet's breakdown, tax and profit rows are read as items, and 同上 and blank estate cells are not
	 * read from above.
	 */
	readonly valuesBeforeRules12?: boolean;
	/**
	 * True: as before reading rules 13, a figure after its column's name (户数：1200) and a home's area per home
	 * (89.5㎡/套) are errors, an estates register's merged 街道 (type, firm) cells left blank stay blank, and a per-home
	 * fund ledger's homes are not summed.
	 */
	readonly valuesBeforeRules13?: boolean;
	/**
	 * True: as before reading rules 14, a two-digit year in Chinese digits (九八年, 〇五年, 二五年第三季度), 还建房 and bare
	 * floors under 层数 (18) are errors.
	 */
	readonly valuesBeforeRules14?: boolean;
	/** A per-home fund ledger's home column (房号), found by a recipe that does not import it: the rows are summed per estate. */
	readonly homeColumn?: string;
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
	/** Source rows (as the person sees them in Excel) with at least one error; differs from invalidRows in wide sheets. */
	readonly invalidSourceRows: number;
	/**
	 * Those source rows, for a wide sheet only (a long file's rows are its source rows): with the rows the bulk
	 * checks drop they give the source rows an import without errors leaves out (FileReport.invalidSourceRows).
	 */
	readonly invalidSourceRowList?: readonly number[];
	/** Estates file: ids of the estates whose rows have errors (rows of other files naming them are one cascade). */
	readonly failedEstateIds?: readonly string[];
	/** A facilities register of one item per row (no quantity column): rows alike are items alike, not repeats. */
	readonly itemPerRow?: boolean;
	/** Conversions applied, samples of what they give, and the value maps of coded columns. */
	readonly conversions: ConversionReport;
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
		invalidSourceRows: p.invalidSourceRows,
		invalidSourceRowList: p.invalidSourceRowList,
		conversions: p.conversions,
		failedEstateIds: p.failedEstateIds,
		itemPerRow: p.itemPerRow,
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

