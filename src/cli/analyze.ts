/**
 * `zhijia analyze <data-dir or files> [--system <file>] [--catalogue <file or id>] [--period <p>] [--json|--csv]
 *   [--engine wasm|native]`:
 * the price-quality analysis of every estate (the same SQL as the app), one row per estate.
 */
import { groupsOfSystem } from '../lib/import/groups';
import { readFile } from 'node:fs/promises';
import { DEFAULT_BANDS } from '../lib/domain/fit';
import { DEFAULT_CATALOGUE, findCatalogue, GUIDE_PRICE_CATALOGUES, type GuidePriceCatalogue } from '../lib/domain/catalogues';
import { DEFAULT_INDICATOR_SYSTEM, type IndicatorSystem } from '../lib/domain/indicator-system';
import { describePeerModel } from '../lib/domain/regression';
import { parseGuidePriceCatalogue, parseIndicatorSystem } from '../lib/domain/schemas';
import { AnalysisSettingsError, runAnalysis, type AnalysisResult } from '../lib/queries/analysis';
import { InputError, UsageError } from './errors';
import { oneOutputFormat, parseCommandArgs, requireInputs } from './args';
import { ENGINE_USAGE, engineKind, engineWithInputs } from './load-dir';
import { formatCsv, formatJson, formatTable, type Cell, type Column } from './output';

/** Help text of the subcommand. */
export const ANALYZE_USAGE = `Usage: zhijia analyze <data-dir | files...> [options]

Price-quality analysis per estate: quality Q and grade, fee in force, guide price, QPR and band,
expected fee from peers and the residual. Reads canonical CSV files (estates.csv, scores.csv,
fees.csv are required) from a directory or as a list of files, or any files the app's import accepts
(xlsx, GBK CSV, files keyed by estate names; with --recipe as saved on the data page).

Options:
  --system <file>      indicator system as JSON (default: the built-in default system); its own groups
                       also read group columns of wide score sheets
  --catalogue <x>      guide-price catalogue: a JSON file or a shipped id (default: ${DEFAULT_CATALOGUE.id})
                       shipped: ${GUIDE_PRICE_CATALOGUES.map((c) => c.id).join(', ')}
  --period <p>         score period to analyse, e.g. 2025Q4 (default: the latest)
  --recipe <file>      an import recipe (JSON) for files that are not canonical CSV
  --json               a JSON array instead of a table
  --csv                CSV for Excel (UTF-8 with BOM) instead of a table
${ENGINE_USAGE}
  -h, --help           this help
`;

/** The columns written, in order; the table's decimals. */
export const ANALYZE_COLUMNS: readonly Column[] = [
	{ key: 'estate_id' },
	{ key: 'name' },
	{ key: 'q', decimals: 2 },
	{ key: 'grade' },
	{ key: 'fee_m2', decimals: 3 },
	{ key: 'guide_price', decimals: 2 },
	{ key: 'qpr', decimals: 3 },
	{ key: 'band' },
	{ key: 'expected_fee', decimals: 3 },
	{ key: 'residual', decimals: 3 }
];

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

/** The first zod issue as "path: message". */
function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
	const issue = error.issues[0];
	return issue ? `${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}` : 'invalid';
}

/** The indicator system of --system (default: the built-in one). @throws InputError naming the file and the first reason. */
export async function loadSystem(path: string | undefined): Promise<IndicatorSystem> {
	if (path === undefined) return DEFAULT_INDICATOR_SYSTEM;
	const parsed = parseIndicatorSystem(await readJson(path));
	if (!parsed.success) throw new InputError(path, `is not a usable indicator system: ${firstIssue(parsed.error)}`);
	return parsed.data;
}

/** A catalogue from a JSON file if the path exists, else a shipped catalogue by id. */
async function loadCatalogue(value: string | undefined): Promise<GuidePriceCatalogue> {
	if (value === undefined) return DEFAULT_CATALOGUE;
	const shipped = findCatalogue(value);
	const looksLikeFile = value.endsWith('.json') || value.includes('/') || value.includes('\\');
	if (shipped && !looksLikeFile) return shipped;
	if (!looksLikeFile) {
		throw new InputError(value, `is neither a JSON file nor a shipped catalogue (${GUIDE_PRICE_CATALOGUES.map((c) => c.id).join(', ')})`);
	}
	const parsed = parseGuidePriceCatalogue(await readJson(value));
	if (!parsed.success) throw new InputError(value, `is not a usable guide-price catalogue: ${firstIssue(parsed.error)}`);
	return parsed.data;
}

/** The human table: a title line, the rows, and the peer models. */
function tableOutput(result: AnalysisResult, catalogue: GuidePriceCatalogue, records: Record<string, Cell>[]): string {
	const prev = result.prevPeriod ? ` (previous ${result.prevPeriod})` : '';
	const title = `Period ${result.period ?? '-'}${prev} · catalogue ${catalogue.id} · ${records.length} estates\n\n`;
	const models = Object.entries(result.models).map(([bt, m]) => `peer model ${bt}: ${describePeerModel(m).en}`);
	return title + formatTable(ANALYZE_COLUMNS, records) + '\n' + models.join('\n') + '\n';
}

/** Runs the subcommand; returns the exit code. */
export async function analyzeCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const parsed = parseCommandArgs(args, {
		system: { type: 'string' },
		catalogue: { type: 'string' },
		period: { type: 'string' },
		json: { type: 'boolean' },
		csv: { type: 'boolean' },
		engine: { type: 'string' },
		recipe: { type: 'string', multiple: true }
	});
	const { values, positionals } = parsed;
	if (values.help) {
		out(ANALYZE_USAGE);
		return 0;
	}
	requireInputs('analyze', positionals);
	oneOutputFormat(values);
	const kind = engineKind(values.engine);

	const system = await loadSystem(values.system);
	const catalogue = await loadCatalogue(values.catalogue);
	// The system's own groups also read group columns of wide score sheets (docs/sources.md §18).
	const datasets = ['estates', 'scores', 'fees'] as const;
	const engine = await engineWithInputs(positionals, datasets, kind, values.recipe ?? [], groupsOfSystem(system), datasets);
	try {
		let result: AnalysisResult;
		try {
			result = await runAnalysis(engine, { system, catalogue, bands: DEFAULT_BANDS, period: values.period ?? null });
		} catch (e) {
			if (e instanceof AnalysisSettingsError) throw new UsageError(e.message);
			throw e;
		}
		const records = result.estates as unknown as Record<string, Cell>[];
		if (values.json) out(formatJson(ANALYZE_COLUMNS, records));
		else if (values.csv) out(formatCsv(ANALYZE_COLUMNS, records));
		else out(tableOutput(result, catalogue, records));
		return 0;
	} finally {
		await engine.close();
	}
}
