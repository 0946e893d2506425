/**
 * The import safeguards (docs/sources.md §17), without the engine: files that cannot be read are refused in the user's language with the position
 * where known (never the library's English), a UTF-16 file without a byte-order mark is read and said to be,
 * encodings are judged per line, and the problem list's CSV download neutralises formulas.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/lib/import/decode';
import { inspectFile, makeProblem, problemsCsv, problemText, UnreadableFileError } from '../../../src/lib/import/index';
import { gbk, json, parquet, utf8 } from '../../fixtures/import-files';

async function refusal(name: string, bytes: Uint8Array): Promise<UnreadableFileError> {
	try {
		await inspectFile(name, bytes);
	} catch (e) {
		expect(e).toBeInstanceOf(UnreadableFileError);
		return e as UnreadableFileError;
	}
	throw new Error(`${name} was read`);
}

/** A real zip archive holding a text file (not a workbook). */
function zipOfText(): Uint8Array {
	const CFB = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Uint8Array): void }; write(c: unknown, o: object): ArrayLike<number> } }).CFB;
	const c = CFB.utils.cfb_new();
	CFB.utils.cfb_add(c, 'readme.txt', utf8('小区编号,小区名称\n'));
	return Uint8Array.from(CFB.write(c, { type: 'array', fileType: 'zip' }));
}

const english = /[A-Za-z]{4,} [a-z]{3,}/;

describe('the three refusals, in the user language with the position', () => {
	it('a zip that is not an xlsx', async () => {
		const e = await refusal('小区.xlsx', zipOfText());
		expect(e.code).toBe('not_a_workbook');
		expect(e.reason).toBe('Unsupported ZIP file'); // the library's text stays for logs only
		const zh = problemText(e.code, e.params, 'zh');
		expect(zh).toBe('文件是 ZIP 压缩包，但里面不是 Excel 工作簿；请解压后导入其中的表格，或在 Excel 中另存为 .xlsx 或 CSV');
		expect(zh).not.toMatch(english);
	});

	it('a JSON array of mixed values names the first record that is not an object', async () => {
		const e = await refusal('物业费.json', json([{ 小区编号: 'LJ0001', 年度: 2024 }, 42, 'LJ0002']));
		expect(e).toMatchObject({ code: 'json_not_object', params: { record: 2, value: '42' } });
		expect(problemText(e.code, e.params, 'zh')).toBe('JSON 数组中第 2 条记录（42）不是对象；每条记录都应写成 {"列名": 值}');
		expect(problemText(e.code, e.params, 'en')).toContain('Record 2 of the JSON array (42) is not an object');
	});

	it('broken JSON says the line and column', async () => {
		const e = await refusal('物业费.json', utf8('[{"小区编号": "LJ0001"},\n {"小区编号": "LJ0002",}]'));
		expect(e.code).toBe('json_syntax');
		expect(e.params).toMatchObject({ line: 2, column: 20 });
		expect(problemText(e.code, e.params, 'zh')).toBe('JSON 格式错误：第 2 行第 20 列附近；请检查该处的逗号、引号和括号');
	});

	it('a truncated parquet file says it is cut short and where it ends', async () => {
		const full = parquet([{ name: 'estate_id', data: ['LJ0001', 'LJ0002', 'LJ0003'] }]);
		const e = await refusal('户型.parquet', full.slice(0, full.length - 20));
		expect(e).toMatchObject({ code: 'parquet_truncated', params: { bytes: full.length - 20 } });
		const zh = problemText(e.code, e.params, 'zh');
		expect(zh).toContain(`文件在第 ${full.length - 20} 字节处结束`);
		expect(zh).not.toMatch(english);
	});
});

describe('encodings', () => {
	const text = 'estate_id,name\r\nLJ0001,梅澜公寓\r\nLJ0002,锦馨一村\r\n';

	it('UTF-16 without a byte-order mark is read as UTF-16 and said so (not an unknown dataset)', async () => {
		for (const [enc, bytes] of [
			['utf-16le', new Uint8Array(Buffer.from(text, 'utf16le'))],
			['utf-16be', new Uint8Array(Buffer.from(text, 'utf16le').swap16())]
		] as const) {
			expect(decodeText(bytes)).toMatchObject({ text, encoding: enc, noBom: true, replacements: 0 });
			const ins = await inspectFile('小区.csv', bytes);
			expect(ins).toMatchObject({ encoding: enc, dataset: 'estates', rowCount: 2 });
			const note = ins.problems.find((p) => p.code === 'utf16_no_bom')!;
			expect(note.message.zh).toBe(`文件是没有字节顺序标记（BOM）的 ${enc.toUpperCase()} 文本，已按 ${enc.toUpperCase()} 读取；如有乱码，请用 UTF-8 另存后重试`);
		}
	});

	it('lines in UTF-8 and in GBK are each read in their own encoding', () => {
		const a = utf8('LJ0001,梅澜公寓\n');
		const b = gbk('LJ0002,锦馨一村\n');
		const d = decodeText(new Uint8Array([...a, ...b, ...a]));
		expect(d).toMatchObject({ text: 'LJ0001,梅澜公寓\nLJ0002,锦馨一村\nLJ0001,梅澜公寓\n', encoding: 'mixed', lines: { utf8: 2, gb: 1 }, replacements: 0 });
		// All GBK stays GB18030; a damaged UTF-8 line is not read as GBK mojibake.
		expect(decodeText(new Uint8Array([...b, ...b])).encoding).toBe('gb18030');
		const damaged = decodeText(new Uint8Array([...a, ...utf8('LJ0003,柳岸新村'), 0xff, 0x0a]));
		expect(damaged).toMatchObject({ encoding: 'utf-8', replacements: 1 });
		expect(damaged.text).toBe('LJ0001,梅澜公寓\nLJ0003,柳岸新村\uFFFD\n');
	});
});

describe('problem list download', () => {
	it('neutralises cells a spreadsheet would run as formulas (docs/sources.md §17)', () => {
		const p = makeProblem('=cmd.csv', 3, '@name', '=HYPERLINK("http://x","点我")', { code: 'not_a_number' }, 'error');
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(problemsCsv([p], 'zh'));
		expect(text).toBe('\uFEFF文件,行,列,值,级别,代码,说明\r\n\'=cmd.csv,3,\'@name,"\'=HYPERLINK(""http://x"",""点我"")",错误,not_a_number,不是数字\r\n');
		const minus = new TextDecoder('utf-8', { ignoreBOM: true }).decode(problemsCsv([makeProblem('a.csv', 2, '得分', '-5', { code: 'below_min', params: { min: 0 } }, 'error')], 'en'));
		expect(minus.split('\r\n')[1]).toBe("a.csv,2,得分,'-5,Error,below_min,Should be at least 0");
	});
});

describe('stored imports accepted before these rules', () => {
	it('replay as they were accepted: their row reading problems are warnings, not errors', async () => {
		// Row 2 lacks its last cell; row 3 has no line end. Both were imported before the reading rules without complaint.
		const bytes = utf8('estate_id,name,estate_type,building_type,chargeable_area_m2,households,has_elevator\nNX01,甲苑,commercial,high,1000,10\nNX02,乙苑,commercial,high,1000,10,true');
		// As reading rules 1-3 read them (a complete last row without a line end was an error then).
		const strict = await inspectFile('e.csv', bytes, { unendedLastRowIsError: true });
		expect(strict.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
			[2, 'field_count', 'error'],
			[3, 'unterminated_last_row', 'error']
		]);
		expect(strict.source.errorRows).toEqual([2, 3]);
		const lenient = await inspectFile('e.csv', bytes, { lenient: true, unendedLastRowIsError: true });
		expect(lenient.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
			[2, 'field_count', 'warning'],
			[3, 'unterminated_last_row', 'warning']
		]);
		expect(lenient.source.errorRows).toEqual([]);
	});
});
