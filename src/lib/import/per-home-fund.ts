/**
 * A maintenance fund's per-home ledger (分户账, reading rules 13, docs/sources.md §11 and §18.4): the fund centre's
 * statement of every home's account (房号, 业主姓名, 交存, 利息, 账户余额). An estate's fund is the sum of its homes'
 * accounts, so the rows are summed per estate and year, to the fen, into one row each, said once. An estate whose
 * homes' rows have an error is not summed: a total without some homes would understate the fund. The ledger's own
 * 合计 (or 总计) row, which the reader left out, is checked against the homes' sum (reading rules 14).
 */
import { DATASETS, type ColumnMeta } from '../data/datasets';
import type { ProblemSink } from './prepared';
import type { Normalised } from './row-checks';
import type { SourceTable } from './types';
import { cellText, columnNormaliser, isError } from './values';
import { fenToYuan, formatFen, sumFen, toFen } from '../domain/money';

/** The ledger a per-home statement was read from: its summary rows and which header is the balance. */
export interface Ledger {
	readonly table: Pick<SourceTable, 'headers' | 'summaryRows'>;
	readonly mapping: readonly (string | null)[];
}

/** Labels of a ledger's grand total (小计 rows are an estate's or a building's, not the whole ledger's). */
const GRAND_TOTAL = new Set(['合计', '总计']);

/**
 * The ledger's one grand-total row against the sum of its homes (in fen), said when they differ: homes missing or
 * repeated, or a total typed by hand. Nothing is said when the ledger has no such row, or several (one per estate).
 */
function checkLedgerTotal(ledger: Ledger, homesFen: number, homes: number, sink: ProblemSink): void {
	const src = ledger.mapping.indexOf('balance_yuan');
	const totals = (ledger.table.summaryRows ?? []).filter((s) => GRAND_TOTAL.has(s.label));
	if (src < 0 || totals.length !== 1) return;
	const [total] = totals;
	const header = ledger.table.headers[src] ?? '';
	const read = columnNormaliser('fund_balances', 'balance_yuan', header)(total.cells[src] ?? null);
	if (isError(read) || read.value === null || read.value === undefined) return;
	const totalFen = toFen(Number(read.value));
	if (totalFen === homesFen) return;
	sink.add(total.row, header, cellText(total.cells[src] ?? ''), {
		code: 'fund_ledger_total_differs',
		params: { label: total.label, total: formatFen(totalFen, true), homes, sum: formatFen(homesFen, true), diff: formatFen(Math.abs(totalFen - homesFen), true) }
	}, 'warning');
}

/** Headers that name a home or its owner: a statement with one of them lists homes, not estates. */
const HOME_HEADER = /^(?:房号|户号|房屋编号|房屋号|房间号|室号|门牌号?|房屋坐落|坐落|房屋地址|分户账号|分户账户|业主姓名|业主名称|业主|户主|产权人|缴存人|交存人)$/;

/** The header of a column that names each row's home, or undefined: only columns the import does not read count. */
export function homeColumn(headers: readonly string[], mapping: readonly (string | null)[]): string | undefined {
	return headers.find((h, i) => mapping[i] === null && HOME_HEADER.test(h.replace(/[\s(（][^)）]*[)）]?$/, '').replace(/\s+/g, '')));
}

/**
 * The rows of a per-home ledger summed per estate and year (one home is summed too: its row is no estate's fund), and
 * the ledger's own total checked against them when every home was read.
 */
export function perHomeSummed(result: Normalised, home: string, sink: ProblemSink, ledger?: Ledger): Normalised {
	const cols = DATASETS.fund_balances.columns as readonly ColumnMeta[];
	const at = (name: string) => cols.findIndex((c) => c.name === name);
	const [estateK, yearK, balanceK, contributionK] = [at('estate_id'), at('year'), at('balance_yuan'), at('annual_contribution_yuan')];
	const groups = new Map<string, number[]>();
	const alone: number[] = [];
	for (let r = 0; r < result.rowNumbers.length; r++) {
		const [estate, year] = [result.columns[estateK][r], result.columns[yearK][r]];
		if (estate === null || estate === undefined || year === null || year === undefined) {
			alone.push(r);
			continue;
		}
		const key = `${String(estate)}\u0000${String(year)}`;
		const rows = groups.get(key);
		if (rows) rows.push(r);
		else groups.set(key, [r]);
	}
	const columns: unknown[][] = cols.map(() => []);
	const rowNumbers: number[] = [];
	const invalid: number[] = [];
	const keep = (r: number, bad: boolean, sums?: { balance: number; contribution: number | null }) => {
		cols.forEach((_, c) => columns[c].push(result.columns[c][r]));
		if (sums) {
			columns[balanceK][columns[balanceK].length - 1] = sums.balance;
			columns[contributionK][columns[contributionK].length - 1] = sums.contribution;
		}
		rowNumbers.push(result.rowNumbers[r]);
		invalid.push(bad ? 1 : 0);
	};
	let homes = 0;
	let summed = 0;
	let example: string | null = null;
	let allFen = 0;
	let unread = alone.length;
	for (const rows of groups.values()) {
		const bad = rows.filter((r) => result.invalid[r]).length;
		if (bad > 0) {
			unread += bad;
			const first = rows[0];
			sink.add(result.rowNumbers[first], home, String(result.columns[estateK][first]), { code: 'fund_homes_not_summed', params: { homes: rows.length, bad, year: String(result.columns[yearK][first]) } }, 'error');
			keep(first, true);
			continue;
		}
		const contributions = rows.map((r) => result.columns[contributionK][r]).filter((v) => v !== null && v !== undefined);
		const balanceFen = sumFen(rows.map((r) => toFen(Number(result.columns[balanceK][r]))));
		const contribution = contributions.length ? fenToYuan(sumFen(contributions.map((v) => toFen(Number(v))))) : null;
		keep(rows[0], false, { balance: fenToYuan(balanceFen), contribution });
		allFen += balanceFen;
		homes += rows.length;
		summed++;
		example ??= `${String(result.columns[estateK][rows[0]])} ${String(result.columns[yearK][rows[0]])}：${formatFen(balanceFen, true)}`;
	}
	for (const r of alone) keep(r, result.invalid[r] === 1);
	if (homes > 0) sink.add(null, home, null, { code: 'fund_homes_summed', params: { homes, rows: summed, example: example ?? '' } }, 'warning');
	// A home not read cannot be in the sum: the totals could not agree, and its own error already says why.
	if (ledger && homes > 0 && unread === 0) checkLedgerTotal(ledger, allFen, homes, sink);
	return { ...result, columns, rowNumbers, invalid: Uint8Array.from(invalid) };
}
