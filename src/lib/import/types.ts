/**
 * Shapes shared by the import modules: what a reader produces (a table of cells with source row numbers),
 * what a normaliser reports (an issue code with parameters), and what the user sees (a problem with the
 * row, column and value as written, and a message in Chinese and English).
 */

/** File formats the importer reads. 'xlsx' also covers legacy .xls workbooks (SheetJS reads both). */
export type SourceKind = 'csv' | 'xlsx' | 'parquet' | 'json';

/**
 * Text encodings the decoder recognises. UTF-16 only appears with a byte-order mark (Excel's
 * "Unicode text" export); GB18030 is a superset of GBK and GB2312, so it covers files saved by Chinese Excel.
 */
export type Encoding = 'utf-8-bom' | 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be' | 'mixed';

/** One cell as a reader hands it on: dates already turned into 'YYYY-MM-DD[ HH:MM:SS]' text. */
export type Cell = string | number | boolean | null;

/** Error or warning. Errors keep a row (or a whole file) out of the tables; warnings do not. */
export type Severity = 'error' | 'warning';

/** Parameters of an issue, interpolated into its message. */
export type IssueParams = Record<string, string | number>;

/** A machine-readable reason (see messages.ts for the codes and their texts). */
export interface Issue {
	readonly code: string;
	readonly params?: IssueParams;
}

/** One problem as the user sees it. */
export interface Problem {
	/** File name as given. */
	readonly file: string;
	/** Row as the user sees it in the source: Excel's row number (header rows counted) for CSV and xlsx,
	 *  the 1-based record position for JSON and parquet; null for a problem with the whole file. */
	readonly row: number | null;
	/** Source header as written; null for a file-level problem. */
	readonly column: string | null;
	/** Cell text as written (null when the problem is not about one cell). */
	readonly value: string | null;
	readonly code: string;
	readonly severity: Severity;
	readonly params: IssueParams;
	readonly message: { readonly zh: string; readonly en: string };
}

/**
 * A table read from a file: headers as written, cells by column (columns[c][r]) and, for each data row,
 * its row number as the user sees it in the source. The same shape for every format.
 */
export interface SourceTable {
	readonly file: string;
	readonly kind: SourceKind;
	readonly encoding?: Encoding;
	/** Sheet names of a workbook, in workbook order. */
	readonly sheets?: readonly string[];
	/** The sheet read. */
	readonly sheet?: string;
	/** 1-based source row of the header (Excel numbering); 0 for formats without a header row (JSON, parquet). */
	readonly headerRow: number;
	/** The header row the reader chose by itself (equal to headerRow unless the caller overrode it). */
	readonly detectedHeaderRow: number;
	readonly headers: readonly string[];
	readonly columns: readonly Cell[][];
	readonly rowNumbers: readonly number[];
	readonly rowCount: number;
	/** Text of the rows above the header (title rows such as "2024年第一季度考评汇总表"). */
	readonly titleLines: readonly string[];
	/** Problems found while reading (unclosed quotes, extra cells, summary rows skipped). */
	readonly problems: readonly Problem[];
	/** The summary rows left out (合计, 总计...), up to a few dozen, with their cells: a ledger's own totals to check against. */
	readonly summaryRows?: readonly SummaryRow[];
	/** Source rows with a reading error (field count, stray quote, undecodable text): kept out like rows with bad values. */
	readonly errorRows?: readonly number[];
	/** Read with {@link ReadOptions.lenient}. */
	readonly lenient?: boolean;
}

/** A summary row a reader left out: its source row, its label (合计, lower-cased) and its cells by column. */
export interface SummaryRow {
	readonly row: number;
	readonly label: string;
	readonly cells: readonly Cell[];
}

/** Options for every reader. */
export interface ReadOptions {
	/** Sheet to read (name or 0-based index); the first sheet by default. */
	readonly sheet?: string | number;
	/** 1-based source row holding the header, overriding detection (CSV and xlsx). */
	readonly headerRow?: number;
	/**
	 * Read a file stored before the reading rules (docs/sources.md §17) ({@link READ_RULES}): its row-level reading problems
	 * (field count, stray quotes, undecodable text, no final line end, no rows) are warnings, as they were when the
	 * user imported it, so a reload replays it as it was instead of dropping it.
	 */
	readonly lenient?: boolean;
	/** A last CSV row without a line end is an error however complete it is, as before reading rules 4 ({@link READ_RULES}). */
	readonly unendedLastRowIsError?: boolean;
}

/**
 * Version of the reading rules a stored import was accepted under (absent in older workspaces: before the reading rules
 * existed). 3: a column of dates under a title naming a quarter is read as that quarter (before: by month). 4: a last
 * CSV row without a line end is imported with a warning unless it is short of cells (before: an error), and periods
 * are also read as 2026-1Q, 1Q26 and Mar 2026 (before: errors). 5: a title naming a span of months or dates gives the
 * period the span covers (2025年7月至9月: 2025Q3) or none (a half year); before, the span's first month. A title naming
 * two years (2024-2025年度) gives no fee year; before, the year written before 年. 6: a coded column a header leaves open
 * is settled by its values (before: by the header alone), and a ticket's closing time written 未办结 or 处理中 is none,
 * still open (before: an error). 7: a date with a weekday written beside it (2024年3月5日（周二）) is read and the weekday
 * checked, and a year written as the number 2008.06 (a spreadsheet's year and month) is the year 2008 (before: errors).
 * 8: figures in the financial capitals (壹仟贰佰元), a sum of money as a receipt writes it (人民币…元整, 1200元5角) and a
 * form's boxes in a yes/no column (■, □, ☑有 ☐无) and a date-time's two-digit year before 年 (24年3月5日) are read
 * (before: errors). 9: a yes/no written with its count (有，2部, 有电梯4部, 是/2台) is the word when the count agrees with it
 * (before: an error). 10: 千 and 百 after digits (1.2千户, 5百户) and digits with units between them (3万2千, 1万零500) are
 * read, a last Chinese digit right after 百, 千, 万 or 亿 counts in the next unit down, as it is said (一千二 is 1,200), and
 * so does a last digit after 元 or 角 in a sum or a fee (一块二 is 1.2 元); a figure written 待查 or 未统计 is no value; a
 * remark after a comma (1.65元/㎡·月，车位另计), a comparison (>95%), the typed middle dot (元/㎡•月) and a unit in
 * brackets (元/(㎡·月)) are read (before: errors, and 1,002). 11: a time of day in words (早上8点, 夜里11点, 8点半,
 * 3:05 p.m.; 夜里2点, on either side of midnight, an error), w or k for 万 or 千 (3.2w㎡), a negative sum as accounts
 * write it ((1,200), 1,200-, △1200), a year with 前后 or 以前 (1998年前后) or two event words (1998年竣工交付), a rate or
 * fee written approximately (85%左右, 约1.65元/㎡·月), 。 typed for a fee's middle dot, 每月1.65元/㎡, a quarter in Roman
 * numerals (2025年第Ⅲ季度), a period with its assessment's name or a note in brackets (2025年第三季度考核, 2025Q3（7-9月）),
 * a tick after a yes or a no (有√ 无), a facility's name beside its quantity (2部电梯), a score over its full marks
 * (8.5/10), counts in ballots or answer sheets (1160票) and a date and its time of day in two columns (报修日期 +
 * 报修时间) are read (before: errors).
 * 12: a facilities register of one item per row with no quantity column (a lift register: 设备名称, 注册代码, 投入使用日期)
 * counts each row as one lift, pump set or system (before: the quantity column was missing); a cost sheet's breakdown
 * rows (1 管理人员工资 under 一 人员费用, 其中：…) and its tax and profit lines are left out (before: unknown items); 同上
 * in any column and a merged estate cell left blank take the value above (before: errors).
 * 13: a figure after its column's name (建筑面积30228㎡, 户数：1200, 建成于1989年) and a home's area per home (89.5㎡/套,
 * 二室一厅89.5㎡) are read (before: errors); an estates register saved as CSV with its 街道, type, form, firm or pricing
 * cells merged fills each blank from its group (before: blank, or an error where the column is required); a fund
 * centre's per-home ledger (分户账: 房号, 账户余额) is summed per estate and year (before: each home an estate's balance);
 * a bound in words (小于60㎡, 90㎡及以下), a run-together date (20250305 09:05) and a building form written as floors or
 * as the main form (18层, 多层为主) are read (before: errors).
 * 14: a two-digit year in Chinese digits (九八年, 〇五年, 九八年三月五日, 二五年第三季度) is read as 98年 is, 还建房 is
 * relocation housing, a 层数 column's bare numbers (6, 18) are floors, read as a building form, and a per-home fund
 * ledger's own 合计 row is checked against its homes' sum (a note when they differ) (before: errors; 〇五年 was the year 5, out of range).
 */
export const READ_RULES = 14;

/**
 * Thrown when a file cannot be read at all (not a workbook, broken JSON, ...). `code` and `params` say why in
 * the user's language (a problem code of messages.ts, with the position where known); `reason` keeps the
 * library's own text for logs, never for the interface.
 */
export class UnreadableFileError extends Error {
	readonly code: string;
	readonly params: IssueParams;
	constructor(
		readonly file: string,
		readonly reason: string,
		options?: { cause?: unknown; code?: string; params?: IssueParams }
	) {
		super(`${file}: ${reason}`, options);
		this.name = 'UnreadableFileError';
		this.code = options?.code ?? 'unreadable';
		this.params = { reason, ...options?.params };
	}
}

/** Phases of an import, in order. */
export type ImportPhase = 'read' | 'normalise' | 'stage' | 'check' | 'commit' | 'done';

/** Progress report: rows handled so far in this phase, the total when known, and the pace. */
export interface ImportProgress {
	readonly phase: ImportPhase;
	readonly rows: number;
	readonly totalRows: number | null;
	readonly rowsPerSecond: number;
}

/** Cancellation and progress, accepted by every long-running step. */
export interface RunOptions {
	/** Checked between chunks of rows; an abort leaves every table as it was. */
	readonly signal?: AbortSignal;
	readonly onProgress?: (p: ImportProgress) => void;
}
