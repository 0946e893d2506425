/** A workbook whose first sheet is instructions: a new file is read from its first sheet of data. */
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../../../src/lib/import/index';
import { prepareWithRecipes } from '../../../src/lib/import/recipes';
import { writeXlsx } from '../../../src/lib/import/xlsx';

const NOTES = { name: '填表说明', rows: [['填表说明'], ['1. 每个小区一行，得分为百分制。'], ['2. 考核期写作 2026Q1。']] };
const SCORES = {
	name: '考核得分',
	rows: [
		['小区编号', '考核期', '保洁', '秩序维护'],
		['LJ0001', '2026Q1', 88, 90],
		['LJ0002', '2026Q1', 79.5, 84]
	]
};
const COVER = { name: '封面', rows: [['江滨街道物业服务考核'], ['2026年3月']] };

describe('the sheet of data in a workbook', () => {
	it('a new file skips the instructions sheet in front; the sheet is then chosen by name', async () => {
		const bytes = writeXlsx([NOTES, COVER, SCORES]);
		const ins = await inspectFile('考核.xlsx', bytes, { firstDataSheet: true });
		expect(ins.sheet).toBe('考核得分');
		expect(ins.sheets).toEqual(['填表说明', '封面', '考核得分']);
		expect(ins.dataset).toBe('scores');
		expect(ins.layout).toBe('wide');
		expect(ins.rowCount).toBe(2);
		// Without the option (a stored import replayed) and with a sheet named, the sheet asked for is read.
		expect((await inspectFile('考核.xlsx', bytes)).sheet).toBe('填表说明');
		expect((await inspectFile('考核.xlsx', bytes, { firstDataSheet: true, sheet: '封面' })).sheet).toBe('封面');
	});

	it('a workbook whose first sheet is data, or with no sheet of data, reads its first sheet', async () => {
		expect((await inspectFile('a.xlsx', writeXlsx([SCORES, NOTES]), { firstDataSheet: true })).sheet).toBe('考核得分');
		const none = await inspectFile('b.xlsx', writeXlsx([NOTES, COVER]), { firstDataSheet: true });
		expect(none.sheet).toBe('填表说明');
		expect(none.dataset).toBeNull();
	});

	it('the command line path reads the sheet of data too', async () => {
		const run = await prepareWithRecipes([{ name: '考核.xlsx', bytes: writeXlsx([NOTES, SCORES]) }], []);
		expect(run.prepared.map((p) => [p.prepared.dataset, p.prepared.rowCount])).toEqual([['scores', 4]]);
	});
});
