import { describe, expect, it } from 'vitest';
import { DEFAULT_BANDS, DEFAULT_CATALOGUE, DEFAULT_INDICATOR_SYSTEM, type IndicatorSystem } from '$lib/domain';
import { settingsStatus } from '$lib/app/settings-status';

const base = { system: DEFAULT_INDICATOR_SYSTEM, savedSystems: [] as IndicatorSystem[], catalogueId: DEFAULT_CATALOGUE.id, bands: { ...DEFAULT_BANDS } };

describe('settingsStatus: settings never change verdicts silently', () => {
	it('the shipped defaults differ from nothing', () => {
		expect(settingsStatus(base)).toEqual({ systemReference: 'default', systemChanges: [], catalogueChanged: false, bandsChanged: false, differs: false });
	});

	it('a changed weight under the default name is reported as a change of weights', () => {
		const system = structuredClone(DEFAULT_INDICATOR_SYSTEM) as IndicatorSystem & { indicators: { weight: number }[] };
		system.indicators[0].weight = 20; // 综合管理 15 → 20: 105 points in all
		const s = settingsStatus({ ...base, system });
		expect(s.systemChanges).toEqual(['weights']);
		expect(s.differs).toBe(true);
	});

	it('a saved system in use is compared with its saved copy; catalogue and bands are reported apart', () => {
		const saved = { ...structuredClone(DEFAULT_INDICATOR_SYSTEM), id: 'user:mine', name_zh: 'mine', name_en: 'mine' } as IndicatorSystem;
		const s = settingsStatus({ system: saved, savedSystems: [saved], catalogueId: 'other', bands: { low: 0.85, high: 1.1 } });
		expect(s).toEqual({ systemReference: 'saved', systemChanges: [], catalogueChanged: true, bandsChanged: true, differs: true });
	});
});
