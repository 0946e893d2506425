/**
 * `zhijia subsidy <data-dir | files...> --policy <file | preset> [--compare <file | preset>]... [--cap <yuan>]
 *   [--rule <rule>] [--year <y>] [--json | --csv] [--lang zh|en] [--engine wasm|native]`:
 * the relocation-housing subsidy plan (docs/sources.md §7) for every relocation estate, computed with the app's SQL.
 *
 * Two entry points: {@link subsidyCommand} has the shape of src/cli/main.ts's commands (throws UsageError /
 * InputError for main to turn into exit code 2); {@link runSubsidy} is self-contained and returns the exit code.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { userProvenance } from '../lib/domain/provenance';
import {
	BUDGET_RULES,
	SUBSIDY_PRESETS,
	comparePlans,
	comparisonSheet,
	findSubsidyPreset,
	parsePolicy,
	planRowsSheet,
	planSheets,
	resolvePolicy,
	rowReasons,
	sheetToCsv,
	type BudgetRule,
	type Plan,
	type Policy,
	type PolicyPart
} from '../lib/domain/subsidy';
import { loadSubsidyPlan } from '../lib/queries/subsidy';
import { EXIT_USAGE, InputError, UnavailableError, UsageError } from './errors';
import { oneOutputFormat, parseCommandArgs, requireInputs } from './args';
import { ENGINE_USAGE, engineKind, engineWithInputs } from './load-dir';
import { formatTable, type Cell, type Column } from './output';
import { policySheet, xlsxBytes } from '../lib/app/subsidy-export';

const PRESET_IDS = SUBSIDY_PRESETS.map((p) => p.id).join(', ');

/** Help text of the subcommand. */
export const SUBSIDY_USAGE = `Usage: zhijia subsidy <data-dir | files...> --policy <file | preset> [options]

Relocation-housing subsidy plan: for every relocation estate (estate_type = relocation) and plan year,
the base subsidy (target fee − owner-paid fee), the assessment reward (score from Q and grid tickets,
threshold, collection floor) and the yearly budget cap. Reads canonical CSV files (estates.csv required;
scores.csv, fees.csv and tickets.csv feed the assessment) from a directory or as a list of files.

Options:
  --recipe <file>      an import recipe (JSON) for files that are not canonical CSV (any file the app imports is read)
  --policy <x>         policy: a JSON file or a preset id (required)
                       presets: ${PRESET_IDS}
                       a file may hold a full policy or {"extends": "<preset>", ...overrides}
  --compare <x>        another policy to compare with (repeatable, up to two)
  --cap <yuan>         yearly budget cap for every plan year (overrides the policy's)
  --rule <rule>        how the cap binds: ${BUDGET_RULES.join(', ')}
  --year <y>           show only this plan year's estate rows (table output)
  --json               JSON instead of a table
  --csv                CSV for Excel (UTF-8 with BOM) instead of a table; ends in total rows
                       (per year and over all years) equal to the sum of the rows as written
  --xlsx <file>        also write the plan as an xlsx workbook (rows, totals as formulas, policy)
${ENGINE_USAGE}
  --lang <zh|en>       language of CSV headers and notes (default zh)
  -h, --help           this help
`;

/** Reads and parses a JSON file, naming it in every error. */
async function readJson(path: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new InputError(path, `is not valid JSON (${(e as Error).message})`, { cause: e });
	}
}

/** A policy from a preset id or a JSON file. */
export async function loadPolicy(value: string): Promise<Policy> {
	const looksLikeFile = value.endsWith('.json') || value.includes('/') || value.includes('\\');
	const preset = findSubsidyPreset(value);
	if (preset && !looksLikeFile) return preset;
	if (!looksLikeFile) throw new InputError(value, `is neither a JSON file nor a preset (${PRESET_IDS})`);
	const r = resolvePolicy(await readJson(value));
	if (!r.success) throw new InputError(value, `is not a usable subsidy policy: ${r.errors.slice(0, 3).join('; ')}`);
	return r.policy;
}

/** The policy with the command line's budget overrides (marked as entered by the user). */
function withBudget(policy: Policy, cap: string | undefined, rule: string | undefined): Policy {
	if (cap === undefined && rule === undefined) return policy;
	let caps = policy.budget.caps;
	if (cap !== undefined) {
		const n = Number(cap);
		if (cap.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--cap must be a number of yuan ≥ 0, got '${cap}'`);
		caps = n;
	}
	if (rule !== undefined && !(BUDGET_RULES as readonly string[]).includes(rule)) {
		throw new UsageError(`--rule must be one of ${BUDGET_RULES.join(', ')}, got '${rule}'`);
	}
	const parsed = parsePolicy({
		...policy,
		budget: { caps, rule: (rule as BudgetRule | undefined) ?? policy.budget.rule },
		provenance: { ...policy.provenance, budget: userProvenance('set on the command line') }
	});
	if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? 'invalid budget');
	return parsed.data;
}

/** What the JSON's numbers are in (amounts to the fen, docs/sources.md §15). */
const JSON_UNITS = {
	amounts: 'yuan, at most two decimals (the *_fen fields give the same amounts in integer fen)',
	fees: 'yuan per m² per month, rounded to 0.01',
	rates: 'shares 0-1'
} as const;

const TOTAL_COLUMNS: readonly Column[] = [
	{ key: 'year' },
	{ key: 'estates' },
	{ key: 'requested', decimals: 2 },
	{ key: 'base', decimals: 2 },
	{ key: 'reward', decimals: 2 },
	{ key: 'cap', decimals: 2 },
	{ key: 'paid', decimals: 2 },
	{ key: 'shortfall', decimals: 2 },
	{ key: 'rewarded' },
	{ key: 'withheld' },
	{ key: 'unfunded' },
	{ key: 'partial_estate_id' }
];

const ROW_COLUMNS: readonly Column[] = [
	{ key: 'estate_id' },
	{ key: 'year' },
	{ key: 'data_year' },
	{ key: 'q', decimals: 2 },
	{ key: 'score', decimals: 2 },
	{ key: 'collection_rate', decimals: 3 },
	{ key: 'gap', decimals: 3 },
	{ key: 'base', decimals: 2 },
	{ key: 'reward', decimals: 2 },
	{ key: 'paid', decimals: 2 },
	{ key: 'cut', decimals: 2 },
	{ key: 'funding' },
	{ key: 'reasons' }
];

function tableOutput(policy: Policy, plan: Plan, year: number | undefined): string {
	const cap = policy.budget.caps === null ? 'no cap' : `cap ${JSON.stringify(policy.budget.caps)} (${policy.budget.rule})`;
	const title = `Policy ${policy.id} · ${policy.name_en} · years ${policy.years.join(', ')} · ${cap} · last data year ${plan.latestDataYear ?? '-'}\n\n`;
	const rows = plan.rows
		.filter((r) => year === undefined || r.year === year)
		.map((r) => ({ ...r, reasons: rowReasons(r).join(' ') }) as unknown as Record<string, Cell>);
	return (
		title +
		formatTable(TOTAL_COLUMNS, plan.totals as unknown as Record<string, Cell>[]) +
		'\n' +
		formatTable(ROW_COLUMNS, rows)
	);
}

function comparisonTable(labels: string[], plans: Plan[]): string {
	const c = comparePlans(plans.map((plan, i) => ({ label: labels[i], plan })));
	const cols: Column[] = [{ key: 'year' }, ...labels.flatMap((l) => [{ key: `${l} requested`, decimals: 2 }, { key: `${l} paid`, decimals: 2 }])];
	const records = c.years.map((y) => {
		const r: Record<string, Cell> = { year: y.year };
		y.byVariant.forEach((v, i) => {
			r[`${labels[i]} requested`] = v?.requested ?? null;
			r[`${labels[i]} paid`] = v?.paid ?? null;
		});
		return r;
	});
	return formatTable(cols, records);
}

/** Runs the subcommand in main's command shape; throws UsageError / InputError for exit code 2. */
export async function subsidyCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const parsed = parseCommandArgs(args, {
		policy: { type: 'string' },
		compare: { type: 'string', multiple: true },
		cap: { type: 'string' },
		rule: { type: 'string' },
		year: { type: 'string' },
		json: { type: 'boolean' },
		csv: { type: 'boolean' },
		xlsx: { type: 'string' },
		engine: { type: 'string' },
		recipe: { type: 'string', multiple: true },
		lang: { type: 'string' }
	});
	const { values, positionals } = parsed;
	if (values.help) {
		out(SUBSIDY_USAGE);
		return 0;
	}
	requireInputs('subsidy', positionals);
	if (values.policy === undefined) throw new UsageError(`subsidy needs --policy <file | preset> (presets: ${PRESET_IDS})`);
	oneOutputFormat(values);
	const kind = engineKind(values.engine);
	const lang = values.lang ?? 'zh';
	if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got '${lang}'`);
	const compare = values.compare ?? [];
	if (compare.length > 2) throw new UsageError('compare at most three policies (--policy and two --compare)');
	let year: number | undefined;
	if (values.year !== undefined) {
		year = Number(values.year);
		if (!Number.isInteger(year)) throw new UsageError(`--year must be a year, got '${values.year}'`);
	}

	const policies = [withBudget(await loadPolicy(values.policy), values.cap, values.rule)];
	for (const c of compare) policies.push(withBudget(await loadPolicy(c), values.cap, values.rule));
	const engine = await engineWithInputs(positionals, ['estates'], kind, values.recipe ?? []);
	try {
		const plans: Plan[] = [];
		for (const p of policies) plans.push(await loadSubsidyPlan(engine, p));
		const labels = policies.map((p, i) => (policies.filter((q) => q.id === p.id).length > 1 ? `${p.id}#${i + 1}` : p.id));
		if (plans.length > 1) {
			const c = comparePlans(plans.map((plan, i) => ({ label: labels[i], plan })));
			if (values.json) out(JSON.stringify({ comparison: c, policies, plans }, null, 2) + '\n');
			else if (values.csv) out(sheetToCsv(comparisonSheet(c, lang)));
			else out(comparisonTable(labels, plans));
			return 0;
		}
		const [policy] = policies;
		const [plan] = plans;
		if (values.xlsx !== undefined) {
			const partLabel = (p: PolicyPart) => p;
			const bytes = await xlsxBytes([...planSheets(plan, lang), policySheet(policy, lang, partLabel)]);
			try {
				await writeFile(values.xlsx, bytes);
			} catch (e) {
				throw new InputError(values.xlsx, `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
			}
		}
		if (values.json) {
			// Amounts: yuan with at most two decimals (fen ÷ 100) and the same in integer fen (*_fen).
			const rows = plan.rows.map((r) => ({ ...r, reasons: rowReasons(r) }));
			out(JSON.stringify({ policy, latestDataYear: plan.latestDataYear, units: JSON_UNITS, totals: plan.totals, rows }, null, 2) + '\n');
		} else if (values.csv) {
			out(sheetToCsv(planRowsSheet(plan, lang)));
		} else {
			out(tableOutput(policy, plan, year));
		}
		return 0;
	} finally {
		await engine.close();
	}
}

/** Where the subcommand writes when run on its own. */
export interface SubsidyIo {
	stdout(s: string): void;
	stderr(s: string): void;
}

const PROCESS_IO: SubsidyIo = {
	stdout: (s) => void process.stdout.write(s),
	stderr: (s) => void process.stderr.write(s)
};

/**
 * `zhijia subsidy …` with `argv` the arguments after the subcommand name. Exit code 0 ok, 2 usage error or an
 * unreadable / unusable input (data directory, policy file), 1 a bug.
 */
export async function runSubsidy(argv: string[], io: SubsidyIo = PROCESS_IO): Promise<number> {
	try {
		return await subsidyCommand(argv, io.stdout);
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`zhijia subsidy: ${e.message}\nRun 'zhijia subsidy --help' for usage.\n`);
			return EXIT_USAGE;
		}
		if (e instanceof InputError || e instanceof UnavailableError) {
			io.stderr(`zhijia subsidy: ${e.message}\n`);
			return EXIT_USAGE;
		}
		io.stderr(`zhijia subsidy: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
		return 1;
	}
}
