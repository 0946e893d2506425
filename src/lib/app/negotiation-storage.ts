/**
 * Where negotiation scenarios last: the scenario being worked on and the named ones the user saved (browser
 * localStorage, each validated with the domain's parseScenario when read back), JSON files to export and
 * import, and share links (?s=<encodeScenario>). The preparer's name for reports is remembered too.
 */
import {
	decodeScenario,
	encodeScenario,
	parseScenario,
	type Bilingual,
	type NegotiationScenario,
	type ScenarioResult
} from '$lib/domain';
import { z } from 'zod';

const CURRENT_KEY = 'zhijia.negotiation.current.v1';
const SAVED_KEY = 'zhijia.negotiation.saved.v1';
const PREPARER_KEY = 'zhijia.negotiation.preparer';

/** A scenario saved under a name. */
export interface SavedScenario {
	name: string;
	/** ISO time of saving. */
	savedAt: string;
	scenario: NegotiationScenario;
}

function read(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null; // storage refused (private mode): nothing remembered
	}
}

function write(key: string, value: string): boolean {
	try {
		localStorage.setItem(key, value);
		return true;
	} catch {
		return false; // quota or private mode: the session keeps working
	}
}

/** The scenario being worked on, if one was stored and still reads as a valid scenario. */
export function loadCurrent(): NegotiationScenario | null {
	const raw = read(CURRENT_KEY);
	if (!raw) return null;
	const r = scenarioFromJsonText(raw);
	return r.ok ? r.scenario : null;
}

/** Remembers the scenario being worked on. */
export function saveCurrent(s: NegotiationScenario): void {
	write(CURRENT_KEY, JSON.stringify(s));
}

const StoredEntry = z.object({ name: z.string().min(1), savedAt: z.string(), scenario: z.unknown() });

/** The saved scenarios that still validate; `dropped` counts damaged entries left out. */
export function loadSaved(): { items: SavedScenario[]; dropped: number } {
	const raw = read(SAVED_KEY);
	if (!raw) return { items: [], dropped: 0 };
	let list: unknown;
	try {
		list = JSON.parse(raw);
	} catch {
		return { items: [], dropped: 1 };
	}
	if (!Array.isArray(list)) return { items: [], dropped: 1 };
	const items: SavedScenario[] = [];
	let dropped = 0;
	for (const entry of list) {
		const e = StoredEntry.safeParse(entry);
		const s = e.success ? parseScenario(e.data.scenario) : null;
		if (e.success && s?.ok) items.push({ name: e.data.name, savedAt: e.data.savedAt, scenario: s.scenario });
		else dropped++;
	}
	return { items, dropped };
}

function writeSaved(items: SavedScenario[]): boolean {
	return write(SAVED_KEY, JSON.stringify(items));
}

/** Saves (or replaces) a scenario under a name; returns the new list, or null when storage refused. */
export function saveNamed(name: string, s: NegotiationScenario, now = new Date()): SavedScenario[] | null {
	const trimmed = name.trim();
	const items = loadSaved().items.filter((x) => x.name !== trimmed);
	items.push({ name: trimmed, savedAt: now.toISOString(), scenario: s });
	items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
	return writeSaved(items) ? items : null;
}

/** Deletes a saved scenario; returns the new list. */
export function deleteNamed(name: string): SavedScenario[] {
	const items = loadSaved().items.filter((x) => x.name !== name);
	writeSaved(items);
	return items;
}

/** A scenario as the text of an exported JSON file. */
export function scenarioToJson(s: NegotiationScenario): string {
	return JSON.stringify(s, null, 2) + '\n';
}

const NOT_JSON: Bilingual = { zh: '文件不是有效的 JSON，无法读取方案。', en: 'The file is not valid JSON, so no scenario could be read.' };

/** A scenario from JSON text (an imported file): never throws; problems come back as issues. */
export function scenarioFromJsonText(text: string): ScenarioResult {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, issues: [{ path: '', message: (e as Error).message }], explanation: NOT_JSON };
	}
	return parseScenario(json);
}

/** A share link's scenario parameter, and the link itself. */
export function shareParam(s: NegotiationScenario): string {
	return encodeScenario(s);
}

/** Reads the ?s= parameter; null when there is none. */
export function scenarioFromParam(param: string | null): ScenarioResult | null {
	return param === null ? null : decodeScenario(param);
}

/** A file name for an exported scenario or report: safe characters, the estate and the date. */
export function exportFileName(stem: string, estate: string | null, ext: string, now = new Date()): string {
	const date = now.toISOString().slice(0, 10);
	const safe = (x: string) => x.replace(/[\\/:*?"<>|\s]+/g, '_');
	return `${safe(stem)}${estate ? '-' + safe(estate) : ''}-${date}.${ext}`;
}

/** Offers a file to the user as a download. */
export function download(data: BlobPart, fileName: string, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = fileName;
	document.body.appendChild(a);
	a.click();
	a.remove();
	// Revoking at once can cancel the download in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The remembered preparer's name for reports. */
export function loadPreparer(): string {
	return read(PREPARER_KEY) ?? '';
}

export function savePreparer(name: string): void {
	write(PREPARER_KEY, name);
}
