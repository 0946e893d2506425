/**
 * Recipes made from the choices on the data page or a first look at a file (docs/sources.md §18.6): one part
 * per dataset, and for a ledger whose rows carry an estate and its fee, an estates part and a fees part.
 */
import { DATASETS, matchColumn, type DatasetId } from '../../data/datasets';
import { mapHeaders, takesTitleYear } from '../detect';
import { estateNameGuessInTitle } from '../../domain/names';
import type { IndicatorGroup } from '../groups';
import type { ColumnPlan, ValueMapAnswers } from '../conversions/types';
import { RECIPE_FORMAT, RECIPE_VERSION, recipeSchema, type EstateIdSource, type Recipe, type RecipePart, type YearSource } from './schema';

/** Choices for {@link makeRecipe}. */
export interface RecipeChoices {
	readonly name: string;
	readonly headers: readonly string[];
	readonly sheet?: string;
	readonly headerRow?: number;
	readonly parts: readonly RecipePart[];
	readonly valueMaps?: ValueMapAnswers;
	readonly names?: Readonly<Record<string, string | null>>;
	/** ISO time (default now). */
	readonly savedAt?: string;
	/** The user's own groups the parts' group columns refer to. */
	readonly groups?: readonly IndicatorGroup[];
}

/** A recipe from the user's choices, checked by its schema. */
export function makeRecipe(c: RecipeChoices): Recipe {
	return recipeSchema.parse({
		format: RECIPE_FORMAT,
		version: RECIPE_VERSION,
		name: c.name,
		savedAt: c.savedAt ?? new Date().toISOString(),
		headers: [...c.headers],
		sheet: c.sheet,
		headerRow: c.headerRow,
		parts: c.parts,
		valueMaps: c.valueMaps ?? {},
		names: c.names ?? {},
		...(c.groups?.length ? { groups: c.groups.map((g) => ({ code: g.code, names: [...g.names], members: [...g.members] })) } : {})
	});
}

/** A part from a mapping aligned with the headers (the data page's mapping table). */
export function partFromMapping(dataset: DatasetId, headers: readonly string[], mapping: readonly (string | null)[], extra: { estateId?: EstateIdSource; year?: YearSource; plans?: readonly (ColumnPlan | undefined)[] } = {}): RecipePart {
	const columns: Record<string, ColumnPlan> = {};
	headers.forEach((h, i) => {
		const target = mapping[i];
		if (target && !(h in columns)) columns[h] = extra.plans?.[i] ?? { target };
	});
	return { dataset, columns, estateId: extra.estateId ?? { from: 'column' }, year: extra.year };
}

const NAME_TARGET = 'name';

/**
 * The parts a sheet suggests: its dataset as detected; for an estates sheet without an id column, ids generated
 * from the name (and subdistrict); and when the sheet also has a fee column (收费标准 beside the estate), a fees
 * part whose estates are found by name and whose year comes from a year or date column, else the title. A sheet of
 * another dataset without an estate column whose title (`titleLines`) names an estate is that estate's.
 */
export function suggestParts(dataset: DatasetId, headers: readonly string[], mapping: readonly (string | null)[], titleLines: readonly string[] = []): RecipePart[] {
	if (dataset !== 'estates') {
		const part = partFromMapping(dataset, headers, mapping);
		if (mapping.includes('estate_id') || !DATASETS[dataset].estateRef) return [part];
		// A file keyed by estate names (no id column): its rows find their estates by name (and subdistrict).
		const nameAt = headers.findIndex((h) => matchColumn('estates', h) === 'name');
		if (nameAt >= 0 && !mapping[nameAt]) {
			const subAt = headers.findIndex((h) => matchColumn('estates', h) === 'subdistrict');
			return [{ ...part, estateId: { from: 'name', name: headers[nameAt], subdistrict: subAt >= 0 && !mapping[subAt] ? headers[subAt] : undefined } }];
		}
		// A sheet of one estate (no estate column) whose title names it: every row is that estate's, and a year the
		// sheet needs and has no column for comes from the title or the person.
		if (nameAt < 0 && estateNameGuessInTitle(titleLines) !== undefined) {
			const year: YearSource | undefined = takesTitleYear(dataset) && !mapping.includes('year') ? { from: 'title' } : undefined;
			return [{ ...part, estateId: { from: 'title' }, year }];
		}
		return [part];
	}
	const nameAt = mapping.indexOf(NAME_TARGET);
	const subAt = mapping.indexOf('subdistrict');
	const hasId = mapping.includes('estate_id');
	const name = nameAt >= 0 ? headers[nameAt] : undefined;
	const subdistrict = subAt >= 0 ? headers[subAt] : undefined;
	const estateId: EstateIdSource = hasId || !name ? { from: 'column' } : { from: 'generate', name, subdistrict };
	const estates = partFromMapping('estates', headers, mapping, { estateId });
	const fees = mapHeaders('fees', headers).mapping;
	const feeAt = fees.indexOf('fee');
	if (feeAt < 0 || mapping[feeAt]) return [estates];
	// The fee columns of the sheet: fee, unit, collection rate, and a year or date column for the year.
	const feeMapping = headers.map((h, i) => (mapping[i] && mapping[i] !== 'estate_id' ? null : (fees[i] ?? (isDateHeader(h) ? 'year' : null))));
	if (hasId) feeMapping[mapping.indexOf('estate_id')] = 'estate_id';
	const year: YearSource = feeMapping.includes('year') ? { from: 'column' } : { from: 'title' };
	const feeId: EstateIdSource = hasId || !name ? { from: 'column' } : { from: 'name', name, subdistrict };
	const plans = headers.map((h, i): ColumnPlan | undefined => (feeMapping[i] === 'year' && isDateHeader(h) ? { target: 'year', conversion: { kind: 'date_to_year' } } : undefined));
	return [estates, partFromMapping('fees', headers, feeMapping, { estateId: feeId, year, plans })];
}

/** A header naming when a fee took effect (执行日期, 生效时间): its date gives the fee's year. */
function isDateHeader(h: string): boolean {
	return matchColumn('fees', h) === undefined && /(执行|生效|起始|开始|调整)(日期|时间|年月)|^日期$/.test(h.trim());
}
