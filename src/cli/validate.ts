/**
 * `zhijia validate <file>... [--kind <dataset>] [--recipe r.json] [--json] [--lang zh|en]`
 *
 * Checks data files with the same code the app's import page uses, on the same DuckDB-wasm engine (Node
 * build), and writes nothing. Files given together are checked together: scores are checked against the
 * estates among them. Prints, per file, the dataset recognised, the encoding, the row count, the conversions chosen
 * automatically (dates → quarter, 万㎡ × 10000, …) and every problem (Chinese by default). With --json prints exactly
 *   {"files": [{"file", "kind", "encoding", "rows", "errors": [{"row", "column", "value", "message"}], "warnings": [...]}]}
 * Without --recipe a file gets the recipe it is recognised by, or the parts the data page suggests (ids generated
 * for a ledger without them, names matched to estates, a fee beside each estate), exactly as `zhijia import`;
 * --kind instead forces one dataset and checks the file as it is.
 * Exit code: 0 all valid, 1 a file has errors, 2 usage error or a file that cannot be read.
 *
 * Run directly (until it is registered as a subcommand): `npx tsx src/cli/validate.ts <file>...`.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { DATASET_IDS, DATASETS, type DatasetId } from '../lib/data/datasets';
import type { Engine } from '../lib/engine/engine';
import { startNodeEngine } from '../lib/engine/node';
import { UnreadableFileError, validateFiles, type FileReport, type ImportEngine, type ImportFile, type Lang, type PreparedFile, type Problem } from '../lib/import/index';
import { prepareWithRecipes, type Recipe } from '../lib/import/recipes';
import { RECIPE_CLI_TEXTS } from '../lib/import/recipes/messages';
import { readRecipe } from './import-files';
import { conversionLabel } from '../lib/import/conversions/label';
import { zh as convertZh, en as convertEn } from '../lib/i18n/areas/convert';

/** Where the command writes, and optionally the engine to use (injectable for tests; left open if given). */
export interface CliIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly engine?: ImportEngine;
}

const defaultIo: CliIo = {
	stdout: (t) => void process.stdout.write(t),
	stderr: (t) => void process.stderr.write(t)
};

/** Problems printed per file in the human-readable output (--json prints all that were kept). */
const PRINT_LIMIT = 50;

const USAGE = {
	zh: `用法：zhijia validate <文件>... [--kind <数据类型>] [--recipe r.json] [--json] [--lang zh|en]
  检查数据文件（CSV、xlsx、parquet、JSON），不写入任何数据。一起给出的文件一起检查（如得分对照其中的小区）。
  --kind   指定数据类型：${DATASET_IDS.join(', ')}
  --recipe 导入方案（数据页导出的 JSON）
  --json   输出 JSON
  --lang   问题说明的语言（默认 zh）
退出码：0 全部通过；1 有错误；2 用法错误或文件无法读取。
`,
	en: `Usage: zhijia validate <file>... [--kind <dataset>] [--recipe r.json] [--json] [--lang zh|en]
  Checks data files (CSV, xlsx, parquet, JSON) and writes nothing. Files given together are checked together
  (e.g. scores against the estates among them).
  --kind   dataset: ${DATASET_IDS.join(', ')}
  --recipe an import recipe exported from the data page (JSON)
  --json   print JSON
  --lang   language of problem messages (default zh)
Exit code: 0 all valid; 1 errors found; 2 usage error or unreadable file.
`
};

interface Args {
	files: string[];
	kind?: DatasetId;
	recipes: string[];
	json: boolean;
	lang: Lang;
	help: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
	const args: Args = { files: [], recipes: [], json: false, lang: 'zh', help: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = (name: string) => {
			const eq = a.indexOf('=');
			if (eq !== -1) return a.slice(eq + 1);
			const v = argv[++i];
			if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
			return v;
		};
		try {
			if (a === '--json') args.json = true;
			else if (a === '--help' || a === '-h') args.help = true;
			else if (a === '--kind' || a.startsWith('--kind=')) {
				const k = value('--kind');
				if (!(DATASET_IDS as readonly string[]).includes(k)) return `unknown --kind '${k}' (expected one of ${DATASET_IDS.join(', ')})`;
				args.kind = k as DatasetId;
			} else if (a === '--recipe' || a.startsWith('--recipe=')) {
				args.recipes.push(value('--recipe'));
			} else if (a === '--lang' || a.startsWith('--lang=')) {
				const l = value('--lang');
				if (l !== 'zh' && l !== 'en') return `unknown --lang '${l}' (expected zh or en)`;
				args.lang = l;
			} else if (a.startsWith('-') && a !== '-') return `unknown option ${a}`;
			else args.files.push(a);
		} catch (e) {
			return (e as Error).message;
		}
	}
	return args;
}

const T = {
	zh: {
		dataset: '数据',
		unknown: '未识别',
		encoding: '编码',
		rows: '行数',
		canonical: '（展开为 {n} 条得分）',
		summary: '错误 {e} 条，警告 {w} 条',
		ok: '通过',
		fail: '未通过',
		row: '第 {n} 行',
		file: '整个文件',
		more: '…… 另有 {n} 条未显示（用 --json 查看全部）',
		converted: '自动换算',
		total: '共 {files} 个文件：{bad} 个有错误'
	},
	en: {
		dataset: 'dataset',
		unknown: 'not recognised',
		encoding: 'encoding',
		rows: 'rows',
		canonical: ' (melted to {n} scores)',
		summary: '{e} errors, {w} warnings',
		ok: 'valid',
		fail: 'invalid',
		row: 'row {n}',
		file: 'file',
		more: '... {n} more not shown (use --json for all)',
		converted: 'converted automatically',
		total: '{files} files: {bad} with errors'
	}
} as const;

function fill(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** A problem's text for the command line: its own wording where the page's names a panel this has not (RECIPE_CLI_TEXTS). */
export function cliMessage(p: Problem, lang: Lang): string {
	const own = (RECIPE_CLI_TEXTS as Record<string, { zh: string; en: string } | undefined>)[p.code];
	return own ? fill(own[lang], p.params ?? {}) : p.message[lang];
}

function problemLine(p: Problem, lang: Lang): string {
	const t = T[lang];
	const where = [p.row === null ? t.file : fill(t.row, { n: p.row }), p.column, p.value === null || p.value === '' ? null : JSON.stringify(p.value)]
		.filter((x) => x !== null)
		.join(' · ');
	const mark = p.severity === 'error' ? '✗' : '!';
	return `  ${mark} ${where}${lang === 'zh' ? '：' : ': '}${cliMessage(p, lang)}`;
}

function humanReport(r: FileReport, lang: Lang): string {
	const t = T[lang];
	const dataset = r.dataset ? `${lang === 'zh' ? DATASETS[r.dataset].zh : DATASETS[r.dataset].en} (${r.dataset}${r.layout === 'wide' ? ', wide' : ''})` : t.unknown;
	const sep = lang === 'zh' ? '：' : ': ';
	const head = [
		`${t.dataset}${sep}${dataset}`,
		`${t.encoding}${sep}${r.encoding ?? r.kind ?? '—'}`,
		`${t.rows}${sep}${r.sourceRows.toLocaleString('en')}${r.layout === 'wide' && r.rows !== r.sourceRows ? fill(t.canonical, { n: r.rows.toLocaleString('en') }) : ''}`
	].join(lang === 'zh' ? '　' : '; ');
	const lines = [r.file, `  ${head}`];
	const converted = autoConversions(r, lang);
	if (converted) lines.push(`  ${t.converted}${sep}${converted}`);
	lines.push(`  ${fill(t.summary, { e: r.counts.errors, w: r.counts.warnings })} — ${r.valid ? t.ok : t.fail}`);
	// Errors first, then warnings, each in row order.
	const sorted = [...r.problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
	for (const p of sorted.slice(0, PRINT_LIMIT)) lines.push(problemLine(p, lang));
	const hidden = r.counts.errors + r.counts.warnings - Math.min(sorted.length, PRINT_LIMIT);
	if (hidden > 0) lines.push(`  ${fill(t.more, { n: hidden })}`);
	return lines.join('\n') + '\n';
}

/**
 * The conversions the import chose by itself (docs/sources.md §18), column by column, so a person sees that dates
 * became quarters or 万㎡ was multiplied; value maps (every coded column has one) are left out.
 */
function autoConversions(r: FileReport, lang: Lang): string {
	const report = r.prepared?.conversions;
	if (!report) return '';
	const dict = lang === 'zh' ? convertZh : convertEn;
	const text = (key: keyof typeof convertZh, vars: Record<string, string | number> = {}) => fill(dict[key], vars);
	const parts: string[] = [];
	report.conversions.forEach((c, i) => {
		if (c && report.auto[i] && c.kind !== 'value_map') parts.push(`${r.prepared!.headers[i]} ${conversionLabel(c, text)}`);
	});
	return parts.join(lang === 'zh' ? '；' : '; ');
}

function jsonProblem(p: Problem, lang: Lang) {
	return { row: p.row, column: p.column, value: p.value, message: cliMessage(p, lang) };
}

/** The Node engine, started on first use (files that fail before the checks over all rows never need it). */
function lazyNodeEngine(): ImportEngine & { close(): Promise<void> } {
	let started: Promise<Engine> | undefined;
	const get = () => (started ??= startNodeEngine());
	return {
		exec: async (sql) => (await get()).exec(sql),
		rows: async (sql) => (await get()).rows(sql),
		scalar: async (sql) => (await get()).scalar(sql),
		transaction: async (statements) => (await get()).transaction(statements),
		registerFileBuffer: async (name, buffer) => (await get()).registerFileBuffer(name, buffer),
		dropFile: async (name) => (await get()).dropFile(name),
		insertArrowIPC: async (ipc, options) => (await get()).insertArrowIPC(ipc, options),
		close: async () => {
			if (started) await (await started).close();
		}
	};
}

/** Runs `zhijia validate`; returns the exit code. */
export async function runValidate(argv: string[], io: CliIo = defaultIo): Promise<number> {
	const parsed = parseArgs(argv);
	if (typeof parsed === 'string') {
		io.stderr(`zhijia validate: ${parsed}\n\n${USAGE.en}`);
		return 2;
	}
	if (parsed.help) {
		io.stdout(USAGE[parsed.lang]);
		return 0;
	}
	if (parsed.files.length === 0) {
		io.stderr(`zhijia validate: no files given\n\n${USAGE[parsed.lang]}`);
		return 2;
	}
	const inputs: ImportFile[] = [];
	let unreadable = false;
	for (const f of parsed.files) {
		try {
			inputs.push({ name: f, bytes: await readFile(f) });
		} catch (e) {
			io.stderr(`zhijia validate: ${f}: ${(e as Error).message}\n`);
			unreadable = true;
		}
	}
	if (unreadable) return 2;

	const recipes: Recipe[] = [];
	if (parsed.recipes.length) {
		try {
			for (const r of parsed.recipes) recipes.push(await readRecipe(r));
		} catch (e) {
			io.stderr(`zhijia validate: ${(e as Error).message}\n`);
			return 2;
		}
	}
	let reports: FileReport[];
	let misfits: Problem[] = [];
	const engine = io.engine ?? lazyNodeEngine();
	try {
		if (parsed.kind && !recipes.length) reports = await validateFiles(engine, inputs, { dataset: parsed.kind });
		else {
			// Through the recipes (docs/sources.md §18.6), given or suggested, as `zhijia import` and the data page
			// do: shaped, names matched and ids generated, so a ledger without ids is checked as it would import.
			const run = await prepareInOrder(inputs, recipes);
			misfits = run.misfits;
			reports = await validateFiles(engine, run.files, { dataset: parsed.kind });
		}
	} finally {
		if (!io.engine) await (engine as ReturnType<typeof lazyNodeEngine>).close();
	}
	const lang = parsed.lang;
	if (parsed.json) io.stdout(problemsJson(reports, lang, misfits));
	else {
		for (const p of misfits) io.stdout(`${p.file}\n${problemLine(p, lang)}\n\n`);
		for (const r of reports) io.stdout(humanReport(r, lang) + '\n');
		const bad = reports.filter((r) => !r.valid).length;
		io.stdout(fill(T[lang].total, { files: reports.length, bad }) + '\n');
	}
	if (reports.some((r) => r.unreadable)) return 2;
	return misfits.length === 0 && reports.every((r) => r.valid) ? 0 : 1;
}

/**
 * Files through the recipe pipeline, reported in the order given. A file no reader takes stops that pipeline,
 * so it is set aside and passed on as it is: `validateFiles` reports it as unreadable (exit 2).
 */
async function prepareInOrder(inputs: readonly ImportFile[], recipes: readonly Recipe[]): Promise<{ files: (ImportFile | PreparedFile)[]; misfits: Problem[] }> {
	let rest = [...inputs];
	const unreadable: ImportFile[] = [];
	for (;;) {
		try {
			const run = await prepareWithRecipes(rest, [], [], () => ({}), recipes);
			const at = (name: string) => inputs.findIndex((f) => f.name === name);
			const items = [...unreadable.map((f) => ({ at: at(f.name), file: f as ImportFile | PreparedFile })), ...run.prepared.map((p) => ({ at: at(p.source), file: p.prepared }))];
			return { files: items.sort((a, b) => a.at - b.at).map((x) => x.file), misfits: run.misfits };
		} catch (e) {
			const bad = e instanceof UnreadableFileError ? rest.find((f) => f.name === e.file) : undefined;
			if (!bad) throw e;
			unreadable.push(bad);
			rest = rest.filter((f) => f !== bad);
		}
	}
}

/**
 * The JSON problem list of `validate --json` (and of a failed `zhijia import`): files with their errors and
 * warnings; a recipe column missing in a file is an error of that file.
 */
export function problemsJson(reports: readonly FileReport[], lang: Lang, misfits: readonly Problem[] = []): string {
	const files = [
		...[...new Set(misfits.map((p) => p.file))].map((file) => ({
			file,
			kind: null,
			encoding: null,
			rows: 0,
			errors: misfits.filter((p) => p.file === file).map((p) => jsonProblem(p, lang)),
			warnings: []
		})),
		...reports.map((r) => ({
			file: r.file,
			kind: r.dataset,
			encoding: r.encoding ?? null,
			rows: r.sourceRows,
			errors: r.problems.filter((p) => p.severity === 'error').map((p) => jsonProblem(p, lang)),
			warnings: r.problems.filter((p) => p.severity === 'warning').map((p) => jsonProblem(p, lang))
		}))
	];
	return JSON.stringify({ files }, null, 2) + '\n';
}


// Run directly: `npx tsx src/cli/validate.ts <file>...`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	runValidate(process.argv.slice(2)).then(
		(code) => {
			process.exitCode = code;
		},
		(e) => {
			process.stderr.write(`zhijia validate: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
			process.exitCode = 2;
		}
	);
}
