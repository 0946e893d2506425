/**
 * `zhijia import <files...> [--recipe r.json] --out <dir> [--lang zh|en]`: imports files of any shape the app
 * accepts (through the same pipeline: recipes, generated ids, names to estates, all-or-nothing) and writes one
 * canonical CSV file per dataset that received rows (docs/data-formats.md), ready for `zhijia analyze <dir>`.
 * Exit 0 when written; 1 with the problem list (as `validate --json`) when the import fails, and nothing written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_IDS } from '../lib/data/datasets';
import type { Lang } from '../lib/import/index';
import { datasetCsv } from '../lib/workspace/table-csv';
import { parseCommandArgs, requireInputs } from './args';
import { UsageError } from './errors';
import { importFiles, readRecipe } from './import-files';
import { loadSystem } from './analyze';
import { groupsOfSystem } from '../lib/import/groups';
import { problemsJson } from './validate';

export const IMPORT_USAGE = `Usage: zhijia import <files...> --out <dir> [options]

Imports files as the app's data page does (CSV in UTF-8 or GBK, xlsx, parquet, JSON; ids generated for
estates named without one, names matched to estates, one sheet into several datasets by a recipe) and writes
one canonical CSV per dataset (docs/data-formats.md) into <dir>. All or nothing: on any error nothing is
written and the problems are printed as \`zhijia validate --json\` prints them.

Options:
  --out <dir>          directory to write estates.csv, fees.csv, ... into (created if missing)
  --recipe <file>      an import recipe exported from the data page (JSON); repeat for several file shapes
  --system <file>      indicator system as JSON: its own groups read group columns of wide score sheets
  --lang <zh|en>       language of problem messages (default zh)
  -h, --help           this help
Exit code: 0 written; 1 problems found (nothing written); 2 usage error or unreadable input.
`;

/** Runs the subcommand; returns the exit code. */
export async function importCommand(args: readonly string[], out: (s: string) => void): Promise<number> {
	const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, recipe: { type: 'string', multiple: true }, system: { type: 'string' }, lang: { type: 'string' } });
	if (values.help) {
		out(IMPORT_USAGE);
		return 0;
	}
	requireInputs('import', positionals);
	if (!values.out) throw new UsageError('--out <dir> is required');
	const lang = (values.lang ?? 'zh') as Lang;
	if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang must be zh or en, got '${values.lang}'`);
	const recipes = await Promise.all((values.recipe ?? []).map(readRecipe));
	const groups = values.system ? groupsOfSystem(await loadSystem(values.system)) : undefined;
	const imported = await importFiles(positionals, recipes, groups);
	if (!imported.ok) {
		out(problemsJson(imported.reports, lang, imported.misfits));
		return 1;
	}
	try {
		const written: string[] = [];
		const texts: [string, string][] = [];
		for (const id of DATASET_IDS) {
			if ((await imported.engine.scalar(`SELECT count(*)::INTEGER FROM ${id}`)) === 0) continue;
			texts.push([`${id}.csv`, await datasetCsv(imported.engine, id)]);
		}
		await mkdir(values.out, { recursive: true });
		for (const [name, text] of texts) {
			await writeFile(join(values.out, name), text);
			written.push(name);
		}
		out(`${written.map((n) => join(values.out!, n)).join('\n')}\n`);
		return 0;
	} finally {
		await imported.engine.close();
	}
}
