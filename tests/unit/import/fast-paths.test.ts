/**
 * The validated import's fast paths (docs/performance.md, branch `imp`) change no value and lose no problem: a large
 * sorted score file, where every cache and shortcut is hot, with single odd cells deep in it.
 */
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/lib/import/index';
import { prepareTable } from '../../../src/lib/import/validate';
import { readCsv } from '../../../src/lib/import/source';
import { rowSchemaChecker } from '../../../src/lib/import/row-schema';
import { DATASETS } from '../../../src/lib/data/datasets';
import { utf8 } from '../../fixtures/import-files';

const INDICATORS = ['management', 'upkeep', 'cleaning', 'greening', 'security', 'parking', 'customer_service', 'fire_safety', 'elevator', 'satisfaction'];

/** 500 estates × 12 months × 10 indicators = 60,000 rows, sorted as exports are; data row k (0-based) is Excel row k + 2. */
function scoreLines(): string[] {
	const lines = ['estate_id,period,indicator,score,source'];
	for (let e = 1; e <= 500; e++)
		for (let m = 1; m <= 12; m++)
			for (let i = 0; i < 10; i++) lines.push(`FP${String(e).padStart(4, '0')},2024-${String(m).padStart(2, '0')},${INDICATORS[i]},${40 + ((e * 7 + m * 3 + i) % 60)}.5,inspection`);
	return lines;
}

/** Excel row of estate e, month m, indicator i. */
const rowOf = (e: number, m: number, i: number) => 2 + (e - 1) * 120 + (m - 1) * 10 + i;

async function prepare(lines: string[]) {
	return prepareImport({ name: 'scores.csv', bytes: utf8(lines.join('\n') + '\n') });
}

describe('fast paths of the validated import keep every value and every problem', () => {
	it('a clean 60,000-row file: every value as written, no problem', async () => {
		const p = await prepare(scoreLines());
		expect(p.rowCount).toBe(60_000);
		expect(p.counts).toEqual({ errors: 0, warnings: 0 });
		// Estate 437, 2024-09, indicator 4 (security): 40 + (437·7 + 9·3 + 4) % 60 = 40 + 3090 % 60 = 40 + 30 → 70.5.
		const k = rowOf(437, 9, 4) - 2;
		expect(p.columns.map((c) => c[k])).toEqual(['FP0437', '2024-09', 'security', 70.5, 'inspection']);
	});

	it('one bad score deep in the file, and the same bad text in the next row: both reported with row, column and value', async () => {
		const lines = scoreLines();
		const a = rowOf(401, 7, 3);
		lines[a - 1] = 'FP0401,2024-07,greening,abc,inspection';
		lines[a] = 'FP0401,2024-07,security,abc,inspection';
		const p = await prepare(lines);
		expect(p.counts.errors).toBe(2);
		expect(p.problems.filter((x) => x.severity === 'error').map((x) => [x.row, x.column, x.value, x.code])).toEqual([
			[a, 'score', 'abc', 'not_a_number'],
			[a + 1, 'score', 'abc', 'not_a_number']
		]);
		expect(p.invalidRows).toBe(2);
	});

	it('a score above 100 after thousands of valid ones is out of range, and the valid rows around it keep their values', async () => {
		const lines = scoreLines();
		const a = rowOf(333, 3, 3);
		lines[a - 1] = 'FP0333,2024-03,greening,100.5,inspection';
		const p = await prepare(lines);
		const errors = p.problems.filter((x) => x.severity === 'error');
		expect(errors.map((x) => [x.row, x.column, x.value])).toEqual([[a, 'score', '100.5']]);
		// The rows before and after: 40 + (333·7 + 3·3 + 2) % 60 = 40 + 2342 % 60 = 40 + 2 → 42.5; indicator 4: 40 + 2344 % 60 = 44 → 44.5.
		expect(p.columns[3][a - 3]).toBe(42.5);
		expect(p.columns[3][a - 1]).toBe(44.5);
	});

	it('an undecodable character and a stray quote deep in an otherwise plain file are still errors of their rows', async () => {
		const lines = scoreLines();
		const u = rowOf(450, 1, 0);
		const q = rowOf(470, 2, 2);
		lines[u - 1] = 'FP0450,2024-01,manage\uFFFDment,50.5,inspection';
		lines[q - 1] = 'FP0470,2024-02,clea"ning,50.5,inspection';
		const p = await prepare(lines);
		const errors = p.problems.filter((x) => x.severity === 'error');
		expect(errors.map((x) => [x.row, x.column, x.code])).toEqual([
			[u, 'indicator', 'undecodable'],
			[q, 'indicator', 'stray_quote']
		]);
	});

	it('a full-width score is converted as before, next to plain ones', async () => {
		const lines = scoreLines();
		const a = rowOf(222, 5, 0);
		lines[a - 1] = 'FP0222,2024-05,management,８０,inspection';
		const p = await prepare(lines);
		expect(p.columns[3][a - 2]).toBe(80);
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
	});

	it('a column read as written until a cell deep in it needs converting: the rows before keep their text, that cell is converted, the source table is untouched', async () => {
		const lines = scoreLines();
		const a = rowOf(300, 4, 1);
		const b = rowOf(301, 1, 0);
		lines[a - 1] = ' FP0300 ,2024年4月,upkeep,50.5,inspection'; // id with spaces, period in Chinese
		lines[b - 1] = 'FP0301,2024-01,management,50.5,INSPECTION'; // source in capitals
		const source = readCsv('scores.csv', utf8(lines.join('\n') + '\n'));
		const p = await prepareTable(source);
		expect(p.problems.filter((x) => x.severity === 'error')).toEqual([]);
		expect(p.columns[0][rowOf(299, 12, 9) - 2]).toBe('FP0299');
		expect(p.columns[1][a - 3]).toBe('2024-04');
		expect(p.columns[0][a - 2]).toBe('FP0300');
		expect(p.columns[1][a - 2]).toBe('2024-04');
		expect(p.columns[4][b - 2]).toBe('inspection');
		// The file's last row: estate 500, month 12, indicator 9 (satisfaction): 40 + (3500 + 36 + 9) % 60 = 40 + 5 → 45.5.
		expect(p.columns.map((c) => c[59_999])).toEqual(['FP0500', '2024-12', 'satisfaction', 45.5, 'inspection']);
		for (const c of p.columns) expect(c).toHaveLength(60_000);
		// What the user's file said is still there, for the next mapping or a second look.
		expect(source.columns[0][a - 2]).toBe(' FP0300 ');
		expect(source.columns[1][a - 2]).toBe('2024年4月');
		expect(source.columns[4][b - 2]).toBe('INSPECTION');
		expect(source.columns[3][a - 2]).toBe('50.5');
	});
});

describe('row schema checked field by field', () => {
	const names = DATASETS.scores.columns.map((c) => c.name);
	const whole = (schema: unknown, values: unknown[], cols: readonly string[]) => {
		const obj = Object.fromEntries(cols.map((n, i) => [n, values[i]]));
		const z = (schema as { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }).safeParse(obj);
		return z.success ? null : { path: z.error!.issues[0].path, message: z.error!.issues[0].message };
	};

	it('reports the first failing column with zod’s message, also for a value already seen valid in another column', () => {
		const check = rowSchemaChecker(DATASETS.scores.schema, names);
		const ok = ['CT1', '2024-12', 'cleaning', 80, 'inspection'];
		const badPeriod = ['CT1', '2024-13', 'cleaning', 80, 'inspection'];
		const badBoth = ['CT1', '2024-13', 'cleaning', 101, 'nowhere'];
		expect(check(ok)).toBeNull();
		expect(check(badPeriod)).toEqual({ path: ['period'], message: "expected 'YYYYQn' or 'YYYY-MM'" });
		// Remembered verdicts give the same answer the second time, and the first failing column wins.
		expect(check(ok)).toBeNull();
		expect(check(badBoth)).toEqual({ path: ['period'], message: "expected 'YYYYQn' or 'YYYY-MM'" });
		expect(check(['CT1', '2024-12', 'cleaning', 101, 'inspection'])?.path).toEqual(['score']);
		for (const v of [ok, badPeriod, badBoth, ['CT1', '2024-12', 'cleaning', 101, 'inspection'], ['CT1', '2024-12', 'cleaning', -0, 'inspection']])
			expect(check(v)).toEqual(whole(DATASETS.scores.schema, v, names));
	});

	it('a schema with a rule over several columns is parsed whole (a ticket closed before it was opened)', () => {
		const cols = DATASETS.tickets.columns.map((c) => c.name);
		const check = rowSchemaChecker(DATASETS.tickets.schema, cols);
		const row = ['T1', 'CT1', 'repair', '2024-03-02 10:00:00', '2024-03-01 09:00:00'];
		const issue = check(row);
		expect(issue && { path: issue.path, message: issue.message }).toEqual({ path: ['closed_at'], message: 'closed_at is before opened_at' });
		expect(issue && { path: issue.path, message: issue.message }).toEqual(whole(DATASETS.tickets.schema, row, cols));
		expect(check(['T1', 'CT1', 'repair', '2024-03-01 09:00:00', '2024-03-02 10:00:00'])).toBeNull();
	});
});
