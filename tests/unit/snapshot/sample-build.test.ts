import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleSnapshots } from '../../../scripts/sample-snapshot.mjs';
import { defaultAnalysisSettings } from '../../../src/lib/app/analysis-settings-default';
import { analysisSettingsSchema } from '../../../src/lib/app/analysis-settings-schema';
import { snapshotKey } from '../../../src/lib/snapshot/key';
import { computeSampleViews, sampleKey, type SampleViews } from '../../../src/lib/snapshot/sample-build';
import { EMPTY_WORKSPACE } from '../../../src/lib/workspace/workspace-file';

/**
 * The sample district's build-time snapshots (scripts/sample-snapshot.mjs, src/lib/snapshot/sample-build.ts):
 * computed with the real engine from data/sample, keyed exactly as a fresh browser profile keys its start, and
 * unchanged by the trip through JSON (the build serves them as JSON files).
 */
let views: SampleViews;
let built: Awaited<ReturnType<typeof sampleSnapshots>>;
beforeAll(async () => {
	// Here, and the plugin's own path (esbuild bundle, child process, JSON files; from its cache when the code is
	// unchanged), side by side: the child runs on the other core.
	[views, built] = await Promise.all([computeSampleViews('data/sample'), sampleSnapshots('1796000000000')]);
});

describe('build-time snapshots of the sample district', () => {
	it('hold the views the pages compute: 240 estates, every estate analysed for the latest period', () => {
		expect(views.overview.totals.estates).toBe(240);
		expect(views.overview.points).toHaveLength(240);
		expect(views.district.result.estates).toHaveLength(240);
		expect(views.district.periods.length).toBeGreaterThan(1);
		expect(views.district.result.period).toBe(views.district.periods.at(-1));
		expect(views.district.foundCodes).toContain('cleaning');
		expect(views.district.foundCodes).not.toContain('satisfaction');
	});

	it('survive JSON unchanged (no NaN, Infinity or undefined lost on the way)', () => {
		expect(JSON.parse(JSON.stringify(views))).toEqual(views);
	});

	it('are keyed as a fresh profile keys its start: sample base, no imports, default settings, this build', async () => {
		for (const view of ['overview', 'district'] as const) {
			const fresh = await snapshotKey({ build: '1796000000000', view, workspace: EMPTY_WORKSPACE, settings: defaultAnalysisSettings() });
			expect(await sampleKey('1796000000000', view)).toBe(fresh);
			expect(built[view].key).toBe(fresh);
		}
	});

	it('still match after the settings went through storage (a later visit restores them from localStorage)', async () => {
		const restored = analysisSettingsSchema.parse(JSON.parse(JSON.stringify(defaultAnalysisSettings())));
		expect(await snapshotKey({ build: 'b', view: 'overview', workspace: EMPTY_WORKSPACE, settings: restored })).toBe(await sampleKey('b', 'overview'));
	});

	it('never match another build, another workspace or other settings', async () => {
		const key = await sampleKey('1796000000000', 'district');
		expect(await sampleKey('1796000000001', 'district')).not.toBe(key);
		expect(await sampleKey('1796000000000', 'overview')).not.toBe(key);
		const s = defaultAnalysisSettings();
		s.bands.low -= 0.01;
		expect(await snapshotKey({ build: '1796000000000', view: 'district', workspace: EMPTY_WORKSPACE, settings: s })).not.toBe(key);
		expect(await snapshotKey({ build: '1796000000000', view: 'district', workspace: { base: 'empty', files: [] }, settings: defaultAnalysisSettings() })).not.toBe(key);
	});

	it("the plugin's files hold exactly the views computed here, and the overview's figures", () => {
		expect(JSON.parse(readFileSync(built.overview.file, 'utf8'))).toEqual({ data: views.overview, figures: views.figures.overview });
		expect(JSON.parse(readFileSync(built.district.file, 'utf8'))).toEqual({ data: views.district, figures: null });
	});

	it("draw the overview's chart in both interface languages: a dot per estate with a Q and a fee, the axes and legend in that language", () => {
		const figures = views.figures.overview!;
		const plotted = views.overview.points.filter((p) => p.q !== null && p.fee_m2 !== null).length;
		expect(plotted).toBeGreaterThan(200);
		for (const [lang, words] of [
			['zh-CN', ['服务质量分 Q', '物业费（元/㎡·月）', '商品房', '动迁房']],
			['en', ['Service quality score Q', 'Fee (yuan/m²·month)', 'Commercial', 'Relocation']]
		] as const) {
			const figure = figures[lang];
			expect(figure.match(/<circle/g) ?? []).toHaveLength(plotted);
			for (const w of words) expect(figure).toContain(w);
			// One accessible name, the panel's: Plot's SVGs hidden, no label per mark.
			expect(figure).not.toMatch(/<g[^>]*aria-label/);
			expect(figure.match(/<svg[^>]*aria-hidden="true"/g)?.length).toBe(figure.match(/<svg/g)?.length);
		}
	});
});
