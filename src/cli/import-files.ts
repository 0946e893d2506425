/**
 * Files of any shape the app imports (CSV in UTF-8 or GBK, xlsx, parquet, JSON; a recipe for a file shape)
 * into a fresh Node engine, through the app's own pipeline (src/lib/import/recipes/run.ts, then the same
 * validation and all-or-nothing commit): `zhijia import`, and `analyze`/`subsidy` when given such files.
 */
import { readFile } from 'node:fs/promises';
import type { Engine } from '../lib/engine/engine';
import { startNodeEngine } from '../lib/engine/node';
import { commitImport, UnreadableFileError, validateFiles, type FileReport, type Problem } from '../lib/import/index';
import type { KeptStaging } from '../lib/import/stage';
import { parseRecipe, prepareWithRecipes, RecipeFormatError, type Recipe } from '../lib/import/recipes';
import type { IndicatorGroup } from '../lib/import/groups';
import { createAllTablesSql } from '../lib/workspace/canonical-csv';
import { InputError } from './errors';

/** Reads a recipe file. @throws InputError naming it and the first reasons. */
export async function readRecipe(path: string): Promise<Recipe> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (e) {
		throw new InputError(path, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
	}
	try {
		return parseRecipe(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		if (e instanceof RecipeFormatError) throw new InputError(path, `is not a usable recipe: ${e.issues.slice(0, 3).join('; ')}`, { cause: e });
		throw e;
	}
}

/** What importing gave: the engine holding the tables (committed), or the reports and problems that stopped it. */
export type Imported =
	| { readonly ok: true; readonly engine: Engine; readonly reports: FileReport[] }
	| { readonly ok: false; readonly reports: FileReport[]; readonly misfits: Problem[] };

/** Reads the files. @throws InputError for a file that cannot be read. */
async function readAll(paths: readonly string[]): Promise<{ name: string; bytes: Uint8Array }[]> {
	const out: { name: string; bytes: Uint8Array }[] = [];
	for (const p of paths) {
		try {
			out.push({ name: p, bytes: await readFile(p) });
		} catch (e) {
			throw new InputError(p, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
		}
	}
	return out;
}

/**
 * Imports files into a fresh engine with empty tables, as the app would (one transaction, all or nothing).
 * On failure the engine is closed and the reports (as `zhijia validate` makes them) are returned.
 */
export async function importFiles(paths: readonly string[], recipes: readonly Recipe[] = [], groups?: readonly IndicatorGroup[]): Promise<Imported> {
	const files = await readAll(paths);
	let run: Awaited<ReturnType<typeof prepareWithRecipes>>;
	try {
		run = await prepareWithRecipes(files, [], [], () => ({}), recipes, {}, groups);
	} catch (e) {
		// A file no reader takes (a settings JSON, a damaged workbook) is unusable input, as in `zhijia validate`.
		if (e instanceof UnreadableFileError) throw new InputError(e.file, `is not a data file: ${e.reason}`, { cause: e });
		throw e;
	}
	const engine = await startNodeEngine();
	try {
		await engine.transaction(createAllTablesSql());
		const prepared = run.prepared.map((p) => p.prepared);
		// The commit takes over the check's staging (the rows are staged once); the engine closes if it does not follow.
		let kept: KeptStaging | null = null;
		const reports = await validateFiles(engine, prepared, { mode: 'replace', keep: (k) => (kept = k) });
		if (run.misfits.length === 0 && reports.every((r) => r.valid)) {
			const result = await commitImport(engine, prepared, { mode: 'replace', allowShrink: true, reuse: kept });
			if (result.committed) return { ok: true, engine, reports };
		}
		await engine.close();
		return { ok: false, reports, misfits: run.misfits };
	} catch (e) {
		await engine.close().catch(() => undefined);
		throw e;
	}
}
