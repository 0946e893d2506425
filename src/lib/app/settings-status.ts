/**
 * Whether the analysis settings differ from the saved or default ones, and how: the
 * banner shown on every page and the report's name of the system in use both come from here, so a changed
 * weight never changes a verdict silently. Pure TypeScript over plain settings objects.
 */
// The domain's own modules, not its index (negotiation, subsidy): the layout's banner loads this at start-up.
import { DEFAULT_CATALOGUE } from '$lib/domain/catalogues';
import { DEFAULT_BANDS, type Bands } from '$lib/domain/fit';
import { DEFAULT_INDICATOR_SYSTEM, type IndicatorSystem } from '$lib/domain/indicator-system';
import type { MessageKey } from '$lib/i18n/messages';

/** The parts of an indicator system that can differ from its reference. */
export type SystemPart = 'indicators' | 'weights' | 'blend' | 'thresholds' | 'redLines';

/** The message key of each part's name, as the banner and the report list the changes. */
export const SYSTEM_PART_KEYS: Readonly<Record<SystemPart, MessageKey>> = {
	indicators: 'banner.part.indicators',
	weights: 'banner.part.weights',
	blend: 'banner.part.blend',
	thresholds: 'banner.part.thresholds',
	redLines: 'banner.part.redLines'
};

/** How the settings in use differ from the reference ones. */
export interface SettingsStatus {
	/** The system's reference: the shipped default, or the saved system of the same id. */
	systemReference: 'default' | 'saved' | 'none';
	/** Parts changed against the reference (empty when it matches). */
	systemChanges: SystemPart[];
	catalogueChanged: boolean;
	bandsChanged: boolean;
	/** True when anything differs from the shipped defaults (a saved custom system counts). */
	differs: boolean;
}

const key = (v: unknown) => JSON.stringify(v);

/** The parts of `s` that differ from `ref`. */
export function systemChanges(s: IndicatorSystem, ref: IndicatorSystem): SystemPart[] {
	const out: SystemPart[] = [];
	const codes = (x: IndicatorSystem) => x.indicators.map((i) => i.code).join('|');
	if (codes(s) !== codes(ref)) out.push('indicators');
	else if (key(s.indicators.map((i) => Number(i.weight))) !== key(ref.indicators.map((i) => Number(i.weight)))) out.push('weights');
	if (key([s.blend.inspection, s.blend.satisfaction]) !== key([ref.blend.inspection, ref.blend.satisfaction])) out.push('blend');
	if (key([...s.gradeThresholds]) !== key([...ref.gradeThresholds])) out.push('thresholds');
	if (key(s.redLines.map((r) => [r.indicator, r.floor, r.capGrade])) !== key(ref.redLines.map((r) => [r.indicator, r.floor, r.capGrade]))) out.push('redLines');
	return out;
}

/** The settings' status against the saved systems and the shipped defaults. */
export function settingsStatus(s: { system: IndicatorSystem; savedSystems: readonly IndicatorSystem[]; catalogueId: string; bands: Bands }): SettingsStatus {
	const saved = s.savedSystems.find((x) => x.id === s.system.id);
	const ref = s.system.id === DEFAULT_INDICATOR_SYSTEM.id ? DEFAULT_INDICATOR_SYSTEM : saved;
	const changes = ref ? systemChanges(s.system, ref) : systemChanges(s.system, DEFAULT_INDICATOR_SYSTEM);
	const catalogueChanged = s.catalogueId !== DEFAULT_CATALOGUE.id;
	const bandsChanged = s.bands.low !== DEFAULT_BANDS.low || s.bands.high !== DEFAULT_BANDS.high;
	const systemReference = s.system.id === DEFAULT_INDICATOR_SYSTEM.id ? 'default' : saved ? 'saved' : 'none';
	return {
		systemReference,
		systemChanges: changes,
		catalogueChanged,
		bandsChanged,
		differs: changes.length > 0 || systemReference !== 'default' || catalogueChanged || bandsChanged
	};
}
