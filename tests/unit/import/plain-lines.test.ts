/**
 * The CSV reader's plain-line path (TableBuilder.pushLine: a line without quotes read as ranges of the text, each
 * cell interned without a string per cell) must give the very table, row numbers and problems the split path
 * gives, for every kind of line people's files hold: blank lines, summary rows, short and long rows, undecodable
 * characters, white space or a lone CR, quotes, a title above the header.
 */
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from '../../../src/lib/import/csv';
import { readCsv, readCsvWhole, readPlainUtf8InChunks } from '../../../src/lib/import/source';
import { TableBuilder } from '../../../src/lib/import/table';
import { makeProblem } from '../../../src/lib/import/messages';
import { Interner } from '../../../src/lib/import/interner';
import type { Cell } from '../../../src/lib/import/types';
import { utf8 } from '../../fixtures/import-files';

/** The table as the split path builds it: every record's cells pushed, every text check on; readCsv's file notes. */
function splitPath(text: string) {
	const delimiter = detectDelimiter(text);
	const builder = new TableBuilder({ file: 'f.csv', kind: 'csv', encoding: 'utf-8', delimiter, plainCells: false });
	const info = parseCsv(text, (cells, row, line, quirk) => builder.push(cells as Cell[], row, { line, quirk }), { delimiter });
	if (info.unclosedQuoteRow !== null) {
		builder.addProblem(makeProblem('f.csv', info.unclosedQuoteRow, null, null, { code: 'unclosed_quote', params: { row: info.unclosedQuoteRow } }, 'error'));
	} else if (!info.endsWithLineEnd && builder.lastDataRow() === info.records && info.records > 1) {
		const short = builder.hasError(info.records);
		builder.addProblem(makeProblem('f.csv', info.records, null, null, { code: short ? 'unterminated_last_row' : 'last_row_unended' }, short ? builder.rowSeverity() : 'warning'));
	}
	return builder.finish();
}

function same(text: string) {
	const fast = readCsv('f.csv', utf8(text));
	const slow = splitPath(text);
	expect(fast.headers).toEqual(slow.headers);
	expect(fast.columns).toEqual(slow.columns);
	expect(fast.rowNumbers).toEqual(slow.rowNumbers);
	expect(fast.problems).toEqual(slow.problems);
	expect(fast.errorRows).toEqual(slow.errorRows);
	return fast;
}

describe('plain lines of a CSV', () => {
	it('a hand-worked file: data rows kept as written, summary and blank rows left out, odd rows reported by Excel row', () => {
		const text = [
			'estate_id,period,score', // row 1
			'E1,2024-01,80.5', // 2 data
			'合计,,160', // 3 summary: skipped, warned
			'', // 4 blank
			'Total,,1', // 5 summary (English)
			' 平均,,1', // 6 summary after white space
			'Sunshine,2024-01,70', // 7 data that starts like "sum"
			'E2,2024-01', // 8 one cell short: error
			'E3,2024-01,60,,', // 9 trailing empty cells: fine
			'E4,2024-01,60,x', // 10 one cell too many: error
			'E\uFFFD5,2024-01,50', // 11 undecodable: error
			'梅园,2024-02,90', // 12 data, Chinese first
			',,', // 13 blank
			'E1,2024-01,80.5', // 14 data (repeats row 2)
			'备注园,2024-01,75', // 15 data: an estate named like a note, no colon
			'填表人：张三,,联系电话：12345678', // 16 a form's footer: skipped, warned
			' 注: 得分为百分制。' // 17 a note below the table
		].join('\n') + '\n';
		const t = same(text);
		expect(t.rowNumbers).toEqual([2, 7, 8, 9, 10, 11, 12, 14, 15]);
		expect(t.columns[0]).toEqual(['E1', 'Sunshine', 'E2', 'E3', 'E4', 'E\uFFFD5', '梅园', 'E1', '备注园']);
		expect(t.columns[2]).toEqual(['80.5', '70', null, '60', '60', '50', '90', '80.5', '75']);
		expect(t.problems.map((p) => [p.row, p.code, p.severity])).toEqual([
			[3, 'summary_row_skipped', 'warning'],
			[5, 'summary_row_skipped', 'warning'],
			[6, 'summary_row_skipped', 'warning'],
			[8, 'field_count', 'error'],
			[10, 'field_count', 'error'],
			[11, 'undecodable', 'error'],
			[16, 'footer_row_skipped', 'warning'],
			[17, 'footer_row_skipped', 'warning']
		]);
		// The repeated row's cells are the very strings of the first (one copy per distinct text).
		expect(t.columns[0][7]).toBe(t.columns[0][0]);
	});

	it('CRLF files, a lone CR inside a line, quoted lines and a title row above the header', () => {
		same('小区质量评分表\r\nestate_id,period,score\r\nE1,2024-01,80\r\nE2,20\r24-01,70\r\n"E3",2024-01,"6,0"\r\nE4,2024-01,50\r\n');
		same('estate_id\tperiod\tscore\nE1\t2024-01\t80\nE2\t2024-01\t\n\t2024-01\t70\n');
	});

	it('random files of every kind of line give the split path\'s table, row numbers and problems', () => {
		let seed = 7;
		const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
		const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
		const kinds = [
			() => `${pick(['E1', 'E2', 'E3', 'CT00001', '梅园', 'Apple'])},${pick(['2024-01', '2024-02', ''])},${pick(['80.5', '70', 'abc', ''])}`,
			() => pick(['合计,,1', '总计,,', '小计,1,2', '平均值,,3', '汇总,,', 'total,,1', 'AVERAGE,,', 'Sum,,2', '均值,,', '总平均,,'])
			,
			() => pick(['', ',,', ' ,,', '\u3000,,', ',,,,']),
			() => pick(['E1,2024-01', 'E1', 'E1,2024-01,1,2', 'E1,2024-01,1,,', 'E1,2024-01,1, ']),
			() => pick([' E1,2024-01,1', '\u3000E1,2024-01,1', '\uFEFFE1,2024-01,1', 'E\uFFFD,2024-01,1', 'E1,2024-01,\uFFFD']),
			() => pick(['"E1",2024-01,1', 'E1,"2024-01",1', 'E"1,2024-01,1', '"E1\nE2,x,y",2024-01,1', 'tail,2024-01,9', 'start,1,1'])
		];
		for (let file = 0; file < 60; file++) {
			const lines = [pick(['estate_id,period,score', 'id,period,score'])];
			if (rand() < 0.2) lines.unshift('某区物业服务质量评分');
			const n = 5 + Math.floor(rand() * 80);
			for (let i = 0; i < n; i++) lines.push(rand() < 0.6 ? kinds[0]() : pick(kinds)());
			const eol = rand() < 0.3 ? '\r\n' : '\n';
			same(lines.join(eol) + (rand() < 0.8 ? eol : ''));
		}
	});
});

describe('Interner', () => {
	it('a range of a text and the same text as a string give one copy', () => {
		const i = new Interner();
		const a = i.intern('CT00001');
		expect(i.internRange('x,CT00001,y', 2, 9)).toBe(a);
		expect(i.internRange('CT00002', 0, 7)).toBe('CT00002');
		expect(i.intern('CT00002')).toBe(i.internRange('a;CT00002', 2, 9));
		expect(i.internRange('abc', 1, 1)).toBe('');
	});

	it('keeps every distinct text apart through growth, and texts that share a hash stay distinct', () => {
		const i = new Interner();
		const firsts = new Map<string, string>();
		// 5,000 distinct ids, each seen four times: interning stays on (hits are three in four).
		for (let round = 0; round < 4; round++)
			for (let k = 0; k < 5000; k++) {
				const text = `row ${k},x`;
				const s = i.internRange(text, 0, text.indexOf(','));
				expect(s).toBe(`row ${k}`);
				if (round === 0) firsts.set(s, s);
				else expect(s).toBe(firsts.get(s));
			}
	});

	it('a column of texts that rarely repeat stops interning and still returns each text', () => {
		const i = new Interner();
		for (let k = 0; k < 30_000; k++) expect(i.internRange(`remark number ${k}`, 7, 14 + String(k).length)).toBe(`number ${k}`);
	});
});

describe('a quote-free UTF-8 file read in chunks', () => {
	/** A file of `n` lines (header first) mixing every kind of line, long enough to cross many chunk boundaries. */
	function bigFile(n: number, seed: number, eol: string, chinese: boolean): string {
		let s = seed;
		const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
		const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
		const ids = chinese ? ['梅园小区', '阳光花园一期', 'CT00001', '翠湖天地', 'E2'] : ['CT00001', 'CT00002', 'E3', 'Apple'];
		const lines = ['estate_id,period,indicator,score,source'];
		for (let i = 1; i < n; i++) {
			const r = rand();
			if (r < 0.9) lines.push(`${pick(ids)},2024-${String(1 + (i % 12)).padStart(2, '0')},${pick(['cleaning', 'upkeep', '保洁'])},${(i % 1000) / 10},${pick(['inspection', 'satisfaction'])}`);
			else lines.push(pick(['', ',,,,', '合计,,,100,', 'Total,,,,', 'E9,2024-01', 'E9,2024-01,x,1,y,z', ' E9,2024-01,x,1,y', 'E\uFFFD9,2024-01,x,1,y', 'E9,2024-01,x,1,y,,']));
		}
		return lines.join(eol) + eol;
	}

	for (const [name, eol, chinese, bom] of [
		['ASCII, LF', '\n', false, false],
		['Chinese, CRLF', '\r\n', true, false],
		['Chinese, LF, byte-order mark', '\n', true, true]
	] as const) {
		it(`${name}: the same table, row numbers and problems as the whole-text reader`, () => {
			const text = bigFile(40_000, name.length, eol, chinese);
			const bytes = utf8(text, bom);
			expect(bytes.length).toBeGreaterThan(1_000_000); // the first chunk and many more
			const chunked = readPlainUtf8InChunks('f.csv', bytes, {});
			const whole = readCsvWhole('f.csv', bytes);
			expect(chunked).not.toBeNull();
			expect(readCsv('f.csv', bytes)).toEqual(chunked);
			expect(chunked!.rowCount).toBeGreaterThan(30_000);
			expect(chunked).toEqual(whole);
			expect(chunked!.encoding).toBe(bom ? 'utf-8-bom' : 'utf-8');
		});
	}

	it('a byte that is not UTF-8 in an otherwise ASCII file with a byte-order mark is an error of its row, in any chunk', () => {
		// With a byte-order mark, text that is not UTF-8 is decoded leniently: a lone 0xFF byte becomes one U+FFFD, so the
		// chunk has as many characters as bytes, as an ASCII one has; the plain-line path must still send the line to the
		// full rules.
		const lines = ['estate_id,period,indicator,score,source'];
		for (let i = 1; i < 30_000; i++) lines.push(`CT${String(i % 500).padStart(5, '0')},2024-${String(1 + (i % 12)).padStart(2, '0')},cleaning,${(i % 1000) / 10},inspection`);
		const bytes = utf8(lines.join('\n') + '\n', true);
		const early = bytes.indexOf(0x0a, 4_000) + 1; // a data line of the first chunk, past the rows read for the header
		const late = bytes.indexOf(0x0a, 700_000) + 1; // a line of a later chunk
		for (const at of [early, late]) bytes[at + 1] = 0xff; // the second character of an estate id
		const rowOf = (at: number) => bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
		const read = readPlainUtf8InChunks('f.csv', bytes, {})!;
		expect(read).toEqual(readCsvWhole('f.csv', bytes));
		for (const at of [early, late]) {
			const row = rowOf(at);
			expect(read.errorRows).toContain(row);
			expect(read.problems.some((p) => p.row === row && p.code === 'undecodable')).toBe(true);
		}
		// Every row is kept (those two to be listed as errors), and only those two hold U+FFFD.
		expect(read.rowCount).toBe(29_999);
		const odd = read.rowNumbers.filter((_, i) => String(read.columns[0][i]).includes('\uFFFD'));
		expect(odd).toEqual([rowOf(early), rowOf(late)]);
	});

	it('without its last line end, and a file that turns out not to be UTF-8 deep in it (read whole, as GB18030)', () => {
		const text = bigFile(30_000, 3, '\n', true);
		const cut = utf8(text + 'E1,2024-01,cleaning,50,inspection');
		const read = readPlainUtf8InChunks('f.csv', cut, {})!;
		expect(read).toEqual(readCsvWhole('f.csv', cut));
		// 30,000 lines and a complete last one without a line end: kept, with a warning (beyond the 1,000 problems listed).
		expect(read.rowNumbers.at(-1)).toBe(30_001);
		expect(read.errorRows).not.toContain(30_001);
		// Cut short mid-row: an error of row 30,001.
		const short = utf8(text + 'E1,2024-01,clean');
		const readShort = readPlainUtf8InChunks('f.csv', short, {})!;
		expect(readShort).toEqual(readCsvWhole('f.csv', short));
		expect(readShort.errorRows).toContain(30_001);
		// A GBK character (区 = C7 F8, not UTF-8) at the start of a line deep in otherwise UTF-8 text: the strict decode
		// fails in a later chunk, and the whole-text reader reads the file line by line.
		const bytes = utf8(text);
		const at = bytes.lastIndexOf(0x0a, 900_000) + 1;
		const mixed = new Uint8Array(bytes.length + 2);
		mixed.set(bytes.subarray(0, at));
		mixed.set([0xc7, 0xf8], at);
		mixed.set(bytes.subarray(at), at + 2);
		expect(readPlainUtf8InChunks('f.csv', mixed, {})).toBeNull();
		const again = readCsv('f.csv', mixed);
		expect(again).toEqual(readCsvWhole('f.csv', mixed));
		expect(again.encoding).toBe('mixed');
	});
});
