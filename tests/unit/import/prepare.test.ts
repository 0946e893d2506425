/** Preparing a file without the engine: mappings, header rows, periods, fee units, price ranges, caps. */
import { describe, expect, it } from 'vitest';
import { headerSignature, inspectFile, prepareImport, READ_RULES } from '../../../src/lib/import/index';
import { storedConversions, storedReadOptions } from '../../../src/lib/workspace/rebuild';
import { storedFileSchema } from '../../../src/lib/workspace/workspace-file';
import { csvText, utf8, type FixtureCell } from '../../fixtures/import-files';

const file = (rows: readonly (readonly FixtureCell[])[], name = 'f.csv') => ({ name, bytes: utf8(csvText(rows)) });
const rowsOf = (p: Awaited<ReturnType<typeof prepareImport>>) => p.rowNumbers.map((_, i) => p.columns.map((c) => c[i]));
const codes = (p: Awaited<ReturnType<typeof prepareImport>>) => p.problems.map((x) => x.code);

describe('prepareImport', () => {
	it('inspectFile reports what the user needs to confirm the import', async () => {
		const info = await inspectFile('费.csv', utf8(csvText([['收费表'], ['小区编号', '年份', '物业费'], ['LJ1', 2024, '2.38元/平米/月']])));
		expect(info).toMatchObject({ kind: 'csv', encoding: 'utf-8', headerRow: 2, dataset: 'fees', layout: 'long', rowCount: 1 });
		expect(info.mapping).toEqual(['estate_id', 'year', 'fee']);
		expect(info.signature).toBe(headerSignature(['小区编号', '年份', '物业费']));
		expect(info.preview).toEqual([{ row: 3, cells: ['LJ1', '2024', '2.38元/平米/月'] }]);
		expect(info.memory.withinBrowserLimit).toBe(true);
	});

	it('a score sheet with a period in its title and a period column reads the column, and says so once when they differ', async () => {
		const sheet = (months: string[]) => [
			['2025年第三季度物业服务考评汇总表'],
			['小区编号', '考评时间', '综合管理', '保洁'],
			...months.map((m, i) => [`LJ${i + 1}`, m, 90, 80])
		];
		const p = await prepareImport(file(sheet(['2025年9月', '2025年8月', '2025年9月'])));
		expect(rowsOf(p).map((r) => r[1])).toEqual(['2025-09', '2025-09', '2025-08', '2025-08', '2025-09', '2025-09']);
		const note = p.problems.filter((x) => x.code === 'period_title_other');
		expect(note).toHaveLength(1);
		expect(note[0]).toMatchObject({ severity: 'warning', column: '考评时间', params: { title: '2025Q3', periods: '2025-09、2025-08', rows: 3 } });
		expect(codes(p)).not.toContain('period_from_title');
		// The column agrees with the title: nothing to say.
		const same = await prepareImport(file([['2025年第三季度考评汇总表'], ['小区编号', '考评期', '综合管理', '保洁'], ['LJ1', '2025Q3', 90, 80]]));
		expect(codes(same)).toEqual([]);
	});

	it('a score sheet titled by a quarter reads its inspection dates as that quarter, with nothing to warn about', async () => {
		const sheet = (dates: string[]) => [['2025年第三季度物业服务质量检查考评表'], ['小区编号', '检查日期', '综合管理', '保洁'], ...dates.map((d, i) => [`LJ${i + 1}`, d, 90, 80])];
		const p = await prepareImport(file(sheet(['2025-07-15', '2025/8/22', '2025年9月3日'])));
		expect(rowsOf(p).map((r) => r[1])).toEqual(['2025Q3', '2025Q3', '2025Q3', '2025Q3', '2025Q3', '2025Q3']);
		expect(codes(p)).not.toContain('period_title_other');
		const info = await inspectFile('q3.csv', utf8(csvText(sheet(['2025-07-15', '2025/8/22']))));
		expect(info.titlePeriod).toBe('2025Q3');
		expect(info.conversions?.conversions[1]).toEqual({ kind: 'date_to_period', grain: 'quarter' });
		// Dates of the next quarter under the same title: months, and the import says the title and column differ.
		const other = await prepareImport(file(sheet(['2025-10-15', '2025-11-02'])));
		expect(rowsOf(other).map((r) => r[1])).toEqual(['2025-10', '2025-10', '2025-11', '2025-11']);
		expect(other.problems.find((x) => x.code === 'period_title_other')).toMatchObject({ params: { title: '2025Q3', periods: '2025-10、2025-11', rows: 2 } });
	});

	it('an import stored before reading rules 3 replays its dates under a quarter title by month, as it was accepted', async () => {
		const bytes = utf8(csvText([['2025年第三季度考评表'], ['小区编号', '检查日期', '综合管理'], ['LJ1', '2025-07-15', 90], ['LJ2', '2025-08-22', 80]]));
		const stored = (rules: number | undefined) =>
			storedFileSchema.parse({ id: 'f1', name: 'q3.csv', dataset: 'scores', mode: 'append', options: { headerRow: 2, ...(rules === undefined ? {} : { rules }) }, rows: 2, addedAt: '2026-12-01T00:00:00.000Z' });
		const periods = async (rules: number | undefined) => {
			const ins = await inspectFile('q3.csv', bytes, storedReadOptions(stored(rules)));
			const p = await prepareImport(ins.source, { dataset: 'scores', ...storedConversions(stored(rules), ins.headers) });
			return rowsOf(p).map((r) => r[1]);
		};
		expect(await periods(undefined)).toEqual(['2025-07', '2025-08']);
		expect(await periods(2)).toEqual(['2025-07', '2025-08']);
		expect(await periods(READ_RULES)).toEqual(['2025Q3', '2025Q3']);
	});

	it('reading rules 4: 2026-1Q and Mar 2026 are periods and a complete last row without a line end is imported; an import stored before replays them as errors', async () => {
		// Long and wide, each ending without a line end; row 3 of each in a form read since rules 4.
		const long = utf8('小区编号,考核期,指标,得分,来源\nLJ1,2026Q1,保洁,80,检查\nLJ2,2026-1Q,保洁,85,检查\nLJ3,Mar 2026,保洁,90,检查');
		const wide = utf8('小区编号,考核期,保洁\nLJ1,2026Q1,80\nLJ2,1Q26,85\nLJ3,2026年3月,90');
		const stored = (rules: number | undefined) =>
			storedFileSchema.parse({ id: 'f1', name: 's.csv', dataset: 'scores', mode: 'append', options: { headerRow: 1, dropInvalid: true, ...(rules === undefined ? {} : { rules }) }, rows: 1, addedAt: '2026-12-01T00:00:00.000Z' });
		const replay = async (bytes: Uint8Array, rules: number | undefined) => {
			const ins = await inspectFile('s.csv', bytes, storedReadOptions(stored(rules)));
			const p = await prepareImport(ins.source, { dataset: 'scores', ...storedConversions(stored(rules), ins.headers) });
			return { valid: rowsOf(p).filter((_, i) => !p.invalid[i]).map((r) => `${r[0]} ${r[1]}`), problems: p.problems.map((x) => [x.row, x.code, x.severity]) };
		};
		const now = await replay(long, READ_RULES);
		expect(now.valid).toEqual(['LJ1 2026Q1', 'LJ2 2026Q1', 'LJ3 2026-03']);
		expect(now.problems).toEqual([[4, 'last_row_unended', 'warning']]);
		expect((await replay(wide, READ_RULES)).valid).toEqual(['LJ1 2026Q1', 'LJ2 2026Q1', 'LJ3 2026-03']);
		// Stored under rules 3: the new forms and the unended last row were errors, dropped with the invalid rows.
		const before = await replay(long, 3);
		expect(before.valid).toEqual(['LJ1 2026Q1']);
		expect(before.problems).toEqual([
			[4, 'unterminated_last_row', 'error'],
			[3, 'bad_period', 'error'],
			[4, 'bad_period', 'error']
		]);
		expect((await replay(wide, 3)).valid).toEqual(['LJ1 2026Q1']);
		// A last row short of cells is still an error, whatever the rules.
		const short = await inspectFile('s.csv', utf8('小区编号,考核期,指标,得分,来源\nLJ1,2026Q1,保洁,80,检查\nLJ2,2026Q1,保洁'));
		expect(short.problems.map((x) => [x.row, x.code, x.severity])).toEqual([
			[3, 'field_count', 'error'],
			[3, 'unterminated_last_row', 'error']
		]);
	});

	it('reading rules 5: a title naming a span of months or dates gives the quarter it covers, a half year none; an import stored before replays by the first month', async () => {
		const sheet = (title: string) => utf8(csvText([[title], ['小区编号', '综合管理', '保洁'], ['LJ1', 90, 80]]));
		const stored = (rules: number | undefined) =>
			storedFileSchema.parse({ id: 'f1', name: 't.csv', dataset: 'scores', mode: 'append', options: { headerRow: 2, ...(rules === undefined ? {} : { rules }) }, rows: 1, addedAt: '2026-12-01T00:00:00.000Z' });
		const periods = async (title: string, rules: number) => {
			const ins = await inspectFile('t.csv', sheet(title), storedReadOptions(stored(rules)));
			const p = await prepareImport(ins.source, { dataset: 'scores', ...storedConversions(stored(rules), ins.headers) });
			return { title: ins.titlePeriod, rows: [...new Set(rowsOf(p).map((r) => r[1]))], codes: codes(p) };
		};
		for (const title of ['2025年7月至9月物业服务考评表', '2025年7-9月考评', '考核期间：2025-07-01至2025-09-30', '2025.07-2025.09 考评']) {
			expect(await periods(title, READ_RULES)).toMatchObject({ title: '2025Q3', rows: ['2025Q3'] });
		}
		// A half year names no period: the sheet's period is missing, as with no title, and the person is asked.
		const half = await periods('2026年1月至6月考评', READ_RULES);
		expect(half.title).toBeUndefined();
		expect(half.codes).toContain('missing_column');
		expect((await periods('2026年上半年考评', READ_RULES)).title).toBeUndefined();
		// Stored under rules 4: the span's first month, as it was accepted.
		expect((await periods('2025年7月至9月物业服务考评表', 4)).rows).toEqual(['2025-07']);
		expect((await periods('2026年1月至6月考评', 4)).rows).toEqual(['2026-01']);
	});

	it('a period the person gave a sheet without a period column is stored with the import and replayed', async () => {
		const bytes = utf8(csvText([['2031年上半年物业服务考评'], ['小区编号', '综合管理', '保洁'], ['LJ1', 88, 90]]));
		const stored = storedFileSchema.parse({ id: 'f1', name: 'h.csv', dataset: 'scores', mode: 'append', options: { headerRow: 2, rules: READ_RULES, period: '2031Q2' }, rows: 2, addedAt: '2026-12-01T00:00:00.000Z' });
		const ins = await inspectFile('h.csv', bytes, storedReadOptions(stored));
		expect(ins.titlePeriod).toBeUndefined();
		const p = await prepareImport(ins.source, { dataset: 'scores', ...storedConversions(stored, ins.headers) });
		expect(rowsOf(p).map((r) => r[1])).toEqual(['2031Q2', '2031Q2']);
		// Without it the period is missing, as the data page says.
		const none = await prepareImport(ins.source, { dataset: 'scores' });
		expect(none.problems.find((x) => x.code === 'missing_column')).toMatchObject({ params: { name: 'period' } });
	});

	it('a sheet of one indicator column is read as scores: owner satisfaction from a survey, one inspection item', async () => {
		const survey = await prepareImport(file([['小区编号', '调查时间', '业主满意度'], ['LJ1', '2025年9月', 86.5], ['LJ2', '2025年9月', 72]]));
		expect(rowsOf(survey)).toEqual([
			['LJ1', '2025-09', 'satisfaction', 86.5, 'satisfaction'],
			['LJ2', '2025-09', 'satisfaction', 72, 'satisfaction']
		]);
		expect(codes(survey)).toEqual([]);
		const cleaning = await prepareImport(file([['小区编号', '考核期', '保洁'], ['LJ1', '2025Q3', 90]]));
		expect(rowsOf(cleaning)).toEqual([['LJ1', '2025Q3', 'cleaning', 90, 'inspection']]);
	});

	it('a fee without a unit anywhere is read per m², with one warning for the file', async () => {
		const p = await prepareImport(file([['小区编号', '年份', '物业费'], ['LJ1', 2024, 1.5], ['LJ2', 2024, '20元/户·月']]));
		expect(rowsOf(p)).toEqual([
			['LJ1', 2024, 1.5, 'per_m2_month', null],
			['LJ2', 2024, 20, 'per_household_month', null]
		]);
		expect(codes(p)).toEqual(['fee_unit_assumed']);
	});

	it('the unit in the fee header applies to every fee', async () => {
		const p = await prepareImport(file([['小区编号', '年份', '物业费(元/户·月)'], ['LJ1', 2024, 18]]));
		expect(rowsOf(p)).toEqual([['LJ1', 2024, 18, 'per_household_month', null]]);
		expect(codes(p)).toEqual([]);
	});

	it('a guide-price range fills the low and high prices', async () => {
		const p = await prepareImport(
			file([
				['价格目录', '建筑类型', '等级', '基准价'],
				['重庆2024', '高层', '一级', '1.00-1.90'],
				['重庆2024', '多层', '五级', '0.6']
			])
		);
		expect(rowsOf(p)).toEqual([
			['重庆2024', 'high', 1, 1.45, 1, 1.9],
			['重庆2024', 'multi', 5, 0.6, null, null]
		]);
		expect(codes(p)).toEqual(['range_kept']);
	});

	it('the caller can override the mapping (remembered by header signature) and the dataset', async () => {
		const rows = [['编码', '时段', '项目', '分', '类型'], ['LJ1', '2024Q1', '保洁', 80, '检查']];
		const guessed = await prepareImport(file(rows));
		expect(guessed.dataset).toBeNull();
		const p = await prepareImport(file(rows), { dataset: 'scores', mapping: ['estate_id', 'period', 'indicator', 'score', 'source'] });
		expect(rowsOf(p)).toEqual([['LJ1', '2024Q1', 'cleaning', 80, 'inspection']]);
		expect(p.problems).toEqual([]);
	});

	it("a long score sheet without a source column reads each score's source from its indicator, and says how many rows each", async () => {
		const p = await prepareImport(
			file([
				['小区编号', '考核期', '考核项目', '得分'],
				['LJ1', '2024Q1', '保洁', 80],
				['LJ1', '2024Q1', '业主满意度', 72.5],
				['LJ2', '2024Q1', '秩序维护', 91],
				['LJ2', '2024Q1', '绿化', 'n/a']
			])
		);
		expect(p.dataset).toBe('scores');
		expect(p.fileError).toBe(false);
		expect(rowsOf(p).slice(0, 3)).toEqual([
			['LJ1', '2024Q1', 'cleaning', 80, 'inspection'],
			['LJ1', '2024Q1', 'satisfaction', 72.5, 'satisfaction'],
			['LJ2', '2024Q1', 'order', 91, 'inspection']
		]);
		expect(p.invalidRows).toBe(1);
		const note = p.problems.find((x) => x.code === 'source_from_indicator');
		expect(note).toMatchObject({ severity: 'warning', row: null, params: { inspection: 2, satisfaction: 1 } });
	});

	it('a fee sheet without a year column takes the year its title names, said once; without one the column is missing', async () => {
		const rows = [['小区编号', '物业服务费（元/㎡·月）', '收缴率'], ['LJ1', '1.5元', '95%'], ['LJ2', 2.3, 0.92]];
		const p = await prepareImport(file([['２０２５年度物业服务收费标准'], ...rows]));
		expect(p.dataset).toBe('fees');
		expect(rowsOf(p)).toEqual([
			['LJ1', 2025, 1.5, 'per_m2_month', 0.95],
			['LJ2', 2025, 2.3, 'per_m2_month', 0.92]
		]);
		expect(p.problems.filter((x) => x.code === 'year_from_title')).toMatchObject([{ severity: 'warning', value: '2025', params: { year: 2025 } }]);
		const none = await prepareImport(file(rows));
		expect(none.fileError).toBe(true);
		expect(none.problems.find((x) => x.code === 'missing_column')).toMatchObject({ params: { name: 'year' } });
		// A title naming two years names no one fee year (reading rules 5): the year is missing, never guessed, and the
		// error says the title is why.
		for (const title of ['2024-2025年度物业服务收费标准', '2024年至2025年收费标准', '2024/2025年度收费']) {
			const two = await prepareImport(file([[title], ...rows]));
			expect(two.fileError, title).toBe(true);
			expect(two.problems.filter((x) => x.code === 'year_title_two_years' || x.code === 'missing_column'), title).toMatchObject([
				{ code: 'year_title_two_years', severity: 'error', value: title, params: { from: 2024, to: 2025 } }
			]);
		}
		// Stored under rules 4 it replays with the year then taken, the one written before 年.
		const before = await prepareImport(file([['2024-2025年度物业服务收费标准'], ...rows]), { titleSpansBeforeRules5: true });
		expect(rowsOf(before).map((r) => r[1])).toEqual([2025, 2025]);
		// A span of months within one year is that year.
		const months = await prepareImport(file([['2025年1月-2025年12月收费标准'], ...rows]));
		expect(rowsOf(months).map((r) => r[1])).toEqual([2025, 2025]);
	});

	it('a fee form keyed by estate names, its year in the title, a summary row and a signed footer is recognised as fees', async () => {
		const info = await inspectFile(
			'收费统计.csv',
			utf8(
				csvText([
					['江滨街道2025年度住宅小区物业服务收费情况统计表'],
					['序号', '小区名称', '物业服务企业', '收费标准（元/㎡·月）', '收缴率', '备注'],
					[1, '梅澜公寓', '临江安居物业', 0.55, '92.3%', ''],
					[2, '锦馨一村', '邻里家物业', '0.60', '88%', '含电梯'],
					['', '合计', '', '', '90.2%', ''],
					['填表人：张三', '', '联系电话：12345678', '', '', ''],
					['注：收缴率按户数计。']
				])
			)
		);
		expect(info).toMatchObject({ dataset: 'fees', rowCount: 2, headerRow: 2 });
		expect(info.guess.confidence).toBe('high');
		expect(info.problems.map((x) => [x.row, x.code])).toEqual([
			[5, 'summary_row_skipped'],
			[6, 'footer_row_skipped'],
			[7, 'footer_row_skipped']
		]);
		// Without the title's year the year column is missing: recognised, but not sure.
		const untitled = await inspectFile('收费.csv', utf8(csvText([['小区名称', '收费标准（元/㎡·月）', '收缴率'], ['梅澜公寓', 0.55, '92%']])));
		expect(untitled.dataset).toBe('fees');
		expect(untitled.guess.missing).toEqual(['year']);
	});

	it('a wide sheet without a period column takes a given period', async () => {
		const rows = [['小区编号', '综合管理', '保洁'], ['LJ1', 80, 90]];
		const missing = await prepareImport(file(rows));
		expect(missing.fileError).toBe(true);
		expect(codes(missing)).toContain('missing_column');
		const p = await prepareImport(file(rows), { period: '2024年第二季度' });
		expect(p.layout).toBe('wide');
		expect(rowsOf(p)).toEqual([
			['LJ1', '2024Q2', 'management', 80, 'inspection'],
			['LJ1', '2024Q2', 'cleaning', 90, 'inspection']
		]);
		expect(codes(p)).toEqual(['period_given']);
	});

	it('wide-sheet scores beyond the column’s full marks are errors at that cell', async () => {
		const p = await prepareImport(file([['小区编号', '季度', '保洁(15分)', '绿化(10分)'], ['LJ1', '2024Q1', 16, 9]]));
		expect(p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.value, x.code])).toEqual([
			[2, '保洁(15分)', '16', 'out_of_range']
		]);
		expect(p.problems.find((x) => x.code === 'out_of_range')!.message.zh).toBe('超出范围（0 至 15）');
		expect(rowsOf(p)[1]).toEqual(['LJ1', '2024Q1', 'greening', 90, 'inspection']);
	});

	it('two headers for one column: the first is used, the second reported', async () => {
		const p = await prepareImport(file([['小区编号', '年份', '物业费', '收费标准'], ['LJ1', 2024, 1.5, 9]]));
		expect(rowsOf(p)[0][2]).toBe(1.5);
		expect(p.problems.map((x) => [x.code, x.column])).toContainEqual(['duplicate_header', '收费标准']);
	});

	it('a 计费方式 column with 按面积 / 按户 gives each fee its unit', async () => {
		const p = await prepareImport(file([['小区编号', '年度', '收费标准', '计费方式'], ['LJ1', 2024, 1.5, '按面积'], ['LJ2', 2024, 30, '按户']]));
		expect(p.dataset).toBe('fees');
		// fees' columns: estate_id, year, fee, fee_unit, collection_rate
		expect(rowsOf(p).map((r) => r[3])).toEqual(['per_m2_month', 'per_household_month']);
		expect(p.problems.filter((x) => x.column === '计费方式')).toEqual([]);
	});

	it('keeps at most maxProblems problems but counts them all', async () => {
		const rows: FixtureCell[][] = [['小区编号', '年份', '物业费', '计费单位']];
		for (let i = 0; i < 500; i++) rows.push([`LJ${i}`, 2024, 'x', '元/㎡·月']);
		const p = await prepareImport(file(rows), { maxProblems: 20 });
		expect(p.problems).toHaveLength(20);
		expect(p.counts.errors).toBe(500);
		expect(p.invalidRows).toBe(500);
	});

	it('an empty file and a header-only file', async () => {
		const empty = await prepareImport({ name: 'e.csv', bytes: utf8('') });
		expect(codes(empty)).toEqual(['empty_file']);
		const header = await prepareImport(file([['estate_id', 'unit_area_m2', 'households']]));
		expect(header.dataset).toBe('unit_sizes');
		expect(codes(header)).toEqual(['no_rows']);
	});

	it('votes out of order and a bad enum name the cell', async () => {
		const p = await prepareImport(
			file([
				['小区编号', '表决事项', '事项类别', '业主总人数', '总面积', '参与表决人数', '参与表决面积', '同意人数', '同意面积'],
				['LJ1', '续聘', '一般事项', 100, 1000, 80, 800, 90, 700],
				['LJ1', '选聘', '紧急', 100, 1000, 80, 800, 50, 500]
			])
		);
		expect(p.problems.map((x) => [x.row, x.column, x.code])).toEqual([
			[2, '同意人数', 'vote_order'],
			[3, '事项类别', 'bad_enum']
		]);
	});
});
