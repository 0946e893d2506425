/**
 * The analysis settings the user is working with: the indicator system (weights, blend, red lines, grade
 * thresholds), the guide-price catalogue, the fit bands and the period. Kept in the browser so a reload keeps
 * them; saved systems are kept by name. Every view reads these, so a change updates all of them.
 */
// The domain's own modules, not its index: the layout loads this at start-up, before the first chart.
import { DEFAULT_CATALOGUE, GUIDE_PRICE_CATALOGUES, type GuidePriceCatalogue } from '$lib/domain/catalogues';
import { DEFAULT_INDICATOR_SYSTEM, type IndicatorSystem } from '$lib/domain/indicator-system';
import type { Bands } from '$lib/domain/fit';
import { analysisSettingsSchema } from './analysis-settings-schema';
import { defaultAnalysisSettings as fresh, editable, type EditableSystem, type StoredSettings } from './analysis-settings-default';

const STORAGE_KEY = 'zhijia.analysis.v1';

/** The stored shape, shared with workspace files (analysis-settings-schema.ts). */
const Stored = analysisSettingsSchema;

/** The live settings; components bind to these fields. */
export const settings = $state(fresh());

/**
 * A plain deep copy of settings state (objects, arrays and primitives, which is all the settings hold), reading
 * every field as $state.snapshot does (so an effect that calls it follows every field). Not $state.snapshot on
 * the path of a weight change: it passes every primitive through structuredClone, which for the settings' few
 * hundred values made the copies several milliseconds of each change.
 */
export function plainCopy<T>(value: T): T {
	if (Array.isArray(value)) return value.map(plainCopy) as T;
	if (value !== null && typeof value === 'object') {
		const proto = Object.getPrototypeOf(value);
		if (proto !== Object.prototype && proto !== null) return $state.snapshot(value) as T;
		const out: Record<string, unknown> = {};
		for (const k of Object.keys(value)) out[k] = plainCopy((value as Record<string, unknown>)[k]);
		return out as T;
	}
	return value;
}

/** Reads the stored settings; a missing or damaged entry falls back to the defaults (and says so in the console). */
export function restoreSettings(): void {
	try {
		const raw = localStorage.getItem(STORAGE_KEY);
		if (!raw) return;
		const parsed = Stored.safeParse(JSON.parse(raw));
		if (!parsed.success) {
			console.warn('Stored analysis settings were not readable; using the defaults.');
			return;
		}
		Object.assign(settings, parsed.data);
	} catch {
		// Storage may be unavailable (private mode); the defaults serve.
	}
}

/** Writes the settings; called from an effect whenever they change. */
export function persistSettings(): void {
	try {
		localStorage.setItem(STORAGE_KEY, JSON.stringify($state.snapshot(settings)));
	} catch {
		// Quota or private mode: the session keeps working, only the reload memory is lost.
	}
}

/** Every catalogue the user can choose: the shipped ones, then the user's own. */
export function allCatalogues(): GuidePriceCatalogue[] {
	return [...GUIDE_PRICE_CATALOGUES, ...(settings.userCatalogues as GuidePriceCatalogue[])];
}

/** The catalogue in use. */
export function currentCatalogue(): GuidePriceCatalogue {
	return allCatalogues().find((c) => c.id === settings.catalogueId) ?? DEFAULT_CATALOGUE;
}

/** Makes an editable copy of a catalogue (shipped catalogues stay as published) and selects it. */
export function copyCatalogue(id: string, nameZh: string, nameEn: string): string {
	const source = allCatalogues().find((c) => c.id === id) ?? DEFAULT_CATALOGUE;
	const copy = structuredClone($state.snapshot(source)) as unknown as StoredSettings['userCatalogues'][number];
	copy.id = `user:${Date.now().toString(36)}`;
	copy.name_zh = nameZh;
	copy.name_en = nameEn;
	copy.verified = false;
	copy.provenance = { tag: 'user', source: `${source.name_zh} / ${source.name_en}`, note: 'edited by the user' };
	settings.userCatalogues = [...settings.userCatalogues, copy];
	settings.catalogueId = copy.id;
	return copy.id;
}

/** Adds or replaces a user catalogue (e.g. built from an imported guide-price table) and selects it. */
export function putUserCatalogue(cat: GuidePriceCatalogue): void {
	const copy = structuredClone(cat) as unknown as StoredSettings['userCatalogues'][number];
	settings.userCatalogues = [...settings.userCatalogues.filter((c) => c.id !== cat.id), copy];
	settings.catalogueId = cat.id;
}

/** Deletes a user catalogue; the default becomes current if it was in use. */
export function deleteUserCatalogue(id: string): void {
	settings.userCatalogues = settings.userCatalogues.filter((c) => c.id !== id);
	if (settings.catalogueId === id) settings.catalogueId = DEFAULT_CATALOGUE.id;
}

/** A plain copy of what the analysis needs, safe to hand to SQL builders. */
export function analysisInput(): { system: IndicatorSystem; catalogue: GuidePriceCatalogue; bands: Bands; period: string | null } {
	return {
		system: plainCopy(settings.system) as IndicatorSystem,
		catalogue: currentCatalogue(),
		bands: { ...settings.bands },
		period: settings.period
	};
}

/** Back to the shipped default system (weights, blend, red lines, thresholds). */
export function resetSystem(): void {
	settings.system = editable(DEFAULT_INDICATOR_SYSTEM);
}

/** Saves the current system under a name (replacing one of the same name). */
export function saveSystemAs(name: string): void {
	const trimmed = name.trim();
	if (!trimmed) return;
	const copy: EditableSystem = { ...$state.snapshot(settings.system), id: `user:${trimmed}`, name_zh: trimmed, name_en: trimmed };
	settings.savedSystems = [...settings.savedSystems.filter((s) => s.id !== copy.id), copy];
	settings.system = structuredClone(copy);
}

/** Makes a saved system the current one. */
export function useSavedSystem(id: string): void {
	const found = settings.savedSystems.find((s) => s.id === id);
	if (found) settings.system = structuredClone($state.snapshot(found));
}
