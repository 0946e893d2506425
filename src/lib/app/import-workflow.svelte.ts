/**
 * The data page's import workflow as a model (the page keeps markup and wiring): files chosen and inspected in
 * the import worker, choices corrected, a saved recipe recognised by header shape (docs/sources.md §18.6), every
 * file checked with the current tables, and one all-or-nothing commit recorded in the workspace. Files that need
 * shaping (ids generated from names, names joined to estates, several datasets from one sheet) are read and
 * prepared on this thread through the recipe pipeline, the same one `zhijia import` runs; the others keep the
 * worker path.
 */
import { z } from 'zod';
import type { DatasetId } from '../data/datasets';
import type { KnownEstate, NameIssue } from '../domain/names';
import type { Engine } from '../engine/engine';
import type { MessageKey } from '../i18n/messages';
import { BROWSER_IMPORT_LIMIT_BYTES, isShrink, problemText, validateFiles, type CommitResult, type DatasetChange, type FileReport, type ImportProgress, type Lang, type PreparedFile, type Problem } from '../import';
import { importWorker, type InspectionSummary } from '../import/client';
import { dropStaged, type KeptStaging } from '../import/stage';
import { parseRecipe, prepareWithRecipes, recipeMisfit, recogniseRecipe, type Recipe, type RecipePrepared } from '../import/recipes';
import { commitAndRecord, forgetRecipe, rememberMapping, saveRecipe, saveValueAnswer, type ImportEntry } from '../workspace/workspace.svelte';
import { workspaceState } from '../workspace/workspace-state.svelte';
import type { Conversion, ValueMapAnswers } from '../import/conversions/types';
import { choicesParts, choicesRecipe, namesAgainst, needsShaping, storedShape, usedGroups, type FileChoices } from './import-choices';
import { groupsOfSystem, type IndicatorGroup } from '../import/groups';
import { settings } from './analysis-settings.svelte';
import { parsePeriod } from '../import/values';

/** A file the user chose, inspected, with the choices they can correct. */
export interface Pending {
	key: string;
	name: string;
	/** The file as chosen: the worker reads it, and it is stored as is (a Blob in IndexedDB) when committed. */
	file: File | null;
	/** The file's handle in the import worker (null when refused before reading). */
	handle: number | null;
	inspection: InspectionSummary | null;
	refused: string | null;
	sheet: string | undefined;
	headerRow: number;
	dataset: DatasetId | null;
	mapping: (string | null)[];
	/** The recipe in use: recognised by header shape, or picked by the user. */
	recipe: Recipe | null;
	recognised: boolean;
	/** Columns of the recipe the file lacks (the recipe cannot be used). */
	misfit: string[];
	/** Fee year entered for a ledger whose title names none. */
	year: number | null;
	/** The estate (id) chosen for a sheet of one estate that names none. */
	estate?: string | null;
	/** Period entered for a score sheet without a period column (as typed; read by parsePeriod). */
	period: string | null;
	/** Answers to names that did not resolve. */
	names: Record<string, string | null>;
	/** Conversion per header: chosen by the person, null for none, undefined to choose from the cells. */
	conversions: (Conversion | null | undefined)[];
	/** A wide sheet's group score: spread to its member indicators, or scored at group level. */
	groupScoring?: 'spread' | 'group';
}

/** What the page shows after an action. */
export type Outcome = { kind: 'ok' | 'error' | 'cancelled'; text: string };

/** The page's translator and language, passed in so the model stays free of the i18n module's state. */
export interface WorkflowText {
	t(key: MessageKey, params?: Record<string, string | number>): string;
	lang(): Lang;
	num(n: number, digits: number): string;
}

export class ImportWorkflow {
	pending = $state<Pending[]>([]);
	mode = $state<'replace' | 'append'>('replace');
	dropInvalid = $state(false);
	reports = $state.raw<FileReport[] | null>(null);
	/** Names that did not resolve in the last check, once each, with the file they came from. */
	nameIssues = $state.raw<(NameIssue & { source: string })[]>([]);
	/**
	 * Every name a check has asked about since the files were chosen, answered or not, so an answer (an estate, or
	 * 不是本区小区) stays listed and can be changed; an answered name is no issue of the next check.
	 */
	nameRows = $state.raw<(NameIssue & { source: string })[]>([]);
	/** Recipe columns missing in their files (the last check). */
	misfits = $state.raw<Problem[]>([]);
	busy = $state<null | 'inspect' | 'check' | 'commit' | 'workspace'>(null);
	progress = $state<ImportProgress | null>(null);
	outcome = $state<Outcome | null>(null);
	/** A replace that would empty or mostly empty a dataset, waiting for the user's answer. */
	shrink = $state<DatasetChange[] | null>(null);
	private prepared: PreparedFile[] = [];
	private shaped: RecipePrepared[] | null = null;
	private controller: AbortController | null = null;
	/** The last check's staging tables, which the commit of the same files takes over (a million rows staged once). */
	private kept: KeptStaging | null = null;

	constructor(
		private readonly engine: () => Engine,
		private readonly text: WorkflowText,
		private readonly onTablesChanged: () => void
	) {}

	get recipes(): Recipe[] {
		return workspaceState.workspace.recipes ?? [];
	}
	get errorCount(): number {
		return (this.reports?.reduce((s, r) => s + r.counts.errors, 0) ?? 0) + this.misfits.length;
	}
	/** Records dropped with dropInvalid (a wide sheet's melted cells). */
	get invalidRows(): number {
		return this.reports?.reduce((s, r) => s + r.invalidRows, 0) ?? 0;
	}
	/** Source rows those come from, as the person sees them in Excel (docs/sources.md §18). */
	get invalidSourceRows(): number {
		return this.reports?.reduce((s, r) => s + r.invalidSourceRows, 0) ?? 0;
	}
	get fileLevelErrors(): boolean {
		return this.misfits.length > 0 || (this.reports?.some((r) => r.unreadable || r.dataset === null) ?? false);
	}
	get canCommit(): boolean {
		return !!this.reports && this.reports.length > 0 && !this.fileLevelErrors && (this.errorCount === 0 || this.dropInvalid);
	}

	/** Starts the import worker ahead of the first file (client.ts `warm`); a failure shows on the first file instead. */
	warm(): void {
		importWorker()
			.warm()
			.catch(() => undefined);
	}

	async addFiles(files: FileList | File[]): Promise<void> {
		this.outcome = null;
		this.reports = null;
		this.busy = 'inspect';
		try {
			for (const file of Array.from(files)) {
				const p: Pending = { key: `${file.name}-${Date.now()}-${Math.random()}`, name: file.name, file: null, handle: null, inspection: null, refused: null, sheet: undefined, headerRow: 1, dataset: null, mapping: [], recipe: null, recognised: false, misfit: [], year: null, period: null, names: {}, conversions: [] };
				if (file.size > BROWSER_IMPORT_LIMIT_BYTES) {
					p.refused = this.tooLarge(file.size);
					this.pending.push(p);
					continue;
				}
				p.file = file;
				p.handle = await importWorker().open(p.name, file); // the worker reads the File itself: no copy on this thread
				this.pending.push(p);
				await this.inspect(this.pending.length - 1, {}, true);
			}
		} finally {
			this.busy = null;
		}
	}

	private tooLarge(size: number): string {
		const { t, num } = this.text;
		return t('data.tooLarge', { size: num(size / 1024 / 1024, 0), limit: num(BROWSER_IMPORT_LIMIT_BYTES / 1024 / 1024, 0) });
	}

	/** (Re)reads a file with the sheet, header row or dataset the user chose; on first reading, looks for its recipe. */
	async inspect(index: number, options: { sheet?: string; headerRow?: number; dataset?: DatasetId }, first = false): Promise<void> {
		const p = this.pending[index];
		try {
			// A new file's workbook is read from its first sheet of data (past a sheet of instructions); later choices name the sheet.
			let ins = await importWorker().inspect(p.handle!, { ...options, ...(first ? { firstDataSheet: true } : {}), valueAnswers: this.answers(), groups: this.groups() });
			if (!ins.memory.withinBrowserLimit) {
				p.refused = this.tooLarge(p.file?.size ?? 0);
				p.file = null;
				this.closeHandle(p);
				return;
			}
			const found = first ? recogniseRecipe(this.recipes, ins.headers) : null;
			if (found && (found.recipe.sheet !== undefined || found.recipe.headerRow) && (found.recipe.sheet !== ins.sheet || found.recipe.headerRow !== ins.headerRow)) {
				ins = await importWorker().inspect(p.handle!, { sheet: ins.sheets?.includes(found.recipe.sheet ?? '') ? found.recipe.sheet : undefined, headerRow: found.recipe.headerRow || undefined, dataset: found.recipe.parts[0].dataset, valueAnswers: this.answers(), groups: this.groups() });
			}
			this.setInspection(p, ins);
			if (found) this.useRecipe(p, found.recipe, true);
			p.refused = null;
		} catch (e) {
			p.inspection = null;
			p.refused = this.refusal(p.name, e);
		}
		this.reports = null;
	}

	private setInspection(p: Pending, ins: InspectionSummary): void {
		p.inspection = ins;
		p.sheet = ins.sheet;
		p.headerRow = ins.headerRow;
		p.dataset = ins.dataset;
		const remembered = workspaceState.workspace.mappings[ins.signature];
		p.mapping = remembered ? ins.headers.map((h) => remembered[h] ?? null) : [...ins.mapping];
		p.conversions = [];
	}

	/** The workspace's value-map answers (docs/sources.md §18). */
	answers(): ValueMapAnswers {
		return ($state.snapshot(workspaceState.workspace.valueAnswers) as ValueMapAnswers | undefined) ?? {};
	}

	/** The current system's indicator groups (docs/sources.md §18): a wide sheet may have a column for each. */
	groups(): IndicatorGroup[] {
		return groupsOfSystem($state.snapshot(settings.system));
	}

	/** Saves the answer to an unknown word; the files are checked again with it. */
	async answerWord(column: string, word: string, code: string): Promise<void> {
		await saveValueAnswer(column, word, code);
		this.reports = null;
	}

	/** The person chose how a group score counts. */
	setGroupScoring(p: Pending, g: 'spread' | 'group'): void {
		p.groupScoring = g;
		this.reports = null;
	}

	/** The person chose a conversion for a column (undefined: choose from the cells). */
	setConversion(p: Pending, column: number, c: Conversion | null | undefined): void {
		p.conversions[column] = c;
		this.reports = null;
	}

	/** Uses a saved recipe for a file (null: none): its first part's dataset and mapping are shown. */
	useRecipe(p: Pending, recipe: Recipe | null, recognised = false): void {
		p.recipe = recipe;
		p.recognised = recognised && recipe !== null;
		p.misfit = recipe && p.inspection ? recipeMisfit(recipe, p.inspection.headers) : [];
		if (recipe && p.inspection) {
			const part = recipe.parts[0];
			p.dataset = part.dataset;
			p.mapping = p.inspection.headers.map((h) => part.columns[h]?.target ?? null);
			p.conversions = p.inspection.headers.map((h) => part.columns[h]?.conversion);
			p.groupScoring = part.groupScoring;
		}
		this.reports = null;
	}

	/** The user changed a column's target: the choices are theirs now (a recipe in use no longer applies). */
	setTarget(p: Pending, column: number, target: string | null): void {
		p.mapping[column] = target;
		p.conversions[column] = undefined;
		if (p.recipe) {
			p.recipe = null;
			p.recognised = false;
			p.misfit = [];
		}
		this.reports = null;
	}

	choices(p: Pending): FileChoices {
		const ins = p.inspection!;
		return { name: p.name, headers: ins.headers, titleLines: ins.titleLines, sheet: p.sheet, headerRow: p.headerRow, dataset: p.dataset, layout: ins.layout, mapping: p.mapping, recipe: p.recipe, year: p.year, estate: p.estate, names: p.names, conversions: p.conversions, valueAnswers: this.answers(), groupScoring: p.groupScoring, groups: this.groups() };
	}

	/** Why a file cannot be read, in the interface language (never the library's own English text). */
	private refusal(name: string, e: unknown): string {
		const err = e as { name?: string; code?: string; params?: Record<string, string | number>; message?: string };
		if (err?.name === 'UnreadableFileError' && err.code) return this.text.t('data.unreadable', { name, reason: problemText(err.code, err.params, this.text.lang()) });
		return this.text.t('data.unreadable', { name, reason: err?.message ?? String(e) });
	}

	/** Checks every file with the current tables; nothing is written. */
	async check(): Promise<void> {
		this.outcome = null;
		this.busy = 'check';
		this.progress = null;
		this.controller = new AbortController();
		const signal = this.controller.signal;
		const onProgress = (x: ImportProgress) => (this.progress = x);
		try {
			await this.releaseStaging();
			const list = this.pending.filter((p) => p.inspection && !p.refused);
			this.prepared = [];
			this.shaped = null;
			this.nameIssues = [];
			this.misfits = [];
			if (list.some((p) => needsShaping(choicesParts(this.choices(p))))) {
				const run = await this.prepareShaped(list);
				this.shaped = run.prepared;
				this.nameIssues = run.nameIssues;
				this.nameRows = mergeNameRows(this.nameRows, run.nameIssues, (source, key) => this.nameAnswer(source, key) !== undefined);
				this.misfits = run.misfits;
				this.prepared = run.prepared.map((x) => x.prepared);
			} else {
				for (const p of list) {
					// Read, normalised and row-checked in the import worker; the rows stay there until staging.
					this.prepared = [
						...this.prepared,
						await importWorker().prepare(p.handle!, { dataset: p.dataset ?? undefined, mapping: $state.snapshot(p.mapping), conversions: $state.snapshot(p.conversions), valueAnswers: this.answers(), groupScoring: p.groupScoring, groups: this.groups(), period: this.givenPeriod(p), signal, onProgress })
					];
				}
			}
			this.reports = await validateFiles(this.engine(), this.prepared, { mode: this.mode, signal, onProgress, keep: (k) => (this.kept = k) });
		} catch (e) {
			this.outcome = signal.aborted ? { kind: 'cancelled', text: this.text.t('data.cancelled') } : { kind: 'error', text: e instanceof Error ? e.message : String(e) };
		} finally {
			this.busy = null;
			this.controller = null;
		}
	}

	/** Every file through its recipe (the choices make one where none was saved), against the estates names may mean. */
	private async prepareShaped(list: Pending[]) {
		const files = await Promise.all(list.map(async (p) => ({ name: p.name, bytes: new Uint8Array(await p.file!.arrayBuffer()), recipe: choicesRecipe($state.snapshot(this.choices(p)) as FileChoices, p.recipe?.name ?? p.name), period: this.givenPeriod(p) })));
		const replacesEstates = files.some((f) => f.recipe.parts.some((x) => x.dataset === 'estates'));
		const workspace = await this.engine().parse('SELECT estate_id AS id, name, subdistrict FROM estates', z.object({ id: z.string(), name: z.string(), subdistrict: z.string().nullable() }));
		const known: KnownEstate[] = namesAgainst(workspace, this.mode, replacesEstates);
		return prepareWithRecipes(files, [], known, () => ({}), [], this.answers(), this.groups());
	}

	/** Commits the checked files (one transaction) and records them in the workspace. */
	async commit(allowShrink = false): Promise<void> {
		const { t, num } = this.text;
		this.busy = 'commit';
		this.outcome = null;
		this.shrink = null;
		this.progress = null;
		this.controller = new AbortController();
		try {
			const entries = this.entries();
			// The commit takes the check's staging over, or drops it: either way it is no longer ours.
			const reuse = this.kept;
			this.kept = null;
			const result: CommitResult = await commitAndRecord(this.engine(), entries, { mode: this.mode, dropInvalid: this.dropInvalid, allowShrink, reuse, signal: this.controller.signal, onProgress: (x) => (this.progress = x) });
			if (result.committed) {
				if (!this.shaped) for (const p of this.pending) if (p.inspection) await rememberMapping(p.inspection.signature, this.mappingRecord(p));
				for (const p of this.pending) this.closeHandle(p);
				this.outcome = { kind: 'ok', text: t('data.committed', { rows: num(result.inserted, 0), dropped: num(result.dropped, 0), seconds: num(result.seconds, 1), rate: num(result.rowsPerSecond, 0) }) };
				this.pending = [];
				this.reports = null;
				this.nameIssues = [];
				this.nameRows = [];
				this.onTablesChanged();
			} else if (result.reason === 'shrink') {
				// Ask before a replace empties a dataset or removes most of it (docs/sources.md §17); nothing changed yet.
				this.shrink = result.changes.filter(isShrink);
			} else {
				this.outcome = { kind: 'error', text: t(`data.notCommitted.${result.reason ?? 'errors'}`) };
			}
		} catch (e) {
			this.outcome = this.controller?.signal.aborted ? { kind: 'cancelled', text: t('data.cancelled') } : { kind: 'error', text: t('data.commitFailed', { reason: e instanceof Error ? e.message.split('\n')[0] : String(e) }) };
		} finally {
			this.busy = null;
			this.controller = null;
		}
	}

	private mappingRecord(p: Pending): Record<string, string> {
		return Object.fromEntries(p.inspection!.headers.map((h, j) => [h, p.mapping[j]]).filter(([, m]) => m !== null)) as Record<string, string>;
	}

	/** What is committed and stored: the files as chosen, or each shaped dataset as canonical CSV (replayed as is). */
	private entries(): ImportEntry[] {
		if (this.shaped) {
			return this.shaped.map((s) => {
				const stored = storedShape(s.prepared, s.source);
				return { prepared: { ...s.prepared, file: stored.name }, bytes: stored.bytes, options: { headerRow: 1, mapping: stored.mapping, dropInvalid: this.dropInvalid } };
			});
		}
		return this.pending
			.filter((p) => p.inspection && !p.refused)
			.map((p, i) => {
				const period = this.givenPeriod(p);
				return {
					prepared: this.prepared[i],
					bytes: p.file!,
					options: {
						sheet: p.sheet,
						headerRow: p.headerRow,
						mapping: this.mappingRecord(p),
						dropInvalid: this.dropInvalid,
						conversions: Object.fromEntries(p.inspection!.headers.map((h, j) => [h, $state.snapshot(p.conversions[j])]).filter(([, c]) => c !== undefined)) as Record<string, Conversion | null>,
						valueAnswers: this.answers(),
						groupScoring: p.groupScoring,
						...this.storedGroups(p),
						...(period ? { period } : {})
					}
				};
			});
	}

	/** Whether the page asks for a file's period: a score sheet whose mapping has no period column. */
	asksPeriod(p: Pending): boolean {
		return p.dataset === 'scores' && !p.mapping.includes('period');
	}

	/** How what the person typed as a file's period reads (parsePeriod), or null when it is not asked or left empty. */
	typedPeriod(p: Pending): ReturnType<typeof parsePeriod> | null {
		return this.asksPeriod(p) && p.period?.trim() ? parsePeriod(p.period) : null;
	}

	/**
	 * The period the person gave a score sheet (canonical, 2025Q3), when it is asked and what they typed reads as a
	 * period; else undefined (the column, or the title's period, is used).
	 */
	givenPeriod(p: Pending): string | undefined {
		const r = this.typedPeriod(p);
		return r && !('error' in r) && r.value ? r.value : undefined;
	}

	/** The user's own groups a file's group columns were read with, kept so a replay reads them alike. */
	private storedGroups(p: Pending): { groups?: { code: string; names: string[]; members: string[] }[] } {
		const used = usedGroups(p.mapping, this.groups());
		return used.length ? { groups: used.map((g) => ({ code: g.code, names: [...g.names], members: [...g.members] })) } : {};
	}

	cancel(): void {
		this.controller?.abort();
	}

	declineShrink(): void {
		this.shrink = null;
		this.outcome = { kind: 'cancelled', text: this.text.t('data.shrinkCancelled') };
	}

	/** Drops the last check's staging tables (a new check, or the page closing). */
	async releaseStaging(): Promise<void> {
		const kept = this.kept;
		this.kept = null;
		if (kept) await dropStaged(this.engine(), kept.staged);
	}

	/** Lets the import worker forget a file (its bytes, table and prepared rows). */
	private closeHandle(p: Pending): void {
		if (p.handle !== null) importWorker().close(p.handle);
		p.handle = null;
	}

	remove(key: string): void {
		for (const p of this.pending) if (p.key === key) this.closeHandle(p);
		this.pending = this.pending.filter((p) => p.key !== key);
		this.reports = null;
	}

	/** The names panel's rows of the files still chosen. */
	get shownNameRows(): (NameIssue & { source: string })[] {
		return this.nameRows.filter((r) => this.pending.some((p) => p.name === r.source));
	}

	/** The person's answer for a name of a file: an estate id, null for 不是本区小区, undefined when not answered. */
	nameAnswer(source: string, key: string): string | null | undefined {
		const names = this.pending.find((p) => p.name === source)?.names;
		return names && Object.hasOwn(names, key) ? names[key] : undefined;
	}

	/**
	 * Answers a name that did not resolve (an estate id, null for none of ours, '' to take the answer back); the user
	 * checks again.
	 */
	answerName(source: string, key: string, id: string | null): void {
		for (const p of this.pending) {
			if (p.name !== source) continue;
			// Back to 请选择… is no answer at all (an empty id would join the rows to no estate).
			const rest = { ...p.names };
			delete rest[key];
			p.names = id === '' ? rest : { ...rest, [key]: id };
		}
		this.reports = null;
	}

	/** Saves a file's choices as a recipe under a name. */
	async saveRecipe(p: Pending, name: string): Promise<Recipe> {
		const recipe = choicesRecipe($state.snapshot(this.choices(p)) as FileChoices, name.trim());
		await saveRecipe(recipe);
		p.recipe = recipe;
		p.recognised = false;
		this.outcome = { kind: 'ok', text: this.text.t('recipes.saved', { name: recipe.name }) };
		return recipe;
	}

	/** Opens a recipe file (JSON) and saves it in the workspace; a bad file is refused with the reason. */
	async openRecipe(file: File): Promise<void> {
		try {
			const recipe = parseRecipe(await file.text());
			await saveRecipe(recipe);
			for (const p of this.pending) if (!p.recipe && p.inspection && recogniseRecipe([recipe], p.inspection.headers)) this.useRecipe(p, recipe, true);
			this.outcome = { kind: 'ok', text: this.text.t('recipes.opened', { name: recipe.name }) };
		} catch (e) {
			this.outcome = { kind: 'error', text: this.text.t('recipes.openFailed', { name: file.name, reason: e instanceof Error ? e.message : String(e) }) };
		}
	}

	/** Deletes a saved recipe from the workspace; files using it keep their choices, now without a recipe. */
	async forgetRecipe(name: string): Promise<void> {
		await forgetRecipe(name);
		for (const p of this.pending) if (p.recipe?.name === name) this.useRecipe(p, null);
		this.outcome = { kind: 'ok', text: this.text.t('recipes.forgotten', { name }) };
	}
}

/**
 * The names panel's rows after a check: the rows of before that are answered (they resolved, so the check does not
 * list them again), then the check's own issues, each name once, in the order first asked.
 */
export function mergeNameRows<T extends NameIssue & { source: string }>(before: readonly T[], issues: readonly T[], answered: (source: string, key: string) => boolean): T[] {
	const id = (x: T) => `${x.source}|${x.key}`;
	const fresh = new Map(issues.map((x) => [id(x), x]));
	const kept = before.filter((x) => fresh.has(id(x)) || answered(x.source, x.key)).map((x) => fresh.get(id(x)) ?? x);
	const seen = new Set(kept.map(id));
	return [...kept, ...issues.filter((x) => !seen.has(id(x)))];
}
