/**
 * `zhijia reserve <data-dir | files...> [--from YEAR] [--years N] [--interest R] [--growth G] [--json | --csv]`:
 * the maintenance-fund renewal plan of every estate (docs/sources.md §11), computed with the app's code.
 * Has the shape of src/cli/main.ts's commands: throws UsageError / InputError for exit code 2.
 */
import { defaultRecords, estateRecord, estatesSheet, ledgerRecords, ledgerSheet, type ReserveSettings } from '../lib/domain/reserve';
import { sheetToCsv } from '../lib/domain/subsidy/export';
import { defaultReserveSettings, loadReserveData, reservePlans } from '../lib/queries/reserve';
import { UsageError } from './errors';
import { oneOutputFormat, parseCommandArgs, requireInputs } from './args';
import { ENGINE_USAGE, engineKind, engineWithInputs } from './load-dir';
import { formatTable, type Cell, type Column } from './output';

/** Help text of the subcommand. */
export const RESERVE_USAGE = `Usage: zhijia reserve <data-dir | files...> [options]

Maintenance-fund renewal plan per estate: every shared facility falls due at installed_year + life_years (a past-due
one in the first plan year, then every life_years); spend = quantity × unit cost (the data's figures, else the
sourced defaults of docs/sources.md §11); the fund opens with the latest balance before the first plan year and
adds its yearly contribution and interest on a positive opening balance. Prints the first shortfall, the one-off
refill per m² that covers the worst shortfall and the level extra contribution per m² a year that keeps the fund
at or above zero. Reads canonical CSV files: estates.csv (required), facilities.csv, fund_balances.csv,
unit_sizes.csv, votes.csv.

Options:
  --from <year>        first plan year (default: the year after the latest fund balance)
  --years <n>          plan years, 1-100 (default 20)
  --interest <r>       yearly interest on a positive balance: 0.015 or 1.5% (default 0.015)
  --growth <g>         yearly growth of unit costs: 0.03 or 3% (default 0: today's prices)
  --json               JSON: {settings, estates: [...], rows: [...], defaults: [...]} (defaults with their
                       reliability tags: V seen in a public source, M widely known, E this app's estimate)
  --csv                CSV for Excel (UTF-8 with BOM): the estates, or with --rows the year-by-year ledger
  --rows               table or CSV of the ledger rows instead of the estates
${ENGINE_USAGE}
  --lang <zh|en>       language of CSV headers (default zh)
  -h, --help           this help
`;

/** A rate given as 0.015 or 1.5%. */
export function parseRate(name: string, value: string, min: number, max: number): number {
	const t = value.trim();
	const pct = t.endsWith('%');
	const n = Number(pct ? t.slice(0, -1) : t);
	if (t === '' || (pct && t.length === 1) || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number such as 0.015 or 1.5%, got '${value}'`);
	const r = pct ? n / 100 : n;
	if (r < min || r > max) throw new UsageError(`--${name} must be between ${min} and ${max}, got '${value}'`);
	return r;
}

function parseWhole(name: string, value: string, min: number, max: number): number {
	const n = Number(value);
	if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number ${min}-${max}, got '${value}'`);
	return n;
}

const ESTATE_COLUMNS: readonly Column[] = [
	{ key: 'estate_id' },
	{ key: 'opening_yuan', decimals: 2 },
	{ key: 'spend_total', decimals: 2 },
	{ key: 'first_shortfall_year' },
	{ key: 'shortfall_yuan', decimals: 2 },
	{ key: 'worst_shortfall_yuan', decimals: 2 },
	{ key: 'refill_per_m2', decimals: 2 },
	{ key: 'refill_per_household', decimals: 2 },
	{ key: 'level_contribution_per_m2', decimals: 2 }
];
const ROW_COLUMNS: readonly Column[] = [
	{ key: 'estate_id' },
	{ key: 'year' },
	{ key: 'opening', decimals: 2 },
	{ key: 'contributions', decimals: 2 },
	{ key: 'interest', decimals: 2 },
	{ key: 'spend', decimals: 2 },
	{ key: 'closing', decimals: 2 }
];

/** Runs the subcommand. */
export async function reserveCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const parsed = parseCommandArgs(args, {
		from: { type: 'string' },
		years: { type: 'string' },
		interest: { type: 'string' },
		growth: { type: 'string' },
		json: { type: 'boolean' },
		csv: { type: 'boolean' },
		rows: { type: 'boolean' },
		engine: { type: 'string' },
		lang: { type: 'string' }
	});
	const { values, positionals } = parsed;
	if (values.help) {
		out(RESERVE_USAGE);
		return 0;
	}
	requireInputs('reserve', positionals);
	oneOutputFormat(values);
	const lang = values.lang ?? 'zh';
	if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got '${lang}'`);
	const kind = engineKind(values.engine);
	const overrides: Partial<ReserveSettings> = {};
	if (values.from !== undefined) overrides.firstYear = parseWhole('from', values.from, 1900, 2100);
	if (values.years !== undefined) overrides.years = parseWhole('years', values.years, 1, 100);
	if (values.interest !== undefined) overrides.interestRate = parseRate('interest', values.interest, 0, 1);
	if (values.growth !== undefined) overrides.growthRate = parseRate('growth', values.growth, -0.5, 1);

	const engine = await engineWithInputs(positionals, ['estates'], kind);
	try {
		const data = await loadReserveData(engine);
		const settings: ReserveSettings = { ...defaultReserveSettings(data), ...overrides };
		const plans = reservePlans(data, settings);
		const estates = plans.map(estateRecord);
		const rows = plans.flatMap(ledgerRecords);
		if (values.json) {
			out(JSON.stringify({ settings, estates, rows, defaults: defaultRecords() }, null, 2) + '\n');
		} else if (values.csv) {
			const names = new Map(data.estates.map((e) => [e.estate_id, e.name]));
			out(sheetToCsv(values.rows ? ledgerSheet(plans, lang) : estatesSheet(plans, names, lang)));
		} else {
			const head = `Plan ${settings.firstYear}-${settings.firstYear + settings.years - 1} · interest ${settings.interestRate} [E unless set] · cost growth ${settings.growthRate} · ${plans.length} estates\nFacilities without their own life or unit cost use the defaults of docs/sources.md §11, tagged [V]/[V-calc]/[M]/[E] (--json lists them).\n\n`;
			out(head + (values.rows ? formatTable(ROW_COLUMNS, rows as unknown as Record<string, Cell>[]) : formatTable(ESTATE_COLUMNS, estates as unknown as Record<string, Cell>[])));
		}
		return 0;
	} finally {
		await engine.close();
	}
}
