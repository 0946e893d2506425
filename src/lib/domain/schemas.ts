/**
 * Runtime validation (zod) for the figures a user may replace: indicator systems and guide-price
 * catalogues arriving from settings, a URL or an imported file. Types are the hand-written interfaces;
 * these schemas only check untrusted data against them.
 */
import { z } from 'zod';
import { indicatorSystemProblems, type IndicatorSystem } from './indicator-system';
import type { GuidePriceCatalogue } from './catalogues';
import { BUILDING_TYPES } from './vocabulary';

const grade = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

/** A Provenance record. */
export const provenanceSchema = z.object({
	tag: z.enum(['V', 'V-calc', 'M', 'E', 'user']),
	source: z.string(),
	source_zh: z.string().optional(),
	note: z.string().optional(),
	note_zh: z.string().optional()
});

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** An IndicatorSystem, including the cross-field checks of indicatorSystemProblems. */
export const indicatorSystemSchema = z
	.object({
		id: z.string().min(1),
		name_zh: z.string(),
		name_en: z.string(),
		indicators: z
			.array(
				z.object({
					code: z.string().min(1),
					name_zh: z.string(),
					name_en: z.string(),
					weight: z.number().nonnegative(),
					group: z.string().optional()
				})
			)
			.min(1),
		groups: z
			.array(
				z.object({
					code: z.string(),
					name_zh: z.string(),
					name_en: z.string(),
					aliases: z.array(z.string()).optional(),
					members: z.array(z.string())
				})
			)
			.optional(),
		blend: z.object({ inspection: z.number().nonnegative(), satisfaction: z.number().nonnegative() }),
		redLines: z.array(z.object({ indicator: z.string(), floor: z.number(), capGrade: grade, provenance: provenanceSchema })),
		gradeThresholds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
		provenance: z.object({ indicators: provenanceSchema, blend: provenanceSchema, gradeThresholds: provenanceSchema })
	})
	.superRefine((system, ctx) => {
		for (const message of indicatorSystemProblems(system)) ctx.addIssue({ code: 'custom', message });
	});

const buildingType = z.enum(BUILDING_TYPES);
const price = z.number().nonnegative();

/** A GuidePriceCatalogue; also checks one row per building type and grade, and low ≤ high. */
export const guidePriceCatalogueSchema = z
	.object({
		id: z.string().min(1),
		name_zh: z.string(),
		name_en: z.string(),
		source: z.string(),
		source_zh: z.string().optional(),
		year: z.number().int().nullable(),
		verified: z.boolean(),
		status: z.enum(['official', 'draft', 'illustrative']),
		kind: z.enum(['per_grade', 'range']),
		levels: z.number().int().positive().nullable(),
		rows: z.array(
			z.object({
				building_type: buildingType,
				grade,
				price,
				price_low: price.optional(),
				price_high: price.optional()
			})
		),
		ranges: z.array(z.object({ building_type: buildingType, low: price, high: price })),
		provenance: provenanceSchema,
		note: bilingual
	})
	.superRefine((cat, ctx) => {
		const keys = cat.rows.map((r) => `${r.building_type}/${r.grade}`);
		const dupes = keys.filter((k, i) => keys.indexOf(k) !== i);
		if (dupes.length > 0) ctx.addIssue({ code: 'custom', message: `duplicate rows: ${[...new Set(dupes)].join(', ')}` });
		for (const r of cat.ranges) {
			if (r.low > r.high) ctx.addIssue({ code: 'custom', message: `range ${r.building_type}: low above high` });
		}
		if (cat.kind === 'range' && cat.rows.length > 0) ctx.addIssue({ code: 'custom', message: "a 'range' catalogue has no rows" });
	});

/** Parse untrusted data as an indicator system; `{ success, data | error }` as zod's safeParse. */
export function parseIndicatorSystem(input: unknown) {
	return indicatorSystemSchema.safeParse(input) as z.ZodSafeParseResult<IndicatorSystem>;
}

/** Parse untrusted data as a guide-price catalogue; `{ success, data | error }` as zod's safeParse. */
export function parseGuidePriceCatalogue(input: unknown) {
	return guidePriceCatalogueSchema.safeParse(input) as z.ZodSafeParseResult<GuidePriceCatalogue>;
}
