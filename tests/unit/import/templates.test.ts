/** Templates and problem downloads: BOM for Excel, Chinese headers, an example row that imports cleanly. */
import { describe, expect, it } from 'vitest';
import { DATASET_IDS, DATASETS } from '../../../src/lib/data/datasets';
import {
	BROWSER_IMPORT_LIMIT_BYTES,
	estimateMemory,
	makeProblem,
	prepareImport,
	problemsCsv,
	problemsXlsx,
	templateCsv,
	templateXlsx
} from '../../../src/lib/import/index';
import { PROBLEM_TEXTS, problemText } from '../../../src/lib/import/messages';
import { readXlsx } from '../../../src/lib/import/xlsx';

describe('templates', () => {
	it.each(DATASET_IDS)('%s: CSV with BOM and Chinese headers whose example row imports without a problem', async (id) => {
		const bytes = templateCsv(id);
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes.slice(3));
		expect(text.split('\r\n')[0].split(',')[0]).toBe(DATASETS[id].columns[0].zh);
		const p = await prepareImport({ name: `${id}.csv`, bytes });
		expect(p.dataset).toBe(id);
		expect(p.rowCount).toBe(1);
		expect(p.problems).toEqual([]);
	});

	it.each(DATASET_IDS)('%s: xlsx with a data sheet and a column guide', async (id) => {
		const bytes = await templateXlsx(id);
		const data = readXlsx(`${id}.xlsx`, bytes);
		expect(data.sheets).toEqual([DATASETS[id].zh, '填写说明']);
		const guide = readXlsx(`${id}.xlsx`, bytes, { sheet: '填写说明', headerRow: 1 });
		expect(guide.rowCount).toBe(DATASETS[id].columns.length);
		const p = await prepareImport({ name: `${id}.xlsx`, bytes });
		expect(p.dataset).toBe(id);
		expect(p.problems).toEqual([]);
	});
});

describe('problem downloads', () => {
	const problems = [
		makeProblem('得分.csv', 4, '得分', 'abc', { code: 'not_a_number' }, 'error'),
		makeProblem('得分.csv', null, null, null, { code: 'missing_column', params: { name: 'score', columnZh: '得分', columnEn: 'Score' } }, 'error'),
		makeProblem('物业费.csv', 6, '收缴率', '33', { code: 'rate_read_as_percent', params: { from: 33, to: 0.33 } }, 'warning')
	];
	it('CSV in either language, with a BOM', () => {
		const zh = new TextDecoder('utf-8', { ignoreBOM: true }).decode(problemsCsv(problems, 'zh'));
		expect(zh.charCodeAt(0)).toBe(0xfeff);
		expect(zh.split('\r\n').slice(0, 4)).toEqual([
			'\ufeff文件,行,列,值,级别,代码,说明',
			'得分.csv,4,得分,abc,错误,not_a_number,不是数字',
			'得分.csv,,,,错误,missing_column,缺少必需列「得分」（score）',
			'物业费.csv,6,收缴率,33,警告,rate_read_as_percent,33 大于 1，按百分数读作 0.33'
		]);
		const en = new TextDecoder().decode(problemsCsv(problems, 'en'));
		expect(en).toContain("Missing required column 'Score' (score)");
	});
	it('xlsx', async () => {
		const t = readXlsx('p.xlsx', await problemsXlsx(problems, 'en'));
		expect(t.headers).toEqual(['File', 'Row', 'Column', 'Value', 'Severity', 'Code', 'Message']);
		expect(t.rowCount).toBe(3);
	});
	it('every code has both languages and the same placeholders', () => {
		for (const [code, t] of Object.entries(PROBLEM_TEXTS)) {
			const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/(En|Zh)$/, '')).sort();
			expect(t.zh.length, code).toBeGreaterThan(0);
			expect(names(t.en), code).toEqual(names(t.zh));
		}
		expect(problemText('no_such_code', {}, 'en')).toBe('no_such_code');
	});
});

describe('size guard', () => {
	it('a 40 MB score CSV fits in the browser; 300 MB is the CSV limit; workbooks expand more', () => {
		expect(estimateMemory(40e6, 'csv').withinBrowserLimit).toBe(true);
		expect(estimateMemory(BROWSER_IMPORT_LIMIT_BYTES, 'csv').withinBrowserLimit).toBe(true);
		expect(estimateMemory(BROWSER_IMPORT_LIMIT_BYTES + 1, 'csv').withinBrowserLimit).toBe(false);
		expect(estimateMemory(100e6, 'xlsx').withinBrowserLimit).toBe(false);
		expect(estimateMemory(40e6, 'csv').estimatedBytes).toBe(400e6);
	});
});
