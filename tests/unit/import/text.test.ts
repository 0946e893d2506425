/** Decoding (UTF-8, BOM, GB18030, UTF-16) and the CSV parser (quotes, line ends, delimiters, Excel row numbers). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, detectDelimiter, parseCsvRecords, writeCsv } from '../../../src/lib/import/csv';
import { decodeText, utf8WithBom } from '../../../src/lib/import/decode';
import { readCsv, readSource } from '../../../src/lib/import/source';
import { csvText, gbk, utf16le, utf8, workbook } from '../../fixtures/import-files';

describe('decodeText', () => {
	const text = '小区编号,小区名称\r\nLJ0001,梅澜公寓\r\n';
	it('tells UTF-8, UTF-8 with BOM, GB18030 and UTF-16 apart', () => {
		expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8', replacements: 0 });
		expect(decodeText(utf8(text, true))).toEqual({ text, encoding: 'utf-8-bom', replacements: 0 });
		expect(decodeText(gbk(text))).toEqual({ text, encoding: 'gb18030', replacements: 0 });
		expect(decodeText(utf16le(text))).toEqual({ text, encoding: 'utf-16le', replacements: 0 });
		expect(decodeText(new TextEncoder().encode('plain ascii').buffer)).toMatchObject({ encoding: 'utf-8' });
	});
	it('the GBK fixture bytes are what Chinese Excel writes', () => {
		// 小 = D0A1, 区 = C7F8 in GBK.
		expect([...gbk('小区').slice(0, 4)]).toEqual([0xd0, 0xa1, 0xc7, 0xf8]);
		expect(new TextDecoder('gb18030').decode(gbk(text))).toBe(text);
	});
	it('Node Buffers work as bytes', () => {
		expect(decodeText(Buffer.from(gbk('小区编号,梅园'))).text).toBe('小区编号,梅园');
	});
	it('short GBK text that happens to be valid UTF-8 is still read as GB18030', () => {
		// 梅园 in GBK is C3 B7 D4 B0: valid UTF-8 for '÷԰'.
		expect(decodeText(gbk('梅园'))).toMatchObject({ text: '梅园', encoding: 'gb18030' });
		expect(decodeText(gbk('a,b\n1,梅园\n'))).toMatchObject({ encoding: 'gb18030' });
		// Genuine UTF-8 with Chinese, or with Latin-1 symbols next to Chinese, stays UTF-8.
		expect(decodeText(utf8('面积(m²),梅园')).encoding).toBe('utf-8');
		expect(decodeText(utf8('café')).encoding).toBe('utf-8');
	});
	it('GBK text that breaks UTF-8 in one place only is GB18030, not damaged UTF-8', () => {
		// 嘉汇公寓 in GBK is BC CE BB E3 B9 AB D4 A2: one stray byte, then what UTF-8 reads as 'λ㹫Ԣ'.
		expect([...gbk('嘉汇公寓')]).toEqual([0xbc, 0xce, 0xbb, 0xe3, 0xb9, 0xab, 0xd4, 0xa2]);
		const sheet = '小区名称,调查日期,业主满意度\r\n梅澜公寓,2026/1/12,82.5\r\n 嘉汇公寓 ,2026-03-20,88\r\n';
		expect(decodeText(gbk(sheet))).toEqual({ text: sheet, encoding: 'gb18030', replacements: 0 });
		expect(decodeText(gbk('嘉汇公寓\n'))).toEqual({ text: '嘉汇公寓\n', encoding: 'gb18030', replacements: 0 });
		// In a file of both encodings the line is still read as GB18030.
		const mixed = new Uint8Array([...utf8('小区名称\n锦馨一村\n'), ...gbk('嘉汇公寓\n')]);
		expect(decodeText(mixed)).toMatchObject({ text: '小区名称\n锦馨一村\n嘉汇公寓\n', encoding: 'mixed', replacements: 0 });
		// A UTF-8 line of Chinese with one damaged byte stays UTF-8 and shows the damage, in Chinese or in Latin text.
		const damaged = utf8('锦馨一村,嘉汇公寓\n');
		damaged[4] = 0xff;
		const read = decodeText(new Uint8Array([...utf8('小区名称\n'), ...damaged]));
		expect(read.encoding).toBe('utf-8');
		expect(read.text).toMatch(/^小区名称\n锦\uFFFD+一村,嘉汇公寓\n$/);
		const cafe = utf8('café crème brûlée\n');
		cafe[4] = 0x41;
		expect(decodeText(cafe)).toMatchObject({ text: 'caf\uFFFDA crème brûlée\n', encoding: 'utf-8', replacements: 1 });
	});
	it('writes UTF-8 with a BOM for Excel', () => {
		expect([...utf8WithBom('a').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});
});

describe('parseCsv', () => {
	const cells = (t: string) => parseCsvRecords(t).records.map((r) => r.cells);
	it('quotes, escaped quotes, delimiters and line breaks inside quotes', () => {
		expect(cells('a,b\n"x, y","say ""hi"""\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
		expect(cells('a,b\r\n"two\r\nlines",2\r\n')).toEqual([['a', 'b'], ['two\r\nlines', '2']]);
		expect(cells('a,b,\n1,,\n')).toEqual([['a', 'b', ''], ['1', '', '']]);
		expect(cells('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
		expect(cells('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
	});
	it('numbers rows as Excel does: the header is row 1, blank lines count, a multi-line cell is one row', () => {
		const { records } = parseCsvRecords('h1,h2\n"multi\nline",1\n\n3,4\n');
		expect(records.map((r) => [r.row, r.line])).toEqual([
			[1, 1],
			[2, 2],
			[3, 4],
			[4, 5]
		]);
	});
	it('detects comma, tab and semicolon, and honours sep=', () => {
		expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
		expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
		expect(detectDelimiter('a;b;c\n1;2,5;3\n4;5;6\n')).toBe(';');
		expect(parseCsvRecords('sep=;\na;b\n1;2\n').records.map((r) => [r.row, ...r.cells])).toEqual([
			[1, 'a', 'b'],
			[2, '1', '2']
		]);
	});
	it('reports an unclosed quote with its row', () => {
		expect(parseCsvRecords('a,b\n1,2\n"open,3\n4,5\n').info.unclosedQuoteRow).toBe(3);
	});
	it('round-trips any cells through writeCsv (property)', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', '梅', ',', '"', '\n', '\r\n', ' ', '1', '\t', ';') });
		fc.assert(
			fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rows) => {
				const width = rows[0].length;
				const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
				// A one-cell empty row is a blank line, which the parser reports as [''] (like Excel).
				const parsed = parseCsvRecords(writeCsv(table), { delimiter: ',' }).records.map((r) => r.cells);
				// The shared writer neutralises text that a spreadsheet would run as a formula (a leading tab here).
				expect(parsed).toEqual(table.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
			}),
			{ numRuns: Number(process.env.FC_RUNS ?? 200) }
		);
	});
	it('writeCsv neutralises formula-leading text but leaves numbers alone (shared writer)', () => {
		expect(writeCsv([['=1+1', '+86', '-3', '@x', -3, '小区', true]])).toBe("'=1+1,'+86,'-3,'@x,-3,小区,TRUE\r\n");
	});
	it('csvCell quotes only when needed', () => {
		expect(csvCell('plain')).toBe('plain');
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell(' pad')).toBe('" pad"');
		expect(csvCell('q"')).toBe('"q"""');
	});
});

describe('readCsv', () => {
	it('reads a GB18030 file with a title row and Chinese headers, keeping Excel row numbers', () => {
		const text = csvText([
			['临江区2024年第一季度物业服务考评汇总表', null, null],
			[null, null, null],
			['小区编号', '小区名称', '得分'],
			['LJ0001', '梅澜公寓', '88.5'],
			[null, null, null],
			['LJ0002', '望湖花园', '90'],
			['合计', null, '178.5']
		]);
		const t = readCsv('汇总.csv', gbk(text));
		expect(t.encoding).toBe('gb18030');
		expect(t.headerRow).toBe(3);
		expect(t.headers).toEqual(['小区编号', '小区名称', '得分']);
		expect(t.titleLines).toEqual(['临江区2024年第一季度物业服务考评汇总表']);
		expect(t.rowNumbers).toEqual([4, 6]);
		expect(t.columns[1]).toEqual(['梅澜公寓', '望湖花园']);
		expect(t.problems.map((p) => [p.code, p.row])).toEqual([['summary_row_skipped', 7]]);
	});
	it('the caller can name the header row', () => {
		const t = readCsv('x.csv', utf8('note\nid,name\n1,a\n'), { headerRow: 2 });
		expect(t.detectedHeaderRow).toBe(2);
		expect(readCsv('x.csv', utf8('a,b\nc,d\n1,2\n'), { headerRow: 2 }).headers).toEqual(['c', 'd']);
	});
	it('a CSV row with more or fewer cells than the header is an error of that row; trailing empty cells are fine', () => {
		const t = readCsv('x.csv', utf8('a,b,c\n1,2,3,4\n5,6\n7,8,9,,\n'));
		expect(t.problems.map((p) => [p.code, p.row, p.column, p.value, p.params])).toEqual([
			['field_count', 2, null, '4', { count: 4, expected: 3 }],
			['field_count', 3, 'c', null, { count: 2, expected: 3 }]
		]);
		expect(t.errorRows).toEqual([2, 3]);
		expect(t.rowCount).toBe(3);
	});
	it('a worksheet row beyond the header only warns (sheets leave trailing cells out)', () => {
		const t = readSource('x.xlsx', workbook([{ name: 's', rows: [['a', 'b'], [1, 2, 3]] }]));
		return t.then((t) => expect(t.problems.map((p) => [p.code, p.row, p.value])).toEqual([['extra_cells', 2, '3']]));
	});
});
