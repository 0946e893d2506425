/**
 * `zhijia import --system`: the indicator system's own groups read a wide sheet's group column on the command
 * line as on the data page (docs/sources.md §18). The sheet: tests/fixtures/real-shapes/make-groups.ts.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { DEFAULT_INDICATOR_SYSTEM, withGroupMarks, type IndicatorGroupDef } from '../../../src/lib/domain';

const SHEET = 'tests/fixtures/real-shapes/groups-wide-environment.xlsx';
const ESTATES = 'data/sample/estates.csv';
const ENV: IndicatorGroupDef = { code: 'environment', name_zh: '环境管理', name_en: 'Environment', members: ['cleaning', 'greening'] };

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
	let stdout = '';
	const code = await main(args, { stdout: (s) => void (stdout += s), stderr: (s) => void (stdout += s) });
	return { code, stdout };
}

let scratch: string;
let system: string;
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'zhijia-groups-'));
	system = join(scratch, 'system.json');
	const groups = [ENV];
	await writeFile(system, JSON.stringify({ ...DEFAULT_INDICATOR_SYSTEM, id: 'user:环境', groups, indicators: withGroupMarks(DEFAULT_INDICATOR_SYSTEM.indicators, groups) }));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('zhijia import --system', () => {
	it('spreads the group column to its members: 环境管理 80 → 绿化 for LJ0001 (保洁 90 is its own), 66 → 保洁 and 绿化 for LJ0002', async () => {
		const out = join(scratch, 'with');
		const r = await run(['import', ESTATES, SHEET, '--system', system, '--out', out]);
		expect(r.code).toBe(0);
		const lines = (await readFile(join(out, 'scores.csv'), 'utf8')).trim().split('\n');
		expect(lines[0]).toBe('estate_id,period,indicator,score,source');
		expect(lines.slice(1).sort()).toEqual(
			[
				'LJ0001,2026Q1,management,88.0,inspection',
				'LJ0001,2026Q1,greening,80.0,inspection',
				'LJ0001,2026Q1,cleaning,90.0,inspection',
				'LJ0001,2026Q1,order,85.0,inspection',
				'LJ0002,2026Q1,management,70.0,inspection',
				'LJ0002,2026Q1,cleaning,66.0,inspection',
				'LJ0002,2026Q1,greening,66.0,inspection',
				'LJ0002,2026Q1,order,75.0,inspection'
			].sort()
		);
	});

	it('without the system the column is not one of ours: no greening score is made', async () => {
		const out = join(scratch, 'without');
		const r = await run(['import', ESTATES, SHEET, '--out', out]);
		expect(r.code).toBe(0);
		const text = await readFile(join(out, 'scores.csv'), 'utf8');
		expect(text).not.toContain('greening');
		expect(text.trim().split('\n')).toHaveLength(1 + 5);
	});

	it('a system whose group lists an indicator it does not have is refused, naming the file and the reason', async () => {
		const bad = join(scratch, 'bad.json');
		await writeFile(bad, JSON.stringify({ ...DEFAULT_INDICATOR_SYSTEM, groups: [{ ...ENV, members: ['lawn'] }] }));
		const r = await run(['import', ESTATES, SHEET, '--system', bad, '--out', join(scratch, 'bad')]);
		expect(r.code).toBe(2);
		expect(r.stdout).toContain("group 'environment' lists unknown indicator 'lawn'");
	});
});
