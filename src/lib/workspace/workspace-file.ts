/**
 * The workspace as one file, to move it to another computer: a JSON manifest with the user's source files
 * (base64), their import options, the remembered column mappings and the analysis settings. A SHA-256 per file
 * detects damage; a foreign or damaged file is refused with a clear reason and nothing is changed.
 */
import { z } from 'zod';
import { analysisSettingsSchema } from '../app/analysis-settings-schema';
import { DATASET_IDS } from '../data/datasets';
import { recipeGroupSchema, recipeSchema } from '../import/recipes/schema';
import { conversionSchema, valueMapAnswersSchema } from '../import/conversions/types';
import { surveyRecipeSchema } from '../domain/survey/recipe';

export const WORKSPACE_FORMAT = 'zhijia-workspace';
export const WORKSPACE_VERSION = 1;

/** How one source file was imported, so the same import can be replayed on load. */
export const storedFileSchema = z.object({
	id: z.string().min(1),
	name: z.string().min(1),
	dataset: z.enum(DATASET_IDS),
	mode: z.enum(['replace', 'append']),
	/** Import options chosen by the user (sheet, header row, column mapping, drop invalid rows). */
	options: z.object({
		sheet: z.string().optional(),
		/** 1-based header row for CSV and xlsx; JSON and parquet have none (0 or absent). */
		headerRow: z.number().int().nonnegative().optional(),
		mapping: z.record(z.string(), z.string()).optional(),
		dropInvalid: z.boolean().default(false),
		/** Reading rules the file was accepted under (READ_RULES); absent: accepted before the reading rules existed, replayed leniently. */
		rules: z.number().int().optional(),
		/** Conversions chosen for its columns (header → conversion, null: none); absent: chosen from the cells. */
		conversions: z.record(z.string(), conversionSchema.nullable()).optional(),
		/** The value-map answers it was imported with (so a replay reads its words the same way). */
		valueAnswers: valueMapAnswersSchema.optional(),
		/** How a wide sheet's group columns were scored (absent: spread to the members). */
		groupScoring: z.enum(['spread', 'group']).optional(),
		/** The user's own indicator groups its group columns were read with (absent: only 设施设备运行). */
		groups: z.array(recipeGroupSchema).optional(),
		/** The period the person gave a score sheet without a period column (2025Q3); absent: a column or the title. */
		period: z.string().optional()
	}),
	rows: z.number().int().nonnegative(),
	addedAt: z.string()
});
export type StoredFile = z.infer<typeof storedFileSchema>;

/**
 * One import as the history shows it and as undo needs it: the files imported, when, the rows each target table
 * had before and has after, and the workspace's list of imports before it (whose replay rebuilds the tables as
 * they were: the datasets it replaced or appended to included).
 */
export const historyEntrySchema = z.object({
	id: z.string().min(1),
	at: z.string(),
	files: z.array(z.object({ name: z.string(), dataset: z.enum(DATASET_IDS), mode: z.enum(['replace', 'append']), rows: z.number().int().nonnegative() })),
	changes: z.array(z.object({ dataset: z.enum(DATASET_IDS), before: z.number().int().nonnegative(), after: z.number().int().nonnegative() })),
	/** Rows written by the import. */
	added: z.number().int().nonnegative(),
	/** Rows the import took away (a replace removes every row the table had). */
	removed: z.number().int().nonnegative(),
	previous: z.array(storedFileSchema),
	/** The base before the import, when the import changed it (the quick start's "only my estate"). */
	previousBase: z.enum(['sample', 'empty']).optional()
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Imports that can be undone, newest last (older ones are forgotten, with the files only they needed). */
export const MAX_HISTORY = 10;

/** What the browser keeps: the base (the sample district or nothing), then the imports in order. */
export const workspaceSchema = z.object({
	base: z.enum(['sample', 'empty']),
	files: z.array(storedFileSchema),
	/** Column mappings remembered by header signature. */
	mappings: z.record(z.string(), z.record(z.string(), z.string())).default({}),
	/** The last imports, each with the state before it, so they can be undone one at a time. */
	history: z.array(historyEntrySchema).default([]),
	/** Import recipes saved by name (docs/sources.md §18.6): recognised again when a file of the same shape arrives. */
	recipes: z.array(recipeSchema).optional(),
	/** The user's value-map answers (target column → word → code), used for every later file. */
	valueAnswers: valueMapAnswersSchema.optional(),
	/**
	 * Own estates' listing matches set by hand (market references, docs/sources.md §14.3): estate id → listing key,
	 * or null for "no listing". Kept with the workspace so a choice survives a reload and travels in its file.
	 */
	marketMatches: z.record(z.string(), z.string().nullable()).optional(),
	/** Owners' survey recipes (question → indicator, points scale), by name; exported with the workspace. */
	surveyRecipes: z.array(surveyRecipeSchema).optional()
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const EMPTY_WORKSPACE: Workspace = { base: 'sample', files: [], mappings: {}, history: [] };

/** Ids of the stored files a workspace still needs: its imports and those that undo would bring back. */
export function referencedFiles(ws: Workspace): Set<string> {
	const ids = new Set(ws.files.map((f) => f.id));
	for (const h of ws.history) for (const f of h.previous) ids.add(f.id);
	return ids;
}

const fileEntry = storedFileSchema.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/), base64: z.string() });
const workspaceFileSchema = z.object({
	format: z.literal(WORKSPACE_FORMAT),
	version: z.literal(WORKSPACE_VERSION),
	createdAt: z.string(),
	workspace: workspaceSchema.omit({ files: true, history: true }),
	files: z.array(fileEntry),
	/** The analysis settings, held to the schema the browser applies to its own stored settings. */
	settings: analysisSettingsSchema.nullable().optional()
});

export type WorkspaceFileError =
	| { code: 'not_json' }
	| { code: 'foreign'; found: string }
	| { code: 'version'; found: unknown }
	| { code: 'shape'; detail: string }
	| { code: 'settings'; detail: string }
	| { code: 'damaged'; file: string };

export interface WorkspaceBundle {
	workspace: Workspace;
	contents: Map<string, Uint8Array>;
	settings: unknown;
}

async function sha256(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(s);
}

function fromBase64(text: string): Uint8Array {
	const s = atob(text);
	const out = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
	return out;
}

/** Serialises a workspace with its file contents and settings. */
export async function encodeWorkspace(bundle: WorkspaceBundle, now = new Date()): Promise<string> {
	const files = [];
	for (const f of bundle.workspace.files) {
		const bytes = bundle.contents.get(f.id);
		if (!bytes) throw new Error(`The stored contents of ${f.name} are missing.`);
		files.push({ ...f, sha256: await sha256(bytes), base64: toBase64(bytes) });
	}
	// The undo history stays with the browser it was made in: the file carries the imports, not their past.
	const { files: _omit, history: _history, ...rest } = bundle.workspace;
	return JSON.stringify({ format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, createdAt: now.toISOString(), workspace: rest, files, settings: bundle.settings });
}

/** Reads a workspace file; never throws: a bad file gives the reason. */
export async function decodeWorkspace(text: string): Promise<{ ok: true; bundle: WorkspaceBundle } | { ok: false; error: WorkspaceFileError }> {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return { ok: false, error: { code: 'not_json' } };
	}
	const head = json as { format?: unknown; version?: unknown } | null;
	if (!head || typeof head !== 'object' || head.format !== WORKSPACE_FORMAT) {
		return { ok: false, error: { code: 'foreign', found: String(head && typeof head === 'object' ? (head.format ?? 'no format field') : typeof json) } };
	}
	if (head.version !== WORKSPACE_VERSION) return { ok: false, error: { code: 'version', found: head.version } };
	const parsed = workspaceFileSchema.safeParse(json);
	if (!parsed.success) {
		// Refused whole: nothing of a file that does not fit is used, settings included.
		const i = parsed.error.issues[0];
		const code = i.path[0] === 'settings' ? 'settings' : 'shape';
		return { ok: false, error: { code, detail: `${i.path.join('.')}: ${i.message}` } };
	}
	const contents = new Map<string, Uint8Array>();
	for (const f of parsed.data.files) {
		let bytes: Uint8Array;
		try {
			bytes = fromBase64(f.base64);
		} catch {
			return { ok: false, error: { code: 'damaged', file: f.name } };
		}
		if ((await sha256(bytes)) !== f.sha256) return { ok: false, error: { code: 'damaged', file: f.name } };
		contents.set(f.id, bytes);
	}
	const files = parsed.data.files.map(({ sha256: _h, base64: _b, ...f }) => f);
	return { ok: true, bundle: { workspace: { ...parsed.data.workspace, files, history: [] }, contents, settings: parsed.data.settings ?? null } };
}
