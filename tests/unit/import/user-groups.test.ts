/**
 * A user's own indicator groups (docs/sources.md §18): defined in the indicator system (checked), read by the
 * import of a wide score sheet with a column for the group (spread to the members or kept at group level), kept in
 * a recipe and in a stored file so a replay and the command line read the column alike.
 * The sheet (tests/fixtures/real-shapes/make-groups.ts), period 2026Q1 from its title:
 *   小区编号 综合管理 环境管理 保洁 秩序维护
 *   LJ0001   88       80       90   85
 *   LJ0002   70       66       —    75
 * 环境管理 = 保洁 (cleaning) + 绿化 (greening).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choicesRecipe } from '../../../src/lib/app/import-choices';
import { DATASETS } from '../../../src/lib/data/datasets';
import {
	DEFAULT_INDICATOR_SYSTEM,
	groupDraftIssues,
	groupIssues,
	indicatorSystemProblems,
	parseIndicatorSystem,
	withGroupMarks,
	type IndicatorGroupDef,
	type IndicatorSystem
} from '../../../src/lib/domain';
import { groupsOfSystem } from '../../../src/lib/import/groups';
import { inspectFile, prepareImport } from '../../../src/lib/import/index';
import { parseRecipe, prepareWithRecipes, recipeJson } from '../../../src/lib/import/recipes';
import type { PreparedImport } from '../../../src/lib/import/validate';
import { storedConversions, storedMapping } from '../../../src/lib/workspace/rebuild';
import { storedFileSchema } from '../../../src/lib/workspace/workspace-file';

const FILE = { name: 'groups-wide-environment.xlsx', bytes: new Uint8Array(readFileSync('tests/fixtures/real-shapes/groups-wide-environment.xlsx')) };
const ENV: IndicatorGroupDef = { code: 'environment', name_zh: '环境管理', name_en: 'Environment', aliases: ['环境卫生管理'], members: ['cleaning', 'greening'] };

/** The default system with the environment group, members marked as the editor marks them. */
function withEnvironment(): IndicatorSystem {
	const groups = [ENV];
	return { ...DEFAULT_INDICATOR_SYSTEM, groups, indicators: withGroupMarks(DEFAULT_INDICATOR_SYSTEM.indicators, groups) };
}

/** "estate indicator score" of every canonical row, in order. */
function scores(p: PreparedImport): string[] {
	const at = (n: string) => DATASETS.scores.columns.findIndex((c) => c.name === n);
	const [e, per, i, s] = [at('estate_id'), at('period'), at('indicator'), at('score')];
	expect(new Set(p.columns[per])).toEqual(new Set(['2026Q1']));
	return p.rowNumbers.map((_, r) => `${p.columns[e][r]} ${p.columns[i][r]} ${p.columns[s][r]}`);
}

const SPREAD = [
	'LJ0001 management 88',
	// 环境管理 80 goes to 绿化 only: the row scores 保洁 itself (90), which is kept.
	'LJ0001 greening 80',
	'LJ0001 cleaning 90',
	'LJ0001 order 85',
	'LJ0002 management 70',
	'LJ0002 cleaning 66',
	'LJ0002 greening 66',
	'LJ0002 order 75'
];
const GROUPED = ['LJ0001 management 88', 'LJ0001 environment 80', 'LJ0001 cleaning 90', 'LJ0001 order 85', 'LJ0002 management 70', 'LJ0002 environment 66', 'LJ0002 order 75'];

describe('groups in the indicator system', () => {
	it('a usable group passes; each kind of mistake is named', () => {
		expect(indicatorSystemProblems(withEnvironment())).toEqual([]);
		expect(parseIndicatorSystem(withEnvironment()).success).toBe(true);
		const sys = (groups: IndicatorGroupDef[]) => ({ indicators: withGroupMarks(DEFAULT_INDICATOR_SYSTEM.indicators, groups), groups });
		expect(groupIssues(sys([{ ...ENV, members: [] }]))).toEqual([{ kind: 'no_members', group: 'environment' }]);
		expect(groupIssues(sys([{ ...ENV, members: ['cleaning', 'lawn'] }]))).toEqual([{ kind: 'unknown_member', group: 'environment', member: 'lawn' }]);
		expect(groupIssues(sys([ENV, { ...ENV, code: 'outdoor', name_zh: '室外', members: ['greening'] }]))).toEqual([{ kind: 'two_groups', group: 'outdoor', member: 'greening', other: 'environment' }]);
		expect(groupIssues(sys([{ ...ENV, code: 'cleaning' }])).map((i) => i.kind)).toEqual(['code_is_indicator']);
		// A member of the built-in 设施设备运行 (marked 'facilities') cannot join another group while it is marked.
		expect(groupIssues({ indicators: DEFAULT_INDICATOR_SYSTEM.indicators, groups: [{ ...ENV, members: ['fire', 'order'] }] })).toEqual([{ kind: 'two_groups', group: 'environment', member: 'fire', other: 'facilities' }]);
		// A stored or opened system with such a group is refused, with the reason.
		const bad = parseIndicatorSystem({ ...withEnvironment(), groups: [{ ...ENV, members: ['lawn'] }] });
		expect(bad.success).toBe(false);
		expect(bad.error!.issues.map((i) => i.message)).toContain("group 'environment' lists unknown indicator 'lawn'");
	});

	it('the editor adds a group only when it is usable: a name to read headers by, and names nobody has', () => {
		expect(groupDraftIssues(DEFAULT_INDICATOR_SYSTEM, ENV)).toEqual([]);
		expect(groupDraftIssues(DEFAULT_INDICATOR_SYSTEM, { ...ENV, name_zh: '', name_en: '' }).map((i) => i.kind)).toEqual(['no_name']);
		expect(groupDraftIssues(DEFAULT_INDICATOR_SYSTEM, { ...ENV, name_zh: '保洁' })).toEqual([{ kind: 'name_taken', group: 'environment', name: '保洁' }]);
		expect(groupDraftIssues(withEnvironment(), { ...ENV, members: ['order'], name_zh: '秩序环境', name_en: 'x', aliases: [] }).map((i) => i.kind)).toEqual(['duplicate_code']);
	});

	it('the import reads the system\'s groups: its own, and 设施设备运行 from the marks', () => {
		expect(groupsOfSystem(DEFAULT_INDICATOR_SYSTEM)).toEqual([expect.objectContaining({ code: 'facilities', members: ['elevator', 'fire', 'water', 'facilities_other'] })]);
		const groups = groupsOfSystem(withEnvironment());
		expect(groups.map((g) => [g.code, g.names, g.members])).toEqual([
			['environment', ['环境管理', 'Environment', '环境卫生管理'], ['cleaning', 'greening']],
			['facilities', expect.arrayContaining(['设施设备运行']), ['elevator', 'fire', 'water', 'facilities_other']]
		]);
	});
});

describe('a wide sheet with a user group column', () => {
	it('without the group the column is not recognised (so the system must say it)', async () => {
		const ins = await inspectFile(FILE.name, FILE.bytes);
		expect(ins.mapping).toEqual(['estate_id', 'indicator:management', null, 'indicator:cleaning', 'indicator:order']);
		const p = await prepareImport(FILE);
		expect(p.problems.find((x) => x.column === '环境管理')?.code).toBe('ignored_column');
	});

	it('with the system\'s groups it is accepted and spread to the members the row does not score itself', async () => {
		const groups = groupsOfSystem(withEnvironment());
		const ins = await inspectFile(FILE.name, FILE.bytes, { groups });
		expect(ins.dataset).toBe('scores');
		expect(ins.layout).toBe('wide');
		expect(ins.mapping).toEqual(['estate_id', 'indicator:management', 'group:environment', 'indicator:cleaning', 'indicator:order']);
		const p = await prepareImport(ins.source, { groups });
		expect(p.counts.errors).toBe(0);
		expect(scores(p)).toEqual(SPREAD);
		expect(p.sourceRows).toBe(2);
		expect(p.problems.find((x) => x.code === 'group_spread')?.params).toMatchObject({ group: '环境管理', members: '保洁、绿化', rows: 2 });
		expect(p.problems.some((x) => x.code === 'ignored_column')).toBe(false);
	});

	it('at group level it gives one score per row with the group\'s code', async () => {
		const p = await prepareImport(FILE, { groups: groupsOfSystem(withEnvironment()), groupScoring: 'group' });
		expect(p.counts.errors).toBe(0);
		expect(scores(p)).toEqual(GROUPED);
		expect(p.problems.some((x) => x.code === 'group_scored')).toBe(true);
	});

	it('a recipe keeps the group: used with no system groups at all (the command line) it reads the column alike', async () => {
		const groups = groupsOfSystem(withEnvironment());
		const ins = await inspectFile(FILE.name, FILE.bytes, { groups });
		const recipe = choicesRecipe({ name: FILE.name, headers: ins.headers, sheet: ins.sheet, headerRow: ins.headerRow, dataset: ins.dataset, layout: ins.layout, mapping: ins.mapping, recipe: null, groupScoring: 'group', groups }, '环境汇总', '2026-12-01T00:00:00.000Z');
		// Only the user's own group is kept (设施设备运行 is known everywhere).
		expect(recipe.groups).toEqual([{ code: 'environment', names: ['环境管理', 'Environment', '环境卫生管理'], members: ['cleaning', 'greening'] }]);
		const opened = parseRecipe(recipeJson(recipe));
		expect(opened.groups).toEqual(recipe.groups);
		const run = await prepareWithRecipes([{ ...FILE, recipe: opened }], []);
		expect(run.misfits).toEqual([]);
		expect(scores(run.prepared[0].prepared)).toEqual(GROUPED);
		// Recognised by header shape among saved recipes, too.
		const again = await prepareWithRecipes([FILE], [opened]);
		expect(again.prepared[0].recipe?.name).toBe('环境汇总');
		expect(scores(again.prepared[0].prepared)).toEqual(GROUPED);
	});

	it('the system\'s groups reach a plain file through the recipe pipeline (the app\'s shaped path, the CLI\'s --system)', async () => {
		const run = await prepareWithRecipes([FILE], [], [], () => ({}), [], {}, groupsOfSystem(withEnvironment()));
		expect(scores(run.prepared[0].prepared)).toEqual(SPREAD);
	});

	it('a stored file keeps its groups, so a replay reads the column the same whatever system is current', async () => {
		const stored = storedFileSchema.parse({
			id: 'f1',
			name: FILE.name,
			dataset: 'scores',
			mode: 'append',
			options: {
				headerRow: 2,
				mapping: { 小区编号: 'estate_id', 综合管理: 'indicator:management', 环境管理: 'group:environment', 保洁: 'indicator:cleaning', 秩序维护: 'indicator:order' },
				groupScoring: 'spread',
				groups: [{ code: 'environment', names: ['环境管理'], members: ['cleaning', 'greening'] }]
			},
			rows: 8,
			addedAt: '2026-12-01T00:00:00.000Z'
		});
		const ins = await inspectFile(FILE.name, FILE.bytes, { headerRow: 2 });
		const options = storedConversions(stored, ins.headers);
		expect(options.groups?.map((g) => g.code)).toEqual(['environment', 'facilities']);
		const p = await prepareImport(ins.source, { dataset: 'scores', mapping: storedMapping(stored, ins.headers), ...options });
		expect(scores(p)).toEqual(SPREAD);
	});
});
