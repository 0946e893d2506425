/**
 * Reading exported files back as a finance office would: a small RFC 4180 CSV reader, decimal text to integer fen
 * without floating point, and an evaluator of the two formula forms the exports write (SUM and SUMIFS over a
 * column range), so a test can check that a total equals the sum of the rows AS WRITTEN in the file.
 */
import * as XLSX from '@e965/xlsx';

/** RFC 4180 CSV (BOM dropped; quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
	const src = text.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && src[i + 1] === '\n') {
			row.push(field), rows.push(row), (row = []), (field = ''), i++;
		} else field += c;
	}
	if (field !== '' || row.length) row.push(field), rows.push(row);
	return rows;
}

/** Decimal text of yuan ("3000000", "12.5", "-0.07") as integer fen; throws on more than two decimals. */
export function textToFen(text: string): number {
	const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
	if (!m) throw new Error(`not an amount with at most two decimals: '${text}'`);
	const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
	return m[1] === '-' ? -fen : fen;
}

/** A number as written by JavaScript (a CSV cell or an xlsx value) as fen, refusing more than two decimals. */
export function numberToFen(x: number): number {
	return textToFen(String(x));
}

/** Value of a cell of a worksheet (undefined when empty). */
function cellValue(ws: XLSX.WorkSheet, ref: string): unknown {
	return ws[ref]?.v;
}

/** Cells of an A1 range like $V$2:$V$241 (one column), as refs. */
function rangeRefs(range: string): string[] {
	const r = XLSX.utils.decode_range(range.replaceAll('$', ''));
	const out: string[] = [];
	for (let row = r.s.r; row <= r.e.r; row++) for (let c = r.s.c; c <= r.e.c; c++) out.push(XLSX.utils.encode_cell({ r: row, c }));
	return out;
}

function split(ref: string, wb: XLSX.WorkBook, own: XLSX.WorkSheet): { ws: XLSX.WorkSheet; range: string } {
	const m = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
	if (!m) return { ws: own, range: ref };
	return { ws: wb.Sheets[m[1].replaceAll("''", "'")], range: m[2] };
}

/**
 * The value, in fen, of a SUM(range) or SUMIFS(range, criteria range, criteria cell) formula, computed from the
 * cells of the workbook as written (numbers only, each read back to the fen).
 */
export function evaluateSumFormula(wb: XLSX.WorkBook, ws: XLSX.WorkSheet, formula: string): number {
	const sum = /^SUM\(([^,()]+)\)$/.exec(formula);
	if (sum) {
		const { ws: w, range } = split(sum[1], wb, ws);
		return rangeRefs(range).reduce((s, ref) => {
			const v = cellValue(w, ref);
			return s + (typeof v === 'number' ? numberToFen(v) : 0);
		}, 0);
	}
	const ifs = /^SUMIFS\(([^,()]+),([^,()]+),([^,()]+)\)$/.exec(formula);
	if (ifs) {
		const a = split(ifs[1], wb, ws);
		const b = split(ifs[2], wb, ws);
		const key = cellValue(ws, ifs[3].replaceAll('$', ''));
		const sums = rangeRefs(a.range);
		const crit = rangeRefs(b.range);
		return sums.reduce((s, ref, i) => {
			const v = cellValue(a.ws, ref);
			return s + (cellValue(b.ws, crit[i]) === key && typeof v === 'number' ? numberToFen(v) : 0);
		}, 0);
	}
	throw new Error(`formula not understood: ${formula}`);
}
