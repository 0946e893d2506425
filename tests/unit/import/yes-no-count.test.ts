/**
 * A yes/no written with its count, as estate registers fill an elevator column (有，2部 / 有电梯4部 / 是/2台): the word
 * answers, the count must agree with it (reading rules 9, docs/sources.md §18.4). Values worked by hand from the cells.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../src/lib/data/datasets';
import { prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { parseBoolean } from '../../../src/lib/import/values';
import { csvText, gbk, type FixtureCell } from '../../fixtures/import-files';
import { replayedUnder } from './replay';

type Prepared = Awaited<ReturnType<typeof prepareImport>>;
const elevators = (p: Prepared) => p.columns[(DATASETS.estates.columns as readonly { name: string }[]).findIndex((c) => c.name === 'has_elevator')];
const errors = (p: Prepared) => p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.code, x.value]);

describe('a yes/no with its count', () => {
	it('the word is the answer when the count agrees: after a comma, a colon, a slash, a space, or right after the word', () => {
		const said = (text: string) => [{ code: 'yes_no_with_count', params: { text } }];
		for (const text of ['有，2部', '有,2部', '有：4台', '是/2台', '有 2部', '有、3部', '有电梯4部', '有两部', '有二十部', '有2部电梯', '是的，1台', 'Yes, 2']) {
			expect(parseBoolean(text), text).toEqual({ value: true, warnings: said(text) });
		}
		for (const text of ['无，0部', '否/0台', '没有0部']) expect(parseBoolean(text), text).toEqual({ value: false, warnings: said(text) });
	});

	it('a word and a count that contradict each other are an error naming both, never a guess', () => {
		expect(parseBoolean('有，0部')).toEqual({ error: { code: 'bad_boolean_count', params: { word: '有', count: 0 } } });
		expect(parseBoolean('无2部')).toEqual({ error: { code: 'bad_boolean_count', params: { word: '无', count: 2 } } });
	});

	it('what is not a word and a count stays as it was: a plain number, a share, a remark after the count', () => {
		expect(parseBoolean('12')).toEqual({ error: { code: 'bad_boolean' } });
		expect(parseBoolean('有一部分')).toEqual({ error: { code: 'bad_boolean' } });
		expect(parseBoolean('部分有2部')).toEqual({ error: { code: 'bad_boolean_partly' } });
		expect(parseBoolean('有，2部，均正常')).toEqual({ error: { code: 'bad_boolean' } });
		expect(parseBoolean('有，但停用')).toEqual({ error: { code: 'bad_boolean' } });
		// A count in brackets was always the word.
		expect(parseBoolean('有（2部）')).toEqual({ value: true });
	});
});

describe('an estates register in GBK whose 有无电梯 mixes words, counts and words with counts', () => {
	const rows: FixtureCell[][] = [
		['小区编号', '小区名称', '所属街道', '小区类型', '房屋类型', '收费面积（㎡）', '总户数', '有无电梯', '收费方式'],
		['E1', '梅园', '金桥街道', '商品房', '高层', 50000, 600, '有', '市场调节价'],
		['E2', '兰园', '金桥街道', '商品房', '多层', 40000, 500, '无', '市场调节价'],
		['E3', '竹园', '金桥街道', '商品房', '高层', 30000, 400, '2部', '市场调节价'],
		['E4', '菊园', '金桥街道', '商品房', '高层', 30000, 400, '有，2部', '市场调节价'],
		['E5', '松园', '金桥街道', '商品房', '高层', 30000, 400, '有电梯4部', '市场调节价'],
		['E6', '柏园', '金桥街道', '商品房', '小高层', 30000, 400, '是/2台', '市场调节价'],
		['E7', '桃园', '金桥街道', '商品房', '多层', 30000, 400, '无（步梯）', '市场调节价'],
		['E8', '李园', '金桥街道', '商品房', '高层', 30000, 400, '有：6部', '市场调节价']
	];
	const bytes = () => gbk(csvText(rows));

	it('every row reads: the column is counts and words, so count → yes/no applies (2部 is yes), and each word with its count is its word', async () => {
		const p = await prepareImport({ name: '小区名册.csv', bytes: bytes() });
		expect(p.dataset).toBe('estates');
		expect(errors(p)).toEqual([]);
		expect(elevators(p)).toEqual([true, false, true, true, true, true, false, true]);
		expect(p.conversions?.conversions[7]).toEqual({ kind: 'count_to_bool' });
	});

	it('each word with its count is said once for the column, on its first row, with the row count', async () => {
		const p = await prepareImport({ name: '小区名册.csv', bytes: bytes() });
		const notes = p.problems.filter((x) => x.code === 'yes_no_count_rows');
		// 有，2部 (row 5), 有电梯4部, 是/2台 and 有：6部: four rows. 2部 alone is the conversion's, 无（步梯） the word's.
		expect(notes.map((x) => [x.row, x.column, x.value, x.severity, x.params?.count, x.params?.text])).toEqual([[5, '有无电梯', '有，2部', 'warning', 4, '有，2部']]);
	});

	it('stored before reading rules 9, the file replays as it was read then: the five counted cells are errors, no conversion', async () => {
		const then = await replayedUnder('小区名册.csv', bytes(), 'estates', 8);
		// Rows 4-6, 7 and 9 hold 2部, 有，2部, 有电梯4部, 是/2台 and 有：6部 (row 1 is the header).
		expect(errors(then)).toEqual([
			[4, 'bad_boolean', '2部'],
			[5, 'bad_boolean', '有，2部'],
			[6, 'bad_boolean', '有电梯4部'],
			[7, 'bad_boolean', '是/2台'],
			[9, 'bad_boolean', '有：6部']
		]);
		expect(then.conversions?.conversions[7]).toBeNull();
		expect(READ_RULES).toBeGreaterThanOrEqual(9);
		const now = await replayedUnder('小区名册.csv', bytes(), 'estates', READ_RULES);
		expect(errors(now)).toEqual([]);
		expect(elevators(now)).toEqual([true, false, true, true, true, true, false, true]);
	});
});
