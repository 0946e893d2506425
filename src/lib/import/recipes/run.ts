/**
 * Files through their recipes (docs/sources.md §18.6), the same way in the app, `zhijia import` and the tests:
 * each file read, its recipe found (given, or recognised by header shape), shaped into one table per dataset,
 * prepared and row-checked. Files that define estates go first, so a file keyed by estate names finds the
 * estates of the same import before those of the workspace.
 */
import { DATASETS, normalizeLabel } from '../../data/datasets';
import { estateNameGuessInTitle, type KnownEstate, type NameIssue } from '../../domain/names';
import { prepareImport } from '../index';
import { readSource } from '../source';
import { readDataSheet } from '../data-sheet';
import { stageChunk } from '../stage';
import { UnreadableFileError, type Problem, type ReadOptions, type SourceTable } from '../types';
import type { PreparedImport } from '../validate';
import { applyRecipe, CHOSEN_ESTATE_HEADER, JOINED_ID_HEADER, TITLE_ESTATE_HEADER } from './apply';
import { recipeMisfit, recogniseRecipe } from './fit';
import { makeRecipe, suggestParts } from './make';
import { detectDataset } from '../detect';
import { findPeriodInTitle, findYearInTitle } from '../values';
import type { Recipe } from './schema';
import type { ValueMapAnswers } from '../conversions/types';
import { DEFAULT_GROUPS, type IndicatorGroup } from '../groups';

/** A file to import with recipes. */
export interface RecipeInputFile {
	readonly name: string;
	readonly bytes: Uint8Array | ArrayBuffer;
	/** The recipe to use (else one is recognised among `recipes`; else the file is imported as detected). */
	readonly recipe?: Recipe;
	/** The period of a score sheet without a period column, given by the person (PrepareOptions.period). */
	readonly period?: string;
}

/** One prepared dataset of a file, and how it is stored so a reload rebuilds it. */
export interface RecipePrepared {
	readonly source: string;
	readonly recipe: Recipe | null;
	readonly prepared: PreparedImport;
}

/** The outcome for a set of files: every dataset prepared, the misfits, the names that did not resolve. */
export interface RecipeRun {
	readonly prepared: RecipePrepared[];
	/** Problems that stop the whole set (a recipe column missing in its file). */
	readonly misfits: Problem[];
	readonly nameIssues: (NameIssue & { readonly source: string })[];
}

/** Estates a prepared estates file defines (id, name, subdistrict), for name lookups. */
export function estatesOf(p: PreparedImport): KnownEstate[] {
	if (p.dataset !== 'estates') return [];
	const names = DATASETS.estates.columns.map((c) => c.name as string);
	const [id, name, sub] = ['estate_id', 'name', 'subdistrict'].map((c) => p.columns[names.indexOf(c)]);
	const out: KnownEstate[] = [];
	for (let r = 0; r < p.rowCount; r++) if (!p.invalid[r] && id[r] && name[r]) out.push({ id: String(id[r]), name: String(name[r]), subdistrict: (sub[r] as string | null) ?? null });
	return out;
}

/**
 * A file read as its recipe says: the recipe's sheet when the workbook has it (else the first), and the recipe's
 * header row when the detected one lacks the recipe's columns and that row has them (title rows of another
 * height are found by detection, as for any file).
 */
async function readForRecipe(f: RecipeInputFile, recipe: Recipe): Promise<SourceTable> {
	let sheet: string | undefined = recipe.sheet;
	let table: SourceTable;
	try {
		table = await readSource(f.name, f.bytes, { sheet });
	} catch (e) {
		if (!(e instanceof UnreadableFileError && e.code === 'sheet_missing')) throw e;
		sheet = undefined;
		table = await readSource(f.name, f.bytes, {});
	}
	if (recipe.headerRow && recipe.headerRow !== table.headerRow && recipeMisfit(recipe, table.headers).length) {
		const atRecipeRow = await readSource(f.name, f.bytes, { sheet, headerRow: recipe.headerRow });
		if (recipeMisfit(recipe, atRecipeRow.headers).length === 0) return atRecipeRow;
	}
	return table;
}

/**
 * The recipe a file without one gets when detection alone cannot import it but its shape is clear: estates without ids
 * (ids generated), rows keyed by estate names, a ledger with fees beside its estates. Detected as the data page
 * detects it (the title's period and fee year counted), which suggests the same parts, so the command line and the
 * app join alike.
 */
export function implicitRecipe(table: SourceTable, groups?: readonly IndicatorGroup[]): Recipe | null {
	const titlePeriod = findPeriodInTitle(table.titleLines);
	const guess = detectDataset(table.headers, { periodKnown: titlePeriod !== undefined, yearKnown: findYearInTitle(table.titleLines) !== undefined, estateKnown: estateNameGuessInTitle(table.titleLines) !== undefined, groups, cells: table.columns });
	if (!guess.dataset) return null;
	const parts = suggestParts(guess.dataset, table.headers, guess.mapping, table.titleLines);
	if (parts.length === 1 && parts[0].estateId.from === 'column') return null;
	return makeRecipe({ name: table.file, headers: table.headers, parts, savedAt: '1970-01-01T00:00:00.000Z' });
}

/** The groups a recipe's sheet is read with: its own, then the given ones (the system's) it does not define; undefined: the default. */
export function recipeGroups(recipe: Recipe, groups?: readonly IndicatorGroup[]): IndicatorGroup[] | undefined {
	if (!recipe.groups?.length) return groups ? [...groups] : undefined;
	const own = recipe.groups.map((g) => ({ code: g.code, names: g.names, members: g.members }));
	return [...own, ...(groups ?? DEFAULT_GROUPS).filter((g) => !own.some((o) => o.code === g.code))];
}

/** Value-map answers of two sources, column by column (the second wins for a word both answer). */
export function mergeAnswers(a: ValueMapAnswers, b: ValueMapAnswers): ValueMapAnswers {
	const out: Record<string, Record<string, string>> = {};
	for (const src of [a, b]) for (const [col, words] of Object.entries(src)) out[col] = { ...out[col], ...words };
	return out;
}

/** Whether a file has at least half the headers a recipe was made on (so a recipe named for it is meant for it). */
function sharesHeaders(recipe: Recipe, headers: readonly string[]): boolean {
	const have = new Set(headers.map(normalizeLabel));
	return recipe.headers.filter((h) => have.has(normalizeLabel(h))).length * 2 >= recipe.headers.length;
}

/** Adds shaping problems to a prepared file (errors count, so the file is not valid while a name is open). */
function withProblems(p: PreparedImport, extra: readonly Problem[], unresolved: ReadonlySet<number>): PreparedImport {
	if (!extra.length) return p;
	const errors = extra.filter((x) => x.severity === 'error').length;
	// A name that found no estate leaves its rows without an id: the name's problem (once, with its row count) says
	// why, so the empty id of each of those rows is not said again. So does a title that names no estate, for all rows.
	const noTitleEstate = extra.some((x) => x.code === 'estate_title_unknown');
	const noChosenEstate = extra.some((x) => x.code === 'estate_chosen_unknown');
	const saidOnce = (x: Problem) =>
		x.code === 'required' &&
		x.row !== null &&
		((x.column === JOINED_ID_HEADER && unresolved.has(x.row)) || (x.column === TITLE_ESTATE_HEADER && (noTitleEstate || unresolved.has(x.row))) || (x.column === CHOSEN_ESTATE_HEADER && noChosenEstate));
	const own = p.problems.filter((x) => !saidOnce(x));
	const dropped = p.problems.length - own.length;
	return { ...p, problems: [...extra, ...own], counts: { errors: p.counts.errors - dropped + errors, warnings: p.counts.warnings + extra.length - errors } };
}

/**
 * Reads, shapes and prepares files. `known` are the workspace's estates (names in files may refer to them);
 * `readOptions` per file name (sheet, header row) apply to files without a recipe.
 */
export async function prepareWithRecipes(
	files: readonly RecipeInputFile[],
	recipes: readonly Recipe[],
	known: readonly KnownEstate[] = [],
	readOptions: (name: string) => ReadOptions = () => ({}),
	/** Recipes the user named (the CLI's --recipe): each used for the files sharing at least half its headers, misfit or not. */
	named: readonly Recipe[] = [],
	/** The workspace's value-map answers (a file's recipe adds its own). */
	valueAnswers: ValueMapAnswers = {},
	/** Indicator groups of the current system (a file's recipe adds its own, which win for a code both define). */
	groups?: readonly IndicatorGroup[]
): Promise<RecipeRun> {
	const read: { file: RecipeInputFile; table: SourceTable; recipe: Recipe | null }[] = [];
	for (const f of files) {
		const first = f.recipe ? await readForRecipe(f, f.recipe) : await readDataSheet(f.name, f.bytes, readOptions(f.name));
		let recipe = f.recipe ?? null;
		let table = first;
		if (!recipe) {
			recipe = recogniseRecipe([...recipes, ...named], first.headers)?.recipe ?? named.find((r) => sharesHeaders(r, first.headers)) ?? null;
			if (recipe) table = await readForRecipe(f, recipe);
			else recipe = implicitRecipe(first, groups);
		}
		read.push({ file: f, table, recipe });
	}
	const definesEstates = (r: (typeof read)[number]) => (r.recipe ? r.recipe.parts.some((p) => p.dataset === 'estates') : false);
	const order = [...read].sort((a, b) => Number(definesEstates(b)) - Number(definesEstates(a)));
	// Plain files first among equals: an estates file without a recipe also defines estates.
	const plain = order.filter((r) => !r.recipe);
	const shaped = order.filter((r) => r.recipe);
	const prepared: RecipePrepared[] = [];
	const misfits: Problem[] = [];
	const nameIssues: (NameIssue & { source: string })[] = [];
	const own: KnownEstate[] = [];
	for (const r of plain) {
		const p = await prepareImport(r.table, { valueAnswers, groups, period: r.file.period });
		own.push(...estatesOf(p));
		prepared.push({ source: r.file.name, recipe: null, prepared: p });
	}
	for (const r of shaped) {
		const applied = applyRecipe(r.table, r.recipe!, [...own, ...known]);
		if (!applied.ok) {
			misfits.push(...applied.problems);
			continue;
		}
		nameIssues.push(...applied.nameIssues.map((i) => ({ ...i, source: r.file.name })));
		const unresolvedRows = new Set(applied.nameIssues.flatMap((i) => i.rows));
		const several = applied.tables.length > 1;
		for (const t of applied.tables) {
			const table = several ? { ...t.table, file: `${t.table.file} (${t.dataset})` } : t.table;
			const problems = several ? t.problems.map((p) => ({ ...p, file: table.file })) : t.problems;
			const answers = mergeAnswers(valueAnswers, r.recipe!.valueMaps);
			const made = r.recipe!.parts.some((x) => x.dataset === t.dataset && x.estateId.from !== 'column');
			const p = withProblems(await prepareImport(table, { dataset: t.dataset, mapping: t.mapping, conversions: t.plans.map((x) => x.conversion), valueAnswers: answers, groupScoring: t.groupScoring, homeColumn: t.homeColumn, groups: recipeGroups(r.recipe!, groups), period: r.file.period, estateColumnMade: made }), problems, unresolvedRows);
			own.push(...estatesOf(p));
			prepared.push({ source: r.file.name, recipe: r.recipe, prepared: p });
		}
	}
	return { prepared, misfits, nameIssues };
}

/** The valid rows of a prepared file as canonical CSV (docs/data-formats.md), as the workspace stores a shaped import. */
export function canonicalCsv(p: PreparedImport): Uint8Array {
	const chunk = stageChunk(p, 0, p.rowCount);
	const header = DATASETS[p.dataset!].columns.map((c) => c.name).join(',');
	if (chunk.rows === 0) return new TextEncoder().encode(header + '\n');
	// Staging lines start with the row's index ("_i"): dropped here.
	const text = new TextDecoder().decode(chunk.bytes).split('\n').slice(1).filter((l) => l !== '').map((l) => l.slice(l.indexOf(',') + 1));
	return new TextEncoder().encode([header, ...text].join('\n') + '\n');
}
