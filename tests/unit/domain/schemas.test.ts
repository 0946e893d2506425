import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, DEFAULT_INDICATOR_SYSTEM, parseGuidePriceCatalogue, parseIndicatorSystem } from './helpers';

describe('schemas for user-replaced figures', () => {
	it('accepts the defaults, including after a JSON round trip', () => {
		expect(parseIndicatorSystem(JSON.parse(JSON.stringify(DEFAULT_INDICATOR_SYSTEM))).success).toBe(true);
		expect(parseGuidePriceCatalogue(JSON.parse(JSON.stringify(DEFAULT_CATALOGUE))).success).toBe(true);
	});

	it('rejects an indicator system whose thresholds are not descending', () => {
		const bad = { ...DEFAULT_INDICATOR_SYSTEM, gradeThresholds: [60, 70, 80, 90] };
		const r = parseIndicatorSystem(bad);
		expect(r.success).toBe(false);
		expect(r.error?.issues.some((i) => i.message.includes('descending'))).toBe(true);
	});

	it('rejects a catalogue with a duplicate row or a bad range', () => {
		const dup = { ...DEFAULT_CATALOGUE, rows: [...DEFAULT_CATALOGUE.rows, DEFAULT_CATALOGUE.rows[0]] };
		expect(parseGuidePriceCatalogue(dup).success).toBe(false);
		const range = { ...DEFAULT_CATALOGUE, kind: 'range', rows: [], ranges: [{ building_type: 'high', low: 2, high: 1 }] };
		expect(parseGuidePriceCatalogue(range).success).toBe(false);
	});
});
