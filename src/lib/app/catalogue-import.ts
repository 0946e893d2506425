/** Turning a user's imported guide-price rows into a catalogue, and checking an edited one. */
import { guidePriceCatalogueSchema, type GuidePriceCatalogue } from '../domain';

/** Builds a per-grade catalogue from guide_prices rows (building_type, grade, price, price_low, price_high). */
export function catalogueFromRows(id: string, name: string, rows: Record<string, unknown>[]): GuidePriceCatalogue {
	return {
		id,
		name_zh: `${name}（导入）`,
		name_en: `${name} (imported)`,
		source: `guide_prices: ${name}`,
		year: null,
		verified: false,
		status: 'official',
		kind: 'per_grade',
		levels: null,
		rows: rows.map((r) => ({
			building_type: r.building_type as 'multi' | 'high',
			grade: Number(r.grade) as 1,
			price: Number(r.price),
			...(r.price_low == null ? {} : { price_low: Number(r.price_low) }),
			...(r.price_high == null ? {} : { price_high: Number(r.price_high) })
		})),
		ranges: [],
		provenance: { tag: 'user', source: `imported guide-price table '${name}'` },
		note: { zh: '用户导入的指导价表。', en: 'A guide-price table the user imported.' }
	};
}

/** What is wrong with a catalogue, in plain words (empty when it is usable). */
export function guidePriceCatalogueProblems(cat: GuidePriceCatalogue): string[] {
	const r = guidePriceCatalogueSchema.safeParse(cat);
	return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
