/**
 * The pure part of the data page's import workflow (import-workflow.svelte.ts): what a chosen file may be
 * mapped to, the recipe its choices make, whether it needs shaping (ids generated, names joined, several
 * datasets from one sheet), and how a shaped import is stored so a reload rebuilds it. No Svelte, no engine.
 */
import { DATASETS, type DatasetId } from '../data/datasets';
import type { IndicatorSystem } from '../domain/indicator-system';
import type { KnownEstate } from '../domain/names';
import type { PreparedImport } from '../import/validate';
import type { Conversion, ValueMapAnswers } from '../import/conversions/types';
import { INDICATOR_TARGET, neededColumns, takesTitleYear } from '../import/detect';
import { DEFAULT_GROUPS, GROUP_TARGET, groupOfTarget, groupsOfSystem, type IndicatorGroup } from '../import/groups';
import { canonicalCsv, makeRecipe, mergeAnswers, suggestParts, type Recipe, type RecipePart } from '../import/recipes';

/** The choices of one chosen file that a recipe records. */
export interface FileChoices {
	readonly name: string;
	readonly headers: readonly string[];
	/** Rows above the header (a title naming the sheet's one estate makes it that estate's). */
	readonly titleLines?: readonly string[];
	readonly sheet?: string;
	readonly headerRow: number;
	readonly dataset: DatasetId | null;
	readonly layout: 'long' | 'wide';
	readonly mapping: readonly (string | null)[];
	/** A recipe recognised or picked for the file (its parts win over the mapping). */
	readonly recipe: Recipe | null;
	/** The fee year the user entered for a sheet whose title names none. */
	readonly year?: number | null;
	/** The estate (its id) the person chose for a sheet of one estate that names none, in a column or its title. */
	readonly estate?: string | null;
	/** Answers to names that did not resolve: query key → estate id (null: none of ours). */
	readonly names?: Readonly<Record<string, string | null>>;
	/** Conversion per header chosen by the person (undefined or null: chosen from the cells). */
	readonly conversions?: readonly (Conversion | null | undefined)[];
	/** Value-map answers to keep with a saved recipe. */
	readonly valueAnswers?: ValueMapAnswers;
	/** How a wide score sheet's group column counts, as the person chose (undefined: the recipe's, else spread). */
	readonly groupScoring?: 'spread' | 'group';
	/** The current system's indicator groups (a recipe keeps those of its group columns). */
	readonly groups?: readonly IndicatorGroup[];
}

/** The targets a column of a file may be mapped to. */
export function mappingTargets(dataset: DatasetId | null, layout: 'long' | 'wide', system: IndicatorSystem): string[] {
	if (!dataset) return [];
	if (dataset === 'scores' && layout === 'wide') return ['estate_id', 'period', ...system.indicators.map((i) => `indicator:${i.code}`), 'indicator:satisfaction', ...groupsOfSystem(system).map((g) => GROUP_TARGET + g.code)];
	return DATASETS[dataset].columns.map((c) => c.name as string);
}

/** The parts a file's choices give: the recipe's, else those suggested by its dataset and mapping. */
export function choicesParts(c: FileChoices): RecipePart[] {
	let parts = c.recipe ? c.recipe.parts : c.dataset ? suggestParts(c.dataset, c.headers, c.mapping, c.titleLines) : [];
	if (!c.recipe && c.conversions?.some((x) => x)) parts = parts.map((p) => withConversions(p, c.headers, c.conversions!));
	if (c.groupScoring) parts = parts.map((p) => (p.dataset === 'scores' ? { ...p, groupScoring: c.groupScoring } : p));
	if (c.estate) parts = parts.map((p) => (lacksEstate(p) ? { ...p, estateId: { from: 'chosen' as const, id: c.estate! } } : p));
	if (c.year == null) return parts;
	return parts.map((p) => (p.year && p.year.from !== 'column' ? { ...p, year: { from: 'fixed' as const, value: c.year! } } : p));
}

/** A part with the conversions the person chose for its columns. */
function withConversions(p: RecipePart, headers: readonly string[], conversions: readonly (Conversion | null | undefined)[]): RecipePart {
	const columns = { ...p.columns };
	headers.forEach((h, i) => {
		const c = conversions[i];
		if (c && columns[h]?.target) columns[h] = { ...columns[h], conversion: c };
	});
	return { ...p, columns };
}

/**
 * The required columns a file's choices leave without a source, for the line under its dataset on the data page:
 * what the mapping does not give, less what the import takes from elsewhere (estates found by name or ids
 * generated, the estate, the period or the year from the title, the year the person gives). The same rules as the
 * import's own missing-column check (validate.ts), so the page never warns of a column the import will not miss.
 */
export function unmetColumns(c: FileChoices, title: { readonly period?: string; readonly year?: number }): string[] {
	const titlePeriod = title.period;
	if (!c.dataset) return [];
	const parts = choicesParts(c);
	const part = parts.find((x) => x.dataset === c.dataset) ?? parts[0];
	if (!part) return [];
	const targets = new Set(Object.values(part.columns).flatMap((x) => (x.target ? [x.target] : [])));
	const estateElsewhere = part.estateId.from !== 'column';
	if (part.dataset === 'scores' && c.layout === 'wide') {
		const out: string[] = [];
		if (!targets.has('estate_id') && !estateElsewhere) out.push('estate_id');
		if (!targets.has('period') && !titlePeriod) out.push('period');
		if (![...targets].some((x) => x.startsWith(INDICATOR_TARGET) || x.startsWith(GROUP_TARGET))) out.push('indicator');
		return out;
	}
	return neededColumns(part.dataset).filter((name) => {
		if (targets.has(name)) return false;
		if (name === 'estate_id' && estateElsewhere) return false;
		// A facilities register without quantities counts each row as one (validate.ts, reading rules 12).
		if (name === 'quantity' && part.dataset === 'facilities') return false;
		if (name === 'year' && takesTitleYear(part.dataset) && ((part.year && part.year.from !== 'column') || title.year !== undefined)) return false;
		return !(part.dataset === 'scores' && name === 'period' && titlePeriod);
	});
}

/**
 * Whether a part's rows name no estate: a dataset with an estate id, and no column mapped to it, no name column, no
 * title naming one (or the estate the person chose, which the person may change).
 */
export function lacksEstate(p: RecipePart): boolean {
	if (p.dataset === 'estates' || !DATASETS[p.dataset].columns.some((c) => c.name === 'estate_id')) return false;
	if (p.estateId.from !== 'column' && p.estateId.from !== 'chosen') return false;
	return !Object.values(p.columns).some((x) => x.target === 'estate_id');
}

/** Whether the data page asks which estate a file's rows are: a part of its choices names none. */
export function asksEstate(c: FileChoices): boolean {
	return !!c.dataset && choicesParts(c).some(lacksEstate);
}

/** An estate as the data page's estate field shows it: name (id, subdistrict). */
export function estateLabel(e: KnownEstate): string {
	return `${e.name}（${e.id}${e.subdistrict ? `，${e.subdistrict}` : ''}）`;
}

/** The estate a file's parts say its rows are (chosen now, or kept by its recipe); null for none. */
export function chosenEstate(parts: readonly RecipePart[]): string | null {
	for (const p of parts) if (p.estateId.from === 'chosen') return p.estateId.id;
	return null;
}

/** The headers a file's rows find their estates by (the name and subdistrict columns), not imported as columns. */
export function estateMatchHeaders(parts: readonly RecipePart[]): Set<string> {
	const out = new Set<string>();
	for (const p of parts) {
		if (p.estateId.from !== 'name') continue;
		out.add(p.estateId.name);
		if (p.estateId.subdistrict) out.add(p.estateId.subdistrict);
	}
	return out;
}

/** Whether a file needs shaping: several datasets, ids generated, or estates found by name. */
export function needsShaping(parts: readonly RecipePart[]): boolean {
	return parts.length > 1 || parts.some((p) => p.estateId.from !== 'column' || (p.year && p.year.from !== 'column'));
}

/** The recipe a file's choices make, to save it under `name` or to import with it now. */
export function choicesRecipe(c: FileChoices, name: string, savedAt?: string): Recipe {
	return makeRecipe({
		name,
		headers: c.headers,
		sheet: c.sheet,
		headerRow: c.headerRow,
		parts: choicesParts(c),
		valueMaps: mergeAnswers(c.recipe?.valueMaps ?? {}, c.valueAnswers ?? {}),
		names: { ...c.recipe?.names, ...c.names },
		savedAt,
		groups: c.recipe ? c.recipe.groups : usedGroups(c.mapping, c.groups)
	});
}

/**
 * The user's own groups a mapping's group columns refer to (the default 设施设备运行 is known everywhere, so a
 * recipe made for it stays as before); kept with a recipe or a stored file so they are read the same later.
 */
export function usedGroups(mapping: readonly (string | null)[], groups: readonly IndicatorGroup[] | undefined): IndicatorGroup[] {
	const codes = new Set(mapping.map((t) => groupOfTarget(t)).filter((g) => g !== undefined));
	return (groups ?? []).filter((g) => codes.has(g.code) && !DEFAULT_GROUPS.some((d) => d.code === g.code));
}

/** Estates names may refer to: the workspace's, unless the import replaces the estates (then only its own). */
export function namesAgainst(workspace: readonly KnownEstate[], mode: 'replace' | 'append', replacesEstates: boolean): KnownEstate[] {
	return mode === 'replace' && replacesEstates ? [] : [...workspace];
}

/** How a shaped dataset is stored: its valid rows as canonical CSV under "<file>.<dataset>.csv", mapped as is. */
export function storedShape(p: PreparedImport, source: string): { name: string; bytes: Uint8Array; mapping: Record<string, string> } {
	const cols = DATASETS[p.dataset!].columns.map((c) => c.name as string);
	return { name: `${source}.${p.dataset}.csv`, bytes: canonicalCsv(p), mapping: Object.fromEntries(cols.map((c) => [c, c])) };
}
