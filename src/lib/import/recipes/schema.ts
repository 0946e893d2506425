/**
 * An import recipe (docs/sources.md §18.6): every choice made for one file shape (sheet, header row, the
 * dataset or datasets it feeds, each column's target and conversion, value-map answers, name answers), saved by
 * name, recognised again from the header shape, exported and opened as JSON. Plain JSON checked by zod.
 */
import { z } from 'zod';
import { DATASET_IDS } from '../../data/datasets';
import { columnPlanSchema, valueMapAnswersSchema } from '../conversions/types';

export const RECIPE_FORMAT = 'zhijia-recipe';
export const RECIPE_VERSION = 1;

/**
 * Where a part's estate ids come from: a mapped id column; generated from the name (and subdistrict) for an
 * estates part whose file numbers nothing; found by name among the estates known (the same import's, then the
 * workspace's) for the other datasets; or, for a sheet of one estate without an estate column, the estate its title
 * names (锦馨一村2024年度物业服务成本明细), found among the estates known in the same way, or the estate the person chose
 * (a sheet whose title names none: its id, kept so the same estate's next sheet imports alike).
 */
export const estateIdSourceSchema = z.discriminatedUnion('from', [
	z.object({ from: z.literal('column') }),
	z.object({ from: z.literal('generate'), name: z.string().min(1), subdistrict: z.string().min(1).optional() }),
	z.object({ from: z.literal('name'), name: z.string().min(1), subdistrict: z.string().min(1).optional(), district: z.string().min(1).optional() }),
	z.object({ from: z.literal('title') }),
	z.object({ from: z.literal('chosen'), id: z.string().trim().min(1) })
]);
export type EstateIdSource = z.infer<typeof estateIdSourceSchema>;

/** Where a part's year (a fee's, a cost's, a fund balance's) comes from when no column is mapped to it: the title ("2024年…") or the user's answer. */
export const yearSourceSchema = z.discriminatedUnion('from', [
	z.object({ from: z.literal('column') }),
	z.object({ from: z.literal('title') }),
	z.object({ from: z.literal('fixed'), value: z.number().int().min(1900).max(2100) })
]);
export type YearSource = z.infer<typeof yearSourceSchema>;

/** One dataset a sheet feeds: source header (as written) → what it becomes. */
export const recipePartSchema = z.object({
	dataset: z.enum(DATASET_IDS),
	columns: z.record(z.string(), columnPlanSchema),
	estateId: estateIdSourceSchema.default({ from: 'column' }),
	year: yearSourceSchema.optional(),
	/**
	 * A wide score sheet's group column (设施设备运行): its score spread to the member indicators or kept at group
	 * level (docs/sources.md §18). Absent in recipes saved before the choice was kept: spread, the default.
	 */
	groupScoring: z.enum(['spread', 'group']).optional()
});
export type RecipePart = z.infer<typeof recipePartSchema>;

/** Answers to "which estate is this name?": query key (name key | place key) → estate id, or null for none. */
export const nameAnswersSchema = z.record(z.string(), z.string().nullable());

/**
 * An indicator group a recipe's wide sheet scores in one column (docs/sources.md §18): its code, the headers it
 * is written under, its member indicators. Kept in the recipe so the command line and a replay read the group
 * as the app did, whatever system is current.
 */
export const recipeGroupSchema = z.object({
	code: z.string().trim().min(1),
	names: z.array(z.string()),
	members: z.array(z.string().min(1)).min(1)
});

export const recipeSchema = z.object({
	format: z.literal(RECIPE_FORMAT),
	version: z.literal(RECIPE_VERSION),
	name: z.string().trim().min(1),
	savedAt: z.string(),
	/** The header shape the recipe was made on (headers as written, in order). */
	headers: z.array(z.string()),
	sheet: z.string().optional(),
	headerRow: z.number().int().nonnegative().optional(),
	parts: z.array(recipePartSchema).min(1),
	valueMaps: valueMapAnswersSchema.default({}),
	names: nameAnswersSchema.default({}),
	/** The user's own indicator groups its group columns refer to (absent: only the default 设施设备运行). */
	groups: z.array(recipeGroupSchema).optional()
});
export type Recipe = z.infer<typeof recipeSchema>;

/** A recipe file that cannot be used, with zod's reasons (path: message). */
export class RecipeFormatError extends Error {
	constructor(readonly issues: readonly string[]) {
		super(`not a zhijia recipe: ${issues.join('; ')}`);
		this.name = 'RecipeFormatError';
	}
}

/** Parses recipe JSON text (a file the user opened); throws {@link RecipeFormatError}. */
export function parseRecipe(text: string): Recipe {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new RecipeFormatError([(e as Error).message]);
	}
	const r = recipeSchema.safeParse(raw);
	if (!r.success) throw new RecipeFormatError(r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
	return r.data;
}

/** The recipe as a JSON file (stable key order, two-space indent). */
export function recipeJson(recipe: Recipe): string {
	return JSON.stringify(recipeSchema.parse(recipe), null, 2) + '\n';
}
