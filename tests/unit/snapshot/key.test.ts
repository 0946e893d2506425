import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, snapshotKey, type SnapshotInputs } from '../../../src/lib/snapshot/key';
import { defaultSettings } from './settings-fixture';

/**
 * The start-up snapshot's key: equal for the same build, workspace content and settings, whatever the
 * key order or the import time; different as soon as any of them changes, so a stale snapshot is never shown.
 */
const file = (id: string, rows = 240) => ({
	id,
	name: `${id}.csv`,
	dataset: 'scores' as const,
	mode: 'replace' as const,
	options: { headerRow: 1, dropInvalid: false, rules: 2 },
	rows,
	addedAt: '2026-12-02T10:00:00.000Z'
});
const base: SnapshotInputs = { build: '1764670000000', view: 'overview', workspace: { base: 'sample', files: [] }, settings: defaultSettings };

describe('snapshot key', () => {
	it('is the SHA-256 of the canonical inputs (worked by hand for the empty sample workspace)', async () => {
		const text = canonicalJson({ build: base.build, view: 'overview', base: 'sample', files: [], settings: defaultSettings });
		expect(text.startsWith('{"base":"sample","build":"1764670000000","files":[],"settings":{')).toBe(true);
		expect(await snapshotKey(base)).toBe(createHash('sha256').update(text).digest('hex'));
	});

	it('ignores key order and when a file was imported', async () => {
		const k = await snapshotKey({ ...base, workspace: { base: 'sample', files: [file('a')] } });
		const reordered = { ...base, settings: Object.fromEntries(Object.entries(defaultSettings).reverse()) };
		expect(await snapshotKey(reordered)).toBe(await snapshotKey(base));
		expect(await snapshotKey({ ...base, workspace: { base: 'sample', files: [{ ...file('a'), addedAt: '2027-01-01T00:00:00.000Z' }] } })).toBe(k);
	});

	it('changes with the data: an import, another file, a different row count, order, base', async () => {
		const keys = await Promise.all(
			[
				base,
				{ ...base, workspace: { base: 'sample' as const, files: [file('a')] } },
				{ ...base, workspace: { base: 'sample' as const, files: [file('b')] } },
				{ ...base, workspace: { base: 'sample' as const, files: [file('a', 239)] } },
				{ ...base, workspace: { base: 'sample' as const, files: [file('a'), file('b')] } },
				{ ...base, workspace: { base: 'sample' as const, files: [file('b'), file('a')] } },
				{ ...base, workspace: { base: 'empty' as const, files: [] } },
				{ ...base, workspace: { base: 'sample' as const, files: [{ ...file('a'), mode: 'append' as const }] } },
				{ ...base, workspace: { base: 'sample' as const, files: [{ ...file('a'), options: { ...file('a').options, dropInvalid: true } }] } }
			].map(snapshotKey)
		);
		expect(new Set(keys).size).toBe(keys.length);
	});

	it('changes with the settings, the build and the view', async () => {
		const k = await snapshotKey(base);
		const weights = { ...defaultSettings, weights: { ...defaultSettings.weights, cleaning: 40 } };
		expect(await snapshotKey({ ...base, settings: weights })).not.toBe(k);
		expect(await snapshotKey({ ...base, settings: { ...defaultSettings, period: '2025Q3' } })).not.toBe(k);
		expect(await snapshotKey({ ...base, build: '1764670000001' })).not.toBe(k);
		expect(await snapshotKey({ ...base, view: 'district' })).not.toBe(k);
	});

	it('canonicalJson sorts keys at every level and drops undefined members', () => {
		expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
	});
});
