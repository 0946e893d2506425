/**
 * A canonical file's records in the order its dataset stores them (src/lib/workspace/csv-cluster.ts): grouped by a
 * field, groups ascending, each in file order, without losing, adding or splitting a byte of a record; and each line
 * of a chunk mapped back to its line of the file. Expected chunks are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { clusteredChunks, type ChunkPlan } from '../../../src/lib/workspace/csv-cluster';
import { chunksOnly, csvLayout, PIECE_BYTES } from '../../../src/lib/workspace/csv-chunks';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/** The plan, its steps run to the end. */
function plan(text: string, field: number, chunkBytes = 1 << 20): ChunkPlan | null {
	const steps = clusteredChunks(csvLayout(enc(text), chunkBytes), field);
	for (let r = steps.next(); ; r = steps.next()) if (r.done) return r.value;
}

const HEADER = 'estate_id,period,indicator,score,source\n';
// Records 0-5 (file lines 2-7; record 2 spans two physical lines inside quotes, DuckDB counts it as one line).
const R = [
	'A1,2024Q2,upkeep,80,inspection\n',
	'"B,1",2024Q1,fire,70,inspection\n',
	'"C\n2",2024Q2,fire,60,inspection\n',
	'A1,2024Q1,upkeep,75,inspection\n',
	'D4,,fire,50,inspection\n',
	'E5,"2023Q4",fire,40,inspection'
];

describe('clustered chunks', () => {
	it('groups records by period (quoted fields, a record over two lines, an empty key last, a last record without its line end)', () => {
		const p = plan(HEADER + R.join(''), 1)!;
		expect(p).not.toBeNull();
		const chunks = [...chunksOnly(p.chunks)].map(dec);
		// 2023Q4: record 5 (its line end added); 2024Q1: 1, 3; 2024Q2: 0, 2; no period: 4.
		expect(chunks).toEqual([HEADER + R[5] + '\n' + R[1] + R[3] + R[0] + R[2] + R[4]]);
	});

	it('cuts chunks of whole records, the header in each, and maps their lines to the file', () => {
		const p = plan(HEADER + R.join(''), 1, 1)!;
		const chunks = [...chunksOnly(p.chunks)].map(dec);
		expect(chunks).toEqual([5, 1, 3, 0, 2, 4].map((r) => HEADER + R[r] + (r === 5 ? '\n' : '')));
		// Line 2 of each chunk is its one record: record r is line r + 2 of the file.
		expect([0, 1, 2, 3, 4, 5].map((i) => p.fileLine(i, 2))).toEqual([7, 3, 5, 2, 4, 6]);
		expect(p.fileLine(3, 1)).toBe(1);
		// Two records a chunk: [5, 1], [3, 0], [2, 4]; line 3 of the second chunk is record 0.
		const q = plan(HEADER + R.join(''), 1, 40)!;
		expect([...chunksOnly(q.chunks)].map(dec)).toEqual([HEADER + R[5] + '\n' + R[1], HEADER + R[3] + R[0], HEADER + R[2] + R[4]]);
		expect([q.fileLine(0, 2), q.fileLine(0, 3), q.fileLine(1, 3), q.fileLine(2, 3)]).toEqual([7, 3, 2, 6]);
	});

	it('copies runs of neighbouring records whole and keeps \\r\\n line ends', () => {
		const text = 'a,k\r\n1,y\r\n2,y\r\n3,x\r\n4,x\r\n5,y';
		const p = plan(text, 1)!;
		expect([...chunksOnly(p.chunks)].map(dec)).toEqual(['a,k\r\n3,x\r\n4,x\r\n1,y\r\n2,y\r\n5,y\r\n']);
	});

	it('is null when the records are already in order: the file loads as it is', () => {
		expect(plan(HEADER + 'A1,2023Q4,fire,1,inspection\nB2,2024Q1,fire,2,inspection\nA1,2024Q1,upkeep,3,inspection\n', 1)).toBeNull();
		// The key's \r is not part of it: 'x' then 'x' (not 'x\r' then 'x').
		expect(plan('a,k\r\n1,x\r\n2,x', 1)).toBeNull();
		// A quoted key is its text: "2024Q1" and 2024Q1 are one group.
		expect(plan(HEADER + 'A1,"2024Q1",fire,1,inspection\nB2,2024Q1,fire,2,inspection\nC3,"2024Q2",fire,3,inspection\n', 1)).toBeNull();
		expect(plan(HEADER, 1)).toBeNull();
	});

	it('reads keys with multi-byte characters and escaped quotes', () => {
		const text = 'k,v\n"第二期 ""乙""",1\n第一期,2\n"第二期 ""乙""",3\n';
		const p = plan(text, 0)!;
		expect([...chunksOnly(p.chunks)].map(dec)).toEqual(['k,v\n第一期,2\n"第二期 ""乙""",1\n"第二期 ""乙""",3\n']);
	});

	it('copies a large clustered chunk a piece at a time, with the same records in the same order', () => {
		// 60,000 records of 36 bytes (about 2 MiB) in two periods, interleaved: the first period's records, then the
		// second's, each in file order, in one chunk copied in three pieces.
		const rec = (i: number) => `E${String(i).padStart(5, '0')},2024Q${(i % 2) + 1},upkeep,80,inspection\n`;
		const n = 60_000;
		const text = HEADER + Array.from({ length: n }, (_, i) => rec(i)).join('');
		const p = plan(text, 1, 8 << 20)!;
		const steps = [...p.chunks];
		expect(steps.filter((x) => x === null).length).toBe(Math.floor((text.length - HEADER.length) / PIECE_BYTES));
		const chunks = steps.filter((x): x is Uint8Array => x !== null).map(dec);
		const want = [...Array.from({ length: n / 2 }, (_, k) => rec(2 * k)), ...Array.from({ length: n / 2 }, (_, k) => rec(2 * k + 1))].join('');
		expect(chunks).toEqual([HEADER + want]);
	});

	it('finds quotes far into a file (searched a window at a time): a quoted record after 2 MiB of plain ones', () => {
		const plain = (i: number) => `E${String(i).padStart(5, '0')},2024Q2,upkeep,80,inspection\n`;
		const head = Array.from({ length: 60_000 }, (_, i) => plain(i)).join('');
		expect(head.length).toBeGreaterThan(2 * PIECE_BYTES);
		const late = ['"Z,1",2024Q1,fire,70,inspection\n', '"Y\n2","2024Q1",fire,60,inspection\n', plain(60_000)];
		const p = plan(HEADER + head + late.join(''), 1, 64 << 20)!;
		const chunks = [...chunksOnly(p.chunks)].map(dec);
		expect(chunks).toEqual([HEADER + late[0] + late[1] + head + late[2]]);
		// Line 2 of the chunk is the first late record, line 60,002 of the file; the plain ones follow.
		expect(p.fileLine(0, 2)).toBe(60_002);
		expect(p.fileLine(0, 4)).toBe(2);
	});
});
