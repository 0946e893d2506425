/**
 * The analysis settings a fresh browser profile starts with. One function for the app (analysis-settings.svelte.ts)
 * and the build-time snapshot of the sample district (src/lib/snapshot/sample-build.ts), so both key the same
 * settings (src/lib/snapshot/key.ts). Pure: no Svelte.
 */
import type { z } from 'zod';
import { DEFAULT_CATALOGUE } from '../domain/catalogues';
import { DEFAULT_BANDS } from '../domain/fit';
import { DEFAULT_INDICATOR_SYSTEM, type IndicatorSystem } from '../domain/indicator-system';
import type { analysisSettingsSchema } from './analysis-settings-schema';

/** The stored shape is mutable (the editor binds to its fields); the domain's types are readonly views of it. */
export type StoredSettings = z.infer<typeof analysisSettingsSchema>;
export type EditableSystem = StoredSettings['system'];
export const editable = (s: IndicatorSystem): EditableSystem => structuredClone(s) as unknown as EditableSystem;

/** The defaults, as a new object each time (the app mutates its copy). */
export function defaultAnalysisSettings(): StoredSettings {
	return {
		system: editable(DEFAULT_INDICATOR_SYSTEM),
		savedSystems: [],
		catalogueId: DEFAULT_CATALOGUE.id,
		userCatalogues: [],
		bands: { ...DEFAULT_BANDS },
		period: null
	};
}
