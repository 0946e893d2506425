/**
 * The shape of the analysis settings as they are kept (localStorage) and carried in a workspace file: one zod
 * schema for both, so a workspace file is held to exactly what the browser accepts from its own storage.
 * Plain TypeScript (no Svelte) so the workspace code and Node tests can use it.
 */
import { guidePriceCatalogueSchema, indicatorSystemSchema } from '$lib/domain/schemas';
import { z } from 'zod';

export const analysisSettingsSchema = z.object({
	system: indicatorSystemSchema,
	savedSystems: z.array(indicatorSystemSchema),
	catalogueId: z.string(),
	/** The user's own catalogues: edited copies of shipped ones, or built from an imported guide-price table. */
	userCatalogues: z.array(guidePriceCatalogueSchema).default([]),
	bands: z.object({ low: z.number().positive(), high: z.number().positive() }),
	period: z.string().nullable()
});
