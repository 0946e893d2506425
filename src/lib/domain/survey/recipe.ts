/**
 * A survey recipe: how one questionnaire's questions map to indicators and which points scale applies, so the
 * next wave of the same questionnaire imports the same way. JSON-serialisable and checked with zod; kept in the
 * workspace and exported like the other recipes (same shape: kind, version, name, body).
 */
import { z } from 'zod';
import { scaleProblem, DEFAULT_SCALE } from './scale';

export const SURVEY_RECIPE_KIND = 'zhijia-survey-recipe';

const points = z
	.tuple([z.number(), z.number(), z.number(), z.number(), z.number()])
	.superRefine((p, ctx) => {
		const problem = scaleProblem(p);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});

/** The recipe's schema. */
export const surveyRecipeSchema = z.object({
	kind: z.literal(SURVEY_RECIPE_KIND),
	version: z.literal(1),
	name: z.string().trim().min(1),
	scale: z.object({ points, source: z.string().min(1) }),
	/** Which end of bare answers 1-5 is the top (absent in recipes saved before the choice: as the file suggests). */
	numbers: z.enum(['five_top', 'one_top']).optional(),
	/** How 满意 / 不满意 / 好 / 差 stand: three or five levels (absent in recipes saved before the choice: as the file suggests). */
	words: z.enum(['five_level', 'three_level']).optional(),
	questions: z.array(
		z.object({
			header: z.string(),
			number: z.number().int().positive().nullable(),
			/** Indicator code, 'satisfaction' for overall, null: not used. */
			indicator: z.string().trim().min(1).nullable()
		})
	)
});
export type SurveyRecipe = z.infer<typeof surveyRecipeSchema>;

/** What a recipe keeps of a counted survey (SurveyCounts fits it; named structurally so this module needs no import back). */
interface MappedQuestions {
	readonly questions: readonly { readonly header: string; readonly number: number | null; readonly indicator: string | null }[];
	readonly numbers?: 'five_top' | 'one_top';
	readonly words?: 'five_level' | 'three_level';
}

/** The recipe a counted survey stands for (its current mapping), with a scale. */
export function recipeOf(name: string, survey: MappedQuestions, scale = DEFAULT_SCALE): SurveyRecipe {
	return {
		kind: SURVEY_RECIPE_KIND,
		version: 1,
		name,
		scale: { points: [...scale.points], source: scale.source },
		...(survey.numbers ? { numbers: survey.numbers } : {}),
		...(survey.words ? { words: survey.words } : {}),
		questions: survey.questions.map((q) => ({ header: q.header, number: q.number, indicator: q.indicator }))
	};
}

/** Parses recipe JSON text; the message names what is wrong. */
export function parseSurveyRecipe(text: string): { ok: true; recipe: SurveyRecipe } | { ok: false; message: string } {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `not JSON: ${(e as Error).message}` };
	}
	const parsed = surveyRecipeSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join('.') || '(recipe)'}: ${i.message}`).join('; ') };
	return { ok: true, recipe: parsed.data };
}
