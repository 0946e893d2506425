/**
 * The contract between the import's value conversions and anything that stores them (import recipes,
 * the workspace): what a mapped column becomes and how. Plain JSON (no functions, no Dates), validated by zod
 * so a recipe read back from a file or storage is checked before it is trusted. docs/sources.md §18.
 */
import { z } from 'zod';

/** Grain of a period made from a date: 2024-05-17 → 2024Q2 (quarter) or 2024-05 (month). */
export const periodGrainSchema = z.enum(['quarter', 'month']);

/**
 * Unit words a number may carry in a cell ("3.2万㎡", "1,200户", "85%", "2.1元/㎡·月") and the factor that
 * brings the written number to the target column's unit (万㎡ → ㎡ is 10000; % → share is 0.01 when the target
 * holds a share, 1 when it holds percent points).
 */
export const unitConversionSchema = z.object({
	kind: z.literal('unit'),
	/** The unit word as found in the cells, e.g. '万㎡', '㎡', '户', '栋', '台', '%', '元/㎡·月'. */
	unit: z.string(),
	/** Multiply the written number by this to get the target's unit. */
	factor: z.number().finite()
});

/** One conversion a mapped column carries, applied to every cell before validation. */
export const conversionSchema = z.discriminatedUnion('kind', [
	/** A count (27, "27台", 0) to yes/no: yes when the count is above zero. */
	z.object({ kind: z.literal('count_to_bool') }),
	/** A date, a datetime, a 年月 text or an Excel serial number to its calendar year. */
	z.object({ kind: z.literal('date_to_year') }),
	/** A date (or 年月, or 2024年第一季度) to a period at the given grain. */
	z.object({ kind: z.literal('date_to_period'), grain: periodGrainSchema }),
	unitConversionSchema,
	/** A word to a code through the value map of the target column (built-in words, then the user's answers). */
	z.object({ kind: z.literal('value_map') })
]);
export type Conversion = z.infer<typeof conversionSchema>;
export type UnitConversion = z.infer<typeof unitConversionSchema>;

/** Words to codes for one target column: { '动迁房': 'relocation', '小高层': 'high' }. */
export const valueMapSchema = z.record(z.string(), z.string());
export type ValueMap = z.infer<typeof valueMapSchema>;

/** What one source column becomes: a target column (null = ignored) and an optional conversion. */
export const columnPlanSchema = z.object({
	target: z.string().nullable(),
	conversion: conversionSchema.optional()
});
export type ColumnPlan = z.infer<typeof columnPlanSchema>;

/**
 * The user's saved answers to "what code is this word?", by target column then word:
 * { building_type: { '花园洋房': 'multi' } }. Stored in the workspace and in recipes; read before the
 * built-in vocabulary's fuzzy guesses, after its exact words.
 */
export const valueMapAnswersSchema = z.record(z.string(), valueMapSchema);
export type ValueMapAnswers = z.infer<typeof valueMapAnswersSchema>;
