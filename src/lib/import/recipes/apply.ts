/**
 * A recipe applied to a table read from a file (docs/sources.md §18.5, §18.6): one table per dataset the sheet
 * feeds (a ledger row with an estate and its fee gives an estates row and a fees row), each with the columns the
 * recipe maps, plus the estate id where the file has none (generated from the name, or found by name) and the
 * fee year where the file has no year column (from the title, or the user's answer). The tables keep the
 * source's headers and row numbers, so every problem still names the file, row and column the user sees.
 */
import { normalizeLabel as normalise, type DatasetId } from '../../data/datasets';
import { estateNameGuessInTitle, estateNameInTitle, generatedEstateId, EstateNameIndex, resolveNames, type KnownEstate, type NameIssue } from '../../domain/names';
import type { ColumnPlan } from '../conversions/types';
import { makeProblem } from '../messages';
import { findYearInTitle } from '../values';
import type { Cell, Problem, SourceTable } from '../types';
import { costRowsLeftOut } from '../cost-breakdown';
import { homeColumn } from '../per-home-fund';
import { mergedBlanks } from '../estate-groups';
import { filledDown, filledNotes } from '../fill-down';
import { headerIndex, recipeMisfit } from './fit';
import type { Recipe, RecipePart } from './schema';

/** Header of the estate-id column a recipe adds (problems about it name this column). */
export const GENERATED_ID_HEADER = '小区编号(按名称生成)';
export const JOINED_ID_HEADER = '小区编号(按名称对应)';
export const TITLE_YEAR_HEADER = '年度(取自标题或填写)';
export const TITLE_ESTATE_HEADER = '小区(取自标题)';
export const CHOSEN_ESTATE_HEADER = '小区(所选)';

/** One dataset's table made from the file, ready for `prepareImport(table, { dataset, mapping })`. */
export interface RecipeTable {
	readonly dataset: DatasetId;
	readonly table: SourceTable;
	/** Target of each header of `table` (null: not imported). */
	readonly mapping: (string | null)[];
	/** Plan of each header (target and conversion), aligned with `table.headers`. */
	readonly plans: ColumnPlan[];
	/** Problems found while shaping (names that did not resolve, a year that is unknown): errors keep the rows out. */
	readonly problems: Problem[];
	/** Estates this part defines (for name lookups of the other parts and files). */
	readonly estates: KnownEstate[];
	/** How a group column of a wide score sheet counts (the part's choice; undefined: the default). */
	readonly groupScoring?: 'spread' | 'group';
	/** A fund ledger's column naming each row's home (房号), which the part does not import: its rows are homes. */
	readonly homeColumn?: string;
}

/** What applying a recipe gave: a table per part, or the columns the file lacks. */
export type RecipeApplied =
	| { readonly ok: true; readonly tables: RecipeTable[]; readonly nameIssues: NameIssue[] }
	| { readonly ok: false; readonly missing: string[]; readonly problems: Problem[] };

const text = (c: Cell): string => (c === null ? '' : String(c).trim());

/**
 * Applies a recipe to a table. `known` are the estates names may refer to besides those the recipe's own
 * estates part generates (other files of the import, then the workspace).
 */
export function applyRecipe(table: SourceTable, recipe: Recipe, known: readonly KnownEstate[] = []): RecipeApplied {
	const missing = recipeMisfit(recipe, table.headers);
	if (missing.length) {
		return {
			ok: false,
			missing,
			problems: missing.map((column) => makeProblem(table.file, null, column, null, { code: 'recipe_column_missing', params: { recipe: recipe.name, column } }, 'error'))
		};
	}
	const idx = headerIndex(table.headers);
	const col = (h: string) => idx.get(normalise(h))!;
	// Estates parts first: the other parts may refer to the estates they define.
	const order = [...recipe.parts].sort((a, b) => Number(b.dataset === 'estates') - Number(a.dataset === 'estates'));
	const own: KnownEstate[] = [];
	const tables: RecipeTable[] = [];
	const nameIssues: NameIssue[] = [];
	for (const part of order) {
		const t = shapePart(table, part, col, recipe, [...own, ...known]);
		own.push(...t.estates);
		nameIssues.push(...t.issues);
		tables.push(t.table);
	}
	return { ok: true, tables: recipe.parts.map((p) => tables[order.indexOf(p)]), nameIssues };
}

function shapePart(
	src: SourceTable,
	part: RecipePart,
	col: (h: string) => number,
	recipe: Recipe,
	known: readonly KnownEstate[]
): { table: RecipeTable; estates: KnownEstate[]; issues: NameIssue[] } {
	const headers: string[] = [];
	const columns: Cell[][] = [];
	const plans: ColumnPlan[] = [];
	const problems: Problem[] = [];
	// The source column of each column taken (the estate and year columns made below come after them).
	const sourceOf: number[] = [];
	for (const [h, plan] of Object.entries(part.columns)) {
		if (plan.target === null) continue;
		sourceOf.push(col(h));
		headers.push(src.headers[col(h)]);
		columns.push(src.columns[col(h)]);
		plans.push(plan);
	}
	const n = src.rowCount;
	let estates: KnownEstate[] = [];
	let issues: NameIssue[] = [];
	// Rows whose name the person answered "not one of ours" (不是本区小区): left out, said once per name.
	const refusedRows = new Set<number>();
	// A cost sheet's breakdown, tax and profit rows, seen with the columns the part does not take (its 序号): left out too.
	if (part.dataset === 'costs') {
		const left = costRowsLeftOut(src, partMapping(src, part, col));
		for (const r of left.rows) refusedRows.add(r);
		problems.push(...left.problems);
	}
	const taken = n - refusedRows.size;
	const e = part.estateId;
	if (e.from === 'generate' || e.from === 'name' || e.from === 'title') {
		// A sheet of one estate: every row names the estate its title names (found among the known, else the title's
		// likely name, asked like any other name).
		const titleName = e.from === 'title' ? (estateNameInTitle(src.titleLines, known) ?? estateNameGuessInTitle(src.titleLines) ?? '') : '';
		const nameHeader = e.from === 'title' ? TITLE_ESTATE_HEADER : src.headers[col(e.name)];
		const written = e.from === 'title' ? null : namesAsWritten(src, col(e.name), part.dataset !== 'estates', problems);
		const names = written ? written.cells.map(text) : new Array<string>(n).fill(titleName);
		// A row whose merged name came from above takes the place above too, when its own is blank (merged with it).
		const place = (h: string | undefined) => (h ? withMergedRows(placeCells(src, col(h), part.dataset === 'estates' && e.from !== 'title' ? col(e.name) : -1), written?.merged ?? []).map(text) : null);
		const subs = e.from !== 'title' ? place(e.subdistrict) : null;
		const dists = e.from === 'name' ? place(e.district) : null;
		if (e.from === 'title' && !titleName) problems.push(makeProblem(src.file, null, TITLE_ESTATE_HEADER, src.titleLines[0] ?? null, { code: 'estate_title_unknown' }, 'error'));
		let ids: (string | null)[];
		if (e.from === 'generate') {
			ids = names.map((name, r) => (name ? generatedEstateId(name, subs?.[r] || null) : null));
			const seen = new Set<string>();
			estates = ids.flatMap((id, r) => (id && !seen.has(id) && seen.add(id) ? [{ id, name: names[r], subdistrict: subs?.[r] || null }] : []));
			headers.push(GENERATED_ID_HEADER);
		} else {
			const queries = names.map((name, r) => ({ name, subdistrict: subs?.[r] || null, district: dists?.[r] || null }));
			const resolved = resolveNames(queries, src.rowNumbers, new EstateNameIndex(known), recipe.names);
			ids = resolved.ids.map((id, r) => (names[r] ? id : null));
			issues = resolved.issues.filter((i) => i.name !== '');
			for (const i of issues) problems.push(nameProblem(src.file, nameHeader, i));
			for (const r of resolved.refused.filter((x) => x.name !== '')) {
				for (const at of r.at) refusedRows.add(at);
				const place = r.subdistrict ? `(${r.subdistrict})` : '';
				problems.push(makeProblem(src.file, src.rowNumbers[r.at[0]], nameHeader, r.name, { code: 'estate_name_refused', params: { name: r.name, place, rows: r.at.length } }, 'warning'));
			}
			for (const m of resolved.numerals) {
				problems.push(makeProblem(src.file, m.row, nameHeader, m.name, { code: 'estate_name_numerals', params: { name: m.name, estate: m.estate.name, id: m.estate.id, rows: m.rows } }, 'warning'));
			}
			const id = e.from === 'title' && n > 0 ? ids[0] : null;
			if (id) problems.push(makeProblem(src.file, null, TITLE_ESTATE_HEADER, titleName, { code: 'estate_from_title', params: { name: titleName, id, rows: taken } }, 'warning'));
			headers.push(e.from === 'title' ? TITLE_ESTATE_HEADER : JOINED_ID_HEADER);
		}
		columns.push(ids);
		plans.push({ target: 'estate_id' });
	}
	if (e.from === 'chosen') {
		// A sheet of one estate whose title names none: every row is the estate the person chose, which must still be
		// one of the estates known (a recipe kept from another workspace may name one not here).
		const estate = known.find((k) => k.id === e.id);
		if (!estate) problems.push(makeProblem(src.file, null, CHOSEN_ESTATE_HEADER, e.id, { code: 'estate_chosen_unknown', params: { id: e.id } }, 'error'));
		else if (n > 0) problems.push(makeProblem(src.file, null, CHOSEN_ESTATE_HEADER, estate.name, { code: 'estate_chosen', params: { name: estate.name, id: e.id, rows: taken } }, 'warning'));
		headers.push(CHOSEN_ESTATE_HEADER);
		columns.push(new Array<Cell>(n).fill(estate ? e.id : null));
		plans.push({ target: 'estate_id' });
	}
	if (part.year && part.year.from !== 'column') {
		const year = part.year.from === 'fixed' ? part.year.value : findYearInTitle(src.titleLines);
		if (year === undefined) problems.push(makeProblem(src.file, null, TITLE_YEAR_HEADER, null, { code: 'year_unknown' }, 'error'));
		else if (part.year.from === 'title') problems.push(makeProblem(src.file, null, TITLE_YEAR_HEADER, String(year), { code: 'year_from_title', params: { year } }, 'warning'));
		headers.push(TITLE_YEAR_HEADER);
		columns.push(new Array<Cell>(n).fill(year ?? null));
		plans.push({ target: 'year' });
	}
	const keep = part.dataset === 'estates' && e.from === 'generate' ? uniqueRows(columns, n) : refusedRows.size ? allBut(refusedRows, n) : null;
	const pick = <T>(xs: readonly T[]): T[] => (keep ? keep.map((r) => xs[r]) : [...xs]);
	const table: SourceTable = {
		...src,
		headers,
		columns: columns.map((c) => pick(c)),
		rowNumbers: pick(src.rowNumbers),
		rowCount: keep ? keep.length : n,
		// Reading problems belong to the file once, not to every dataset made from it.
		problems: part === recipe.parts[0] ? src.problems : [],
		// The totals the reader left out, cell for cell with these columns (a ledger's 合计 is checked against its homes).
		...(src.summaryRows ? { summaryRows: src.summaryRows.map((s) => ({ ...s, cells: headers.map((_, k) => (k < sourceOf.length ? (s.cells[sourceOf[k]] ?? null) : null)) })) } : {}),
		errorRows: src.errorRows
	};
	// A per-home fund ledger (分户账) is summed per estate: its home column is seen here, before the part drops it.
	const home = part.dataset === 'fund_balances' ? homeColumn(src.headers, partMapping(src, part, col)) : undefined;
	return { table: { dataset: part.dataset, table, mapping: plans.map((p) => p.target), plans, problems, estates, groupScoring: part.groupScoring, ...(home ? { homeColumn: home } : {}) }, estates, issues };
}

/** The part's target of each of the source's columns (null: not imported). */
function partMapping(src: SourceTable, part: RecipePart, col: (h: string) => number): (string | null)[] {
	const mapping = src.headers.map(() => null as string | null);
	for (const [h, plan] of Object.entries(part.columns)) if (plan.target !== null) mapping[col(h)] = plan.target;
	return mapping;
}

/** Rows 0..n-1 without the given ones. */
function allBut(left: ReadonlySet<number>, n: number): number[] {
	const keep: number[] = [];
	for (let r = 0; r < n; r++) if (!left.has(r)) keep.push(r);
	return keep;
}

/**
 * Rows to keep of an estates part: a ledger lists an estate once per fee year, so rows that repeat an earlier
 * row in every imported column are the same estate said twice (kept once); rows that differ stay and the
 * duplicate-id check reports them.
 */
function uniqueRows(columns: readonly Cell[][], n: number): number[] {
	const seen = new Set<string>();
	const keep: number[] = [];
	for (let r = 0; r < n; r++) {
		const key = JSON.stringify(columns.map((c) => c[r]));
		if (seen.has(key)) continue;
		seen.add(key);
		keep.push(r);
	}
	return keep;
}

function nameProblem(file: string, column: string, i: NameIssue): Problem {
	const candidates = i.candidates.length ? i.candidates.map((c) => `${c.id} ${c.name}${c.subdistrict ? `(${c.subdistrict})` : ''}`).join('; ') : '—';
	const place = i.subdistrict ? `(${i.subdistrict})` : '';
	return makeProblem(file, i.rows[0], column, i.name, { code: i.kind === 'ambiguous' ? 'estate_name_ambiguous' : 'estate_name_unmatched', params: { name: i.name, place, rows: i.rows.length, candidates } }, 'error');
}

/**
 * A name column's cells with 同上 read from above and, in a part that is not the estates themselves, the blank cells
 * of a merged estate column too (fill-down.ts), each said once.
 */
function namesAsWritten(src: SourceTable, c: number, blanks: boolean, problems: Problem[]): { cells: readonly Cell[]; merged: readonly number[] } {
	const f = filledDown(src.columns[c], blanks);
	if (!f) return { cells: src.columns[c], merged: [] };
	problems.push(...filledNotes(src, c, f));
	return f;
}

/**
 * A place column's cells; in an estates register whose 街道 cells were merged over groups, each estate's blank filled
 * from its group as the import reads it (estate-groups.ts), so a generated id is the same as from the workbook.
 */
function placeCells(src: SourceTable, c: number, nameCol: number): readonly Cell[] {
	if (nameCol < 0) return src.columns[c];
	return mergedBlanks(src.columns[c], (r) => text(src.columns[nameCol][r]) !== '')?.cells ?? src.columns[c];
}

/** A place column with its blank cells at the merged rows taken from the row above (already filled in turn). */
function withMergedRows(cells: readonly Cell[], merged: readonly number[]): readonly Cell[] {
	if (merged.length === 0) return cells;
	const out = cells.slice();
	for (const r of merged) if (r > 0 && text(out[r]) === '') out[r] = out[r - 1];
	return out;
}
