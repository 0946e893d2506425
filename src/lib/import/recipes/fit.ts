/**
 * Does a recipe fit a file (docs/sources.md §18.6)? A recipe is recognised when the file has the header shape it
 * was made on (the same headers in the same order, compared as labels: width, case and spaces folded), or when
 * every column it uses is there; a recipe the user picks that lacks a column says which one.
 */
import { normalizeLabel } from '../../data/datasets';
import { headerSignature } from '../detect';
import type { Recipe } from './schema';

/** Every source header a recipe reads: mapped columns and the name, subdistrict and district columns. */
export function recipeColumns(recipe: Recipe): string[] {
	const out = new Set<string>();
	for (const part of recipe.parts) {
		for (const [h, plan] of Object.entries(part.columns)) if (plan.target !== null) out.add(h);
		const e = part.estateId;
		if (e.from === 'generate' || e.from === 'name') {
			out.add(e.name);
			if (e.subdistrict) out.add(e.subdistrict);
			if (e.from === 'name' && e.district) out.add(e.district);
		}
	}
	return [...out];
}

/** Index of each header by its folded label (the first of equal labels). */
export function headerIndex(headers: readonly string[]): Map<string, number> {
	const m = new Map<string, number>();
	headers.forEach((h, i) => {
		const k = normalizeLabel(h);
		if (!m.has(k)) m.set(k, i);
	});
	return m;
}

/** The recipe's columns the file does not have (empty when it fits). */
export function recipeMisfit(recipe: Recipe, headers: readonly string[]): string[] {
	const have = headerIndex(headers);
	return recipeColumns(recipe).filter((h) => !have.has(normalizeLabel(h)));
}

/** A recipe recognised for a file: by its exact header shape, or because every column it uses is there. */
export interface Recognised {
	readonly recipe: Recipe;
	readonly exact: boolean;
}

/** The recipe for a file with these headers: the same shape first (newest saved wins), else a fitting one. */
export function recogniseRecipe(recipes: readonly Recipe[], headers: readonly string[]): Recognised | null {
	const sig = headerSignature(headers);
	const newest = [...recipes].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
	const same = newest.find((r) => headerSignature(r.headers) === sig);
	if (same) return { recipe: same, exact: true };
	// A fitting recipe must also have been made on mostly these headers: a recipe using two common columns
	// ("小区名称", "物业费") is not recognised for every file that has them.
	const have = new Set(headers.map(normalizeLabel));
	const fits = newest.find((r) => recipeMisfit(r, headers).length === 0 && r.headers.filter((h) => have.has(normalizeLabel(h))).length >= 0.8 * r.headers.length);
	return fits ? { recipe: fits, exact: false } : null;
}
