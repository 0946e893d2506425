/**
 * Staging chunks are written into arrays kept from one chunk to the next (chunk-buffers.ts, stage-arrow.ts). What must
 * hold: a chunk's bytes never change when the next chunk is built, and a value of one chunk never shows through in the
 * next (a blank where the chunk before had a number, a shorter chunk after a longer one).
 */
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../../src/lib/import/index';
import { arrowChunk } from '../../../src/lib/import/stage-arrow';
import { csvText, utf8 } from '../../fixtures/import-files';

/** A chunk's rows as plain objects, by the staging table's column names (the chunk's columns are by position). */
function rowsOf(bytes: Uint8Array): Record<string, unknown>[] {
	const table = tableFromIPC(bytes);
	const names = ['_i', '_drop', 'estate_id', 'name', 'subdistrict', 'estate_type', 'building_type', 'build_year', 'chargeable_area_m2', 'households', 'has_elevator'];
	return table.toArray().map((r) => {
		const o = r.toJSON() as Record<string, unknown>;
		const values = Object.values(o);
		return Object.fromEntries(names.map((n, k) => [n, values[k]]));
	});
}

describe('staging chunks written into kept arrays', () => {
	it('leaves each chunk as built, and shows no value of the chunk before', async () => {
		// 街道 repeats on its two filled rows: a register with blanks, not merged groups to fill (estate-groups.ts).
		const prepared = await prepareImport({
			name: '小区.csv',
			bytes: utf8(
				csvText([
					['小区编号', '小区名称', '街道', '小区类型', '建筑类型', '建成年份', '计费面积', '户数', '有无电梯'],
					['E01', '春晖苑', '江宁路街道', '商品房', '高层', 1998, 52000, 640, '有'],
					['E02', '秋实苑', '江宁路街道', '商品房', '多层', 2005, 31000, 410, '有'],
					['E03', '安居一村', '', '动迁房', '多层', '', 28000, 380, '无'],
					['E04', '安居二村', '', '动迁房', '多层', '', 19500, 260, '无']
				]),
				true
			)
		});
		expect(prepared.dataset).toBe('estates');
		expect(prepared.rowCount).toBe(4);
		const first = arrowChunk(prepared, 0, 3);
		const asBuilt = first.bytes.slice();
		const second = arrowChunk(prepared, 3, 4);
		expect(first.bytes).toEqual(asBuilt);

		const a = rowsOf(first.bytes);
		expect(a.map((r) => [r._i, r.estate_id, r.subdistrict, r.build_year, r.households, r.has_elevator])).toEqual([
			[0, 'E01', '江宁路街道', 1998, 640, true],
			[1, 'E02', '江宁路街道', 2005, 410, true],
			[2, 'E03', null, null, 380, false]
		]);
		// One row, after three: the fourth estate's own values, its blanks null although the arrays held 1998 and
		// 江宁路街道 in the same place a chunk ago.
		const b = rowsOf(second.bytes);
		expect(b).toHaveLength(1);
		expect([b[0]._i, b[0]._drop, b[0].estate_id, b[0].subdistrict, b[0].build_year, b[0].chargeable_area_m2, b[0].has_elevator]).toEqual([
			3,
			false,
			'E04',
			null,
			null,
			19500,
			false
		]);
	});
});
